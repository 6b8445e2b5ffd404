"""The SKP page's time savers.

Start from last year, copy a colleague's SKP, give one RHK to several staff, and exchange an
SKP with a spreadsheet (XLSX).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.skp import RhkDraft
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.skp.copying import SkpCopyService
from kinerja_desktop.services.skp.xlsx import SkpXlsxService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.common import dialog_buttons, show_error
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.roles import IdRole, RowKindRole


class PeopleChoiceDialog(QDialog):
    """Pick one or several people from a list (checkboxes when several)."""

    def __init__(
        self, title: str, intro: str, people: list[Employee], *, several: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        for person in people:
            item = QListWidgetItem(f"{person.full_name} — {person.jabatan}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            if several:
                item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._several = several
        label = QLabel(intro)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(dialog_buttons(self, "&Lanjutkan", self.accept))

    def chosen(self) -> list[int]:
        items = [self.list.item(row) for row in range(self.list.count())]
        if self._several:
            return [
                int(item.data(Qt.ItemDataRole.UserRole))
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ]
        current = self.list.currentItem()
        return [int(current.data(Qt.ItemDataRole.UserRole))] if current else []


class SkpTools(QWidget):
    """A row of buttons above the SKP editor, working on the person and year it shows."""

    def __init__(
        self,
        page: SkpPage,
        copier: SkpCopyService,
        xlsx: SkpXlsxService,
        staff: StaffService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._copier = copier
        self._xlsx = xlsx
        self._staff = staff
        self.from_last_year = QPushButton("Mulai dari SKP tahun &lalu")
        self.from_colleague = QPushButton("Salin dari re&kan…")
        self.share_rhk = QPushButton("Bagikan RHK ke &staf…")
        self.export_button = QPushButton("Ekspor &XLSX…")
        self.import_button = QPushButton("Impor XLS&X…")
        self.from_last_year.clicked.connect(self.start_from_last_year)
        self.from_colleague.clicked.connect(self.copy_from_colleague)
        self.share_rhk.clicked.connect(self.share_selected_rhk)
        self.export_button.clicked.connect(self.export_xlsx)
        self.import_button.clicked.connect(self.import_xlsx)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.from_last_year,
            self.from_colleague,
            self.share_rhk,
            self.export_button,
            self.import_button,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        page.state_changed.connect(self.update_state)
        self.update_state()

    def update_state(self) -> None:
        person, view = self._page.current_person, self._page.current_skp
        editable = view is not None and not view.locked
        self.from_last_year.setEnabled(person is not None and view is None)
        self.from_colleague.setEnabled(person is not None and (view is None or editable))
        self.share_rhk.setEnabled(view is not None)
        self.export_button.setEnabled(view is not None)
        self.import_button.setEnabled(editable)

    # --- actions ---------------------------------------------------------------------------

    def start_from_last_year(self) -> None:
        person = self._page.current_person
        if person is None:
            return
        try:
            started = self._copier.start_from_previous_year(person.id, self._page.current_year)
        except DomainError as error:
            show_error(self, "SKP tidak dibuat", error)
            return
        self._reloaded()
        if started.plans.note:
            # Whether last year's rencana aksi came along is worth a word; without any, not.
            QMessageBox.information(self, "SKP dimulai dari tahun lalu", started.summary)

    def copy_from_colleague(self) -> None:
        person, year = self._page.current_person, self._page.current_year
        if person is None or not self._page.maybe_discard():
            return
        colleagues = self._copier.colleagues_with_same_jabatan(person.id, year)
        if not colleagues:
            show_error(
                self,
                "Tidak ada rekan",
                f"Belum ada pegawai lain dengan jabatan {person.jabatan} yang memiliki SKP "
                f"tahun {year}.",
            )
            return
        dialog = PeopleChoiceDialog(
            "Salin SKP dari rekan",
            "Isi SKP rekan yang dipilih menggantikan isi draf SKP ini.",
            colleagues,
            several=False,
            parent=self,
        )
        if not dialog.exec() or not dialog.chosen():
            return
        try:
            self._copier.copy_from_colleague(dialog.chosen()[0], person.id, year)
        except DomainError as error:
            show_error(self, "SKP tidak disalin", error)
            return
        self._reloaded()

    def selected_rhk(self) -> RhkDraft | None:
        """The RHK under the cursor in the editor, as saved (with its indicators)."""
        view = self._page.current_skp
        index = self._page.tree.currentIndex()
        if view is None or not index.isValid():
            return None
        if self._page.model.data(index, RowKindRole) == "iki":
            index = index.parent()
        rhk_id = self._page.model.data(index, IdRole)
        drafts = {rhk.id: rhk for rhk in view.to_draft().rhks}
        return drafts.get(rhk_id)

    def share_selected_rhk(self) -> None:
        view, person = self._page.current_skp, self._page.current_person
        rhk = self.selected_rhk()
        if view is None or person is None or rhk is None:
            show_error(self, "Pilih RHK", "Pilih RHK yang sudah disimpan di SKP ini, lalu bagikan.")
            return
        staff = self._staff.subordinates(person.id)
        if not staff:
            show_error(self, "Tidak ada staf", f"{person.full_name} tidak menilai pegawai lain.")
            return
        dialog = PeopleChoiceDialog(
            "Bagikan RHK ke staf",
            f"RHK “{rhk.text}” beserta indikatornya ditambahkan ke SKP staf yang dicentang; "
            "RHK mereka mengintervensi RHK ini.",
            staff,
            several=True,
            parent=self,
        )
        if not dialog.exec():
            return
        shared = RhkDraft(
            text=rhk.text,
            kind=rhk.kind,
            indicators=tuple(replace(iki, id=None) for iki in rhk.indicators),
            parent_rhk_id=rhk.id,
        )
        try:
            result = self._copier.assign_rhk(shared, dialog.chosen(), view.year)
        except DomainError as error:
            show_error(self, "RHK tidak dibagikan", error)
            return
        QMessageBox.information(self, "RHK dibagikan", result.summary)

    def export_xlsx(self) -> None:
        view = self._page.current_skp
        if view is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Ekspor SKP", self._xlsx.suggested_file_name(view.id), "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            written = self._xlsx.export(view.id, Path(name))
        except DomainError as error:
            show_error(self, "SKP tidak diekspor", error)
            return
        QMessageBox.information(self, "SKP diekspor", f"SKP disimpan di:\n{written}")

    def import_xlsx(self) -> None:
        view = self._page.current_skp
        if view is None or view.locked or not self._page.maybe_discard():
            return
        name, _ = QFileDialog.getOpenFileName(self, "Impor SKP", "", "Excel (*.xlsx)")
        if not name:
            return
        try:
            self._xlsx.import_into(view.id, view.version, Path(name))
        except DomainError as error:
            show_error(self, "SKP tidak diimpor; tidak ada yang berubah", error)
            return
        self._reloaded()

    def _reloaded(self) -> None:
        self._page.reload()
        self.update_state()
        person = self._page.current_person
        if person is not None:
            self._page.skp_changed.emit(person.id)
