"""The penilai returns submitted entries with a note saying what to correct."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message


class ReturnDialog(QDialog):
    """Asks for the note and returns the entries in one transaction."""

    def __init__(
        self, progress: ProgressService, entry_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._ids = list(entry_ids)
        self.setWindowTitle("Kembalikan progres harian")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Apa yang perlu diperbaiki?")
        self.error = error_label()
        layout = QVBoxLayout(self)
        count = len(self._ids)
        layout.addWidget(QLabel(f"{count} progres dikembalikan ke pegawai dengan catatan:"))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, "&Kembalikan", self.save))

    def save(self) -> None:
        try:
            self._progress.return_entries(self._ids, self.note.toPlainText())
        except DomainError as error:
            show_message(self.error, error.message)
            self.note.setFocus()
            return
        super().accept()

    def accept(self) -> None:
        self.save()
