"""Struktur: the unit tree and the supervisor tree (who appraises whom)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.staff.service import StaffService, TreeNode
from kinerja_desktop.ui.common import show_error
from kinerja_desktop.ui.staff.person_menu import person_menu, pop_up
from kinerja_desktop.ui.units import ordered_units


class StructurePage(QWidget):
    """The unit tree beside the supervisor tree.

    Signals:
    employee_requested(int): a person was opened from the supervisor tree.
    place_requested(int, str): the right-click menu asked to open a person on a page
        (a `PersonPlace`).
    units_changed(): a unit was added.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF})

    employee_requested = Signal(int)
    place_requested = Signal(int, str)
    units_changed = Signal()

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = staff
        self.units = QTreeWidget()
        self.units.setHeaderLabels(["Unit kerja", "Jenis", "Pegawai aktif"])
        self.units.setToolTip("Jumlah pegawai aktif termasuk sub-unit di bawahnya")
        self.people = QTreeWidget()
        self.people.setHeaderLabels(["Pegawai", "Jabatan", "NIP"])
        self.add_unit_button = QPushButton("Tambah &unit di bawah yang dipilih")
        self.add_unit_button.clicked.connect(self._add_unit)
        self.units.currentItemChanged.connect(lambda *_: self._fill_people())
        self.people.itemActivated.connect(self._open_person)
        self.people.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people.customContextMenuRequested.connect(self._context_menu)
        #: The last right-click menu shown (tests trigger its actions).
        self.context_menu: QMenu | None = None
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel("<b>Unit kerja</b>"))
        left_layout.addWidget(self.units)
        left_layout.addWidget(self.add_unit_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<b>Siapa menilai siapa</b> (Pejabat Penilai → pegawai)"))
        right_layout.addWidget(self.people)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 600])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        counts: dict[int, int] = {}
        for node in self._staff.supervisor_tree():
            _count(node, counts)
        units = self._staff.units()
        totals = _with_descendants(counts, {unit.id: unit.parent_id for unit in units})
        self.units.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for _depth, unit in ordered_units(units):
            parent = items.get(unit.parent_id) if unit.parent_id else None
            item = QTreeWidgetItem([unit.name, unit.kind.label, str(totals.get(unit.id, 0))])
            item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
            if parent is None:
                self.units.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[unit.id] = item
        self.units.expandToDepth(1)
        for column in range(self.units.columnCount()):
            self.units.resizeColumnToContents(column)
        self._fill_people()

    def _selected_unit(self) -> int | None:
        item = self.units.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _fill_people(self) -> None:
        unit_id = self._selected_unit()
        scope = self._staff.unit_with_descendants(unit_id) if unit_id else None
        self.people.clear()
        for node in self._staff.supervisor_tree(scope):
            self.people.addTopLevelItem(_person_item(node))
        self.people.expandToDepth(2)
        for column in range(self.people.columnCount()):
            self.people.resizeColumnToContents(column)

    def _open_person(self, item: QTreeWidgetItem) -> None:
        employee_id = item.data(0, Qt.ItemDataRole.UserRole)
        if employee_id is not None:
            self.employee_requested.emit(int(employee_id))

    def person_menu(self, employee_id: int) -> QMenu:
        """The right-click menu of a person: open their SKP, Evaluasi, Perilaku or Cetak."""
        self.context_menu = person_menu(
            self, employee_id, lambda person, place: self.place_requested.emit(person, place.value)
        )
        return self.context_menu

    def _context_menu(self, position: QPoint) -> None:
        item = self.people.itemAt(position)
        employee_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if employee_id is not None:
            pop_up(self.person_menu(int(employee_id)), self.people.viewport(), position)

    def _add_unit(self) -> None:
        parent_id = self._selected_unit()
        name, ok = QInputDialog.getText(self, "Tambah unit", "Nama unit baru:")
        if not ok:
            return
        try:
            self._staff.add_unit(name, parent_id)
        except DomainError as error:
            show_error(self, "Unit tidak ditambahkan", error)
            return
        self.refresh()
        self.units_changed.emit()


def _count(node: TreeNode, counts: dict[int, int]) -> None:
    counts[node.employee.unit_id] = counts.get(node.employee.unit_id, 0) + 1
    for child in node.children:
        _count(child, counts)


def _with_descendants(counts: dict[int, int], parent: dict[int, int | None]) -> dict[int, int]:
    """Add each unit's count to every unit above it."""
    totals: dict[int, int] = {}
    for unit_id, count in counts.items():
        current: int | None = unit_id
        while current is not None:
            totals[current] = totals.get(current, 0) + count
            current = parent.get(current)
    return totals


def _person_item(node: TreeNode) -> QTreeWidgetItem:
    person = node.employee
    item = QTreeWidgetItem([person.full_name, person.jabatan, person.nip_formatted])
    item.setData(0, Qt.ItemDataRole.UserRole, person.id)
    for child in node.children:
        item.addChild(_person_item(child))
    return item
