"""Pegawai: the staff list with search-as-you-type, unit filter and a person's summary."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.services.evaluation.behaviour import BehaviourService
from kinerja_desktop.services.evaluation.journal import JournalService
from kinerja_desktop.services.staff.service import StaffFilter, StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.staff.person_menu import PersonPlace, person_menu, place_links, pop_up
from kinerja_desktop.ui.staff.table_model import StaffTableModel
from kinerja_desktop.ui.units import fill_unit_combo

#: Milliseconds of typing pause before the list is filtered again.
SEARCH_DELAY_MS = 120


class StaffPage(QWidget):
    """The searchable staff list with a summary of the selected person.

    Signals:
    edit_requested(int): the user asked to edit the person with this id.
    place_requested(int, str): the user asked to open the person on a page (a `PersonPlace`),
        from the right-click menu or the summary's links.
    person_shown(int): the summary now shows this person (0: nobody), e.g. for the window's
        person actions to follow.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.JOURNAL})

    edit_requested = Signal(int)
    place_requested = Signal(int, str)
    person_shown = Signal(int)

    def __init__(
        self,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        journal: JournalService | None = None,
        behaviour: BehaviourService | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._staff = staff
        self._journal = journal
        self._behaviour = behaviour
        #: The last right-click menu shown (tests trigger its actions).
        self.context_menu: QMenu | None = None
        self.model = StaffTableModel(staff)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari nama, NIP, jabatan, atau unit… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumContentsLength(24)
        self.show_inactive = QCheckBox("Tampilkan nonaktif")
        self.count_label = QLabel()
        self.add_button = QPushButton("&Tambah pegawai")
        self.edit_button = QPushButton("&Ubah")
        #: Opens "Pejabat di luar kantor" (the main window connects it).
        self.officials_button = QPushButton("Pejabat di &luar kantor…")
        self.table = QTableView()
        # Sort state first, model second: enabling sorting on a set model sorts (queries) again.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((230, 175, 230, 50, 170)):
            self.table.setColumnWidth(column, width)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setMinimumWidth(260)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.unit_filter, 2)
        bar.addWidget(self.show_inactive)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.officials_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filter)
        self.unit_filter.currentIndexChanged.connect(self.apply_filter)
        self.show_inactive.toggled.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._request_edit())
        self.table.activated.connect(lambda _index: self._request_edit())
        self.edit_button.clicked.connect(self._request_edit)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.details.linkActivated.connect(self._link)

    # --- behaviour -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload units and the list after a change elsewhere, keeping the selection."""
        selected = self.selected_id()
        current_unit = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        fill_unit_combo(self.unit_filter, self._staff.units(), all_label="Semua unit")
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(current_unit), 0))
        self.unit_filter.blockSignals(False)
        self.apply_filter()
        if selected is not None:
            self.select(selected)

    def apply_filter(self) -> None:
        unit_id = self.unit_filter.currentData()
        current = self.model.staff_filter
        self.model.set_filter(
            StaffFilter(
                text=self.search.text(),
                unit_ids=self._staff.unit_with_descendants(unit_id) if unit_id else None,
                include_inactive=self.show_inactive.isChecked(),
                sort=current.sort,
                descending=current.descending,
            )
        )
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} pegawai ditampilkan".replace(",", "."))
        if count and self.selected_id() is None:
            self.table.selectRow(0)  # shows the details through selectionChanged
        else:
            self._show_details(self.selected_id())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.employee_id(rows[0].row()) if rows else None

    def person_in_front(self) -> int | None:
        return self.selected_id()

    def select(self, employee_id: int) -> None:
        row = self.model.row_of(employee_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def person_menu(self, employee_id: int) -> QMenu:
        """The right-click menu of a person: open their SKP, Evaluasi, Perilaku or Cetak."""
        self.context_menu = person_menu(self, employee_id, self._request_place)
        return self.context_menu

    def _context_menu(self, position: QPoint) -> None:
        row = self.table.rowAt(position.y())
        employee_id = self.model.employee_id(row) if row >= 0 else None
        if employee_id is None:
            return
        self.table.selectRow(row)
        pop_up(self.person_menu(employee_id), self.table.viewport(), position)

    def _request_place(self, employee_id: int, place: PersonPlace) -> None:
        self.place_requested.emit(employee_id, place.value)

    def _link(self, target: str) -> None:
        employee_id = self.selected_id()
        places = {place.value: place for place in PersonPlace}
        if employee_id is not None and target in places:
            self._request_place(employee_id, places[target])

    def _request_edit(self) -> None:
        employee_id = self.selected_id()
        if employee_id is not None:
            self.edit_requested.emit(employee_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details(self.selected_id())

    def _show_details(self, employee_id: int | None) -> None:
        self.edit_button.setEnabled(employee_id is not None)
        if employee_id is None:
            self.details.setText("<i>Pilih seorang pegawai untuk melihat ringkasannya.</i>")
        else:
            self.details.setText(self._details_html(employee_id))
        self.person_shown.emit(employee_id or 0)

    def _details_html(self, employee_id: int) -> str:
        today = self._today()
        profile = self._staff.profile(employee_id, today)
        person, appraisers = profile.employee, profile.appraisers
        penilai = appraisers.penilai.full_name if appraisers.penilai else "—"
        if appraisers.acting is not None:
            penilai = f"{appraisers.acting.kind.label} {penilai}"
        atasan = appraisers.atasan_penilai.full_name if appraisers.atasan_penilai else "—"
        if appraisers.penilai_official is not None:
            penilai = appraisers.penilai_official.label
        if appraisers.atasan_official is not None:
            atasan = appraisers.atasan_official.label
        periods = ", ".join(period.label for period in profile.periods)
        history = "".join(
            f"<li>{format_date_id(event.event_date)}: {event.kind.label}"
            f"{' — ' + _escape(event.note) if event.note else ''}</li>"
            for event in profile.history
        )
        status = "Aktif" if person.active else "Nonaktif"
        return (
            f"<h3>{_escape(person.full_name)}</h3>"
            f"<p>NIP {person.nip_formatted}<br>{person.status.value} · "
            f"{_escape(profile.golongan.display)}"
            f"<br>{_escape(person.jabatan)} ({person.jabatan_kind.label})"
            f"<br>{_escape(profile.unit_name)}<br>Status: {status}</p>"
            f"<p><b>Pejabat Penilai:</b> {_escape(penilai)}"
            f"<br><b>Atasan Pejabat Penilai:</b> {_escape(atasan)}</p>"
            f"<p><b>Periode {today.year}:</b> {periods or '—'}</p>"
            f"{self._predikat_html(employee_id)}{place_links()}"
            f"{self._weak_spots_html(employee_id, today.year)}"
            f"<p><b>Riwayat:</b></p><ul>{history}</ul>"
        )

    def _predikat_html(self, employee_id: int) -> str:
        """The person's latest Predikat Kinerja, with its period."""
        if self._behaviour is None:
            return ""
        latest = self._behaviour.latest_predikat(employee_id)
        if latest is None:
            return "<p><b>Predikat terakhir:</b> belum ada</p>"
        objection = " (ditetapkan atas keberatan)" if latest.on_objection else ""
        return (
            f"<p><b>Predikat terakhir:</b> {_escape(latest.predikat.label)}{objection}"
            f"<br>{_escape(latest.period_label)} {latest.year}</p>"
        )

    def _weak_spots_html(self, employee_id: int, year: int) -> str:
        """The person's repeated weak spots, flagged where the supervisor looks first."""
        if self._journal is None or not (self._staff.get(employee_id).active):
            return ""
        reports = self._journal.weak_spot_reports(employee_id, year)
        if not reports:
            return ""
        items = "".join(
            f"<li>{_escape(report.title)}<br><i>{_escape(report.spot.action)}</i></li>"
            for report in reports
        )
        return (
            "<p style='color:#8a4b00'><b>⚠ Perilaku yang perlu dikembangkan (berulang):</b></p>"
            f"<ul>{items}</ul>"
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
