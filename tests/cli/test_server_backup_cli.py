"""`backup` and `restore` with `--db postgresql://...`: the server's job, told, nothing written.

The database is a real one on the test server (skipped, with the reason, where PostgreSQL
cannot start), so the commands are checked against a server that is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import URL, make_url

from kinerja_desktop.cli import main
from kinerja_desktop.cli.backup import server_target
from kinerja_desktop.cli.exit_codes import EXIT_INPUT
from kinerja_desktop.services.app_services import open_services


@pytest.fixture
def office_url(server_url: URL, tmp_path: Path) -> str:
    services = open_services(tmp_path / "kantor", server=server_url)
    try:
        services.staff.add_unit("Pemkot", None)
    finally:
        services.close()
    return server_url.render_as_string(hide_password=False)


def _units(url: str, tmp_path: Path) -> list[str]:
    services = open_services(tmp_path / "kantor", server=url)
    try:
        return [unit.name for unit in services.staff.units()]
    finally:
        services.close()


def test_backup_of_a_server_database_points_to_pg_dump(
    office_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()

    assert main(["backup", "--db", office_url, "--to", str(usb)]) == EXIT_INPUT

    said = capsys.readouterr().err
    assert "cadangannya tugas server" in said
    url = make_url(office_url)
    command = next(line for line in said.splitlines() if line.startswith("pg_dump "))
    assert f"--host={url.query['host']}" in command
    assert f"--username={url.username}" in command
    assert command.endswith(f"--file={url.database}.dump {url.database}")
    assert list(usb.iterdir()) == []


def test_restore_into_a_server_database_is_refused(
    office_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = open_services(tmp_path / "lain.sqlite")
    try:
        backup = other.backups.backup_to(tmp_path / "cadangan.sqlite")
    finally:
        other.close()

    assert main(["restore", "--db", office_url, "--from", str(backup)]) == EXIT_INPUT

    said = capsys.readouterr().err
    assert said.startswith("Pemulihan ditolak: basis data yang dibuka ada di server PostgreSQL")
    assert "pg_restore --host=" in said
    assert _units(office_url, tmp_path) == ["Pemkot"]


@dataclass(frozen=True)
class _Profile:
    """The fields of a saved server connection the command line may resolve ``--db`` to."""

    host: str
    port: int
    database: str
    user: str


@dataclass(frozen=True)
class _Resolved:
    profile: _Profile


def test_the_server_target_is_read_from_text_a_path_a_url_or_a_connection() -> None:
    written = "postgresql://kantor@db.kantor:5433/kinerja"
    saved = _Resolved(_Profile("db.kantor", 5433, "kinerja", "kantor"))
    for given in (written, Path(written), make_url(written), saved):
        target = server_target(given)
        assert target is not None
        assert (target.host, target.port, target.database) == ("db.kantor", 5433, "kinerja")
    assert server_target(Path("/data/kantor.sqlite")) is None
    assert server_target(make_url("sqlite:///kantor.sqlite")) is None
