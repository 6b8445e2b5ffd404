"""Pengaturan › Akun (admin only): add, change role or linked person, deactivate, reset password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.accounts import AccountFields
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.services.accounts.service import AccountInfo, AccountService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.accounts.sign_in import password_edit
from kinerja_desktop.ui.common import (
    FieldErrors,
    dialog_buttons,
    error_label,
    show_error,
    show_message,
)

COLUMNS = ("Nama pengguna", "Nama tampilan", "Peran", "Pegawai tertaut", "Status", "Terakhir masuk")


class AccountDialog(QDialog):
    """A new account, or an existing one's name, role and linked person."""

    def __init__(
        self,
        accounts: AccountService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        account: AccountInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._staff = staff
        self._account = account
        self.setWindowTitle("Ubah akun" if account else "Akun baru")
        self.user_name = QLineEdit(account.user_name if account else "")
        self.user_name.setEnabled(account is None)
        self.display_name = QLineEdit(account.display_name if account else "")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        if account is not None:
            self.role.setCurrentIndex(self.role.findData(account.role.value))
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("NIP pegawai (wajib untuk kepala unit dan pejabat penilai)")
        if account is not None and account.employee_id is not None:
            self.nip.setText(str(staff.get(account.employee_id).nip))
        self.password = password_edit()
        self.repeat = password_edit()
        fields = ("user_name", "display_name", "role", "employee", "password", "repeat")
        self.errors = FieldErrors(fields)
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            ("&Nama pengguna", self.user_name, "user_name"),
            ("Nama &tampilan", self.display_name, "display_name"),
            ("&Peran", self.role, "role"),
            ("Pegawai (&NIP)", self.nip, "employee"),
        ]
        if account is None:
            rows += [
                ("&Kata sandi", self.password, "password"),
                ("&Ulangi kata sandi", self.repeat, "repeat"),
            ]
        for label, edit, field in rows:
            form.addRow(label, edit)
            form.addRow("", self.errors[field])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(dialog_buttons(self, "&Simpan", self._accept))

    def _employee_id(self) -> int | None:
        text = self.nip.text().strip()
        if not text:
            return None
        try:
            found = self._staff.find_by_nip(str(Nip.parse(text)))
        except ValidationError as error:
            raise ValidationErrors([ValidationError(error.message, field="employee")]) from error
        if found is None:
            raise ValidationErrors(
                [ValidationError("Tidak ada pegawai dengan NIP ini.", field="employee")]
            )
        return found.id

    def _accept(self) -> None:
        self.errors.hide_all()
        try:
            fields = AccountFields(
                self.user_name.text(),
                self.display_name.text(),
                Role(self.role.currentData()),
                self._employee_id(),
            )
            if self._account is None:
                self._accounts.add(fields, self.password.text(), self.repeat.text())
            else:
                self._accounts.update(self._account.id, fields)
        except DomainError as error:
            self.errors.show(error)
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    """A new password for an account (it also lifts a lock-out)."""

    def __init__(
        self, accounts: AccountService, account: AccountInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._account = account
        self.setWindowTitle("Atur ulang kata sandi")
        self.password = password_edit()
        self.repeat = password_edit()
        self.errors = {"password": error_label(), "repeat": error_label()}
        form = QFormLayout()
        form.addRow(QLabel(f"Kata sandi baru untuk <b>{account.user_name}</b>:"))
        form.addRow("&Kata sandi", self.password)
        form.addRow("", self.errors["password"])
        form.addRow("&Ulangi", self.repeat)
        form.addRow("", self.errors["repeat"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, "&Simpan", self._accept))

    def _accept(self) -> None:
        for label in self.errors.values():
            show_message(label, None)
        try:
            self._accounts.reset_password(
                self._account.id, self.password.text(), self.repeat.text()
            )
        except ValidationErrors as errors:
            for field, message in errors.by_field().items():
                show_message(self.errors.get(field, self.errors["password"]), message)
            return
        except DomainError as error:
            show_message(self.errors["password"], error.message)
            return
        self.accept()


class AccountsSection(QGroupBox):
    """The office's accounts in a table with the admin's actions."""

    def __init__(
        self, accounts: AccountService, staff: StaffService, parent: QWidget | None = None
    ) -> None:
        super().__init__("Akun dan peran", parent)
        self._accounts = accounts
        self._staff = staff
        self._shown: list[AccountInfo] = []
        note = QLabel(
            "Admin mengelola akun dan melihat semua data. Kepala unit melihat pegawai unitnya "
            "dan unit di bawahnya; pejabat penilai hanya pegawai yang dinilainya (dan yang "
            "dinilai pejabat yang ia gantikan sebagai Plt/Plh)."
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)  # three accounts at least, however tall the page
        self.add_button = QPushButton("&Tambah akun…")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton("&Ubah…")
        self.edit_button.clicked.connect(self.edit_account)
        self.active_button = QPushButton("&Nonaktifkan / aktifkan")
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton("Atur ulang &kata sandi…")
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            self._shown = self._accounts.accounts()
        except DomainError:
            self._shown = []  # signed out or no longer admin: show nothing
        self.table.setRowCount(len(self._shown))
        for row, account in enumerate(self._shown):
            if not account.active:
                status = "Nonaktif"
            elif account.locked_until is not None:
                status = f"Terkunci sampai {account.locked_until:%H.%M}"
            else:
                status = "Aktif"
            last = format_date_id(account.last_sign_in.date()) if account.last_sign_in else "—"
            values = (
                account.user_name,
                account.display_name,
                account.role.label,
                account.employee_name or "—",
                status,
                last,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def selected(self) -> AccountInfo | None:
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def add_account(self) -> None:
        if AccountDialog(self._accounts, self._staff, self).exec():
            self.refresh()

    def edit_account(self) -> None:
        account = self.selected()
        if (
            account is not None
            and AccountDialog(self._accounts, self._staff, self, account=account).exec()
        ):
            self.refresh()

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            self._accounts.set_active(account.id, not account.active)
        except DomainError as error:
            show_error(self, "Akun tidak diubah", error)
            return
        self.refresh()

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None and ResetPasswordDialog(self._accounts, account, self).exec():
            self.refresh()
