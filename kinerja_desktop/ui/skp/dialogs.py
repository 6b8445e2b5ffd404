"""The SKP page's dialogs: agree on a date, open a revision with its reason, agreed versions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.skp import LampiranKind
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.ui.common import (
    dialog_buttons,
    error_label,
    resize_within_screen,
    show_message,
)
from kinerja_desktop.ui.skp.delegate import SkpItemDelegate, fit_tree, size_columns
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel


def revision_label(revision: int) -> str:
    """Name a version as people say it: "Versi 1", then "Versi 2 (revisi ke-1)"."""
    return f"Versi {revision}" if revision <= 1 else f"Versi {revision} (revisi ke-{revision - 1})"


class AgreeDialog(QDialog):
    """Ask on which date the SKP was agreed (the performance dialogue); Enter agrees."""

    def __init__(self, on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sepakati SKP")
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        note = QLabel(
            "Setelah disepakati, SKP terkunci. Perubahan berikutnya memerlukan revisi "
            "dengan alasannya."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Tanggal disepakati", self.date_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        self.buttons = dialog_buttons(self, "&Sepakati", self.accept)
        layout.addWidget(self.buttons)

    def chosen_date(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class RevisionDialog(QDialog):
    """Ask why an agreed SKP is reopened; the reason is required and shown under its field.

    ``submit`` receives the reason and returns an error message (the dialog stays open and
    shows it) or None (the dialog closes).
    """

    def __init__(self, submit: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("Revisi SKP")
        self.setMinimumWidth(460)
        note = QLabel(
            "SKP yang sudah disepakati dibuka kembali sebagai draf. Versi yang disepakati "
            "tetap tersimpan dan dapat dilihat di Versi…."
        )
        note.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("mis. Perubahan tugas setelah mutasi jabatan")
        self.reason_error = error_label()
        form = QFormLayout()
        form.addRow("&Alasan revisi", self.reason)
        form.addRow("", self.reason_error)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        self.buttons = dialog_buttons(self, "&Buka revisi", self._accept)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        error = self._submit(self.reason.text())
        if error:
            show_message(self.reason_error, error)
            self.reason.setFocus()
            return
        self.accept()


class VersionsDialog(QDialog):
    """List an SKP's agreed versions and show the chosen one, read-only."""

    def __init__(self, skp: SkpService, skp_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._skp = skp
        self._skp_id = skp_id
        self.setWindowTitle("Versi SKP yang disepakati")
        resize_within_screen(self, 1100, 600)
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.model = SkpEditorModel(self)
        self.tree = QTreeView()
        self.tree.setItemDelegate(SkpItemDelegate(self.tree))
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemsExpandable(False)
        self.tree.setRootIsDecorated(False)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tree, 3)
        right_layout.addWidget(self.details, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.empty = QLabel("Belum ada versi yang disepakati.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        buttons = dialog_buttons(self, "&Tutup", self.accept)
        buttons.button(buttons.StandardButton.Cancel).hide()
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_version)
        self._fill()

    def _fill(self) -> None:
        versions = self._skp.versions(self._skp_id)
        self.empty.setVisible(not versions)
        for info in versions:
            text = f"{revision_label(info.revision)} — disepakati {format_date_id(info.agreed_on)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.revision)
            item.setToolTip(info.reason or text)
            self.list.addItem(item)
        if versions:
            self.list.setCurrentRow(self.list.count() - 1)
            self.list.setFocus()

    def _show_version(self, row: int) -> None:
        item = self.list.item(row)
        if item is None:
            return
        try:
            version = self._skp.version(self._skp_id, int(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as error:
            self.details.setText(error.message)
            return
        self.show_view(version)

    def show_view(self, version: SkpView) -> None:
        self.model.load_view(version, read_only=True)
        size_columns(self.tree, self.model)
        fit_tree(self.tree, self.model)
        self.details.setText(_details(version))


def _details(view: SkpView) -> str:
    lines = []
    if view.revision_reason:
        lines.append(f"Alasan revisi: {view.revision_reason}")
    for value, text in view.expectations.items():
        lines.append(f"Ekspektasi {value.label}: {text}")
    for kind in LampiranKind:
        items = view.lampiran.get(kind, ())
        if items:
            numbered = "; ".join(f"{n}. {item}" for n, item in enumerate(items, start=1))
            lines.append(f"{kind.label}: {numbered}")
    return "\n".join(lines)
