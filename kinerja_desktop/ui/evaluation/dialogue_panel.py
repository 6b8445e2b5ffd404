"""Dialog kinerja: the talk, the response to the result, and a keberatan with its outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.evaluation.dialogue import Dialogue, DialogueService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import error_label, show_message

RESULT_STANDS = "Hasil penilaian tetap"

#: Which section shows the message of a service error, by the error's field.
_SECTION_OF = {
    "self_assessment": "talk",
    "reflection": "talk",
    "talk_on": "talk",
    "result_received_on": "received",
    "response": "response",
    "response_on": "response",
    "objection": "objection",
    "objection_on": "objection",
    "explanation": "explanation",
    "explanation_on": "explanation",
    "decision": "decision",
    "decision_on": "decision",
}


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setDate(qdate(day))
    edit.setAccessibleName(name)
    return edit


def _text_edit(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(80)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class DialoguePanel(QWidget):
    """The dialogue of one SKP period, each part saved on its own.

    Signals:
    changed(): a part was saved.
    """

    changed = Signal()

    def __init__(
        self,
        dialogue: DialogueService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._service = dialogue
        #: The day the deadline is measured against and new dates start at.
        self._today = today
        self._skp_id: int | None = None
        self._period_code = ""
        self.dialogue: Dialogue | None = None
        self.errors: dict[str, QLabel] = {}
        self._build()
        self.setEnabled(False)

    # --- layout ----------------------------------------------------------------------------

    def _section(self, key: str, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        self.errors[key] = error_label()
        return box, form

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self._build_talk(layout)
        self._build_objection(layout)
        layout.addStretch(1)

    def _build_talk(self, layout: QVBoxLayout) -> None:
        self.talk_box, form = self._section("talk", "Percakapan kinerja")
        self.self_assessment = _text_edit(
            "Penilaian diri", "Apa yang sudah berjalan baik, apa yang masih bisa ditingkatkan?"
        )
        self.reflection = _text_edit(
            "Refleksi", "Pelajaran dan rencana pengembangan untuk periode berikutnya (opsional)"
        )
        self.talk_on = _date_edit("Tanggal percakapan", self._today())
        self.save_talk = QPushButton("Simpan percakapan")
        self.save_talk.clicked.connect(self._save_talk)
        form.addRow("Penilaian diri pegawai:", self.self_assessment)
        form.addRow("Refleksi dan rencana:", self.reflection)
        form.addRow("Tanggal:", self.talk_on)
        form.addRow(self.errors["talk"])
        form.addRow(self.save_talk)
        layout.addWidget(self.talk_box)

        self.received_box, form = self._section("received", "Hasil penilaian diterima pegawai")
        self.received_on = _date_edit("Tanggal hasil diterima", self._today())
        self.save_received = QPushButton("Simpan tanggal")
        self.save_received.clicked.connect(self._save_received)
        form.addRow("Tanggal diterima:", self.received_on)
        form.addRow(self.errors["received"])
        form.addRow(self.save_received)
        layout.addWidget(self.received_box)

        self.response_box, form = self._section("response", "Tanggapan pegawai")
        self.response = _text_edit("Tanggapan", "Tanggapan pegawai atas hasil penilaian")
        self.response_on = _date_edit("Tanggal tanggapan", self._today())
        self.save_response = QPushButton("Simpan tanggapan")
        self.save_response.clicked.connect(self._save_response)
        form.addRow("Tanggapan:", self.response)
        form.addRow("Tanggal:", self.response_on)
        form.addRow(self.errors["response"])
        form.addRow(self.save_response)
        layout.addWidget(self.response_box)

    def _build_objection(self, layout: QVBoxLayout) -> None:
        self.objection_box, form = self._section("objection", "Keberatan")
        self.atasan = QLabel()
        self.atasan.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.objection_note = QLabel()
        self.objection_note.setWordWrap(True)
        self.objection = _text_edit(
            "Alasan keberatan", "Bagian hasil yang dipertanyakan dan alasannya"
        )
        self.objection_on = _date_edit("Tanggal keberatan", self._today())
        self.save_objection = QPushButton("Simpan keberatan")
        self.save_objection.clicked.connect(self._save_objection)
        form.addRow(self.atasan)
        form.addRow(self.deadline)
        form.addRow("Alasan keberatan:", self.objection)
        form.addRow("Tanggal diajukan:", self.objection_on)
        form.addRow(self.objection_note)
        form.addRow(self.errors["objection"])
        form.addRow(self.save_objection)
        layout.addWidget(self.objection_box)

        self.explanation_box, form = self._section(
            "explanation", "Penjelasan Pejabat Penilai atas keberatan"
        )
        self.explanation = _text_edit("Penjelasan", "Dasar penilaian yang diberikan")
        self.explanation_on = _date_edit("Tanggal penjelasan", self._today())
        self.save_explanation = QPushButton("Simpan penjelasan")
        self.save_explanation.clicked.connect(self._save_explanation)
        form.addRow("Penjelasan:", self.explanation)
        form.addRow("Tanggal:", self.explanation_on)
        form.addRow(self.errors["explanation"])
        form.addRow(self.save_explanation)
        layout.addWidget(self.explanation_box)

        self.decision_box, form = self._section(
            "decision", "Keputusan Atasan Pejabat Penilai (final)"
        )
        self.decision = _text_edit("Keputusan", "Keputusan dan pertimbangannya")
        self.decision_on = _date_edit("Tanggal keputusan", self._today())
        self.decided_predikat = QComboBox()
        self.decided_predikat.setAccessibleName("Predikat yang ditetapkan")
        self.decided_predikat.addItem(RESULT_STANDS, None)
        for predikat in Predikat:
            self.decided_predikat.addItem(predikat.label, predikat.value)
        self.save_decision = QPushButton("Simpan keputusan")
        self.save_decision.clicked.connect(self._save_decision)
        form.addRow("Keputusan:", self.decision)
        form.addRow("Predikat:", self.decided_predikat)
        form.addRow("Tanggal:", self.decision_on)
        form.addRow(self.errors["decision"])
        form.addRow(self.save_decision)
        layout.addWidget(self.decision_box)

    # --- public ----------------------------------------------------------------------------

    def show_period(self, skp_id: int, period_code: str) -> None:
        """Load the dialogue of ``skp_id``'s period and show it."""
        self._skp_id, self._period_code = skp_id, period_code
        for label in self.errors.values():
            show_message(label, None)
        try:
            dialogue = self._service.view(skp_id, period_code, self._today())
        except DomainError as error:
            self.dialogue = None
            self.setEnabled(False)
            self.heading.setText(error.message)
            return
        self.setEnabled(True)
        self._show(dialogue)

    # --- showing ---------------------------------------------------------------------------

    def _show(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue
        today = self._today()
        self.heading.setText(
            f"<b>{dialogue.employee.full_name}</b>: dialog kinerja periode "
            f"{period_label(dialogue.period_code)}. Tujuannya saling memahami hasil dan "
            "menyepakati langkah pengembangan berikutnya."
        )
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.self_assessment.setPlainText(dialogue.self_assessment)
        self.reflection.setPlainText(dialogue.reflection)
        self.talk_on.setDate(qdate(dialogue.talk_on or today))
        self.received_on.setDate(qdate(dialogue.result_received_on or today))
        self.response.setPlainText(dialogue.response)
        self.response_on.setDate(qdate(dialogue.response_on or today))
        atasan = dialogue.atasan_name
        self.atasan.setText(
            f"Keberatan diajukan kepada Atasan Pejabat Penilai: {atasan}."
            if atasan is not None
            else "Atasan Pejabat Penilai belum tercatat; lengkapi struktur penilai lebih dulu."
        )
        self.deadline.setText(dialogue.deadline_text)
        self.deadline.setStyleSheet(
            "color: #b00020;" if dialogue.deadline_passed and not dialogue.has_objection else ""
        )
        self.objection.setPlainText(dialogue.objection)
        self.objection_on.setDate(qdate(dialogue.objection_on or today))
        self.objection_note.setText(dialogue.objection_note)
        self.objection_note.setStyleSheet("color: #b00020;" if dialogue.objection_late else "")
        self.objection_note.setVisible(bool(dialogue.objection_note))
        self.explanation.setPlainText(dialogue.explanation)
        self.explanation_on.setDate(qdate(dialogue.explanation_on or today))
        self.decision.setPlainText(dialogue.decision)
        self.decision_on.setDate(qdate(dialogue.decision_on or today))
        predikat = dialogue.decided_predikat
        self.decided_predikat.setCurrentIndex(
            self.decided_predikat.findData(predikat.value) if predikat is not None else 0
        )
        self.response_box.setEnabled(dialogue.result_received_on is not None)
        self.objection_box.setEnabled(
            dialogue.result_received_on is not None and not dialogue.decided
        )
        self.received_box.setEnabled(not dialogue.decided)
        self.explanation_box.setEnabled(dialogue.has_objection and not dialogue.decided)
        self.decision_box.setEnabled(dialogue.has_objection and not dialogue.decided)
        if dialogue.decided and dialogue.decision_on is not None:
            self.decision_box.setTitle(
                "Keputusan Atasan Pejabat Penilai (final, ditetapkan "
                f"{format_date_id(dialogue.decision_on)})"
            )
        else:
            self.decision_box.setTitle("Keputusan Atasan Pejabat Penilai (final)")

    # --- saving ----------------------------------------------------------------------------

    def _run(self, section: str, action: Callable[[int, str], Dialogue]) -> None:
        if self._skp_id is None:
            return
        for label in self.errors.values():
            show_message(label, None)
        try:
            dialogue = action(self._skp_id, self._period_code)
        except DomainError as error:
            target = _SECTION_OF.get(error.field or "", section)
            show_message(self.errors[target], error.message)
            return
        self._show(self._service.view(dialogue.skp_id, dialogue.period_code, self._today()))
        self.changed.emit()

    def _save_talk(self) -> None:
        self._run(
            "talk",
            lambda skp, code: self._service.record_talk(
                skp,
                code,
                self.self_assessment.toPlainText(),
                self.reflection.toPlainText(),
                _day(self.talk_on),
            ),
        )

    def _save_received(self) -> None:
        self._run(
            "received",
            lambda skp, code: self._service.record_result_received(
                skp, code, _day(self.received_on)
            ),
        )

    def _save_response(self) -> None:
        self._run(
            "response",
            lambda skp, code: self._service.record_response(
                skp, code, self.response.toPlainText(), _day(self.response_on)
            ),
        )

    def _save_objection(self) -> None:
        self._run(
            "objection",
            lambda skp, code: self._service.file_objection(
                skp, code, self.objection.toPlainText(), _day(self.objection_on)
            ),
        )

    def _save_explanation(self) -> None:
        self._run(
            "explanation",
            lambda skp, code: self._service.record_explanation(
                skp, code, self.explanation.toPlainText(), _day(self.explanation_on)
            ),
        )

    def _save_decision(self) -> None:
        code_value = self.decided_predikat.currentData()
        predikat = Predikat(code_value) if code_value else None
        self._run(
            "decision",
            lambda skp, code: self._service.record_decision(
                skp, code, self.decision.toPlainText(), _day(self.decision_on), predikat
            ),
        )
