"""Rekap Pemda: per OPD and period, how far the appraisal is; one tab per view, and its XLSX.

Opened from Sebaran Predikat ("Rekap Pemda…"). The year and period are chosen at the top; the
recap is read off the GUI thread (a hub holds thousands of people) and shown in four tabs, the
sheets of the workbook "Ekspor XLSX…" writes: Progres per OPD, Sebaran predikat, IKM,
Pengaduan & temuan. Nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.hub.recap import (
    HubRecap,
    HubRecapService,
    OpdDistribution,
    OpdRecap,
)
from kinerja_desktop.services.hub.workbook import NOT_IN_SCHEME, write_recap
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, fit_columns, resize_within_screen, show_message
from kinerja_desktop.ui.workers import run_in_background

PROGRESS_HEADINGS = ("OPD", "Periode", "Pegawai", *(stage.heading for stage in Stage))
#: Two-line headings, so the counts keep narrow columns and the findings have the room.
SPREAD_HEADINGS = (
    "OPD",
    "Predikat\norganisasi",
    *(predikat.label.replace(" ", "\n", 1).replace("/", "/\n") for predikat in Predikat),
    "Belum\nberpredikat",
    "Keterangan",
)
IKM_HEADINGS = ("OPD", "Unit layanan", "Survei", "Responden", "IKM", "Mutu pelayanan")
RECORDS_HEADINGS = (
    "OPD",
    "Pengaduan terbuka",
    "Pengaduan terlambat",
    "Temuan terbuka",
    "Temuan terlambat",
)
#: A cell: its text and its tooltip ("" for none).
Cell = tuple[str, str]


def _table(name: str, headings: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headings))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    return table


def _fill(
    table: QTableWidget,
    rows: Sequence[Sequence[Cell]],
    *,
    long_text: int,
    total: bool = False,
    row_lines: int = 1,
) -> None:
    """Put ``rows`` in ``table``; numbers right-aligned, the last row bold when ``total``."""
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, (text, tip) in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(tip or text)
            if text[:1].isdigit() and column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if total and number == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(number, column, item)
    fit_columns(table, long_text, row_lines=row_lines)


def _opd(opd: OpdRecap) -> Cell:
    return opd.name, f"{opd.name} ({opd.instansi_name})" if opd.instansi_name else opd.name


def _period(opd: OpdRecap) -> Cell:
    """The OPD's period; "—" where its instansi's scheme has no such period."""
    if opd.period is None:
        return "—", NOT_IN_SCHEME
    return opd.period.label, opd.period.range_text


def progress_rows(recap: HubRecap) -> list[list[Cell]]:
    """The Progres per OPD tab: "24 (100,0%)" per stage, the whole office last."""
    return [
        [
            _opd(opd),
            ("", "") if opd is recap.total else _period(opd),
            (str(opd.people), ""),
            *(
                (
                    f"{count.done} ({count.percent_text})",
                    f"{count.stage.label}: {count.done} dari {count.total} pegawai",
                )
                for count in opd.stages
            ),
        ]
        for opd in (*recap.opds, recap.total)
    ]


def spread_rows(recap: HubRecap) -> list[list[Cell]]:
    """The Sebaran predikat tab: people per predikat and the check; findings in the tooltip."""
    rows = []
    for opd in recap.opds:
        spread = opd.distribution
        if spread is None:
            blank = [("", "")] * (len(Predikat) + 2)
            rows.append([_opd(opd), *blank, ("Di luar unit yang Anda pimpin", "")])
            continue
        rows.append(
            [
                _opd(opd),
                (spread.org.label if spread.org is not None else "—", ""),
                *((str(spread.counts[predikat]), "") for predikat in Predikat),
                (str(spread.undecided), "Belum memiliki predikat periode ini"),
                (_verdict(spread), spread.findings_text),
            ]
        )
    return rows


def _verdict(spread: OpdDistribution) -> str:
    """The verdict, followed by the findings when there are some."""
    findings = spread.findings_text.replace("\n", " ")
    return f"{spread.verdict}: {findings}" if findings else spread.verdict


def ikm_rows(recap: HubRecap) -> list[list[Cell]]:
    """The IKM tab: each service unit's latest survey of the year."""
    return [
        [
            _opd(opd),
            (entry.unit_label, ""),
            (entry.survey.label, ""),
            (str(entry.respondents), ""),
            (entry.ikm_text or "—", ""),
            (entry.grade.label if entry.grade is not None else "Belum dapat dihitung", ""),
        ]
        for opd in recap.opds
        for entry in opd.ikm
    ]


def records_rows(recap: HubRecap) -> list[list[Cell]]:
    """The Pengaduan & temuan tab, the whole office last."""
    return [
        [
            _opd(opd),
            (str(opd.supervision.open_complaints), ""),
            (str(opd.supervision.overdue_complaints), ""),
            (str(opd.supervision.open_findings), ""),
            (str(opd.supervision.overdue_findings), ""),
        ]
        for opd in (*recap.opds, recap.total)
    ]


class HubRecapDialog(QDialog):
    """The Rekap Pemda of a chosen year and period, in four tabs, exportable as XLSX."""

    def __init__(
        self, service: HubRecapService, parent: QWidget | None = None, *, today: Today = date.today
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rekap Pemda")
        self._service = service
        self._today = today
        #: The recap shown; None until the first read.
        self.recap: HubRecap | None = None
        #: The read whose result is wanted: older reads that finish later are dropped.
        self._wanted = 0
        self._pending = 0
        self._build()
        day = today()
        self.year.blockSignals(True)
        self.year.setValue(day.year)
        self.year.blockSignals(False)
        self._fill_periods(service.default_period(day))
        resize_within_screen(self, 1100, 640)

    def _build(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName("Tahun")
        self.period = QComboBox()
        self.period.setAccessibleName("Periode")
        self.export_button = QPushButton("&Ekspor XLSX…")
        self.export_button.setToolTip(
            "Simpan keempat tampilan sebagai satu berkas Excel, satu lembar per tampilan."
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_file)
        year_label = QLabel("&Tahun:")
        year_label.setBuddy(self.year)
        period_label = QLabel("&Periode:")
        period_label.setBuddy(self.period)
        chooser = QHBoxLayout()
        chooser.addWidget(year_label)
        chooser.addWidget(self.year)
        chooser.addWidget(period_label)
        chooser.addWidget(self.period)
        chooser.addStretch(1)
        chooser.addWidget(self.export_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_label()
        self.progress_table = _table("Progres per OPD", PROGRESS_HEADINGS)
        self.spread_table = _table("Sebaran predikat", SPREAD_HEADINGS)
        self.ikm_table = _table("IKM unit layanan", IKM_HEADINGS)
        self.records_table = _table("Pengaduan dan temuan", RECORDS_HEADINGS)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.progress_table, "Progres per OPD")
        self.tabs.addTab(self.spread_table, "Sebaran predikat")
        self.tabs.addTab(self.ikm_table, "IKM")
        self.tabs.addTab(self.records_table, "Pengaduan && temuan")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(lambda _: self._fill_periods(self.period.currentData()))
        self.period.currentIndexChanged.connect(lambda _: self.load())

    @property
    def loading(self) -> bool:
        """Whether a read is still running (tests wait for it)."""
        return self._pending > 0

    def select(self, year: int, period_code: str) -> None:
        """Show ``period_code`` of ``year``."""
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self._fill_periods(period_code)

    def load(self) -> None:
        """Read the chosen period's recap in the background, then show it."""
        code = self.period.currentData()
        if code is None:
            return
        self._wanted += 1
        self._pending += 1
        wanted, year, today, service = self._wanted, self.year.value(), self._today(), self._service
        self.export_button.setEnabled(False)
        self.status.setText("Membaca rekap…")
        show_message(self.error, None)
        run_in_background(
            lambda: service.recap(year, code, today),
            partial(self._arrived, wanted),
            partial(self._failed, wanted),
        )

    def export_to(self, target: Path) -> Path | None:
        """Write the recap shown to ``target`` (".xlsx" added when missing); None on failure."""
        if self.recap is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            write_recap(self.recap, target)
        except DomainError as error:
            show_message(self.error, error.message)
            return None
        show_message(self.error, None)
        self.status.setText(f"{self._summary(self.recap)} Disimpan ke {target}.")
        return target

    # --- private ---------------------------------------------------------------------------

    def _fill_periods(self, code: str | None) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        for period in self._service.periods(self.year.value()):
            self.period.addItem(period.label, period.code)
        index = self.period.findData(code)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        self.load()

    def _arrived(self, wanted: int, recap: HubRecap) -> None:
        self._pending -= 1
        if wanted != self._wanted:
            return
        self.recap = recap
        self.status.setText(self._summary(recap))
        _fill(self.progress_table, progress_rows(recap), long_text=0, total=True)
        _fill(
            self.spread_table, spread_rows(recap), long_text=len(SPREAD_HEADINGS) - 1, row_lines=2
        )
        _fill(self.ikm_table, ikm_rows(recap), long_text=1)
        _fill(self.records_table, records_rows(recap), long_text=0, total=True)
        self.export_button.setEnabled(True)

    def _failed(self, wanted: int, error: Exception) -> None:
        self._pending -= 1
        if wanted != self._wanted:
            return
        message = (
            error.message
            if isinstance(error, DomainError)
            else f"Rekap tidak dapat dibaca ({type(error).__name__})."
        )
        self.status.clear()
        show_message(self.error, message)

    @staticmethod
    def _summary(recap: HubRecap) -> str:
        return (
            f"{recap.period_label} {recap.year}: {len(recap.opds)} OPD, {recap.total.people} "
            f"pegawai aktif. Pengaduan dan temuan terlambat dihitung per "
            f"{format_date_id(recap.today)}; IKM dari survei terakhir tahun {recap.year}."
        )

    def _choose_file(self) -> None:
        if self.recap is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Simpan Rekap Pemda",
            f"rekap-pemda-{self.recap.year}-{self.recap.period_code.lower()}.xlsx",
            "Excel (*.xlsx)",
        )
        if name:
            self.export_to(Path(name))
