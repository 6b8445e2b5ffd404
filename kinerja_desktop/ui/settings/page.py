"""Pengaturan: appraisal years and their scheme, acting officials (Plt/Plh), backups, servers."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import ActingKind
from kinerja_desktop.paths import connections_file
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.services.handover import HandoverService
from kinerja_desktop.services.platform.backup import BackupService
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import session_passwords
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.accounts.accounts_section import AccountsSection
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import scrollable, show_error
from kinerja_desktop.ui.handover.section import HandoverSection
from kinerja_desktop.ui.settings.backup_section import BackupSection
from kinerja_desktop.ui.settings.paper_key_section import PaperKeySection
from kinerja_desktop.ui.settings.server_section import ServerSection


class SettingsPage(QWidget):
    """Appraisal years and acting officials."""

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF})

    def __init__(
        self,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        backups: BackupService | None = None,
        handover: HandoverService | None = None,
        accounts: AccountService | None = None,
        printing: PrintingService | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._staff = staff
        content = QWidget()
        # The sections together are taller than a 720-pixel screen: the page scrolls instead.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrollable(content))
        layout = QVBoxLayout(content)
        layout.addWidget(self._years_box())
        layout.addWidget(self._acting_box())
        self.backup_section = BackupSection(backups) if backups is not None else None
        if self.backup_section is not None:
            layout.addWidget(self.backup_section)
        if handover is not None:
            self.handover = HandoverSection(handover, today=today)
            layout.addWidget(self.handover)
        if accounts is not None and accounts.can_manage():  # admin only
            layout.addWidget(AccountsSection(accounts, staff))
        self.paper_key = PaperKeySection(printing) if printing is not None else None
        if self.paper_key is not None:
            layout.addWidget(self.paper_key)
        # This computer's server connections, kept beside its settings (not in the database).
        self.servers = ServerSection(ConnectionStore(connections_file()), session_passwords())
        layout.addWidget(self.servers)
        self.refresh()

    def _years_box(self) -> QGroupBox:
        box = QGroupBox("Tahun penilaian dan skema evaluasi periodik (per instansi)")
        self.instansi = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.scheme = QComboBox()
        for scheme in EvaluationScheme:
            self.scheme.addItem(scheme.label, scheme.value)
        self.save_year_button = save = QPushButton("Simpan skema")
        save.clicked.connect(self._save_year)
        self.years = QTableWidget(0, 3)
        self.years.setHorizontalHeaderLabels(["Instansi", "Tahun", "Skema"])
        self.years.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.years.horizontalHeader().setStretchLastSection(True)
        self.years.verticalHeader().hide()
        form = QFormLayout()
        form.addRow("Instansi", self.instansi)
        form.addRow("Tahun", self.year)
        form.addRow("Skema", self.scheme)
        form.addRow("", save)
        layout = QHBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.years)
        return box

    def _acting_box(self) -> QGroupBox:
        box = QGroupBox("Pelaksana tugas (Plt) dan pelaksana harian (Plh)")
        self.acting_kind = QComboBox()
        for kind in ActingKind:
            self.acting_kind.addItem(kind.label, kind.value)
        self.acting_nip = QLineEdit()
        self.acting_nip.setPlaceholderText("NIP pelaksana")
        self.for_nip = QLineEdit()
        self.for_nip.setPlaceholderText("NIP pejabat yang digantikan")
        self.acting_start = QDateEdit(qdate(self._today()))
        self.acting_end = QDateEdit(qdate(self._today()).addDays(30))
        for edit in (self.acting_start, self.acting_end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.add_acting_button = add = QPushButton("Tambah penugasan")
        add.clicked.connect(self._add_acting)
        self.remove_acting = QPushButton("Hapus yang dipilih")
        self.remove_acting.clicked.connect(self._remove_acting)
        self.acting = QTableWidget(0, 4)
        self.acting.setHorizontalHeaderLabels(["Jenis", "Pelaksana", "Menggantikan", "Masa"])
        self.acting.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.acting.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.acting.horizontalHeader().setStretchLastSection(True)
        self.acting.verticalHeader().hide()
        form = QFormLayout()
        form.addRow("Jenis", self.acting_kind)
        form.addRow("Pelaksana", self.acting_nip)
        form.addRow("Menggantikan", self.for_nip)
        form.addRow("Mulai", self.acting_start)
        form.addRow("Selesai", self.acting_end)
        form.addRow("", add)
        right = QVBoxLayout()
        right.addWidget(self.acting)
        right.addWidget(self.remove_acting)
        layout = QHBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(right)
        return box

    def refresh(self) -> None:
        roots = [unit for unit in self._staff.units() if unit.parent_id is None]
        names = {unit.id: unit.name for unit in roots}
        self.instansi.clear()
        for unit in roots:
            self.instansi.addItem(unit.name, unit.id)
        years = self._staff.appraisal_years()
        self.years.setRowCount(len(years))
        for row, year in enumerate(years):
            for column, text in enumerate(
                (names.get(year.instansi_id, "?"), str(year.year), year.scheme.label)
            ):
                self.years.setItem(row, column, QTableWidgetItem(text))
        self.years.resizeColumnsToContents()
        assignments = self._staff.acting_assignments()
        self.acting.setRowCount(len(assignments))
        for row, assignment in enumerate(assignments):
            acting = self._staff.get(assignment.acting_employee_id)
            absent = self._staff.get(assignment.for_employee_id)
            span = (
                f"{format_date_id(assignment.start_date)} – {format_date_id(assignment.end_date)}"
            )
            values = (assignment.kind.label, acting.full_name, absent.full_name, span)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, assignment.id)
                self.acting.setItem(row, column, item)
        self.acting.resizeColumnsToContents()

    def _save_year(self) -> None:
        instansi_id = self.instansi.currentData()
        if instansi_id is None:
            show_error(self, "Belum ada instansi", "Tambahkan instansi di halaman Struktur.")
            return
        try:
            self._staff.set_appraisal_year(
                instansi_id, self.year.value(), EvaluationScheme(self.scheme.currentData())
            )
        except DomainError as error:
            show_error(self, "Skema tidak disimpan", error)
            return
        self.refresh()

    def _person_id(self, text: str, what: str) -> int:
        try:
            found = self._staff.find_by_nip(str(Nip.parse(text)))
        except ValidationError as error:
            raise ValidationError(f"{what}: {error.message}") from error
        if found is None:
            raise ValidationError(f"{what}: tidak ada pegawai dengan NIP ini.")
        return found.id

    def _add_acting(self) -> None:
        try:
            self._staff.add_acting(
                kind=ActingKind(self.acting_kind.currentData()),
                acting_employee_id=self._person_id(self.acting_nip.text(), "Pelaksana"),
                for_employee_id=self._person_id(self.for_nip.text(), "Pejabat yang digantikan"),
                start=self.acting_start.date().toPython(),  # type: ignore[arg-type]
                end=self.acting_end.date().toPython(),  # type: ignore[arg-type]
            )
        except DomainError as error:
            show_error(self, "Penugasan tidak disimpan", error)
            return
        self.acting_nip.clear()
        self.for_nip.clear()
        self.refresh()

    def _remove_acting(self) -> None:
        item = self.acting.item(self.acting.currentRow(), 0)
        if item is None:
            return
        self._staff.remove_acting(int(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh()
