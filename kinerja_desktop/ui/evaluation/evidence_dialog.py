"""Bukti dukung of one indicator in one period: list, add a note, a link or a file, remove."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.evaluation import (
    EvaluationService,
    Evidence,
    EvidenceKind,
    IndicatorEvaluation,
)
from kinerja_desktop.ui.common import error_label, show_error, show_message

_IdRole = Qt.ItemDataRole.UserRole + 1


class EvidenceDialog(QDialog):
    """Add and remove the evidence of an indicator; each change is saved at once.

    Enter in the note or link field adds it; Delete removes the selected evidence; Esc closes.
    """

    def __init__(
        self,
        evaluation: EvaluationService,
        indicator: IndicatorEvaluation,
        period: Period,
        *,
        editable: bool,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = evaluation
        self._indicator = indicator
        self._period = period
        self._today = today
        self._evidence: list[Evidence] = list(indicator.evidence)
        self.changed = False
        self.setWindowTitle("Bukti Dukung")
        self.setMinimumWidth(560)
        self._build(editable=editable)
        self._fill()

    def _build(self, *, editable: bool) -> None:
        heading = QLabel(
            f"<b>{_escape(self._indicator.iki.indicator)}</b><br>"
            f"Periode {self._period.label} ({self._period.range_text})"
        )
        heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.remove_button = QPushButton("&Hapus bukti terpilih")
        self.note = QLineEdit()
        self.note.setPlaceholderText("mis. Rapat koordinasi 12 Februari, notulen di arsip seksi")
        self.link = QLineEdit()
        self.link.setPlaceholderText(r"https://… atau D:\Bukti\laporan.pdf")
        self.add_note_button = QPushButton("Tambah &catatan")
        self.add_link_button = QPushButton("Tambah &tautan")
        self.add_file_button = QPushButton("Pilih &berkas…")
        self.errors = {key: error_label() for key in ("note", "link", "file", "general")}
        form = QFormLayout()
        for label, field, button, key in (
            ("Catatan", self.note, self.add_note_button, "note"),
            ("Tautan", self.link, self.add_link_button, "link"),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            form.addRow(label, row)
            form.addRow("", self.errors[key])
        form.addRow("Berkas", self.add_file_button)
        form.addRow("", self.errors["file"])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        if editable:
            layout.addLayout(form)
        else:
            layout.addWidget(QLabel("SKP belum disepakati; bukti dukung belum dapat diubah."))
        layout.addWidget(self.errors["general"])
        layout.addWidget(close)
        self.remove_button.setEnabled(editable)
        self.note.returnPressed.connect(self.add_note)
        self.link.returnPressed.connect(self.add_link)
        self.add_note_button.clicked.connect(self.add_note)
        self.add_link_button.clicked.connect(self.add_link)
        self.add_file_button.clicked.connect(self._choose_file)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemActivated.connect(self._open)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove.activated.connect(self.remove_selected)
        self.remove_button.setAutoDefault(False)
        for button in (self.add_note_button, self.add_link_button, self.add_file_button):
            button.setAutoDefault(False)

    def _fill(self) -> None:
        self.list.clear()
        for evidence in self._evidence:
            item = QListWidgetItem(
                f"{evidence.kind.label} · {format_date_id(evidence.added_on)} — {evidence.display}"
            )
            item.setData(_IdRole, evidence.id)
            self.list.addItem(item)
        if not self._evidence:
            placeholder = QListWidgetItem("Belum ada bukti dukung untuk periode ini.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)

    # --- behaviour -------------------------------------------------------------------------

    def add_note(self) -> None:
        if self._add("note", note=self.note.text()):
            self.note.clear()

    def add_link(self) -> None:
        if self._add("link", link=self.link.text()):
            self.link.clear()

    def add_file(self, path: Path) -> bool:
        """Copy ``path`` in as evidence (the file dialog's choice, or a test's)."""
        return self._add("file", file=path)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Pilih berkas bukti dukung")
        if name:
            self.add_file(Path(name))

    def _add(self, key: str, *, note: str = "", link: str = "", file: Path | None = None) -> bool:
        for label in self.errors.values():
            show_message(label, None)
        try:
            added = self._service.add_evidence(
                self._indicator.iki.id,
                self._period.code,
                note=note,
                link=link,
                file=file,
                today=self._today,
            )
        except DomainError as error:
            target = error.field if error.field in self.errors else key
            show_message(self.errors[target or key], error.message)
            return False
        self._evidence.append(added)
        self.changed = True
        self._fill()
        return True

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        evidence_id = item.data(_IdRole) if item is not None else None
        if evidence_id is None or not self.remove_button.isEnabled():
            return
        try:
            self._service.remove_evidence(evidence_id)
        except DomainError as error:
            show_message(self.errors["general"], error.message)
            return
        self._evidence = [e for e in self._evidence if e.id != evidence_id]
        self.changed = True
        self._fill()

    def _open(self, item: QListWidgetItem) -> None:
        evidence = next((e for e in self._evidence if e.id == item.data(_IdRole)), None)
        if evidence is None or evidence.kind is EvidenceKind.NOTE:
            return
        try:
            if evidence.kind is EvidenceKind.FILE:
                url = QUrl.fromLocalFile(str(self._service.evidence_file(evidence.id)))
            elif evidence.text.lower().startswith(("http://", "https://", "file:")):
                url = QUrl(evidence.text)
            else:
                url = QUrl.fromLocalFile(evidence.text)
        except DomainError as error:
            show_error(self, "Bukti dukung tidak dapat dibuka", error)
            return
        QDesktopServices.openUrl(url)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
