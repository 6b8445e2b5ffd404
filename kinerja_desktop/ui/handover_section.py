"""Pengaturan: hand-over packages (export, import with a preview) and the e-Kinerja workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.handover import HandoverService
from kinerja_desktop.ui.common import show_error
from kinerja_desktop.ui.handover_dialog import HandoverPreviewDialog

_ALL_YEARS = 1999  # the spin box's lowest value stands for "every year"


class HandoverSection(QGroupBox):
    """Export a unit's year to one signed file, import one with a preview, or write e-Kinerja.

    Signals:
    data_changed(): an import wrote records.
    """

    data_changed = Signal()

    def __init__(self, handover: HandoverService, parent: QWidget | None = None) -> None:
        super().__init__("Paket serah terima dan e-Kinerja", parent)
        self._handover = handover
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(40)
        self.year = QSpinBox()
        self.year.setRange(_ALL_YEARS, 2100)
        self.year.setSpecialValueText("Semua tahun")
        self.year.setValue(date.today().year)
        self.export_button = QPushButton("Ekspor paket serah terima…")
        self.import_button = QPushButton("Impor paket…")
        self.ekinerja_button = QPushButton("Ekspor XLSX e-Kinerja…")
        self.export_button.clicked.connect(self.export_package)
        self.import_button.clicked.connect(self.import_package)
        self.ekinerja_button.clicked.connect(self.export_ekinerja)
        hint = QLabel(
            "Satu berkas membawa data unit (pegawai, SKP, evaluasi, perilaku, kompetensi, bukti "
            "dukung) ke kantor lain. Paket ditandatangani; paket yang diubah atau rusak ditolak "
            "seluruhnya. Saat impor, catatan baru ditambahkan, yang sama dilewati, dan yang "
            "berbeda ditampilkan berdampingan untuk dipilih."
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Unit", self.unit)
        form.addRow("Tahun", self.year)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.ekinerja_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        chosen = self.unit.currentData()
        self.unit.clear()
        self.unit.addItem("Semua unit", None)
        for path in self._handover.unit_paths():
            self.unit.addItem(" / ".join(path), path)
        index = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(index, 0))

    def _scope(self) -> tuple[tuple[str, ...] | None, int | None]:
        path = self.unit.currentData()
        year = self.year.value()
        return (tuple(path) if path else None), (None if year == _ALL_YEARS else year)

    def _suggested_name(self, suffix: str) -> str:
        unit, year = self._scope()
        parts = ["serah-terima" if suffix == ".zip" else "ekinerja"]
        parts.append(unit[-1] if unit else "semua-unit")
        parts.append(str(year) if year else "semua-tahun")
        return "-".join(part.replace(" ", "-").replace("/", "-") for part in parts) + suffix

    def export_package(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Simpan paket serah terima",
            self._suggested_name(".zip"),
            "Paket serah terima (*.zip)",
        )
        if not name:
            return
        unit, year = self._scope()
        try:
            result = self._handover.export(Path(name), unit=unit, year=year)
        except DomainError as error:
            show_error(self, "Paket tidak ditulis", error)
            return
        QMessageBox.information(self, "Paket serah terima", "\n".join(result.summary_lines()))

    def export_ekinerja(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Simpan XLSX e-Kinerja", self._suggested_name(".xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return
        unit, year = self._scope()
        try:
            rows = self._handover.export_ekinerja(Path(name), unit=unit, year=year)
        except DomainError as error:
            show_error(self, "Berkas tidak ditulis", error)
            return
        QMessageBox.information(
            self,
            "XLSX e-Kinerja",
            f"{rows} baris ditulis ke {name}. Urutan kolom mengikuti formulir SKP; periksa "
            "kembali saat memasukkan ke e-Kinerja.",
        )

    def import_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih paket serah terima", "", "Paket serah terima (*.zip);;Semua berkas (*)"
        )
        if not name:
            return
        try:
            preview = self._handover.preview(Path(name))
        except DomainError as error:
            show_error(self, "Paket ditolak", error)
            return
        dialog = HandoverPreviewDialog(preview, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            result = self._handover.apply(Path(name), dialog.choices())
        except DomainError as error:
            show_error(self, "Paket tidak diimpor", error)
            return
        QMessageBox.information(self, "Impor selesai", "\n".join(result.summary_lines()))
        self.refresh()
        self.data_changed.emit()
