"""The SKP editor's commands: add, insert, delete, move, indent, outdent, kind and paste.

Each command is a toolbar button whose keys work while the tree has the focus (see
`SkpTreeView.bind`); it acts on the tree's current row and says what went wrong on the page's
message line.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QToolBar, QWidget

from kinerja_desktop.ui.skp.columns import Col
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.operations import EditRefusedError
from kinerja_desktop.ui.skp.tree import Key, Mod, SkpTreeView

_NO_MOD = Mod.NoModifier
_CTRL = Mod.ControlModifier
_SHIFT = Mod.ShiftModifier


class Say(Protocol):
    """Show a line on the page's message line (red when ``error``)."""

    def __call__(self, text: str, *, error: bool = False) -> None: ...


class EditCommands:
    """The editor's commands on ``tree``, as actions owned by ``owner`` (the page).

    Args:
        owner: The page: parent of the actions and of the questions asked.
        tree: The editor's tree; its keys trigger the actions.
        model: The tree's model.
        toolbar: Shows the actions as buttons.
        tabs: The page's tabs; a command shows the first (the results).
        say: Shows a result or a refusal on the message line.
    """

    def __init__(
        self,
        *,
        owner: QWidget,
        tree: SkpTreeView,
        model: SkpEditorModel,
        toolbar: QToolBar,
        tabs: QTabWidget,
        say: Say,
    ) -> None:
        self._owner, self._tree, self._model = owner, tree, model
        self._toolbar, self._tabs, self._say = toolbar, tabs, say
        self.add_rhk_action = self._tool(
            "Tambah RHK", "Ctrl+Shift+N", self.add_rhk, (_CTRL | _SHIFT, Key.Key_N)
        )
        self.add_iki_action = self._tool(
            "Tambah indikator", "Ctrl+N", self.add_indicator, (_CTRL, Key.Key_N)
        )
        self.insert_action = QAction("Sisipkan baris", owner)
        self.insert_action.triggered.connect(self.insert_row)
        tree.bind(self.insert_action, (_NO_MOD, Key.Key_Insert))
        self.delete_action = self._tool(
            "Hapus baris", "Delete", self.delete_row, (_NO_MOD, Key.Key_Delete)
        )
        self.up_action = self._tool(
            "Naik", "Ctrl+Up", partial(self.move_row, -1), (_CTRL, Key.Key_Up)
        )
        self.down_action = self._tool(
            "Turun", "Ctrl+Down", partial(self.move_row, 1), (_CTRL, Key.Key_Down)
        )
        self._add_conversion_actions()

    def _add_conversion_actions(self) -> None:
        """The toolbar's second half: indent, outdent, Utama/Tambahan and paste."""
        self.indent_action = self._tool(
            "Jadikan indikator", "Tab", self.indent, (_NO_MOD, Key.Key_Tab)
        )
        self.outdent_action = self._tool(
            "Jadikan RHK",
            "Shift+Tab",
            self.outdent,
            (_SHIFT, Key.Key_Tab),
            (_SHIFT, Key.Key_Backtab),
            (_NO_MOD, Key.Key_Backtab),
        )
        self.kind_action = self._tool(
            "Utama/Tambahan", "Ctrl+J", self.toggle_kind, (_CTRL, Key.Key_J)
        )
        self.paste_action = self._tool(
            "Tempel dari spreadsheet", "Ctrl+V", self.paste, (_CTRL, Key.Key_V)
        )

    def _tool(
        self,
        text: str,
        keys_text: str,
        slot: Callable[[], object],
        *keys: tuple[Qt.KeyboardModifier, Key],
    ) -> QAction:
        """Add a toolbar button whose keys work while the tree has the focus."""
        action = QAction(text, self._owner)
        action.setToolTip(f"{text} ({keys_text})")
        action.triggered.connect(lambda _checked=False: slot())
        self._toolbar.addAction(action)
        self._tree.bind(action, *keys)
        return action

    def set_enabled(self, enabled: bool) -> None:
        """Enable the commands (an editable SKP) or disable them (none, or an agreed one)."""
        for action in (
            self.add_rhk_action,
            self.add_iki_action,
            self.insert_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.indent_action,
            self.outdent_action,
            self.kind_action,
            self.paste_action,
        ):
            action.setEnabled(enabled)

    # --- the commands --------------------------------------------------------------------------

    def add_rhk(self) -> None:
        """Add an RHK below the current one (or first in the group heading's group)."""
        self._run(
            lambda current: self._model.add_rhk(current if current.isValid() else None), edit=True
        )

    def add_indicator(self) -> None:
        self._run(self._model.add_indicator, edit=True)

    def insert_row(self) -> None:
        """Insert: an RHK below an RHK row (or under a group heading), an indicator below one."""
        if self._model.row_kind(self._tree.currentIndex()) == "iki":
            self.add_indicator()
        else:
            self.add_rhk()

    def delete_row(self) -> None:
        model = self._model
        current = self._tree.currentIndex()
        kind = model.row_kind(current)
        if kind not in ("rhk", "iki"):
            self._say("Pilih baris RHK atau indikator yang akan dihapus.", error=True)
            return
        if model.row_has_text(current):
            what = "RHK ini beserta indikatornya" if kind == "rhk" else "indikator ini"
            if not self._ask(
                "Hapus baris?", f"Hapus {what}? Isinya akan hilang bila SKP disimpan."
            ):
                return
        place = model.position(current)
        column = current.column()

        def remove(index: QModelIndex) -> QModelIndex:
            model.remove_row(index)
            return model.index_at(place, column)

        self._run(remove)

    def move_row(self, delta: int) -> None:
        self._run(lambda current: self._model.move_row(current, delta))

    def indent(self) -> None:
        if self._confirm_conversion("indikator"):
            self._run(self._model.indent)

    def outdent(self) -> None:
        if self._confirm_conversion("RHK"):
            self._run(self._model.outdent)

    def toggle_kind(self) -> None:
        self._run(self._model.toggle_kind)

    def paste(self) -> None:
        """Paste rows copied from a spreadsheet, starting at the current cell."""
        text = QApplication.clipboard().text()
        if not text:
            self._say("Papan klip kosong: salin dulu baris dari spreadsheet.", error=True)
            return
        self._tree.commit_open_editor()
        current = self._tree.currentIndex()
        try:
            result = self._model.paste(current, text, self._visible_columns())
        except EditRefusedError as refused:
            self._say(refused.message, error=True)
            return
        self._say(result.summary, error=bool(result.refused))

    # --- internals -----------------------------------------------------------------------------

    def _run(self, operation: Callable[[QModelIndex], QModelIndex], *, edit: bool = False) -> None:
        tree = self._tree
        tree.commit_open_editor()
        try:
            result = operation(tree.currentIndex())
        except EditRefusedError as refused:
            self._say(refused.message, error=True)
            return
        if result.isValid():
            tree.setCurrentIndex(result)
            tree.scrollTo(result)
            if edit:
                tree.edit(result)
        self._tabs.setCurrentIndex(0)
        tree.setFocus()

    def _visible_columns(self) -> list[Col]:
        header = self._tree.header()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [
            self._model.column_key(column)
            for column in logical
            if column >= 0 and not header.isSectionHidden(column)
        ]

    def _confirm_conversion(self, into: str) -> bool:
        if not self._model.conversion_loses_values(self._tree.currentIndex()):
            return True
        lost = "RHK atasannya" if into == "indikator" else "target, satuan dan pilihannya"
        return self._ask(
            f"Jadikan {into}?",
            f"Bila baris ini dijadikan {into}, {lost} akan dikosongkan. Lanjutkan?",
        )

    def _ask(self, title: str, text: str) -> bool:
        """Ask a Yes/No question (No by default); True on Yes."""
        answer = QMessageBox.question(
            self._owner,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
