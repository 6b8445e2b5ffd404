"""Temuan Audit: findings with their due date and status, follow-up actions with evidence."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.supervision.deadlines import DeadlineState
from kinerja_desktop.domain.supervision.findings import FindingFields, FindingSource, FindingStatus
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.services.supervision.findings import (
    Finding,
    FindingInput,
    FindingService,
)
from kinerja_desktop.services.supervision.surveys import SurveyService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import (
    FieldErrors,
    dialog_buttons,
    error_label,
    fit_columns,
    show_error,
    show_message,
)
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker

COLUMNS = ("Tanggal", "Sumber", "Temuan", "Penanggung jawab", "Batas", "Status", "Tenggat")
_FLAG_COLOURS = {DeadlineState.OVERDUE: "#f8d7da", DeadlineState.DUE_SOON: "#fff3cd"}


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class FindingDialog(QDialog):
    def __init__(
        self,
        service: FindingService,
        surveys: SurveyService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle("Temuan baru")
        self._service = service
        self.saved: Finding | None = None
        self.source = QComboBox()
        for source in FindingSource:
            self.source.addItem(source.label, source.value)
        self.found_on = _date_edit(self._today())
        self.reference = QLineEdit()
        self.title_edit = QLineEdit()
        self.condition = QPlainTextEdit()
        self.criterion = QPlainTextEdit()
        self.cause = QPlainTextEdit()
        self.recommendation = QPlainTextEdit()
        for edit in (self.condition, self.criterion, self.cause, self.recommendation):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
        self.unit = QComboBox()
        self.unit.addItem("— tidak disebut —", None)
        for unit in surveys.units():
            self.unit.addItem(unit.label, unit.id)
        self.person = PersonPicker(staff)
        self.due_on = _date_edit(self._today())
        self.default_due = QLabel("Kosongkan perubahan untuk batas bawaan (60 hari).")
        self._due_touched = False
        self.due_on.dateChanged.connect(lambda _d: setattr(self, "_due_touched", True))
        fields = (
            "source",
            "found_on",
            "reference",
            "title",
            "condition",
            "criterion",
            "cause",
            "recommendation",
            "due_on",
        )
        self.errors = FieldErrors(fields)
        form = QFormLayout()
        self.errors.add_rows(
            form,
            [
                ("&Sumber", self.source, "source"),
                ("&Tanggal temuan", self.found_on, "found_on"),
                ("Nomor &LHP", self.reference, "reference"),
                ("&Judul temuan", self.title_edit, "title"),
                ("&Kondisi", self.condition, "condition"),
                ("K&riteria", self.criterion, "criterion"),
                ("S&ebab", self.cause, "cause"),
                ("Reko&mendasi", self.recommendation, "recommendation"),
                ("&Unit", self.unit, ""),
                ("&Pegawai", self.person, ""),
                ("&Batas tindak lanjut", self.due_on, "due_on"),
            ],
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.default_due)
        layout.addWidget(self.errors.general)
        layout.addWidget(dialog_buttons(self, "&Simpan", self.save))

    def save(self) -> None:
        self.errors.hide_all()
        if self.person.text().strip() and not self.person.pick_typed():
            show_message(self.errors.general, "Pegawai tidak ditemukan; ketik nama atau NIP lagi.")
            return
        data = FindingInput(
            FindingFields(
                source=str(self.source.currentData()),
                found_on=_pydate(self.found_on.date()),
                title=self.title_edit.text(),
                condition=self.condition.toPlainText(),
                recommendation=self.recommendation.toPlainText(),
                criterion=self.criterion.toPlainText(),
                cause=self.cause.toPlainText(),
                reference=self.reference.text(),
                due_on=_pydate(self.due_on.date()) if self._due_touched else None,
            ),
            unit_id=self.unit.currentData(),
            employee_id=self.person.employee_id,
        )
        try:
            self.saved = self._service.record(data)
        except DomainError as error:
            self.errors.show(error)
            return
        self.accept()


class FollowUpDialog(QDialog):
    def __init__(
        self,
        service: FindingService,
        finding: Finding,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(f"Tindak lanjut: {finding.title}")
        self._service = service
        self._finding = finding
        self.saved = False
        self.done_on = _date_edit(self._today())
        self.action = QPlainTextEdit()
        self.action.setTabChangesFocus(True)
        self.note = QLineEdit()
        self.link = QLineEdit()
        self.file_label = QLabel("(tanpa berkas)")
        self.file: Path | None = None
        choose = QPushButton("Pilih &berkas…")
        choose.clicked.connect(self._choose)
        self.errors = FieldErrors(("done_on", "action", "evidence_note", "evidence_link", "file"))
        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        self.errors.add_rows(
            form,
            [
                ("&Tanggal", self.done_on, "done_on"),
                ("&Uraian tindak lanjut", self.action, "action"),
                ("Catatan &bukti", self.note, "evidence_note"),
                ("&Tautan bukti", self.link, "evidence_link"),
            ],
        )
        form.addRow("Berkas bukti", file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Temuan {format_date_id(finding.found_on)}: {finding.title}"))
        layout.addLayout(form)
        layout.addWidget(self.errors["file"])
        layout.addWidget(self.errors.general)
        layout.addWidget(dialog_buttons(self, "&Simpan", self.save))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Berkas bukti tindak lanjut")
        if name:
            self.file = Path(name)
            self.file_label.setText(self.file.name)

    def save(self) -> None:
        self.errors.hide_all()
        try:
            self._service.add_follow_up(
                self._finding.id,
                _pydate(self.done_on.date()),
                self.action.toPlainText(),
                evidence_note=self.note.text(),
                evidence_link=self.link.text(),
                evidence_file=self.file,
            )
        except DomainError as error:
            self.errors.show(error)
            return
        self.saved = True
        self.accept()


class LinkDialog(QDialog):
    """Use a finding as evidence for one of a person's SKP results or journal entries."""

    def __init__(
        self,
        service: FindingService,
        staff: StaffService,
        finding: Finding,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Tautkan temuan: {finding.title}")
        self._service = service
        self._finding = finding
        self.linked = False
        self.person = PersonPicker(staff)
        self.person.picked.connect(self._fill)
        self.targets = QListWidget()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("&Pegawai"))
        layout.addWidget(self.person)
        layout.addWidget(QLabel("Hasil kerja (RHK) atau catatan perilaku tahun temuan:"))
        layout.addWidget(self.targets, 1)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, "&Tautkan", self.save))
        if finding.employee_id is not None:
            self.person.set_person(staff.get(finding.employee_id))

    def _fill(self, employee_id: int) -> None:
        self.targets.clear()
        if not employee_id:
            return
        for target in self._service.link_targets(employee_id, self._finding.found_on.year):
            item = QListWidgetItem(target.text)
            item.setData(Qt.ItemDataRole.UserRole, (target.kind, target.id))
            self.targets.addItem(item)

    def save(self) -> None:
        item = self.targets.currentItem()
        if item is None:
            show_message(self.error, "Pilih satu hasil kerja atau catatan perilaku.")
            return
        kind, target_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            if kind == "RHK":
                self._service.link(self._finding.id, rhk_id=target_id)
            else:
                self._service.link(self._finding.id, observation_id=target_id)
        except DomainError as error:
            show_message(self.error, error.message)
            return
        self.linked = True
        self.accept()


class FindingsTab(QWidget):
    """Signals: changed — a finding or its follow-up was saved."""

    changed = Signal()

    def __init__(
        self,
        service: FindingService,
        surveys: SurveyService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._service = service
        self._surveys = surveys
        self._staff = staff
        self._findings: list[Finding] = []
        self.status = QComboBox()
        self.status.addItem("Semua status", None)
        self.status.addItem("Belum selesai", "OPEN")
        for status in FindingStatus:
            self.status.addItem(status.label, status.value)
        self.new_button = QPushButton("Temuan &baru…")
        self.follow_up_button = QPushButton("&Tindak lanjut…")
        self.status_button = QPushButton("Ubah &status…")
        self.link_button = QPushButton("Tautkan sebagai &bukti…")
        self.count_label = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.detail = QTextBrowser()
        bar = QHBoxLayout()
        bar.addWidget(self.status)
        bar.addStretch(1)
        for button in (
            self.new_button,
            self.follow_up_button,
            self.status_button,
            self.link_button,
        ):
            bar.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        self.status.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.new_button.clicked.connect(self.new_finding)
        self.follow_up_button.clicked.connect(self.follow_up)
        self.status_button.clicked.connect(self.change_status)
        self.link_button.clicked.connect(self.link)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.status.currentData()
        if chosen == "OPEN":
            self._findings = self._service.findings(open_only=True)
        else:
            self._findings = self._service.findings(
                status=FindingStatus(chosen) if chosen else None
            )
        self.table.setRowCount(len(self._findings))
        for row, finding in enumerate(self._findings):
            cells = (
                finding.found_on.strftime("%d/%m/%Y"),
                finding.source.label,
                finding.title,
                finding.responsible,
                finding.due_on.strftime("%d/%m/%Y"),
                finding.status.label,
                finding.deadline.text,
            )
            colour = _FLAG_COLOURS.get(finding.deadline.state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                self.table.setItem(row, column, item)
        fit_columns(self.table, COLUMNS.index("Temuan"))
        overdue = sum(f.deadline.state is DeadlineState.OVERDUE for f in self._findings)
        self.count_label.setText(f"{len(self._findings)} temuan, {overdue} melewati batas")
        self._show_detail()

    def selected(self) -> Finding | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._findings):
            return None
        return self._findings[rows[0].row()]

    def _show_detail(self) -> None:
        finding = self.selected()
        # What the account may do to this finding, as the service says (the service checks too).
        allowed = finding.allowed if finding is not None else frozenset()
        self.follow_up_button.setEnabled(SupervisionAction.CORRECT in allowed)
        self.status_button.setEnabled(SupervisionAction.CLOSE in allowed)
        self.link_button.setEnabled(SupervisionAction.CORRECT in allowed)
        if finding is None:
            self.detail.setHtml(
                "<p>Pilih satu temuan untuk melihat rincian dan tindak lanjutnya.</p>"
            )
            return
        follow_ups = self._service.follow_ups(finding.id)
        steps = "".join(
            f"<li>{escape(format_date_id(f.done_on))}: {escape(f.action)}"
            + (f" <i>(bukti: {escape(f.evidence_text)})</i>" if f.evidence_text else "")
            + (" <i>(berkas terlampir)</i>" if f.evidence_file else "")
            + "</li>"
            for f in follow_ups
        )
        rows = "".join(
            f"<tr><td><b>{escape(label)}</b></td><td>{escape(text)}</td></tr>"
            for label, text in (
                ("Nomor LHP", finding.reference),
                ("Kondisi", finding.condition),
                ("Kriteria", finding.criterion),
                ("Sebab", finding.cause),
                ("Rekomendasi", finding.recommendation),
                ("Catatan status", finding.status_note),
            )
            if text
        )
        links = "".join(
            f"<li>{'RHK' if link.rhk_id else 'Catatan perilaku'}: {escape(link.text)}</li>"
            for link in self._service.links(finding_id=finding.id)
        )
        self.detail.setHtml(
            f"<h3>{escape(finding.title)}</h3><table>{rows}</table>"
            f"<p><b>Tindak lanjut</b></p><ul>{steps or '<li>Belum ada.</li>'}</ul>"
            + (f"<p><b>Menjadi bukti untuk</b></p><ul>{links}</ul>" if links else "")
        )

    def new_finding(self) -> None:
        dialog = FindingDialog(self._service, self._surveys, self._staff, self, today=self._today)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.changed.emit()

    def follow_up(self) -> None:
        finding = self.selected()
        if finding is None:
            return
        dialog = FollowUpDialog(self._service, finding, self, today=self._today)
        if dialog.exec() and dialog.saved:
            self.refresh()
            self.changed.emit()

    def link(self) -> None:
        finding = self.selected()
        if finding is None:
            return
        dialog = LinkDialog(self._service, self._staff, finding, self)
        if dialog.exec() and dialog.linked:
            self._show_detail()
            self.changed.emit()

    def change_status(self) -> None:
        finding = self.selected()
        if finding is None:
            return
        labels = [status.label for status in FindingStatus]
        label, ok = QInputDialog.getItem(
            self, "Ubah status", "Status temuan:", labels, labels.index(finding.status.label), False
        )
        if not ok:
            return
        status = FindingStatus(list(FindingStatus)[labels.index(label)])
        note = ""
        if not status.is_open:
            note, ok = QInputDialog.getMultiLineText(
                self, "Catatan", "Catatan (wajib bila tidak dapat ditindaklanjuti):"
            )
            if not ok:
                return
        try:
            self._service.set_status(finding.id, status, note=note)
        except DomainError as error:
            show_error(self, "Status tidak diubah", error)
            return
        self.refresh()
        self.changed.emit()
