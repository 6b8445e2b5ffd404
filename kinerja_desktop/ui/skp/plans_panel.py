"""The SKP's Rencana Aksi tab: per period, each RHK's rencana aksi and each indicator's target.

One table per period, typed straight in: an RHK's row takes its rencana aksi, an indicator's row
its target for the period (on the indicator's scale, chosen beside it). Arrows move, typing
starts editing, Enter ends it; Simpan rencana (Alt+M, or Ctrl+S on this tab) saves the period
in one go. A refused save marks the cells it names, with the message in their tooltip and
under the table. Written while the SKP is a draft (`PlanService`); read-only otherwise, with
the reason shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp_records import format_decimal_id
from kinerja_desktop.services.skp.plans import (
    PeriodPlan,
    PlanEdits,
    PlanService,
    rencana_field,
    target_field,
)
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message, wrapped

COLUMNS = ("Uraian", "Target tahunan", "Skala target", "Rencana aksi / target periode")
COL_TEXT, COL_ANNUAL, COL_SCALE, COL_PLAN = range(4)
#: Where a row's input goes: ("rhk", id) or ("iki", id).
_KEY = Qt.ItemDataRole.UserRole
ERROR_BRUSH = QBrush(QColor("#fde2e1"))
#: Typing starts editing a cell, as in a spreadsheet.
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
)


class PlansPanel(QWidget):
    """Rencana aksi and period targets of the SKP shown on the page.

    Signals:
    saved(int): a period's plan of the SKP holder with this employee id was saved.
    """

    saved = Signal(int)

    def __init__(
        self, plans: PlanService, parent: QWidget | None = None, *, today: Today = date.today
    ) -> None:
        super().__init__(parent)
        self._plans = plans
        self._today = today
        self._plan: PeriodPlan | None = None
        self._skp_id: int | None = None
        self._filling = False
        #: Something typed here is not saved yet.
        self.dirty = False
        self.period = QComboBox()
        period_label = QLabel("Peri&ode")
        period_label.setBuddy(self.period)
        self.state = wrapped(QLabel())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PLAN, QHeaderView.ResizeMode.Stretch)
        for column in (COL_ANNUAL, COL_SCALE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.error = error_label()
        self.warnings = wrapped(QLabel())
        self.save_button = QPushButton("Si&mpan rencana")
        self.save_button.setToolTip("Simpan rencana aksi dan target periode ini (Ctrl+S)")
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.state, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        note = QLabel(
            "Isi rencana aksi tiap RHK dan target periode tiap indikator. Kumulatif: target "
            "adalah jumlah berjalan sejak awal tahun; per periode: tiap periode berdiri sendiri."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.warnings)
        self.period.activated.connect(self._period_chosen)
        self.table.itemChanged.connect(self._typed)
        self.save_button.clicked.connect(self.save)

    # --- loading ----------------------------------------------------------------------------

    def show_skp(self, skp_id: int | None) -> None:
        """Show the plan of an SKP (its running period), or nothing."""
        self._skp_id = skp_id
        self.dirty = False
        if skp_id is None:
            self._show(None)
            return
        try:
            plan = self._plans.period_plan(skp_id, today=self._today())
        except DomainError as error:
            self._show(None, error.message)
            return
        self._show(plan)

    def refresh(self) -> None:
        """Read the shown period again, unless something typed is not saved yet."""
        if self._skp_id is None or self.dirty or self._plan is None:
            return
        try:
            self._show(self._plans.period_plan(self._skp_id, self._plan.period.code))
        except DomainError:
            self.show_skp(self._skp_id)

    def _period_chosen(self, index: int) -> None:
        if self._skp_id is None or self._plan is None:
            return
        code = self.period.itemData(index)
        if code == self._plan.period.code:
            return
        if self.dirty and not self.save():
            self._select_period(self._plan.period.code)
            return
        self._show(self._plans.period_plan(self._skp_id, code))

    def _select_period(self, code: str) -> None:
        index = self.period.findData(code)
        if index >= 0:
            self.period.setCurrentIndex(index)

    def _show(self, plan: PeriodPlan | None, message: str = "") -> None:
        self._plan = plan
        self._filling = True
        self.table.setRowCount(0)
        self.period.clear()
        show_message(self.error, None)
        if plan is None:
            self.state.setText(message or "Belum ada SKP yang dibuka.")
            self.warnings.clear()
            self.save_button.setEnabled(False)
            self._filling = False
            return
        for period in plan.periods:
            self.period.addItem(f"{period.label} ({period.range_text})", period.code)
        self._select_period(plan.period.code)
        for rhk in plan.rhks:
            self._add_row(("rhk", rhk.rhk.id), f"{rhk.label}: {rhk.rhk.text}", rhk.rencana_aksi)
            for indicator in rhk.indicators:
                row = self._add_row(
                    ("iki", indicator.iki.id),
                    f"    {indicator.label}: {indicator.iki.indicator}",
                    format_decimal_id(indicator.target) if indicator.target is not None else "",
                    annual=indicator.iki.target_display,
                    editable=plan.quantitative,
                )
                self.table.setCellWidget(row, COL_SCALE, self._scale_box(indicator.scale, plan))
        self.table.resizeRowsToContents()
        self.state.setText(plan.why_not or f"Rencana {plan.period.label}.")
        self.warnings.setText("\n".join(f"Perhatian: {w}" for w in plan.warnings))
        self.save_button.setEnabled(plan.editable)
        self.table.setEditTriggers(
            EDIT_TRIGGERS if plan.editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        if self.table.rowCount():
            self.table.setCurrentCell(0, COL_PLAN)
        self._filling = False

    def _add_row(
        self,
        key: tuple[str, int],
        text: str,
        planned: str,
        *,
        annual: str = "",
        editable: bool = True,
    ) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((COL_TEXT, text), (COL_ANNUAL, annual), (COL_SCALE, "")):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(value)
            self.table.setItem(row, column, item)
        item = QTableWidgetItem(planned)
        item.setData(_KEY, key)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        self.table.setItem(row, COL_PLAN, item)
        return row

    def _scale_box(self, scale: TargetScale, plan: PeriodPlan) -> QComboBox:
        box = QComboBox()
        for choice in TargetScale:
            box.addItem(choice.label, choice.value)
        box.setCurrentIndex(box.findData(scale.value))
        box.setEnabled(plan.editable and plan.quantitative)
        box.currentIndexChanged.connect(self._scale_changed)
        return box

    # --- editing and saving -----------------------------------------------------------------

    def _typed(self, item: QTableWidgetItem) -> None:
        if not self._filling:
            self.dirty = True
            item.setBackground(QBrush())
            item.setToolTip("")

    def _scale_changed(self) -> None:
        if not self._filling:
            self.dirty = True

    def edits(self) -> PlanEdits:
        """What the table holds now, for every row."""
        actions: dict[int, str] = {}
        targets: dict[int, str] = {}
        scales: dict[int, TargetScale] = {}
        quantitative = self._plan is not None and self._plan.quantitative
        for row in range(self.table.rowCount()):
            item = self._plan_item(row)
            kind, ident = item.data(_KEY)
            if kind == "rhk":
                actions[ident] = item.text()
            elif quantitative:
                targets[ident] = item.text()
                box = self.table.cellWidget(row, COL_SCALE)
                assert isinstance(box, QComboBox)
                scales[ident] = TargetScale(box.currentData())
        return PlanEdits(actions, targets, scales)

    def save(self) -> bool:
        """Save the shown period; on refusal mark the cells and keep what was typed."""
        plan = self._plan
        if plan is None or not plan.editable:
            return False
        if self.table.state() is QAbstractItemView.State.EditingState:
            # Commit the cell being typed in before reading the table.
            self.table.setCurrentCell(self.table.currentRow(), self.table.currentColumn())
        try:
            saved = self._plans.save(plan.skp_id, plan.period.code, self.edits())
        except ValidationErrors as errors:
            self._mark(errors.by_field())
            return False
        except ValidationError as error:
            show_message(self.error, error.message)
            return False
        except DomainError as error:
            show_message(self.error, error.message)
            return False
        self.dirty = False
        self._show(saved)
        self.state.setText(f"Rencana {saved.period.label} disimpan.")
        self.saved.emit(saved.employee_id)
        return True

    def _plan_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, COL_PLAN)
        assert item is not None  # every row gets one in _add_row
        return item

    def _mark(self, messages: dict[str, str]) -> None:
        self._filling = True
        first: QTableWidgetItem | None = None
        for row in range(self.table.rowCount()):
            item = self._plan_item(row)
            kind, ident = item.data(_KEY)
            name = rencana_field(ident) if kind == "rhk" else target_field(ident)
            message = messages.get(name)
            item.setBackground(ERROR_BRUSH if message else QBrush())
            item.setToolTip(message or "")
            if message and first is None:
                first = item
        self._filling = False
        show_message(self.error, "\n".join(messages.values()))
        if first is not None:
            self.table.setCurrentItem(first)
            self.table.setFocus()
