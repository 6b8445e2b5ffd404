"""At start: the connection chosen in Pengaturan opens, or the file opens with a message."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from postgres_tcp import TCP_PASSWORD, tcp_server
from PySide6.QtWidgets import QDialog
from sqlalchemy import URL

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.paths import connections_file, default_database_path
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import KEYRING_SERVICE, ServerPasswords
from kinerja_desktop.ui import application
from kinerja_desktop.ui.settings import server_start
from kinerja_desktop.ui.settings.server_password_dialog import ServerPasswordDialog
from kinerja_desktop.ui.workers import wait_for_background_work

__all__ = ["tcp_server"]  # the fixture, for the tests below


class _Answers:
    """Types the queued passwords into each password dialog; records what each one said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *passwords: str | None) -> None:
        self.queue = list(passwords)
        self.problems: list[str] = []
        answers = self

        def fake_exec(dialog: ServerPasswordDialog) -> int:
            answers.problems.append(dialog.problem.text())
            typed = answers.queue.pop(0)
            if typed is None:
                return QDialog.DialogCode.Rejected.value
            dialog.password.setText(typed)
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(ServerPasswordDialog, "exec", fake_exec)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(server_start.QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(
        server_start.QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    return told


@pytest.fixture
def file_opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    opened: list[Path] = []
    monkeypatch.setattr(application, "open_with_recovery", opened.append)
    return opened


def _choose(profile: ConnectionProfile) -> None:
    store = ConnectionStore(connections_file())
    store.save(profile)
    store.set_startup(profile.name)


def _socket_profile(url: URL) -> ConnectionProfile:
    return ConnectionProfile.parse(
        name="Kantor",
        host=url.query["host"],
        port=url.query["port"],
        database=url.database or "",
        user=url.username or "",
    )


def _close(services: AppServices | None) -> AppServices:
    assert isinstance(services, AppServices)
    services.close()
    return services


def test_the_chosen_connection_opens_and_the_typed_password_is_kept(
    qapp, server_url: URL, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    profile = _socket_profile(server_url)
    _choose(profile)
    answers = _Answers(monkeypatch, "ketik-sandi")  # the socket server trusts any password

    services = _close(application.open_at_start(None))

    assert services.database.server
    assert answers.problems == [""]
    assert memory_keyring.passwords == {(KEYRING_SERVICE, profile.key): "ketik-sandi"}


def test_a_refused_password_is_asked_again_with_the_reason(
    qapp,
    tcp_server: int,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    warnings: list[str],
) -> None:
    profile = ConnectionProfile("Pusat", "127.0.0.1", tcp_server, "postgres", "kinerja")
    _choose(profile)
    ServerPasswords().remember(profile, "sandi-lama")
    answers = _Answers(monkeypatch, TCP_PASSWORD)

    services = _close(application.open_at_start(None))

    assert services.database.server
    assert "menolak login" in answers.problems[0]
    assert memory_keyring.passwords[(KEYRING_SERVICE, profile.key)] == TCP_PASSWORD
    assert warnings == []


def test_an_unreachable_server_falls_back_to_the_file_with_a_message(
    qapp, file_opened: list[Path], warnings: list[str], memory_keyring: MemoryKeyring
) -> None:
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    profile = ConnectionProfile("Pusat", "127.0.0.1", port, "kinerja", "tu")
    _choose(profile)
    ServerPasswords().remember(profile, "sandi")

    application.open_at_start(None)

    assert file_opened == [default_database_path()]
    assert len(warnings) == 1
    assert "tidak dapat dihubungi" in warnings[0]
    assert str(default_database_path()) in warnings[0]


def test_choosing_the_file_at_the_password_prompt_opens_the_file(
    qapp, monkeypatch: pytest.MonkeyPatch, file_opened: list[Path]
) -> None:
    _choose(ConnectionProfile("Pusat", "127.0.0.1", 5432, "kinerja", "tu"))
    _Answers(monkeypatch, None)

    application.open_at_start(None)

    assert file_opened == [default_database_path()]


def test_without_a_chosen_connection_or_with_a_file_the_file_opens(
    qapp, tmp_path: Path, file_opened: list[Path]
) -> None:
    application.open_at_start(None)
    application.open_at_start(tmp_path / "lain.sqlite")

    assert file_opened == [default_database_path(), tmp_path / "lain.sqlite"]


def test_the_window_names_the_server_not_the_local_folder(
    qapp, qtbot, server_url: URL, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    from kinerja_desktop.ui.main_window import MainWindow

    profile = _socket_profile(server_url)
    _choose(profile)
    _Answers(monkeypatch, "ketik-sandi")
    services = application.open_at_start(None)
    assert isinstance(services, AppServices)
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)

        shown = window.statusBar().currentMessage()
        assert shown.startswith("Server PostgreSQL: ")
        assert profile.database in shown
        assert str(default_database_path().parent) not in shown
        assert profile.database in window.windowTitle()
    finally:
        wait_for_background_work()  # as the app does: Beranda may still be reading
        services.close()
