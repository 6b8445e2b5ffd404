"""The import preview: what a package would add, what is the same, and what differs.

Each record that differs on both sides is listed with a choice ("Pakai data kita" or "Ambil dari
paket"); selecting it shows the two versions side by side, field by field. "Impor" is enabled
only when every difference has a choice. Taking a person's penilai from the package is refused
on the spot when it would close a loop of penilai with ours; the message names the people.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.handover_merge import Choice, Conflict
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.services.handover import ImportPreview
from kinerja_desktop.ui.common import ERROR_STYLE, resize_within_screen

_UNCHOSEN = "— pilih —"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class HandoverPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pratinjau impor paket serah terima")
        resize_within_screen(self, 1100, 700)
        self._preview = preview
        self._conflicts = list(preview.plan.conflicts)
        self._refusal = ""
        manifest = preview.manifest
        # A prefill from the Pemda is imported as any package is: a merge of its register.
        self.header = header = QLabel(
            f"{manifest.heading(f'<b>{manifest.source_file}</b>')}, dibuat "
            f"{manifest.exported_at} dengan Kinerja Desktop {manifest.app_version}.<br>"
            f"Sidik kunci penanda tangan: <b>{manifest.fingerprint}</b>. Paket utuh dan tidak "
            "diubah sejak ditandatangani; cocokkan sidik kunci dengan pengirim bila perlu."
            + (
                f"<br>Paket ini sudah diterima tanpa ditunggui; {preview.undecided_before} "
                "catatan yang tersegel atau disetujui di sini tetap memakai data kita dan perlu "
                "diputuskan di sini."
                if preview.undecided_before
                else ""
            )
        )
        header.setWordWrap(True)
        header.setTextFormat(Qt.TextFormat.RichText)
        self.counts = _table(["Jenis catatan", "Baru", "Sama (dilewati)", "Berbeda"])
        for count in preview.plan.counts():
            row = self.counts.rowCount()
            self.counts.insertRow(row)
            values = (count.kind.label, count.new, count.identical, count.conflicts)
            for column, value in enumerate(values):
                self.counts.setItem(row, column, _item(str(value)))
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.setMaximumHeight(220)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.counts)
        self.conflict_table = _table(["Catatan yang berbeda", "Jenis", "Pilihan"])
        self.diff_table = _table(["Isian", "Data kita", "Dari paket"])
        self._choosers: list[QComboBox] = []
        if self._conflicts:
            layout.addWidget(self._conflict_area(), 1)
        else:
            layout.addWidget(QLabel("Tidak ada catatan yang berbeda."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Impor")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_state()

    def _conflict_area(self) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Tentukan untuk setiap catatan yang berbeda:"))
        row.addStretch(1)
        self.all_ours = QPushButton("Semua: pakai data kita")
        self.all_theirs = QPushButton("Semua: ambil dari paket")
        self.all_ours.clicked.connect(lambda: self.choose_all(Choice.KEEP_OURS))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.TAKE_THEIRS))
        row.addWidget(self.all_ours)
        row.addWidget(self.all_theirs)
        layout.addLayout(row)
        for number, conflict in enumerate(self._conflicts):
            self.conflict_table.insertRow(number)
            self.conflict_table.setItem(number, 0, _item(conflict.theirs.label))
            self.conflict_table.setItem(number, 1, _item(conflict.kind.label))
            chooser = QComboBox()
            chooser.addItem(_UNCHOSEN, None)
            for choice in Choice:
                chooser.addItem(choice.label, choice.value)
            chooser.currentIndexChanged.connect(lambda _index, row=number: self._chosen(row))
            self.conflict_table.setCellWidget(number, 2, chooser)
            self._choosers.append(chooser)
        self.conflict_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.conflict_table.resizeColumnToContents(2)
        self.conflict_table.currentCellChanged.connect(lambda row, *_: self.show_conflict(row))
        self.diff_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter()
        splitter.addWidget(self.conflict_table)
        splitter.addWidget(self.diff_table)
        splitter.setSizes([450, 650])
        layout.addWidget(splitter, 1)
        self.conflict_table.selectRow(0)
        self.show_conflict(0)
        return area

    def show_conflict(self, row: int) -> None:
        """Show the selected conflict's differing fields side by side."""
        self.diff_table.setRowCount(0)
        if not 0 <= row < len(self._conflicts):
            return
        conflict: Conflict = self._conflicts[row]
        for number, diff in enumerate(conflict.fields):
            self.diff_table.insertRow(number)
            for column, text in enumerate((diff.label, diff.ours, diff.theirs)):
                self.diff_table.setItem(number, column, _item(text))
        self.diff_table.resizeRowsToContents()

    def choose(self, row: int, choice: Choice) -> None:
        chooser = self._choosers[row]
        chooser.setCurrentIndex(chooser.findData(choice.value))

    def choose_all(self, choice: Choice) -> None:
        for row in range(len(self._choosers)):
            self.choose(row, choice)

    def choices(self) -> dict[tuple[Kind, str], Choice]:
        """The choice made for each conflict (undecided ones are left out)."""
        chosen = {}
        for conflict, chooser in zip(self._conflicts, self._choosers, strict=True):
            value = chooser.currentData()
            if value is not None:
                chosen[conflict.ref] = Choice(value)
        return chosen

    def _chosen(self, row: int) -> None:
        """Refuse a choice that closes a loop of penilai (taking one from the package)."""
        chooser = self._choosers[row]
        self._refusal = ""
        if chooser.currentData() is not None:
            problems = self._preview.cycles(self.choices())
            if problems:
                self._refusal = problems[0]
                chooser.blockSignals(True)
                chooser.setCurrentIndex(chooser.findData(None))
                chooser.blockSignals(False)
        self._update_state()

    def _update_state(self) -> None:
        open_ = len(self._conflicts) - len(self.choices())
        self.import_button.setEnabled(open_ == 0)
        text = f"{open_} catatan berbeda belum dipilih." if open_ else "Siap diimpor."
        self.status.setWordWrap(True)
        if self._refusal:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(f"{self._refusal}\n{text}")
        else:
            self.status.setStyleSheet("")
            self.status.setText(text)
