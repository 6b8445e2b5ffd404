"""Progres Harian: a person's week, its entries and their review; the unit's month beside it.

The week shows Monday to Sunday as rows, each day off with its reason, and every entry under its
day with its time, RHK, what was done, realisation, status and the penilai's note. A selected
entry is acted on alone; a selected day acts on all its entries that can take the action.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id, month_name_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.progress import ProgressEntry, ProgressStatus, journal_note
from kinerja_desktop.services.evaluation.journal import JournalService
from kinerja_desktop.services.progress.calendar import CalendarService
from kinerja_desktop.services.progress.service import DayView, ProgressService, WeekView
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker, QuickEntryDialog
from kinerja_desktop.ui.progress.calendar_tab import CalendarTab
from kinerja_desktop.ui.progress.ekinerja_dialog import ekinerja_button
from kinerja_desktop.ui.progress.entry_dialog import EntryDialog
from kinerja_desktop.ui.progress.return_dialog import ReturnDialog
from kinerja_desktop.ui.progress.unit_view import UnitCompletenessView

COLUMNS = ("Hari / jam", "RHK", "Kegiatan harian", "Realisasi", "Status", "Catatan penilai")
_DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_STATUS_COLOURS = {
    ProgressStatus.DRAF: "#616161",
    ProgressStatus.DIAJUKAN: "#1565c0",
    ProgressStatus.DISETUJUI: "#2e7d32",
    ProgressStatus.DIKEMBALIKAN: "#b00020",
}
_DAY_ROLE = Qt.ItemDataRole.UserRole
_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def day_title(view: DayView) -> str:
    """E.g. "Kamis, 19 Maret 2026 — Libur nasional: Hari Suci Nyepi"."""
    title = f"{_DAY_NAMES[view.day.weekday()]}, {format_date_id(view.day)}"
    return f"{title} — {view.day_off.text}" if view.day_off else title


class WeekPanel(QWidget):
    """One person's week with the actions on it."""

    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.SKP, Topic.PROGRESS})

    def __init__(
        self,
        progress: ProgressService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        journal: JournalService | None = None,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._staff = staff
        self._journal = journal
        self._permissions = permissions
        self._today = today
        #: The last observation opened from an entry ("Jadikan catatan perilaku…").
        self.journal_dialog: QuickEntryDialog | None = None
        self.week: WeekView | None = None
        self._shown_day = today()
        self.person = PersonPicker(staff, self)
        self.person.picked.connect(lambda _id: self.refresh())
        self.range_label = QLabel()
        self.month_label = QLabel()
        self.message = error_label()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 220)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda _item, _column: self.edit())

        self.previous_button = QPushButton("◀ Minggu &lalu")
        self.next_button = QPushButton("Minggu &depan ▶")
        self.this_week_button = QPushButton("Minggu &ini")
        self.previous_button.clicked.connect(lambda: self.show_day(self._shown_day - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_day(self._shown_day + timedelta(7)))
        self.this_week_button.clicked.connect(lambda: self.show_day(self._today()))
        self.add_button = QPushButton("&Tambah… (Ins)")
        self.edit_button = QPushButton("&Ubah…")
        self.delete_button = QPushButton("&Hapus")
        self.submit_button = QPushButton("A&jukan")
        self.copy_button = QPushButton("&Salin hari sebelumnya")
        self.approve_button = QPushButton("Se&tujui")
        self.return_button = QPushButton("&Kembalikan…")
        self.evidence_button = QPushButton("Buka &bukti dukung")
        self.journal_button = QPushButton("Jadikan catata&n perilaku…")
        self.journal_button.setToolTip(
            "Catat progres terpilih sebagai catatan perilaku pegawai: tanggal, uraian dan "
            "asal catatan sudah terisi; pilih nilai BerAKHLAK dan sifatnya."
        )
        self.journal_button.setVisible(journal is not None)
        for button, slot in (
            (self.add_button, self.add),
            (self.edit_button, self.edit),
            (self.delete_button, self.delete),
            (self.submit_button, self.submit),
            (self.copy_button, self.copy_previous),
            (self.approve_button, self.approve),
            (self.return_button, self.return_selected),
            (self.evidence_button, self.open_evidence),
            (self.journal_button, self.to_journal),
        ):
            button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        caption = QLabel("&Pegawai")
        caption.setBuddy(self.person)
        top.addWidget(caption)
        top.addWidget(self.person, 2)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            top.addWidget(button)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.submit_button,
            self.copy_button,
            self.evidence_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        # The penilai's actions on a row of their own: with the journal's they would widen the
        # page past a 1280-pixel screen.
        review = QHBoxLayout()
        review.addStretch(1)
        review.addWidget(QLabel("Penilai:"))
        review.addWidget(self.approve_button)
        review.addWidget(self.return_button)
        review.addWidget(self.journal_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.range_label)
        layout.addWidget(self.month_label)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addLayout(review)

    # --- showing ---------------------------------------------------------------------------

    def show_person(self, employee_id: int, day: date | None = None) -> None:
        """Show ``employee_id``'s week (holding ``day``, or the day shown now)."""
        self._shown_day = day or self._shown_day
        try:
            person = self._staff.get(employee_id)
        except DomainError as error:
            show_message(self.message, error.message)
            return
        self.person.set_person(person)

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow a change of the account's permissions (the journal form offers by them)."""
        self._permissions = permissions

    def person_in_front(self) -> int | None:
        """The person whose week is shown (Ctrl+H and Ctrl+J start with them)."""
        return self.person.employee_id

    def show_day(self, day: date) -> None:
        self._shown_day = day
        self.refresh()

    def refresh(self) -> None:
        """Read the person's week (and month) again, keeping the selection where it can."""
        employee_id = self.person.employee_id
        kept = self._selection_key()
        self.tree.clear()
        self.week = None
        if employee_id is None:
            self.range_label.setText("Pilih pegawai untuk melihat progres hariannya.")
            self.month_label.clear()
            self._update_buttons()
            return
        try:
            self.week = self._progress.week(employee_id, self._shown_day)
            month = self._progress.month_completeness(
                employee_id, self._shown_day.year, self._shown_day.month
            )
        except DomainError as error:
            show_message(self.message, error.message)
            self._update_buttons()
            return
        show_message(self.message, None)
        self.range_label.setText(
            f"{self.week.employee_name}: {format_date_range_id(self.week.start, self.week.end)}"
        )
        self.month_label.setText(
            f"{month_name_id(self._shown_day.month)} {self._shown_day.year}: "
            f"{month.filled_days} dari {month.working_days} hari kerja terisi "
            f"({month.percent}%), {month.approved_days} disetujui."
        )
        for view in self.week.days:
            self._add_day(view)
        self.tree.expandAll()
        self._select(kept)
        self._update_buttons()

    def _add_day(self, view: DayView) -> None:
        day_item = QTreeWidgetItem([day_title(view)])
        day_item.setData(0, _DAY_ROLE, view.day.isoformat())
        font = day_item.font(0)
        font.setBold(True)
        day_item.setFont(0, font)
        if view.day_off is not None:
            day_item.setForeground(0, QBrush(QColor("#757575")))
        day_item.setFirstColumnSpanned(False)
        self.tree.addTopLevelItem(day_item)
        for entry in view.entries:
            returned = entry.status is ProgressStatus.DIKEMBALIKAN
            item = QTreeWidgetItem(
                [
                    entry.times,
                    entry.rhk_text or "(RHK sudah dihapus)",
                    entry.activity,
                    f"{entry.realisation} {entry.unit}",
                    entry.status.label,
                    entry.review_note if returned else "",
                ]
            )
            item.setData(0, _DAY_ROLE, view.day.isoformat())
            item.setData(0, _ENTRY_ROLE, entry.id)
            item.setForeground(4, QBrush(QColor(_STATUS_COLOURS[entry.status])))
            proof = entry.evidence.file_name if entry.evidence else entry.evidence_link
            item.setToolTip(
                2, f"{entry.activity}\nBukti dukung: {proof}" if proof else entry.activity
            )
            day_item.addChild(item)

    def _selection_key(self) -> tuple[str, int | None] | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        return str(items[0].data(0, _DAY_ROLE)), items[0].data(0, _ENTRY_ROLE)

    def _select(self, key: tuple[str, int | None] | None) -> None:
        for index in range(self.tree.topLevelItemCount()):
            day_item = self.tree.topLevelItem(index)
            if day_item is None:
                continue
            wanted = key or (self._shown_day.isoformat(), None)
            if day_item.data(0, _DAY_ROLE) != wanted[0]:
                continue
            target = day_item
            for child in range(day_item.childCount()):
                found = day_item.child(child)
                if found is not None and found.data(0, _ENTRY_ROLE) == wanted[1]:
                    target = found
            self.tree.setCurrentItem(target)
            return

    # --- what is selected ------------------------------------------------------------------

    def selected_day(self) -> date | None:
        key = self._selection_key()
        return date.fromisoformat(key[0]) if key else None

    def selected_entries(self) -> list[ProgressEntry]:
        """The selected entry, or every entry of the selected day."""
        key = self._selection_key()
        if key is None or self.week is None:
            return []
        day = date.fromisoformat(key[0])
        entries = [e for view in self.week.days if view.day == day for e in view.entries]
        return [e for e in entries if e.id == key[1]] if key[1] is not None else entries

    def _update_buttons(self) -> None:
        week = self.week
        writer = bool(week and week.may_write)
        reviewer = bool(week and week.may_review)
        chosen = self.selected_entries()
        key = self._selection_key()
        single = key is not None and key[1] is not None and len(chosen) == 1
        self.add_button.setEnabled(writer)
        self.copy_button.setEnabled(writer and self.selected_day() is not None)
        self.edit_button.setEnabled(writer and single and chosen[0].status.editable)
        self.delete_button.setEnabled(writer and single and chosen[0].status.editable)
        self.submit_button.setEnabled(writer and any(e.status.editable for e in chosen))
        self.evidence_button.setEnabled(
            single and bool(chosen[0].evidence or chosen[0].evidence_link)
        )
        can_review = reviewer and any(e.status.reviewable for e in chosen)
        self.approve_button.setEnabled(can_review)
        self.return_button.setEnabled(can_review)
        self.journal_button.setEnabled(reviewer and single)

    # --- actions ---------------------------------------------------------------------------

    def _act(self, action: Callable[[], object]) -> bool:
        """Run a service call; show its refusal on the page. True when it went through."""
        try:
            action()
        except DomainError as error:
            show_message(self.message, error.message)
            return False
        show_message(self.message, None)
        return True

    def add(self) -> None:
        if self.week is None or not self.week.may_write:
            return
        day = self.selected_day() or min(self._today(), self.week.end)
        self._open_dialog(day, None)

    def edit(self) -> None:
        chosen = self.selected_entries()
        if self.week is None or len(chosen) != 1 or not self.edit_button.isEnabled():
            return
        self._open_dialog(chosen[0].day, chosen[0])

    def _open_dialog(self, day: date, entry: ProgressEntry | None) -> None:
        assert self.week is not None
        dialog = EntryDialog(
            self._progress, self.week.employee_id, self.week.rhks, day, self, entry=entry
        )
        if dialog.exec() and dialog.saved is not None:
            self._shown_day = dialog.saved.day
            self.refresh()
            self._select((dialog.saved.day.isoformat(), dialog.saved.id))

    def delete(self) -> None:
        chosen = self.selected_entries()
        if len(chosen) != 1 or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            "Hapus progres harian",
            f"Hapus progres {format_date_id(chosen[0].day)} pukul {chosen[0].times}?",
        )
        if answer == QMessageBox.StandardButton.Yes and self._act(
            lambda: self._progress.delete(chosen[0].id)
        ):
            self.refresh()

    def submit(self) -> None:
        ids = [e.id for e in self.selected_entries() if e.status.editable]
        if ids and self._act(lambda: self._progress.submit(ids)):
            self.refresh()

    def copy_previous(self) -> None:
        day = self.selected_day()
        if self.week is None or day is None:
            return
        employee_id = self.week.employee_id
        if self._act(lambda: self._progress.copy_day(employee_id, day)):
            self.refresh()

    def evidence_url(self, entry: ProgressEntry) -> QUrl:
        """Where an entry's evidence is: its stored file (checked intact) or its link.

        Raises:
            DomainError: the stored copy is missing or changed.
        """
        if entry.evidence is not None:
            return QUrl.fromLocalFile(str(self._progress.evidence_path(entry.id)))
        link = entry.evidence_link
        if link.lower().startswith(("http://", "https://", "file:")):
            return QUrl(link)
        return QUrl.fromLocalFile(link)

    def open_evidence(self) -> None:
        chosen = self.selected_entries()
        if len(chosen) != 1:
            return
        try:
            url = self.evidence_url(chosen[0])
        except DomainError as error:
            show_message(self.message, error.message)
            return
        QDesktopServices.openUrl(url)

    def approve(self) -> None:
        ids = [e.id for e in self.selected_entries() if e.status.reviewable]
        if ids and self._act(lambda: self._progress.approve(ids)):
            self.refresh()

    def return_selected(self) -> None:
        ids = [e.id for e in self.selected_entries() if e.status.reviewable]
        if ids and ReturnDialog(self._progress, ids, self).exec():
            self.refresh()

    def to_journal(self) -> QuickEntryDialog | None:
        """Open the journal's entry form on the selected entry, prefilled.

        The penilai picks the value and the sign, and saves; the observation's evidence note
        names the entry it came from.
        """
        chosen = self.selected_entries()
        if self._journal is None or len(chosen) != 1 or not self.journal_button.isEnabled():
            return None
        entry = chosen[0]
        dialog = QuickEntryDialog(
            self._journal,
            self._staff,
            self,
            employee_id=entry.employee_id,
            permissions=self._permissions,
            today=self._today,
        )
        dialog.prefill(entry.day, entry.activity, evidence_note=journal_note(entry))
        self.journal_dialog = dialog
        dialog.open()
        return dialog


class ProgressPage(QTabWidget):
    """The page: a person's week, the unit's month as a chart of bars, and the calendar."""

    SHOWS: ClassVar[frozenset[Topic]] = (
        WeekPanel.SHOWS | UnitCompletenessView.SHOWS | CalendarTab.SHOWS
    )

    def __init__(
        self,
        progress: ProgressService,
        calendar: CalendarService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        journal: JournalService | None = None,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self.week = WeekPanel(
            progress, staff, journal=journal, permissions=permissions, today=today
        )
        self.unit = UnitCompletenessView(progress, staff, today=today)
        self.calendar = CalendarTab(calendar, staff, today=today)
        self.addTab(self.week, "Minggu &pegawai")
        self.addTab(self.unit, "Kelengkapan &unit")
        self.addTab(self.calendar, "Hari libur && &cuti")
        self.unit.person_requested.connect(self.open_person)
        self.ekinerja_button = ekinerja_button(
            progress, staff, self, person=lambda: self.week.person.employee_id, today=today
        )
        self.setCornerWidget(self.ekinerja_button)

    def open_person(self, employee_id: int) -> None:
        self.setCurrentWidget(self.week)
        self.week.show_person(employee_id)

    def refresh(self) -> None:
        self.week.refresh()
        self.unit.refresh()
        self.calendar.refresh()
