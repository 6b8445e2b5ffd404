"""The password of a server connection, asked at start when the keyring has none."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.ui.accounts.sign_in import password_edit
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message, wrapped


class ServerPasswordDialog(QDialog):
    """Ask for the password of ``profile``; ``problem`` says why the last one failed."""

    def __init__(
        self,
        profile: ConnectionProfile,
        problem: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kata sandi server basis data")
        self.password = password_edit()
        self.keep = QCheckBox("Simpan di penyimpanan kata sandi sistem (keyring)")
        self.keep.setChecked(True)
        self.problem = error_label()
        show_message(self.problem, problem)
        form = QFormLayout()
        form.addRow(
            wrapped(
                QLabel(
                    f"Kata sandi pengguna <b>{profile.user}</b> untuk basis data "
                    f"<b>{profile.database}</b> di server <b>{profile.host}:{profile.port}</b> "
                    f"(koneksi {profile.name}):"
                )
            )
        )
        form.addRow("&Kata sandi", self.password)
        form.addRow("", self.keep)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, "&Hubungkan", self.accept, "Buka berkas saja"))
