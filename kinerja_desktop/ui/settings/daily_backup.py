"""The daily automatic backup, taken in the background once the main window is shown.

Start-up used to wait for it (a full ``integrity_check`` of the copy: seconds on a large
file). Now the window shows first; the backup runs on a worker thread with its own SQLite
connections (WAL: a save is never blocked by it), and its outcome is told on every main window
of the run: in the status bar when it was made, as a warning banner when it failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow
from shiboken6 import isValid

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.ui.warning_banner import add_warning
from kinerja_desktop.ui.workers import run_in_background

log = logging.getLogger(__name__)

#: Takes today's backup if due: the new file, or None when one was taken today already.
TakeBackup = Callable[[], Path | None]

MADE = "Cadangan otomatis hari ini dibuat dan diperiksa: {name}."
NOT_DUE = "Cadangan otomatis hari ini sudah ada."
UNEXPECTED = "Cadangan otomatis harian gagal dibuat ({reason})."
#: After the reason: the data is safe, and what to do.
ADVICE = (
    " Data yang tersimpan tidak berubah. Buat cadangan lewat Pengaturan (Cadangkan ke…), dan "
    "periksa ruang kosong serta izin tulis folder backups di samping basis data."
)


class DailyBackup(QObject):
    """Runs ``take`` once, after the first window is shown, and reports to every window."""

    def __init__(self, take: TakeBackup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._take = take
        self._started = False
        #: None while running (or not started); then (succeeded, message).
        self.outcome: tuple[bool, str] | None = None
        self._windows: list[QMainWindow] = []

    @property
    def running(self) -> bool:
        return self._started and self.outcome is None

    def attach(self, window: QMainWindow) -> None:
        """Report to ``window``; the first one attached starts the backup once it is shown."""
        self._windows.append(window)
        if self.outcome is not None:
            self._tell(window)
        if not self._started:
            self._started = True
            # Queued: it starts on the event loop's first turn, after the window is painted.
            QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        run_in_background(self._take, self._succeeded, self._failed)

    def _succeeded(self, made: Path | None) -> None:
        message = NOT_DUE if made is None else MADE.format(name=made.name)
        self._finish(True, message)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):  # the service's own message names the failure
            message = error.message
        else:  # not expected: logged whole, told plainly
            log.error("automatic backup failed", exc_info=error)
            message = UNEXPECTED.format(reason=str(error) or type(error).__name__)
        self._finish(False, message + ADVICE)

    def _finish(self, succeeded: bool, message: str) -> None:
        self.outcome = (succeeded, message)
        for window in self._windows:
            self._tell(window)

    def _tell(self, window: QMainWindow) -> None:
        if not isValid(window) or self.outcome is None:
            return  # signed out of meanwhile: the next window is told
        succeeded, message = self.outcome
        if succeeded:
            label = QLabel(message)
            label.setObjectName("daily_backup_status")
            window.statusBar().addPermanentWidget(label)
        else:
            add_warning(window, message)
