"""Kompetensi: a person's competence profile, the JPM, the development plan and its proposals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Action, Capability, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.competence import CompetenceKind
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.development import ActionProposal
from kinerja_desktop.domain.errors import DomainError, ValidationErrors
from kinerja_desktop.services.development.competence import (
    CompetenceLine,
    CompetenceProfile,
    CompetenceService,
)
from kinerja_desktop.services.development.service import (
    DevelopmentPlan,
    DevelopmentService,
    ItemInput,
    PlanItem,
    proposal_input,
    proposal_key,
)
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import ERROR_STYLE, error_label, show_message
from kinerja_desktop.ui.development.dialogs import (
    HistoryDialog,
    PlanItemDialog,
    RateDialog,
    StandardDialog,
    TechnicalDialog,
    item_input,
)
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker

COMPETENCE_COLUMNS = (
    "Kode",
    "Kompetensi",
    "Level dibutuhkan",
    "Level dimiliki",
    "Kesenjangan",
    "Dinilai",
)
PLAN_COLUMNS = ("Kegiatan", "Jalur", "Mulai", "Selesai", "JP", "Status")
WARNING_COLOUR = QColor("#b00020")


def jp_text(value: Decimal) -> str:
    """JP as Indonesians write it: "20", "2,5"."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


def _date_text(value: date | None) -> str:
    return format_date_id(value) if value else ""


class CompetencePage(QWidget):
    """A person's competences with gaps and JPM, their development plan and proposals.

    Signals:
        changed: A rating, plan item or proposal decision was saved.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset(
        {Topic.STAFF, Topic.EVALUATION, Topic.JOURNAL, Topic.DEVELOPMENT}
    )

    changed = Signal()

    def __init__(
        self,
        competence: CompetenceService,
        development: DevelopmentService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        #: The job standards are the office's; a person's ratings and plan their supervisor's.
        self._permissions = permissions
        self._competence = competence
        self._development = development
        self._staff = staff
        self._profile: CompetenceProfile | None = None
        self._plan: DevelopmentPlan | None = None
        self._proposals: list[ActionProposal] = []
        self.rate_dialog: RateDialog | None = None

        self.person = PersonPicker(staff)
        self.person.picked.connect(lambda _employee_id: self.refresh())
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.error = error_label()

        self.competences = self._table(COMPETENCE_COLUMNS, COMPETENCE_COLUMNS.index("Kompetensi"))
        for column in range(COMPETENCE_COLUMNS.index("Level dibutuhkan"), len(COMPETENCE_COLUMNS)):
            self.competences.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.competences.itemSelectionChanged.connect(self._update_buttons)
        self.competences.doubleClicked.connect(lambda _index: self.rate_selected())
        self._build_competence_buttons()
        self.jpm_label = QLabel()
        self.jabatan_label = QLabel()
        self.jabatan_label.setWordWrap(True)

        self.plan_table = self._table(PLAN_COLUMNS, PLAN_COLUMNS.index("Kegiatan"))
        self.plan_table.itemSelectionChanged.connect(self._update_buttons)
        self.plan_table.horizontalHeader().setSectionResizeMode(
            PLAN_COLUMNS.index("Status"), QHeaderView.ResizeMode.ResizeToContents
        )
        self.plan_table.doubleClicked.connect(lambda _index: self.edit_selected_item())
        self.add_item_button = QPushButton("Tambah kegiatan…")
        self.add_item_button.clicked.connect(self.add_item)
        self.edit_item_button = QPushButton("Ubah / tindak lanjut…")
        self.edit_item_button.setToolTip("Perbarui status, bukti dan hasil kegiatan.")
        self.edit_item_button.clicked.connect(self.edit_selected_item)
        self.reviewed_button = QPushButton("Tetap, sudah ditinjau")
        self.reviewed_button.setToolTip(
            "Kegiatan sudah dibahas pada periode ini dan tetap berjalan sesuai rencana."
        )
        self.reviewed_button.clicked.connect(self.mark_selected_reviewed)
        self.jp_label = QLabel()
        self.plan_warning = QLabel()
        self.plan_warning.setStyleSheet(ERROR_STYLE)
        self.plan_warning.setWordWrap(True)
        self.plan_warning.hide()

        self.proposal_list = QListWidget()
        self.proposal_list.setWordWrap(True)
        self.proposal_list.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = QPushButton("Terima ke rencana")
        self.accept_button.clicked.connect(self.accept_selected)
        self.edit_accept_button = QPushButton("Ubah lalu terima…")
        self.edit_accept_button.clicked.connect(self.edit_and_accept_selected)
        self.dismiss_button = QPushButton("Abaikan")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.proposal_error = error_label()
        self._lay_out()
        self.refresh()

    def _build_competence_buttons(self) -> None:
        self.rate_button = QPushButton("Nilai kompetensi…")
        self.rate_button.clicked.connect(self.rate_selected)
        self.history_button = QPushButton("Riwayat…")
        self.history_button.clicked.connect(self.show_history)
        self.standard_button = QPushButton("Atur level dibutuhkan…")
        self.standard_button.setToolTip(
            "Standar kompetensi jabatan: berlaku untuk semua pegawai dengan jabatan ini."
        )
        self.standard_button.clicked.connect(self.set_standard_of_selected)
        self.technical_button = QPushButton("Kompetensi teknis…")
        self.technical_button.setToolTip(
            "Tambah kompetensi teknis jabatan ini, atau ubah yang dipilih."
        )
        self.technical_button.clicked.connect(self.edit_technical)
        self.dialog: QDialog | None = None

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for text, widget in (("&Pegawai", self.person), ("&Tahun", self.year)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 2 if widget is self.person else 0)
        competence_bar = QHBoxLayout()
        competence_bar.addWidget(self.jabatan_label, 1)
        competence_bar.addWidget(self.jpm_label)
        competence_bar.addWidget(self.rate_button)
        competence_bar.addWidget(self.history_button)
        competence_bar.addWidget(self.standard_button)
        competence_bar.addWidget(self.technical_button)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.jp_label, 1)
        plan_buttons.addWidget(self.add_item_button)
        plan_buttons.addWidget(self.edit_item_button)
        plan_buttons.addWidget(self.reviewed_button)
        proposal_buttons = QHBoxLayout()
        proposal_buttons.addStretch(1)
        proposal_buttons.addWidget(self.accept_button)
        proposal_buttons.addWidget(self.edit_accept_button)
        proposal_buttons.addWidget(self.dismiss_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(QLabel("<b>Kompetensi</b>"))
        layout.addLayout(competence_bar)
        layout.addWidget(self.competences, 2)
        layout.addWidget(QLabel("<b>Rencana pengembangan kompetensi</b>"))
        layout.addLayout(plan_buttons)
        layout.addWidget(self.plan_warning)
        layout.addWidget(self.plan_table, 1)
        layout.addWidget(QLabel("<b>Usulan pengembangan</b>"))
        layout.addWidget(self.proposal_list, 1)
        layout.addWidget(self.proposal_error)
        layout.addLayout(proposal_buttons)

    @staticmethod
    def _table(columns: tuple[str, ...], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(list(columns))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # --- reading ---------------------------------------------------------------------------

    @property
    def employee_id(self) -> int | None:
        return self.person.employee_id

    def person_in_front(self) -> int | None:
        return self.person.employee_id

    @property
    def profile(self) -> CompetenceProfile | None:
        return self._profile

    @property
    def plan(self) -> DevelopmentPlan | None:
        return self._plan

    @property
    def proposals(self) -> list[ActionProposal]:
        return list(self._proposals)

    def _profile_day(self) -> date:
        today = self._today()
        year = self.year.value()
        return today if year == today.year else date(year, 12, 31)

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow the account's permissions after they changed (`MainWindow`): read again."""
        self._permissions = permissions
        self.refresh()

    def refresh(self) -> None:
        """Read the chosen person's profile, plan and proposals again."""
        show_message(self.error, None)
        show_message(self.proposal_error, None)
        employee_id = self.employee_id
        self._profile, self._plan, self._proposals = None, None, []
        if employee_id is not None:
            year = self.year.value()
            try:
                self._profile = self._competence.profile(employee_id, self._profile_day())
                self._plan = self._development.plan(employee_id, year, self._today())
                self._proposals = self._development.proposals(employee_id, year)
            except DomainError as error:
                show_message(self.error, error.message)
        self._show_profile()
        self._show_plan()
        self._show_proposals()
        self._update_buttons()

    def _show_profile(self) -> None:
        profile = self._profile
        lines = profile.lines if profile else ()
        self.competences.setRowCount(len(lines))
        for row, line in enumerate(lines):
            required = "" if line.required is None else str(line.required)
            if line.is_default:
                required += " (bawaan)"
            cells = (
                line.competence.code,
                line.competence.name,
                required,
                "" if line.held is None else str(line.held),
                "" if line.gap is None else f"{line.gap:+d}" if line.gap else "0",
                _date_text(line.rated_on),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COMPETENCE_COLUMNS.index("Kesenjangan") and (line.gap or 0) < 0:
                    item.setForeground(WARNING_COLOUR)
                    item.setToolTip("Di bawah level yang dibutuhkan jabatan.")
                if column == COMPETENCE_COLUMNS.index("Level dimiliki") and line.reason:
                    item.setToolTip(line.reason)
                if column == COMPETENCE_COLUMNS.index("Level dibutuhkan") and line.is_default:
                    item.setToolTip(
                        "Level bawaan; ganti dengan standar kompetensi jabatan dari instansi."
                    )
                self.competences.setItem(row, column, item)
        if profile is None:
            self.jabatan_label.setText(
                "Pilih pegawai (ketik nama atau NIP, lalu Enter) untuk melihat kompetensinya."
            )
            self.jpm_label.setText("")
            return
        self.jabatan_label.setText(f"Jabatan: {profile.jabatan}")
        if profile.jpm is None:
            self.jpm_label.setText("JPM: belum ada kompetensi yang dinilai")
            return
        percent = format(profile.jpm.percent, "f").replace(".", ",")
        self.jpm_label.setText(f"JPM: {percent}% — {profile.jpm.label}")

    def _show_plan(self) -> None:
        plan = self._plan
        items = plan.items if plan else ()
        self.plan_table.setRowCount(len(items))
        for row, entry in enumerate(items):
            item = entry.item
            flags = [
                text
                for flag, text in (
                    (entry.overdue, "terlambat"),
                    (entry.needs_review, "perlu ditinjau"),
                )
                if flag
            ]
            status = " — ".join([item.status.label, *flags])
            cells = (
                item.title,
                item.path.label,
                _date_text(item.start),
                _date_text(item.end),
                jp_text(item.jp),
                status,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == PLAN_COLUMNS.index("Kegiatan"):
                    cell.setToolTip(f"Mengembangkan: {item.addresses}")
                if entry.overdue and column == PLAN_COLUMNS.index("Status"):
                    cell.setForeground(WARNING_COLOUR)
                    cell.setToolTip("Tanggal selesai sudah lewat; perbarui statusnya.")
                elif entry.needs_review and column == PLAN_COLUMNS.index("Status"):
                    cell.setToolTip(
                        "Periode baru: bahas kegiatan ini, lalu perbarui statusnya atau tandai "
                        "sudah ditinjau."
                    )
                self.plan_table.setItem(row, column, cell)
        if plan is None:
            self.jp_label.setText("0 dari 20 JP")
            show_message(self.plan_warning, None)
            return
        self.jp_label.setText(
            (
                f"{jp_text(plan.jp.done)} dari {jp_text(plan.minimum)} JP selesai"
                if plan.minimum is not None
                else f"{jp_text(plan.jp.done)} JP selesai ({plan.minimum_text})"
            )
            + f" · {jp_text(plan.jp.planned)} JP direncanakan"
        )
        warnings = []
        if plan.lapsed:
            warnings.append(
                "Rencana terhenti: belum ada kegiatan selesai dan semua kegiatan terlambat "
                "atau dibatalkan."
            )
        if plan.shortfall > 0 and plan.minimum is not None:
            reachable = plan.jp.done + plan.jp.planned >= plan.minimum
            warnings.append(
                f"Masih kurang {jp_text(plan.shortfall)} JP dari minimum "
                f"{jp_text(plan.minimum)} JP setahun"
                + ("." if reachable else "; rencanakan kegiatan lagi.")
            )
        show_message(self.plan_warning, " ".join(warnings) or None)

    def _show_proposals(self) -> None:
        self.proposal_list.clear()
        for proposal in self._proposals:
            paths = " atau ".join(path.label for path in proposal.paths)
            jp = f", ±{jp_text(proposal.jp)} JP" if proposal.jp is not None else ""
            item = QListWidgetItem(
                f"{proposal.title}\nMenjawab: {proposal.reason}\nJalur: {paths}{jp}"
            )
            item.setData(Qt.ItemDataRole.UserRole, proposal_key(proposal))
            self.proposal_list.addItem(item)
        if not self._proposals and self._profile is not None:
            empty = QListWidgetItem("Tidak ada usulan dari temuan tahun ini.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.proposal_list.addItem(empty)

    def _update_buttons(self) -> None:
        line = self.selected_line()
        office = self._permissions.refusal(Capability.MANAGE_OFFICE)
        person = self._person_refusal()
        self.rate_button.setEnabled(line is not None and person is None)
        self.history_button.setEnabled(line is not None)
        self.standard_button.setEnabled(line is not None and office is None)
        self.add_item_button.setEnabled(self.employee_id is not None and person is None)
        self.technical_button.setEnabled(self._profile is not None and office is None)
        item = self.selected_item()
        self.edit_item_button.setEnabled(item is not None and person is None)
        self.reviewed_button.setEnabled(item is not None and item.needs_review and person is None)
        chosen = self.selected_proposal() is not None and person is None
        self.accept_button.setEnabled(chosen)
        self.edit_accept_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)
        for button in (self.standard_button, self.technical_button):
            if office is not None:
                button.setToolTip(office)
        if person is not None:
            for button in (
                self.rate_button,
                self.add_item_button,
                self.edit_item_button,
                self.reviewed_button,
                self.accept_button,
                self.edit_accept_button,
                self.dismiss_button,
            ):
                button.setToolTip(person)

    def _person_refusal(self) -> str | None:
        """Why the account may not change the chosen person's ratings and plan; None: it may."""
        employee_id = self.employee_id
        if employee_id is None or self._permissions.allows(employee_id, Action.EDIT):
            return None
        name = self._staff.get(employee_id).name
        return self._permissions.person_refusal(employee_id, name, Action.EDIT)

    # --- selection -------------------------------------------------------------------------

    def selected_line(self) -> CompetenceLine | None:
        if self._profile is None:
            return None
        rows = self.competences.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._profile.lines):
            return None
        return self._profile.lines[rows[0].row()]

    def select_competence(self, code: str) -> bool:
        """Select the row of competence ``code``; False when it is not shown."""
        lines = self._profile.lines if self._profile else ()
        for row, line in enumerate(lines):
            if line.competence.code == code:
                self.competences.selectRow(row)
                return True
        return False

    def selected_item(self) -> PlanItem | None:
        if self._plan is None:
            return None
        rows = self.plan_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._plan.items):
            return None
        return self._plan.items[rows[0].row()]

    def show_person(self, employee_id: int) -> None:
        """Show a person's competences and plan (from the unit view)."""
        person = self._staff.get(employee_id)
        self.person.set_person(person)

    def selected_proposal(self) -> ActionProposal | None:
        row = self.proposal_list.currentRow()
        if row < 0 or row >= len(self._proposals):
            return None
        if not self.proposal_list.item(row).isSelected():
            return None
        return self._proposals[row]

    # --- actions ---------------------------------------------------------------------------

    def rate_selected(self) -> RateDialog | None:
        """Open the rating dialog for the selected competence (not modal-blocking)."""
        line = self.selected_line()
        employee_id = self.employee_id
        if line is None or employee_id is None:
            return None
        dialog = RateDialog(self._competence, employee_id, line, self, today=self._today())
        self.rate_dialog = dialog
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_history(self) -> QDialog | None:
        """Show every rating of the selected competence."""
        line = self.selected_line()
        employee_id = self.employee_id
        if line is None or employee_id is None:
            return None
        ratings = self._competence.history(employee_id, line.competence.code)
        dialog = HistoryDialog(line.competence, ratings, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_standard_of_selected(self) -> StandardDialog | None:
        """Set the level the person's jabatan requires of the selected competence."""
        line = self.selected_line()
        if line is None or self._profile is None:
            return None
        jabatan = self._profile.jabatan
        code = line.competence.code
        dialog = StandardDialog(
            jabatan, line, lambda level: self._competence.set_standard(jabatan, code, level), self
        )
        self._open(dialog)
        return dialog

    def edit_technical(self) -> TechnicalDialog | None:
        """Edit the selected teknis competence, or add one to the person's jabatan."""
        if self._profile is None:
            return None
        jabatan = self._profile.jabatan
        line = self.selected_line()
        if line is not None and line.competence.kind is CompetenceKind.TEKNIS:
            dialog = TechnicalDialog(
                jabatan,
                self._competence.update_technical,
                self,
                existing=line.competence,
            )
        else:
            dialog = TechnicalDialog(
                jabatan,
                lambda code, name, levels: self._competence.add_technical(
                    code, name, jabatan, levels
                ),
                self,
            )
        self._open(dialog)
        return dialog

    def add_item(self) -> PlanItemDialog | None:
        """Open an empty plan item for the chosen person and year."""
        employee_id = self.employee_id
        if employee_id is None:
            return None
        year = self.year.value()
        empty = ItemInput(addresses="", title="", path=None, jp="")
        dialog = PlanItemDialog(
            "Tambah kegiatan pengembangan",
            empty,
            lambda entry: self._development.add_item(employee_id, year, entry, today=self._today()),
            self,
        )
        self._open(dialog)
        return dialog

    def edit_selected_item(self) -> PlanItemDialog | None:
        """Edit the selected item; saving it counts as its review for the period."""
        entry = self.selected_item()
        if entry is None:
            return None
        note = (
            "Periode baru: perbarui status, bukti dan hasil kegiatan ini."
            if entry.needs_review
            else ""
        )
        dialog = PlanItemDialog(
            "Ubah kegiatan pengembangan",
            item_input(entry),
            lambda changed: self._development.update_item(entry.id, changed, today=self._today()),
            self,
            note=note,
        )
        self._open(dialog)
        return dialog

    def mark_selected_reviewed(self) -> bool:
        """Record that the selected item was discussed this period and stays as it is."""
        entry = self.selected_item()
        if entry is None:
            return False
        try:
            self._development.mark_reviewed(entry.id, self._today())
        except DomainError as error:
            show_message(self.error, _problem_text(error))
            return False
        self._saved()
        return True

    def edit_and_accept_selected(self) -> PlanItemDialog | None:
        """Open the selected proposal as an item to edit before it joins the plan."""
        proposal = self.selected_proposal()
        employee_id = self.employee_id
        if proposal is None or employee_id is None:
            return None
        year = self.year.value()
        dialog = PlanItemDialog(
            "Terima usulan ke rencana",
            proposal_input(proposal),
            lambda entry: self._development.accept(
                employee_id, year, proposal, entry, today=self._today()
            ),
            self,
            note=f"Menjawab: {proposal.reason}",
        )
        self._open(dialog)
        return dialog

    def accept_selected(self) -> bool:
        """Add the selected proposal to the plan."""
        proposal = self.selected_proposal()
        employee_id = self.employee_id
        if proposal is None or employee_id is None:
            return False
        try:
            self._development.accept(employee_id, self.year.value(), proposal, today=self._today())
        except DomainError as error:
            show_message(self.proposal_error, _problem_text(error))
            return False
        self._saved()
        return True

    def dismiss_selected(self) -> bool:
        """Set the selected proposal aside for this person and year."""
        proposal = self.selected_proposal()
        employee_id = self.employee_id
        if proposal is None or employee_id is None:
            return False
        try:
            self._development.dismiss(
                employee_id, self.year.value(), proposal_key(proposal), self._today()
            )
        except DomainError as error:
            show_message(self.proposal_error, _problem_text(error))
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit()


def _problem_text(error: DomainError) -> str:
    if isinstance(error, ValidationErrors):
        return " ".join(problem.message for problem in error.errors)
    return error.message
