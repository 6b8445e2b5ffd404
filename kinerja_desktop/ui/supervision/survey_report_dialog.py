"""Data laporan SKM: the round's population, method and fieldwork, and its rencana tindak lanjut.

What PermenPANRB 14/2017 asks the report to say beyond the results. The population gives the
minimum sample (Krejcie-Morgan), shown against the respondents as soon as it is saved. The
RTL lines are added, corrected (pick a row, change, "Simpan perubahan") and removed here.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.domain.supervision.survey_report import SurveyMethod, count_text
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.services.supervision.surveys import (
    ActionInput,
    ActionLine,
    DetailsInput,
    SurveyDetails,
    SurveyService,
)
from kinerja_desktop.ui.common import (
    error_label,
    optional_date,
    optional_date_edit,
    resize_within_screen,
    set_optional_date,
    show_message,
)

ACTION_COLUMNS = ("Unsur", "Program/kegiatan", "Waktu", "Penanggung jawab")


def sample_text(details: SurveyDetails) -> str:
    """The minimum sample against the respondents, in words."""
    sample = details.sample
    if sample is None:
        return "Isi populasi untuk melihat sampel minimum (tabel Krejcie-Morgan)."
    state = "memenuhi" if sample.reached else "belum memenuhi"
    return (
        f"Sampel minimum {count_text(sample.minimum)} responden; terkumpul "
        f"{count_text(sample.respondents)}: {state} sampel minimum."
    )


class SurveyReportDialog(QDialog):
    """Edits one survey's report details; every change is saved at once by its button."""

    def __init__(
        self, surveys: SurveyService, survey_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._surveys = surveys
        self._survey_id = survey_id
        self.details = surveys.details(survey_id)
        self.setWindowTitle(f"Data laporan SKM: {self.details.survey.title}")
        self.population = QLineEdit()
        self.population.setPlaceholderText("mis. 1250")
        self.sample = QLabel()
        self.sample.setWordWrap(True)
        self.methods = {method: QCheckBox(method.label) for method in SurveyMethod}
        self.fieldwork_start = optional_date_edit()
        self.fieldwork_end = optional_date_edit()
        self.save_details_button = QPushButton("&Simpan data survei")
        self.item = QComboBox()
        self.item.addItem("— pilih unsur —", "")
        for unsur in SurveyItem:
            self.item.addItem(f"{unsur.value} {unsur.label}", unsur.value)
        self.program = QLineEdit()
        self.schedule = QLineEdit()
        self.schedule.setPlaceholderText("mis. Januari–Maret 2027")
        self.responsible = QLineEdit()
        self.plan = QTableWidget(0, len(ACTION_COLUMNS))
        self.plan.setHorizontalHeaderLabels(list(ACTION_COLUMNS))
        self.plan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan.verticalHeader().hide()
        self.plan.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (2, 120), (3, 160)):
            self.plan.setColumnWidth(column, width)
        self.add_button = QPushButton("&Tambah baris")
        self.update_button = QPushButton("Simpan &perubahan")
        self.remove_button = QPushButton("&Hapus baris")
        close_button = QPushButton("Tutup")
        self.errors = {
            name: error_label()
            for name in (
                "population",
                "fieldwork_end",
                "details",
                "item",
                "program",
                "schedule",
                "responsible",
                "actions",
            )
        }
        self._build(close_button)
        self.save_details_button.clicked.connect(self.save_details)
        self.add_button.clicked.connect(self.add_action)
        self.update_button.clicked.connect(self.update_action)
        self.remove_button.clicked.connect(self.remove_action)
        self.plan.itemSelectionChanged.connect(self._pick_action)
        close_button.clicked.connect(self.accept)
        self._show(self.details, load_inputs=True)
        resize_within_screen(self, 820, 640)

    def _build(self, close_button: QPushButton) -> None:
        data = QGroupBox("Data survei")
        form = QFormLayout(data)
        form.addRow("Populasi penerima &layanan", self.population)
        form.addRow("", self.errors["population"])
        form.addRow("", self.sample)
        methods = QHBoxLayout()
        for box in self.methods.values():
            methods.addWidget(box)
        form.addRow("Metode survei", methods)
        dates = QHBoxLayout()
        dates.addWidget(self.fieldwork_start)
        dates.addWidget(QLabel("s.d."))
        dates.addWidget(self.fieldwork_end)
        dates.addStretch(1)
        form.addRow("Waktu pengumpulan data", dates)
        form.addRow("", self.errors["fieldwork_end"])
        form.addRow("", self.errors["details"])
        form.addRow("", self.save_details_button)

        plan = QGroupBox("Rencana tindak lanjut")
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.plan, 1)
        line = QFormLayout()
        for caption, widget, name in (
            ("&Unsur", self.item, "item"),
            ("Program/&kegiatan", self.program, "program"),
            ("&Waktu", self.schedule, "schedule"),
            ("Penanggung &jawab", self.responsible, "responsible"),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            line.addRow(label, widget)
            line.addRow("", self.errors[name])
        plan_layout.addLayout(line)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        plan_layout.addLayout(buttons)
        plan_layout.addWidget(self.errors["actions"])

        layout = QVBoxLayout(self)
        layout.addWidget(data)
        layout.addWidget(plan, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close_button)
        layout.addLayout(bottom)

    # --- showing -----------------------------------------------------------------------------

    def _show(self, details: SurveyDetails, *, load_inputs: bool) -> None:
        self.details = details
        allowed = details.survey.allowed
        for widget in (self.save_details_button, self.add_button):
            widget.setEnabled(SupervisionAction.RECORD in allowed)
        if load_inputs:
            population = details.population
            self.population.setText(str(population) if population is not None else "")
            for method, box in self.methods.items():
                box.setChecked(method in details.methods)
            set_optional_date(self.fieldwork_start, details.fieldwork_start)
            set_optional_date(self.fieldwork_end, details.fieldwork_end)
        self.sample.setText(sample_text(details))
        self.plan.blockSignals(True)
        self.plan.setRowCount(len(details.actions))
        for row, action in enumerate(details.actions):
            cells = (
                f"{action.item.value} {action.item.label}",
                action.program,
                action.schedule,
                action.responsible,
            )
            for column, text in enumerate(cells):
                self.plan.setItem(row, column, QTableWidgetItem(text))
        self.plan.clearSelection()
        self.plan.blockSignals(False)
        self.plan.resizeRowsToContents()
        self._pick_action()

    def _chosen(self) -> ActionLine | None:
        rows = self.plan.selectionModel().selectedRows()
        return self.details.actions[rows[0].row()] if rows else None

    def _pick_action(self) -> None:
        """A picked row fills the inputs for correcting it."""
        chosen = self._chosen()
        correct = SupervisionAction.CORRECT in self.details.survey.allowed
        self.update_button.setEnabled(chosen is not None and correct)
        self.remove_button.setEnabled(chosen is not None and correct)
        if chosen is not None:
            self.item.setCurrentIndex(self.item.findData(chosen.item.value))
            self.program.setText(chosen.program)
            self.schedule.setText(chosen.schedule)
            self.responsible.setText(chosen.responsible)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            show_message(label, None)

    def _show_errors(self, error: DomainError, fallback: str) -> None:
        found = error.errors if isinstance(error, ValidationErrors) else [error]
        for each in found:
            field = each.field if isinstance(each, ValidationError) else None
            show_message(self.errors.get(field or "", self.errors[fallback]), each.message)

    # --- saving ------------------------------------------------------------------------------

    def save_details(self) -> bool:
        self._clear_errors()
        given = DetailsInput(
            population=self.population.text(),
            methods=tuple(m for m, box in self.methods.items() if box.isChecked()),
            fieldwork_start=optional_date(self.fieldwork_start),
            fieldwork_end=optional_date(self.fieldwork_end),
        )
        try:
            details = self._surveys.set_details(self._survey_id, given)
        except DomainError as error:
            self._show_errors(error, "details")
            return False
        self._show(details, load_inputs=True)
        return True

    def _action_input(self) -> ActionInput:
        return ActionInput(
            item=str(self.item.currentData() or ""),
            program=self.program.text(),
            schedule=self.schedule.text(),
            responsible=self.responsible.text(),
        )

    def _after_action(self, details: SurveyDetails) -> None:
        self.item.setCurrentIndex(0)
        for edit in (self.program, self.schedule, self.responsible):
            edit.clear()
        self._show(details, load_inputs=False)

    def add_action(self) -> bool:
        self._clear_errors()
        try:
            details = self._surveys.add_action(self._survey_id, self._action_input())
        except DomainError as error:
            self._show_errors(error, "actions")
            return False
        self._after_action(details)
        return True

    def update_action(self) -> bool:
        chosen = self._chosen()
        if chosen is None:
            return False
        self._clear_errors()
        try:
            details = self._surveys.update_action(self._survey_id, chosen.id, self._action_input())
        except DomainError as error:
            self._show_errors(error, "actions")
            return False
        self._after_action(details)
        return True

    def remove_action(self) -> bool:
        chosen = self._chosen()
        if chosen is None:
            return False
        answer = QMessageBox.question(
            self,
            "Hapus baris rencana tindak lanjut",
            f"Hapus baris {chosen.item.value}: {chosen.program}?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._clear_errors()
        try:
            details = self._surveys.remove_action(self._survey_id, chosen.id)
        except DomainError as error:
            self._show_errors(error, "actions")
            return False
        self._after_action(details)
        return True
