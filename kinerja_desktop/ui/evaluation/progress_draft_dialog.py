"""Isi dari progres harian: a period's realisation summed from the approved daily entries.

The penilai sees, per indicator, the realisation saved today beside the sum of the approved
entries, ticks the ones to apply and applies them in one step; the entries counted and the ones
left out (with why) show under the table for the row in focus. Nothing is saved until applied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.progress import ProgressEntry, format_time
from kinerja_desktop.domain.progress_realisation import IndicatorDraft, RealisationDraft
from kinerja_desktop.services.evaluation import EvaluationService, PeriodEvaluation
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.ui.common import (
    dialog_buttons,
    error_label,
    resize_within_screen,
    show_message,
    wrapped,
)

COL_APPLY, COL_INDICATOR, COL_CURRENT, COL_PROPOSAL, COL_LEFT_OUT = range(5)
_HEADERS = (
    "Terapkan",
    "RHK / indikator",
    "Realisasi sekarang",
    "Dari progres harian",
    "Tidak dihitung",
)
#: The most entries listed under the table for one indicator (a year of daily entries is long).
_DETAIL_MAX = 200


class ProgressDraftDialog(QDialog):
    """Review the realisation drafted from the daily log, then apply the ticked rows.

    Attributes:
        draft: The proposal shown (None when it could not be read; ``errors`` says why).
        evaluation: The evaluation after applying (None until applied).
    """

    def __init__(
        self,
        progress: ProgressService,
        evaluation: EvaluationService,
        skp_id: int,
        period_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._evaluation = evaluation
        self.evaluation: PeriodEvaluation | None = None
        self.setWindowTitle("Isi Realisasi dari Progres Harian")
        self.setMinimumWidth(720)
        self._build()
        self.draft: RealisationDraft | None = None
        try:
            self.draft = progress.realisation_draft(skp_id, period_code)
        except DomainError as error:
            show_message(self.errors, error.message)
        self._fill()

    def _build(self) -> None:
        self.heading = wrapped(QLabel())
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setHorizontalHeaderLabels(list(_HEADERS))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_INDICATOR, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_APPLY, 70), (COL_CURRENT, 130), (COL_PROPOSAL, 150)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COL_LEFT_OUT, 170)
        details_label = QLabel("Progres harian &indikator terpilih")
        self.details = QListWidget()
        details_label.setBuddy(self.details)
        self.errors = error_label()
        self.buttons = dialog_buttons(self, "&Terapkan yang dicentang", self.apply)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 3)
        layout.addWidget(details_label)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.table.currentCellChanged.connect(lambda row, *_rest: self._show_details(row))
        self.table.itemChanged.connect(lambda _item: self._update_button())
        resize_within_screen(self, 900, 560)

    # --- showing ---------------------------------------------------------------------------

    def _fill(self) -> None:
        draft = self.draft
        if draft is None:
            self.heading.setText("")
            self._update_button()
            return
        period = format_date_range_id(draft.period_start, draft.period_end)
        text = (
            f"Periode {draft.period_label} ({period}). Jumlah realisasi progres harian yang "
            "sudah disetujui, per indikator, bila satuannya sama dengan satuan indikator. "
            "Centang yang akan dipakai; realisasi lain tidak berubah."
        )
        if draft.orphans:
            text += (
                f" {len(draft.orphans)} progres harian periode ini tidak dihitung karena RHK-nya "
                "sudah dihapus dari SKP."
            )
        if not draft.any_proposal:
            text += " Belum ada progres harian disetujui yang dapat dijumlah."
        self.heading.setText(text)
        self.table.blockSignals(True)
        self.table.setRowCount(len(draft.indicators))
        for row, indicator in enumerate(draft.indicators):
            self._fill_row(row, indicator)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        if draft.indicators:
            self.table.setCurrentCell(0, COL_INDICATOR)
        self._update_button()

    def _fill_row(self, row: int, indicator: IndicatorDraft) -> None:
        apply = QTableWidgetItem()
        if indicator.differs:
            apply.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            # An empty realisation is filled by default; one already saved is replaced only
            # when the penilai ticks it.
            ticked = indicator.current_value is None and not indicator.current_text
            apply.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        else:
            apply.setFlags(Qt.ItemFlag.ItemIsEnabled)
            apply.setToolTip(
                indicator.not_summed
                or ("Sama dengan realisasi sekarang." if indicator.has_proposal else "")
            )
        proposal = indicator.proposal_display
        if indicator.has_proposal:
            proposal += f" ({len(indicator.counted)} kegiatan)"
        left_out = ", ".join(
            f"{count} {reason.label.lower()}"
            for reason, count in indicator.skipped_by_reason().items()
        )
        cells = (
            apply,
            QTableWidgetItem(f"{indicator.rhk_text}\n{indicator.iki.indicator}"),
            QTableWidgetItem(indicator.current_display),
            QTableWidgetItem(proposal),
            QTableWidgetItem(left_out or "—"),
        )
        for column, item in enumerate(cells):
            if column != COL_APPLY:
                item.setToolTip(item.text())
            self.table.setItem(row, column, item)

    def _show_details(self, row: int) -> None:
        self.details.clear()
        if self.draft is None or not 0 <= row < len(self.draft.indicators):
            return
        indicator = self.draft.indicators[row]
        lines = [f"{_day_time(entry)} — dihitung: {_what(entry)}" for entry in indicator.counted]
        lines += [
            f"{_day_time(found.entry)} — tidak dihitung ({found.text}): {_what(found.entry)}"
            for found in indicator.skipped
        ]
        if indicator.not_summed:
            lines.insert(0, indicator.not_summed)
        if not lines:
            lines = ["Tidak ada progres harian pada RHK indikator ini."]
        if len(lines) > _DETAIL_MAX:
            lines = [*lines[:_DETAIL_MAX], f"… dan {len(lines) - _DETAIL_MAX} lainnya"]
        self.details.addItems(lines)

    def _update_button(self) -> None:
        self.apply_button.setEnabled(bool(self.ticked()))

    # --- applying --------------------------------------------------------------------------

    def ticked(self) -> list[IndicatorDraft]:
        """The indicators whose proposal is ticked."""
        if self.draft is None:
            return []
        return [
            indicator
            for row, indicator in enumerate(self.draft.indicators)
            if (item := self.table.item(row, COL_APPLY)) is not None
            and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState() == Qt.CheckState.Checked
        ]

    def apply(self) -> None:
        """Record the ticked proposals in one transaction; stay open with the reason if refused."""
        draft, chosen = self.draft, self.ticked()
        if draft is None or not chosen:
            show_message(self.errors, "Centang paling sedikit satu indikator yang akan diisi.")
            return
        figures = {
            indicator.iki.id: (str(indicator.total), _note(indicator)) for indicator in chosen
        }
        try:
            self.evaluation = self._evaluation.record_realisations(
                draft.skp_id, draft.period_code, figures
            )
        except DomainError as error:
            show_message(self.errors, error.message)
            return
        self.accept()


def _note(indicator: IndicatorDraft) -> str:
    """The realisation's note: the one saved stays; otherwise where the figure came from."""
    if indicator.current_text:
        return indicator.current_text
    return f"Dari {len(indicator.counted)} progres harian yang disetujui"


def _day_time(entry: ProgressEntry) -> str:
    return f"{format_date_id(entry.day)} {format_time(entry.start)}"


def _what(entry: ProgressEntry) -> str:
    return f"{entry.realisation} {entry.unit} — {entry.activity}"
