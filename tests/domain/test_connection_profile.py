"""A saved server connection is checked field by field, with messages naming the field."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.connections import DEFAULT_PORT, ConnectionProfile, SslMode
from kinerja_desktop.domain.errors import ValidationErrors


def _parse(**changes: object) -> ConnectionProfile:
    values: dict[str, object] = {
        "name": "Kantor",
        "host": "db.kantor.go.id",
        "port": "5433",
        "database": "kinerja",
        "user": "pengelola",
    }
    values.update(changes)
    return ConnectionProfile.parse(**values)  # type: ignore[arg-type]


def test_a_typed_connection_is_cleaned_and_prefers_tls_by_default() -> None:
    profile = _parse(name="  Kantor  pusat ", host=" db.kantor.go.id ")

    assert profile == ConnectionProfile(
        "Kantor pusat", "db.kantor.go.id", 5433, "kinerja", "pengelola", SslMode.PREFER
    )
    assert profile.key == "pengelola@db.kantor.go.id:5433/kinerja"


def test_an_empty_port_is_postgresql_s_own_and_a_socket_folder_is_a_host() -> None:
    profile = _parse(port="", host="/run/postgresql", sslmode="VERIFY-FULL")

    assert profile.port == DEFAULT_PORT
    assert profile.host == "/run/postgresql"
    assert profile.sslmode is SslMode.VERIFY_FULL


def test_every_wrong_field_is_named_in_indonesian() -> None:
    with pytest.raises(ValidationErrors) as caught:
        _parse(name="", host="db kantor", port="70000", database="", user="", sslmode="always")

    assert caught.value.by_field() == {
        "name": "Nama koneksi wajib diisi.",
        "host": "Host server tidak boleh berisi spasi.",
        "port": "Port harus bilangan bulat 1 sampai 65535 (tertulis: 70000).",
        "database": "Nama basis data wajib diisi.",
        "user": "Pengguna wajib diisi.",
        "sslmode": (
            "Mode TLS harus salah satu dari disable, prefer, require, verify-full "
            "(tertulis: always)."
        ),
    }


@pytest.mark.parametrize("name", ["kantor/pusat", "kinerja.sqlite", "postgresql-kantor", "a\\b"])
def test_a_name_that_reads_as_a_file_or_url_is_refused(name: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        _parse(name=name)

    assert "--db" in caught.value.by_field()["name"]


@pytest.mark.parametrize("port", ["abc", "0", "-1", "5432.0"])
def test_a_port_that_is_no_port_number_is_refused(port: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        _parse(port=port)

    assert caught.value.by_field()["port"].startswith("Port harus bilangan bulat")
