"""Signing in: the first admin on a file without accounts, the login dialog after that."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.accounts import MIN_PASSWORD_LENGTH
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.common import FieldErrors, dialog_buttons, error_label, show_message

#: Wide enough that the wrapped introductions stay readable in a few lines.
DIALOG_WIDTH = 440


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class AdminSetupDialog(QDialog):
    """First start of a file without accounts: create the personnel office's admin."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.setWindowTitle("Buat akun admin")
        self.setMinimumWidth(DIALOG_WIDTH)
        intro = QLabel(
            "<h3>Akun admin pertama</h3><p>Basis data ini belum memiliki admin. Buat akun admin "
            "(bagian kepegawaian): akun ini mengelola akun lain dan dapat membuka semua data. "
            "Pejabat penilai dan kepala unit mendapat akunnya sendiri dari admin di "
            "<b>Pengaturan › Akun dan peran</b>.</p>"
        )
        intro.setWordWrap(True)
        self.user_name = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText("mis. Bagian Kepegawaian")
        self.password = password_edit(f"minimal {MIN_PASSWORD_LENGTH} karakter, huruf dan angka")
        self.repeat = password_edit()
        self.errors = FieldErrors(("user_name", "display_name", "password", "repeat"))
        form = QFormLayout()
        for label, edit, field in (
            ("&Nama pengguna", self.user_name, "user_name"),
            ("Nama &tampilan", self.display_name, "display_name"),
            ("&Kata sandi", self.password, "password"),
            ("&Ulangi kata sandi", self.repeat, "repeat"),
        ):
            form.addRow(label, edit)
            form.addRow("", self.errors[field])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(dialog_buttons(self, "&Buat dan masuk", self._accept, "Keluar"))
        self.display_name.setFocus()

    def _accept(self) -> None:
        self.errors.hide_all()
        try:
            self._accounts.create_first_admin(
                self.user_name.text(),
                self.display_name.text(),
                self.password.text(),
                self.repeat.text(),
            )
        except DomainError as error:
            self.errors.show(error)
            return
        self.accept()


class SignInDialog(QDialog):
    """Sign in with a user name and password; wrong tries are counted (lock-out)."""

    def __init__(
        self, accounts: AccountService, parent: QWidget | None = None, *, file_name: str = ""
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.setWindowTitle("Masuk ke Kinerja Desktop")
        self.setMinimumWidth(DIALOG_WIDTH)
        # Short lines: a wrapped label can be clipped when the error line appears below.
        intro = QLabel(
            "<h3>Masuk</h3><p>Nama pengguna dan kata sandi akun Anda.</p>"
            + (f"<p>Berkas: <b>{file_name}</b></p>" if file_name else "")
        )
        self.user_name = QLineEdit()
        self.password = password_edit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("&Nama pengguna", self.user_name)
        form.addRow("&Kata sandi", self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, "&Masuk", self._accept, "Keluar"))
        self.user_name.setFocus()

    def _accept(self) -> None:
        try:
            self._accounts.sign_in(self.user_name.text(), self.password.text())
        except DomainError as error:
            show_message(self.error, error.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


def sign_in_dialog(services: AppServices, parent: QWidget | None = None) -> QDialog | None:
    """The dialog this file needs at start, or None when nobody has to sign in.

    A file without an admin (new, upgraded, or the demo office) gets its first admin; a
    read-only one cannot store one, so it opens as it is, or with the accounts it has (whoever
    can read the file has its data anyway).
    """
    if services.accounts.needs_admin() and not services.read_only:
        return AdminSetupDialog(services.accounts, parent)
    if services.accounts.has_accounts():
        return SignInDialog(services.accounts, parent, file_name=services.database_path.name)
    return None
