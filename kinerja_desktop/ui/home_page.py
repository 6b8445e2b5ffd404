"""Beranda: what needs the supervisor's attention today."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kinerja_desktop.services.attention import AttentionService, Severity


class HomePage(QWidget):
    """The list of items that need attention.

    Signals:
    employee_requested(int): the user opened an item about one person.
    """

    employee_requested = Signal(int)

    def __init__(self, attention: AttentionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attention = attention
        self.heading = QLabel("<h2>Beranda</h2>")
        self.summary = QLabel()
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.items)
        self.refresh()

    def refresh(self) -> None:
        self.items.clear()
        found = self._attention.items()
        important = sum(item.severity is Severity.PENTING for item in found)
        if not found:
            self.summary.setText("Tidak ada yang perlu ditindaklanjuti hari ini.")
        else:
            self.summary.setText(
                f"{len(found)} hal perlu perhatian; {important} di antaranya penting. "
                "Tekan Enter pada sebuah butir untuk membuka pegawainya."
            )
        for entry in found:
            mark = "⚠" if entry.severity is Severity.PENTING else "ℹ"
            item = QListWidgetItem(f"{mark}  {entry.title}\n      {entry.detail}")
            item.setData(Qt.ItemDataRole.UserRole, list(entry.employee_ids))
            self.items.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        ids = item.data(Qt.ItemDataRole.UserRole) or []
        if ids:
            self.employee_requested.emit(int(ids[0]))
