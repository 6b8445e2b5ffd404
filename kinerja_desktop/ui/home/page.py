"""Beranda: what needs the supervisor's attention today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.home.attention import AttentionService
from kinerja_desktop.services.home.period_progress import InstansiProgress, PeriodProgressService
from kinerja_desktop.services.staff.service import InstansiOverview, StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.home.completeness_chart import CompletenessChart
from kinerja_desktop.ui.home.progress_view import ProgressView
from kinerja_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from kinerja_desktop.services.progress.office_month import OfficeMonth


class HomePage(QWidget):
    """The list of items that need attention.

    Signals:
    employee_requested(int): the user opened an item about one person.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset(
        {
            Topic.STAFF,
            Topic.SKP,
            Topic.EVALUATION,
            Topic.JOURNAL,
            Topic.DEVELOPMENT,
            Topic.SUPERVISION,
            Topic.PROGRESS,
        }
    )

    employee_requested = Signal(int)

    def __init__(
        self,
        attention: AttentionService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        progress: PeriodProgressService | None = None,
        daily: Callable[[], OfficeMonth] | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._attention = attention
        self._staff = staff
        self._progress = progress
        #: One view per instansi with people the account sees, rebuilt at each refresh.
        self.progress_views: list[ProgressView] = []
        self.heading = QLabel("<h2>Beranda</h2>")
        self.office = QLabel()
        self.office.setTextFormat(Qt.TextFormat.RichText)
        self.office.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.itemActivated.connect(self._open)
        attention_area = QWidget()
        attention_layout = QVBoxLayout(attention_area)
        attention_layout.setContentsMargins(0, 0, 0, 0)
        attention_layout.addWidget(QLabel("<b>Perlu perhatian</b>"))
        attention_layout.addWidget(self.summary)
        attention_layout.addWidget(self.items, 10)
        attention_layout.addStretch(1)  # keeps the texts at the top when the list is hidden
        # The daily log's month per unit (hidden while nobody keeps a log).
        self.daily_chart = CompletenessChart(daily) if daily is not None else None
        if self.daily_chart is not None:
            self.daily_chart.employee_requested.connect(self.employee_requested)
            attention_layout.insertWidget(0, self.daily_chart)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.office)
        if progress is None:
            layout.addWidget(attention_area, 1)
        else:
            # Both halves shrink and scroll, so Beranda fits a small laptop screen.
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.addWidget(self._progress_area())
            splitter.addWidget(attention_area)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([360, 240])
            layout.addWidget(splitter, 1)
        self._loading = False
        self._progress_loading = False
        self._overview_loading = False
        self.refresh()

    def _progress_area(self) -> QWidget:
        area = QWidget()
        self.period = QComboBox()
        self.period.setAccessibleName("Periode")
        self.period.addItem("Periode berjalan", None)
        self.period.currentIndexChanged.connect(lambda _index: self._load_progress())
        period_label = QLabel("&Periode:")
        period_label.setBuddy(self.period)
        top = QHBoxLayout()
        top.addWidget(
            QLabel("<b>Kemajuan periode</b> (klik sebuah batang untuk melihat siapa yang belum)"), 1
        )
        top.addWidget(period_label)
        top.addWidget(self.period)
        self.progress_status = QLabel()
        self.progress_status.setWordWrap(True)
        self.progress_holder = QVBoxLayout()
        self.progress_holder.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress_status)
        layout.addLayout(self.progress_holder, 1)
        return area

    def refresh(self) -> None:
        """Reload, in the background, the office overview and the attention checks."""
        today = self._today()
        if not self.office.text():
            self.office.setText("Memuat…")  # a refresh keeps the overview it shows meanwhile
        self.summary.setText("Memeriksa hal yang perlu perhatian…")
        self._loading = True
        self._overview_loading = True
        # The reads start on the event loop's next turn: at the app's start the window is
        # painted first, before the checks (and the modules they import) compete with it for
        # the interpreter. The page is the timer's context: a page closed meanwhile reads
        # nothing.
        QTimer.singleShot(0, self, lambda: self._start_reads(today))

    def _start_reads(self, today: date) -> None:
        # The overview counts the active people of every unit (a 20,000-person register):
        # read off the GUI thread like the rest.
        run_in_background(
            lambda: self._staff.overview(today), self._show_overview, self._overview_failed
        )
        run_in_background(
            lambda: self._attention.items(today), self._show_items, self._show_failure
        )
        self._load_progress()
        if self.daily_chart is not None:
            self.daily_chart.refresh()

    @property
    def loading(self) -> bool:
        chart = self.daily_chart
        return (
            self._loading
            or self._progress_loading
            or self._overview_loading
            or (chart is not None and chart.loading)
        )

    def _show_overview(self, found: list[InstansiOverview]) -> None:
        self._overview_loading = False
        self.office.setText(
            "<br>".join(_overview_line(entry) for entry in found)
            or "Belum ada instansi. Tambahkan di halaman Struktur atau impor daftar pegawai."
        )

    def _overview_failed(self, error: Exception) -> None:
        self._overview_loading = False
        message = error.message if isinstance(error, DomainError) else str(error)
        self.office.setText(f"Ringkasan kantor tidak dapat dibaca: {message}")

    def _load_progress(self) -> None:
        if self._progress is None:
            return
        today, code = self._today(), self.period.currentData()
        service = self._progress
        self._progress_loading = True
        run_in_background(
            lambda: service.running(today, code), self._show_progress, self._progress_failed
        )

    def _show_progress(self, found: tuple[InstansiProgress, ...]) -> None:
        self._progress_loading = False
        for view in self.progress_views:
            self.progress_holder.removeWidget(view)
            view.deleteLater()
        self.progress_views = []
        for instansi in found:
            view = ProgressView(instansi)
            view.employee_requested.connect(self.employee_requested)
            self.progress_holder.addWidget(view, 1)
            self.progress_views.append(view)
        self.progress_status.setText(
            ""
            if found
            else "Belum ada pegawai aktif yang dapat Anda lihat. Tambahkan pegawai di halaman "
            "Pegawai atau impor daftar pegawai."
        )
        self.progress_status.setVisible(not found)
        if found and self.period.count() == 1:  # the choices follow the first scheme
            self.period.blockSignals(True)
            for period in found[0].periods:
                self.period.addItem(period.label, period.code)
            self.period.blockSignals(False)

    def _progress_failed(self, error: Exception) -> None:
        self._progress_loading = False
        message = error.message if isinstance(error, DomainError) else str(error)
        self.progress_status.setText(f"Kemajuan periode tidak dapat dibaca: {message}")
        self.progress_status.show()

    def _show_items(self, found: list[AttentionItem]) -> None:
        self._loading = False
        self.items.clear()
        important = sum(item.severity is Severity.PENTING for item in found)
        if not found:
            self.summary.setText("Tidak ada yang perlu ditindaklanjuti hari ini.")
        else:
            self.summary.setText(
                f"{len(found)} hal perlu perhatian; {important} di antaranya penting. "
                "Tekan Enter pada sebuah butir untuk membuka pegawainya."
            )
        self.items.setVisible(bool(found))
        for entry in found:
            mark = "⚠" if entry.severity is Severity.PENTING else "ℹ"
            item = QListWidgetItem(f"{mark}  {entry.title}\n      {entry.detail}")
            item.setData(Qt.ItemDataRole.UserRole, list(entry.employee_ids))
            self.items.addItem(item)

    def _show_failure(self, error: Exception) -> None:
        self._loading = False
        message = error.message if isinstance(error, DomainError) else str(error)
        self.summary.setText(f"Pemeriksaan tidak selesai: {message}")

    def _open(self, item: QListWidgetItem) -> None:
        ids = item.data(Qt.ItemDataRole.UserRole) or []
        if ids:
            self.employee_requested.emit(int(ids[0]))


def _overview_line(entry: InstansiOverview) -> str:
    name = entry.name.replace("&", "&amp;").replace("<", "&lt;")
    period = (
        f"periode berjalan <b>{entry.current_period.label}</b> "
        f"({format_date_range_id(entry.current_period.start, entry.current_period.end)})"
        if entry.current_period
        else "tidak ada periode berjalan"
    )
    scheme = entry.scheme.label if entry.scheme_set else f"{entry.scheme.label} (bawaan)"
    return (
        f"<b>{name}</b>: {entry.active_staff} pegawai aktif · tahun {entry.year}, "
        f"evaluasi {scheme} · {period}"
    )
