"""Cetak: preview a form, print it or save it as PDF, or print a whole unit in the background."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Orientation, Paper
from kinerja_desktop.reports.render import orientation_of
from kinerja_desktop.services.printing import PreparedDocument, PrintingService, PrintRequest
from kinerja_desktop.services.printing.batch import BatchResult, file_name, plan_batch, run_batch
from kinerja_desktop.services.printing.batch_pool import default_workers
from kinerja_desktop.services.printing.pdf_files import FileWriteError, save_pdf
from kinerja_desktop.services.printing.request import PERIOD_FORMS, UNIT_FORMS
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.printing.pdf_printing import choose_printer, paint_pages
from kinerja_desktop.ui.units import fill_unit_combo
from kinerja_desktop.ui.workers import run_in_background

ALL_FORMS = "Semua formulir"
#: Forms printed from elsewhere: the survey report from Pengawasan's survey tab.
ELSEWHERE = frozenset({FormKind.SURVEI})


def searchable_person_combo() -> QComboBox:
    """A person combo that filters as you type part of a name or NIP (anywhere in the text)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText("Ketik sebagian nama atau NIP")
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return combo


class _BatchSignals(QObject):
    """Progress from the worker thread, delivered on the GUI thread (queued)."""

    progress = Signal(int, int, str)


class PrintPage(QWidget):
    """Pick a person or a unit, a period, a form and the paper; preview, print, save, batch."""

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset(
        {Topic.STAFF, Topic.SKP, Topic.EVALUATION, Topic.JOURNAL, Topic.DEVELOPMENT}
    )

    def __init__(
        self,
        printing: PrintingService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self._today = today
        #: Opens a folder in the system's file manager (tests pass their own).
        self._open_url = open_url
        self._batch_folder: Path | None = None
        self._printing = printing
        self._staff = staff
        self._prepared: PreparedDocument | None = None
        self._pdf = b""
        self._recorded = False
        self._cancel = threading.Event()
        self._signals = _BatchSignals(self)
        self._signals.progress.connect(self._on_progress)
        self.last_batch: BatchResult | None = None

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.period = QComboBox()
        self.form = QComboBox()
        for kind in FormKind:
            if kind not in ELSEWHERE:
                self.form.addItem(kind.label, kind.value)
        self.form.addItem(ALL_FORMS, None)
        self.person = searchable_person_combo()
        self.unit = QComboBox()
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.merge = QCheckBox("Gabungkan menjadi satu berkas PDF")

        self.preview_button = QPushButton("Pratinjau")
        self.print_button = QPushButton("Cetak…")
        self.save_button = QPushButton("Simpan PDF…")
        self.batch_button = QPushButton("Cetak satu unit ke folder…")
        self.cancel_button = QPushButton("Batal")
        self.cancel_button.setEnabled(False)
        self.open_folder_button = QPushButton("Buka &folder")
        self.open_folder_button.setToolTip("Buka folder hasil cetak terakhir")
        self.open_folder_button.hide()  # until a batch has written somewhere
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_label()

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None

        self._layout()
        self.year.valueChanged.connect(self.refresh)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.batch_button.clicked.connect(self.choose_batch_folder)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.open_folder_button.clicked.connect(self.open_batch_folder)
        self.form.currentIndexChanged.connect(self._forget_preview)
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Tahun", self.year)
        form.addRow("Periode", self.period)
        form.addRow("Formulir", self.form)
        form.addRow("Pegawai", self.person)
        form.addRow("Unit", self.unit)
        form.addRow("Kertas", self.paper)
        one = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            one.addWidget(button)
        batch = QHBoxLayout()
        batch.addWidget(self.batch_button)
        batch.addWidget(self.cancel_button)
        batch.addWidget(self.open_folder_button)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addLayout(form)
        column.addWidget(QLabel("Satu dokumen (pegawai terpilih; sebaran: unit terpilih):"))
        column.addLayout(one)
        column.addWidget(QLabel("Semua pegawai unit terpilih, satu berkas per pegawai:"))
        column.addWidget(self.merge)
        column.addLayout(batch)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addWidget(self.error)
        column.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

    # --- choices -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload people with an SKP in the year, the units and the periods."""
        year = self.year.value()
        self.person.clear()
        for employee_id, nip, name in self._printing.people(year):
            self.person.addItem(f"{name} ({nip})", employee_id)
        fill_unit_combo(self.unit, self._staff.units())
        current = self.period.currentData()
        self.period.clear()
        for period in periods_for_year(year, self._scheme(year)):
            self.period.addItem(period.label, period.code)
        if current is not None and (index := self.period.findData(current)) >= 0:
            self.period.setCurrentIndex(index)
        self._forget_preview()

    def show_person(self, employee_id: int) -> bool:
        """Choose a person to print for (from a list of people); False without an SKP."""
        index = self.person.findData(employee_id)
        if index >= 0:
            self.person.setCurrentIndex(index)
        return index >= 0

    def person_in_front(self) -> int | None:
        employee_id = self.person.currentData()
        return int(employee_id) if employee_id is not None else None

    def _scheme(self, year: int) -> EvaluationScheme:
        units = self._staff.units()
        return self._staff.scheme_for(units[0].id, year) if units else EvaluationScheme.TRIWULAN

    def selected_form(self) -> FormKind | None:
        value = self.form.currentData()
        return FormKind(value) if value else None

    def selected_paper(self) -> Paper:
        return Paper(self.paper.currentData())

    def _request(self) -> PrintRequest:
        form = self.selected_form()
        if form is None:
            raise DomainError("Pilih satu formulir untuk pratinjau; semua formulir: cetak unit.")
        period = str(self.period.currentData() or "") if form in PERIOD_FORMS else ""
        if form in UNIT_FORMS:
            unit_id = self.unit.currentData()
            if unit_id is None:
                raise DomainError("Pilih unitnya dahulu.")
            return PrintRequest(form, self.year.value(), self._today(), period, unit_id=unit_id)
        employee_id = self.person.currentData()
        if employee_id is None:
            raise DomainError(f"Tidak ada pegawai dengan SKP tahun {self.year.value()}.")
        if self.person.currentText() != self.person.itemText(self.person.currentIndex()):
            # Typed text that names nobody on the list must not print the last person chosen.
            raise DomainError(
                "Pegawai: pilih salah satu nama dari daftar (ketik sebagian nama atau NIP)."
            )
        return PrintRequest(
            form, self.year.value(), self._today(), period, employee_id=int(employee_id)
        )

    # --- one document --------------------------------------------------------------------------

    def _forget_preview(self) -> None:
        self._prepared = None
        self._pdf = b""
        self._recorded = False

    def preview(self) -> bool:
        """Build the selected document and show it; False (with the reason shown) if not."""
        show_message(self.error, None)
        try:
            self._prepared = self._printing.prepare(self._request())
            self._pdf = self._printing.render(self._prepared, self.selected_paper())
        except DomainError as error:
            self._forget_preview()
            show_message(self.error, error.message)
            return False
        self._recorded = False
        self._show(self._pdf)
        self.status.setText(
            f"{self.document.pageCount()} halaman. Kode verifikasi: {self._prepared.code}"
        )
        return True

    def _show(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _ready(self) -> bool:
        return self._prepared is not None or self.preview()

    def _record(self) -> None:
        """The printed or saved document is kept with its code, once."""
        if self._prepared is not None and not self._recorded:
            self._printing.record(self._prepared, self.selected_paper())
            self._recorded = True

    def save_pdf(self) -> Path | None:
        if not self._ready() or self._prepared is None:
            return None
        request = self._prepared.request
        suggested = self._suggested_name(request)
        path, _ = QFileDialog.getSaveFileName(
            self, "Simpan PDF", str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if not path:
            return None
        target = Path(path)
        try:
            save_pdf(target, self._pdf)
        except FileWriteError as error:
            show_message(self.error, error.message)
            return None
        self._record()
        self.status.setText(f"Disimpan: {target}")
        return target

    def _suggested_name(self, request: PrintRequest) -> str:
        period = request.period_code or str(request.year)
        if request.employee_id is None:
            return f"{request.form.value}_{period}.pdf"
        text = self.person.currentText()
        name, _, nip = text.rpartition(" (")
        return file_name(nip.rstrip(")"), name, request.form, period)

    def print_document(self) -> bool:
        """Send the previewed document to a printer chosen in the system dialog."""
        if not self._ready() or self._prepared is None:
            return False
        landscape = orientation_of(self._prepared.request.form) is Orientation.LANDSCAPE
        printer = choose_printer(self, self.selected_paper(), landscape=landscape)
        if printer is None:
            return False
        self._record()
        if not paint_pages(printer, self.document):
            show_message(self.error, "Pencetak tidak dapat dipakai. Periksa pencetaknya.")
            return False
        self.status.setText(f"Dikirim ke pencetak: {self.document.pageCount()} halaman.")
        return True

    # --- a unit in the background --------------------------------------------------------------

    def choose_batch_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder tujuan", str(Path.home()))
        if folder:
            self.start_batch(Path(folder))

    def start_batch(self, folder: Path) -> bool:
        """Print the selected form(s) for everyone in the unit, in the background."""
        show_message(self.error, None)
        form = self.selected_form()
        forms = [kind for kind in FormKind if kind not in ELSEWHERE] if form is None else [form]
        unit_id = self.unit.currentData()
        try:
            items = plan_batch(
                self._printing,
                self._staff,
                year=self.year.value(),
                printed_on=self._today(),
                forms=forms,
                period_code=str(self.period.currentData() or ""),
                unit_id=unit_id,
            )
        except DomainError as error:
            show_message(self.error, error.message)
            return False
        if not items:
            show_message(self.error, "Tidak ada yang dicetak untuk unit dan tahun ini.")
            return False
        merged = folder / f"cetak_{self.year.value()}.pdf" if self.merge.isChecked() else None
        self._batch_folder = folder
        paper = self.selected_paper()
        self._cancel.clear()
        self._busy(True, len(items))
        signals, cancel, printing = self._signals, self._cancel, self._printing

        def work() -> BatchResult:
            return run_batch(
                printing,
                items,
                folder,
                paper,
                merged=merged,
                progress=signals.progress.emit,
                cancelled=cancel.is_set,
                # Worker processes are spawned, never forked from this process with Qt threads.
                workers=default_workers(),
            )

        run_in_background(work, self._batch_done, self._batch_failed)
        return True

    def _busy(self, busy: bool, total: int = 0) -> None:
        for widget in (self.batch_button, self.preview_button, self.print_button, self.save_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, total)
            self.progress.setValue(0)
            self.progress.show()
            self.status.setText("Mencetak…")

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%v dari %m  {label}")

    def _batch_done(self, result: BatchResult) -> None:
        self.last_batch = result
        self._busy(False)
        self.open_folder_button.setVisible(bool(result.written))
        lines = [f"{len(result.written)} berkas ditulis."]
        if result.cancelled:
            lines.insert(0, "Dibatalkan; yang sudah ditulis tetap ada.")
        if result.skipped:
            lines.append(f"{len(result.skipped)} dilewati:")
            lines.extend(result.skipped[:10])
        self.status.setText("\n".join(lines))

    def open_batch_folder(self) -> None:
        """Show the last batch's folder in the system's file manager."""
        if self._batch_folder is not None:
            self._open_url(QUrl.fromLocalFile(str(self._batch_folder)))

    def _batch_failed(self, error: Exception) -> None:
        self._busy(False)
        message = error.message if isinstance(error, DomainError) else str(error)
        show_message(self.error, f"Pencetakan berhenti: {message}")
