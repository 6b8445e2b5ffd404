"""The SKP editor's model: results (RHK) grouped A. Utama / B. Tambahan, indicators under them.

The tree has three levels: two fixed group rows (A. Utama, B. Tambahan), the RHK rows of each
group, and the indicator (IKI) rows of each RHK. The content lives in memory until the page saves
it; `to_draft()` returns the `SkpDraft` with the stored ids, so a save updates rows in place.

Each edit is checked with the domain's own rules for that one cell (the messages are the ones
`validate_skp` gives). A wrong value is kept as typed (nothing is lost) and its cell carries the
message in `ErrorRole`; the view paints it red. Errors returned by the service name their cell
("rhk[0].iki[1].target") and are mapped back with `set_errors`.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    iki_field,
    rhk_field,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import RhkOption, SkpView
from kinerja_desktop.domain.staff import clean_text
from kinerja_desktop.services.skp_service import LOCKED_MESSAGE

Index = QModelIndex | QPersistentModelIndex

#: The validation message of a cell, or None.
ErrorRole = Qt.ItemDataRole.UserRole + 1
#: The cell's name in validation errors: "rhk[0].text", "rhk[0].iki[1].target".
FieldRole = Qt.ItemDataRole.UserRole + 2
#: "group", "rhk" or "iki".
RowKindRole = Qt.ItemDataRole.UserRole + 3
#: The stored id of the RHK or indicator (None for a new row or a group).
IdRole = Qt.ItemDataRole.UserRole + 4
#: The RHK kind of the row's group ("UTAMA" / "TAMBAHAN").
KindRole = Qt.ItemDataRole.UserRole + 5
#: The row's number, "2" for an RHK and "2.3" for its third indicator. It follows the row's
#: position, so the "No" column paints it (the delegate) instead of showing it as DisplayRole:
#: a row's display text must not change when rows are inserted above it.
NumberRole = Qt.ItemDataRole.UserRole + 6

ERROR_FOREGROUND = QColor("#b00020")
ERROR_BACKGROUND = QColor("#fde7e9")


class Col(StrEnum):
    """The editor's columns; the values are the part names of the cells' fields."""

    NO = "no"
    PARENT = "parent"
    TEXT = "text"
    ASPEK = "aspek"
    PERSPEKTIF = "perspektif"
    INDICATOR = "indicator"
    TARGET = "target"
    UNIT = "unit"
    TARGET_TEXT = "target_text"
    LOWER = "lower_is_better"


HEADERS: Mapping[Col, str] = {
    Col.NO: "No",
    Col.PARENT: "RHK Atasan yang Diintervensi",
    Col.TEXT: "Rencana Hasil Kerja",
    Col.ASPEK: "Aspek",
    Col.PERSPEKTIF: "Perspektif",
    Col.INDICATOR: "Indikator Kinerja Individu",
    Col.TARGET: "Target",
    Col.UNIT: "Satuan",
    Col.TARGET_TEXT: "Target Naratif",
    Col.LOWER: "Makin kecil makin baik",
}

RHK_COLUMNS = frozenset({Col.PARENT, Col.TEXT})
IKI_COLUMNS = frozenset(
    {Col.ASPEK, Col.PERSPEKTIF, Col.INDICATOR, Col.TARGET, Col.UNIT, Col.TARGET_TEXT, Col.LOWER}
)

#: Starting widths of the columns, in pixels.
COLUMN_WIDTHS: Mapping[Col, int] = {
    Col.NO: 64,
    Col.PARENT: 210,
    Col.TEXT: 250,
    Col.ASPEK: 96,
    Col.PERSPEKTIF: 140,
    Col.INDICATOR: 250,
    Col.TARGET: 72,
    Col.UNIT: 90,
    Col.TARGET_TEXT: 260,
    Col.LOWER: 70,
}

_TRUE = frozenset({"ya", "y", "1", "true", "benar", "x", "v", "✓", "✔"})
_FALSE = frozenset({"", "tidak", "t", "n", "no", "0", "false", "salah", "-"})
_FIELD = re.compile(r"rhk\[(\d+)\](?:\.iki\[(\d+)\])?\.(\w+)")


def columns_for(layout: SkpLayout, pendekatan: Pendekatan) -> tuple[Col, ...]:
    """Return the editor's columns: JPT shows perspektif, JA/JF aspek; qualitative a narrative."""
    choice = Col.PERSPEKTIF if layout is SkpLayout.JPT else Col.ASPEK
    if pendekatan is Pendekatan.KUANTITATIF:
        tail: tuple[Col, ...] = (Col.TARGET, Col.UNIT, Col.LOWER)
    else:
        tail = (Col.TARGET_TEXT,)
    return (Col.NO, Col.PARENT, Col.TEXT, choice, Col.INDICATOR, *tail)


class EditRefusedError(Exception):
    """An editing operation cannot be done here; ``message`` says why, in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PasteResult:
    """What a paste did: rows written, indicators added, and the cells that were refused."""

    rows: int
    added: int
    refused: tuple[str, ...]

    @property
    def summary(self) -> str:
        text = f"{self.rows} baris ditempel"
        if self.added:
            text += f" ({self.added} indikator baru)"
        if not self.refused:
            return text + "; semua sel diterima."
        return f"{text}; {len(self.refused)} sel ditolak dan ditandai merah: " + " · ".join(
            self.refused
        )


# --- the tree's nodes ---------------------------------------------------------------------------


@dataclass(eq=False)
class _Group:
    key: int
    kind: RhkKind
    rhks: list[_Rhk] = field(default_factory=list)


@dataclass(eq=False)
class _Rhk:
    key: int
    group: _Group
    text: str = ""
    parent_rhk_id: int | None = None
    parent_text: str = ""
    id: int | None = None
    indicators: list[_Iki] = field(default_factory=list)
    errors: dict[Col, str] = field(default_factory=dict)


@dataclass(eq=False)
class _Iki:
    key: int
    rhk: _Rhk
    indicator: str = ""
    target: str = ""
    unit: str = ""
    target_text: str = ""
    lower_is_better: bool = False
    aspek: Aspek | None = None
    perspektif: Perspektif | None = None
    id: int | None = None
    errors: dict[Col, str] = field(default_factory=dict)


_Node = _Group | _Rhk | _Iki
_N = TypeVar("_N", _Group, _Rhk, _Iki)


class SkpEditorModel(QAbstractItemModel):
    """An SKP's results and indicators, editable in place.

    Signals:
    contents_changed: a value or a row changed (the page recomputes "unsaved").
    errors_changed: the set of cells with an error changed (the page updates its message line).
    """

    contents_changed = Signal()
    errors_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys = itertools.count(1)
        self._nodes: dict[int, _Node] = {}
        self._groups: tuple[_Group, _Group] = (
            self._register(_Group(next(self._keys), RhkKind.UTAMA)),
            self._register(_Group(next(self._keys), RhkKind.TAMBAHAN)),
        )
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

    # --- loading and reading back ----------------------------------------------------------

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
        self._nodes = {group.key: group for group in self._groups}
        for group in self._groups:
            group.rhks.clear()
        self._layout = layout
        self._pendekatan = draft.pendekatan
        self._columns = columns_for(layout, draft.pendekatan)
        self._read_only = read_only
        self._base = draft
        self._labels = dict(parent_labels or {})
        self._options_provider = options
        self._options = None
        for rhk in draft.rhks:
            group = self._group(rhk.kind)
            node = self._register(
                _Rhk(
                    next(self._keys),
                    group,
                    text=rhk.text,
                    parent_rhk_id=rhk.parent_rhk_id,
                    parent_text=rhk.parent_text,
                    id=rhk.id,
                )
            )
            for iki in rhk.indicators:
                node.indicators.append(
                    self._register(
                        _Iki(
                            next(self._keys),
                            node,
                            indicator=iki.indicator,
                            target=iki.target,
                            unit=iki.unit,
                            target_text=iki.target_text,
                            lower_is_better=iki.lower_is_better,
                            aspek=iki.aspek,
                            perspektif=iki.perspektif,
                            id=iki.id,
                        )
                    )
                )
            group.rhks.append(node)
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
            rhks=tuple(self._rhk_draft(rhk) for rhk in self._ordered_rhks()),
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
        return _kind_name(node)

    def rhk_count(self) -> int:
        return sum(len(group.rhks) for group in self._groups)

    def indicator_count(self) -> int:
        return sum(len(rhk.indicators) for rhk in self._ordered_rhks())

    def parent_options(self) -> list[RhkOption]:
        """The supervisor's RHK this person's RHK can serve (read once, when first needed)."""
        if self._options is None:
            self._options = list(self._options_provider()) if self._options_provider else []
            self._labels.update({option.id: option.text for option in self._options})
        return self._options

    def position(self, index: Index) -> tuple[int, ...]:
        """Return the row path of an index (group, RHK, indicator), to find it again later."""
        node = self._node(index)
        path: list[int] = []
        while node is not None:
            path.insert(0, self._row_of(node))
            node = (
                node.group
                if isinstance(node, _Rhk)
                else (node.rhk if isinstance(node, _Iki) else None)
            )
        return tuple(path)

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

    # --- Qt overrides: structure -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(self._columns):
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, self._groups[row].key) if row < 2 else QModelIndex()
            )
        if parent.column() != 0:
            return QModelIndex()
        children = self._children(self._node(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].key)

    @overload
    def parent(self) -> Any: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> Any:
        if child is None:
            return super().parent()
        node = self._node(child)
        if isinstance(node, _Rhk):
            return self.createIndex(self._groups.index(node.group), 0, node.group.key)
        if isinstance(node, _Iki):
            rhk = node.rhk
            return self.createIndex(rhk.group.rhks.index(rhk), 0, rhk.key)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0:
            return 0
        return len(self._children(self._node(parent)))

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
        if isinstance(node, _Iki):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        if self._read_only or isinstance(node, _Group):
            return flags
        if isinstance(node, _Iki) and col is Col.LOWER:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if (isinstance(node, _Rhk) and col in RHK_COLUMNS) or (
            isinstance(node, _Iki) and col in IKI_COLUMNS
        ):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    # --- Qt overrides: values --------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        node = self._node(index)
        if node is None:
            return None
        if role == RowKindRole:
            return _kind_name(node)
        if role == KindRole:
            return self._kind_of(node).value
        if isinstance(node, _Group):
            return self._group_data(node, index.column(), role)
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(node, col)
        if role == Qt.ItemDataRole.CheckStateRole:
            if isinstance(node, _Iki) and col is Col.LOWER:
                return Qt.CheckState.Checked if node.lower_is_better else Qt.CheckState.Unchecked
            return None
        if role == FieldRole:
            return self._field(node, col)
        if role == IdRole:
            return node.id
        if role == NumberRole:
            return self._number_text(node)
        return self._error_data(node, col, role)

    def _error_data(self, node: _Rhk | _Iki, col: Col, role: int) -> Any:
        error = node.errors.get(col)
        if role == ErrorRole:
            return error
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(node, col)
            return error or (text if text and len(text) > 30 else None)
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FOREGROUND if error else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BACKGROUND if error else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        if node is None or isinstance(node, _Group) or self._read_only:
            return False
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and isinstance(node, _Iki) and col is Col.LOWER:
            checked = _is_checked(value)
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
        if node is None or isinstance(node, _Group) or self._read_only:
            return "Sel ini tidak dapat diisi."
        editable = self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        )
        if not editable:
            where = self._where(node)
            row = "indikator" if isinstance(node, _Iki) else "RHK"
            return f"{where}: kolom {HEADERS[col]} tidak diisi pada baris {row}."
        value: Any = text
        if col is Col.LOWER:
            word = text.strip().lower()
            if word not in _TRUE | _FALSE:
                message = (
                    f"{self._where(node)}: '{text}' tidak dikenali untuk "
                    f"'{HEADERS[col]}'; isi ya atau tidak."
                )
                self._set_error(node, col, message)
                return message
            value = word in _TRUE
        return self._assign(node, col, value)[1]

    # --- operations ------------------------------------------------------------------------

    def add_rhk(self, at: Index | None = None, kind: RhkKind | None = None) -> QModelIndex:
        """Add an empty RHK below the row ``at`` (or at the end of ``kind``'s group).

        Returns:
            The new RHK's "Rencana Hasil Kerja" cell.
        """
        self._check_editable()
        node = self._node(at) if at is not None else None
        if isinstance(node, _Group):
            group, position = node, 0
        elif isinstance(node, _Rhk):
            group, position = node.group, node.group.rhks.index(node) + 1
        elif isinstance(node, _Iki):
            group, position = node.rhk.group, node.rhk.group.rhks.index(node.rhk) + 1
        else:
            group = self._group(kind or RhkKind.UTAMA)
            position = len(group.rhks)
        parent = self._index_of(group)
        self.beginInsertRows(parent, position, position)
        group.rhks.insert(position, self._register(_Rhk(next(self._keys), group)))
        self.endInsertRows()
        self._after_structure()
        return self.index(position, self._columns.index(Col.TEXT), parent)

    def add_indicator(self, at: Index) -> QModelIndex:
        """Add an empty indicator below the indicator ``at``, or last under the RHK ``at``.

        Returns:
            The new indicator's "Indikator" cell.
        """
        self._check_editable()
        node = self._node(at)
        if isinstance(node, _Iki):
            rhk, position = node.rhk, node.rhk.indicators.index(node) + 1
        elif isinstance(node, _Rhk):
            rhk, position = node, len(node.indicators)
        else:
            raise EditRefusedError(
                "Pilih dulu sebuah RHK: indikator selalu berada di bawah RHK-nya."
            )
        parent = self._index_of(rhk)
        self.beginInsertRows(parent, position, position)
        rhk.indicators.insert(position, self._register(_Iki(next(self._keys), rhk)))
        self.endInsertRows()
        if rhk.errors.get(Col.TEXT) and rhk.text.strip():
            # "add at least one indicator" from the last check no longer holds.
            self._set_error(rhk, Col.TEXT, self._check(rhk, Col.TEXT))
        self._after_structure()
        return self.index(position, self._columns.index(Col.INDICATOR), parent)

    def row_has_text(self, index: Index) -> bool:
        """Whether deleting this row would throw away something typed."""
        node = self._node(index)
        if isinstance(node, _Rhk):
            return bool(
                node.text.strip()
                or node.parent_text.strip()
                or node.parent_rhk_id is not None
                or any(_iki_has_text(iki) for iki in node.indicators)
            )
        return isinstance(node, _Iki) and _iki_has_text(node)

    def remove_row(self, index: Index) -> None:
        """Delete an RHK (with its indicators) or an indicator."""
        self._check_editable()
        node = self._node(index)
        if isinstance(node, _Rhk):
            siblings: list[Any] = node.group.rhks
            gone: list[_Node] = [node, *node.indicators]
        elif isinstance(node, _Iki):
            siblings, gone = node.rhk.indicators, [node]
        else:
            raise EditRefusedError("Judul kelompok tidak dapat dihapus.")
        row = siblings.index(node)
        self.beginRemoveRows(self.parent(index), row, row)
        del siblings[row]
        for item in gone:
            self._nodes.pop(item.key, None)
        self.endRemoveRows()
        self._after_structure()

    def move_row(self, index: Index, delta: int) -> QModelIndex:
        """Move a row up (-1) or down (+1) among its siblings; a group's edge stops it.

        Returns:
            The row's index at its new place (the same column).
        """
        self._check_editable()
        node = self._node(index)
        if isinstance(node, _Rhk):
            siblings: list[Any] = node.group.rhks
        elif isinstance(node, _Iki):
            siblings = node.rhk.indicators
        else:
            return self._same(index)
        row = siblings.index(node)
        target = row + delta
        if not 0 <= target < len(siblings) or delta == 0:
            return self._same(index)
        parent = self.parent(index)
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(parent, row, row, parent, destination)
        siblings.insert(target, siblings.pop(row))
        self.endMoveRows()
        self._after_structure()
        return self.index(target, index.column(), parent)

    def conversion_loses_values(self, index: Index) -> bool:
        """Whether indenting/outdenting this row drops values other than its main text."""
        node = self._node(index)
        if isinstance(node, _Rhk):
            return node.parent_rhk_id is not None or bool(node.parent_text.strip())
        if isinstance(node, _Iki):
            return bool(
                node.target.strip()
                or node.unit.strip()
                or node.target_text.strip()
                or node.lower_is_better
            )
        return False

    def indent(self, index: Index) -> QModelIndex:
        """Turn an RHK without indicators into the last indicator of the RHK above it.

        Returns:
            The new indicator's "Indikator" cell.
        """
        self._check_editable()
        node = self._node(index)
        if not isinstance(node, _Rhk):
            raise EditRefusedError("Hanya baris RHK yang dapat dijadikan indikator.")
        if node.indicators:
            raise EditRefusedError(
                "RHK ini sudah memiliki indikator, jadi tidak dapat dijadikan indikator."
            )
        group = node.group
        row = group.rhks.index(node)
        if row == 0:
            raise EditRefusedError(f"Tidak ada RHK di atasnya dalam kelompok {group.kind.label}.")
        above = group.rhks[row - 1]
        self.beginRemoveRows(self._index_of(group), row, row)
        del group.rhks[row]
        self._nodes.pop(node.key, None)
        self.endRemoveRows()
        parent = self._index_of(above)
        position = len(above.indicators)
        self.beginInsertRows(parent, position, position)
        iki = self._register(_Iki(next(self._keys), above, indicator=node.text))
        above.indicators.append(iki)
        self.endInsertRows()
        self._after_structure()
        return self.index(position, self._columns.index(Col.INDICATOR), parent)

    def outdent(self, index: Index) -> QModelIndex:
        """Turn an indicator into its own RHK, placed after its RHK.

        Like an outline, the indicators below it move along and become the new RHK's.

        Returns:
            The new RHK's "Rencana Hasil Kerja" cell.
        """
        self._check_editable()
        node = self._node(index)
        if not isinstance(node, _Iki):
            raise EditRefusedError("Hanya baris indikator yang dapat dijadikan RHK.")
        rhk = node.rhk
        group = rhk.group
        row = rhk.indicators.index(node)
        rhk_index = self._index_of(rhk)
        self.beginRemoveRows(rhk_index, row, row)
        del rhk.indicators[row]
        self._nodes.pop(node.key, None)
        self.endRemoveRows()
        position = group.rhks.index(rhk) + 1
        group_index = self._index_of(group)
        self.beginInsertRows(group_index, position, position)
        new = self._register(_Rhk(next(self._keys), group, text=node.indicator))
        group.rhks.insert(position, new)
        self.endInsertRows()
        following = len(rhk.indicators) - row
        if following:
            new_index = self.index(position, 0, group_index)
            rhk_index = self._index_of(rhk)
            self.beginMoveRows(rhk_index, row, row + following - 1, new_index, 0)
            moved = rhk.indicators[row:]
            del rhk.indicators[row:]
            for iki in moved:
                iki.rhk = new
            new.indicators.extend(moved)
            self.endMoveRows()
        self._after_structure()
        return self.index(position, self._columns.index(Col.TEXT), group_index)

    def set_kind(self, index: Index, kind: RhkKind) -> QModelIndex:
        """Move an RHK to the end of the other group (A. Utama or B. Tambahan)."""
        self._check_editable()
        node = self._node(index)
        if not isinstance(node, _Rhk):
            raise EditRefusedError("Pilih baris RHK untuk mengubah jenisnya.")
        if node.group.kind is kind:
            return self._same(index)
        source, target = node.group, self._group(kind)
        row = source.rhks.index(node)
        source_index, target_index = self._index_of(source), self._index_of(target)
        position = len(target.rhks)
        self.beginMoveRows(source_index, row, row, target_index, position)
        del source.rhks[row]
        node.group = target
        target.rhks.append(node)
        self.endMoveRows()
        self._after_structure()
        return self.index(position, index.column(), target_index)

    def toggle_kind(self, index: Index) -> QModelIndex:
        node = self._node(index)
        rhk = node.rhk if isinstance(node, _Iki) else node
        if not isinstance(rhk, _Rhk):
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
        order = list(columns or self._columns)
        node = self._node(at)
        rows = _split_rows(text)
        if node is None or not rows:
            return PasteResult(0, 0, ())
        if len(rows) == 1 and len(rows[0]) == 1 and not isinstance(node, _Group):
            error = self.set_cell_text(at, rows[0][0])
            return PasteResult(1, 0, (error,) if error else ())
        if isinstance(node, _Iki):
            rhk, first = node.rhk, node.rhk.indicators.index(node)
        elif isinstance(node, _Rhk):
            rhk, first = node, len(node.indicators)
        else:
            raise EditRefusedError("Tempel baris indikator pada baris RHK atau indikator.")
        current = self._columns[at.column()]
        if current not in IKI_COLUMNS:  # on an RHK cell: start at the first indicator column
            current = next((col for col in order if col in IKI_COLUMNS), current)
        start = order.index(current) if current in order else 0
        refused: list[str] = []
        added = 0
        for offset, cells in enumerate(rows):
            position = first + offset
            if position >= len(rhk.indicators):
                self.add_indicator(self._index_of(rhk))
                added += 1
            iki = rhk.indicators[position]
            for step, cell in enumerate(cells):
                if start + step >= len(order):
                    refused.append(
                        f"{self._where(iki)}: {len(cells) - step} sel melewati kolom terakhir"
                    )
                    break
                column = self._columns.index(order[start + step])
                error = self.set_cell_text(self._index_of(iki, column), cell)
                if error:
                    refused.append(error)
        return PasteResult(len(rows), added, tuple(refused))

    # --- errors ----------------------------------------------------------------------------

    def set_errors(self, errors: Iterable[ValidationError]) -> list[str]:
        """Show the service's errors on their cells; return the messages without a cell."""
        for node in self._nodes.values():
            if not isinstance(node, _Group):
                node.errors.clear()
        unmapped: list[str] = []
        for error in errors:
            found = self._locate(error.field or "")
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
        for rhk in self._ordered_rhks():
            nodes: list[_Rhk | _Iki] = [rhk, *rhk.indicators]
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
        found = self._locate(field_name)
        if found is None:
            return QModelIndex()
        node, col = found
        return self._index_of(node, self._columns.index(col))

    # --- internals: nodes ------------------------------------------------------------------

    def _register(self, node: _N) -> _N:
        self._nodes[node.key] = node
        return node

    def _node(self, index: Index | None) -> _Node | None:
        if index is None or not index.isValid() or index.model() is not self:
            return None
        return self._nodes.get(index.internalId())

    def _group(self, kind: RhkKind) -> _Group:
        return self._groups[0] if kind is RhkKind.UTAMA else self._groups[1]

    @staticmethod
    def _children(node: _Node | None) -> Sequence[_Node]:
        if isinstance(node, _Group):
            return node.rhks
        if isinstance(node, _Rhk):
            return node.indicators
        return ()

    def _row_of(self, node: _Node) -> int:
        if isinstance(node, _Group):
            return self._groups.index(node)
        if isinstance(node, _Rhk):
            return node.group.rhks.index(node)
        return node.rhk.indicators.index(node)

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        return self.createIndex(self._row_of(node), column, node.key)

    def _same(self, index: Index) -> QModelIndex:
        """Return ``index`` as a plain QModelIndex (it may be a persistent one)."""
        node = self._node(index)
        return self._index_of(node, index.column()) if node is not None else QModelIndex()

    def _ordered_rhks(self) -> list[_Rhk]:
        return [rhk for group in self._groups for rhk in group.rhks]

    def _number(self, rhk: _Rhk) -> int:
        """The RHK's number in the draft (and in the messages): A. Utama first."""
        before = 0 if rhk.group is self._groups[0] else len(self._groups[0].rhks)
        return before + rhk.group.rhks.index(rhk)

    def _kind_of(self, node: _Node) -> RhkKind:
        if isinstance(node, _Group):
            return node.kind
        return node.group.kind if isinstance(node, _Rhk) else node.rhk.group.kind

    def _field(self, node: _Node, col: Col) -> str | None:
        if col is Col.NO or isinstance(node, _Group):
            return None
        if isinstance(node, _Rhk):
            return rhk_field(self._number(node), col.value) if col in RHK_COLUMNS else None
        if col not in IKI_COLUMNS:
            return None
        return iki_field(self._number(node.rhk), node.rhk.indicators.index(node), col.value)

    def _where(self, node: _Rhk | _Iki) -> str:
        if isinstance(node, _Rhk):
            return f"RHK {self._number(node) + 1}"
        position = node.rhk.indicators.index(node) + 1
        return f"RHK {self._number(node.rhk) + 1}, indikator {position}"

    def _locate(self, field_name: str) -> tuple[_Rhk | _Iki, Col] | None:
        match = _FIELD.fullmatch(field_name)
        if match is None:
            return None
        rhks = self._ordered_rhks()
        r = int(match[1])
        if r >= len(rhks):
            return None
        node: _Rhk | _Iki = rhks[r]
        if match[2] is not None:
            i = int(match[2])
            if i >= len(rhks[r].indicators):
                return None
            node = rhks[r].indicators[i]
        try:
            col = Col(match[3])
        except ValueError:
            return None
        allowed = RHK_COLUMNS if isinstance(node, _Rhk) else IKI_COLUMNS
        if col not in allowed or col not in self._columns:
            # A cell this layout does not show: the RHK's or indicator's main cell carries it.
            col = Col.TEXT if isinstance(node, _Rhk) else Col.INDICATOR
        return node, col

    # --- internals: values -----------------------------------------------------------------

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return group.kind.label
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _number_text(self, node: _Rhk | _Iki) -> str:
        if isinstance(node, _Rhk):
            return str(self._number(node) + 1)
        return f"{self._number(node.rhk) + 1}.{node.rhk.indicators.index(node) + 1}"

    def _display(self, node: _Rhk | _Iki, col: Col) -> str | None:
        if col is Col.NO:
            return ""
        if isinstance(node, _Rhk):
            if col is Col.TEXT:
                return node.text
            if col is Col.PARENT:
                return self._parent_label(node)
            return None
        if col in (Col.ASPEK, Col.PERSPEKTIF):
            choice = node.aspek if col is Col.ASPEK else node.perspektif
            return choice.label if choice else ""
        if col is Col.LOWER or col not in IKI_COLUMNS:
            return None
        return str(getattr(node, col.value))

    def _edit_value(self, node: _Rhk | _Iki, col: Col) -> Any:
        if isinstance(node, _Rhk) and col is Col.PARENT:
            if node.parent_rhk_id is not None:
                return node.parent_rhk_id
            return node.parent_text
        if isinstance(node, _Iki) and col in (Col.ASPEK, Col.PERSPEKTIF):
            choice = node.aspek if col is Col.ASPEK else node.perspektif
            return choice.value if choice else ""
        if isinstance(node, _Iki) and col is Col.LOWER:
            return node.lower_is_better
        return self._display(node, col)

    def _parent_label(self, rhk: _Rhk) -> str:
        if rhk.parent_rhk_id is None:
            return rhk.parent_text
        label = self._labels.get(rhk.parent_rhk_id)
        return label if label is not None else f"RHK atasan no. {rhk.parent_rhk_id}"

    def _assign(self, node: _Rhk | _Iki, col: Col, value: Any) -> tuple[bool, str | None]:
        """Store a value in a cell and check it; return (stored, error message)."""
        if col in (Col.ASPEK, Col.PERSPEKTIF) and isinstance(node, _Iki):
            stored, error = self._assign_choice(node, col, value)
        elif col is Col.PARENT and isinstance(node, _Rhk):
            stored, error = self._assign_parent(node, value)
        elif col is Col.LOWER and isinstance(node, _Iki):
            node.lower_is_better = bool(value)
            stored, error = True, None
        else:
            setattr(node, col.value, "" if value is None else str(value))
            stored, error = True, self._check(node, col)
        self._set_error(node, col, error)
        if stored:
            self.contents_changed.emit()
        return stored, error

    def _assign_choice(self, node: _Iki, col: Col, value: Any) -> tuple[bool, str | None]:
        kind: type[Aspek] | type[Perspektif] = Aspek if col is Col.ASPEK else Perspektif
        text = "" if value is None else str(getattr(value, "value", value)).strip()
        choice: Aspek | Perspektif | None = None
        if text:
            wanted = clean_text(text).upper().replace(" ", "_")
            choice = next(
                (item for item in kind if wanted in (item.value, item.label.upper())), None
            )
            if choice is None:
                names = ", ".join(item.label for item in kind)
                return False, (
                    f"{self._where(node)}: {HEADERS[col].lower()} '{text}' tidak dikenal; "
                    f"pilih salah satu: {names}."
                )
        setattr(node, col.value, choice)
        return True, None

    def _assign_parent(self, node: _Rhk, value: Any) -> tuple[bool, str | None]:
        options = self.parent_options()
        if isinstance(value, int) and not isinstance(value, bool):
            if value not in {option.id for option in options}:
                return False, (
                    f"{self._where(node)}: RHK atasan yang dipilih tidak ada di SKP "
                    "Pejabat Penilai."
                )
            node.parent_rhk_id, node.parent_text = value, ""
            return True, None
        text = "" if value is None else str(value)
        if not text.strip():
            node.parent_rhk_id, node.parent_text = None, ""
            return True, None
        if options:
            wanted = clean_text(text).casefold()
            found = next((o for o in options if clean_text(o.text).casefold() == wanted), None)
            if found is None:
                return False, (
                    f"{self._where(node)}: '{clean_text(text)}' tidak ada di antara RHK "
                    "Pejabat Penilai; pilih dari daftar."
                )
            node.parent_rhk_id, node.parent_text = found.id, ""
            return True, None
        node.parent_rhk_id, node.parent_text = None, text
        return True, self._check(node, Col.PARENT)

    def _check(self, node: _Rhk | _Iki, col: Col) -> str | None:
        """Check one cell with the domain's rules, by validating the draft it belongs to."""
        name = self._field(node, col)
        try:
            validate_skp(self.to_draft())
        except ValidationErrors as errors:
            return next((e.message for e in errors.errors if e.field == name), None)
        return None

    def _set_error(self, node: _Rhk | _Iki, col: Col, error: str | None) -> None:
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
        for group in self._groups:
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

    def _rhk_draft(self, rhk: _Rhk) -> RhkDraft:
        return RhkDraft(
            text=rhk.text,
            kind=rhk.group.kind,
            indicators=tuple(
                IkiDraft(
                    indicator=iki.indicator,
                    target=iki.target,
                    unit=iki.unit,
                    target_text=iki.target_text,
                    lower_is_better=iki.lower_is_better,
                    aspek=iki.aspek,
                    perspektif=iki.perspektif,
                    id=iki.id,
                )
                for iki in rhk.indicators
            ),
            parent_rhk_id=rhk.parent_rhk_id,
            parent_text=rhk.parent_text,
            id=rhk.id,
        )


def _kind_name(node: _Node) -> str:
    if isinstance(node, _Group):
        return "group"
    return "rhk" if isinstance(node, _Rhk) else "iki"


def _iki_has_text(iki: _Iki) -> bool:
    return bool(
        iki.indicator.strip() or iki.target.strip() or iki.unit.strip() or iki.target_text.strip()
    )


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    if isinstance(value, bool):
        return value
    try:
        return Qt.CheckState(int(value)) == Qt.CheckState.Checked
    except (TypeError, ValueError):
        return False


def _split_rows(text: str) -> list[list[str]]:
    """Split a spreadsheet's clipboard text into rows of cells (quoted cells may hold breaks)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if normalised.endswith("\n"):
        normalised = normalised[:-1]
    if not normalised:
        return []
    return [row for row in csv.reader(io.StringIO(normalised), delimiter="\t") if row != []]


# --- showing the model in a tree view -----------------------------------------------------------


class SkpItemDelegate(QStyledItemDelegate):
    """Cell editors: lists for aspek/perspektif and the supervisor's RHK, text for the rest.

    It also paints each row's number in the "No" column (see `NumberRole`).
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if (
            isinstance(model, SkpEditorModel)
            and model.column_key(index.column()) is Col.NO
            and model.row_kind(index) != "group"
        ):
            option.text = str(model.data(index, NumberRole) or "")

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if not isinstance(model, SkpEditorModel):
            return super().createEditor(parent, option, index)
        col = model.column_key(index.column())
        choices: list[tuple[str, Any]] = []
        if col is Col.ASPEK:
            choices = [(item.label, item.value) for item in Aspek]
        elif col is Col.PERSPEKTIF:
            choices = [(item.label, item.value) for item in Perspektif]
        elif col is Col.PARENT and model.parent_options():
            choices = [(option.text, option.id) for option in model.parent_options()]
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("— belum dipilih —", "")
        for text, value in choices:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(max(editor.findData(value), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def fit_tree(tree: QTreeView, model: SkpEditorModel) -> None:
    """Show every row (groups as full-width headings, RHK expanded) after the model changed."""
    for row in range(model.rowCount()):
        tree.setFirstColumnSpanned(row, QModelIndex(), True)
    tree.expandAll()


def size_columns(tree: QTreeView, model: SkpEditorModel) -> None:
    header = tree.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, key in enumerate(model.columns):
        tree.setColumnWidth(column, COLUMN_WIDTHS[key])
