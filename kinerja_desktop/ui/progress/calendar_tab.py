"""Hari libur dan cuti: the year's days off the daily log is counted against, and leave days.

National holidays come from the holidays package and are shown read-only; the office adds the
year's cuti bersama (from the SKB) and its local days off (admin only); a person's leave is
marked as a span, of which only the working days are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.working_days import OFFICE_KINDS, DayOffKind
from kinerja_desktop.services.progress.calendar import CalendarService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker

COLUMNS = ("Tanggal", "Jenis", "Keterangan")
_DAY_ROLE = Qt.ItemDataRole.UserRole


def _day(edit: QDateEdit) -> date:
    picked: QDate = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class CalendarTab(QWidget):
    """The year's days off (national read-only, the office's editable) and people's leave."""

    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.PROGRESS})

    def __init__(
        self,
        calendar: CalendarService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._calendar = calendar
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.message = error_label()
        self.days = QTableWidget(0, len(COLUMNS))
        self.days.setHorizontalHeaderLabels(list(COLUMNS))
        self.days.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days.verticalHeader().hide()
        self.days.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.day = _date_edit(today())
        self.kind = QComboBox()
        for kind in OFFICE_KINDS:
            self.kind.addItem(kind.label, kind.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText("mis. Cuti bersama Idul Fitri")
        self.save_day_button = QPushButton("&Simpan hari libur")
        self.remove_day_button = QPushButton("&Hapus hari libur terpilih")
        self.save_day_button.clicked.connect(self.save_day)
        self.remove_day_button.clicked.connect(self.remove_day)

        self.person = PersonPicker(staff, self)
        self.person.picked.connect(lambda _id: self._show_leave())
        self.leave_start = _date_edit(today())
        self.leave_end = _date_edit(today())
        self.leave_note = QLineEdit()
        self.leave_note.setPlaceholderText("mis. Cuti tahunan")
        self.mark_leave_button = QPushButton("&Tandai cuti")
        self.unmark_leave_button = QPushButton("Hapus c&uti")
        self.mark_leave_button.clicked.connect(self.mark_leave)
        self.unmark_leave_button.clicked.connect(self.unmark_leave)
        self.leave_days = QListWidget()
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        caption = QLabel("T&ahun")
        caption.setBuddy(self.year)
        top.addWidget(caption)
        top.addWidget(self.year)
        top.addStretch(1)
        office = QGroupBox("Cuti bersama dan libur lokal kantor (admin)")
        office_form = QFormLayout(office)
        office_form.addRow("Tanggal", self.day)
        office_form.addRow("Jenis", self.kind)
        office_form.addRow("Keterangan", self.name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_day_button)
        buttons.addWidget(self.remove_day_button)
        office_form.addRow(buttons)
        leave = QGroupBox("Cuti pegawai")
        leave_form = QFormLayout(leave)
        leave_form.addRow("Pegawai", self.person)
        leave_form.addRow("Dari", self.leave_start)
        leave_form.addRow("Sampai", self.leave_end)
        leave_form.addRow("Keterangan", self.leave_note)
        leave_buttons = QHBoxLayout()
        leave_buttons.addWidget(self.mark_leave_button)
        leave_buttons.addWidget(self.unmark_leave_button)
        leave_form.addRow(leave_buttons)
        leave_form.addRow(self.leave_days)
        side = QVBoxLayout()
        side.addWidget(office)
        side.addWidget(leave, 1)
        body = QHBoxLayout()
        body.addWidget(self.days, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def refresh(self) -> None:
        """Read the year's days off and the chosen person's leave again."""
        year = self._calendar.year(self.year.value())
        rows = sorted([*year.national, *year.office], key=lambda found: found.day)
        self.days.setRowCount(len(rows))
        grey = QBrush(QColor("#616161"))
        for row, found in enumerate(rows):
            for column, text in enumerate(
                (format_date_id(found.day), found.kind.label, found.name)
            ):
                item = QTableWidgetItem(text)
                item.setData(_DAY_ROLE, found.day.isoformat() if found.kind in OFFICE_KINDS else "")
                if found.kind is DayOffKind.LIBUR_NASIONAL:
                    item.setForeground(grey)
                    item.setToolTip("Libur nasional dari paket holidays; tidak dapat diubah.")
                self.days.setItem(row, column, item)
        self._show_leave()

    def _show_leave(self) -> None:
        self.leave_days.clear()
        employee_id = self.person.employee_id
        if employee_id is None:
            return
        try:
            found = self._calendar.leave_days(employee_id, self.year.value())
        except DomainError as error:
            show_message(self.message, error.message)
            return
        for day, note in sorted(found.items()):
            self.leave_days.addItem(f"{format_date_id(day)}{f' — {note}' if note else ''}")

    def _act(self, action: Callable[[], object]) -> None:
        """Run a service call and read again; show a refusal instead."""
        try:
            action()
        except DomainError as error:
            show_message(self.message, error.message)
            return
        show_message(self.message, None)
        self.refresh()

    def selected_office_day(self) -> date | None:
        item = self.days.item(self.days.currentRow(), 0)
        text = item.data(_DAY_ROLE) if item is not None else ""
        return date.fromisoformat(text) if text else None

    def save_day(self) -> None:
        day, kind, name = _day(self.day), str(self.kind.currentData()), self.name.text()
        self._act(lambda: self._calendar.set_office_day(day, kind, name))

    def remove_day(self) -> None:
        day = self.selected_office_day()
        if day is None:
            show_message(
                self.message, "Pilih cuti bersama atau libur lokal di daftar untuk dihapus."
            )
            return
        self._act(lambda: self._calendar.remove_office_day(day))

    def mark_leave(self) -> None:
        employee_id = self.person.employee_id
        if employee_id is None:
            show_message(self.message, "Pilih pegawai dulu: ketik sebagian nama atau NIP.")
            return
        start, end, note = _day(self.leave_start), _day(self.leave_end), self.leave_note.text()
        self._act(lambda: self._calendar.set_leave(employee_id, start, end, note))

    def unmark_leave(self) -> None:
        employee_id = self.person.employee_id
        if employee_id is None:
            show_message(self.message, "Pilih pegawai dulu: ketik sebagian nama atau NIP.")
            return
        start, end = _day(self.leave_start), _day(self.leave_end)
        self._act(lambda: self._calendar.remove_leave(employee_id, start, end))
