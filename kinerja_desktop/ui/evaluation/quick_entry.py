"""Quick entry of a behaviour observation: a few keystrokes from anywhere in the app.

The keyboard path: type part of a name or NIP, Enter (picks the person); a digit 1–7 (or the
first letter) picks the BerAKHLAK value and moves on; P, N or T picks positif, negatif or netral
and moves on; type what happened; Enter saves. The optional fields (panduan perilaku 0–3, date,
source, serious, evidence) come after, by Tab. Esc cancels, asking first when text was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Action, Permissions
from kinerja_desktop.domain.behaviour import (
    INDICATORS_PER_VALUE,
    ObservationSign,
    ObservationSource,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.evaluation.journal import JournalService, Observation
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message

#: The dialog's title when it corrects an observation.
CORRECTION_TITLE = "Koreksi catatan perilaku"
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SIGN_KEYS = {
    Qt.Key.Key_P: ObservationSign.POSITIF,
    Qt.Key.Key_N: ObservationSign.NEGATIF,
    Qt.Key.Key_T: ObservationSign.NETRAL,
}
_SIGN_TEXT = {
    ObservationSign.POSITIF: "Positif (P)",
    ObservationSign.NEGATIF: "Negatif (N)",
    ObservationSign.NETRAL: "Netral (T)",
}
_FIELDS = (
    "employee",
    "value",
    "sign",
    "text",
    "indicator",
    "observed_on",
    "source",
    "evidence_note",
    "evidence_link",
    "file",
    "reason",
)


def person_text(person: Employee) -> str:
    """How a person appears in pickers: "Siti Rahmawati — 198103042006042011"."""
    return f"{person.full_name} — {person.nip}"


class PersonPicker(QLineEdit):
    """Type part of a name or NIP; the list narrows; Enter picks the first (or chosen) match.

    ``offered`` narrows the matches to the people it accepts (e.g. those the account may
    change); without it, everyone the account sees is offered.

    Signals:
        picked: The chosen person's id, or 0 when the text no longer names a person.
    """

    picked = Signal(int)

    def __init__(
        self,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        offered: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._offered = offered
        self._ids: dict[str, int] = {}
        self._chosen: tuple[str, int] | None = None
        self.setPlaceholderText("Ketik sebagian nama atau NIP, lalu Enter")
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._choose_text)
        self.setCompleter(completer)
        self.textEdited.connect(self._search)

    @property
    def employee_id(self) -> int | None:
        """The chosen person, while the text still shows them."""
        if self._chosen is not None and self._chosen[0] == self.text():
            return self._chosen[1]
        return None

    def set_person(self, person: Employee) -> None:
        text = person_text(person)
        self._ids[text] = person.id
        self._chosen = (text, person.id)
        self.setText(text)
        self.picked.emit(person.id)

    def clear_person(self) -> None:
        self._chosen = None
        self.clear()
        self.picked.emit(0)

    def pick_typed(self) -> bool:
        """Pick the person the text names, or the first match; False when nobody matches."""
        if self.employee_id is not None:
            return True
        text = self.text().strip()
        if text in self._ids:
            self._choose_text(text)
            return True
        found = self._matches(text, 1) if text else []
        if not found:
            return False
        self.set_person(found[0])
        return True

    def _search(self, text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.picked.emit(0)
        people = self._matches(text.strip(), 15) if text.strip() else []
        self._ids = {person_text(person): person.id for person in people}
        self._model.setStringList(list(self._ids))

    def _matches(self, text: str, limit: int) -> list[Employee]:
        """The first ``limit`` people matching ``text`` that are offered."""
        if self._offered is None:
            return self._staff.search_people(text, limit)
        # Few of those seen are left out (one's own record): twice as many is plenty.
        found = self._staff.search_people(text, limit * 2)
        return [person for person in found if self._offered(person.id)][:limit]

    def _choose_text(self, text: str) -> None:
        employee_id = self._ids.get(text)
        if employee_id is None:
            return
        self._chosen = (text, employee_id)
        if self.text() != text:
            self.setText(text)
        self.picked.emit(employee_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter picks the person (a prefilled one is kept) and moves on to the next field."""
        if event.key() in _RETURN_KEYS and self.employee_id is not None and self.hasSelectedText():
            self.deselect()  # the prefilled person, confirmed
            self.focusNextChild()
            event.accept()
            return
        if event.key() in _RETURN_KEYS and self.employee_id is None and self.text().strip():
            popup = self.completer().popup()
            if popup is not None and popup.isVisible():
                current = popup.currentIndex()
                popup.hide()
                if current.isValid():
                    self._choose_text(str(current.data()))
            if self.pick_typed():
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


def value_item_text(number: int, value: BehaviourValue) -> str:
    return f"{number} · {behaviour_label(value)}"


class _Keys(QObject):
    """The dialog's single-key choices on the value, indicator and sign fields."""

    def __init__(self, dialog: QuickEntryDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        dialog = self._dialog
        if watched is dialog.value:
            return dialog.value_key(event.text())
        if watched is dialog.indicator:
            return dialog.indicator_key(event.text())
        if watched in dialog.sign_buttons.values():
            sign = _SIGN_KEYS.get(Qt.Key(event.key()))
            if sign is not None:
                dialog.set_sign(sign)
                dialog.text.setFocus()
                return True
        if watched is dialog.text and event.key() in _RETURN_KEYS:
            dialog.save()  # Shift+Enter (a modifier) still makes a new line
            return True
        return False


class QuickEntryDialog(QDialog):
    """A small form for one observation; ``recorded`` carries the person's id once saved.

    Given an ``existing`` observation it corrects that one instead: its fields filled in, and
    a reason required that goes to the audit log. Only people the account may change
    (``permissions``) are offered; a person in front who is not one of them is not filled in,
    and the field says why.
    """

    recorded = Signal(int)
    #: Whether the form opens at the value (a prefilled observation, see `prefill`).
    _start_at_value = False

    def __init__(
        self,
        journal: JournalService,
        staff: StaffService,
        parent: QWidget | None = None,
        employee_id: int | None = None,
        *,
        existing: Observation | None = None,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._existing = existing
        self.setWindowTitle("Catatan perilaku baru" if existing is None else CORRECTION_TITLE)
        self.setMinimumWidth(560)

        self.person = PersonPicker(
            staff, self, offered=lambda person: permissions.allows(person, Action.EDIT)
        )
        self.value = QComboBox()
        for number, value in enumerate(BehaviourValue, start=1):
            self.value.addItem(value_item_text(number, value), value.value)
        self.value.setCurrentIndex(-1)
        self.value.setPlaceholderText("Tekan 1–7 atau huruf awal nilai")
        self.indicator = QComboBox()
        self.value.currentIndexChanged.connect(self._fill_indicators)
        self._fill_indicators()

        self.sign_group = QButtonGroup(self)
        self.sign_buttons: dict[ObservationSign, QRadioButton] = {}
        sign_row = QHBoxLayout()
        for sign in ObservationSign:
            button = QRadioButton(_SIGN_TEXT[sign])
            self.sign_group.addButton(button)
            self.sign_buttons[sign] = button
            sign_row.addWidget(button)
        sign_row.addStretch()
        sign_box = QWidget()
        sign_box.setLayout(sign_row)
        sign_row.setContentsMargins(0, 0, 0, 0)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            "Apa yang terjadi? Enter menyimpan; Shift+Enter untuk baris baru."
        )
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.observed_on = QDateEdit(qdate(today()))
        self.observed_on.setCalendarPopup(True)
        self.observed_on.setDisplayFormat("dd/MM/yyyy")
        self.source = QComboBox()
        for source in ObservationSource:
            self.source.addItem(source.label, source.value)
        self.serious = QCheckBox("Hal serius (mis. ketidakjujuran, penyalahgunaan wewenang)")
        file_box, choose = self._evidence_widgets()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Mis. salah pegawai, salah tanggal, salah ketik")

        self.errors = {key: error_label() for key in _FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            ("&Pegawai", self.person, "employee"),
            ("&Nilai BerAKHLAK", self.value, "value"),
            ("&Sifat (P/N/T)", sign_box, "sign"),
            ("&Uraian kejadian", self.text, "text"),
            ("Pa&nduan perilaku", self.indicator, "indicator"),
            ("&Tanggal", self.observed_on, "observed_on"),
            ("Sumbe&r", self.source, "source"),
            ("", self.serious, ""),
            ("Catatan bu&kti", self.evidence_note, "evidence_note"),
            ("Tautan bukt&i", self.evidence_link, "evidence_link"),
            ("Berkas bukti", file_box, "file"),
        ]
        if existing is not None:
            rows.append(("&Alasan koreksi", self.reason, "reason"))
        for label, widget, key in rows:
            form.addRow(label, widget)
            if key:
                form.addRow("", self.errors[key])
        buttons = dialog_buttons(self, "&Simpan (Enter)", self.save)
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Nama lalu Enter · angka 1–7 untuk nilai · P/N/T untuk sifat · uraian lalu Enter."
        )
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self._keyboard_path(choose)

        if existing is not None:
            self._fill(existing, staff)
        elif employee_id is not None:
            self._start_with(staff.get(employee_id), permissions)

    def _start_with(self, person: Employee, permissions: Permissions) -> None:
        """Fill in the person in front, or say why the account may not write about them."""
        refusal = permissions.person_refusal(person.id, person.name, Action.EDIT)
        if refusal is None:
            self.person.set_person(person)
        else:
            show_message(self.errors["employee"], refusal)

    def _fill(self, entry: Observation, staff: StaffService) -> None:
        """Show the observation being corrected; its file stays unless another is chosen."""
        self.person.set_person(staff.get(entry.employee_id))
        self.value.setCurrentIndex(self.value.findData(entry.value.value))
        self.indicator.setCurrentIndex(max(self.indicator.findData(entry.indicator), 0))
        self.set_sign(entry.sign)
        self.text.setPlainText(entry.text)
        self.observed_on.setDate(qdate(entry.observed_on))
        self.source.setCurrentIndex(self.source.findData(entry.source.value))
        self.serious.setChecked(entry.serious)
        self.evidence_note.setText(entry.evidence_note)
        self.evidence_link.setText(entry.evidence_link)
        if entry.evidence_file:
            self.evidence_file.setPlaceholderText("Berkas terlampir tetap (pilih untuk mengganti)")

    def _keyboard_path(self, choose: QPushButton) -> None:
        """Tab goes down the form; single keys choose the value, indicator and sign."""
        order: list[QWidget] = [
            self.person,
            self.value,
            *self.sign_buttons.values(),
            self.text,
            self.indicator,
            self.observed_on,
            self.source,
            self.serious,
            self.evidence_note,
            self.evidence_link,
            choose,
        ]
        if self._existing is not None:  # the reason is asked only for a correction
            order.append(self.reason)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        keys = _Keys(self)
        for widget in (self.value, self.indicator, self.text, *self.sign_buttons.values()):
            widget.installEventFilter(keys)

    def prefill(
        self, observed_on: date, text: str, *, evidence_note: str = "", evidence_link: str = ""
    ) -> None:
        """Start from something already written, e.g. a daily progress entry.

        The day, what happened and where it came from are filled in; the penilai then picks
        the value and the sign. The focus starts at the value when the person is filled in.
        """
        self.observed_on.setDate(qdate(observed_on))
        self.text.setPlainText(text)
        self.evidence_note.setText(evidence_note)
        self.evidence_link.setText(evidence_link)
        self._start_at_value = self.person.employee_id is not None

    def showEvent(self, event: QShowEvent) -> None:
        """Start at the name, as the hint says; a prefilled name is selected.

        Enter keeps the person shown and moves on; typing replaces them with someone else.
        A prefilled observation (`prefill`) starts at the value instead.
        """
        super().showEvent(event)
        if self._start_at_value:
            self.value.setFocus()
            return
        self.person.setFocus()
        self.person.selectAll()

    def _evidence_widgets(self) -> tuple[QWidget, QPushButton]:
        self.evidence_note = QLineEdit()
        self.evidence_note.setPlaceholderText("Mis. disaksikan rekan, nomor laporan")
        self.evidence_link = QLineEdit()
        self.evidence_link.setPlaceholderText("https://… atau D:\\Bukti\\berkas.pdf")
        self.evidence_file = QLineEdit()
        self.evidence_file.setReadOnly(True)
        self.evidence_file.setPlaceholderText("Tidak ada berkas")
        choose = QPushButton("Pilih &berkas…")
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.evidence_file, 1)
        file_row.addWidget(choose)
        file_box = QWidget()
        file_box.setLayout(file_row)
        return file_box, choose

    # --- single keys -----------------------------------------------------------------------

    def value_key(self, typed: str) -> bool:
        """A digit 1–7 or a letter picks the value and moves on to the sign."""
        if not typed or not typed.isprintable() or typed.isspace():
            return False
        if typed.isdigit():
            number = int(typed)
            if not 1 <= number <= self.value.count():
                return True
            self.value.setCurrentIndex(number - 1)
        else:
            letter = typed.casefold()
            count = self.value.count()
            start = self.value.currentIndex()
            for step in range(1, count + 1):  # the same letter again cycles (Akuntabel, Adaptif)
                index = (start + step) % count
                label = behaviour_label(BehaviourValue(self.value.itemData(index)))
                if label.casefold().startswith(letter):
                    self.value.setCurrentIndex(index)
                    break
            return True  # stay: pressing the letter again may be wanted
        self._focus_sign()
        return True

    def indicator_key(self, typed: str) -> bool:
        """A digit 0–3 picks the panduan perilaku (0: the value in general)."""
        if typed.isdigit() and len(typed) == 1:
            number = int(typed)
            if number <= INDICATORS_PER_VALUE and number < self.indicator.count():
                self.indicator.setCurrentIndex(number)
            return True
        return False

    def set_sign(self, sign: ObservationSign) -> None:
        self.sign_buttons[sign].setChecked(True)

    def _focus_sign(self) -> None:
        checked = self.sign_group.checkedButton()
        (checked or self.sign_buttons[ObservationSign.POSITIF]).setFocus()

    def _fill_indicators(self) -> None:
        chosen = self.indicator.currentIndex()
        self.indicator.clear()
        self.indicator.addItem("0 · Nilai secara umum", None)
        data = self.value.currentData()
        if data is not None:
            for number, text in enumerate(behaviour_indicators(BehaviourValue(data)), start=1):
                self.indicator.addItem(f"{number} · {text}", number)
        self.indicator.setCurrentIndex(max(0, min(chosen, self.indicator.count() - 1)))

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Pilih berkas bukti")
        if name:
            self.evidence_file.setText(name)

    # --- saving ----------------------------------------------------------------------------

    def _selected_sign(self) -> ObservationSign | None:
        for sign, button in self.sign_buttons.items():
            if button.isChecked():
                return sign
        return None

    def _show_errors(self, messages: dict[str, str]) -> None:
        for key, label in self.errors.items():
            show_message(label, messages.get(key))
        general = [text for key, text in messages.items() if key not in self.errors]
        show_message(self.general_error, " ".join(general))
        for key in _FIELDS:  # focus the first field that needs attention
            if key in messages:
                widget = {
                    "employee": self.person,
                    "value": self.value,
                    "sign": self.sign_buttons[ObservationSign.POSITIF],
                    "text": self.text,
                    "indicator": self.indicator,
                    "observed_on": self.observed_on,
                    "source": self.source,
                    "evidence_note": self.evidence_note,
                    "evidence_link": self.evidence_link,
                    "reason": self.reason,
                }.get(key)
                if widget is not None:
                    widget.setFocus()
                break

    def save(self) -> None:
        """Check, save in one transaction, emit ``recorded`` and close; or show what to fix."""
        missing: dict[str, str] = {}
        if self.person.employee_id is None and not self.person.pick_typed():
            missing["employee"] = (
                "Pilih pegawai: ketik sebagian nama atau NIP, lalu Enter."
                if self.person.text().strip()
                else "Pegawai wajib dipilih: ketik sebagian nama atau NIP, lalu Enter."
            )
        value = self.value.currentData()
        if value is None:
            missing["value"] = "Pilih nilai BerAKHLAK: tekan angka 1–7."
        sign = self._selected_sign()
        if sign is None:
            missing["sign"] = (
                "Pilih sifat catatan: tekan P (positif), N (negatif), atau T (netral)."
            )
        if missing:
            self._show_errors(missing)
            return
        employee_id = self.person.employee_id
        assert employee_id is not None and sign is not None  # checked above
        qdate = self.observed_on.date()
        file_text = self.evidence_file.text().strip()
        observed_on = date(qdate.year(), qdate.month(), qdate.day())
        try:
            if self._existing is not None:
                self._journal.update(
                    self._existing.id,
                    reason=self.reason.text(),
                    employee_id=employee_id,
                    observed_on=observed_on,
                    value=str(value),
                    sign=sign,
                    text=self.text.toPlainText(),
                    indicator=self.indicator.currentData(),
                    serious=self.serious.isChecked(),
                    source=str(self.source.currentData()),
                    evidence_note=self.evidence_note.text(),
                    evidence_link=self.evidence_link.text(),
                    evidence_file=Path(file_text) if file_text else None,
                    today=self._today(),
                )
            else:
                self._journal.record(
                    employee_id,
                    observed_on,
                    str(value),
                    sign,
                    self.text.toPlainText(),
                    indicator=self.indicator.currentData(),
                    serious=self.serious.isChecked(),
                    source=str(self.source.currentData()),
                    evidence_note=self.evidence_note.text(),
                    evidence_link=self.evidence_link.text(),
                    evidence_file=Path(file_text) if file_text else None,
                    today=self._today(),
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
        self.recorded.emit(employee_id)
        super().accept()

    def accept(self) -> None:
        self.save()

    def has_typed_text(self) -> bool:
        if self._existing is not None:  # a correction: the old text was there to begin with
            return bool(self.reason.text().strip()) or (
                self.text.toPlainText().strip() != self._existing.text
            )
        return any(
            (
                self.text.toPlainText().strip(),
                self.evidence_note.text().strip(),
                self.evidence_link.text().strip(),
                self.evidence_file.text().strip(),
            )
        )

    def reject(self) -> None:
        """Esc: ask before throwing away typed text."""
        if self.has_typed_text():
            answer = QMessageBox.question(
                self,
                "Buang catatan?",
                "Catatan perilaku ini belum disimpan. Tutup dan buang isiannya?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
