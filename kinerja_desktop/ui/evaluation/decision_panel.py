"""The proposed Rating Hasil Kerja with its reasons, and the supervisor's decision."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.services.evaluation import EvaluationService, PeriodEvaluation, RatingSource
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message

ORGANISATION_TEXT = "Ambil dari capaian kinerja organisasi (pimpinan unit)"


class DecisionPanel(QGroupBox):
    """Shows the proposal and decides the rating; Enter in the reason field saves.

    Signals:
    decided(object): the decision was saved; carries the new PeriodEvaluation.
    """

    decided = Signal(object)

    def __init__(
        self,
        evaluation: EvaluationService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__("Rating Hasil Kerja", parent)
        self._today = today
        self._service = evaluation
        self._evaluation: PeriodEvaluation | None = None
        self._reason_needed = False
        self._touched = False  # the user changed the decision inputs since they were loaded
        self._build()

    def _build(self) -> None:
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.final = QComboBox()
        for rating in Rating:
            self.final.addItem(rating.label, rating.value)
        self.from_organisation = QCheckBox(ORGANISATION_TEXT)
        self.reason_label = QLabel("A&lasan")
        self.reason = QLineEdit()
        self.reason_label.setBuddy(self.reason)
        self.save_button = QPushButton("Simpan &rating")
        self.errors = {key: error_label() for key in ("final", "reason", "general")}
        form = QFormLayout()
        form.addRow("Rating &akhir", self.final)
        form.addRow("", self.errors["final"])
        form.addRow("", self.from_organisation)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.errors["reason"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.proposal)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.final.currentIndexChanged.connect(self._update_reason)
        self.from_organisation.toggled.connect(self._update_reason)
        self.reason.returnPressed.connect(self.save)
        self.final.activated.connect(self._touch)
        self.from_organisation.clicked.connect(self._touch)
        self.reason.textEdited.connect(self._touch)
        self.save_button.clicked.connect(self.save)

    # --- showing ---------------------------------------------------------------------------

    def set_evaluation(self, evaluation: PeriodEvaluation | None, *, keep_input: bool) -> None:
        """Show ``evaluation``.

        With ``keep_input`` (an edit elsewhere on the page) a decision the user has started to
        change stays as typed; untouched inputs follow the new proposal.
        """
        self._evaluation = evaluation
        self.setEnabled(evaluation is not None and evaluation.editable)
        self.proposal.setText(_proposal_html(evaluation))
        self.status.setText(_decision_html(evaluation))
        if not (keep_input and self._touched):
            self._load_decision(evaluation)
        self._update_reason()

    def _touch(self, *_args: object) -> None:
        self._touched = True

    def _load_decision(self, evaluation: PeriodEvaluation | None) -> None:
        self._touched = False
        for label in self.errors.values():
            show_message(label, None)
        decision = evaluation.decision if evaluation else None
        proposal = evaluation.proposal if evaluation else None
        rating = decision.final if decision else proposal.rating if proposal else Rating.SESUAI
        self.final.setCurrentIndex(self.final.findData(rating.value))
        self.from_organisation.setChecked(
            decision is not None and decision.source is RatingSource.ORGANISASI
        )
        self.reason.setText(decision.reason if decision else "")

    @property
    def reason_needed(self) -> bool:
        """The reason field is shown: the rating differs from the proposal, or is the org's."""
        return self._reason_needed

    def _update_reason(self) -> None:
        evaluation = self._evaluation
        proposal = evaluation.proposal if evaluation else None
        differs = proposal is None or proposal.rating.value != self.final.currentData()
        needed = self.from_organisation.isChecked() or differs
        self._reason_needed = needed
        self.reason_label.setVisible(needed)
        self.reason.setVisible(needed)
        head = evaluation.unit_head if evaluation else None
        self.reason.setPlaceholderText(
            "mis. Capaian kinerja organisasi: Baik"
            if self.from_organisation.isChecked()
            else "Wajib diisi karena rating berbeda dari predikat kinerja organisasi"
            if head is not None and head.org is not None
            else "Wajib diisi karena rating berbeda dari usulan"
        )

    # --- deciding --------------------------------------------------------------------------

    def save(self, *, on: date | None = None) -> bool:
        """Save the decision; every refusal is shown next to its field."""
        evaluation = self._evaluation
        if evaluation is None or not self.isEnabled():
            return False
        for label in self.errors.values():
            show_message(label, None)
        try:
            updated = self._service.decide_rating(
                evaluation.skp.id,
                evaluation.period.code,
                Rating(self.final.currentData()),
                reason=self.reason.text() if self._reason_needed else "",
                from_organisation=self.from_organisation.isChecked(),
                on=on or self._today(),
            )
        except ValidationError as error:
            show_message(self.errors.get(error.field or "", self.errors["general"]), error.message)
            (self.reason if error.field == "reason" else self.final).setFocus()
            return False
        except DomainError as error:
            show_message(self.errors["general"], error.message)
            return False
        self.set_evaluation(updated, keep_input=False)
        self.decided.emit(updated)
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _proposal_html(evaluation: PeriodEvaluation | None) -> str:
    if evaluation is None:
        return "<i>Pilih pegawai dan periode.</i>"
    proposal = evaluation.proposal
    if proposal is None:
        return f"<b>Usulan:</b> belum ada.<br>{_escape(evaluation.waiting)}"
    reasons = "".join(f"<li>{_escape(reason)}</li>" for reason in proposal.reasons)
    return f"<b>Usulan: {proposal.rating.label}</b><ul>{reasons}</ul>"


def _decision_html(evaluation: PeriodEvaluation | None) -> str:
    decision = evaluation.decision if evaluation else None
    if evaluation is None or decision is None:
        return "<i>Rating periode ini belum ditetapkan.</i>"
    text = (
        f"<b>Ditetapkan {format_date_id(decision.decided_on)}: {decision.final.label}</b> "
        f"({decision.source.label.lower()}"
    )
    if decision.source is RatingSource.OVERRIDE and decision.proposed is not None:
        text += f"; usulan saat itu {decision.proposed.label}"
    text += ")"
    if decision.reason:
        text += f"<br>Alasan: {_escape(decision.reason)}"
    if evaluation.decision_outdated:
        text += (
            "<br><span style='color:#8a5300'>Usulan sudah berubah sejak rating ditetapkan; "
            "tinjau dan simpan kembali bila perlu.</span>"
        )
    for warning in evaluation.warnings:
        text += f"<br><span style='color:#8a5300'>Perhatian: {_escape(warning)}</span>"
    return text
