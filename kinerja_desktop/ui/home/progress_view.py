"""Beranda's running period as progress bars: one row per unit, one bar per step.

Each bar opens the list of the people still missing that step (`PeopleDialog`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services.home.period_progress import (
    InstansiProgress,
    Stage,
    StageProgress,
    UnitProgress,
)
from kinerja_desktop.ui.home.people_dialog import PeopleDialog


class StageBar(QProgressBar):
    """A bar that says "7 dari 9" and opens its missing people when clicked.

    Signals:
    clicked(): the bar was clicked.
    """

    clicked = Signal()

    def __init__(self, progress: StageProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.setRange(0, max(progress.total, 1))
        self.setValue(progress.done)
        self.setFormat(progress.text)
        missing = len(progress.missing)
        self.setToolTip(
            f"Klik untuk melihat {missing} pegawai yang belum" if missing else "Semua sudah"
        )
        self.setAccessibleName(f"{progress.stage.label}: {progress.text}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ProgressView(QWidget):
    """The progress of one instansi's period: its deadline and a table of bars.

    Signals:
    employee_requested(int): a person was opened from a bar's list.
    """

    employee_requested = Signal(int)

    def __init__(self, progress: InstansiProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        #: The list opened last (tests read it).
        self.dialog: PeopleDialog | None = None
        name = progress.instansi_name.replace("&", "&amp;").replace("<", "&lt;")
        heading = QLabel(
            f"<b>{name}</b>: {progress.period.label} {progress.year} "
            f"({progress.period.range_text})<br>"
            f"{'Batas berikutnya' if progress.deadline.days_left >= 0 else 'Batas periode'}: "
            f"{progress.deadline.text}"
        )
        heading.setWordWrap(True)
        rows: Sequence[UnitProgress] = (*progress.units, progress.total)
        self.table = QTableWidget(len(rows), len(Stage) + 1)
        self.table.setHorizontalHeaderLabels(["Unit", *(stage.heading for stage in Stage)])
        for column, stage in enumerate(Stage, start=1):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(stage.label)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.bars: dict[tuple[int, Stage], StageBar] = {}
        for row, unit in enumerate(rows):
            label = QTableWidgetItem(unit.unit_name)
            if unit is progress.total:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.table.setItem(row, 0, label)
            for column, stage in enumerate(Stage, start=1):
                bar = StageBar(unit.stage(stage))
                bar.clicked.connect(lambda u=unit, s=stage: self.open_missing(u, s))
                self.table.setCellWidget(row, column, bar)
                self.bars[unit.unit_id if unit is not progress.total else -1, stage] = bar
        # Enter on a cell opens it as a click on its bar does.
        self.table.cellActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)

    def bar(self, unit_id: int | None, stage: Stage) -> StageBar:
        """The bar of a unit (None: the whole instansi) and step."""
        return self.bars[-1 if unit_id is None else unit_id, stage]

    def open_missing(self, unit: UnitProgress, stage: Stage) -> PeopleDialog:
        """Open the list of the unit's people still missing ``stage``."""
        found = unit.stage(stage)
        count = len(found.missing)
        intro = (
            f"{count} dari {found.total} pegawai {unit.unit_name} belum: {stage.label.lower()} "
            f"({self.progress.period.label})."
            if count
            else f"Semua pegawai {unit.unit_name} sudah: {stage.label.lower()}."
        )
        dialog = PeopleDialog(
            f"{stage.label} — {unit.unit_name}",
            intro,
            [(who.employee_id, who.name, who.nip) for who in found.missing],
            self,
        )
        dialog.person_chosen.connect(self.employee_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _activated(self, row: int, column: int) -> None:
        if column == 0:
            return
        rows = (*self.progress.units, self.progress.total)
        self.open_missing(rows[row], list(Stage)[column - 1])
