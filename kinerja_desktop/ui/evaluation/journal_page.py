"""Perilaku: the behaviour journal, its filters, and a person's repeated weak spots."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Action, Permissions
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import FINAL_CODE
from kinerja_desktop.domain.reference_data import behaviour_label
from kinerja_desktop.services.evaluation.journal import JournalFilter, JournalService, Observation
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import ReasonDialog, error_label, fit_columns, show_message
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker, QuickEntryDialog

#: The most entries the table shows at once; narrower filters show the rest.
SHOWN = 1000
COLUMNS = ("Tanggal", "Pegawai", "Nilai", "Panduan", "Sifat", "Sumber", "Uraian", "Bukti")


class JournalPage(QWidget):
    """The journal with filters by person, value, period and sign, and a weak-spot panel."""

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.JOURNAL, Topic.SUPERVISION})

    def __init__(
        self,
        journal: JournalService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._journal = journal
        self._staff = staff
        #: What the account may do: entries of people it may only view are not corrected.
        self._permissions = permissions
        self._entries: list[Observation] = []

        self.person = PersonPicker(staff)
        self.person.setPlaceholderText("Semua pegawai (ketik nama atau NIP, lalu Enter)")
        self.person.picked.connect(self._person_changed)
        self.value = QComboBox()
        self.value.addItem("Semua nilai", None)
        for value in BehaviourValue:
            self.value.addItem(behaviour_label(value), value.value)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.period = QComboBox()
        self.sign = QComboBox()
        self.sign.addItem("Semua sifat", None)
        for sign in ObservationSign:
            self.sign.addItem(sign.label, sign.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari di uraian…")
        self.new_button = QPushButton("Catatan baru… (Ctrl+J)")
        self.new_button.clicked.connect(self.new_entry)
        self.filter_error = error_label()
        self.count_label = QLabel()

        self.table = self._build_table()
        self.weak_spots = QTextBrowser()
        self.weak_spots.setOpenLinks(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("<b>Perilaku yang perlu dikembangkan</b>"))
        side_layout.addWidget(self.weak_spots)

        filters = QHBoxLayout()
        for label, widget in (
            ("&Pegawai", self.person),
            ("&Nilai", self.value),
            ("&Tahun", self.year),
            ("Pe&riode", self.period),
            ("&Sifat", self.sign),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.person else 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._entry_buttons())

        self._fill_periods()
        self.value.currentIndexChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.sign.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self._year_changed)
        self.search.textChanged.connect(self.refresh)
        self.refresh()

    def _entry_buttons(self) -> QHBoxLayout:
        """The count, and what can be done with the selected entry: correct or delete it."""
        self.correction_dialog: QuickEntryDialog | None = None
        self.removal_dialog: ReasonDialog | None = None
        self.correct_button = QPushButton("&Koreksi…")
        self.remove_button = QPushButton("&Hapus… (Del)")
        self.correct_button.clicked.connect(self.correct_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.correct_button)
        row.addWidget(self.remove_button)
        return row

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.itemSelectionChanged.connect(self._show_weak_spots)
        table.itemSelectionChanged.connect(self._enable_entry_actions)
        table.doubleClicked.connect(lambda _index: self.correct_entry())
        # Right-click offers what the buttons do; Delete works while the table has the focus.
        self.correct_action = QAction("Koreksi catatan…", table)
        self.correct_action.triggered.connect(self.correct_entry)
        self.remove_action = QAction("Hapus catatan…", table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_entry)
        table.addActions([self.correct_action, self.remove_action])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    # --- filters ---------------------------------------------------------------------------

    def current_filter(self) -> JournalFilter:
        value = self.value.currentData()
        sign = self.sign.currentData()
        code = self.period.currentData()
        return JournalFilter(
            employee_id=self.person.employee_id,
            value=BehaviourValue(value) if value else None,
            period=(self.year.value(), str(code or FINAL_CODE)),
            sign=ObservationSign(sign) if sign else None,
            text=self.search.text(),
        )

    def _fill_periods(self) -> None:
        chosen = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem("Setahun", FINAL_CODE)  # AKHIR: 1 Januari–31 Desember
        try:
            periods = self._journal.periods(self.year.value(), self.person.employee_id)
        except DomainError:
            periods = []
        for period in periods:
            self.period.addItem(period.label, period.code)
        index = self.period.findData(chosen)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)

    def _person_changed(self, _employee_id: int) -> None:
        self._fill_periods()
        self.refresh()

    def _year_changed(self) -> None:
        self._fill_periods()
        self.refresh()

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the entries again with the current filters."""
        entries = self._read(self.current_filter())
        self._entries = entries
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.observed_on.strftime("%d/%m/%Y"),
                entry.employee_name,
                entry.value_label,
                str(entry.indicator) if entry.indicator else "",
                entry.sign_label + (" (serius)" if entry.serious else ""),
                entry.source_label,
                entry.text,
                entry.evidence_summary,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COLUMNS.index("Panduan") and entry.indicator_text:
                    item.setToolTip(entry.indicator_text)
                if column == COLUMNS.index("Uraian"):
                    item.setToolTip(entry.text)
                self.table.setItem(row, column, item)
        fit_columns(self.table, COLUMNS.index("Uraian"))
        more = (
            f" (ditampilkan paling banyak {SHOWN}; persempit saringan)"
            if len(entries) >= SHOWN
            else ""
        )
        self.count_label.setText(f"{len(entries)} catatan{more}")
        self._show_weak_spots()
        self._enable_entry_actions()

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow the account's permissions after they changed (see `MainWindow`)."""
        self._permissions = permissions
        self._enable_entry_actions()

    def _enable_entry_actions(self) -> None:
        """Correcting and deleting: for a selected entry about someone the account may change."""
        entry = self.selected_entry()
        refusal = (
            None
            if entry is None
            else self._permissions.person_refusal(
                entry.employee_id, entry.employee_name, Action.EDIT
            )
        )
        for control in (
            self.correct_button,
            self.remove_button,
            self.correct_action,
            self.remove_action,
        ):
            control.setEnabled(entry is not None and refusal is None)
            control.setToolTip(refusal or "")

    def _read(self, journal_filter: JournalFilter) -> list[Observation]:
        try:
            entries = self._journal.entries(journal_filter, limit=SHOWN)
        except DomainError as error:
            show_message(self.filter_error, error.message)
            return []
        show_message(self.filter_error, None)
        return entries

    def _changeable_entry(self) -> Observation | None:
        """The selected entry, when the account may change it (the buttons say why not)."""
        entry = self.selected_entry()
        if entry is None or not self._permissions.allows(entry.employee_id, Action.EDIT):
            return None
        return entry

    def selected_entry(self) -> Observation | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._entries):
            return None
        return self._entries[rows[0].row()]

    def show_person(self, employee_id: int) -> None:
        """Show one person's journal (from a list of people)."""
        self.person.set_person(self._staff.get(employee_id))

    def person_in_front(self) -> int | None:
        """The filtered person, else the selected entry's."""
        return self._focus_person()

    def _focus_person(self) -> int | None:
        if self.person.employee_id is not None:
            return self.person.employee_id
        selected = self.selected_entry()
        return selected.employee_id if selected else None

    def _show_weak_spots(self) -> None:
        employee_id = self._focus_person()
        if employee_id is None:
            self.weak_spots.setHtml(
                "<p>Pilih pegawai atau satu catatan untuk melihat perilaku yang berulang "
                "perlu dikembangkan.</p>"
            )
            return
        try:
            reports = self._journal.weak_spot_reports(employee_id, self.year.value())
        except DomainError as error:
            self.weak_spots.setPlainText(error.message)
            return
        if not reports:
            self.weak_spots.setHtml(
                "<p>Tidak ada perilaku yang tercatat negatif dua periode berturut-turut "
                f"pada tahun {self.year.value()}.</p>"
            )
            return
        parts = []
        for report in reports:
            causes = "".join(
                f"<li>{escape(format_date_id(entry.observed_on))}: {escape(entry.text)}</li>"
                for entry in report.entries
            )
            parts.append(
                f"<h4>{escape(report.title)}</h4>"
                f"<p>Periode: {escape(', '.join(report.spot.periods))}</p>"
                f"<ul>{causes}</ul>"
                f"<p><i>Usulan pengembangan:</i> {escape(report.spot.action)}</p>"
            )
        self.weak_spots.setHtml("".join(parts))

    # --- actions ---------------------------------------------------------------------------

    def new_entry(self) -> None:
        """Open quick entry for the filtered (or selected) person, then show the new entry."""
        dialog = QuickEntryDialog(
            self._journal,
            self._staff,
            self,
            employee_id=self._focus_person(),
            permissions=self._permissions,
            today=self._today,
        )
        dialog.recorded.connect(lambda _employee_id: self.refresh())
        dialog.open()

    def correct_entry(self) -> QuickEntryDialog | None:
        """Correct the selected entry in the quick-entry form, with a reason for the audit log."""
        entry = self._changeable_entry()
        if entry is None:
            return None
        dialog = QuickEntryDialog(
            self._journal,
            self._staff,
            self,
            existing=entry,
            permissions=self._permissions,
            today=self._today,
        )
        dialog.recorded.connect(lambda _employee_id: self.refresh())
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def remove_entry(self) -> ReasonDialog | None:
        """Ask for the reason, then delete the selected entry (kept in the audit log)."""
        entry = self._changeable_entry()
        if entry is None:
            return None
        dialog = ReasonDialog(
            f"Hapus catatan perilaku {entry.employee_name} tanggal "
            f"{format_date_id(entry.observed_on)} ({entry.value_label}, "
            f"{entry.sign_label.lower()})? Penghapusan, isi catatan dan alasannya dicatat di "
            f"catatan audit; rating yang diusulkan dari jurnal ikut berubah.",
            lambda reason: self._journal.remove(entry.id, reason),
            self,
            title="Hapus catatan perilaku",
            placeholder="Mis. tercatat dua kali, salah pegawai",
        )
        dialog.accepted.connect(self.refresh)
        self.removal_dialog = dialog
        dialog.open()
        return dialog
