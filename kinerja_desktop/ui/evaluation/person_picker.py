"""Choose a year and a person with an SKP that year; typing narrows the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.skp import SkpStatus
from kinerja_desktop.services.evaluation import EvaluationService, SkpPerson
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.staff.person_menu import person_menu, pop_up

_SkpRole = Qt.ItemDataRole.UserRole + 1


class PersonPicker(QWidget):
    """Year combo, search field and the list of people with an SKP that year.

    Signals:
    changed: another person (or year) was chosen.
    picked: Enter in the search field chose the first match; the caller moves on.
    place_requested(int, str): the right-click menu asked to open a person on a page (a
        `PersonPlace`).
    """

    changed = Signal()
    picked = Signal()
    place_requested = Signal(int, str)

    def __init__(
        self,
        evaluation: EvaluationService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._service = evaluation
        self._people: dict[int, SkpPerson] = {}
        self.year = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari nama atau NIP…")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        year_label = QLabel("&Tahun")
        year_label.setBuddy(self.year)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(year_label)
        layout.addWidget(self.year)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.year.currentIndexChanged.connect(lambda _index: self._fill(None, notify=True))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first_visible)
        self.list.currentItemChanged.connect(lambda *_items: self.changed.emit())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        #: The last right-click menu shown (tests trigger its actions).
        self.context_menu: QMenu | None = None

    def refresh(self) -> None:
        """Reload the years and people, keeping the current year and person (no signal)."""
        year, skp_id = self.year.currentData(), self.selected_skp_id()
        today = self._today().year
        years = self._service.years()
        self.year.blockSignals(True)
        self.year.clear()
        for value in sorted({*years, today}, reverse=True):
            self.year.addItem(str(value), value)
        wanted = year if year is not None else (today if today in years or not years else years[0])
        self.year.setCurrentIndex(max(self.year.findData(wanted), 0))
        self.year.blockSignals(False)
        self._fill(skp_id, notify=False)

    def selected_year(self) -> int:
        year = self.year.currentData()
        return int(year) if year is not None else self._today().year

    def selected_skp_id(self) -> int | None:
        item = self.list.currentItem()
        skp_id = item.data(_SkpRole) if item is not None else None
        return int(skp_id) if skp_id is not None else None

    def selected(self) -> SkpPerson | None:
        return self._people.get(self.selected_skp_id() or -1)

    def select(self, skp_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(_SkpRole) == skp_id:
                self.list.item(row).setHidden(False)
                self.list.setCurrentRow(row)
                return

    def person_menu(self, employee_id: int) -> QMenu:
        """The right-click menu of a person: open their SKP, Evaluasi, Perilaku or Cetak."""
        self.context_menu = person_menu(
            self, employee_id, lambda person, place: self.place_requested.emit(person, place.value)
        )
        return self.context_menu

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        skp_id = item.data(_SkpRole) if item is not None else None
        person = self._people.get(int(skp_id)) if skp_id is not None else None
        if person is not None:
            pop_up(self.person_menu(person.employee_id), self.list.viewport(), position)

    def select_employee(self, employee_id: int) -> bool:
        """Show the person's SKP: of the year shown, else of the latest year they have one."""
        years = [self.year.currentIndex()] + [
            index for index in range(self.year.count()) if index != self.year.currentIndex()
        ]
        for index in years:
            if index != self.year.currentIndex():
                self.year.setCurrentIndex(index)
            found = [p for p in self._people.values() if p.employee_id == employee_id]
            if found:
                self.select(found[0].skp_id)
                return True
        return False

    def _fill(self, keep: int | None, *, notify: bool) -> None:
        people = self._service.people(self.selected_year())
        self._people = {person.skp_id: person for person in people}
        self.list.blockSignals(True)
        self.list.clear()
        for person in people:
            text = f"{person.name}\n{Nip(person.nip).formatted}"
            if person.status is SkpStatus.DRAFT:
                text += " · SKP draf"
            if not person.active:
                text += " · nonaktif"
            item = QListWidgetItem(text)
            item.setData(_SkpRole, person.skp_id)
            self.list.addItem(item)
        self._filter(self.search.text())
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        chosen = next((r for r in rows if self.list.item(r).data(_SkpRole) == keep), None)
        self.list.setCurrentRow(chosen if chosen is not None else (rows[0] if rows else -1))
        self.list.blockSignals(False)
        if notify:
            self.changed.emit()

    def _filter(self, text: str) -> None:
        words = text.lower().replace(" ", "")
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(words) and words not in item.text().lower().replace(" ", ""))

    def _pick_first_visible(self) -> None:
        for row in range(self.list.count()):
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                self.picked.emit()
                return
