"""The unit's development at a glance: which competences most need work, JP per person, follow-up.

Charts are drawn with QPainter (QtCharts is not shipped, to keep the installer small). The export
writes the training plan the personnel office merges into the agency's plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.development import ItemStatus
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.development.overview import (
    DevelopmentOverviewService,
    UnitDevelopment,
)
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.units import fill_unit_combo
from kinerja_desktop.ui.workers import run_in_background

PEOPLE_COLUMNS = (
    "NIP",
    "Nama",
    "Unit",
    "JPM",
    "Di bawah standar",
    "JP selesai",
    "Kegiatan selesai",
    "Terlambat",
    "Perlu ditinjau",
)
JP_COLUMN = PEOPLE_COLUMNS.index("JP selesai")
#: Competences shown in the chart; the table and the export have them all.
CHART_BARS = 8
BAR_COLOUR = QColor("#c0504d")
PROGRESS_COLOUR = QColor("#4f81bd")
DONE_COLOUR = QColor("#2e7d32")
WARNING_COLOUR = QColor("#b00020")
#: Where the JP bar's value and minimum are kept on the cell.
JP_ROLE = Qt.ItemDataRole.UserRole + 1


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    tooltip: str = ""


class BarChart(QWidget):
    """Horizontal bars with their labels and values; a title above; "no data" when empty."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: tuple[Bar, ...] = ()
        self._empty_text = "Belum ada data."
        self.setMinimumHeight(160)

    def set_bars(self, bars: Sequence[Bar], empty_text: str = "Belum ada data.") -> None:
        self._bars = tuple(bars)
        self._empty_text = empty_text
        self.update()

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def sizeHint(self) -> QSize:
        return QSize(360, 40 + 24 * max(len(self._bars), 3))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = self.rect().adjusted(8, 4, -8, -4)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(area.left(), area.top() + line, self._title)
        painter.setFont(self.font())
        top = area.top() + line + 8
        if not self._bars or max(bar.value for bar in self._bars) == 0:
            painter.drawText(area.left(), top + line, self._empty_text)
            return
        label_width = min(
            max(metrics.horizontalAdvance(bar.label) for bar in self._bars) + 8,
            area.width() // 2,
        )
        highest = max(bar.value for bar in self._bars)
        value_width = metrics.horizontalAdvance(str(highest)) + 10
        room = max(area.width() - label_width - value_width, 10)
        step = max(min((area.bottom() - top) // len(self._bars), line + 10), line + 2)
        for index, bar in enumerate(self._bars):
            y = top + index * step
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(area.left(), y, label_width - 8, step - 2),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                label,
            )
            width = room * bar.value / highest
            painter.fillRect(QRectF(area.left() + label_width, y + 3, width, step - 8), BAR_COLOUR)
            painter.drawText(
                QRect(int(area.left() + label_width + width + 4), y, value_width, step - 2),
                int(Qt.AlignmentFlag.AlignVCenter),
                str(bar.value),
            )


class JpBarDelegate(QStyledItemDelegate):
    """Draws "12,5 / 20" over a bar filled to the share of the minimum reached."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        values = index.data(JP_ROLE)
        if not values:
            super().paint(painter, option, index)
            return
        done, minimum = values
        rect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.setPen(QColor("#9e9e9e"))
        painter.drawRect(rect)
        share = min(done / minimum, 1.0) if minimum else 1.0
        filled = QRectF(
            rect.left() + 1, rect.top() + 1, (rect.width() - 1) * share, rect.height() - 1
        )
        painter.fillRect(filled, DONE_COLOUR if share >= 1 else PROGRESS_COLOUR)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data()))
        painter.restore()


class UnitDevelopmentView(QWidget):
    """The unit head's view of a unit's development for a year, with the XLSX export.

    Signals:
        person_requested(int): The user opened a person (double-click) to see their plan.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset(
        {Topic.STAFF, Topic.EVALUATION, Topic.JOURNAL, Topic.DEVELOPMENT}
    )

    person_requested = Signal(int)

    def __init__(
        self,
        overview: DevelopmentOverviewService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._overview = overview
        self._staff = staff
        self._data: UnitDevelopment | None = None
        self._loading = False
        self._generation = 0

        self.unit = QComboBox()
        fill_unit_combo(self.unit, staff.units(), all_label="Semua unit")
        self.unit.currentIndexChanged.connect(lambda _index: self.refresh())
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.export_button = QPushButton("Ekspor rencana pelatihan (XLSX)…")
        self.export_button.clicked.connect(self.export)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = error_label()
        self.notice = QLabel()
        self.notice.hide()
        self.needs_chart = BarChart(
            "Kompetensi yang paling perlu dikembangkan (pegawai di bawah standar)"
        )
        self.status_chart = BarChart("Kegiatan pengembangan menurut status")
        self.people = QTableWidget(0, len(PEOPLE_COLUMNS))
        self.people.setHorizontalHeaderLabels(list(PEOPLE_COLUMNS))
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.verticalHeader().hide()
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.people.setItemDelegateForColumn(JP_COLUMN, JpBarDelegate(self.people))
        self.people.setColumnWidth(JP_COLUMN, 110)
        self.people.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.people.setColumnWidth(2, 180)
        self.people.doubleClicked.connect(self._open_person)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for text, widget in (("&Unit", self.unit), ("&Tahun", self.year)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 2 if widget is self.unit else 0)
        top.addStretch(1)
        top.addWidget(self.export_button)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.needs_chart)
        charts.addWidget(self.status_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addWidget(charts, 1)
        layout.addWidget(self.people, 2)

    @property
    def data(self) -> UnitDevelopment | None:
        return self._data

    @property
    def loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Read the chosen unit and year again, off the GUI thread.

        A large office takes a second or two; only the latest request's answer is shown.
        """
        show_message(self.message, None)
        self._generation += 1
        generation = self._generation
        year, unit_id = self.year.value(), self.unit.currentData()
        self._loading = True
        self.summary.setText("Memuat…")
        run_in_background(
            lambda: self._overview.unit(year, self._today(), unit_id),
            partial(self._loaded, generation),
            partial(self._failed, generation),
        )

    def _loaded(self, generation: int, data: UnitDevelopment) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._data = data
        self._show()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._data = None
        message = error.message if isinstance(error, DomainError) else str(error)
        show_message(self.message, f"Data unit tidak dapat dibaca: {message}")
        self._show()

    def _show(self) -> None:
        data = self._data
        lines = data.people if data else ()
        self.people.setRowCount(len(lines))
        for row, line in enumerate(lines):
            plan = line.plan
            counted = len(plan.items) - line.count(ItemStatus.DIBATALKAN)
            done = line.count(ItemStatus.SELESAI)
            cells = (
                line.person.nip_formatted,
                line.person.full_name,
                line.unit_name,
                f"{_number(line.jpm.percent)}% {line.jpm.label}" if line.jpm else "—",
                str(line.below_standard) if line.below_standard else "",
                (
                    f"{_number(plan.jp.done)} / {_number(plan.minimum)}"
                    if plan.minimum is not None
                    else f"{_number(plan.jp.done)} ({plan.minimum_text})"
                ),
                f"{done} dari {counted}" if counted else "",
                str(line.overdue) if line.overdue else "",
                str(line.to_review) if line.to_review else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setData(Qt.ItemDataRole.UserRole, line.person.id)
                    if plan.lapsed:
                        cell.setForeground(WARNING_COLOUR)
                        cell.setToolTip("Rencana terhenti: belum ada kegiatan selesai.")
                if column == JP_COLUMN and plan.minimum is not None:
                    cell.setData(JP_ROLE, (float(plan.jp.done), float(plan.minimum)))
                if column == PEOPLE_COLUMNS.index("Terlambat") and line.overdue:
                    cell.setForeground(WARNING_COLOUR)
                self.people.setItem(row, column, cell)
        self._show_charts()
        self._show_summary()

    def _show_charts(self) -> None:
        data = self._data
        needs = [need for need in (data.needs if data else ()) if need.people_below]
        self.needs_chart.set_bars(
            [
                Bar(
                    f"{need.competence.code} {need.competence.name}",
                    need.people_below,
                    f"{need.levels_short} level kurang dari {need.rated} pegawai dinilai",
                )
                for need in needs[:CHART_BARS]
            ],
            "Belum ada kompetensi yang dinilai di bawah standar.",
        )
        counts: dict[str, int] = {}
        for _line, entry in data.items if data else ():
            label = entry.item.status.label
            counts[label] = counts.get(label, 0) + 1
        self.status_chart.set_bars(
            [Bar(status.label, counts.get(status.label, 0)) for status in ItemStatus],
            "Belum ada kegiatan pengembangan tahun ini.",
        )

    def _show_summary(self) -> None:
        data = self._data
        if data is None or not data.people:
            self.summary.setText("Tidak ada pegawai aktif di unit ini.")
            return
        people = len(data.people)
        reached = sum(1 for line in data.people if line.plan.shortfall == 0)
        with_plan = sum(1 for line in data.people if line.plan.items)
        lapsed = len(data.lapsed)
        parts = [
            f"{people} pegawai",
            f"{with_plan} punya rencana pengembangan",
            f"{reached} sudah mencapai minimum JP",
        ]
        if lapsed:
            parts.append(f"<span style='color:#b00020'>{lapsed} rencana terhenti</span>")
        self.summary.setText(" · ".join(parts))

    def _open_person(self) -> None:
        rows = self.people.selectionModel().selectedRows()
        cell = self.people.item(rows[0].row(), 1) if rows else None
        if cell is not None:
            self.person_requested.emit(int(cell.data(Qt.ItemDataRole.UserRole)))

    def export(self) -> Path | None:
        """Ask where to save and write the training plan; the path written, or None."""
        data = self._data
        if data is None:
            return None
        suggested = f"rencana-pengembangan-{data.year}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, "Ekspor rencana pelatihan", suggested, "Excel (*.xlsx)"
        )
        if not name:
            return None
        target = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        try:
            written = self._overview.export_xlsx(data, target, today=self._today())
        except DomainError as error:
            show_message(self.message, error.message)
            return None
        show_message(self.message, None)
        show_message(self.notice, f"Rencana pelatihan tersimpan di {written}")
        return written
