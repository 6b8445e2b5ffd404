"""Pengaduan & Apresiasi: the register with status, deadline and overdue flags.

Keyboard: Ctrl+N a new entry, Ctrl+Enter the next stage, Ctrl+J turns the selected entry about
a person into an observation in their behaviour journal.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.behaviour import INDICATORS_PER_VALUE, ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    FeedbackFields,
    FeedbackKind,
    FeedbackStatus,
    categories,
)
from kinerja_desktop.domain.supervision.deadlines import DeadlineState
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.services.supervision.feedback import (
    FeedbackEntry,
    FeedbackFilter,
    FeedbackInput,
    FeedbackService,
)
from kinerja_desktop.services.supervision.surveys import SurveyService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import (
    FieldErrors,
    dialog_buttons,
    fit_columns,
    show_error,
    show_message,
)
from kinerja_desktop.ui.evaluation.quick_entry import PersonPicker
from kinerja_desktop.ui.supervision.removal_dialog import RemovalDialog

COLUMNS = ("Diterima", "Jenis", "Kanal", "Unit layanan", "Pegawai", "Isi", "Status", "Tenggat")
SHOWN = 2000
_FLAG_COLOURS = {
    DeadlineState.OVERDUE: "#f8d7da",
    DeadlineState.DUE_SOON: "#fff3cd",
    DeadlineState.CLOSED_LATE: "#f3e5f5",
}


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FeedbackDialog(QDialog):
    """A new entry of the register, or a correction of one (``existing``).

    Errors show under their fields and nothing is saved half-way; a correction keeps the
    entry's status and its dates.
    """

    def __init__(
        self,
        feedback: FeedbackService,
        surveys: SurveyService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        existing: FeedbackEntry | None = None,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(
            "Ubah entri register" if existing else "Pengaduan, saran, atau apresiasi baru"
        )
        self._feedback = feedback
        self._staff = staff
        self._existing = existing
        self.saved: FeedbackEntry | None = None
        self.kind = QComboBox()
        for kind in FeedbackKind:
            self.kind.addItem(kind.label, kind.value)
        self.received_on = QDateEdit(qdate(self._today()))
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("dd/MM/yyyy")
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText("Nomor tiket SP4N-LAPOR!")
        self.unit = QComboBox()
        self.unit.addItem("— tidak disebut —", None)
        for unit in surveys.units():
            self.unit.addItem(unit.label, unit.id)
        self.person = PersonPicker(staff)
        self.person.setPlaceholderText("Pegawai yang dimaksud (boleh kosong)")
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *categories()])
        self.reporter = QLineEdit()
        self.reporter.setPlaceholderText("Nama atau kontak (boleh kosong)")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.errors = FieldErrors(
            (
                "kind",
                "received_on",
                "channel",
                "ticket",
                "text",
                "category",
                "reporter",
                "respond_by",
                "resolve_by",
            )
        )
        form = QFormLayout()
        self.errors.add_rows(
            form,
            [
                ("&Jenis", self.kind, "kind"),
                ("&Tanggal diterima", self.received_on, "received_on"),
                ("&Kanal", self.channel, "channel"),
                ("Nomor &tiket", self.ticket, "ticket"),
                ("&Unit layanan", self.unit, ""),
                ("&Pegawai", self.person, ""),
                ("Kate&gori", self.category, "category"),
                ("Pe&lapor", self.reporter, "reporter"),
                ("&Isi", self.text, "text"),
            ],
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["respond_by"])
        layout.addWidget(self.errors["resolve_by"])
        layout.addWidget(self.errors.general)
        layout.addWidget(dialog_buttons(self, "&Simpan", self.save))
        self.channel.currentIndexChanged.connect(self._channel_changed)
        if existing is not None:
            self._fill(existing)
        self._channel_changed()

    def _fill(self, entry: FeedbackEntry) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(entry.kind.value), 0))
        self.received_on.setDate(qdate(entry.received_on))
        self.channel.setCurrentIndex(max(self.channel.findData(entry.channel.value), 0))
        self.ticket.setText(entry.ticket)
        self.unit.setCurrentIndex(max(self.unit.findData(entry.unit_id), 0))
        if entry.employee_id is not None:
            self.person.set_person(self._staff.get(entry.employee_id))
        self.category.setCurrentText(entry.category)
        self.reporter.setText(entry.reporter)
        self.text.setPlainText(entry.text)

    def _channel_changed(self) -> None:
        self.ticket.setEnabled(self.channel.currentData() == Channel.SP4N_LAPOR.value)

    def save(self) -> None:
        self.errors.hide_all()
        if self.person.text().strip() and not self.person.pick_typed():
            show_message(self.errors.general, "Pegawai tidak ditemukan; ketik nama atau NIP lagi.")
            return
        data = FeedbackInput(
            FeedbackFields(
                kind=str(self.kind.currentData()),
                channel=str(self.channel.currentData()),
                received_on=_pydate(self.received_on.date()),
                text=self.text.toPlainText(),
                ticket=self.ticket.text() if self.ticket.isEnabled() else "",
                category=self.category.currentText(),
                reporter=self.reporter.text(),
            ),
            unit_id=self.unit.currentData(),
            employee_id=self.person.employee_id,
        )
        try:
            if self._existing is None:
                self.saved = self._feedback.record(data)
            else:
                self.saved = self._feedback.update(self._existing.id, data)
        except DomainError as error:
            self.errors.show(error)
            return
        self.accept()


#: The title of the message saying why an entry did not become an observation.
OBSERVATION_NOT_MADE = "Catatan perilaku tidak dibuat"


class ObservationDialog(QDialog):
    """Which BerAKHLAK value (Berorientasi Pelayanan by default) and sign the observation gets."""

    def __init__(self, entry: FeedbackEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Jadikan catatan perilaku")
        self.value = QComboBox()
        for value in BehaviourValue:
            self.value.addItem(behaviour_label(value), value.value)
        self.sign = QComboBox()
        for sign in ObservationSign:
            self.sign.addItem(sign.label, sign.value)
        default_sign = {
            FeedbackKind.PENGADUAN: ObservationSign.NEGATIF,
            FeedbackKind.APRESIASI: ObservationSign.POSITIF,
            FeedbackKind.SARAN: ObservationSign.NETRAL,
        }[entry.kind]
        self.sign.setCurrentIndex(self.sign.findData(default_sign.value))
        self.indicator = QComboBox()
        self.value.currentIndexChanged.connect(self._fill_indicators)
        self._fill_indicators()
        self.serious = QCheckBox("Hal serius (mis. pungutan liar)")
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{entry.employee_name}</b>: {entry.text[:200]}"))
        form.addRow("&Nilai BerAKHLAK", self.value)
        form.addRow("&Panduan perilaku", self.indicator)
        form.addRow("&Sifat", self.sign)
        form.addRow("", self.serious)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, "&Jadikan catatan", self.accept))

    def _fill_indicators(self) -> None:
        value = BehaviourValue(str(self.value.currentData()))
        self.indicator.clear()
        self.indicator.addItem("— nilai secara umum —", None)
        for number in range(1, INDICATORS_PER_VALUE + 1):
            text = behaviour_indicators(value)[number - 1]
            self.indicator.addItem(f"{number}. {text}", number)


class RegisterTab(QWidget):
    """The register: filters, the table with flags, and the actions on the selected entry.

    Signals:
        changed: Something was saved (the dashboard reads again).
    """

    changed = Signal()

    def __init__(
        self,
        feedback: FeedbackService,
        surveys: SurveyService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._feedback, self._surveys, self._staff, self._today = feedback, surveys, staff, today
        self._entries: list[FeedbackEntry] = []
        self.observation_dialog: ObservationDialog | None = None
        self.removal_dialog: RemovalDialog | None = None
        self.kind = QComboBox()
        self.kind.addItem("Semua jenis", None)
        for kind in FeedbackKind:
            self.kind.addItem(kind.label, kind.value)
        self.open_only = QCheckBox("Hanya yang belum selesai")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari isi, nomor tiket, nama pegawai…")
        self.new_button = QPushButton("Baru… (Ctrl+N)")
        self.edit_button = QPushButton("Ubah…")
        self.remove_button = QPushButton("Hapus…")
        self.next_button = QPushButton("Tahap berikutnya (Ctrl+Enter)")
        self.observation_button = QPushButton("Jadikan catatan perilaku (Ctrl+J)")
        self.count_label = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.open_only)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.remove_button)
        actions = QHBoxLayout()
        actions.addWidget(self.next_button)
        actions.addWidget(self.observation_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.open_only.toggled.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        self.next_button.clicked.connect(self.next_stage)
        self.observation_button.clicked.connect(self.turn_into_observation)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        # Ctrl+J is the app's quick-entry key: the page routes it here (own_quick_entry), so
        # the two never compete for it.
        for keys, slot in (
            ("Ctrl+N", self.new_entry),
            ("Ctrl+Return", self.next_stage),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the register again with the current filters."""
        kind = self.kind.currentData()
        self._entries = self._feedback.entries(
            FeedbackFilter(
                kind=FeedbackKind(kind) if kind else None,
                open_only=self.open_only.isChecked(),
                text=self.search.text(),
            ),
            limit=SHOWN,
        )
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            status = entry.status.label + (" · jurnal" if entry.observation_id else "")
            cells = (
                entry.received_on.strftime("%d/%m/%Y"),
                entry.kind.label,
                entry.channel_text,
                entry.unit_label,
                entry.employee_name,
                entry.text,
                status,
                entry.deadline.text,
            )
            colour = _FLAG_COLOURS.get(entry.deadline.state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COLUMNS.index("Isi"):
                    item.setToolTip(entry.text)
                if colour is not None:
                    item.setBackground(QBrush(QColor(colour)))
                self.table.setItem(row, column, item)
        fit_columns(self.table, COLUMNS.index("Isi"))
        overdue = sum(entry.deadline.state is DeadlineState.OVERDUE for entry in self._entries)
        self.count_label.setText(f"{len(self._entries)} entri, {overdue} terlambat")
        self._selection_changed()

    def selected(self) -> FeedbackEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._entries):
            return None
        return self._entries[rows[0].row()]

    def select(self, feedback_id: int) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == feedback_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        entry = self.selected()
        allowed = entry.allowed if entry is not None else frozenset()
        self.edit_button.setEnabled(SupervisionAction.CORRECT in allowed)
        self.remove_button.setEnabled(SupervisionAction.DELETE in allowed)
        self.next_button.setEnabled(
            entry is not None and entry.status.is_open and SupervisionAction.CLOSE in allowed
        )
        self.observation_button.setEnabled(
            entry is not None
            and entry.employee_id is not None
            and entry.observation_id is None
            and SupervisionAction.CORRECT in allowed
        )
        if entry is None:
            self.detail.setText("Pilih satu entri untuk melihat rinciannya.")
            return
        parts = [
            f"{entry.kind.label} no. {entry.id}, diterima {format_date_id(entry.received_on)} "
            f"melalui {entry.channel_text}.",
        ]
        if entry.respond_by:
            parts.append(f"Batas tanggapan {format_date_id(entry.respond_by)}.")
        if entry.resolve_by:
            parts.append(f"Batas penyelesaian {format_date_id(entry.resolve_by)}.")
        if entry.resolution:
            parts.append(f"Penyelesaian: {entry.resolution}")
        if entry.observation_id:
            parts.append("Sudah menjadi catatan perilaku di jurnal pegawai.")
        self.detail.setText(" ".join(parts))

    # --- actions ---------------------------------------------------------------------------

    def new_entry(self) -> None:
        dialog = FeedbackDialog(self._feedback, self._surveys, self._staff, self, today=self._today)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select(dialog.saved.id)
            self.changed.emit()

    def edit_entry(self) -> None:
        """Correct the selected entry (what was recorded; its status stays)."""
        entry = self.selected()
        if entry is None:
            return
        dialog = FeedbackDialog(
            self._feedback, self._surveys, self._staff, self, existing=entry, today=self._today
        )
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select(entry.id)
            self.changed.emit()

    def remove_entry(self) -> None:
        """Ask for the reason, then delete the selected entry; its journal observation stays."""
        entry = self.selected()
        if entry is None:
            return
        dialog = RemovalDialog(entry, lambda reason: self._feedback.remove(entry.id, reason), self)
        self.removal_dialog = dialog
        dialog.accepted.connect(self._removed)
        dialog.open()

    def _removed(self) -> None:
        self.refresh()
        self.changed.emit()

    def next_stage(self) -> None:
        """Move the selected entry one stage on; closing asks for the resolution."""
        entry = self.selected()
        if entry is None or not entry.status.is_open:
            return
        new = list(FeedbackStatus)[entry.status.step + 1]
        resolution = ""
        if new is FeedbackStatus.SELESAI:
            text, ok = QInputDialog.getMultiLineText(
                self,
                "Selesaikan",
                "Penyelesaian (apa yang dilakukan dan disampaikan kepada pelapor):",
            )
            if not ok:
                return
            resolution = text
        try:
            self._feedback.move(entry.id, new, resolution=resolution)
        except DomainError as error:
            show_error(self, "Status tidak diubah", error)
            return
        self.refresh()
        self.select(entry.id)
        self.changed.emit()

    def turn_into_observation(self) -> None:
        """Ask for the value and sign, then add the observation to the person's journal."""
        entry = self.selected()
        if entry is None or entry.employee_id is None or entry.observation_id is not None:
            return
        try:
            refusal = self._feedback.observation_refusal(entry.id)
        except DomainError as error:
            show_error(self, OBSERVATION_NOT_MADE, error)
            return
        if refusal is not None:  # said before the value and sign are chosen
            show_error(self, OBSERVATION_NOT_MADE, refusal)
            return
        dialog = ObservationDialog(entry, self)
        self.observation_dialog = dialog
        dialog.accepted.connect(lambda: self._make_observation(entry, dialog))
        dialog.open()

    def _make_observation(self, entry: FeedbackEntry, dialog: ObservationDialog) -> None:
        try:
            self._feedback.to_observation(
                entry.id,
                value=str(dialog.value.currentData()),
                sign=str(dialog.sign.currentData()),
                indicator=dialog.indicator.currentData(),
                serious=dialog.serious.isChecked(),
            )
        except (ValidationError, DomainError) as error:
            show_error(self, OBSERVATION_NOT_MADE, error)
            return
        self.refresh()
        self.select(entry.id)
        self.changed.emit()
