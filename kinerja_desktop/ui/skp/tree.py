"""The SKP editor's tree view: edited like a table, with its own keys while it has the focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTreeView, QWidget

from kinerja_desktop.ui.skp.delegate import SkpItemDelegate

Key = Qt.Key
Mod = Qt.KeyboardModifier


def _combo(modifiers: Qt.KeyboardModifier, key: int) -> tuple[int, int]:
    plain = modifiers & ~Mod.KeypadModifier
    return int(plain.value), int(key)


class SkpTreeView(QTreeView):
    """The editor's tree: edits in place, and its own keys (Tab, Insert, Delete, Ctrl+N, …).

    The keys are handled here rather than as window shortcuts, so that while the tree has
    the focus they win over the main window's shortcuts (Ctrl+J there is quick entry), and
    Tab indents instead of leaving the tree.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bindings: dict[tuple[int, int], QAction] = {}
        self.setItemDelegate(SkpItemDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemsExpandable(False)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.activated.connect(self._edit_on_enter)

    def bind(self, action: QAction, *keys: tuple[Qt.KeyboardModifier, Key]) -> None:
        """Trigger ``action`` on these keys while the tree has the focus and it is enabled."""
        for modifiers, key in keys:
            self._bindings[_combo(modifiers, key)] = action

    def _bound(self, event: QEvent) -> QAction | None:
        if not isinstance(event, QKeyEvent):
            return None
        return self._bindings.get(_combo(event.modifiers(), event.key()))

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._bound(event)
            # A disabled action (a read-only SKP) leaves the key alone: Tab then leaves the tree.
            if (
                action is not None
                and action.isEnabled()
                and self.state() != QAbstractItemView.State.EditingState
            ):
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    action.trigger()
                return True
        return super().event(event)

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Left/Right move between columns (not in and out of rows); Tab to the next cell.

        The tree is edited like a table: the style's default sends Left to the parent row.
        While a cell is edited, Tab and Shift+Tab go to the next or previous editable cell,
        across rows.
        """
        current = self.currentIndex()
        action = QAbstractItemView.CursorAction
        if current.isValid() and cursor_action in (action.MoveLeft, action.MoveRight):
            step = -1 if cursor_action == action.MoveLeft else 1
            return self._column_step(current, step) or current
        if current.isValid() and cursor_action in (action.MoveNext, action.MovePrevious):
            return self._next_editable(current, forward=cursor_action == action.MoveNext)
        return super().moveCursor(cursor_action, modifiers)

    def _column_step(self, index: QModelIndex, step: int) -> QModelIndex | None:
        header = self.header()
        visual = header.visualIndex(index.column()) + step
        while 0 <= visual < header.count():
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return index.siblingAtColumn(logical)
            visual += step
        return None

    def _next_editable(self, index: QModelIndex, *, forward: bool) -> QModelIndex:
        """Return the next (or previous) editable cell in reading order, or an invalid index."""
        step = 1 if forward else -1
        header = self.header()
        row = index
        candidate = self._column_step(index, step)
        for _ in range(10_000):  # a bound, never reached: the rows and columns of one SKP
            if candidate is None:
                row = self.indexBelow(row) if forward else self.indexAbove(row)
                if not row.isValid():
                    return QModelIndex()
                edge = 0 if forward else header.count() - 1
                candidate = row.siblingAtColumn(header.logicalIndex(edge))
            if candidate.flags() & Qt.ItemFlag.ItemIsEditable:
                return candidate
            candidate = self._column_step(candidate, step)
        return QModelIndex()

    def commit_open_editor(self) -> None:
        """Write what is being typed in a cell into the model (before saving or asking)."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _edit_on_enter(self, index: QModelIndex) -> None:
        # Enter that closes an editor reaches the view too: it must not reopen one.
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
