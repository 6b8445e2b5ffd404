"""Beranda: what needs the supervisor's attention today."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.home.attention import AttentionService
from kinerja_desktop.services.staff.service import InstansiOverview, StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.workers import run_in_background


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
        }
    )

    employee_requested = Signal(int)

    def __init__(
        self,
        attention: AttentionService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._attention = attention
        self._staff = staff
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.office)
        layout.addWidget(QLabel("<b>Perlu perhatian</b>"))
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 10)
        layout.addStretch(1)  # keeps the texts at the top when the list is hidden
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        """Reload the overview and, in the background, the attention checks."""
        today = self._today()
        self.office.setText(
            "<br>".join(_overview_line(entry) for entry in self._staff.overview(today))
            or "Belum ada instansi. Tambahkan di halaman Struktur atau impor daftar pegawai."
        )
        self.summary.setText("Memeriksa hal yang perlu perhatian…")
        self._loading = True
        run_in_background(
            lambda: self._attention.items(today), self._show_items, self._show_failure
        )

    @property
    def loading(self) -> bool:
        return self._loading

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
