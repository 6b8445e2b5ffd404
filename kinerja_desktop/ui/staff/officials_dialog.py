"""Pejabat di luar kantor: the officials outside the register who appraise its people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.domain.golongan import parse_golongan
from kinerja_desktop.domain.officials import ExternalOfficial, OfficialFields, OfficialKind
from kinerja_desktop.services.staff.officials import OfficialService
from kinerja_desktop.ui.common import (
    dialog_buttons,
    error_label,
    resize_within_screen,
    show_error,
    show_message,
)

#: The dialog's inputs, in order: attribute, label, placeholder.
_FIELDS = (
    ("nip", "&NIP", "18 digit, mis. 19700101 199503 1 001"),
    ("name", "N&ama", "tanpa gelar"),
    ("gelar_depan", "Gelar &depan", "mis. Drs. H."),
    ("gelar_belakang", "Gelar &belakang", "mis. M.Si."),
    ("golongan", "&Golongan", "mis. IV/c (PNS) atau IX (PPPK)"),
    ("jabatan", "&Jabatan", "mis. Sekretaris Daerah"),
    ("instansi", "&Instansi", "mis. Sekretariat Daerah Kota Palembang"),
)
#: What a pejabat negara (a wali kota, a bupati) does not have: disabled and not sent.
_ASN_ONLY = ("nip", "golongan")


def pangkat_text(official: ExternalOfficial) -> str:
    """The pangkat/golongan as listed; "-" for a pejabat negara, who holds none."""
    if official.golongan is None or official.status is None:
        return "-"
    try:
        return parse_golongan(official.golongan, official.status).display
    except ValidationError:  # stored before a rule changed: shown as it is
        return official.golongan


class OfficialDialog(QDialog):
    """Add an official outside the register (``official`` None) or correct one."""

    def __init__(
        self,
        officials: OfficialService,
        official: ExternalOfficial | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._officials = officials
        self._official = official
        self.saved: ExternalOfficial | None = None
        self.setWindowTitle("Ubah Pejabat di Luar Kantor" if official else "Tambah Pejabat")
        self.setMinimumWidth(480)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors = {name: error_label() for name, _, _ in (*_FIELDS, ("kind", "", ""))}
        self.general_error = error_label()
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in OfficialKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setToolTip(
            "Kepala daerah (wali kota, bupati, gubernur) adalah pejabat negara: tanpa NIP dan "
            "pangkat/golongan; formulir mencetak nama dan jabatannya saja."
        )
        form.addRow("J&enis", self.kind)
        form.addRow("", self.errors["kind"])
        for name, label, hint in _FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            self.inputs[name] = edit
            form.addRow(label, edit)
            form.addRow("", self.errors[name])
        self.buttons = dialog_buttons(self, "&Simpan", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Pejabat Penilai atau Atasan Pejabat Penilai yang tidak ada di daftar pegawai "
                "kantor ini (mis. sekretaris daerah, kepala dinas, wali kota)."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if official is not None:
            values = {
                "nip": official.nip_formatted,
                "name": official.name,
                "gelar_depan": official.gelar_depan,
                "gelar_belakang": official.gelar_belakang,
                "golongan": official.golongan or "",
                "jabatan": official.jabatan,
                "instansi": official.instansi,
            }
            for name, value in values.items():
                self.inputs[name].setText(value)
            self.kind.setCurrentIndex(self.kind.findData(official.kind.value))
        self.kind.currentIndexChanged.connect(self._follow_kind)
        self._follow_kind()

    def _is_pejabat_negara(self) -> bool:
        return bool(self.kind.currentData() == OfficialKind.PEJABAT_NEGARA.value)

    def _follow_kind(self) -> None:
        """A pejabat negara has no NIP or golongan: those inputs are off (their text kept)."""
        for name in _ASN_ONLY:
            self.inputs[name].setEnabled(not self._is_pejabat_negara())
            show_message(self.errors[name], None)

    def _fields(self) -> OfficialFields:
        typed = {
            name: "" if not edit.isEnabled() else edit.text() for name, edit in self.inputs.items()
        }
        return OfficialFields(**typed, kind=str(self.kind.currentData()))

    def _save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            show_message(label, None)
        try:
            if self._official is None:
                self.saved = self._officials.add(self._fields())
            else:
                self.saved = self._officials.update(
                    self._official.id, self._official.version, self._fields()
                )
        except ValidationErrors as errors:
            self._show(errors.errors)
            return
        except ValidationError as error:
            self._show([error])
            return
        except DomainError as error:
            show_error(self, "Data tidak disimpan", error)
            return
        self.accept()

    def _show(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for error in errors:
            label = self.errors.get(error.field or "", self.general_error)
            show_message(label, error.message)
            if first is None and error.field in self.inputs:
                first = self.inputs[error.field]
        if first is not None:
            first.setFocus()


class OfficialsDialog(QDialog):
    """The list of officials outside the register, with add, correct and delete."""

    COLUMNS = ("Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Instansi")

    def __init__(self, officials: OfficialService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._officials = officials
        self.setWindowTitle("Pejabat di Luar Kantor")
        resize_within_screen(self, 820, 420)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton("&Tambah…")
        self.edit_button = QPushButton("&Ubah…")
        self.delete_button = QPushButton("&Hapus")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        found = self._officials.officials()
        self.table.setRowCount(len(found))
        for row, official in enumerate(found):
            values = (
                official.full_name,
                official.nip_formatted or "-",
                pangkat_text(official),
                official.jabatan,
                official.instansi,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, official.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        has_any = bool(found)
        self.edit_button.setEnabled(has_any)
        self.delete_button.setEnabled(has_any)

    def selected(self) -> ExternalOfficial | None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return None
        try:
            return self._officials.get(int(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as error:  # deleted meanwhile in another window
            show_error(self, "Pejabat tidak ditemukan", error)
            self.refresh()
            return None

    def add(self) -> None:
        if OfficialDialog(self._officials, parent=self).exec():
            self.refresh()

    def edit_selected(self) -> None:
        official = self.selected()
        if official is not None and OfficialDialog(self._officials, official, self).exec():
            self.refresh()

    def delete_selected(self) -> None:
        official = self.selected()
        if official is None:
            return
        answer = QMessageBox.question(
            self,
            "Hapus pejabat?",
            f"Hapus {official.full_name} dari daftar pejabat di luar kantor?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._officials.delete(official.id)
        except DomainError as error:
            show_error(self, "Pejabat tidak dihapus", error)
            return
        self.refresh()
