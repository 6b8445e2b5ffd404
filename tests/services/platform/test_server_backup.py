"""Backups of a server database: the server's job (pg_dump); a restore into it is refused.

The commands are checked as text; the service's refusals on a real database of the test
server (skipped, with the reason, where PostgreSQL cannot start).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import URL, make_url

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.server_backup import server_backup_advice

NOW = datetime(2026, 11, 30, 9, 0)


def test_the_commands_name_host_port_database_and_user_but_never_the_password() -> None:
    advice = server_backup_advice(make_url("postgresql://kantor:rahasia@db.kantor:5433/kinerja"))

    assert advice.where == "db.kantor:5433/kinerja"
    assert advice.dump_command == (
        "pg_dump --host=db.kantor --port=5433 --username=kantor --format=custom "
        "--file=kinerja.dump kinerja"
    )
    assert advice.restore_command == (
        "pg_restore --host=db.kantor --port=5433 --username=kantor --dbname=kinerja --clean "
        "--if-exists --single-transaction kinerja.dump"
    )
    for text in (advice.backup_message(), advice.restore_refusal(), repr(advice)):
        assert "rahasia" not in text
    assert advice.dump_command in advice.backup_message()
    assert advice.restore_command in advice.restore_refusal()


def test_a_socket_folder_or_no_port_is_written_as_libpq_reads_it() -> None:
    on_socket = URL.create(
        "postgresql+psycopg",
        username="tata usaha",
        database="kinerja",
        query={"host": "/run/postgresql"},
    )
    advice = server_backup_advice(on_socket)
    assert advice.dump_command == (
        "pg_dump --host=/run/postgresql --username='tata usaha' --format=custom "
        "--file=kinerja.dump kinerja"
    )
    assert advice.where == "/run/postgresql/kinerja"
    assert server_backup_advice(make_url("postgresql://db/k")).where == "db/k"


@pytest.fixture
def on_server(server_url: URL, tmp_path: Path) -> Iterator[AppServices]:
    services = open_services(tmp_path / "kantor", server=server_url)
    yield services
    services.close()


def _a_file_backup(tmp_path: Path) -> Path:
    other = open_services(tmp_path / "lain.sqlite")
    try:
        other.staff.add_unit("Dinas Lain", None)
        return other.backups.backup_to(tmp_path / "cadangan.sqlite", NOW)
    finally:
        other.close()


def test_a_server_database_is_not_backed_up_by_the_app(
    on_server: AppServices, tmp_path: Path
) -> None:
    advice = on_server.backups.server
    assert advice is not None
    assert advice.dump_command.startswith("pg_dump --host=")

    assert on_server.backups.automatic_backup(NOW) is None
    with pytest.raises(ValidationError) as refused:
        on_server.backups.backup_to(tmp_path / "usb", NOW)
    assert refused.value.message == advice.backup_message()
    assert "tugas server" in refused.value.message
    assert on_server.backups.backups() == ()
    assert not (tmp_path / "usb").exists()
    assert not (tmp_path / "backups").exists()


def test_a_restore_into_a_server_database_is_refused_and_changes_nothing(
    on_server: AppServices, tmp_path: Path
) -> None:
    backup = _a_file_backup(tmp_path)
    on_server.staff.add_unit("Pemkot", None)

    with pytest.raises(ValidationError) as refused:
        on_server.backups.restore(backup, NOW)

    assert refused.value.message.startswith("Pemulihan ditolak: basis data yang dibuka ada di")
    assert "pg_restore --host=" in refused.value.message
    assert [unit.name for unit in on_server.staff.units()] == ["Pemkot"]
    assert not (tmp_path / "backups").exists()


def test_a_file_database_has_no_server_advice(tmp_path: Path) -> None:
    services = open_services(tmp_path / "kantor.sqlite")
    try:
        assert services.backups.server is None
        assert services.backups.automatic_backup(NOW) is not None
    finally:
        services.close()
