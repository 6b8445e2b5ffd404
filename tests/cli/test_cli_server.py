"""``--db`` names a PostgreSQL server: a URL or a connection saved in Pengaturan."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from postgres_tcp import TCP_PASSWORD, tcp_server
from sqlalchemy import URL

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.data.database import PASSWORD_NEEDED_MESSAGE, UNREACHABLE_MESSAGE
from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.paths import connections_file
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_connection import open_server
from kinerja_desktop.services.platform.server_passwords import ServerPasswords

__all__ = ["tcp_server"]  # the fixture, for the tests below


def _profile(url: URL, name: str = "Kantor") -> ConnectionProfile:
    return ConnectionProfile.parse(
        name=name,
        host=url.query["host"],
        port=url.query["port"],
        database=url.database or "",
        user=url.username or "",
    )


def _cli_url(url: URL) -> str:
    """The URL as a user writes it: postgresql://, the socket folder as host in the query."""
    return f"postgresql://{url.username}@/{url.database}?host={url.query['host']}"


def _employees(profile: ConnectionProfile, password: str | None = None) -> int:
    services = open_server(profile, password, create=False)
    try:
        return services.staff.count(active_only=False)
    finally:
        services.close()


def test_demo_writes_the_office_to_the_server_named_by_url(server_url: URL) -> None:
    assert main(["--db", _cli_url(server_url), "demo", "--employees", "12"]) == EXIT_OK

    assert _employees(_profile(server_url)) >= 12


def test_a_saved_connection_name_opens_its_server(
    server_url: URL, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _profile(server_url)
    ConnectionStore(connections_file()).save(profile)
    services = open_server(profile, None)
    try:
        services.accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    finally:
        services.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("baru2026x\nbaru2026x\n"))

    assert main(["reset-password", "--db", "Kantor", "admin"]) == EXIT_OK

    assert "akun aktif" in capsys.readouterr().out
    services = open_server(profile, None)
    try:
        services.accounts.sign_in("admin", "baru2026x")
    finally:
        services.close()


def test_a_name_with_no_saved_connection_stays_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    assert main(["verify", "--db", "Kantor", "ABCD"]) == EXIT_STORAGE

    assert "Berkas basis data tidak ada: Kantor" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["backup", "--to", "x.sqlite"], "pg_dump"),
        (["restore", "--from", "x.sqlite"], "pg_restore"),
        (["check", "--terima-segel"], "tidak punya berkas segel"),
    ],
)
def test_file_only_commands_say_so_on_a_server(
    command: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://kinerja@localhost/kinerja"

    assert main([command[0], "--db", url, *command[1:]]) == EXIT_INPUT

    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_a_password_on_the_command_line_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql://kinerja:rahasia@localhost/kinerja", "demo"]) == EXIT_INPUT

    assert "Jangan menulis kata sandi" in capsys.readouterr().err


def test_an_unreachable_server_is_told_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    assert main(["--db", f"postgresql://kinerja@127.0.0.1:{port}/kinerja", "demo"]) == 1

    err = capsys.readouterr().err
    assert UNREACHABLE_MESSAGE in err
    assert "Traceback" not in err


def test_the_password_comes_from_pgpassword_or_the_keyring(
    tcp_server: int,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://kinerja@127.0.0.1:{tcp_server}/postgres?sslmode=prefer"
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")

    assert main(["--db", url, "demo", "--employees", "3"]) == EXIT_STORAGE
    assert PASSWORD_NEEDED_MESSAGE in capsys.readouterr().err

    monkeypatch.setenv("PGPASSWORD", TCP_PASSWORD)
    assert main(["--db", url, "demo", "--employees", "3"]) == EXIT_OK

    monkeypatch.delenv("PGPASSWORD")
    profile = ConnectionProfile("Pusat", "127.0.0.1", tcp_server, "postgres", "kinerja")
    ServerPasswords().remember(profile, TCP_PASSWORD)
    assert memory_keyring.passwords  # the keyring, not a file, holds it
    assert _employees(profile, ServerPasswords().get(profile)) >= 3
    assert main(["--db", url, "verify", "ABCD"]) == EXIT_INPUT  # opened; no such code


def test_the_gui_gets_the_saved_connection(
    server_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = _profile(server_url)
    ConnectionStore(connections_file()).save(profile)
    started: list[object] = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.application.run_gui", lambda db: started.append(db) or 0
    )

    assert main(["--db", "kantor"]) == 0

    assert started == [profile]
