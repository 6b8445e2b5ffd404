"""Evaluasi: a person's realisation, evidence and feedback per period, and the rating.

Pick a year and a person with an SKP, then a period. The table shows each indicator's target,
realisation (edited in place; Enter saves the cell), achievement, level and evidence, beside
the RHK's level and feedback. Below it, the proposed Rating Hasil Kerja with its reasons and
the decision.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.evaluation import EvaluationService, PeriodEvaluation
from kinerja_desktop.services.evaluation.behaviour import BehaviourService
from kinerja_desktop.services.evaluation.dialogue import DialogueService
from kinerja_desktop.services.platform.seals import SealService
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message, wrapped
from kinerja_desktop.ui.evaluation.behaviour_panel import BehaviourPanel
from kinerja_desktop.ui.evaluation.decision_panel import DecisionPanel
from kinerja_desktop.ui.evaluation.dialogue_panel import DialoguePanel
from kinerja_desktop.ui.evaluation.evidence_dialog import EvidenceDialog
from kinerja_desktop.ui.evaluation.notes_panel import NotesPanel
from kinerja_desktop.ui.evaluation.person_picker import PersonPicker
from kinerja_desktop.ui.evaluation.progress_draft_dialog import ProgressDraftDialog
from kinerja_desktop.ui.evaluation.seal_dialogs import ReopenDialog, SignDialog
from kinerja_desktop.ui.evaluation.table_model import (
    COL_EVIDENCE,
    COL_RHK_LEVEL,
    AssessmentDelegate,
    EvaluationTableModel,
)

_COLUMN_WIDTHS = (220, 200, 90, 120, 70, 130, 50, 150, 240)


class EvaluationPage(QWidget):
    """The Evaluasi page.

    Signals:
    evaluation_changed: realisation, evidence, feedback or a rating was saved.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset(
        {Topic.STAFF, Topic.SKP, Topic.EVALUATION, Topic.JOURNAL}
    )

    evaluation_changed = Signal()

    def __init__(
        self,
        evaluation: EvaluationService,
        skp: SkpService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        behaviour: BehaviourService | None = None,
        dialogue: DialogueService | None = None,
        seals: SealService | None = None,
        progress: ProgressService | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._service = evaluation
        self._seals = seals
        self._progress = progress
        self.progress_dialog: ProgressDraftDialog | None = None
        self.seal_dialog: SignDialog | ReopenDialog | None = None
        self._behaviour = behaviour
        self._dialogue = dialogue
        self._skp = skp  # NOTE: kept for the "open this SKP" link the SKP page will offer
        self._staff = staff
        self.model = EvaluationTableModel(evaluation)
        self._build()
        self._connect()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.picker = PersonPicker(self._service, today=self._today)
        self.heading = wrapped(QLabel())  # a long name and jabatan must not widen the window
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.period = QComboBox()
        self.period_range = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_RHK_LEVEL, AssessmentDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table_errors = error_label()
        self.evidence_button = QPushButton("&Bukti dukung… (Ctrl+B)")
        self.evidence_action = QAction("Bukti dukung", self)
        self.evidence_action.setShortcut(QKeySequence("Ctrl+B"))
        self.evidence_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.evidence_action)
        self.decision = DecisionPanel(self._service, today=self._today)
        self.notes = NotesPanel(self._service)

        period_label = QLabel("&Periode")
        period_label.setBuddy(self.period)
        period_bar = QHBoxLayout()
        period_bar.addWidget(period_label)
        period_bar.addWidget(self.period)
        period_bar.addWidget(self.period_range, 1)
        period_bar.addWidget(self.evidence_button)
        period_bar.addWidget(self._progress_button())
        self.sign_button = QPushButton("Tandai ditandatangani…")
        self.sign_button.setToolTip(
            "Setelah lembar evaluasi ditandatangani: kunci evaluasi periode ini."
        )
        self.reopen_button = QPushButton("Buka kembali…")
        for button in (self.sign_button, self.reopen_button):
            button.setVisible(self._seals is not None)
            period_bar.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(period_bar)
        right_layout.addWidget(self.notice)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.table, 1)
        results_layout.addWidget(self.table_errors)
        results_layout.addWidget(self.decision)
        self.tabs = self._build_tabs(results)
        right_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.picker)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 960])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _progress_button(self) -> QPushButton:
        """Isi dari progres harian: shown when the page has the daily log's service."""
        self.progress_button = QPushButton("Isi dari pro&gres harian…")
        self.progress_button.setToolTip(
            "Jumlahkan realisasi progres harian yang sudah disetujui pada periode ini, per "
            "indikator; ditinjau dulu sebelum disimpan."
        )
        self.progress_button.setVisible(self._progress is not None)
        return self.progress_button

    def _build_tabs(self, results: QWidget) -> QTabWidget:
        """Results first; behaviour and predikat, and the dialogue, when their services exist."""
        tabs = QTabWidget()
        tabs.addTab(results, "&Hasil kerja")
        self.behaviour_panel: BehaviourPanel | None = None
        if self._behaviour is not None:
            self.behaviour_panel = BehaviourPanel(self._behaviour, today=self._today)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.behaviour_panel)
            tabs.addTab(scroll, "Perilaku kerja && &predikat")
        self.dialogue_panel: DialoguePanel | None = None
        if self._dialogue is not None:
            self.dialogue_panel = DialoguePanel(self._dialogue, today=self._today)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.dialogue_panel)
            tabs.addTab(scroll, "&Dialog && keberatan")
        tabs.addTab(self.notes, "&Catatan/Rekomendasi")
        return tabs

    def _connect(self) -> None:
        if self.behaviour_panel is not None:
            self.behaviour_panel.changed.connect(self.evaluation_changed.emit)
        if self.dialogue_panel is not None:
            self.dialogue_panel.changed.connect(self.evaluation_changed.emit)
        self.picker.changed.connect(lambda: self._person_changed(None))
        self.picker.picked.connect(self.table.setFocus)
        self.period.currentIndexChanged.connect(lambda _index: self._load())
        self.model.modelReset.connect(self._apply_spans)
        self.model.dataChanged.connect(lambda *_args: self.table.resizeRowsToContents())
        self.model.evaluation_updated.connect(self._edited)
        self.model.message_changed.connect(lambda text: show_message(self.table_errors, text))
        self.table.activated.connect(self._activated)
        self.evidence_button.clicked.connect(self.open_evidence)
        self.progress_button.clicked.connect(self.fill_from_progress)
        self.evidence_action.triggered.connect(self.open_evidence)
        self.decision.decided.connect(self._decided)
        self.notes.saved.connect(lambda _evaluation: self.evaluation_changed.emit())
        self.sign_button.clicked.connect(self.sign)
        self.reopen_button.clicked.connect(self.reopen)

    # --- choosing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload years, people and the evaluation, keeping the current choices."""
        self.picker.refresh()
        self._person_changed(self.period.currentData())

    def selected_skp_id(self) -> int | None:
        return self.picker.selected_skp_id()

    def show_person(self, employee_id: int) -> bool:
        """Show a person's evaluation (from a list of people); False when they have no SKP."""
        return self.picker.select_employee(employee_id)

    def person_in_front(self) -> int | None:
        person = self.picker.selected()
        return person.employee_id if person is not None else None

    def select(self, skp_id: int, period_code: str | None = None) -> None:
        """Show one SKP (and period), e.g. when another page asks for it."""
        self.picker.select(skp_id)
        if period_code is not None:
            self.period.setCurrentIndex(max(self.period.findData(period_code), 0))

    def _person_changed(self, period_code: str | None) -> None:
        person = self.picker.selected()
        keep = period_code or self.period.currentData()
        year = self.picker.selected_year()
        periods = self._staff.periods_for(person.employee_id, year) if person else []
        self.period.blockSignals(True)
        self.period.clear()
        for period in periods:
            self.period.addItem(period.label, period.code)
        found = self.period.findData(keep)
        self.period.setCurrentIndex(
            found if found >= 0 else _default_period(periods, self._today())
        )
        self.period.blockSignals(False)
        self._load()

    # --- showing -----------------------------------------------------------------------------

    def _load(self) -> None:
        skp_id, code = self.selected_skp_id(), self.period.currentData()
        evaluation: PeriodEvaluation | None = None
        problem = ""
        if skp_id is not None and code is not None:
            try:
                evaluation = self._service.evaluation(skp_id, code)
            except DomainError as error:
                problem = error.message
        elif self.picker.list.count() == 0:
            problem = "Belum ada SKP pada tahun ini. Susun dan sepakati SKP di halaman SKP dulu."
        shown = self.model.evaluation
        # Read again for the same period (a change elsewhere): keep the decision being typed,
        # unless it can no longer be saved (the period was signed).
        same = (
            shown is not None
            and evaluation is not None
            and evaluation.editable
            and (shown.skp.id, shown.period.code) == (evaluation.skp.id, evaluation.period.code)
        )
        show_message(self.table_errors, None)
        self.model.set_evaluation(evaluation)
        self.decision.set_evaluation(evaluation, keep_input=same)
        self.notes.set_evaluation(evaluation, keep_input=same)
        self._show_heading(evaluation, problem)
        self._show_behaviour(skp_id if evaluation is not None else None, code)

    def _show_behaviour(self, skp_id: int | None, code: str | None) -> None:
        if self.behaviour_panel is not None:
            self.behaviour_panel.show_period(skp_id, code)
        if self.dialogue_panel is not None and skp_id is not None and code is not None:
            self.dialogue_panel.show_period(skp_id, code)

    def _show_heading(self, evaluation: PeriodEvaluation | None, problem: str) -> None:
        person = self.picker.selected()
        self.evidence_button.setEnabled(evaluation is not None)
        self.progress_button.setEnabled(evaluation is not None and evaluation.editable)
        signed = evaluation is not None and evaluation.signed_on is not None
        allowed = evaluation.allowed if evaluation is not None else frozenset()
        self.sign_button.setEnabled(
            evaluation is not None
            and evaluation.skp.locked
            and not signed
            and Action.SIGN in allowed
        )
        self.reopen_button.setEnabled(signed and Action.REOPEN in allowed)
        if evaluation is None or person is None:
            self.heading.setText("")
            self.period_range.setText("")
            show_message(self.notice, problem or "Pilih pegawai untuk melihat evaluasinya.")
            return
        skp = evaluation.skp
        self.heading.setText(
            f"<b>{_escape(person.name)}</b> · {_escape(person.jabatan)}<br>"
            f"SKP {skp.year} · pendekatan {skp.pendekatan.label.lower()} · {skp.status.label}"
        )
        self.period_range.setText(evaluation.period.range_text)
        notice = ""
        if evaluation.signed_on is not None:
            notice = (
                f"Evaluasi ini sudah ditandatangani pada {format_date_id(evaluation.signed_on)} "
                "dan hanya dapat dibaca. Buka kembali dengan alasan bila perlu diubah."
            )
        elif Action.EDIT not in evaluation.allowed:
            notice = (
                f"Evaluasi {person.name} hanya dapat dibaca dengan akun ini: realisasi dan "
                "rating dicatat oleh pejabat penilainya (atau kepala unit)."
            )
        elif not evaluation.editable:
            notice = (
                "SKP ini belum disepakati, jadi realisasinya belum dapat dicatat. Sepakati SKP "
                "di halaman SKP dulu."
            )
        elif evaluation.period.is_final:
            notice = "Periode Akhir adalah evaluasi tahunan: isi realisasi kumulatif satu tahun."
        show_message(self.notice, notice)

    def sign(self) -> SignDialog | None:
        """Ask for the day the printed evaluation was signed, then seal it."""
        evaluation = self.model.evaluation
        if self._seals is None or evaluation is None:
            return None
        seals, skp_id, period = self._seals, evaluation.skp.id, evaluation.period
        today = self._today()
        dialog = SignDialog(
            period.label,
            lambda day: seals.sign_evaluation(skp_id, period.code, day, today=self._today()),
            self,
            today=today,
            warnings=evaluation.warnings,
        )
        self._open_seal_dialog(dialog)
        return dialog

    def reopen(self) -> ReopenDialog | None:
        """Ask why, then open the signed evaluation again."""
        evaluation = self.model.evaluation
        if self._seals is None or evaluation is None:
            return None
        seals, skp_id, period = self._seals, evaluation.skp.id, evaluation.period
        dialog = ReopenDialog(
            period.label, lambda why: seals.reopen_evaluation(skp_id, period.code, why), self
        )
        self._open_seal_dialog(dialog)
        return dialog

    def _open_seal_dialog(self, dialog: SignDialog | ReopenDialog) -> None:
        dialog.accepted.connect(self._sealed)
        self.seal_dialog = dialog
        dialog.open()

    def _sealed(self) -> None:
        self._load()
        self.evaluation_changed.emit()

    def _apply_spans(self) -> None:
        self.table.clearSpans()
        for row, column, count in self.model.spans():
            self.table.setSpan(row, column, count, 1)
        self.table.resizeRowsToContents()

    # --- after a save --------------------------------------------------------------------------

    def _edited(self, evaluation: PeriodEvaluation) -> None:
        self.decision.set_evaluation(evaluation, keep_input=True)
        self.evaluation_changed.emit()

    def _decided(self, evaluation: PeriodEvaluation) -> None:
        self.model.update(evaluation)
        # A new Rating Hasil Kerja changes what the predikat box can say.
        self._show_behaviour(self.selected_skp_id(), self.period.currentData())
        self.evaluation_changed.emit()

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == COL_EVIDENCE:
            self.open_evidence()
        elif self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def open_evidence(self) -> EvidenceDialog | None:
        """Open the evidence of the indicator on the current row (window-modal)."""
        evaluation = self.model.evaluation
        row = self.table.currentIndex().row()
        indicator = self.model.indicator_at(row if row >= 0 else 0)
        if evaluation is None or indicator is None:
            return None
        dialog = EvidenceDialog(
            self._service, indicator, evaluation.period, editable=evaluation.editable, parent=self
        )
        dialog.finished.connect(lambda _result: self._evidence_closed(dialog))
        dialog.open()
        return dialog

    def fill_from_progress(self) -> ProgressDraftDialog | None:
        """Open the realisation drafted from the approved daily entries (window-modal)."""
        evaluation = self.model.evaluation
        if self._progress is None or evaluation is None or not evaluation.editable:
            return None
        dialog = ProgressDraftDialog(
            self._progress, self._service, evaluation.skp.id, evaluation.period.code, self
        )
        dialog.accepted.connect(lambda: self._progress_applied(dialog))
        self.progress_dialog = dialog
        dialog.open()
        return dialog

    def _progress_applied(self, dialog: ProgressDraftDialog) -> None:
        if dialog.evaluation is None:
            return
        self.model.update(dialog.evaluation)
        self.decision.set_evaluation(dialog.evaluation, keep_input=True)
        self.evaluation_changed.emit()

    def _evidence_closed(self, dialog: EvidenceDialog) -> None:
        evaluation = self.model.evaluation
        if not dialog.changed or evaluation is None:
            return
        updated = self._service.evaluation(evaluation.skp.id, evaluation.period.code)
        self.model.update(updated)
        self.decision.set_evaluation(updated, keep_input=True)
        self.evaluation_changed.emit()


def _default_period(periods: list[Period], today: date) -> int:
    """The periodic period running today; AKHIR for a past year; else the first."""
    for position, period in enumerate(periods):
        if not period.is_final and period.contains(today):
            return position
    if periods and periods[-1].end < today:
        return len(periods) - 1
    return 0


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
