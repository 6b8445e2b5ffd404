"""The penilai's Catatan/Rekomendasi of a period, printed on the Dokumen Evaluasi (section 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.evaluation_inputs import NOTES_MAX
from kinerja_desktop.services.evaluation import EvaluationService, PeriodEvaluation
from kinerja_desktop.ui.common import error_label, show_message

HINT = (
    "Dicetak pada Dokumen Evaluasi Kinerja Pegawai, bagian 5 CATATAN/REKOMENDASI: catatan dan "
    "rekomendasi Pejabat Penilai untuk pegawai. Alasan predikat yang berbeda dari matriks "
    "tetap catatan aplikasi dan tidak dicetak."
)


class NotesPanel(QWidget):
    """Write and save the notes; locked with the period once it is signed.

    Signals:
    saved(object): the notes were saved; carries the new PeriodEvaluation.
    """

    saved = Signal(object)

    def __init__(self, evaluation: EvaluationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = evaluation
        self._evaluation: PeriodEvaluation | None = None
        self._touched = False
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        label = QLabel("Catatan dan rekomendasi untuk pegawai")
        self.text = QPlainTextEdit()
        label.setBuddy(self.text)
        self.count = QLabel()
        self.error = error_label()
        self.save_button = QPushButton("Simpan ca&tatan")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.text.textChanged.connect(self._count)
        self.text.textChanged.connect(self._touch)
        self.save_button.clicked.connect(self.save)
        self.set_evaluation(None, keep_input=False)

    def set_evaluation(self, evaluation: PeriodEvaluation | None, *, keep_input: bool) -> None:
        """Show the period's notes; with ``keep_input`` text being typed stays as it is."""
        self._evaluation = evaluation
        editable = evaluation is not None and evaluation.editable
        self.text.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        if not (keep_input and self._touched):
            self.text.blockSignals(True)
            self.text.setPlainText(evaluation.notes if evaluation else "")
            self.text.blockSignals(False)
            self._touched = False
            show_message(self.error, None)
        self._count()

    def _touch(self) -> None:
        self._touched = True

    def _count(self) -> None:
        self.count.setText(f"{len(self.text.toPlainText().strip())}/{NOTES_MAX} karakter")

    def save(self) -> bool:
        """Save the notes; a refusal (too long, signed) is shown under the text."""
        evaluation = self._evaluation
        if evaluation is None or not evaluation.editable:
            return False
        try:
            updated = self._service.set_notes(
                evaluation.skp.id, evaluation.period.code, self.text.toPlainText()
            )
        except DomainError as error:
            show_message(self.error, error.message)
            self.text.setFocus()
            return False
        self._touched = False
        self.set_evaluation(updated, keep_input=False)
        self.saved.emit(updated)
        return True
