"""Beranda's Progres Harian chart: this month's filled days against working days, per unit.

Each unit is one painted bar (QPainter: QtCharts is not installed) with its percentage; the
people below the threshold are named under it. It reads off the GUI thread
(``ui/workers.run_in_background``) and stays hidden while nobody keeps a daily log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id, month_name_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    # Annotations only: Beranda is built at start, the daily log's services on first use.
    from kinerja_desktop.services.progress.office_month import OfficeMonth, UnitMonth

_GOOD = QColor("#2e7d32")
_LOW = QColor("#c62828")
_TRACK = QColor("#e0e0e0")
#: The most people named under a bar; the rest are counted.
_NAMES_SHOWN = 6
#: The tallest the list of bars grows before it scrolls (Beranda fits 1280x720).
_MAX_HEIGHT = 170


class UnitBar(QWidget):
    """One unit: its name, then a bar of filled against working days with the numbers."""

    def __init__(self, unit: UnitMonth, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self._threshold = threshold
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.text())
        self.setAccessibleName(self.text())

    def text(self) -> str:
        """E.g. "Seksi Pelayanan: 34 dari 40 hari kerja terisi (85%), 3 pegawai"."""
        unit = self.unit
        return (
            f"{unit.unit_name}: {unit.filled_days} dari {unit.working_days} hari kerja terisi "
            f"({unit.percent}%), {unit.people} pegawai"
        )

    def sizeHint(self) -> QSize:
        return QSize(400, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.height()
        label_width = min(260, self.width() // 3)
        numbers_width = self.fontMetrics().horizontalAdvance("888 / 888 (100%)") + 8
        bar_width = max(self.width() - label_width - numbers_width - 8, 20)
        name = self.fontMetrics().elidedText(
            self.unit.unit_name, Qt.TextElideMode.ElideRight, label_width - 6
        )
        painter.drawText(
            QRectF(0, 0, label_width - 6, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            name,
        )
        track = QRectF(label_width, 3, bar_width, height - 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_TRACK)
        painter.drawRoundedRect(track, 3, 3)
        share = min(self.unit.percent, 100) / 100
        painter.setBrush(_GOOD if self.unit.percent >= self._threshold else _LOW)
        filled = QRectF(track.left(), track.top(), bar_width * share, track.height())
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            QRectF(track.right() + 8, 0, numbers_width, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{self.unit.filled_days} / {self.unit.working_days} ({self.unit.percent}%)",
        )
        painter.end()


class CompletenessChart(QWidget):
    """The month's chart of the daily log; hidden while nobody keeps one.

    Signals:
    employee_requested(int): a named person was clicked (their link).
    """

    employee_requested = Signal(int)

    def __init__(
        self, read_month: Callable[[], OfficeMonth], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._read_month = read_month
        self.loading = False
        self.month: OfficeMonth | None = None
        self.bars: list[UnitBar] = []
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows_layout.setSpacing(2)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._rows)
        self.scroll_area.setMaximumHeight(_MAX_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area)
        self.hide()

    def refresh(self) -> None:
        """Read the month again in the background; the chart shows it when it arrives."""
        self.loading = True
        run_in_background(self._read_month, self.show_month, self._failed)

    def show_month(self, month: OfficeMonth) -> None:
        self.loading = False
        self.month = month
        for bar in self.bars:
            bar.deleteLater()
        while self._rows_layout.count():
            item = self._rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bars = []
        self.status.hide()
        if not month.units:
            self.hide()  # nobody keeps a daily log in the app: nothing to chart
            return
        self.title.setText(
            f"<b>Kelengkapan progres harian {month_name_id(month.month)} {month.year}</b> "
            f"(hari kerja terisi s.d. {format_date_id(month.counted_until)}; merah: di bawah "
            f"{month.threshold}%)"
        )
        for unit in month.units:
            bar = UnitBar(unit, month.threshold)
            self._rows_layout.addWidget(bar)
            self.bars.append(bar)
            if unit.below:
                self._rows_layout.addWidget(self._below_label(unit, month.threshold))
        self._rows_layout.addStretch(1)
        self.show()

    def _below_label(self, unit: UnitMonth, threshold: int) -> QLabel:
        shown = unit.below[:_NAMES_SHOWN]
        names = ", ".join(
            f'<a href="{row.employee_id}">{_escape(row.name)}</a> ({row.completeness.percent}%)'
            for row in shown
        )
        more = len(unit.below) - len(shown)
        if more > 0:
            names += f" dan {more} lainnya"
        label = QLabel(f"Di bawah {threshold}%: {names}")
        label.setWordWrap(True)
        label.setIndent(12)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(lambda link: self.employee_requested.emit(int(link)))
        return label

    def _failed(self, error: Exception) -> None:
        self.loading = False
        message = error.message if isinstance(error, DomainError) else str(error)
        self.status.setText(f"Kelengkapan progres harian tidak dapat dibaca: {message}")
        self.status.show()
        self.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
