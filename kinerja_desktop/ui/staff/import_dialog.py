"""Import a staff list (CSV/XLSX): preview valid and invalid rows before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.staff.importing import ImportPreview, StaffImportService
from kinerja_desktop.ui.common import resize_within_screen, show_error

INVALID_COLOUR = QColor("#fde7e9")


class ImportDialog(QDialog):
    """Shows what an import would do; writes only when the user chooses to."""

    def __init__(
        self, importer: StaffImportService, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._path = path
        self.imported = False
        self.setWindowTitle(f"Impor pegawai — {path.name}")
        resize_within_screen(self, 900, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Baris", "NIP", "Nama", "Tindakan", "Keterangan"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.import_all = QPushButton("Impor &semua")
        self.import_valid = QPushButton("Impor yang &valid saja")
        self.cancel = QPushButton("Batal")
        self.import_all.clicked.connect(lambda: self._apply(skip_invalid=False))
        self.import_valid.clicked.connect(lambda: self._apply(skip_invalid=True))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_all, self.import_valid, self.cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.preview: ImportPreview | None = None

    def load(self) -> bool:
        """Read the file and fill the preview; False (after a message) if that fails.

        A file that cannot be parsed still opens, with its problem in the summary.
        """
        try:
            self.preview = self._importer.preview(self._path)
        except DomainError as error:
            show_error(self.parentWidget(), "Berkas tidak dapat dibaca", error)
            return False
        self._fill(self.preview)
        return True

    def _fill(self, preview: ImportPreview) -> None:
        file_problems = [issue.text() for issue in preview.file_issues]
        parts = [f"{preview.valid_count} baris valid, {preview.invalid_count} baris tidak valid."]
        if preview.encoding:
            parts.append(f"Pengodean berkas: {preview.encoding}.")
        parts.extend(file_problems)
        if preview.new_units:
            units = ", ".join(unit.text() for unit in preview.new_units)
            parts.append(f"Unit baru yang akan dibuat: {units}.")
        if preview.invalid_count and not file_problems:
            parts.append(
                "Perbaiki berkas lalu impor lagi, atau impor baris yang valid saja; "
                "baris yang tidak valid tidak akan disimpan."
            )
        self.summary.setText(" ".join(parts))
        self.table.setRowCount(len(preview.rows))
        for position, row in enumerate(preview.rows):
            issues = "; ".join(
                f"{issue.column}: {issue.message}" if issue.column else issue.message
                for issue in row.issues
            )
            details = issues or "; ".join(row.changes)
            invalid = row.issues or row.action is None
            action = "Tidak valid" if invalid else row.action.label  # type: ignore[union-attr]
            values = [str(row.line), row.nip, row.name, action, details]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row.issues:
                    item.setBackground(INVALID_COLOUR)
                self.table.setItem(position, column, item)
        self.table.resizeColumnsToContents()
        self.import_all.setEnabled(preview.importable(skip_invalid=False))
        self.import_valid.setEnabled(
            preview.invalid_count > 0 and preview.importable(skip_invalid=True)
        )

    def done(self, result: int) -> None:
        """Close; the preview's checks the service kept for Impor are not needed any more."""
        self._importer.forget()
        super().done(result)

    def _apply(self, *, skip_invalid: bool) -> None:
        try:
            result = self._importer.apply(self._path, skip_invalid=skip_invalid)
        except DomainError as error:
            show_error(self, "Impor dibatalkan; tidak ada yang disimpan", error)
            return
        self.imported = True
        QMessageBox.information(self, "Impor selesai", "\n".join(result.summary_lines()))
        self.accept()
