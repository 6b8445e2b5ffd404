"""SKP: plan a person's year (results, indicators, expectations, lampiran), agree and revise.

Opening an SKP is one service call (`SkpService.get`); the supervisor's RHK are read only
when the "RHK atasan" cell is first edited. Everything typed stays in the editor until
Simpan (Ctrl+S); switching person or year, or closing, asks before anything is thrown away.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop.domain.access import EVERYTHING, Action, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import (
    DomainError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.skp import Pendekatan, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.skp.plans import PlanService
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import show_error, show_message
from kinerja_desktop.ui.skp.commands import EditCommands
from kinerja_desktop.ui.skp.delegate import fit_tree, size_columns
from kinerja_desktop.ui.skp.dialogs import (
    AgreeDialog,
    RevisionDialog,
    VersionsDialog,
    revision_label,
)
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.messages import MessageLine, status_text
from kinerja_desktop.ui.skp.page_view import SkpPageView
from kinerja_desktop.ui.skp.person_finder import PersonFinder
from kinerja_desktop.ui.skp.plans_panel import PlansPanel
from kinerja_desktop.ui.staff.employee_form import person_label


class SkpPage(SkpPageView):
    """Pick a person and a year, then plan, agree and revise their SKP.

    Signals:
    skp_changed(int): the SKP of the person with this employee id was created, saved,
        agreed or reopened for revision.
    state_changed(): another SKP (or none) is shown, or the shown one changed status.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.SKP})

    skp_changed = Signal(int)
    state_changed = Signal()

    def __init__(
        self,
        skp: SkpService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
        plans: PlanService | None = None,
    ) -> None:
        super().__init__(parent, today=today)
        self._skp = skp
        self._staff = staff
        #: The Rencana Aksi tab, when the page was given the plans service.
        self.plans_panel: PlansPanel | None = None
        if plans is not None:
            self.plans_panel = PlansPanel(plans, today=today)
            self.tabs.addTab(self.plans_panel, "Rencana &Aksi")
            self.plans_panel.saved.connect(self.skp_changed)
        #: Whose SKP the account may change: one's own is shown read-only, as the service
        #: would refuse saving it.
        self._permissions = permissions
        self._tips = {
            button: button.toolTip()
            for button in (
                self.save_button,
                self.agree_button,
                self.revise_button,
                self.create_button,
            )
        }
        self._person: Employee | None = None
        self._year = self.year.value()
        self._view: SkpView | None = None
        self._pristine: SkpDraft | None = None
        self._finder = PersonFinder(staff, self.person_suggestions)
        #: The dialog opened last (agree, revision, versions), for tests and the main window.
        self.active_dialog: QWidget | None = None
        self.model = SkpEditorModel(self)
        self.tree.setModel(self.model)
        self._messages = MessageLine(self.message, tree=self.tree, model=self.model, tabs=self.tabs)
        #: The editing commands (toolbar buttons and the tree's keys).
        self.commands = EditCommands(
            owner=self,
            tree=self.tree,
            model=self.model,
            toolbar=self.toolbar,
            tabs=self.tabs,
            say=self._messages.say,
        )
        self.save_action = QAction("Simpan", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self._connect()
        self._show_state()

    def _connect(self) -> None:
        self.person.textEdited.connect(self._finder.suggest)
        self.person.returnPressed.connect(self._person_entered)
        completer = self.person.completer()
        completer.activated[str].connect(self._person_chosen)  # type: ignore[index]
        self.year.valueChanged.connect(self._year_changed)
        self.create_button.clicked.connect(self.create_skp)
        self.save_button.clicked.connect(self.save)
        self.agree_button.clicked.connect(self.ask_agree)
        self.revise_button.clicked.connect(self.ask_revision)
        self.versions_button.clicked.connect(self.show_versions)
        self.model.errors_changed.connect(self._messages.refresh)
        self.model.modelReset.connect(lambda: fit_tree(self.tree, self.model))
        self.model.rowsInserted.connect(lambda *_args: self.tree.expandAll())
        self.model.rowsMoved.connect(lambda *_args: self.tree.expandAll())
        self.tree.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._messages.refresh()
        )

    # --- choosing the person and year ------------------------------------------------------

    def show_person(self, employee_id: int, year: int | None = None) -> bool:
        """Open a person's SKP (of ``year``, or the year shown); False if the user stayed."""
        person = self._staff.get(employee_id)
        return self._open(person, self._year if year is None else year)

    def _person_chosen(self, label: str) -> None:
        person = self._finder.chosen(label)
        if person is not None:
            self._open(person, self._year, focus=True)

    def _person_entered(self) -> None:
        person = self._finder.entered(self.person.text())
        if person is None:
            show_message(
                self.person_error,
                "Pegawai tidak ditemukan. Ketik sebagian nama atau NIP, lalu pilih dari daftar.",
            )
            return
        self._open(person, self._year, focus=True)

    def _year_changed(self, year: int) -> None:
        if year == self._year:
            return
        if self._person is None:
            self._year = year
            return
        self._open(self._person, year)

    def _open(self, person: Employee, year: int, *, focus: bool = False) -> bool:
        same = self._person is not None and self._person.id == person.id and year == self._year
        if not same and not self.maybe_discard():
            self._show_picker()
            return False
        self._person, self._year = person, year
        self._show_picker()
        show_message(self.person_error, None)
        if not same or self._view is None:
            self._show_skp(self._skp.get(person.id, year))
            self._messages.say("")
        if focus:
            target = self.tree if self._view is not None else self.create_button
            target.setFocus()
        return True

    def _show_picker(self) -> None:
        self.year.blockSignals(True)
        self.year.setValue(self._year)
        self.year.blockSignals(False)
        person = self._person
        if person is None:
            self.person_info.clear()
            return
        popup = self.person.completer().popup()
        if popup is not None and popup.isVisible():
            popup.hide()
        self.person.setText(person_label(person))
        self.person_info.setText(f"{person.jabatan} ({person.jabatan_kind.label})")

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow the account's permissions after they changed (`MainWindow`): read again."""
        self._permissions = permissions
        self.refresh()

    def refresh(self) -> None:
        """Reload the SKP shown after a change elsewhere, unless it has unsaved edits."""
        if self._person is not None and not self.has_unsaved_changes():
            self._show_skp(self._skp.get(self._person.id, self._year), keep_place=True)
        elif self.plans_panel is not None:
            self.plans_panel.refresh()

    # --- showing an SKP --------------------------------------------------------------------

    def _show_skp(self, view: SkpView | None, *, keep_place: bool = False) -> None:
        place = self.model.position(self.tree.currentIndex()) if keep_place else ()
        column = max(self.tree.currentIndex().column(), 0)
        self._view = view
        if view is None:
            self._pristine = None
            self.model.load(SkpDraft(Pendekatan.KUANTITATIF), self.model.layout, read_only=True)
        else:
            columns = self.model.columns
            self.model.load_view(
                view,
                options=partial(self._skp.supervisor_options, view.employee_id, view.year),
                read_only=view.locked or self._refusal() is not None,
            )
            if self.model.columns != columns or not keep_place:
                size_columns(self.tree, self.model)
            self.expectations.set_values(view.expectations)
            self.lampiran.set_values(view.lampiran)
            self._pristine = self._current_draft()
            if keep_place and place:
                current = self.model.index_at(place, column)
            else:
                current = self.model.index(0, 0)
            self.tree.setCurrentIndex(current)
        if self.plans_panel is not None:
            if keep_place and view is not None and self.plans_panel.dirty:
                pass  # typed plans survive a reload of the SKP beside them
            elif keep_place and view is not None:
                self.plans_panel.refresh()
            else:
                self.plans_panel.show_skp(view.id if view is not None else None)
        self._show_state()

    def _refusal(self, action: Action = Action.EDIT) -> str | None:
        """Why the account may not do ``action`` to the person's SKP; None when it may."""
        person = self._person
        if person is None:
            return None
        return self._permissions.person_refusal(person.id, person.name, action)

    def _show_state(self) -> None:
        view = self._view
        refusal = self._refusal()
        editable = view is not None and not view.locked and refusal is None
        if self._person is None:
            self.stack.setCurrentIndex(0)
        elif view is None:
            self.stack.setCurrentIndex(1)
            self.create_info.setText(
                f"{self._person.full_name} belum memiliki SKP tahun {self._year}."
            )
            show_message(self.create_error, None)
        else:
            self.stack.setCurrentIndex(2)
        self.banner.setVisible(view is not None and view.locked)
        self.commands.set_enabled(editable)
        self.save_action.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.agree_button.setEnabled(editable)
        reopen = self._refusal(Action.REOPEN)
        self.revise_button.setEnabled(view is not None and view.locked and reopen is None)
        self.create_button.setEnabled(refusal is None)
        for button, tip in self._tips.items():
            why = reopen if button is self.revise_button else refusal
            button.setToolTip(why or tip)
        self.versions_button.setEnabled(view is not None)
        self.expectations.set_read_only(not editable)
        self.lampiran.set_read_only(not editable)
        self.status_label.setText(status_text(view))
        self.state_changed.emit()

    def is_read_only(self) -> bool:
        return self._view is None or self._view.locked

    @property
    def current_skp(self) -> SkpView | None:
        return self._view

    @property
    def current_person(self) -> Employee | None:
        return self._person

    def person_in_front(self) -> int | None:
        return self._person.id if self._person is not None else None

    @property
    def current_year(self) -> int:
        return self._year

    def reload(self) -> None:
        """Show the stored SKP again, dropping nothing unsaved (callers ask first)."""
        if self._person is not None:
            self._show_skp(self._skp.get(self._person.id, self._year))

    # --- unsaved changes -------------------------------------------------------------------

    def _current_draft(self) -> SkpDraft:
        return replace(
            self.model.to_draft(),
            lampiran=self.lampiran.values(),
            expectations=self.expectations.values(),
        )

    def has_unsaved_changes(self) -> bool:
        """Whether something typed here (including a cell being edited) is not saved yet."""
        if self._view is None or self._view.locked:
            return False
        if self.plans_panel is not None and self.plans_panel.dirty:
            return True
        self.tree.commit_open_editor()
        return self._current_draft() != self._pristine

    def maybe_discard(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to move on."""
        if not self.has_unsaved_changes():
            return True
        name = self._person.full_name if self._person else ""
        answer = QMessageBox.question(
            self,
            "Simpan perubahan SKP?",
            f"SKP {name} tahun {self._year} memiliki perubahan yang belum disimpan.\n"
            "Simpan sekarang?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            if self.plans_panel is not None and self.plans_panel.dirty:
                if not self.plans_panel.save():
                    return False
                if self._current_draft() == self._pristine:
                    return True
            return self.save()
        if answer == QMessageBox.StandardButton.Discard and self.plans_panel is not None:
            self.plans_panel.dirty = False
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_discard():
            event.accept()
        else:
            event.ignore()

    # --- saving, agreeing, revising --------------------------------------------------------

    def create_skp(self) -> bool:
        if self._person is None:
            return False
        pendekatan = (
            Pendekatan.KUALITATIF if self.kualitatif.isChecked() else Pendekatan.KUANTITATIF
        )
        try:
            view = self._skp.create(self._person.id, self._year, pendekatan)
        except DomainError as error:
            show_message(self.create_error, error.message)
            return False
        self._show_skp(view)
        self._messages.say(
            "SKP dibuat. Tambahkan RHK dengan Ctrl+Shift+N, indikatornya dengan Ctrl+N."
        )
        self.skp_changed.emit(view.employee_id)
        self.tree.setCurrentIndex(self.model.index(0, 0))
        self.tree.setFocus()
        return True

    def save(self) -> bool:
        """Save the draft; on refusal the messages go to their cells and nothing is saved.

        On the Rencana Aksi tab Ctrl+S saves the period's plan instead.
        """
        if self.plans_panel is not None and self.tabs.currentWidget() is self.plans_panel:
            return self.plans_panel.save()
        view = self._view
        if view is None or view.locked:
            return False
        self.tree.commit_open_editor()
        try:
            saved = self._skp.save(view.id, view.version, self._current_draft())
        except (ValidationErrors, ValidationError, StaleEditError) as error:
            self._refused("SKP belum disimpan", error)
            return False
        except DomainError as error:
            show_error(self, "SKP belum disimpan", error)
            return False
        self._show_skp(saved, keep_place=True)
        self._messages.say("SKP disimpan.")
        self.skp_changed.emit(saved.employee_id)
        return True

    def ask_agree(self) -> None:
        if self._view is None or self._view.locked:
            return
        today = self._today()
        period = self._view
        on = min(max(today, period.period_start), period.period_end)
        dialog = AgreeDialog(on, self)
        dialog.accepted.connect(lambda: self.agree(dialog.chosen_date()))
        self.active_dialog = dialog
        dialog.open()

    def agree(self, on: date) -> bool:
        """Agree the SKP on ``on`` (saving typed changes first); it becomes read-only."""
        if self._view is None or self._view.locked:
            return False
        if self.has_unsaved_changes() and not self.save():
            return False
        view = self._view
        try:
            agreed = self._skp.agree(view.id, view.version, on)
        except (ValidationErrors, ValidationError, StaleEditError) as error:
            self._refused("SKP belum dapat disepakati", error)
            return False
        except DomainError as error:
            show_error(self, "SKP belum disepakati", error)
            return False
        self._show_skp(agreed, keep_place=True)
        self._messages.say(f"SKP disepakati pada {format_date_id(on)} dan kini terkunci.")
        self.skp_changed.emit(agreed.employee_id)
        return True

    def ask_revision(self) -> None:
        if self._view is None or not self._view.locked:
            return
        dialog = RevisionDialog(self.start_revision, self)
        self.active_dialog = dialog
        dialog.open()

    def start_revision(self, reason: str) -> str | None:
        """Reopen the agreed SKP for revision; return the reason it was refused, or None."""
        view = self._view
        if view is None:
            return "Belum ada SKP yang dibuka."
        try:
            reopened = self._skp.start_revision(view.id, view.version, reason)
        except DomainError as error:
            return error.message
        self._show_skp(reopened, keep_place=True)
        self._messages.say(
            f"{revision_label(reopened.revision)} dibuka. Ubah SKP, lalu Simpan dan Sepakati."
        )
        self.skp_changed.emit(reopened.employee_id)
        return None

    def show_versions(self) -> None:
        if self._view is None:
            return
        dialog = VersionsDialog(self._skp, self._view.id, self)
        self.active_dialog = dialog
        dialog.open()

    def _refused(
        self, title: str, error: ValidationErrors | ValidationError | StaleEditError
    ) -> None:
        if isinstance(error, StaleEditError):
            show_error(self, title, error)
            return
        errors: list[ValidationError] = (
            error.errors if isinstance(error, ValidationErrors) else [error]
        )
        self._messages.show_refusal(title, errors)
