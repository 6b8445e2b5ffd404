"""Small shared pieces of the UI: error labels, message boxes, shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationErrors

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


#: A QDateEdit at this date shows "—": the date is not set.
NO_DATE = QDate(2000, 1, 1)


def optional_date_edit() -> QDateEdit:
    """A date input that may be left empty (shown as "—")."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def set_optional_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def optional_date(edit: QDateEdit) -> date | None:
    """The date picked, or None when left at "—"."""
    qdate = edit.date()
    if qdate == NO_DATE:
        return None
    return date(qdate.year(), qdate.month(), qdate.day())


def wrapped(label: QLabel) -> QLabel:
    """Let ``label`` break its text over lines, so a long sentence never widens the window."""
    label.setWordWrap(True)
    return label


#: What a window's frame and title bar take above its client area.
WINDOW_FRAME_HEIGHT = 30


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a window to ``width`` x ``height``, or less where its screen has less room.

    A preview opened 900 pixels tall on a 720-pixel laptop would put its buttons off screen.
    """
    room = window.screen().availableGeometry()
    window.resize(min(width, room.width()), min(height, room.height() - WINDOW_FRAME_HEIGHT))


def grow_to_fit(window: QWidget) -> None:
    """Give a dialog the height its word-wrapped text needs at its width, now and from now on.

    Call it after a wrapped label got a longer text (a level description). A window's minimum
    size leaves out what wrapped text needs at the window's width, so the longer text would
    otherwise be squeezed under the next field.
    """
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width())
    if needed <= 0:  # no wrapped text in the layout
        return
    window.setMinimumHeight(needed)
    if window.height() < needed:
        window.resize(window.width(), needed)


def scrollable(content: QWidget) -> QScrollArea:
    """Return ``content`` in a frameless scroll area that scrolls only when the window is small.

    Tall pages (Pengaturan) would otherwise ask for more height than a 720-pixel laptop screen
    has, and Qt then squeezes their sections over each other.
    """
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


#: How many rows beyond the visible ones are measured to size a column (a journal shows 1000).
SAMPLED_ROWS = 200
#: The widest a short column (a date, a name, a status) grows when sized to its content.
SHORT_COLUMN_WIDTH = 220
#: The width a short column keeps when the table is narrow (a date, "Negatif").
SHORT_COLUMN_FLOOR = 80
#: The share of the table's width the long text column keeps, however wide the others are.
LONG_TEXT_SHARE = 0.4


class _ColumnFitter(QObject):
    """Keeps a table's short columns at their content width and its long text column readable.

    When the short columns together would leave the long text column less than
    `LONG_TEXT_SHARE` of the width, what they have beyond `SHORT_COLUMN_FLOOR` is narrowed in
    proportion (their text wrapped or elided) each time the table is resized.
    """

    def __init__(self, table: QTableView, long_text: int) -> None:
        super().__init__(table)
        self._table = table
        self._long_text = long_text
        self._natural: dict[int, int] = {}
        table.viewport().installEventFilter(self)

    def measure(self, long_text: int) -> None:
        """Read each short column's content width again (after the rows changed)."""
        self._long_text = long_text
        table = self._table
        header = table.horizontalHeader()
        model = table.model()
        columns = model.columnCount() if model is not None else 0
        self._natural = {}
        for column in range(columns):
            if column == long_text:
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.resizeColumnToContents(column)
            self._natural[column] = min(table.columnWidth(column), SHORT_COLUMN_WIDTH)
        if 0 <= long_text < columns:
            header.setSectionResizeMode(long_text, QHeaderView.ResizeMode.Stretch)
        self.apply()

    def apply(self) -> None:
        """Narrow the short columns in proportion when the long text column has too little room."""
        # Only what a column has beyond SHORT_COLUMN_FLOOR is given up, so a date stays whole.
        floors = {column: min(width, SHORT_COLUMN_FLOOR) for column, width in self._natural.items()}
        budget = self._table.viewport().width() * (1 - LONG_TEXT_SHARE) - sum(floors.values())
        excess = sum(self._natural.values()) - sum(floors.values())
        scale = min(1.0, max(budget, 0) / excess) if excess else 1.0
        for column, width in self._natural.items():
            floor = floors[column]
            self._table.setColumnWidth(column, floor + int((width - floor) * scale))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def fit_columns(table: QTableView, long_text: int, *, row_lines: int = 2) -> None:
    """Size the short columns to their content and give the rest of the width to ``long_text``.

    Call it after the rows are filled. The long text column (an Uraian, an Isi) takes what is
    left, at least `LONG_TEXT_SHARE` of the width, and wraps over ``row_lines`` lines; the
    caller puts the whole text in the cell's tooltip.
    """
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(SAMPLED_ROWS)
    header.setStretchLastSection(False)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    line = table.fontMetrics().lineSpacing()
    table.verticalHeader().setDefaultSectionSize(line * row_lines + 8)
    fitter = table.findChild(_ColumnFitter)
    if fitter is None:
        fitter = _ColumnFitter(table, long_text)
    fitter.measure(long_text)


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


class FieldErrors(dict[str, QLabel]):
    """A form's error labels: one under each field, and one for the form as a whole ("").

    Keyed by the service's field names, so a ``ValidationErrors`` lands under the input it
    names and anything without a field (or with a field the form does not show) lands in the
    form-wide label.
    """

    def __init__(self, fields: Iterable[str]) -> None:
        super().__init__((name, error_label()) for name in (*fields, ""))

    @property
    def general(self) -> QLabel:
        return self[""]

    def add_rows(self, form: QFormLayout, rows: Iterable[tuple[str, QWidget, str]]) -> None:
        """Add ``(label, widget, field)`` rows, each widget with its error label under it.

        A row whose field is "" has no label of its own (its errors go to the general one).
        """
        for label, widget, field in rows:
            holder = QVBoxLayout()
            holder.addWidget(widget)
            if field:
                holder.addWidget(self[field])
            form.addRow(label, holder)

    def hide_all(self) -> None:
        """Hide every message (before the next attempt to save)."""
        for label in self.values():
            show_message(label, None)

    def show(self, error: DomainError) -> None:
        """Put each message of ``error`` under its field, or in the general label."""
        if isinstance(error, ValidationErrors):
            messages = error.by_field()
        else:
            messages = {error.field or "": error.message}
        for field, message in messages.items():
            show_message(self.get(field, self.general), message)
