"""The IKM of service units across survey periods, drawn with QPainter (no QtCharts).

The value axis runs from 25 to 100 with the grade bands behind the lines (D below 65, C to
76,60, B to 88,30, A above), so a point's grade reads at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: (lower bound, grade, band colour): the grade table of reference/skm.json, for drawing.
BANDS = (
    (25.0, "D", "#fde2e1"),
    (65.0, "C", "#fff1d6"),
    (76.61, "B", "#e3f1e0"),
    (88.31, "A", "#d7ecf8"),
)
LINE_COLOURS = ("#1f5fa8", "#b5430d", "#2c7a3f", "#7b3fa0", "#8a6d00", "#006d77")
_LOW, _HIGH = 25.0, 100.0
_ZOOM_FROM = 50.0


@dataclass(frozen=True)
class Series:
    """One unit's line: its label and (period label, IKM or None) in time order."""

    label: str
    points: tuple[tuple[str, float | None], ...]


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[Series, ...] = ()
        self._low = _LOW
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def series(self) -> tuple[Series, ...]:
        return self._series

    def set_series(self, series: list[Series]) -> None:
        self._series = tuple(series)
        self.update()

    def periods(self) -> list[str]:
        """Every period on the x axis, in the order first met."""
        seen: list[str] = []
        for line in self._series:
            for label, _ in line.points:
                if label not in seen:
                    seen.append(label)
        return seen

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        legend_height = 18 * max(1, len(self._series))
        # Room for the first and last period's labels and values beside the points.
        plot = QRectF(
            84, 12, max(10, self.width() - 160), max(10, self.height() - 40 - legend_height)
        )
        self._low = self._lower_bound()
        self._bands(painter, plot)
        periods = self.periods()
        if not periods:
            painter.setPen(QColor("#555555"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "Belum ada survei dengan hasil.")
            painter.end()
            return
        step = plot.width() / max(1, len(periods) - 1) if len(periods) > 1 else 0.0

        def x_of(label: str) -> float:
            index = periods.index(label)
            return plot.center().x() if len(periods) == 1 else plot.left() + index * step

        painter.setPen(QColor("#333333"))
        for label in periods:
            painter.drawText(
                QRectF(x_of(label) - 60, plot.bottom() + 2, 120, 16),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        for index, line in enumerate(self._series):
            colour = QColor(LINE_COLOURS[index % len(LINE_COLOURS)])
            painter.setPen(QPen(colour, 2))
            previous: QPointF | None = None
            for label, value in line.points:
                if value is None:
                    previous = None
                    continue
                point = QPointF(x_of(label), self._y(plot, value))
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.setBrush(colour)
                painter.drawEllipse(point, 3.5, 3.5)
                painter.drawText(point + QPointF(5, -5), f"{value:.2f}".replace(".", ","))
                previous = point
            top = plot.bottom() + 20 + 18 * index
            painter.fillRect(QRectF(plot.left(), top + 5, 14, 4), colour)
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(plot.left() + 20, top, plot.width() - 20, 16), line.label)
        painter.end()

    def _lower_bound(self) -> float:
        """50 unless a value is below it: the scale starts at 25, mostly empty space."""
        values = [value for line in self._series for _, value in line.points if value is not None]
        return _LOW if values and min(values) < _ZOOM_FROM else _ZOOM_FROM

    def _y(self, plot: QRectF, value: float) -> float:
        share = (min(_HIGH, max(self._low, value)) - self._low) / (_HIGH - self._low)
        return plot.bottom() - share * plot.height()

    def _bands(self, painter: QPainter, plot: QRectF) -> None:
        edges = [*(low for low, _, _ in BANDS), _HIGH]
        for (low, grade, colour), high in zip(BANDS, edges[1:], strict=True):
            top, bottom = self._y(plot, high), self._y(plot, max(low, self._low))
            if bottom - top < 1:
                continue
            painter.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), QColor(colour))
            painter.setPen(QColor("#777777"))
            painter.drawText(
                QRectF(plot.left() - 40, top, 36, bottom - top), Qt.AlignmentFlag.AlignCenter, grade
            )
        painter.setPen(QColor("#999999"))
        painter.drawRect(plot)
        painter.drawText(
            QRectF(plot.left() - 84, plot.bottom() - 8, 40, 16),
            Qt.AlignmentFlag.AlignRight,
            f"{self._low:.0f}",
        )
