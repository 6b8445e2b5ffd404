"""Quick entry of one daily progress: the RHK, times and what was done, then Enter.

The keyboard path: a digit 1–9 picks the RHK; Tab to the start and end time ("08.00"); type
what was done; Tab to the realisation and its unit; Enter saves (in the text, Shift+Enter makes
a new line). The data source, link and file are optional, further down by Tab. Esc cancels.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.progress import EntryInput, ProgressEntry, format_time
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.services.skp.plans import RencanaAksiOption
from kinerja_desktop.ui.clock import qdate
from kinerja_desktop.ui.common import compact, dialog_buttons, error_label, show_message

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Where an RHK item keeps the id of its running rencana aksi (none: the RHK alone).
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
_FIELDS = (
    "rhk",
    "day",
    "start",
    "end",
    "activity",
    "realisation",
    "unit",
    "data_source",
    "evidence_link",
    "file",
)


class _Keys(QObject):
    """Digits pick the RHK; Enter in the text saves."""

    def __init__(self, dialog: EntryDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        dialog = self._dialog
        if watched is dialog.rhk and event.text().isdigit():
            number = int(event.text())
            if 1 <= number <= dialog.rhk.count():
                dialog.rhk.setCurrentIndex(number - 1)
                dialog.start.setFocus()
            return True
        if watched is dialog.activity and event.key() in _RETURN_KEYS:
            dialog.save()
            return True
        return False


class EntryDialog(QDialog):
    """Add or correct one entry; ``saved`` holds the stored entry once saved."""

    def __init__(
        self,
        progress: ProgressService,
        employee_id: int,
        rhks: tuple[RhkOption, ...],
        day: date,
        parent: QWidget | None = None,
        *,
        entry: ProgressEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self._progress = progress
        self._employee_id = employee_id
        self._entry = entry
        self.saved: ProgressEntry | None = None
        self.setWindowTitle("Ubah progres harian" if entry else "Progres harian baru")
        self.setMinimumWidth(560)

        self._build_fields(rhks, day)
        self._lay_out()
        if entry is not None:
            self._fill(entry)

    def _build_fields(self, rhks: tuple[RhkOption, ...], day: date) -> None:
        # A rencana aksi with its RHK makes long items: the combo keeps to the dialog's width.
        self.rhk = compact(QComboBox(), 60)
        # The running period's rencana aksi, where one is planned; else the RHK itself.
        actions = {option.rhk_id: option for option in self._running_actions(day)}
        for number, option in enumerate(rhks, start=1):
            action = actions.get(option.id)
            if action is None:
                self.rhk.addItem(f"{number} · {option.text}", option.id)
            else:
                self.rhk.addItem(f"{number} · {action.text} (RHK: {option.text})", option.id)
                self.rhk.setItemData(self.rhk.count() - 1, action.id, ACTION_ROLE)
        self.rhk.setCurrentIndex(-1)
        self.rhk.setPlaceholderText(
            "Tekan 1–9 untuk memilih RHK" if rhks else "Belum ada SKP tahun ini: buat SKP dulu"
        )
        self.day = QDateEdit(qdate(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.start = QLineEdit("08.00")
        self.end = QLineEdit("")
        self.end.setPlaceholderText("mis. 10.00")
        self.activity = QPlainTextEdit()
        self.activity.setTabChangesFocus(True)
        self.activity.setFixedHeight(70)
        self.activity.setPlaceholderText(
            "Apa yang dikerjakan? Enter menyimpan; Shift+Enter untuk baris baru."
        )
        self.realisation = QLineEdit()
        self.realisation.setPlaceholderText("bilangan bulat, mis. 12")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("mis. berkas")
        self.data_source = QLineEdit()
        self.data_source.setPlaceholderText("mis. Aplikasi SIAK, buku register")
        self.evidence_link = QLineEdit()
        self.evidence_link.setPlaceholderText("https://… atau D:\\Bukti\\berkas.pdf")
        self.evidence_file = QLineEdit()
        self.evidence_file.setReadOnly(True)
        self.evidence_file.setPlaceholderText("Tidak ada berkas baru")
        self.remove_file = QCheckBox("Hapus berkas yang tersimpan")
        self.remove_file.setVisible(bool(self._entry and self._entry.evidence))
        choose = QPushButton("Pilih &berkas…")
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.evidence_file, 1)
        file_row.addWidget(choose)
        file_row.addWidget(self.remove_file)
        self._file_box = file_box = QWidget()
        file_box.setLayout(file_row)
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.start)
        times.addWidget(QLabel("s.d."))
        times.addWidget(self.end)
        self._times_box = times_box = QWidget()
        times_box.setLayout(times)

    def _running_actions(self, day: date) -> tuple[RencanaAksiOption, ...]:
        try:
            return self._progress.rencana_aksi_options(self._employee_id, day)
        except DomainError:
            return ()  # no rencana aksi to offer: the entry goes against the RHK

    def _lay_out(self) -> None:
        self.errors = {key: error_label() for key in _FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        rows: list[tuple[str, QWidget, tuple[str, ...]]] = [
            ("&Rencana aksi / RHK", self.rhk, ("rhk",)),
            ("&Tanggal", self.day, ("day",)),
            ("&Jam mulai s.d. selesai", self._times_box, ("start", "end")),
            ("&Kegiatan harian", self.activity, ("activity",)),
            ("Rea&lisasi", self.realisation, ("realisation",)),
            ("&Satuan", self.unit, ("unit",)),
            ("Sumber &data", self.data_source, ("data_source",)),
            ("Tautan bukt&i dukung", self.evidence_link, ("evidence_link",)),
            ("Berkas bukti dukung", self._file_box, ("file",)),
        ]
        for label, widget, keys in rows:
            form.addRow(label, widget)
            for key in keys:
                form.addRow("", self.errors[key])
        layout = QVBoxLayout(self)
        hint = QLabel("Angka 1–9 untuk RHK · jam mulai dan selesai · kegiatan lalu Enter.")
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(dialog_buttons(self, "&Simpan (Enter)", self.save))
        filter_keys = _Keys(self)
        self.rhk.installEventFilter(filter_keys)
        self.activity.installEventFilter(filter_keys)

    def _fill(self, entry: ProgressEntry) -> None:
        index = self.rhk.findData(entry.rhk_id)
        self.rhk.setCurrentIndex(index)
        self.day.setDate(qdate(entry.day))
        self.start.setText(format_time(entry.start))
        self.end.setText(format_time(entry.end))
        self.activity.setPlainText(entry.activity)
        self.realisation.setText(str(entry.realisation))
        self.unit.setText(entry.unit)
        self.data_source.setText(entry.data_source)
        self.evidence_link.setText(entry.evidence_link)
        if entry.evidence is not None:
            self.evidence_file.setPlaceholderText(f"Tersimpan: {entry.evidence.file_name}")

    def showEvent(self, event: QShowEvent) -> None:
        """Start on the RHK, or on the text when correcting."""
        super().showEvent(event)
        (self.activity if self._entry else self.rhk).setFocus()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Pilih berkas bukti dukung")
        if name:
            self.evidence_file.setText(name)

    def typed(self) -> EntryInput:
        picked = self.day.date()
        action = self.rhk.currentData(ACTION_ROLE)
        return EntryInput(
            rhk_id=self.rhk.currentData(),
            rencana_aksi_id=action if isinstance(action, int) else None,
            day=date(picked.year(), picked.month(), picked.day()),
            start=self.start.text(),
            end=self.end.text(),
            activity=self.activity.toPlainText(),
            realisation=self.realisation.text(),
            unit=self.unit.text(),
            data_source=self.data_source.text(),
            evidence_link=self.evidence_link.text(),
        )

    def _show_errors(self, messages: dict[str, str]) -> None:
        for key, label in self.errors.items():
            show_message(label, messages.get(key))
        general = [text for key, text in messages.items() if key not in self.errors]
        show_message(self.general_error, " ".join(general))
        widgets: dict[str, QWidget] = {
            "rhk": self.rhk,
            "day": self.day,
            "start": self.start,
            "end": self.end,
            "activity": self.activity,
            "realisation": self.realisation,
            "unit": self.unit,
            "data_source": self.data_source,
            "evidence_link": self.evidence_link,
        }
        for key in _FIELDS:  # focus the first field that needs attention
            if key in messages and key in widgets:
                widgets[key].setFocus()
                break

    def save(self) -> None:
        """Save in one transaction and close; or show what to fix, field by field."""
        file_text = self.evidence_file.text().strip()
        file = Path(file_text) if file_text else None
        try:
            if self._entry is None:
                self.saved = self._progress.add(self._employee_id, self.typed(), file)
            else:
                self.saved = self._progress.update(
                    self._entry.id, self.typed(), file, remove_file=self.remove_file.isChecked()
                )
        except ValidationErrors as errors:
            self._show_errors(errors.by_field())
            return
        except ValidationError as error:
            self._show_errors({error.field or "": error.message})
            return
        except DomainError as error:
            self._show_errors({"": error.message})
            return
        super().accept()

    def accept(self) -> None:
        self.save()
