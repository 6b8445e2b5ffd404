"""First start: begin with an empty office, the demo office, or the Pemda's prefill package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message, wrapped


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Selamat datang di Kinerja Desktop")
        intro = QLabel(
            "<h3>Selamat datang</h3><p>Basis data belum ada di komputer ini. "
            "Mulai dengan kantor kosong, dari paket isian awal yang dikirim Pemda, "
            "atau coba dulu dengan kantor contoh.</p>"
        )
        intro.setWordWrap(True)
        self.empty = QRadioButton("Kantor &kosong: saya isi atau impor sendiri")
        self.prefill = QRadioButton("Mulai dari &paket isian awal Pemda")
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
        self.package = QLineEdit()
        self.package.setReadOnly(True)
        self.package.setPlaceholderText("berkas .zip dari Pemda")
        self.choose = QPushButton("Pilih &berkas…")
        self.choose.clicked.connect(self._choose_package)
        self.preview = wrapped(QLabel())
        self.preview.hide()
        self.package_error = error_label()
        picker = QHBoxLayout()
        picker.addWidget(self.package, 1)
        picker.addWidget(self.choose)
        #: The prefill package read and checked; None until one is chosen.
        self.prefill_path: Path | None = None
        buttons = dialog_buttons(self, "&Mulai", self._accept, cancel_text="Keluar")
        for choice in (self.empty, self.prefill, self.demo):
            choice.toggled.connect(self._choice_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.prefill)
        layout.addLayout(picker)
        layout.addWidget(self.preview)
        layout.addWidget(self.package_error)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.instansi.setEnabled(self.empty.isChecked())
        self.city.setEnabled(self.empty.isChecked())
        self.package.setEnabled(self.prefill.isChecked())
        self.choose.setEnabled(self.prefill.isChecked())

    @property
    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    @property
    def wants_prefill(self) -> bool:
        return self.prefill.isChecked()

    def _choose_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih paket isian awal Pemda", "", "Paket Kinerja (*.zip);;Semua berkas (*)"
        )
        if name:
            self.choose_package(Path(name))

    def choose_package(self, path: Path) -> None:
        """Read and check ``path`` whole and show what it holds, or why it cannot be used."""
        # Loaded only for this choice: the first start of an empty or demo office needs none.
        from kinerja_desktop.services.hub.prefill import read_prefill

        self.package.setText(str(path))
        self.prefill_path = None
        try:
            summary = read_prefill(path)
        except DomainError as error:
            self.preview.hide()
            show_message(self.package_error, error.message)
            return
        show_message(self.package_error, None)
        self.preview.setText("\n".join(summary.lines()))
        self.preview.show()
        self.prefill_path = path

    def _accept(self) -> None:
        if self.empty.isChecked() and not self.instansi.text().strip():
            show_message(self.instansi_error, "Nama instansi wajib diisi untuk kantor kosong.")
            self.instansi.setFocus()
            return
        if self.wants_prefill and self.prefill_path is None:
            if not self.package_error.isVisible():
                show_message(self.package_error, "Pilih berkas paket isian awal dari Pemda.")
            self.choose.setFocus()
            return
        self.accept()
