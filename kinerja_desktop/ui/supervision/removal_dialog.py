"""Deleting a register entry: the reason is asked for, required, and kept in the audit log."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.supervision.feedback_service import FeedbackEntry
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message


class RemovalDialog(QDialog):
    """Ask why an entry is deleted, then delete it.

    ``remove`` receives the reason as typed; the service checks it. When it raises, the dialog
    stays open with the message under the field; otherwise the dialog is accepted.
    """

    def __init__(
        self, entry: FeedbackEntry, remove: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._remove = remove
        self.setWindowTitle("Hapus entri")
        self.setMinimumWidth(460)
        kept = (
            " Catatan perilaku yang dibuat dari entri ini tetap ada di jurnal."
            if entry.observation_id is not None
            else ""
        )
        note = QLabel(
            f"Hapus entri {entry.kind.label.lower()} tanggal {format_date_id(entry.received_on)}? "
            "Penghapusan, isi entri dan alasannya dicatat di catatan audit." + kept
        )
        note.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Mis. tercatat dua kali, salah catat saat menerima")
        self.reason_error = error_label()
        form = QFormLayout()
        form.addRow("&Alasan penghapusan", self.reason)
        form.addRow("", self.reason_error)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        self.buttons = dialog_buttons(self, "&Hapus", self.save)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def save(self) -> None:
        """Delete with the typed reason; when refused, say why under the field and stay open."""
        try:
            self._remove(self.reason.text())
        except DomainError as error:
            show_message(self.reason_error, error.message)
            self.reason.setFocus()
            return
        self.accept()
