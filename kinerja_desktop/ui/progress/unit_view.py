"""A unit's month of daily progress: one bar per person, filled to their working days.

Each row says how many of the person's working days (weekends, holidays, the office's days off
and their leave left out) have an entry submitted or approved, up to today in a running month.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import ClassVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id, month_name_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.progress.service import ProgressService, UnitCompleteness
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.units import fill_unit_combo
from kinerja_desktop.ui.workers import run_in_background

COLUMNS = ("Nama", "NIP", "Hari kerja", "Terisi", "Disetujui", "Kelengkapan")
BAR_COLUMN = COLUMNS.index("Kelengkapan")


class UnitCompletenessView(QWidget):
    """The chosen unit's month, person by person.

    Signals:
        person_requested(int): a person was opened (double-click) to see their week.
    """

    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.PROGRESS})

    person_requested = Signal(int)

    def __init__(
        self,
        progress: ProgressService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._staff = staff
        self._today = today
        self.data: UnitCompleteness | None = None
        self._loading = False
        #: Counts refreshes, so an answer that arrives after a newer request is dropped.
        self._generation = 0
        self.unit = QComboBox()
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(month_name_id(number), number)
        self.month.setCurrentIndex(today().month - 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.summary = QLabel()
        self.message = error_label()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(BAR_COLUMN, 220)
        self.table.doubleClicked.connect(self._open_person)
        top = QHBoxLayout()
        for text, widget in (("&Unit", self.unit), ("&Bulan", self.month), ("T&ahun", self.year)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 2 if widget is self.unit else 0)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._fill_units()
        self.unit.currentIndexChanged.connect(lambda _index: self.refresh())
        self.month.currentIndexChanged.connect(lambda _index: self.refresh())
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.refresh()

    def _fill_units(self) -> None:
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        fill_unit_combo(self.unit, self._staff.units())
        index = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)

    @property
    def loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Read the chosen unit's month again, off the GUI thread.

        A whole office of 20,000 people takes a second or two; only the latest request's
        answer is shown.
        """
        self._fill_units()
        unit_id = self.unit.currentData()
        self._generation += 1
        generation = self._generation
        if unit_id is None:
            self.table.setRowCount(0)
            self.data = None
            self.summary.setText("Belum ada unit.")
            return
        year, month = self.year.value(), int(self.month.currentData())
        self._loading = True
        self.summary.setText("Memuat…")
        run_in_background(
            lambda: self._progress.unit_completeness(int(unit_id), year, month),
            partial(self._loaded, generation),
            partial(self._failed, generation),
        )

    def _current(self, generation: int) -> bool:
        """Whether an answer is still wanted: the latest request, for a view not closed since."""
        return generation == self._generation and shiboken6.isValid(self)

    def _loaded(self, generation: int, data: UnitCompleteness) -> None:
        if not self._current(generation):
            return
        self._loading = False
        self.data = data
        show_message(self.message, None)
        self._show(data)

    def _failed(self, generation: int, error: Exception) -> None:
        if not self._current(generation):
            return
        self._loading = False
        self.data = None
        self.table.setRowCount(0)
        self.summary.clear()
        show_message(self.message, error.message if isinstance(error, DomainError) else str(error))

    def _show(self, data: UnitCompleteness) -> None:
        month = f"{month_name_id(data.month)} {data.year}"
        complete = sum(1 for row in data.people if row.completeness.missing == ())
        self.summary.setText(
            f"{data.unit_name}, {month}: dihitung sampai {format_date_id(data.counted_until)}; "
            f"{complete} dari {len(data.people)} pegawai lengkap."
        )
        self.table.setRowCount(0)
        self.table.setRowCount(len(data.people))
        for row, person in enumerate(data.people):
            found = person.completeness
            cells = (
                person.name,
                person.nip,
                str(found.working_days),
                str(found.filled_days),
                str(found.approved_days),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.employee_id)
                self.table.setItem(row, column, item)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(found.percent)
            bar.setFormat(f"{found.percent}%")
            bar.setToolTip(f"{found.filled_days} dari {found.working_days} hari kerja terisi")
            self.table.setCellWidget(row, BAR_COLUMN, bar)

    def _open_person(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.person_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
