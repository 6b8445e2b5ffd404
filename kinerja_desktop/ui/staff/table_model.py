"""The staff list as a lazy table model: ids from SQL, rows fetched in batches when shown.

With 20,000 people only the ordered id list is held; a screenful of rows is read by id when
the view asks for it (the pattern of Anki's browser model).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.services.staff.service import SortKey, StaffFilter, StaffListRow, StaffService

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    header: str
    sort: SortKey
    text: Any  # Callable[[StaffListRow], str]


def _nip(row: StaffListRow) -> str:
    return Nip(row.nip).formatted


def _name(row: StaffListRow) -> str:
    name = full_name(row.name, row.gelar_depan, row.gelar_belakang)
    return name if row.active else f"{name} (nonaktif)"


COLUMNS: tuple[Column, ...] = (
    Column("Nama", SortKey.NAME, _name),
    Column("NIP", SortKey.NIP, _nip),
    Column("Jabatan", SortKey.JABATAN, lambda row: row.jabatan),
    Column("Gol.", SortKey.GOLONGAN, lambda row: row.golongan),
    Column("Unit Kerja", SortKey.UNIT, lambda row: row.unit_name),
    Column("Pejabat Penilai", SortKey.PENILAI, lambda row: row.penilai_name or "—"),
)


class StaffTableModel(QAbstractTableModel):
    BATCH: ClassVar[int] = 200
    CACHE_LIMIT: ClassVar[int] = 2000

    def __init__(self, staff: StaffService) -> None:
        super().__init__()
        self._staff = staff
        self._filter = StaffFilter()
        self._ids: list[int] = []
        self._cache: OrderedDict[int, StaffListRow] = OrderedDict()

    # --- what to show ----------------------------------------------------------------------

    @property
    def staff_filter(self) -> StaffFilter:
        return self._filter

    def set_filter(self, staff_filter: StaffFilter) -> None:
        self._filter = staff_filter
        self.reload()

    def reload(self) -> None:
        """Query the ids again (after a search or a change) and drop cached rows."""
        self.beginResetModel()
        self._ids = list(self._staff.find_ids(self._filter))
        self._cache.clear()
        self.endResetModel()

    def employee_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, employee_id: int) -> int | None:
        try:
            return self._ids.index(employee_id)
        except ValueError:
            return None

    # --- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].header if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        return str(COLUMNS[index.column()].text(row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = replace(
            self._filter,
            sort=COLUMNS[column].sort,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        if wanted != self._filter:  # the view asks again on every setModel; skip a no-op query
            self.set_filter(wanted)

    # --- lazy rows -------------------------------------------------------------------------

    def _row(self, position: int) -> StaffListRow | None:
        employee_id = self._ids[position]
        cached = self._cache.get(employee_id)
        if cached is not None:
            return cached
        start = max(0, position - self.BATCH // 4)
        wanted = [i for i in self._ids[start : start + self.BATCH] if i not in self._cache]
        for fetched in self._staff.list_rows(wanted):
            self._cache[fetched.id] = fetched
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(employee_id)
