"""The SKP editor's model: results (RHK) grouped A. Utama / B. Tambahan, indicators under them.

`SkpTreeModel` shows the rows; this class edits them. Each edit is checked with the domain's
own rules for that one cell (the messages are the ones `validate_skp` gives). A wrong value is
kept as typed (nothing is lost) and its cell carries the message in `ErrorRole`; the view paints
it red. Errors returned by the service name their cell ("rhk[0].iki[1].target") and are mapped
back with `set_errors`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import RhkKind, validate_skp
from kinerja_desktop.services.skp.service import LOCKED_MESSAGE
from kinerja_desktop.ui.skp import cells, operations
from kinerja_desktop.ui.skp.columns import HEADERS, Col
from kinerja_desktop.ui.skp.nodes import GroupNode, IkiNode, Node, RhkNode
from kinerja_desktop.ui.skp.operations import EditRefusedError
from kinerja_desktop.ui.skp.paste import PasteResult, paste_rows
from kinerja_desktop.ui.skp.roles import Index
from kinerja_desktop.ui.skp.tree_model import SkpTreeModel


class SkpEditorModel(SkpTreeModel):
    """An SKP's results and indicators, editable in place.

    Signals:
    contents_changed: a value or a row changed (the page recomputes "unsaved").
    errors_changed: the set of cells with an error changed (the page updates its message line).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes = _RowChanges(self)

    # --- values ------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        if node is None or isinstance(node, GroupNode) or self._read_only:
            return False
        col = self._columns[index.column()]
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and isinstance(node, IkiNode)
            and col is Col.LOWER
        ):
            checked = cells.is_checked(value)
            return self._assign(node, col, checked)[0]
        if role not in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DisplayRole):
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        return self._assign(node, col, value)[0]

    def set_cell_text(self, index: Index, text: str) -> str | None:
        """Write text into a cell as if typed (used by paste); return its error, if any.

        Choices (aspek, perspektif, RHK atasan) accept their labels; the check box accepts
        "ya"/"tidak", "1"/"0" and the like.
        """
        node = self._node(index)
        col = self._columns[index.column()] if node is not None else Col.NO
        if node is None or isinstance(node, GroupNode) or self._read_only:
            return "Sel ini tidak dapat diisi."
        editable = self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        )
        if not editable:
            where = self._nodes.where(node)
            row = "indikator" if isinstance(node, IkiNode) else "RHK"
            return f"{where}: kolom {HEADERS[col]} tidak diisi pada baris {row}."
        value: Any = text
        if col is Col.LOWER:
            value = cells.parse_yes_no(text)
            if value is None:
                message = (
                    f"{self._nodes.where(node)}: '{text}' tidak dikenali untuk "
                    f"'{HEADERS[col]}'; isi ya atau tidak."
                )
                self._set_error(node, col, message)
                return message
        return self._assign(node, col, value)[1]

    # --- operations ----------------------------------------------------------------------------

    def add_rhk(self, at: Index | None = None, kind: RhkKind | None = None) -> QModelIndex:
        """Add an empty RHK below the row ``at`` (or at the end of ``kind``'s group).

        Returns:
            The new RHK's "Rencana Hasil Kerja" cell.
        """
        self._check_editable()
        rhk = operations.add_rhk(self._nodes, self._changes, self._node(at), kind)
        self._after_structure()
        return self._index_of(rhk, self._columns.index(Col.TEXT))

    def add_indicator(self, at: Index) -> QModelIndex:
        """Add an empty indicator below the indicator ``at``, or last under the RHK ``at``.

        Returns:
            The new indicator's "Indikator" cell.
        """
        self._check_editable()
        iki = operations.add_indicator(self._nodes, self._changes, self._node(at))
        rhk = iki.rhk
        if rhk.errors.get(Col.TEXT) and rhk.text.strip():
            # "add at least one indicator" from the last check no longer holds.
            self._set_error(rhk, Col.TEXT, self._check(rhk, Col.TEXT))
        self._after_structure()
        return self._index_of(iki, self._columns.index(Col.INDICATOR))

    def row_has_text(self, index: Index) -> bool:
        """Whether deleting this row would throw away something typed."""
        return operations.row_has_text(self._node(index))

    def remove_row(self, index: Index) -> None:
        """Delete an RHK (with its indicators) or an indicator."""
        self._check_editable()
        operations.remove(self._nodes, self._changes, self._node(index))
        self._after_structure()

    def move_row(self, index: Index, delta: int) -> QModelIndex:
        """Move a row up (-1) or down (+1) among its siblings; a group's edge stops it.

        Returns:
            The row's index at its new place (the same column).
        """
        self._check_editable()
        node = self._node(index)
        if node is None or not operations.move(self._changes, node, delta):
            return self._same(index)
        self._after_structure()
        return self._index_of(node, index.column())

    def conversion_loses_values(self, index: Index) -> bool:
        """Whether indenting/outdenting this row drops values other than its main text."""
        return operations.conversion_loses_values(self._node(index))

    def indent(self, index: Index) -> QModelIndex:
        """Turn an RHK without indicators into the last indicator of the RHK above it.

        Returns:
            The new indicator's "Indikator" cell.
        """
        self._check_editable()
        iki = operations.indent(self._nodes, self._changes, self._node(index))
        self._after_structure()
        return self._index_of(iki, self._columns.index(Col.INDICATOR))

    def outdent(self, index: Index) -> QModelIndex:
        """Turn an indicator into its own RHK, placed after its RHK.

        Like an outline, the indicators below it move along and become the new RHK's.

        Returns:
            The new RHK's "Rencana Hasil Kerja" cell.
        """
        self._check_editable()
        rhk = operations.outdent(self._nodes, self._changes, self._node(index))
        self._after_structure()
        return self._index_of(rhk, self._columns.index(Col.TEXT))

    def set_kind(self, index: Index, kind: RhkKind) -> QModelIndex:
        """Move an RHK to the end of the other group (A. Utama or B. Tambahan)."""
        self._check_editable()
        node = self._node(index)
        moved = operations.set_kind(self._nodes, self._changes, node, kind)
        if node is None or not moved:
            return self._same(index)
        self._after_structure()
        return self._index_of(node, index.column())

    def toggle_kind(self, index: Index) -> QModelIndex:
        node = self._node(index)
        rhk = node.rhk if isinstance(node, IkiNode) else node
        if not isinstance(rhk, RhkNode):
            raise EditRefusedError("Pilih baris RHK untuk mengubah jenisnya.")
        other = RhkKind.TAMBAHAN if rhk.group.kind is RhkKind.UTAMA else RhkKind.UTAMA
        return self.set_kind(self._index_of(rhk, index.column()), other)

    def paste(self, at: Index, text: str, columns: Sequence[Col] | None = None) -> PasteResult:
        """Paste tab-separated rows (as a spreadsheet copies them) from the cell ``at``.

        Args:
            at: The current cell; the first pasted row goes into its row. On an indicator
                row, the following rows go into the indicators below it; on an RHK row,
                they are added as its new indicators. Rows beyond the last indicator
                become new indicators of the same RHK.
            text: The clipboard text.
            columns: The columns in the order the view shows them (default: the model's).

        Returns:
            How many rows were written and which cells were refused (kept, marked red).
        """
        self._check_editable()
        return paste_rows(self, at, text, list(columns or self._columns))

    # --- errors --------------------------------------------------------------------------------

    def set_errors(self, errors: Iterable[ValidationError]) -> list[str]:
        """Show the service's errors on their cells; return the messages without a cell."""
        for node in self._nodes.rows():
            node.errors.clear()
        unmapped: list[str] = []
        for error in errors:
            found = self._nodes.locate(error.field or "", self._columns)
            if found is None:
                unmapped.append(error.message)
            else:
                found[0].errors.setdefault(found[1], error.message)
        self._all_data_changed()
        self.errors_changed.emit()
        return unmapped

    def clear_errors(self) -> None:
        self.set_errors(())

    def errors(self) -> list[tuple[QModelIndex, str]]:
        """Return the cells with an error and their messages, in the order shown."""
        found: list[tuple[QModelIndex, str]] = []
        for rhk in self._nodes.ordered_rhks():
            nodes: list[RhkNode | IkiNode] = [rhk, *rhk.indicators]
            for node in nodes:
                for col in self._columns:
                    message = node.errors.get(col)
                    if message:
                        found.append((self._index_of(node, self._columns.index(col)), message))
        return found

    def error_count(self) -> int:
        return len(self.errors())

    def index_of_field(self, field_name: str) -> QModelIndex:
        """Return the cell named like "rhk[0].iki[1].target", or an invalid index."""
        found = self._nodes.locate(field_name, self._columns)
        if found is None:
            return QModelIndex()
        node, col = found
        return self._index_of(node, self._columns.index(col))

    # --- internals -----------------------------------------------------------------------------

    def _assign(self, node: RhkNode | IkiNode, col: Col, value: Any) -> tuple[bool, str | None]:
        """Store a value in a cell and check it; return (stored, error message)."""
        if col in (Col.ASPEK, Col.PERSPEKTIF) and isinstance(node, IkiNode):
            stored, error = cells.assign_choice(node, col, value, self._nodes.where)
        elif col is Col.PARENT and isinstance(node, RhkNode):
            stored, error = cells.assign_parent(
                node,
                value,
                self.parent_options(),
                self._nodes.where,
                lambda: self._check(node, Col.PARENT),
            )
        elif col is Col.LOWER and isinstance(node, IkiNode):
            node.lower_is_better = bool(value)
            stored, error = True, None
        else:
            setattr(node, col.value, "" if value is None else str(value))
            stored, error = True, self._check(node, col)
        self._set_error(node, col, error)
        if stored:
            self.contents_changed.emit()
        return stored, error

    def _check(self, node: RhkNode | IkiNode, col: Col) -> str | None:
        """Check one cell with the domain's rules, by validating the draft it belongs to."""
        name = self._nodes.field(node, col)
        try:
            validate_skp(self.to_draft())
        except ValidationErrors as errors:
            return next((e.message for e in errors.errors if e.field == name), None)
        return None

    def _set_error(self, node: RhkNode | IkiNode, col: Col, error: str | None) -> None:
        before = node.errors.get(col)
        if error:
            node.errors[col] = error
        else:
            node.errors.pop(col, None)
        first = self._index_of(node, 0)
        last = self._index_of(node, len(self._columns) - 1)
        self.dataChanged.emit(first, last)  # the whole row: its tooltip and colours change
        if before != error:
            self.errors_changed.emit()

    def _check_editable(self) -> None:
        if self._read_only:
            raise EditRefusedError(LOCKED_MESSAGE)

    def _after_structure(self) -> None:
        """Numbers and field names follow positions: refresh every row's cells."""
        self._all_data_changed()
        self.contents_changed.emit()

    def _all_data_changed(self) -> None:
        last = len(self._columns) - 1
        for group in self._nodes.groups:
            if group.rhks:
                self.dataChanged.emit(
                    self._index_of(group.rhks[0]), self._index_of(group.rhks[-1], last)
                )
            for rhk in group.rhks:
                if rhk.indicators:
                    self.dataChanged.emit(
                        self._index_of(rhk.indicators[0]),
                        self._index_of(rhk.indicators[-1], last),
                    )


class _RowChanges:
    """`operations.Changes` for the model: its ``begin…Rows``/``end…Rows`` around a change."""

    def __init__(self, model: SkpEditorModel) -> None:
        self._model = model

    @contextmanager
    def inserting(self, parent: Node, row: int) -> Iterator[None]:
        model = self._model
        model.beginInsertRows(model._index_of(parent), row, row)
        yield
        model.endInsertRows()

    @contextmanager
    def removing(self, parent: Node, row: int) -> Iterator[None]:
        model = self._model
        model.beginRemoveRows(model._index_of(parent), row, row)
        yield
        model.endRemoveRows()

    @contextmanager
    def moving(self, source: Node, first: int, last: int, target: Node, row: int) -> Iterator[None]:
        model = self._model
        model.beginMoveRows(model._index_of(source), first, last, model._index_of(target), row)
        yield
        model.endMoveRows()
