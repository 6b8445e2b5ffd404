"""Pengaturan › Cadangan on a server database: the server's job, the pg_dump command, no backup.

A real database on the test server (skipped, with the reason, where PostgreSQL cannot start).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import URL

from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.ui.application import windows_with_daily_backup
from kinerja_desktop.ui.settings.page import SettingsPage
from kinerja_desktop.ui.workers import wait_for_background_work

TODAY = date(2026, 11, 28)


@pytest.fixture
def on_server(server_url: URL, tmp_path: Path) -> Iterator[AppServices]:
    services = open_services(tmp_path / "kantor", server=server_url)
    yield services
    wait_for_background_work()  # as the app does: a window's page may still be reading
    services.close()


def test_the_section_says_backups_are_the_servers_job(qtbot, on_server: AppServices) -> None:
    page = SettingsPage(on_server.staff, backups=on_server.backups, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    section = page.backup_section
    assert section is not None
    advice = on_server.backups.server
    assert advice is not None

    note = section.findChild(QLabel, "backup_note")
    assert note is not None and note.text() == advice.backup_message()
    assert "pg_dump --host=" in note.text()
    # Nothing of the file's backups is offered: no list, no "Cadangkan ke…", no restore.
    for widget in (
        section.table,
        section.backup_button,
        section.restore_selected_button,
        section.restore_button,
    ):
        assert not widget.isVisible()
    assert not section.restore_button.isEnabled()

    assert section.copy_command_button.isVisible()
    qtbot.mouseClick(section.copy_command_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == advice.dump_command


def test_a_file_database_shows_no_copy_button(qtbot, tmp_path: Path) -> None:
    services = open_services(tmp_path / "kantor.sqlite")
    try:
        page = SettingsPage(services.staff, backups=services.backups, today=lambda: TODAY)
        qtbot.addWidget(page)
        page.show()
        section = page.backup_section
        assert section is not None
        assert not section.copy_command_button.isVisible()
        assert section.backup_button.isVisible() and section.table.isVisible()
    finally:
        services.close()


def test_no_daily_backup_is_taken_on_a_server(qtbot, on_server: AppServices) -> None:
    make_window, daily = windows_with_daily_backup(on_server)
    assert daily is None
    window = make_window(on_server)
    qtbot.addWidget(window)
    assert window.statusBar().findChild(QLabel, "daily_backup_status") is None
