"""The employee form: add or correct a person, each message shown under its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.golongan import golongan_choices
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.officials import ExternalOfficial
from kinerja_desktop.domain.staff import Employee, StaffFields
from kinerja_desktop.services.staff.officials import OfficialService
from kinerja_desktop.services.staff.service import StaffInput, StaffService
from kinerja_desktop.ui.clock import Today, qdate
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_error, show_message
from kinerja_desktop.ui.units import fill_unit_combo


def person_label(person: Employee) -> str:
    return f"{person.full_name} — {person.nip_formatted}"


class EmployeeDialog(QDialog):
    """Add a person (``employee`` None) or edit one; Enter saves, Esc cancels."""

    def __init__(
        self,
        staff: StaffService,
        employee: Employee | None = None,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
        officials: OfficialService | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._staff = staff
        self._officials = officials
        #: Officials outside the register, offered beside the register's people.
        self._outside: list[ExternalOfficial] = officials.officials() if officials else []
        self._employee = employee
        self._penilai_choices: dict[str, int] = {}
        self._official_choices = {official.label: official.id for official in self._outside}
        self._saved: Employee | None = None
        self.setWindowTitle("Ubah Data Pegawai" if employee else "Tambah Pegawai")
        self.setMinimumWidth(520)
        self._build()
        self._load(employee)
        self._pristine = self._snapshot()

    @property
    def saved(self) -> Employee | None:
        return self._saved

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("18 digit, mis. 19850312 201001 1 003")
        self.name = QLineEdit()
        self.gelar_depan = QLineEdit()
        self.gelar_belakang = QLineEdit()
        self.status = QComboBox()
        for status in EmploymentStatus:
            self.status.addItem(status.value, status.value)
        self.golongan = QComboBox()
        self.jabatan = QLineEdit()
        self.jabatan_kind = QComboBox()
        for kind in JabatanKind:
            self.jabatan_kind.addItem(kind.label, kind.value)
        self.unit = QComboBox()
        fill_unit_combo(self.unit, self._staff.units())
        self.penilai = QLineEdit()
        self.penilai.setPlaceholderText("Ketik nama atau NIP, lalu pilih")
        self._penilai_model = QStringListModel(self)
        completer = QCompleter(self._penilai_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.penilai.setCompleter(completer)
        self.atasan = QComboBox()
        self.atasan.addItem("Atasan Pejabat Penilai (di daftar pegawai)", None)
        for official in self._outside:
            self.atasan.addItem(official.label, official.id)
        self.atasan.setToolTip(
            "Biasanya atasan Pejabat Penilai di daftar pegawai; pilih pejabat di luar kantor "
            "bila atasannya tidak ada di daftar."
        )
        self.effective_date = QDateEdit(qdate(self._today()))
        self.effective_date.setCalendarPopup(True)
        self.effective_date.setDisplayFormat("dd/MM/yyyy")
        # Registering a colleague who already works here records no joining date (it would
        # cut their appraisal period short); a newcomer's date starts a partial period.
        self.newcomer = QCheckBox("Pegawai baru masuk/pindah ke unit ini")
        self.newcomer.toggled.connect(self.effective_date.setEnabled)
        self.effective_date.setEnabled(False)

        self.errors = {
            key: error_label()
            for key in (
                "nip",
                "name",
                "gelar_depan",
                "gelar_belakang",
                "status",
                "golongan",
                "jabatan",
                "jabatan_kind",
                "unit",
                "penilai",
                "atasan",
            )
        }
        self.general_error = error_label()
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str | None]] = [
            ("&NIP", self.nip, "nip"),
            ("N&ama", self.name, "name"),
            ("Gelar &depan", self.gelar_depan, "gelar_depan"),
            ("Gelar &belakang", self.gelar_belakang, "gelar_belakang"),
            ("&Status", self.status, "status"),
            ("&Golongan", self.golongan, "golongan"),
            ("&Jabatan", self.jabatan, "jabatan"),
            ("Jenis jaba&tan", self.jabatan_kind, "jabatan_kind"),
            ("&Unit kerja", self.unit, "unit"),
            ("Pejabat &Penilai", self.penilai, "penilai"),
            ("At&asan Pejabat Penilai", self.atasan, "atasan"),
            ("", self.newcomer, None),
            ("Tanggal masuk/&mutasi", self.effective_date, None),
        ]
        for label, widget, key in rows:
            form.addRow(label, widget)
            if key:
                form.addRow("", self.errors[key])
        buttons = dialog_buttons(self, "&Simpan", self._save)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._fill_golongan)
        self.penilai.textEdited.connect(self._suggest_penilai)
        self._fill_golongan()

    def _fill_golongan(self) -> None:
        status = EmploymentStatus(self.status.currentData())
        current = self.golongan.currentData()
        self.golongan.clear()
        for golongan in golongan_choices(status):
            text = f"{golongan.code} — {golongan.pangkat}" if golongan.pangkat else golongan.code
            self.golongan.addItem(text, golongan.code)
        found = self.golongan.findData(current)
        self.golongan.setCurrentIndex(max(found, 0))

    def _load(self, employee: Employee | None) -> None:
        if employee is None:
            self.effective_date.setToolTip("Tanggal pegawai mulai bertugas di unit ini")
            return
        self.nip.setText(employee.nip_formatted)
        self.name.setText(employee.name)
        self.gelar_depan.setText(employee.gelar_depan)
        self.gelar_belakang.setText(employee.gelar_belakang)
        self.status.setCurrentIndex(self.status.findData(employee.status.value))
        self._fill_golongan()
        self.golongan.setCurrentIndex(max(self.golongan.findData(employee.golongan), 0))
        self.jabatan.setText(employee.jabatan)
        self.jabatan_kind.setCurrentIndex(self.jabatan_kind.findData(employee.jabatan_kind.value))
        self.unit.setCurrentIndex(max(self.unit.findData(employee.unit_id), 0))
        if employee.penilai_id is not None:
            penilai = self._staff.get(employee.penilai_id)
            self._penilai_choices[person_label(penilai)] = penilai.id
            self.penilai.setText(person_label(penilai))
        if self._officials is not None:
            chosen = self._officials.chosen_by(employee.id)
            if chosen.penilai is not None:
                self.penilai.setText(chosen.penilai.label)
            if chosen.atasan is not None:
                self.atasan.setCurrentIndex(max(self.atasan.findData(chosen.atasan.id), 0))
        self.newcomer.hide()
        self.effective_date.setEnabled(True)
        self.effective_date.setToolTip("Dipakai sebagai tanggal mutasi bila unit kerja berubah")

    # --- behaviour -------------------------------------------------------------------------

    def _suggest_penilai(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        people = self._staff.search_people(text, limit=15)
        if self._employee is not None:
            people = [person for person in people if person.id != self._employee.id]
        labels = [person_label(person) for person in people]
        self._penilai_choices.update(zip(labels, (person.id for person in people), strict=True))
        words = text.casefold().split()
        outside = [
            official.label
            for official in self._outside
            if all(word in f"{official.label} {official.nip or ''}".casefold() for word in words)
        ]
        self._penilai_model.setStringList(labels + outside)

    def _outside_penilai(self) -> int | None:
        """The official outside the register chosen as penilai, if the text names one."""
        return self._official_choices.get(self.penilai.text().strip())

    def _resolve_penilai(self) -> int | None:
        text = self.penilai.text().strip()
        if not text or self._outside_penilai() is not None:
            return None
        if text in self._penilai_choices:
            return self._penilai_choices[text]
        try:
            found = self._staff.find_by_nip(str(Nip.parse(text)))
        except ValidationError:
            found = None
        if found is None:
            raise ValidationError(
                "Pejabat Penilai tidak dikenal. Ketik nama atau NIP lalu pilih dari daftar.",
                field="penilai",
            )
        return found.id

    def _input(self) -> StaffInput:
        fields = StaffFields(
            nip=self.nip.text(),
            name=self.name.text(),
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            status=str(self.status.currentData()),
            golongan=str(self.golongan.currentData() or ""),
            jabatan=self.jabatan.text(),
            jabatan_kind=str(self.jabatan_kind.currentData()),
        )
        return StaffInput(
            fields=fields,
            unit_id=self.unit.currentData(),
            penilai_id=self._resolve_penilai(),
            effective_date=self._effective_date(),
            penilai_official_id=self._outside_penilai(),
            atasan_official_id=self.atasan.currentData(),
        )

    def _effective_date(self) -> date | None:
        if self._employee is None and not self.newcomer.isChecked():
            return None
        return self.effective_date.date().toPython()  # type: ignore[return-value]

    def _save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            show_message(label, None)
        try:
            data = self._input()
            if self._employee is None:
                self._saved = self._staff.create(data)
            else:
                self._saved = self._staff.update(self._employee.id, self._employee.version, data)
        except ValidationErrors as errors:
            self._show_errors(errors.errors)
            return
        except ValidationError as error:
            self._show_errors([error])
            return
        except DomainError as error:
            show_error(self, "Data tidak disimpan", error)
            return
        self._pristine = self._snapshot()
        self.accept()

    def _show_errors(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for error in errors:
            key = "jabatan_kind" if error.field == "jenis_jabatan" else error.field
            label = self.errors.get(key or "", self.general_error)
            show_message(label, error.message)
            if first is None and key in self.errors:
                first = self._field_widget(key)
        if first is not None:
            first.setFocus()

    def _field_widget(self, key: str) -> QWidget:
        widget = getattr(self, key, None)
        return widget if isinstance(widget, QWidget) else self

    def _snapshot(self) -> tuple[str, ...]:
        return (
            self.nip.text(),
            self.name.text(),
            self.gelar_depan.text(),
            self.gelar_belakang.text(),
            str(self.status.currentData()),
            str(self.golongan.currentData()),
            self.jabatan.text(),
            str(self.jabatan_kind.currentData()),
            str(self.unit.currentData()),
            self.penilai.text(),
            str(self.atasan.currentData()),
        )

    def reject(self) -> None:
        """Ask before throwing away typed text."""
        if self._snapshot() != self._pristine:
            answer = QMessageBox.question(
                self,
                "Buang perubahan?",
                "Isian formulir belum disimpan. Tutup dan buang perubahan?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
