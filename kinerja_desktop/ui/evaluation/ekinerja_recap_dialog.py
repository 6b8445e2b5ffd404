"""Sebaran: "Bandingkan dengan rekap e-Kinerja…", the admin recap against the predikat here.

The page only adds the button (`recap_button`): it asks for the recap workbook, reads and
compares it off the GUI thread (a recap of a large office has thousands of rows), and shows the
comparison in `RecapComparisonDialog`, filtered by standing. Nothing is written; a difference is
settled where the predikat is decided.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.evaluation.ekinerja_recap import (
    EkinerjaRecapService,
    RecapComparison,
    Standing,
)
from kinerja_desktop.ui.common import fit_columns, resize_within_screen, show_error, wrapped
from kinerja_desktop.ui.workers import run_in_background

COLUMNS = (
    "Keadaan",
    "Nama",
    "NIP",
    "Predikat di aplikasi",
    "Predikat e-Kinerja",
    "Baris / keterangan",
)
#: The filter's choices: (label, key); a key is a Standing value or one of the extra lists.
ACTING, SUPERSEDED, ISSUES = "ACTING", "SUPERSEDED", "ISSUES"
FILTERS: tuple[tuple[str, str | None], ...] = (
    ("Semua", None),
    *((standing.label, standing.value) for standing in Standing),
    ("Plt/Plh (disisihkan)", ACTING),
    ("Baris lama (tercantum dua kali)", SUPERSEDED),
    ("Baris bermasalah", ISSUES),
)
Row = tuple[str, str, str, str, str, str]


def comparison_rows(comparison: RecapComparison) -> list[tuple[str, Row]]:
    """Every line the dialog can show, each with its filter key."""
    rows: list[tuple[str, Row]] = [
        (
            person.standing.value,
            (
                person.standing.label,
                person.name,
                person.nip,
                person.app_text,
                person.ekinerja_label,
                str(person.line or ""),
            ),
        )
        for person in comparison.people
    ]
    rows += [
        (ACTING, ("Plt/Plh", r.name, r.nip, "", r.result_text, str(r.line)))
        for r in comparison.acting
    ]
    rows += [
        (SUPERSEDED, ("Baris lama", r.name, r.nip, "", r.result_text, str(r.line)))
        for r in comparison.superseded
    ]
    rows += [(ISSUES, ("Bermasalah", "", "", "", "", issue.text())) for issue in comparison.issues]
    return rows


class RecapComparisonDialog(QDialog):
    """The comparison as a table, filtered by standing or by a name or NIP typed."""

    def __init__(self, comparison: RecapComparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Rekap e-Kinerja dibandingkan dengan aplikasi ({comparison.year})")
        self.comparison = comparison
        self._rows = comparison_rows(comparison)
        counts = {standing: len(comparison.of(standing)) for standing in Standing}
        summary = (
            f"Berkas '{comparison.file_name}', tahun {comparison.year}: "
            f"{counts[Standing.SAME]} sama, {counts[Standing.DIFFERENT]} berbeda, "
            f"{counts[Standing.EKINERJA_ONLY]} hanya di e-Kinerja, "
            f"{counts[Standing.APP_ONLY]} hanya di aplikasi; {len(comparison.acting)} Plt/Plh "
            f"disisihkan; {len(comparison.issues)} baris bermasalah. Predikat aplikasi: "
            "evaluasi akhir tahun, atau periode terakhir yang sudah ditetapkan. Tidak ada data "
            "yang diubah."
        )
        if comparison.outside_access:
            summary += (
                f" {comparison.outside_access} pegawai di luar wewenang akun Anda tidak "
                "ditampilkan."
            )
        self.summary = wrapped(QLabel(summary))
        self.filter = QComboBox()
        self.filter.setAccessibleName("Tampilkan")
        for label, key in FILTERS:
            self.filter.addItem(label, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari nama atau NIP")
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Tampilkan:"))
        choose.addWidget(self.filter)
        choose.addWidget(self.search, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.currentIndexChanged.connect(lambda _: self.show_rows())
        self.search.textChanged.connect(lambda _: self.show_rows())
        # Differences first: they are what the dialog is opened for.
        if counts[Standing.DIFFERENT]:
            self.filter.setCurrentIndex(self.filter.findData(Standing.DIFFERENT.value))
        self.show_rows()
        resize_within_screen(self, 1100, 640)

    def show_rows(self) -> None:
        key = self.filter.currentData()
        typed = self.search.text().strip().casefold()
        shown = [
            row
            for found, row in self._rows
            if (key is None or found == key)
            and (not typed or typed in row[1].casefold() or typed in row[2])
        ]
        self.table.setRowCount(len(shown))
        for number, row in enumerate(shown):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        fit_columns(self.table, len(COLUMNS) - 1)

    def shown(self) -> list[list[str]]:
        """The texts of the rows shown (tests read them)."""
        return [
            [
                item.text() if (item := self.table.item(row, column)) is not None else ""
                for column in range(self.table.columnCount())
            ]
            for row in range(self.table.rowCount())
        ]


def recap_button(
    recap: EkinerjaRecapService, parent: QWidget, *, year: Callable[[], int]
) -> QPushButton:
    """The page's button: choose the recap, compare it with ``year()`` here, show the result."""
    button = QPushButton("Bandingkan dengan rekap e-Kinerja…", parent)
    button.setToolTip(
        "Baca rekap penilaian yang diunduh admin dari e-Kinerja (.xlsx) dan tampilkan pegawai "
        "yang predikatnya berbeda; tidak ada data yang diubah."
    )

    def choose() -> None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Pilih rekap e-Kinerja", "", "Excel (*.xlsx);;Semua berkas (*)"
        )
        if name:
            compare_in_background(recap, Path(name), year(), parent, button)

    button.clicked.connect(choose)
    return button


def compare_in_background(
    recap: EkinerjaRecapService,
    path: Path,
    year: int,
    parent: QWidget,
    button: QPushButton,
    *,
    shown: Callable[[RecapComparisonDialog], None] | None = None,
) -> None:
    """Read and compare off the GUI thread, then open the dialog (``shown`` replaces exec)."""
    button.setEnabled(False)
    button.setText("Membaca rekap…")

    def done(comparison: RecapComparison) -> None:
        _restore(button)
        dialog = RecapComparisonDialog(comparison, parent)
        if shown is not None:
            shown(dialog)
        else:
            dialog.exec()

    def failed(error: Exception) -> None:
        _restore(button)
        if not isinstance(error, DomainError):
            error = DomainError(
                f"Rekap tidak dapat dibaca ({type(error).__name__}). Buka berkasnya di "
                "spreadsheet, simpan ulang sebagai .xlsx, lalu coba lagi."
            )
        show_error(parent, "Rekap e-Kinerja", error)

    run_in_background(lambda: recap.compare(path, year), done, failed)


def _restore(button: QPushButton) -> None:
    button.setEnabled(True)
    button.setText("Bandingkan dengan rekap e-Kinerja…")
