"""The evaluation table: one row per indicator, its RHK's cells spanning the RHK's rows.

Realisation, feedback and (qualitative approach) the supervisor's assessment are edited in
place. Each committed edit is one service call; a refused value stays in its cell, marked,
with the message beside the table, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp_records import format_decimal_id
from kinerja_desktop.services.evaluation import (
    EvaluationService,
    IndicatorEvaluation,
    PeriodEvaluation,
    RhkEvaluation,
)

Index = QModelIndex | QPersistentModelIndex

HEADERS = (
    "RHK",
    "Indikator",
    "Target",
    "Realisasi",
    "Capaian",
    "Level",
    "Bukti",
    "Level RHK",
    "Umpan balik berkelanjutan",
)
(
    COL_RHK,
    COL_INDICATOR,
    COL_TARGET,
    COL_REALISATION,
    COL_ACHIEVEMENT,
    COL_LEVEL,
    COL_EVIDENCE,
    COL_RHK_LEVEL,
    COL_FEEDBACK,
) = range(len(HEADERS))
#: Cells that belong to the RHK and span its indicator rows.
RHK_COLUMNS = (COL_RHK, COL_RHK_LEVEL, COL_FEEDBACK)
_ERROR_BRUSH = QBrush(QColor("#fde7ea"))
_NOT_ASSESSED = "Belum dinilai"


@dataclass(frozen=True)
class _Row:
    rhk: RhkEvaluation
    indicator: IndicatorEvaluation | None  # None only for an RHK without indicators
    first: bool  # the RHK's first row, which holds its spanning cells
    span: int


def _percent(value: Any) -> str:
    return "—" if value is None else f"{format_decimal_id(value)}%"


class EvaluationTableModel(QAbstractTableModel):
    """The evaluation of one period as a table, edited in place.

    Signals:
    evaluation_updated(object): a save returned a new PeriodEvaluation.
    message_changed(str): the messages of the refused edits still in their cells ("" when none).
    """

    evaluation_updated = Signal(object)
    message_changed = Signal(str)

    def __init__(self, evaluation: EvaluationService) -> None:
        super().__init__()
        self._service = evaluation
        self._evaluation: PeriodEvaluation | None = None
        self._rows: list[_Row] = []
        self._errors: dict[tuple[int, int], str] = {}
        self._rejected: dict[tuple[int, int], str] = {}

    # --- content ---------------------------------------------------------------------------

    @property
    def evaluation(self) -> PeriodEvaluation | None:
        return self._evaluation

    def set_evaluation(self, evaluation: PeriodEvaluation | None) -> None:
        """Show another evaluation (another person or period); refused edits are dropped."""
        self.beginResetModel()
        self._evaluation = evaluation
        self._rows = _rows_of(evaluation)
        self._errors.clear()
        self._rejected.clear()
        self.endResetModel()

    def update(self, evaluation: PeriodEvaluation) -> None:
        """Take newer data of the same period; refused cells, editors and selection stay."""
        rows = _rows_of(evaluation)
        same_shape = [_key(row) for row in rows] == [_key(row) for row in self._rows]
        same_period = self._evaluation is not None and (
            self._evaluation.skp.id,
            self._evaluation.period.code,
        ) == (evaluation.skp.id, evaluation.period.code)
        if not (same_shape and same_period):
            self.set_evaluation(evaluation)
        else:
            self._evaluation, self._rows = evaluation, rows
            if rows:
                last = self.index(len(rows) - 1, len(HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, column, row count) of each RHK cell that spans its indicators."""
        return [
            (row, column, item.span)
            for row, item in enumerate(self._rows)
            if item.first and item.span > 1
            for column in RHK_COLUMNS
        ]

    def indicator_at(self, row: int) -> IndicatorEvaluation | None:
        return self._rows[row].indicator if 0 <= row < len(self._rows) else None

    def error_at(self, row: int, column: int) -> str:
        return self._errors.get((row, column), "")

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._editable(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _editable(self, row: int, column: int) -> bool:
        evaluation = self._evaluation
        if evaluation is None or not evaluation.editable or not 0 <= row < len(self._rows):
            return False
        item = self._rows[row]
        if column == COL_REALISATION:
            return item.indicator is not None
        if column == COL_FEEDBACK:
            return item.first
        return column == COL_RHK_LEVEL and item.first and evaluation.qualitative

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rejected.get(key, self._text(*key))
        if role == Qt.ItemDataRole.EditRole:
            return self._rejected.get(key, self._edit_text(*key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._errors.get(key) or self._tooltip(*key)
        if role == Qt.ItemDataRole.BackgroundRole and key in self._errors:
            return _ERROR_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            COL_ACHIEVEMENT,
            COL_EVIDENCE,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: int, column: int) -> str:
        item = self._rows[row]
        rhk, indicator = item.rhk, item.indicator
        if column in RHK_COLUMNS:
            if not item.first:
                return ""
            if column == COL_RHK:
                return f"{rhk.label} ({rhk.rhk.kind.label})\n{rhk.rhk.text}"
            if column == COL_FEEDBACK:
                return rhk.feedback
            return _rhk_level_text(rhk, qualitative=bool(self._evaluation.qualitative))  # type: ignore[union-attr]
        if indicator is None:
            return ""
        return {
            COL_INDICATOR: indicator.iki.indicator,
            # The period's own target when the rencana aksi has one: it is what is measured.
            COL_TARGET: indicator.period_target_display or indicator.iki.target_display,
            COL_REALISATION: indicator.realisation_display,
            COL_ACHIEVEMENT: _percent(indicator.achievement) if indicator.has_realisation else "",
            COL_LEVEL: indicator.level.label if indicator.level else "",
            COL_EVIDENCE: str(len(indicator.evidence)),
        }[column]

    def _edit_text(self, row: int, column: int) -> str:
        item = self._rows[row]
        if column == COL_FEEDBACK:
            return item.rhk.feedback
        if column == COL_RHK_LEVEL:
            return item.rhk.assessment.value if item.rhk.assessment else ""
        indicator = item.indicator
        if column == COL_REALISATION and indicator is not None:
            if indicator.value is not None:
                return format_decimal_id(indicator.value)
            return indicator.text
        return self._text(row, column)

    def _tooltip(self, row: int, column: int) -> str | None:
        indicator = self._rows[row].indicator
        if column == COL_EVIDENCE and indicator is not None:
            lines = [f"{e.kind.label}: {e.display}" for e in indicator.evidence]
            return "\n".join(lines) or "Belum ada bukti dukung. Tekan Ctrl+B untuk menambah."
        if column == COL_REALISATION and indicator is not None and indicator.text:
            return indicator.text
        if column == COL_TARGET and indicator is not None and indicator.period_target:
            return (
                f"Target periode (rencana aksi): {indicator.period_target_display}. "
                f"Target tahunan: {indicator.iki.target_display}."
            )
        rhk = self._rows[row].rhk
        if column == COL_RHK and self._rows[row].first and rhk.rencana_aksi:
            return f"Rencana aksi periode ini: {rhk.rencana_aksi}"
        return None

    # --- editing ---------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        evaluation = self._evaluation
        row, column = index.row(), index.column()
        if (
            role != Qt.ItemDataRole.EditRole
            or evaluation is None
            or not self._editable(row, column)
        ):
            return False
        typed = "" if value is None else str(value)
        key = (row, column)
        if key not in self._rejected and typed == self._edit_text(row, column):
            return True  # nothing changed: no save, no new timestamp
        try:
            updated = self._save(row, column, typed, evaluation)
        except DomainError as error:
            self._errors[key] = f"{self._where(row, column)}: {error.message}"
            self._rejected[key] = typed
            self.dataChanged.emit(index, index)
            self.message_changed.emit(self.messages())
            return False
        self._errors.pop(key, None)
        self._rejected.pop(key, None)
        self.message_changed.emit(self.messages())
        self.update(updated)
        self.evaluation_updated.emit(updated)
        return True

    def messages(self) -> str:
        """The messages of the cells whose typed value was refused, one a line, in order."""
        return "\n".join(self._errors[key] for key in sorted(self._errors))

    def _save(
        self, row: int, column: int, typed: str, evaluation: PeriodEvaluation
    ) -> PeriodEvaluation:
        item = self._rows[row]
        code = evaluation.period.code
        if column == COL_REALISATION and item.indicator is not None:
            indicator = item.indicator
            note = indicator.text if not evaluation.qualitative else ""
            return self._service.record_realisation(indicator.iki.id, code, typed, note)
        rhk = item.rhk
        if column == COL_FEEDBACK:
            return self._service.set_feedback(rhk.rhk.id, code, typed, rhk.assessment)
        assessment = Rating(typed) if typed else None
        return self._service.set_feedback(rhk.rhk.id, code, rhk.feedback, assessment)

    def _where(self, row: int, column: int) -> str:
        item = self._rows[row]
        if column == COL_REALISATION and item.indicator is not None:
            number = item.rhk.indicators.index(item.indicator) + 1
            return f"{item.rhk.label}, indikator {number}"
        return item.rhk.label


def _rows_of(evaluation: PeriodEvaluation | None) -> list[_Row]:
    if evaluation is None:
        return []
    rows: list[_Row] = []
    for rhk in evaluation.rhks:
        indicators: list[IndicatorEvaluation | None] = list(rhk.indicators) or [None]
        rows.extend(
            _Row(rhk, indicator, position == 0, len(indicators))
            for position, indicator in enumerate(indicators)
        )
    return rows


def _key(row: _Row) -> tuple[int, int | None]:
    return row.rhk.rhk.id, row.indicator.iki.id if row.indicator else None


def _rhk_level_text(rhk: RhkEvaluation, *, qualitative: bool) -> str:
    if rhk.level is None:
        return _NOT_ASSESSED if qualitative else "Belum ada realisasi"
    if rhk.achievement is not None:
        return f"{rhk.level.label} ({_percent(rhk.achievement)})"
    return rhk.level.label


class AssessmentDelegate(QStyledItemDelegate):
    """Edits the supervisor's assessment of an RHK with a combo of the three ratings."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(_NOT_ASSESSED, "")
        for rating in Rating:
            combo.addItem(rating.label, rating.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
