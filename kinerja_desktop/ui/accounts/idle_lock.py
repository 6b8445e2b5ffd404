"""The screen locks after a while without keyboard or mouse input; the password opens it.

An application-wide event filter restarts a single-shot timer on every input event. When it
runs out, the window's content is hidden and a dialog asks for the signed-in account's password
(wrong tries count toward the lock-out). Nothing is saved, discarded or changed by locking:
the pages stay as they were behind the dialog. A full-screen modal window (the public's kiosk,
which has its own PIN) is not locked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.accounts import IDLE_LOCK_MINUTES
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.ui.accounts.sign_in import DIALOG_WIDTH, password_edit
from kinerja_desktop.ui.common import error_label, show_message

#: What counts as someone at the keyboard.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

#: The dialog's result when the user chose to sign out instead.
SIGN_OUT = 2


class LockDialog(QDialog):
    """The locked screen: the password of the signed-in account, or sign out."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        principal = accounts.signed_in
        self.setWindowTitle("Layar terkunci")
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setModal(True)
        text = QLabel(
            f"<h3>Layar terkunci</h3><p>Tidak ada aktivitas selama {IDLE_LOCK_MINUTES} menit. "
            f"Masukkan kata sandi <b>{principal.display_name}</b> ({principal.user_name}) "
            "untuk melanjutkan. Data tidak berubah.</p>"
        )
        text.setWordWrap(True)
        self.password = password_edit()
        self.error = error_label()
        self.open_button = QPushButton("&Buka")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._unlock)
        self.sign_out_button = QPushButton("&Keluar akun")
        self.sign_out_button.clicked.connect(lambda: self.done(SIGN_OUT))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.password.setFocus()

    def reject(self) -> None:
        """Esc and the close button do not open the screen."""

    def _unlock(self) -> None:
        try:
            self._accounts.unlock(self.password.text())
        except DomainError as error:
            show_message(self.error, error.message)
            self.password.clear()
            return
        self.accept()


class IdleLock(QObject):
    """Locks ``window`` after ``idle_ms`` without input while an account is signed in.

    Signals:
    sign_out_requested(): the user chose "Keluar akun" on the locked screen.
    """

    sign_out_requested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        accounts: AccountService,
        idle_ms: int = IDLE_LOCK_MINUTES * 60_000,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._accounts = accounts
        #: Runs out after ``idle_ms`` without input and locks; public so tests can drive it
        #: without depending on how fast the machine is.
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle_timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002 - Qt's
        if event.type() in INPUT_EVENTS and self.dialog is None:
            self.idle_timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None or self._accounts.signed_in.is_system:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isFullScreen():
            # The public's kiosk runs unattended for hours and has its own PIN to leave it;
            # a lock dialog over it would face the citizens.
            self.idle_timer.start()
            return
        content = self._window.centralWidget()
        if content is not None:
            content.hide()  # nothing readable behind the dialog
        self._window.menuBar().setEnabled(False)
        # Above any dialog that is open, so that one is covered too.
        parent = QApplication.activeModalWidget() or self._window
        self.dialog = LockDialog(self._accounts, parent)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        self.dialog = None
        content = self._window.centralWidget()
        if content is not None:
            content.show()
        self._window.menuBar().setEnabled(True)
        if result == SIGN_OUT:
            self.sign_out_requested.emit()
        else:
            self.idle_timer.start()

    def stop(self) -> None:
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
