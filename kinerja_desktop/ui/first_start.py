"""First start: begin with an empty office or with the demo office."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Selamat datang di Kinerja Desktop")
        intro = QLabel(
            "<h3>Selamat datang</h3><p>Basis data belum ada di komputer ini. "
            "Mulai dengan kantor kosong, atau coba dulu dengan kantor contoh.</p>"
        )
        intro.setWordWrap(True)
        self.empty = QRadioButton("Kantor &kosong: saya isi atau impor sendiri")
        self.demo = QRadioButton(
            "Kantor &contoh: Kecamatan dan Puskesmas Kertapati (Kota Palembang), 40 pegawai"
        )
        self.empty.setChecked(True)
        self.instansi = QLineEdit()
        self.instansi.setPlaceholderText("mis. Pemerintah Kota Palembang")
        self.city = QLineEdit()
        self.city.setPlaceholderText("mis. Palembang (untuk baris tempat dan tanggal)")
        self.instansi_error = error_label()
        form = QFormLayout()
        form.addRow("Nama &instansi", self.instansi)
        form.addRow("", self.instansi_error)
        form.addRow("&Kota", self.city)
        buttons = dialog_buttons(self, "&Mulai", self._accept, cancel_text="Keluar")
        self.demo.toggled.connect(self._demo_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)

    def _demo_toggled(self, demo: bool) -> None:
        self.instansi.setEnabled(not demo)
        self.city.setEnabled(not demo)

    @property
    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    def _accept(self) -> None:
        if not self.wants_demo and not self.instansi.text().strip():
            show_message(self.instansi_error, "Nama instansi wajib diisi untuk kantor kosong.")
            self.instansi.setFocus()
            return
        self.accept()
