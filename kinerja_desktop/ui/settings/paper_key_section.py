"""Pengaturan: the public key that lets another office check this office's printed sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.printing.paper_keys import write_public_key
from kinerja_desktop.ui.common import error_label, show_message


class PaperKeySection(QGroupBox):
    """The installation key's fingerprint and "Ekspor kunci publik…"."""

    def __init__(self, printing: PrintingService, parent: QWidget | None = None) -> None:
        super().__init__("Verifikasi lembar tercetak", parent)
        self._printing = printing
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.export_button = QPushButton("Ekspor kunci publik…")
        self.status = QLabel()
        self.error = error_label()
        hint = QLabel(
            "Kode QR setiap lembar tercetak ditandatangani dengan kunci instalasi ini. Kantor "
            "lain yang memegang kunci publiknya dapat memeriksa lembar tanpa basis data: "
            "kinerja-desktop verify --public-key BERKAS --qr ISI."
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.fingerprint, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.export_button.clicked.connect(self.choose_file)
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:
        # The key is read (or made) when the section is first seen, not when the app starts.
        if not self._shown:
            self._shown = True
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        try:
            _, fingerprint = self._printing.public_key()
        except DomainError as error:
            show_message(self.error, error.message)
            self.export_button.setEnabled(False)
            return
        self.fingerprint.setText(f"Sidik kunci: <b>{fingerprint}</b>")

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Ekspor kunci publik",
            str(Path.home() / "kunci-publik-kinerja.pem"),
            "Kunci publik (*.pem);;Semua berkas (*)",
        )
        if name:
            self.export(Path(name))

    def export(self, target: Path) -> bool:
        try:
            public_key, fingerprint = self._printing.public_key()
            write_public_key(public_key, target)
        except DomainError as error:
            show_message(self.error, error.message)
            return False
        except OSError as error:
            show_message(self.error, f"Berkas tidak dapat ditulis: {error.strerror or error}")
            return False
        show_message(self.error, None)
        self.status.setText(f"Kunci publik ditulis ke {target} (sidik {fingerprint}).")
        return True
