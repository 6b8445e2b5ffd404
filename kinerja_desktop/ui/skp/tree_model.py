"""The SKP editor's rows as a Qt tree model: structure, what each cell shows, and flags.

The tree has three levels: two fixed group rows (A. Utama, B. Tambahan), the RHK rows of each
group, and the indicator (IKI) rows of each RHK. The content lives in memory until the page saves
it; `to_draft()` returns the `SkpDraft` with the stored ids, so a save updates rows in place.
Editing is added by `kinerja_desktop.ui.skp.editor_model.SkpEditorModel`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from kinerja_desktop.domain.skp import Pendekatan, SkpDraft, SkpLayout
from kinerja_desktop.domain.skp_records import RhkOption, SkpView
from kinerja_desktop.ui.skp import cells
from kinerja_desktop.ui.skp.columns import HEADERS, IKI_COLUMNS, RHK_COLUMNS, Col, columns_for
from kinerja_desktop.ui.skp.nodes import (
    GroupNode,
    IkiNode,
    Node,
    RhkNode,
    SkpNodes,
    children,
    kind_name,
    kind_of,
)
from kinerja_desktop.ui.skp.roles import (
    ERROR_BACKGROUND,
    ERROR_FOREGROUND,
    ErrorRole,
    FieldRole,
    IdRole,
    Index,
    KindRole,
    NumberRole,
    RowKindRole,
)


class SkpTreeModel(QAbstractItemModel):
    """An SKP's results and indicators, shown as a tree (read side of `SkpEditorModel`).

    Signals:
    contents_changed: a value or a row changed (the page recomputes "unsaved").
    errors_changed: the set of cells with an error changed (the page updates its message line).
    """

    contents_changed = Signal()
    errors_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._nodes = SkpNodes()
        self._layout = SkpLayout.JA_JF
        self._pendekatan = Pendekatan.KUANTITATIF
        self._columns = columns_for(self._layout, self._pendekatan)
        self._read_only = False
        self._base = SkpDraft(pendekatan=self._pendekatan)
        self._labels: dict[int, str] = {}
        self._options_provider: Callable[[], Sequence[RhkOption]] | None = None
        self._options: list[RhkOption] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # --- loading and reading back --------------------------------------------------------------

    def load(
        self,
        draft: SkpDraft,
        layout: SkpLayout,
        *,
        parent_labels: Mapping[int, str] | None = None,
        options: Callable[[], Sequence[RhkOption]] | None = None,
        read_only: bool = False,
    ) -> None:
        """Show ``draft``.

        Args:
            draft: The content, with stored ids.
            layout: JPT (perspektif) or JA/JF (aspek).
            parent_labels: The texts of the supervisor's RHK named by ``parent_rhk_id``.
            options: Returns the supervisor's RHK; called once, the first time it is needed,
                so opening an SKP costs no extra query.
            read_only: An agreed SKP: nothing can be edited.
        """
        self.beginResetModel()
        self._layout = layout
        self._pendekatan = draft.pendekatan
        self._columns = columns_for(layout, draft.pendekatan)
        self._read_only = read_only
        self._base = draft
        self._labels = dict(parent_labels or {})
        self._options_provider = options
        self._options = None
        self._nodes.load(draft.rhks)
        self.endResetModel()
        self.errors_changed.emit()

    def load_view(
        self,
        view: SkpView,
        options: Callable[[], Sequence[RhkOption]] | None = None,
        *,
        read_only: bool | None = None,
    ) -> None:
        """Show a stored SKP; an agreed one is read-only unless ``read_only`` says otherwise."""
        self.load(
            view.to_draft(),
            view.layout,
            parent_labels={
                rhk.parent_rhk_id: rhk.parent_label for rhk in view.rhks if rhk.parent_rhk_id
            },
            options=options,
            read_only=view.locked if read_only is None else read_only,
        )

    def to_draft(self) -> SkpDraft:
        """Return the content to save, in the order shown (A. Utama first), ids kept."""
        return SkpDraft(
            pendekatan=self._pendekatan,
            rhks=self._nodes.rhk_drafts(),
            lampiran=dict(self._base.lampiran),
            expectations=dict(self._base.expectations),
        )

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def layout(self) -> SkpLayout:
        return self._layout

    @property
    def pendekatan(self) -> Pendekatan:
        return self._pendekatan

    @property
    def columns(self) -> tuple[Col, ...]:
        return self._columns

    def column_of(self, col: Col) -> int | None:
        """Return the column number showing ``col``, or None when this layout hides it."""
        return self._columns.index(col) if col in self._columns else None

    def column_key(self, column: int) -> Col:
        return self._columns[column]

    def row_kind(self, index: Index) -> str | None:
        """Return "group", "rhk" or "iki" for an index, None for an invalid one."""
        node = self._node(index)
        if node is None:
            return None
        return kind_name(node)

    def rhk_count(self) -> int:
        return sum(len(group.rhks) for group in self._nodes.groups)

    def indicator_count(self) -> int:
        return sum(len(rhk.indicators) for rhk in self._nodes.ordered_rhks())

    def parent_options(self) -> list[RhkOption]:
        """The supervisor's RHK this person's RHK can serve (read once, when first needed)."""
        if self._options is None:
            self._options = list(self._options_provider()) if self._options_provider else []
            self._labels.update({option.id: option.text for option in self._options})
        return self._options

    def position(self, index: Index) -> tuple[int, ...]:
        """Return the row path of an index (group, RHK, indicator), to find it again later."""
        return self._nodes.path(self._node(index))

    def index_at(self, path: Sequence[int], column: int = 0) -> QModelIndex:
        """Return the index at a row path, or the nearest existing one above it."""
        index = QModelIndex()
        for depth, row in enumerate(path):
            last = depth == len(path) - 1
            count = self.rowCount(index)
            if count == 0:
                break
            child = self.index(min(row, count - 1), column if last else 0, index)
            index = child
        if index.isValid() and index.column() != column:
            index = index.siblingAtColumn(column)
        return index

    # --- Qt overrides: structure ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(self._columns):
            return QModelIndex()
        if not parent.isValid():
            groups = self._nodes.groups
            return self.createIndex(row, column, groups[row].key) if row < 2 else QModelIndex()
        if parent.column() != 0:
            return QModelIndex()
        rows = children(self._node(parent))
        if row >= len(rows):
            return QModelIndex()
        return self.createIndex(row, column, rows[row].key)

    @overload
    def parent(self) -> Any: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> Any:
        if child is None:
            return super().parent()
        node = self._node(child)
        if isinstance(node, RhkNode):
            return self.createIndex(self._nodes.groups.index(node.group), 0, node.group.key)
        if isinstance(node, IkiNode):
            rhk = node.rhk
            return self.createIndex(rhk.group.rhks.index(rhk), 0, rhk.key)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._nodes.groups)
        if parent.column() != 0:
            return 0
        return len(children(self._node(parent)))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, ARG002
        return len(self._columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[self._columns[section]]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self._columns[index.column()]
        if isinstance(node, IkiNode):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        if self._read_only or isinstance(node, GroupNode):
            return flags
        if isinstance(node, IkiNode) and col is Col.LOWER:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if (isinstance(node, RhkNode) and col in RHK_COLUMNS) or (
            isinstance(node, IkiNode) and col in IKI_COLUMNS
        ):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    # --- Qt overrides: values ------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        node = self._node(index)
        if node is None:
            return None
        if role == RowKindRole:
            return kind_name(node)
        if role == KindRole:
            return kind_of(node).value
        if isinstance(node, GroupNode):
            return self._group_data(node, index.column(), role)
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.display(node, col, self._labels)
        if role == Qt.ItemDataRole.EditRole:
            return cells.edit_value(node, col, self._labels)
        if role == Qt.ItemDataRole.CheckStateRole:
            if isinstance(node, IkiNode) and col is Col.LOWER:
                return Qt.CheckState.Checked if node.lower_is_better else Qt.CheckState.Unchecked
            return None
        if role == FieldRole:
            return self._nodes.field(node, col)
        if role == IdRole:
            return node.id
        if role == NumberRole:
            return self._nodes.number_text(node)
        return self._error_data(node, col, role)

    def _group_data(self, group: GroupNode, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return group.kind.label
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _error_data(self, node: RhkNode | IkiNode, col: Col, role: int) -> Any:
        error = node.errors.get(col)
        if role == ErrorRole:
            return error
        if role == Qt.ItemDataRole.ToolTipRole:
            text = cells.display(node, col, self._labels)
            return error or (text if text and len(text) > 30 else None)
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FOREGROUND if error else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BACKGROUND if error else None
        return None

    # --- between indexes and rows --------------------------------------------------------------

    def _node(self, index: Index | None) -> Node | None:
        if index is None or not index.isValid() or index.model() is not self:
            return None
        return self._nodes.get(index.internalId())

    def _index_of(self, node: Node, column: int = 0) -> QModelIndex:
        return self.createIndex(self._nodes.row_of(node), column, node.key)

    def _same(self, index: Index) -> QModelIndex:
        """Return ``index`` as a plain QModelIndex (it may be a persistent one)."""
        node = self._node(index)
        return self._index_of(node, index.column()) if node is not None else QModelIndex()
