"""Add or edit a server connection: host, port, database, user, TLS mode and password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.connections import DEFAULT_PORT, ConnectionProfile, SslMode
from kinerja_desktop.domain.errors import DomainError, ValidationErrors
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import (
    KeyringUnavailableError,
    ServerPasswords,
)
from kinerja_desktop.ui.accounts.sign_in import password_edit
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message, wrapped

FIELDS = ("name", "host", "port", "database", "user", "sslmode")


class ConnectionDialog(QDialog):
    """The fields of one connection; saving writes the list and the keyring, not the password."""

    def __init__(
        self,
        store: ConnectionStore,
        passwords: ServerPasswords,
        profile: ConnectionProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._passwords = passwords
        self._editing = profile
        #: What was saved (None until then); ``keyring_note`` says when no keyring kept it.
        self.saved: ConnectionProfile | None = None
        self.keyring_note: str | None = None
        self.setWindowTitle("Ubah koneksi server" if profile else "Tambah koneksi server")
        self.name = QLineEdit(profile.name if profile else "")
        self.host = QLineEdit(profile.host if profile else "")
        self.host.setPlaceholderText("mis. 192.168.1.10 atau server.kantor.local")
        self.port = QLineEdit(str(profile.port if profile else DEFAULT_PORT))
        self.database = QLineEdit(profile.database if profile else "kinerja")
        self.user = QLineEdit(profile.user if profile else "")
        self.sslmode = QComboBox()
        for mode in SslMode:
            self.sslmode.addItem(mode.label, mode.value)
        current = profile.sslmode if profile else SslMode.PREFER
        self.sslmode.setCurrentIndex(self.sslmode.findData(current.value))
        self.password = password_edit(
            "kosongkan bila tidak berubah" if profile else "disimpan di keyring sistem"
        )
        self.errors = {field: error_label() for field in (*FIELDS, "password")}
        form = QFormLayout()
        for label, edit, field in (
            ("&Nama koneksi", self.name, "name"),
            ("&Host", self.host, "host"),
            ("&Port", self.port, "port"),
            ("&Basis data", self.database, "database"),
            ("Pen&gguna", self.user, "user"),
            ("&TLS", self.sslmode, "sslmode"),
            ("&Kata sandi", self.password, "password"),
        ):
            form.addRow(label, edit)
            form.addRow("", self.errors[field])
        note = wrapped(
            QLabel(
                "Kata sandi disimpan di penyimpanan kata sandi sistem operasi (keyring), tidak "
                "pernah di berkas."
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(dialog_buttons(self, "&Simpan", self.save))

    def save(self) -> None:
        """Check and store the connection; messages go under their fields."""
        for label in self.errors.values():
            show_message(label, None)
        try:
            profile = ConnectionProfile.parse(
                name=self.name.text(),
                host=self.host.text(),
                port=self.port.text(),
                database=self.database.text(),
                user=self.user.text(),
                sslmode=str(self.sslmode.currentData()),
            )
            self._store.save(profile, replacing=self._editing.name if self._editing else None)
        except ValidationErrors as errors:
            for field, message in errors.by_field().items():
                show_message(self.errors.get(field, self.errors["name"]), message)
            return
        except DomainError as error:
            show_message(self.errors.get(error.field or "name", self.errors["name"]), error.message)
            return
        self._keep_password(profile)
        self.saved = profile
        self.accept()

    def _keep_password(self, profile: ConnectionProfile) -> None:
        moved = self._editing is not None and self._editing.key != profile.key
        password = self.password.text() or (
            self._passwords.get(self._editing) if moved and self._editing else None
        )
        if moved and self._editing is not None:
            self._passwords.forget(self._editing)
        if password:
            try:
                self._passwords.remember(profile, password)
            except KeyringUnavailableError as error:
                self.keyring_note = error.message
