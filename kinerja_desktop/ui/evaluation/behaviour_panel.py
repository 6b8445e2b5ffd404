"""Perilaku Kerja of one period: umpan balik per value, the rating, and the Predikat Kinerja."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.predikat import OVERRIDE_MARK, Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.services.evaluation.behaviour import BehaviourPeriod, BehaviourService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message

MARK_STYLE = "color: #8a5300; font-weight: bold;"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class BehaviourPanel(QWidget):
    """Umpan balik per BerAKHLAK value, the Rating Perilaku Kerja and the Predikat Kinerja.

    Signals:
    changed(): something was saved (feedback, rating or predikat).
    """

    changed = Signal()

    def __init__(
        self,
        behaviour: BehaviourService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._service = behaviour
        self._view: BehaviourPeriod | None = None
        self._build()
        self._show(None)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_feedback())
        layout.addWidget(self._build_rating())
        layout.addWidget(self._build_predikat())
        layout.addStretch(1)

    def _build_feedback(self) -> QGroupBox:
        box = QGroupBox("Umpan balik berkelanjutan per nilai BerAKHLAK")
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Nilai</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Catatan periode ini</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Umpan balik (dicetak pada formulir)</b>"), 0, 2)
        self.value_labels: dict[BehaviourValue, QLabel] = {}
        self.counts: dict[BehaviourValue, QLabel] = {}
        self.feedback_edits: dict[BehaviourValue, QPlainTextEdit] = {}
        self.draft_buttons: dict[BehaviourValue, QPushButton] = {}
        self.feedback_errors: dict[BehaviourValue, QLabel] = {}
        for number, value in enumerate(BehaviourValue):
            row = 1 + 2 * number
            name = QLabel()
            counts = QLabel()
            edit = QPlainTextEdit()
            edit.setFixedHeight(56)
            edit.setTabChangesFocus(True)
            button = QPushButton("Susun dari jurnal")
            button.setToolTip("Isi umpan balik dengan draf dari catatan perilaku periode ini.")
            button.clicked.connect(lambda _=False, v=value: self.fill_draft(v))
            error = error_label()
            grid.addWidget(name, row, 0)
            grid.addWidget(counts, row, 1)
            grid.addWidget(edit, row, 2)
            grid.addWidget(button, row, 3)
            grid.addWidget(error, row + 1, 2)
            self.value_labels[value] = name
            self.counts[value] = counts
            self.feedback_edits[value] = edit
            self.draft_buttons[value] = button
            self.feedback_errors[value] = error
        grid.setColumnStretch(2, 1)
        self.feedback_general = error_label()
        self.save_feedback_button = QPushButton("Simpan &umpan balik")
        self.save_feedback_button.clicked.connect(self.save_feedback)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(self.feedback_general)
        layout.addWidget(self.save_feedback_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _build_rating(self) -> QGroupBox:
        box = QGroupBox("Rating Perilaku Kerja")
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setTextFormat(Qt.TextFormat.RichText)
        self.rating_status = QLabel()
        self.rating_status.setWordWrap(True)
        self.rating_status.setTextFormat(Qt.TextFormat.RichText)
        self.rating_final = QComboBox()
        for rating in Rating:
            self.rating_final.addItem(rating.label, rating.value)
        self.rating_reason_label = QLabel("Alasan")
        self.rating_reason = QLineEdit()
        self.rating_reason.setPlaceholderText("Wajib diisi karena rating berbeda dari usulan")
        self.rating_reason_label.setBuddy(self.rating_reason)
        self.rating_errors = {key: error_label() for key in ("final", "reason", "general")}
        self.save_rating_button = QPushButton("Simpan rating &perilaku")
        form = QFormLayout()
        form.addRow("Rating perilaku", self.rating_final)
        form.addRow("", self.rating_errors["final"])
        form.addRow(self.rating_reason_label, self.rating_reason)
        form.addRow("", self.rating_errors["reason"])
        layout = QVBoxLayout(box)
        layout.addWidget(self.proposal)
        layout.addWidget(self.rating_status)
        layout.addLayout(form)
        layout.addWidget(self.rating_errors["general"])
        layout.addWidget(self.save_rating_button, 0, Qt.AlignmentFlag.AlignRight)
        self.rating_final.currentIndexChanged.connect(self._update_rating_reason)
        self.rating_reason.returnPressed.connect(self.save_rating)
        self.save_rating_button.clicked.connect(self.save_rating)
        return box

    def _build_predikat(self) -> QGroupBox:
        box = QGroupBox("Predikat Kinerja")
        self.matrix = QLabel()
        self.matrix.setWordWrap(True)
        self.matrix.setTextFormat(Qt.TextFormat.RichText)
        self.predikat_status = QLabel()
        self.predikat_status.setWordWrap(True)
        self.predikat_status.setTextFormat(Qt.TextFormat.RichText)
        self.override_mark = QLabel()
        self.override_mark.setStyleSheet(MARK_STYLE)
        self.override_mark.setWordWrap(True)
        self.predikat_final = QComboBox()
        self.predikat_final.addItem("Sesuai matriks", None)
        for predikat in Predikat:
            self.predikat_final.addItem(predikat.label, predikat.value)
        self.predikat_reason_label = QLabel("Alasan penetapan")
        self.predikat_reason = QLineEdit()
        self.predikat_reason.setPlaceholderText(
            "Wajib diisi karena predikat berbeda dari hasil matriks"
        )
        self.predikat_reason_label.setBuddy(self.predikat_reason)
        self.predikat_errors = {key: error_label() for key in ("final", "reason", "general")}
        self.save_predikat_button = QPushButton("Tetapkan pre&dikat")
        form = QFormLayout()
        form.addRow("Predikat akhir", self.predikat_final)
        form.addRow("", self.predikat_errors["final"])
        form.addRow(self.predikat_reason_label, self.predikat_reason)
        form.addRow("", self.predikat_errors["reason"])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_predikat_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.matrix)
        layout.addWidget(self.predikat_status)
        layout.addWidget(self.override_mark)
        layout.addLayout(form)
        layout.addWidget(self.predikat_errors["general"])
        layout.addLayout(buttons)
        self.predikat_final.currentIndexChanged.connect(self._update_predikat_reason)
        self.predikat_reason.returnPressed.connect(self.save_predikat)
        self.save_predikat_button.clicked.connect(self.save_predikat)
        return box

    # --- showing ---------------------------------------------------------------------------

    @property
    def view(self) -> BehaviourPeriod | None:
        return self._view

    def show_period(self, skp_id: int | None, period_code: str | None) -> None:
        """Show the SKP's Perilaku Kerja in the period; None clears the panel."""
        if skp_id is None or period_code is None:
            self._show(None)
            return
        same = self._view is not None and (self._view.skp_id, self._view.period.code) == (
            skp_id,
            period_code,
        )
        # Shown again for the same period (say, after the results were decided): keep what
        # the supervisor has typed and not saved yet.
        typed = {
            value: edit.toPlainText()
            for value, edit in self.feedback_edits.items()
            if same and self._view and edit.toPlainText() != self._stored_text(value)
        }
        try:
            view = self._service.period_view(skp_id, period_code)
        except DomainError as error:
            self._show(None)
            show_message(self.feedback_general, error.message)
            return
        self._show(view)
        for value, text in typed.items():
            self.feedback_edits[value].setPlainText(text)

    def _stored_text(self, value: BehaviourValue) -> str:
        item = self._view.value(value) if self._view else None
        return (item.stored or "") if item else ""

    def _show(self, view: BehaviourPeriod | None) -> None:
        self._view = view
        self._clear_errors()
        editable = view is not None and view.editable
        for value in BehaviourValue:
            item = view.value(value) if view else None
            self.value_labels[value].setText(item.label if item else value.label)
            self.counts[value].setText(item.counts_text if item else "")
            self.counts[value].setToolTip(
                "\n".join(
                    f"{format_date_id(e.observed_on)} ({e.sign.label}): {e.text}"
                    for e in item.entries
                )
                if item
                else ""
            )
            edit = self.feedback_edits[value]
            edit.setPlainText((item.stored or "") if item else "")
            edit.setReadOnly(not editable)
            self.draft_buttons[value].setEnabled(editable and bool(item and item.draft))
        self.save_feedback_button.setEnabled(editable)
        self._show_rating(view, editable)
        self._show_predikat(view, editable)

    def _show_rating(self, view: BehaviourPeriod | None, editable: bool) -> None:
        if view is None:
            self.proposal.setText("<i>Pilih pegawai dan periode.</i>")
            self.rating_status.setText("")
        else:
            reasons = "".join(f"<li>{_escape(r)}</li>" for r in view.proposal.reasons)
            self.proposal.setText(
                f"<b>Usulan dari jurnal: {view.proposal.rating.label}</b><ul>{reasons}</ul>"
            )
            self.rating_status.setText(_rating_html(view))
        rating = view.rating.final if view and view.rating else None
        proposed = view.proposal.rating if view else Rating.SESUAI
        self.rating_final.setCurrentIndex(self.rating_final.findData((rating or proposed).value))
        self.rating_reason.setText(view.rating.reason if view and view.rating else "")
        for widget in (self.rating_final, self.rating_reason, self.save_rating_button):
            widget.setEnabled(editable)
        self._update_rating_reason()

    def _show_predikat(self, view: BehaviourPeriod | None, editable: bool) -> None:
        status = view.predikat if view else None
        if status is None:
            self.matrix.setText("")
        elif status.computed is None:
            self.matrix.setText(f"<i>{_escape(status.missing)}</i>")
        else:
            assert status.hasil is not None and status.perilaku is not None
            self.matrix.setText(
                f"Rating Hasil Kerja <b>{status.hasil.label}</b> × Rating Perilaku Kerja "
                f"<b>{status.perilaku.label}</b> → hasil matriks: "
                f"<b>{status.computed.label}</b>"
            )
        decision = status.decision if status else None
        if decision is None:
            self.predikat_status.setText("<i>Predikat periode ini belum ditetapkan.</i>")
        else:
            text = (
                f"<b>Ditetapkan {format_date_id(decision.decided_on)}: "
                f"{_escape(decision.final.label)}</b>"
            )
            if decision.reason:
                text += f"<br>Alasan: {_escape(decision.reason)}"
            if status is not None and status.outdated:
                text += (
                    "<br><span style='color:#8a5300'>Rating sudah berubah sejak predikat "
                    "ditetapkan; tetapkan kembali.</span>"
                )
            self.predikat_status.setText(text)
        effective = status.effective if status else None
        if effective is not None and effective.on_objection:
            # The atasan's decision on an objection is final (PP 30/2019 Pasal 59).
            self.override_mark.setText(f"⚠ Predikat berlaku: {_escape(effective.display)}.")
            self.override_mark.show()
        elif decision is not None and decision.overridden:
            self.override_mark.setText(
                f"⚠ Predikat {OVERRIDE_MARK} (matriks: {decision.computed.label})."
            )
            self.override_mark.show()
        else:
            self.override_mark.hide()
        computed = status.computed if status else None
        self.predikat_final.setItemText(
            0, f"Sesuai matriks ({computed.label})" if computed else "Sesuai matriks"
        )
        if decision is not None and decision.overridden:
            self.predikat_final.setCurrentIndex(self.predikat_final.findData(decision.final.value))
            self.predikat_reason.setText(decision.reason)
        else:
            self.predikat_final.setCurrentIndex(0)
            self.predikat_reason.setText("")
        ready = editable and computed is not None and not (effective and effective.on_objection)
        for widget in (self.predikat_final, self.predikat_reason, self.save_predikat_button):
            widget.setEnabled(ready)
        self._update_predikat_reason()

    def _clear_errors(self) -> None:
        labels = [
            *self.feedback_errors.values(),
            self.feedback_general,
            *self.rating_errors.values(),
            *self.predikat_errors.values(),
        ]
        for label in labels:
            show_message(label, None)

    @property
    def rating_reason_needed(self) -> bool:
        view = self._view
        return view is not None and self.rating_final.currentData() != view.proposal.rating.value

    def _update_rating_reason(self) -> None:
        needed = self.rating_reason_needed
        self.rating_reason_label.setVisible(needed)
        self.rating_reason.setVisible(needed)

    @property
    def predikat_reason_needed(self) -> bool:
        view = self._view
        chosen = self.predikat_final.currentData()
        computed = view.predikat.computed if view else None
        return chosen is not None and computed is not None and chosen != computed.value

    def _update_predikat_reason(self) -> None:
        needed = self.predikat_reason_needed
        self.predikat_reason_label.setVisible(needed)
        self.predikat_reason.setVisible(needed)

    # --- actions ---------------------------------------------------------------------------

    def fill_draft(self, value: BehaviourValue) -> None:
        """Put the draft from the journal into the value's feedback field (not saved yet)."""
        item = self._view.value(value) if self._view else None
        if item is not None and item.draft:
            self.feedback_edits[value].setPlainText(item.draft)

    def save_feedback(self) -> bool:
        """Save every value's feedback that changed; all or nothing."""
        view = self._view
        if view is None or not view.editable:
            return False
        self._clear_errors()
        texts = {
            item.value: self.feedback_edits[item.value].toPlainText()
            for item in view.values
            if self.feedback_edits[item.value].toPlainText() != (item.stored or "")
        }
        if not texts:
            return True
        try:
            updated = self._service.save_all_feedback(view.skp_id, view.period.code, texts)
        except ValidationError as error:
            field = error.field or ""
            label = (
                self.feedback_errors[BehaviourValue(field)]
                if field in BehaviourValue.__members__
                else self.feedback_general
            )
            show_message(label, error.message)
            return False
        except DomainError as error:
            show_message(self.feedback_general, error.message)
            return False
        self._show(updated)
        self.changed.emit()
        return True

    def save_rating(self, *, on: date | None = None) -> bool:
        """Decide the Rating Perilaku Kerja; a refusal shows next to its field."""
        view = self._view
        if view is None or not view.editable:
            return False
        for label in self.rating_errors.values():
            show_message(label, None)
        try:
            updated = self._service.decide_rating(
                view.skp_id,
                view.period.code,
                Rating(self.rating_final.currentData()),
                self.rating_reason.text() if self.rating_reason_needed else "",
                on=on or self._today(),
            )
        except DomainError as error:
            label = self.rating_errors.get(error.field or "", self.rating_errors["general"])
            show_message(label, error.message)
            (self.rating_reason if error.field == "reason" else self.rating_final).setFocus()
            return False
        self._show(updated)
        self.changed.emit()
        return True

    def save_predikat(self, *, on: date | None = None) -> bool:
        """Set the Predikat Kinerja; a refusal shows next to its field."""
        view = self._view
        if view is None or not view.editable:
            return False
        for label in self.predikat_errors.values():
            show_message(label, None)
        chosen = self.predikat_final.currentData()
        try:
            updated = self._service.decide_predikat(
                view.skp_id,
                view.period.code,
                Predikat(chosen) if chosen else None,
                self.predikat_reason.text() if self.predikat_reason_needed else "",
                on=on or self._today(),
            )
        except DomainError as error:
            label = self.predikat_errors.get(error.field or "", self.predikat_errors["general"])
            show_message(label, error.message)
            (self.predikat_reason if error.field == "reason" else self.predikat_final).setFocus()
            return False
        self._show(updated)
        self.changed.emit()
        return True


def _rating_html(view: BehaviourPeriod) -> str:
    rating = view.rating
    if rating is None:
        return "<i>Rating Perilaku Kerja periode ini belum ditetapkan.</i>"
    text = f"<b>Ditetapkan {format_date_id(rating.decided_on)}: {rating.final.label}</b>"
    if rating.overridden and rating.proposed is not None:
        text += f" (berbeda dari usulan saat itu: {rating.proposed.label})"
    if rating.reason:
        text += f"<br>Alasan: {_escape(rating.reason)}"
    if view.rating_outdated:
        text += (
            "<br><span style='color:#8a5300'>Jurnal sudah berubah sejak rating ditetapkan; "
            "tinjau dan simpan kembali bila perlu.</span>"
        )
    return text
