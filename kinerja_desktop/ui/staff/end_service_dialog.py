"""Record that a person leaves: pensiun, berhenti or mutasi keluar. The record is kept."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.staff import Employee, EmploymentEventKind
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import dialog_buttons, show_error

LEAVING_KINDS = (
    (EmploymentEventKind.PENSIUN, "Pensiun"),
    (EmploymentEventKind.MUTASI, "Mutasi keluar instansi"),
    (EmploymentEventKind.BERHENTI, "Berhenti"),
)


class EndServiceDialog(QDialog):
    def __init__(
        self,
        staff: StaffService,
        person: Employee,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._staff = staff
        self._person = person
        self.setWindowTitle("Nonaktifkan pegawai")
        self.kind = QComboBox()
        for kind, label in LEAVING_KINDS:
            self.kind.addItem(label, kind.value)
        self.date = QDateEdit(qdate(self._today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.note = QLineEdit()
        self.note.setPlaceholderText("mis. nomor SK")
        intro = QLabel(
            f"<b>{person.full_name}</b> ({person.nip_formatted}) tidak lagi tampil di daftar "
            "aktif. Datanya dan riwayatnya tetap tersimpan dan dapat diaktifkan kembali."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Alasan", self.kind)
        form.addRow("&Tanggal", self.date)
        form.addRow("&Catatan", self.note)
        buttons = dialog_buttons(self, "&Nonaktifkan", self._save)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            self._staff.end_service(
                self._person.id,
                EmploymentEventKind(self.kind.currentData()),
                self.date.date().toPython(),  # type: ignore[arg-type]
                self.note.text(),
            )
        except DomainError as error:
            show_error(self, "Tidak disimpan", error)
            return
        self.accept()
