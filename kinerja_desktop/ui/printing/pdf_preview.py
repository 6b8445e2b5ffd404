"""One printed form in a window: previewed with Qt's PDF view, then printed or saved as PDF.

The document is recorded for verification (its code and digest) when it leaves the app, once:
printed or saved, as on the Cetak page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.reports.paper import Orientation, Paper
from kinerja_desktop.reports.render import orientation_of
from kinerja_desktop.services.printing import PreparedDocument, PrintingService, PrintRequest
from kinerja_desktop.services.printing.pdf_files import FileWriteError, save_pdf
from kinerja_desktop.ui.common import error_label, resize_within_screen, show_message
from kinerja_desktop.ui.printing.pdf_printing import choose_printer, paint_pages


class DocumentPreviewDialog(QDialog):
    """Preview ``request``'s document; "Cetak…" and "Simpan PDF…" send it out and record it."""

    def __init__(
        self,
        printing: PrintingService,
        request: PrintRequest,
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Pratinjau: {request.form.label}")
        self._printing = printing
        self._request = request
        self._suggested = suggested_name
        self._prepared: PreparedDocument | None = None
        self._pdf = b""
        self.recorded = False
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.print_button = QPushButton("&Cetak…")
        self.save_button = QPushButton("&Simpan PDF…")
        self.close_button = QPushButton("Tutup")
        self.status = QLabel()
        self.error = error_label()
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kertas"))
        bar.addWidget(self.paper)
        bar.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        resize_within_screen(self, 820, 900)

        self.paper.currentIndexChanged.connect(self.show_document)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)

    def selected_paper(self) -> Paper:
        return Paper(self.paper.currentData())

    def show_document(self) -> bool:
        """Build and show the document (again, on another paper); False with the reason shown."""
        show_message(self.error, None)
        try:
            if self._prepared is None:
                self._prepared = self._printing.prepare(self._request)
            self._pdf = self._printing.render(self._prepared, self.selected_paper())
        except DomainError as error:
            show_message(self.error, error.message)
            for button in (self.print_button, self.save_button):
                button.setEnabled(False)
            return False
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.status.setText(
            f"{self.document.pageCount()} halaman. Kode verifikasi: {self._prepared.code}"
        )
        return True

    @property
    def prepared(self) -> PreparedDocument | None:
        return self._prepared

    def _record(self) -> None:
        if self._prepared is not None and not self.recorded:
            self._printing.record(self._prepared, self.selected_paper())
            self.recorded = True

    def save_pdf(self) -> Path | None:
        if not self._pdf:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self, "Simpan PDF", str(Path.home() / self._suggested), "PDF (*.pdf)"
        )
        if not path:
            return None
        target = Path(path)
        try:
            save_pdf(target, self._pdf)
        except FileWriteError as error:
            show_message(self.error, error.message)
            return None
        self._record()
        self.status.setText(f"Disimpan: {target}")
        return target

    def print_document(self) -> bool:
        if not self._pdf:
            return False
        landscape = orientation_of(self._request.form) is Orientation.LANDSCAPE
        printer = choose_printer(self, self.selected_paper(), landscape=landscape)
        if printer is None:
            return False
        self._record()
        if not paint_pages(printer, self.document):
            show_message(self.error, "Pencetak tidak dapat dipakai. Periksa pencetaknya.")
            return False
        self.status.setText(f"Dikirim ke pencetak: {self.document.pageCount()} halaman.")
        return True
