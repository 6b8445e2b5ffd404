"""The daily backup runs after the window is shown, in the background, and is always reported."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow

from kinerja_desktop.data.backup import count_rows
from kinerja_desktop.data.sqlite_files import read_only_uri
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.backup import BackupService
from kinerja_desktop.ui.application import windows_with_daily_backup
from kinerja_desktop.ui.settings.daily_backup import ADVICE
from kinerja_desktop.ui.workers import wait_for_background_work

NOW = datetime(2026, 11, 28, 8, 15)
#: Long enough for any machine; the waits end as soon as the other side is ready.
PATIENCE_S = 30

#: The real service method; the tests call it at NOW, not at the wall clock's moment.
_ORIGINAL = BackupService.automatic_backup


def _at_fixed_moment(service: BackupService, now: datetime | None = None) -> Path | None:
    return _ORIGINAL(service, NOW)


def _banners(window: QMainWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel, "warning_banner")]


def test_the_window_is_shown_first_and_a_save_goes_on_during_the_backup(
    qtbot, office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading, release = threading.Event(), threading.Event()

    def slow_backup(self: BackupService, now: datetime | None = None) -> Path | None:
        # A slow copy: it holds a read snapshot on its own connection, as the backup's copy
        # does, until the test has saved; then takes the real backup.
        with closing(sqlite3.connect(read_only_uri(self.path), uri=True)) as reader:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM employees").fetchone()
            reading.set()
            assert release.wait(PATIENCE_S)
        return _ORIGINAL(self, NOW)

    monkeypatch.setattr(BackupService, "automatic_backup", slow_backup)
    make_window, daily = windows_with_daily_backup(office)
    assert daily is not None
    window = make_window(office)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(reading.is_set, timeout=PATIENCE_S * 1000)

    assert daily.running and window.isVisible()
    assert office.backups.backups() == ()
    # A save while the backup reads: not blocked (WAL), committed at once.
    unit = office.staff.add_unit("Seksi Ketenteraman", office.staff.units()[0].id)
    release.set()
    qtbot.waitUntil(lambda: daily.outcome is not None, timeout=PATIENCE_S * 1000)

    (made,) = office.backups.backups()
    assert daily.outcome == (
        True,
        f"Cadangan otomatis hari ini dibuat dan diperiksa: {made.path.name}.",
    )
    status = window.statusBar().findChild(QLabel, "daily_backup_status")
    assert status is not None and made.path.name in status.text()
    assert count_rows(made.path, ("units",))["units"] == len(office.staff.units())
    assert unit.id in {u.id for u in office.staff.units()}


def test_a_failed_backup_is_a_banner_on_this_window_and_the_next(
    qtbot, office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BackupService, "automatic_backup", _at_fixed_moment)
    # The backups folder cannot be made: a file has its name.
    (office.database_path.parent / "backups").write_text("bukan folder", encoding="utf-8")
    make_window, daily = windows_with_daily_backup(office)
    assert daily is not None
    window = make_window(office)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: daily.outcome is not None, timeout=PATIENCE_S * 1000)

    assert daily.outcome is not None and daily.outcome[0] is False
    [banner] = _banners(window)
    assert banner.startswith("Cadangan otomatis harian gagal dibuat (")
    assert banner.endswith(ADVICE)
    assert window.staff_page is not None  # the window works on
    # Signed out and in again: the new window is told too.
    again = make_window(office)
    qtbot.addWidget(again)
    assert _banners(again) == [banner]
    wait_for_background_work()
