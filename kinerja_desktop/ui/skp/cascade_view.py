"""Kaskade RHK: how a unit's results serve each other, from the head down, with the gaps."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.skp.cascade import (
    CascadeNode,
    CascadeRhk,
    CascadeService,
    ServingRhk,
    summarise,
)
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import show_error, wrapped
from kinerja_desktop.ui.units import fill_unit_combo, units_within

UNLINKED_TIP = "RHK ini belum mengintervensi RHK atasan"
UNSERVED_TIP = "Belum ada RHK staf yang mendukung RHK ini"
#: Amber rather than red: a gap to work on, not a mistake.
FLAG_COLOUR = QColor("#9a5b00")
MUTED_COLOUR = QColor("#6b6b6b")

#: Item data: the kind of row ("person", "rhk", "serving"), then the id it stands for.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
RHK_ROLE = Qt.ItemDataRole.UserRole + 2
#: Person rows keep the employee id in UserRole, as the structure page does.
EMPLOYEE_ROLE = Qt.ItemDataRole.UserRole


class CascadeView(QWidget):
    """A unit's cascade: person → RHK → the staff RHK that serve it.

    Signals:
    employee_requested(int): a person row was activated (Enter or double click).
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.SKP})

    employee_requested = Signal(int)

    def __init__(
        self,
        cascade: CascadeService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._cascade = cascade
        self._staff = staff
        #: A kepala unit is offered the units they head; a penilai sees their own people.
        self._permissions = permissions
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(24)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Pegawai / RHK", "Jabatan / pemilik RHK", "Keterangan"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        for column, width in enumerate((460, 240)):
            self.tree.setColumnWidth(column, width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        unit_label = QLabel("&Unit kerja:")
        unit_label.setBuddy(self.unit)
        year_label = QLabel("&Tahun:")
        year_label.setBuddy(self.year)
        controls = QHBoxLayout()
        controls.addWidget(unit_label)
        controls.addWidget(self.unit, 1)
        controls.addWidget(year_label)
        controls.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(
            wrapped(
                QLabel(
                    "<b>Kaskade RHK</b>: RHK setiap pegawai dan RHK staf yang mengintervensinya. "
                    "Tekan Enter pada nama pegawai untuk membukanya."
                )
            )
        )
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.setTabOrder(self.unit, self.year)
        self.setTabOrder(self.year, self.tree)

    def _connect(self) -> None:
        self.unit.currentIndexChanged.connect(lambda _index: self._fill())
        self.year.valueChanged.connect(lambda _year: self._fill())
        self.tree.itemActivated.connect(self._open_person)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

    # --- public ----------------------------------------------------------------------------

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow the account's permissions after they changed (`MainWindow`): read again."""
        self._permissions = permissions
        self.refresh()

    def refresh(self) -> None:
        """Read the units and the cascade again, keeping the chosen unit when it still exists."""
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        try:
            fill_unit_combo(
                self.unit, units_within(self._staff.units(), self._permissions.headed_units)
            )
            if not self._permissions.heads_units and self._own_root() is not None:
                self.unit.addItem("Pegawai yang Anda nilai", None)
            index = self.unit.findData(chosen) if chosen is not None else -1
            self.unit.setCurrentIndex(max(index, 0) if self.unit.count() else -1)
        finally:
            self.unit.blockSignals(False)
        self._fill()

    def selected_unit(self) -> int | None:
        value = self.unit.currentData()
        return int(value) if value is not None else None

    def _own_root(self) -> int | None:
        """The account's own person, whose cascade a penilai (heading no unit) sees."""
        return self._permissions.principal.employee_id

    # --- filling ---------------------------------------------------------------------------

    def _fill(self) -> None:
        self.tree.clear()
        unit_id = self.selected_unit()
        own = self._own_root() if not self._permissions.heads_units else None
        if unit_id is None and own is None:
            self.summary.setText("Belum ada unit kerja. Tambahkan unit di halaman Struktur.")
            return
        year = self.year.value()
        try:
            if unit_id is None and own is not None:
                nodes = [self._cascade.tree(own, year)]
            else:
                nodes = self._cascade.for_unit(unit_id or 0, year)
        except DomainError as error:
            show_error(self, "Kaskade tidak dapat ditampilkan", error)
            self.summary.setText("")
            return
        items = [self._person_item(node, year) for node in nodes]
        self.tree.addTopLevelItems(items)
        self.tree.expandAll()
        if items:
            self.summary.setText(summarise(nodes).text)
            self.tree.setCurrentItem(items[0])
        else:
            self.summary.setText("Belum ada pegawai aktif di unit ini.")

    def _person_item(self, node: CascadeNode, year: int) -> QTreeWidgetItem:
        person = node.employee
        if node.skp_status is None:
            status = f"Belum ada SKP {year}"
        else:
            status = f"SKP {node.skp_status.label}"
        item = QTreeWidgetItem([person.full_name, person.jabatan, status])
        item.setData(0, EMPLOYEE_ROLE, person.id)
        item.setData(0, KIND_ROLE, "person")
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if node.skp_status is None:
            item.setForeground(2, QBrush(MUTED_COLOUR))
            item.setToolTip(
                2, f"Belum ada SKP tahun {year}; buka pegawai ini (Enter) untuk menyusunnya."
            )
        for rhk in node.rhks:
            item.addChild(self._rhk_item(rhk))
        for child in node.children:
            item.addChild(self._person_item(child, year))
        return item

    def _rhk_item(self, rhk: CascadeRhk) -> QTreeWidgetItem:
        notes = []
        if rhk.serves_nothing:
            notes.append(UNLINKED_TIP)
        if rhk.unserved:
            notes.append(UNSERVED_TIP)
        served = f"{len(rhk.served_by)} RHK staf" if rhk.served_by else ""
        item = QTreeWidgetItem([rhk.label, "", "; ".join(notes) or served])
        item.setData(0, KIND_ROLE, "rhk")
        item.setData(0, RHK_ROLE, rhk.id)
        if notes:
            self._flag(item, "\n".join(notes))
        for serving in rhk.served_by:
            item.addChild(_serving_item(serving))
        return item

    def _flag(self, item: QTreeWidgetItem, tip: str) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        item.setIcon(0, icon)
        for column in range(self.tree.columnCount()):
            item.setForeground(column, QBrush(FLAG_COLOUR))
            item.setToolTip(column, tip)

    def _open_person(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND_ROLE) == "person":
            self.employee_requested.emit(int(item.data(0, EMPLOYEE_ROLE)))


def _serving_item(serving: ServingRhk) -> QTreeWidgetItem:
    item = QTreeWidgetItem([f"↳ {serving.text}", serving.employee_name, serving.kind.label])
    item.setData(0, KIND_ROLE, "serving")
    item.setData(0, RHK_ROLE, serving.rhk_id)
    item.setToolTip(0, f"{serving.employee_name}: {serving.text}")
    return item
