"""One signed-in session of the main window: who is in, "Keluar akun", the idle lock.

`run_sessions` signs someone in, shows a fresh main window for them and, when they sign out,
closes it and asks again, so no page keeps what the previous account could see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.accounts.idle_lock import IdleLock
from kinerja_desktop.ui.accounts.sign_in import sign_in_dialog
from kinerja_desktop.ui.events import AppEvents, ChangeBatch
from kinerja_desktop.ui.workers import wait_for_background_work

if TYPE_CHECKING:
    from kinerja_desktop.ui.main_window import MainWindow


class AccountSession:
    """Marks ``window`` with the signed-in account and offers signing out."""

    def __init__(
        self, window: QMainWindow, services: AppServices, idle_ms: int | None = None
    ) -> None:
        self.window = window
        self.signed_out = False
        self._services = services
        principal = services.accounts.signed_in
        self.idle_lock: IdleLock | None = None
        if principal.is_system:
            return  # a read-only file without accounts: nobody to show or to sign out
        self._title = window.windowTitle()
        self.who = QLabel()
        self._show_who()
        window.statusBar().addPermanentWidget(self.who)
        events = getattr(window, "events", None)
        if isinstance(events, AppEvents):
            # An admin who changes their own name or role sees it at once (accounts: SETTINGS).
            events.changed.connect(self._follow_account)
        self.sign_out_action = QAction("Keluar &akun", window)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(self.sign_out)
        window.addAction(self.sign_out_action)
        # Into the Berkas menu, just above Keluar (quit).
        for menu in window.menuBar().findChildren(QMenu):
            if menu.title() == "&Berkas" and menu.actions():
                menu.insertAction(menu.actions()[-1], self.sign_out_action)
                break
        if idle_ms is None:
            self.idle_lock = IdleLock(window, services.accounts)
        else:
            self.idle_lock = IdleLock(window, services.accounts, idle_ms)
        self.idle_lock.sign_out_requested.connect(self.sign_out)

    def _show_who(self) -> None:
        principal = self._services.accounts.signed_in
        role = principal.role.label if principal.role else ""
        self.window.setWindowTitle(f"{self._title} — {principal.display_name} · {role}")
        self.who.setText(f"Masuk sebagai {principal.display_name} ({principal.user_name}) · {role}")

    def _follow_account(self, batch: ChangeBatch) -> None:
        if Topic.SETTINGS in batch.topics:
            self._show_who()

    def sign_out(self) -> None:
        """Close the window (it may ask about unsaved work) and forget the account."""
        self.signed_out = True
        if not self.window.close():
            self.signed_out = False  # the user stayed to keep unsaved changes
            return
        self.end()

    def end(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if self.signed_out:
            self._services.accounts.sign_out()


def start_session(window: MainWindow, services: AppServices) -> AccountSession | None:
    """The run's first session, in the window the start showed before the file was open.

    Signs in (over the window, which still says "Memuat…"), then fills the window with the
    file (`MainWindow.attach`). None when the sign-in is cancelled: nothing was shown.
    """
    dialog = sign_in_dialog(services, window)
    if dialog is not None and not dialog.exec():
        return None
    window.attach(services)
    return AccountSession(window, services)


def run_sessions(
    app: QApplication,
    services: AppServices,
    make_window: Callable[[AppServices], QMainWindow],
) -> int:
    """Sign in, run the window, and again after each "Keluar akun"; the app's exit code.

    Returns 1 when the first sign-in is cancelled (nothing was opened).
    """
    while True:
        dialog = sign_in_dialog(services)
        if dialog is not None and not dialog.exec():
            return 1
        window = make_window(services)
        session = AccountSession(window, services)
        window.show()
        code = app.exec()
        wait_for_background_work()
        session.end()
        window.deleteLater()
        if not session.signed_out:
            return code
