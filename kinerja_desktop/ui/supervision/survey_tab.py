"""Survei (SKM): keyboard entry of paper questionnaires, import, results and the trend.

Fast entry: the cursor stays in one field; type the nine answers of a questionnaire
("334343433", "-" for an unanswered unsur) and press Enter: the respondent is saved, the field
clears for the next one and the results follow. Only 1 to 4, "-" and spaces can be typed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.answers import answers_text, parse_answer_line
from kinerja_desktop.domain.supervision.ikm import format_decimal_id
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.batch import safe_name
from kinerja_desktop.services.supervision.surveys import SurveyInfo, SurveyService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import compact, error_label, fit_columns, show_message
from kinerja_desktop.ui.printing.pdf_preview import DocumentPreviewDialog
from kinerja_desktop.ui.supervision.survey_report_dialog import SurveyReportDialog
from kinerja_desktop.ui.supervision.trend_chart import Series, TrendChart

ITEM_COLUMNS = ("Unsur", "Dijawab", "NRR", "Nilai", "Mutu")
#: At most this many problems are listed after a refused import.
LISTED_PROBLEMS = 15


def _details_button() -> QPushButton:
    button = QPushButton("&Data laporan…")
    button.setToolTip(
        "Populasi dan sampel minimum, metode, waktu pengumpulan data, rencana tindak lanjut"
    )
    return button


class SurveyTab(QWidget):
    """Signals: changed — respondents were added (the dashboard reads again)."""

    changed = Signal()

    def __init__(
        self,
        surveys: SurveyService,
        parent: QWidget | None = None,
        printing: PrintingService | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._surveys = surveys
        self._printing = printing
        self.preview: DocumentPreviewDialog | None = None
        self.details_dialog: SurveyReportDialog | None = None
        self.unit = compact(QComboBox())
        for unit in surveys.units():
            self.unit.addItem(unit.label, unit.id)
        self.period = QLineEdit()
        self.period.setPlaceholderText("2026-S1")
        self.period.setMaximumWidth(110)
        self.open_button = QPushButton("&Buka survei")
        self.survey = compact(QComboBox())
        self.close_button = QPushButton("Tutup survei")
        self.import_button = QPushButton("&Impor CSV/XLSX…")
        self.report_button = QPushButton("Cetak &laporan…")
        self.report_button.setToolTip("Laporan hasil SKM unit ini, ditandatangani kepala unit")
        self.report_button.setVisible(printing is not None)
        self.details_button = _details_button()
        self.top_error = error_label()

        self.entry = QLineEdit()
        self.entry.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[1-4\- ]{0,17}"), self.entry)
        )
        mono = QFont("Monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        self.entry.setFont(mono)
        self.entry.setPlaceholderText("U1..U9, mis. 334343433 lalu Enter")
        self.entry_error = error_label()
        self.entry_status = QLabel()
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText("Atau tempel banyak baris, satu responden per baris")
        self.paste.setMaximumHeight(90)
        self.paste_button = QPushButton("Simpan semua baris")
        self.undo_button = QPushButton("Hapus responden terakhir")
        self.items = QTableWidget(9, len(ITEM_COLUMNS))
        self.items.setHorizontalHeaderLabels(list(ITEM_COLUMNS))
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().hide()
        self.ikm = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.ikm.setFont(big)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = TrendChart()

        self._build_layout()
        self.open_button.clicked.connect(self.open_survey)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.period.returnPressed.connect(self.open_survey)
        self.survey.currentIndexChanged.connect(self._survey_changed)
        self.entry.returnPressed.connect(self.add_typed)
        self.paste_button.clicked.connect(self.add_pasted)
        self.undo_button.clicked.connect(self.remove_last)
        self.import_button.clicked.connect(self.choose_import)
        self.close_button.clicked.connect(self.toggle_closed)
        self.report_button.clicked.connect(self.print_report)
        self.details_button.clicked.connect(self.edit_details)
        self.refresh()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for caption, widget in (("&Unit layanan", self.unit), ("&Periode", self.period)):
            label = QLabel(caption)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget, 1 if widget is self.unit else 0)
        top.addWidget(self.open_button)
        # The chosen survey on a row of its own, so the tab fits a 1366-pixel screen.
        chosen = QHBoxLayout()
        chosen.addWidget(QLabel("Survei"))
        chosen.addWidget(self.survey, 1)
        chosen.addWidget(self.import_button)
        chosen.addWidget(self.close_button)
        chosen.addWidget(self.details_button)
        chosen.addWidget(self.report_button)

        entry_box = QGroupBox("Entri kuesioner (satu responden per Enter)")
        entry_layout = QGridLayout(entry_box)
        entry_layout.addWidget(self.entry, 0, 0, 1, 2)
        entry_layout.addWidget(self.entry_error, 1, 0, 1, 2)
        entry_layout.addWidget(self.entry_status, 2, 0, 1, 2)
        entry_layout.addWidget(self.paste, 3, 0)
        buttons = QVBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        entry_layout.addLayout(buttons, 3, 1)

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.ikm)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.items, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(results)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(chosen)
        layout.addWidget(self.top_error)
        layout.addWidget(entry_box)
        layout.addWidget(splitter, 1)

    # --- surveys ---------------------------------------------------------------------------

    @property
    def survey_id(self) -> int | None:
        value = self.survey.currentData()
        return int(value) if value is not None else None

    def refresh(self, keep: int | None = None) -> None:
        """Read the list of surveys again, keeping the chosen one."""
        chosen = keep if keep is not None else self.survey_id
        self._unit_changed()  # who is signed in may have changed since
        self.survey.blockSignals(True)
        self.survey.clear()
        for info in self._surveys.surveys():
            state = "berjalan" if info.running else "ditutup"
            self.survey.addItem(f"{info.title} ({info.responses} responden, {state})", info.id)
        index = self.survey.findData(chosen) if chosen is not None else -1
        self.survey.setCurrentIndex(index if index >= 0 else self.survey.count() - 1)
        self.survey.blockSignals(False)
        self._survey_changed()

    def open_survey(self) -> None:
        """Open (or create) the survey of the chosen unit and period."""
        unit_id = self.unit.currentData()
        if unit_id is None:
            show_message(self.top_error, "Belum ada unit layanan; tambahkan di menu Struktur.")
            return
        try:
            info = self._surveys.open_survey(int(unit_id), self.period.text())
        except DomainError as error:
            show_message(self.top_error, error.message)
            return
        show_message(self.top_error, None)
        self.refresh(keep=info.id)
        self.entry.setFocus()

    def _unit_changed(self) -> None:
        """Opening (or creating) a unit's survey is for those who may enter its answers."""
        unit_id = self.unit.currentData()
        self.open_button.setEnabled(
            unit_id is not None and self._surveys.may(SupervisionAction.RECORD, int(unit_id))
        )

    def _survey_changed(self) -> None:
        survey_id = self.survey_id
        info = self._surveys.get(survey_id) if survey_id is not None else None
        # What the account may do to this survey, as the service says (the service checks too).
        allowed = info.allowed if info is not None else frozenset()
        # Whoever may read the survey sees its report data; the dialog enables its saves.
        self.details_button.setEnabled(info is not None)
        for widget, action in (
            (self.entry, SupervisionAction.RECORD),
            (self.paste, SupervisionAction.RECORD),
            (self.paste_button, SupervisionAction.RECORD),
            (self.import_button, SupervisionAction.RECORD),
            (self.undo_button, SupervisionAction.CORRECT),
            (self.close_button, SupervisionAction.CLOSE),
            # The report is the unit head's to sign, and printing it needs the unit (as closing).
            (self.report_button, SupervisionAction.CLOSE),
        ):
            widget.setEnabled(action in allowed)
        if info is None:
            self.ikm.setText("")
            self.summary.setText("Buka atau buat survei: pilih unit, isi periode, lalu Enter.")
            self.chart.set_series([])
            return
        self.close_button.setText("Buka kembali" if not info.running else "Tutup survei")
        self.unit.setCurrentIndex(max(0, self.unit.findData(info.unit_id)))
        self.period.setText(info.period.code)
        self._show_results(info)

    def toggle_closed(self) -> None:
        survey_id = self.survey_id
        if survey_id is None:
            return
        info = self._surveys.get(survey_id)
        try:
            if info.running:
                self._surveys.close(survey_id)
            else:
                self._surveys.reopen(survey_id)
        except DomainError as error:
            show_message(self.top_error, error.message)
            return
        self.refresh(keep=survey_id)

    def edit_details(self) -> SurveyReportDialog | None:
        """Open the chosen survey's report data (population, method, fieldwork, RTL)."""
        survey_id = self.survey_id
        if survey_id is None:
            return None
        try:
            dialog = SurveyReportDialog(self._surveys, survey_id, self)
        except DomainError as error:
            show_message(self.top_error, error.message)
            return None
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def print_report(self) -> DocumentPreviewDialog | None:
        """Preview the chosen survey's signed report (laporan SKM), to print or save."""
        survey_id = self.survey_id
        if survey_id is None or self._printing is None:
            return None
        info = self._surveys.get(survey_id)
        request = PrintRequest(
            FormKind.SURVEI,
            info.period.start.year,
            self._today(),
            period_code=info.period.code,
            unit_id=info.unit_id,
        )
        name = f"laporan-skm_{safe_name(info.unit_label)}_{info.period.code}.pdf"
        dialog = DocumentPreviewDialog(self._printing, request, name, self)
        if not dialog.show_document():
            show_message(self.top_error, dialog.error.text())
            dialog.deleteLater()
            return None
        show_message(self.top_error, None)
        self.preview = dialog
        dialog.open()
        return dialog

    # --- entry -----------------------------------------------------------------------------

    def add_typed(self) -> None:
        """Save the typed respondent and clear the field for the next one."""
        survey_id = self.survey_id
        if survey_id is None:
            return
        info = self._surveys.get(survey_id)
        number = info.responses + 1
        try:
            answers = parse_answer_line(self.entry.text(), line=number)
            total = self._surveys.add_respondent(survey_id, answers)
        except DomainError as error:
            message = error.message.replace(f"Baris {number},", f"Responden ke-{number},")
            show_message(self.entry_error, message)
            return
        show_message(self.entry_error, None)
        self.entry_status.setText(f"Responden ke-{total} tersimpan: {answers_text(answers)}")
        self.entry.clear()
        self._after_change(survey_id)

    def add_pasted(self) -> None:
        survey_id = self.survey_id
        if survey_id is None:
            return
        try:
            added = self._surveys.add_typed(survey_id, self.paste.toPlainText())
        except ValidationErrors as errors:
            show_message(self.entry_error, "\n".join(e.message for e in errors.errors[:10]))
            return
        except DomainError as error:
            show_message(self.entry_error, error.message)
            return
        show_message(self.entry_error, None)
        self.entry_status.setText(f"{added} responden tersimpan dari teks yang ditempel.")
        self.paste.clear()
        self._after_change(survey_id)

    def remove_last(self) -> None:
        """Take back the most recent respondent (a questionnaire typed wrongly), after asking."""
        survey_id = self.survey_id
        if survey_id is None:
            return
        latest = self._surveys.responses(survey_id, limit=1)
        if not latest:
            return
        answer = QMessageBox.question(
            self,
            "Hapus responden",
            f"Hapus responden terakhir ({answers_text(latest[0].data.answers)})?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._surveys.remove_response(survey_id, latest[0].id)
        except DomainError as error:
            show_message(self.entry_error, error.message)
            return
        self.entry_status.setText("Responden terakhir dihapus.")
        self._after_change(survey_id)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Impor jawaban survei", "", "Jawaban survei (*.csv *.xlsx);;Semua berkas (*)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Add every respondent of the file, or none; the problems are listed when refused."""
        survey_id = self.survey_id
        if survey_id is None:
            return False
        try:
            added = self._surveys.import_file(survey_id, path)
        except ValidationErrors as errors:
            lines = [error.message for error in errors.errors[:LISTED_PROBLEMS]]
            if len(errors.errors) > LISTED_PROBLEMS:
                lines.append(f"… dan {len(errors.errors) - LISTED_PROBLEMS} masalah lainnya.")
            QMessageBox.warning(
                self, "Impor dibatalkan", "Tidak ada yang disimpan.\n\n" + "\n".join(lines)
            )
            return False
        except DomainError as error:
            QMessageBox.warning(self, "Impor dibatalkan", error.message)
            return False
        self.entry_status.setText(f"{added} responden diimpor dari {path.name}.")
        self._after_change(survey_id)
        return True

    def _after_change(self, survey_id: int) -> None:
        self.refresh(keep=survey_id)
        self.changed.emit()

    # --- results ---------------------------------------------------------------------------

    def _show_results(self, info: SurveyInfo) -> None:
        self._show_trend(info.unit_id)
        try:
            result = self._surveys.results(info.id).result
        except ValidationError as error:
            self.ikm.setText("IKM: –")
            self.summary.setText(error.message)
            self.items.clearContents()
            return
        self.ikm.setText(f"IKM {result.ikm_text} · Mutu {result.grade.label}")
        weakest = ", ".join(f"{r.item.value} {r.item.label}" for r in result.weakest())
        closed = f", ditutup {format_date_id(info.closed_on)}" if info.closed_on else ""
        self.summary.setText(
            f"{info.title}: {result.respondents} responden{closed}. Unsur terlemah: {weakest}."
        )
        for row, item in enumerate(result.items):
            cells = (
                f"{item.item.value} {item.item.label}",
                str(item.answered),
                format_decimal_id(item.nrr_shown),
                format_decimal_id(item.converted),
                item.grade.value,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    cell.setToolTip(text)
                self.items.setItem(row, column, cell)
        fit_columns(self.items, ITEM_COLUMNS.index("Unsur"))

    def _show_trend(self, unit_id: int) -> None:
        points = self._surveys.trend(unit_id)
        label = self.unit.itemText(max(0, self.unit.findData(unit_id)))
        self.chart.set_series(
            [
                Series(
                    label,
                    tuple((p.period.label, float(p.ikm.ikm) if p.ikm else None) for p in points),
                )
            ]
        )
