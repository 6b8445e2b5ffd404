"""Uji koneksi and opening a saved connection, against real throw-away PostgreSQL servers."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from postgres_tcp import TCP_PASSWORD as PASSWORD
from postgres_tcp import tcp_server, tls_server
from sqlalchemy import URL, Engine

from kinerja_desktop.data.database import (
    PASSWORD_NEEDED_MESSAGE,
    TLS_CERTIFICATE_MESSAGE,
    TLS_REQUIRED_MESSAGE,
    UNREACHABLE_MESSAGE,
)
from kinerja_desktop.domain.connections import ConnectionProfile, SslMode
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.platform.server_connection import check_connection, open_server

__all__ = ["tcp_server", "tls_server"]  # the fixtures, for the tests below


def _socket_profile(url: URL, **changes: object) -> ConnectionProfile:
    values: dict[str, object] = {
        "name": "Uji",
        "host": url.query["host"],
        "port": url.query["port"],
        "database": url.database or "",
        "user": url.username or "",
    }
    values.update(changes)
    return ConnectionProfile.parse(**values)  # type: ignore[arg-type]


def _tcp_profile(port: int, sslmode: SslMode = SslMode.PREFER) -> ConnectionProfile:
    return ConnectionProfile("Uji", "127.0.0.1", port, "postgres", "kinerja", sslmode)


def test_a_reachable_server_answers_with_its_version(server_url: URL) -> None:
    found = check_connection(_socket_profile(server_url), None)

    assert found.ok
    assert found.server_version is not None
    assert found.server_version.split(".")[0].isdigit()
    assert f"server PostgreSQL {found.server_version}" in found.message
    assert not found.encrypted  # a Unix socket: libpq uses no TLS there


def test_a_missing_database_is_named(
    postgres_admin: tuple[Engine, Callable[[str], URL]],
) -> None:
    _admin, url_of = postgres_admin
    found = check_connection(_socket_profile(url_of("postgres"), database="tidak_ada"), None)

    assert not found.ok
    assert found.message.startswith("Basis data tidak ditemukan di server")


def test_a_host_nobody_listens_on_cannot_be_reached() -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    found = check_connection(_tcp_profile(port), None, timeout_seconds=2)

    assert found == type(found)(ok=False, message=UNREACHABLE_MESSAGE)


def test_the_right_password_connects_and_a_wrong_one_is_named(tcp_server: int) -> None:
    profile = _tcp_profile(tcp_server)

    assert check_connection(profile, PASSWORD).ok
    wrong = check_connection(profile, "salah")
    assert not wrong.ok
    assert "menolak login" in wrong.message
    assert check_connection(profile, None).message == PASSWORD_NEEDED_MESSAGE


@pytest.mark.parametrize("mode", [SslMode.DISABLE, SslMode.PREFER])
def test_without_tls_on_the_server_disable_and_prefer_connect(
    tcp_server: int, mode: SslMode
) -> None:
    found = check_connection(_tcp_profile(tcp_server, mode), PASSWORD)

    assert found.ok
    assert not found.encrypted
    assert found.message.endswith("tanpa enkripsi TLS.")


@pytest.mark.parametrize(
    ("mode", "encrypted"),
    [(SslMode.DISABLE, False), (SslMode.PREFER, True), (SslMode.REQUIRE, True)],
)
def test_a_server_offering_tls_is_used_with_it_unless_disabled(
    tls_server: int, mode: SslMode, encrypted: bool
) -> None:
    found = check_connection(_tcp_profile(tls_server, mode), PASSWORD)

    assert found.ok, found.message
    assert found.encrypted is encrypted
    assert ("terenkripsi (TLS)" in found.message) is encrypted


def test_verify_full_refuses_a_certificate_nobody_vouches_for(tls_server: int) -> None:
    found = check_connection(_tcp_profile(tls_server, SslMode.VERIFY_FULL), PASSWORD)

    assert found == type(found)(ok=False, message=TLS_CERTIFICATE_MESSAGE)


@pytest.mark.parametrize("mode", [SslMode.REQUIRE, SslMode.VERIFY_FULL])
def test_required_tls_on_a_server_without_it_is_told_plainly(
    tcp_server: int, mode: SslMode
) -> None:
    found = check_connection(_tcp_profile(tcp_server, mode), PASSWORD)

    assert found.message == TLS_REQUIRED_MESSAGE
    assert "tidak mendukung TLS" in found.message


def test_a_saved_connection_opens_the_office_on_the_server(
    server_url: URL, private_data_dir: Path
) -> None:
    services = open_server(_socket_profile(server_url), None)
    try:
        assert services.database.server
        assert services.database.path.parent.parent == private_data_dir / "servers"
        socket_folder = server_url.query["host"].replace("/", "_")
        assert services.database_path.name == f"{server_url.database} di {socket_folder}"
        services.staff.add_unit("Dinas Uji", None, "Kota Uji")
        assert [u.name for u in services.staff.units()] == ["Dinas Uji"]
    finally:
        services.close()


def test_opening_an_unreachable_server_raises_a_clear_message(tcp_server: int) -> None:
    with pytest.raises(StorageError) as caught:
        open_server(_tcp_profile(tcp_server), "salah")

    assert "menolak login" in caught.value.message
