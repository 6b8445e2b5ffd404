"""Progres Harian: "Ekspor e-Kinerja…", a person's or a unit's month as an XLSX for e-Kinerja.

The page only adds the button (`ekinerja_button`); the dialog asks whose progress and which
month, then where to save. The workbook's columns follow e-Kinerja's "Tambah Progres Harian"
form (``services.progress.ekinerja_export``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import month_name_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.working_days import month_span
from kinerja_desktop.services.progress.ekinerja_export import ProgressExportResult
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message, wrapped
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker
from kinerja_desktop.ui.units import fill_unit_combo


class EkinerjaExportDialog(QDialog):
    """Whose progress (a person, or a unit and the units below it) and which month; then save."""

    def __init__(
        self,
        progress: ProgressService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        employee_id: int | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ekspor progres harian untuk e-Kinerja")
        self._progress = progress
        self._staff = staff
        #: What the last save wrote (tests read it).
        self.written: ProgressExportResult | None = None
        self.by_person = QRadioButton("Pegawai")
        self.by_unit = QRadioButton("Unit kerja (termasuk unit di bawahnya)")
        group = QButtonGroup(self)
        group.addButton(self.by_person)
        group.addButton(self.by_unit)
        self.person = PersonPicker(staff, self)
        self.unit = QComboBox()
        fill_unit_combo(self.unit, staff.units())
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(month_name_id(number), number)
        self.month.setCurrentIndex(today().month - 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.error = error_label()
        if employee_id is not None:
            self.person.set_person(staff.get(employee_id))
            self.by_person.setChecked(True)
        else:
            self.by_unit.setChecked(True)
        self.by_person.toggled.connect(self._update)
        period = QHBoxLayout()
        period.addWidget(self.month)
        period.addWidget(self.year)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.by_person, self.person)
        form.addRow(self.by_unit, self.unit)
        form.addRow("Bulan", period)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                QLabel(
                    "Satu baris per progres harian, kolom berurutan seperti formulir Tambah "
                    "Progres Harian e-Kinerja: Rencana Aksi, Tanggal Kegiatan, Jam Mulai, Jam "
                    "Selesai, Kegiatan Harian, Sumber Data, Realisasi, Satuan, Bukti Dukung. "
                    "Kolom Rencana Aksi berisi RHK progres itu."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, "Simpan XLSX…", self.choose_file, "Tutup"))
        self._update()

    def _update(self) -> None:
        self.person.setEnabled(self.by_person.isChecked())
        self.unit.setEnabled(self.by_unit.isChecked())

    def span(self) -> tuple[date, date]:
        return month_span(self.year.value(), int(self.month.currentData()))

    def suggested_name(self) -> str:
        start, _ = self.span()
        if self.by_person.isChecked():
            # The picker shows "Name — NIP"; the name is enough for a file name.
            who = re.split(r"[(—]", self.person.text())[0].strip() or "pegawai"
        else:
            who = self.unit.currentText().strip() or "unit"
        slug = "-".join(who.replace("/", " ").split())
        return f"progres-harian-{slug}-{start:%Y-%m}.xlsx"

    def choose_file(self) -> None:
        if self.by_person.isChecked() and self.person.employee_id is None:
            self.person.pick_typed()
        name, _ = QFileDialog.getSaveFileName(
            self, "Simpan XLSX e-Kinerja", self.suggested_name(), "Excel (*.xlsx)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        """Write the workbook to ``path``; say what was written, or why not (nothing written)."""
        start, end = self.span()
        if self.by_person.isChecked():
            if self.person.employee_id is None and not self.person.pick_typed():
                show_message(self.error, "Pilih pegawai dari daftar (ketik nama atau NIP).")
                return False
            scope = {"employee_id": self.person.employee_id}
        else:
            scope = {"unit_id": self.unit.currentData()}
        try:
            self.written = self._progress.ekinerja.write(path, start, end, **scope)
        except DomainError as error:
            show_message(self.error, error.message)
            return False
        show_message(self.error, None)
        QMessageBox.information(self, "XLSX e-Kinerja", self.written.summary())
        self.accept()
        return True


def ekinerja_button(
    progress: ProgressService,
    staff: StaffService,
    parent: QWidget,
    *,
    person: Callable[[], int | None] = lambda: None,
    today: Today = date.today,
) -> QPushButton:
    """The page's "Ekspor e-Kinerja…" button; it opens the dialog for the person shown."""
    button = QPushButton("Ekspor e-Kinerja…", parent)
    button.setToolTip("Progres harian pegawai atau unit sebulan sebagai XLSX untuk e-Kinerja")
    button.clicked.connect(
        lambda: EkinerjaExportDialog(
            progress, staff, parent, employee_id=person(), today=today
        ).exec()
    )
    return button
