"""Terima Paket Unit: the hub takes every unit package waiting in a folder, and shows the report.

Opened from Sebaran Predikat beside "Rekap Pemda…". The folder is chosen at the top; "Terima"
runs the intake (``services.hub.intake``) off the GUI thread, since a hub's packages take
seconds to minutes, and fills one row per package: unit, file, number, result, added,
replaced, kept, left to decide and the reason. "Simpan laporan…" writes the same rows as XLSX.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.hub.intake import HubIntakeService, IntakeReport
from kinerja_desktop.services.hub.intake_report import COLUMNS, write_intake_report
from kinerja_desktop.ui.common import error_label, fit_columns, resize_within_screen, show_message
from kinerja_desktop.ui.workers import run_in_background

HEADINGS = tuple(column.heading for column in COLUMNS)
#: Columns of numbers, right-aligned.
_NUMBERS = frozenset({2, 4, 5, 6, 7})


class HubIntakeDialog(QDialog):
    """Choose the receive folder, take its packages, read what came in per unit."""

    def __init__(self, intake: HubIntakeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Terima Paket Unit")
        self._intake = intake
        #: The report of the last intake (tests read it).
        self.report: IntakeReport | None = None
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("Folder tempat paket unit (*.zip) masuk")
        self.folder.textChanged.connect(self._update_buttons)
        self.choose_button = QPushButton("Pilih…")
        self.choose_button.clicked.connect(self.choose_folder)
        self.receive_button = QPushButton("Terima")
        self.receive_button.setToolTip(
            "Paket diterima berurutan per pengirim dan nomor, masing-masing utuh atau tidak "
            "sama sekali, lalu dipindahkan ke subfolder diterima/ atau ditolak/."
        )
        self.receive_button.clicked.connect(self.receive)
        self.save_button = QPushButton("Simpan laporan…")
        self.save_button.clicked.connect(self.save_report)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Folder"))
        chooser.addWidget(self.folder, 1)
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.receive_button)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.summary = QLabel(
            "Catatan yang tersegel di sini (SKP disepakati, evaluasi ditandatangani) atau "
            "progres yang sudah disetujui tidak diganti: dilaporkan sebagai perlu diputuskan, "
            "untuk diputuskan lewat Pengaturan › Impor paket…"
        )
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setAccessibleName("Paket yang diterima")
        self.table.setHorizontalHeaderLabels(list(HEADINGS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 1100, 560)
        self._busy = False
        self._update_buttons()

    @property
    def is_busy(self) -> bool:
        """True while the intake runs in the background."""
        return self._busy

    def _update_buttons(self) -> None:
        self.receive_button.setEnabled(not self._busy and bool(self.folder.text().strip()))
        self.choose_button.setEnabled(not self._busy)
        self.folder.setEnabled(not self._busy)
        self.save_button.setEnabled(not self._busy and self.report is not None)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder paket unit", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def receive(self) -> None:
        """Take the folder's packages in the background; the table fills when done."""
        folder = Path(self.folder.text().strip())
        self._busy = True
        self.busy_bar.show()
        show_message(self.error, None)
        self._update_buttons()
        run_in_background(partial(self._intake.receive, folder), self._received, self._failed)

    def _done(self) -> None:
        self._busy = False
        self.busy_bar.hide()
        self._update_buttons()

    def _received(self, report: IntakeReport) -> None:
        self.report = report
        self._done()
        self.summary.setText(report.summary_lines()[0])
        show_message(
            self.error, f"Penerimaan dihentikan: {report.stopped}" if report.stopped else None
        )
        self.table.setRowCount(0)
        for line in report.lines:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = (
                line.unit,
                line.file,
                "" if line.sequence is None else str(line.sequence),
                str(line.outcome),
                str(line.added),
                str(line.replaced),
                str(line.kept),
                str(line.conflicts),
                line.reason,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if column in (0, 8) else "")
                if column in _NUMBERS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        fit_columns(self.table, 8)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self._done()
        show_message(self.error, error.message if isinstance(error, DomainError) else str(error))

    def save_report(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Simpan laporan penerimaan", "laporan-penerimaan.xlsx", "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            write_intake_report(self.report, Path(name))
        except DomainError as error:
            show_message(self.error, error.message)
            return
        show_message(self.error, None)
        self.summary.setText(f"{self.summary.text()} Laporan ditulis ke {name}.")
