"""What the SKP page tells the user: the message line under the tree, and the status line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.ui.common import ERROR_STYLE
from kinerja_desktop.ui.skp.dialogs import revision_label
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.roles import ErrorRole
from kinerja_desktop.ui.skp.tree import SkpTreeView


class MessageLine:
    """The line under the tree: the last result or refusal, or the current cell's problem."""

    def __init__(
        self, label: QLabel, *, tree: SkpTreeView, model: SkpEditorModel, tabs: QTabWidget
    ) -> None:
        self._label, self._tree, self._model, self._tabs = label, tree, model, tabs
        self._info = ""

    def say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` (red when ``error``) until the current cell's problem replaces it."""
        self._info = text
        self._label.setStyleSheet(ERROR_STYLE if error else "")
        self._label.setText(text)

    def refresh(self) -> None:
        """Show the current cell's problem; otherwise how many cells still have one."""
        error = self._tree.currentIndex().data(ErrorRole)
        if error:
            self._label.setStyleSheet(ERROR_STYLE)
            self._label.setText(str(error))
            return
        count = self._model.error_count()
        if count:
            self._label.setStyleSheet(ERROR_STYLE)
            self._label.setText(
                f"{count} isian perlu diperbaiki (sel bertanda merah; arahkan kursor ke sel "
                "untuk keterangannya)."
            )
            return
        self._label.setStyleSheet("")
        self._label.setText(self._info)

    def show_refusal(self, title: str, errors: list[ValidationError]) -> None:
        """Mark the refused cells, go to the first one, and say what needs fixing."""
        unmapped = self._model.set_errors(errors)
        cells = self._model.errors()
        if cells:
            self._tabs.setCurrentIndex(0)
            self._tree.setCurrentIndex(cells[0][0])
            self._tree.scrollTo(cells[0][0])
            self._tree.setFocus()
        parts = [f"{title}: {len(errors)} hal perlu diperbaiki (sel bertanda merah).", *unmapped]
        if cells:
            parts.append(cells[0][1])
        self.say(" ".join(parts), error=True)


def status_text(view: SkpView | None) -> str:
    """The status line: status, version, agreement, period, approach (and a revision's reason)."""
    if view is None:
        return ""
    parts = [
        f"Status: {view.status.label}",
        revision_label(view.revision),
        f"disepakati {format_date_id(view.agreed_on)}" if view.agreed_on else "belum disepakati",
        f"Periode {format_date_range_id(view.period_start, view.period_end)}",
        f"Pendekatan {view.pendekatan.label}",
    ]
    if not view.locked and view.revision_reason:
        parts.append(f"Alasan revisi: {view.revision_reason}")
    return " · ".join(parts)
