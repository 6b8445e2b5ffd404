"""Pengaturan: hand-over packages (export, import with a preview) and the e-Kinerja workbook.

Export, the preview's check and the import itself read or write the whole office, which takes
seconds for a large one, so they run through `ui.workers.run_in_background`: the window stays
responsive, a busy bar shows what is happening, and the buttons wait until it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_numbering import Verdict
from kinerja_desktop.services.handover import (
    ExportResult,
    HandoverService,
    ImportPreview,
    ImportResult,
)
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import show_error
from kinerja_desktop.ui.handover.dialog import HandoverPreviewDialog
from kinerja_desktop.ui.workers import run_in_background

_ALL_YEARS = 1999  # the spin box's lowest value stands for "every year"


class HandoverSection(QGroupBox):
    """Export a unit's year to one signed file, import one with a preview, or write e-Kinerja.

    Signals:
    data_changed(): an import wrote records.
    """

    data_changed = Signal()

    def __init__(
        self,
        handover: HandoverService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__("Paket serah terima dan e-Kinerja", parent)
        self._today = today
        self._handover = handover
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(40)
        self.year = QSpinBox()
        self.year.setRange(_ALL_YEARS, 2100)
        self.year.setSpecialValueText("Semua tahun")
        self.year.setValue(self._today().year)
        self.since_last = QCheckBox("Hanya catatan yang baru atau berubah sejak paket terakhir")
        self.since_last.setToolTip(
            "Paket diberi nomor per unit dan tahun. Paket perubahan hanya dapat diimpor oleh "
            "kantor yang sudah menerima paket sebelumnya; tanpa centang, paket utuh."
        )
        self.export_button = QPushButton("Ekspor paket serah terima…")
        self.import_button = QPushButton("Impor paket…")
        self.ekinerja_button = QPushButton("Ekspor XLSX e-Kinerja…")
        self.export_button.clicked.connect(self.export_package)
        self.import_button.clicked.connect(self.import_package)
        self.ekinerja_button.clicked.connect(self.export_ekinerja)
        hint = QLabel(
            "Satu berkas membawa data unit (pegawai, SKP, evaluasi dan tanda tangannya, "
            "perilaku, kompetensi, pengaduan, survei SKM, temuan audit, bukti dukung) ke kantor "
            "lain. Paket ditandatangani; paket yang diubah atau rusak ditolak seluruhnya. Saat "
            "impor, catatan baru ditambahkan, yang sama dilewati, dan yang berbeda ditampilkan "
            "berdampingan untuk dipilih."
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Unit", self.unit)
        form.addRow("Tahun", self.year)
        form.addRow("", self.since_last)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.ekinerja_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no steps to count: a moving bar says "working"
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(200)
        self.busy_text = QLabel()
        working = QHBoxLayout()
        working.addWidget(self.busy_bar)
        working.addWidget(self.busy_text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(working)
        self._working: str | None = None
        self._set_busy(None)
        self.refresh()

    @property
    def is_busy(self) -> bool:
        """True while an export, a check or an import runs in the background."""
        return self._working is not None

    def _set_busy(self, text: str | None) -> None:
        self._working = text
        for widget in (
            self.export_button,
            self.import_button,
            self.ekinerja_button,
            self.unit,
            self.year,
            self.since_last,
        ):
            widget.setEnabled(text is None)
        self.busy_bar.setVisible(text is not None)
        self.busy_text.setVisible(text is not None)
        self.busy_text.setText(text or "")

    def _run(
        self,
        text: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failure_title: str,
    ) -> None:
        """Run ``work`` off the GUI thread with the busy bar showing; then ``done`` or an error."""

        def succeeded(result: Any) -> None:
            self._set_busy(None)
            done(result)

        def failed(error: Exception) -> None:
            self._set_busy(None)
            if not isinstance(error, DomainError):
                error = DomainError(
                    f"Terjadi kesalahan yang tidak terduga ({type(error).__name__}). Coba "
                    "lagi; bila berulang, simpan paketnya dan hubungi pengelola aplikasi."
                )
            show_error(self, failure_title, error)

        self._set_busy(text)
        run_in_background(work, succeeded, failed)

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
        handover = self._handover
        since_last = self.since_last.isChecked()
        self._run(
            "Menulis paket serah terima…",
            lambda: handover.export(Path(name), unit=unit, year=year, since_last=since_last),
            self._exported,
            "Paket tidak ditulis",
        )

    def _exported(self, result: ExportResult) -> None:
        QMessageBox.information(self, "Paket serah terima", "\n".join(result.summary_lines()))

    def export_ekinerja(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Simpan XLSX e-Kinerja", self._suggested_name(".xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return
        unit, year = self._scope()
        handover = self._handover

        def written(rows: int) -> None:
            QMessageBox.information(
                self,
                "XLSX e-Kinerja",
                f"{rows} baris ditulis ke {name}. Urutan kolom mengikuti formulir SKP; periksa "
                "kembali saat memasukkan ke e-Kinerja.",
            )

        self._run(
            "Menulis XLSX e-Kinerja…",
            lambda: handover.export_ekinerja(Path(name), unit=unit, year=year),
            written,
            "Berkas tidak ditulis",
        )

    def import_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih paket serah terima", "", "Paket serah terima (*.zip);;Semua berkas (*)"
        )
        if not name:
            return
        path = Path(name)
        handover = self._handover
        self._run(
            "Memeriksa paket dan membandingkannya dengan data kita…",
            lambda: handover.preview(path),
            lambda preview: self._previewed(path, preview),
            "Paket ditolak",
        )

    def _previewed(self, path: Path, preview: ImportPreview) -> None:
        verdict = preview.judgement.verdict
        if verdict is Verdict.ALREADY:
            QMessageBox.information(self, "Paket serah terima", preview.judgement.message)
            return
        if verdict is not Verdict.TAKE:
            show_error(self, "Paket ditolak", preview.judgement.message)
            return
        dialog = HandoverPreviewDialog(preview, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        handover = self._handover
        self._run(
            "Mengimpor paket…",
            lambda: handover.apply(path, choices, preview=preview),
            self._imported,
            "Paket tidak diimpor",
        )

    def _imported(self, result: ImportResult) -> None:
        QMessageBox.information(self, "Impor selesai", "\n".join(result.summary_lines()))
        self.refresh()
        self.data_changed.emit()
