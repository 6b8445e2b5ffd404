"""Small shared pieces of the UI: error labels, message boxes, shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError

ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    """Return a hidden label that shows a field's validation message under it."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


def show_error(parent: QWidget | None, title: str, error: Exception | str) -> None:
    """Tell the user what went wrong in their words; never a traceback."""
    text = error.message if isinstance(error, DomainError) else str(error)
    QMessageBox.critical(parent, title, text)


def dialog_buttons(
    dialog: QDialog, accept_text: str, on_accept: Callable[[], None], cancel_text: str = "Batal"
) -> QDialogButtonBox:
    """Return the dialog's button row.

    The default (Enter) button runs ``on_accept``; Esc and the other button reject the dialog.
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def compact(combo: QComboBox, characters: int = 28) -> QComboBox:
    """Let a combo of long entries (unit paths, survey names) shrink to ``characters``.

    Without this a combo is as wide as its longest entry, and one page could force the window
    wider than a 1366-pixel laptop screen; the open list still shows entries in full.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


@runtime_checkable
class ShowsPerson(Protocol):
    """A page about one person at a time: the app's person actions act on that person."""

    def person_in_front(self) -> int | None:
        """The id of the person the page shows or has selected; None when there is none."""


@runtime_checkable
class OwnsQuickEntry(Protocol):
    """A page where Ctrl+J means something of its own (e.g. turn a complaint into a note)."""

    def own_quick_entry(self) -> bool:
        """Do the page's own Ctrl+J; False leaves it to the app's quick entry."""


class ReasonDialog(QDialog):
    """Ask why something is deleted, then delete it; the reason goes to the audit log.

    ``remove`` receives the reason as typed; the service checks it. When it raises, the dialog
    stays open with the message under the field; otherwise the dialog is accepted.
    """

    def __init__(
        self,
        question: str,
        remove: Callable[[str], object],
        parent: QWidget | None = None,
        *,
        title: str,
        placeholder: str,
    ) -> None:
        super().__init__(parent)
        self._remove = remove
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.reason_error = error_label()
        form = QFormLayout()
        form.addRow("&Alasan penghapusan", self.reason)
        form.addRow("", self.reason_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
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
