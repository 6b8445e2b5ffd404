"""SKP: plan a person's year (results, indicators, expectations, lampiran), agree and revise.

Opening an SKP is one service call (`SkpService.get`); the supervisor's RHK are read only
when the "RHK atasan" cell is first edited. Everything typed stays in the editor until
Simpan (Ctrl+S); switching person or year, or closing, asks before anything is thrown away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import (
    DomainError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.skp import Pendekatan, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.skp_service import LOCKED_MESSAGE, SkpService
from kinerja_desktop.services.staff_service import StaffService
from kinerja_desktop.ui.common import ERROR_STYLE, error_label, show_error, show_message
from kinerja_desktop.ui.employee_form import person_label
from kinerja_desktop.ui.skp_dialogs import (
    AgreeDialog,
    RevisionDialog,
    VersionsDialog,
    revision_label,
)
from kinerja_desktop.ui.skp_editor_model import (
    Col,
    EditRefusedError,
    ErrorRole,
    SkpEditorModel,
    SkpItemDelegate,
    fit_tree,
    size_columns,
)
from kinerja_desktop.ui.skp_lampiran import ExpectationsPanel, LampiranPanel

Key = Qt.Key
Mod = Qt.KeyboardModifier
_NO_MOD = Mod.NoModifier

BANNER_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"


def _combo(modifiers: Qt.KeyboardModifier, key: int) -> tuple[int, int]:
    plain = modifiers & ~Mod.KeypadModifier
    return int(plain.value), int(key)


class SkpTreeView(QTreeView):
    """The editor's tree: edits in place, and its own keys (Tab, Insert, Delete, Ctrl+N, …).

    The keys are handled here rather than as window shortcuts, so that while the tree has
    the focus they win over the main window's shortcuts (Ctrl+N there adds a person), and
    Tab indents instead of leaving the tree.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bindings: dict[tuple[int, int], QAction] = {}
        self.setItemDelegate(SkpItemDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemsExpandable(False)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.activated.connect(self._edit_on_enter)

    def bind(self, action: QAction, *keys: tuple[Qt.KeyboardModifier, Key]) -> None:
        """Trigger ``action`` on these keys while the tree has the focus and it is enabled."""
        for modifiers, key in keys:
            self._bindings[_combo(modifiers, key)] = action

    def _bound(self, event: QEvent) -> QAction | None:
        if not isinstance(event, QKeyEvent):
            return None
        return self._bindings.get(_combo(event.modifiers(), event.key()))

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._bound(event)
            # A disabled action (a read-only SKP) leaves the key alone: Tab then leaves the tree.
            if (
                action is not None
                and action.isEnabled()
                and self.state() != QAbstractItemView.State.EditingState
            ):
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    action.trigger()
                return True
        return super().event(event)

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Left/Right move between columns (not in and out of rows); Tab to the next cell.

        The tree is edited like a table: the style's default sends Left to the parent row.
        While a cell is edited, Tab and Shift+Tab go to the next or previous editable cell,
        across rows.
        """
        current = self.currentIndex()
        action = QAbstractItemView.CursorAction
        if current.isValid() and cursor_action in (action.MoveLeft, action.MoveRight):
            step = -1 if cursor_action == action.MoveLeft else 1
            return self._column_step(current, step) or current
        if current.isValid() and cursor_action in (action.MoveNext, action.MovePrevious):
            return self._next_editable(current, forward=cursor_action == action.MoveNext)
        return super().moveCursor(cursor_action, modifiers)

    def _column_step(self, index: QModelIndex, step: int) -> QModelIndex | None:
        header = self.header()
        visual = header.visualIndex(index.column()) + step
        while 0 <= visual < header.count():
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return index.siblingAtColumn(logical)
            visual += step
        return None

    def _next_editable(self, index: QModelIndex, *, forward: bool) -> QModelIndex:
        """Return the next (or previous) editable cell in reading order, or an invalid index."""
        step = 1 if forward else -1
        header = self.header()
        row = index
        candidate = self._column_step(index, step)
        for _ in range(10_000):  # a bound, never reached: the rows and columns of one SKP
            if candidate is None:
                row = self.indexBelow(row) if forward else self.indexAbove(row)
                if not row.isValid():
                    return QModelIndex()
                edge = 0 if forward else header.count() - 1
                candidate = row.siblingAtColumn(header.logicalIndex(edge))
            if candidate.flags() & Qt.ItemFlag.ItemIsEditable:
                return candidate
            candidate = self._column_step(candidate, step)
        return QModelIndex()

    def commit_open_editor(self) -> None:
        """Write what is being typed in a cell into the model (before saving or asking)."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _edit_on_enter(self, index: QModelIndex) -> None:
        # Enter that closes an editor reaches the view too: it must not reopen one.
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)


class SkpPage(QWidget):
    """Pick a person and a year, then plan, agree and revise their SKP.

    Signals:
    skp_changed(int): the SKP of the person with this employee id was created, saved,
        agreed or reopened for revision.
    state_changed(): another SKP (or none) is shown, or the shown one changed status.
    """

    skp_changed = Signal(int)
    state_changed = Signal()

    def __init__(self, skp: SkpService, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._skp = skp
        self._staff = staff
        self._person: Employee | None = None
        self._year = date.today().year
        self._view: SkpView | None = None
        self._pristine: SkpDraft | None = None
        self._choices: dict[str, Employee] = {}
        self._info = ""
        #: The dialog opened last (agree, revision, versions), for tests and the main window.
        self.active_dialog: QWidget | None = None
        self.model = SkpEditorModel(self)
        self._build()
        self._build_actions()
        self._connect()
        self._show_state()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.person = QLineEdit()
        self.person.setPlaceholderText("Ketik nama atau NIP, lalu Enter")
        self._person_model = QStringListModel(self)
        completer = QCompleter(self._person_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.person_error = error_label()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._year)
        self.year.setKeyboardTracking(False)
        person_label_widget = QLabel("&Pegawai")
        person_label_widget.setBuddy(self.person)
        year_label = QLabel("&Tahun")
        year_label.setBuddy(self.year)
        self.person_info = QLabel()
        self.status_label = QLabel()
        self.banner = QLabel(f"{LOCKED_MESSAGE} Pilih Revisi… (Alt+R) dan tuliskan alasannya.")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()

        picker = QHBoxLayout()
        picker.addWidget(person_label_widget)
        picker.addWidget(self.person, 3)
        picker.addWidget(year_label)
        picker.addWidget(self.year)
        picker.addWidget(self.person_info, 4)

        self.stack = QStackedWidget()
        self.empty_panel = QLabel("Pilih pegawai dan tahun untuk membuka SKP-nya.")
        self.empty_panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty_panel)
        self.stack.addWidget(self._build_create_panel())
        self.stack.addWidget(self._build_editor_panel())

        self.save_button = QPushButton("&Simpan")
        self.save_button.setToolTip("Simpan draf SKP (Ctrl+S)")
        self.agree_button = QPushButton("Sepa&kati…")
        self.revise_button = QPushButton("&Revisi…")
        self.versions_button = QPushButton("&Versi…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for button in (
            self.save_button,
            self.agree_button,
            self.revise_button,
            self.versions_button,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.person_error)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _build_create_panel(self) -> QWidget:
        panel = QWidget()
        self.create_info = QLabel()
        self.kuantitatif = QRadioButton("K&uantitatif (target berupa angka dan satuan)")
        self.kualitatif = QRadioButton("Kualitat&if (indikator dan target naratif)")
        self.kuantitatif.setChecked(True)
        self.create_button = QPushButton("&Buat SKP")
        self.create_error = error_label()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.create_info)
        layout.addWidget(QLabel("Pendekatan hasil kerja:"))
        layout.addWidget(self.kuantitatif)
        layout.addWidget(self.kualitatif)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        return panel

    def _build_editor_panel(self) -> QWidget:
        self.toolbar = QToolBar()
        self.tree = SkpTreeView()
        self.tree.setModel(self.model)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.toolbar)
        results_layout.addWidget(self.tree, 1)
        results_layout.addWidget(self.message)
        self.expectations = ExpectationsPanel()
        self.lampiran = LampiranPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(results, "&Hasil Kerja")
        self.tabs.addTab(self.expectations, "P&erilaku Kerja")
        self.tabs.addTab(self.lampiran, "&Lampiran")
        return self.tabs

    def _build_actions(self) -> None:
        tree = self.tree
        ctrl, shift = Mod.ControlModifier, Mod.ShiftModifier
        self.add_rhk_action = self._tool(
            "Tambah RHK", "Ctrl+Shift+N", self.add_rhk, (ctrl | shift, Key.Key_N)
        )
        self.add_iki_action = self._tool(
            "Tambah indikator", "Ctrl+N", self.add_indicator, (ctrl, Key.Key_N)
        )
        self.insert_action = QAction("Sisipkan baris", self)
        self.insert_action.triggered.connect(self.insert_row)
        tree.bind(self.insert_action, (_NO_MOD, Key.Key_Insert))
        self.delete_action = self._tool(
            "Hapus baris", "Delete", self.delete_row, (_NO_MOD, Key.Key_Delete)
        )
        self.up_action = self._tool(
            "Naik", "Ctrl+Up", partial(self.move_row, -1), (ctrl, Key.Key_Up)
        )
        self.down_action = self._tool(
            "Turun", "Ctrl+Down", partial(self.move_row, 1), (ctrl, Key.Key_Down)
        )
        self.indent_action = self._tool(
            "Jadikan indikator", "Tab", self.indent, (_NO_MOD, Key.Key_Tab)
        )
        self.outdent_action = self._tool(
            "Jadikan RHK",
            "Shift+Tab",
            self.outdent,
            (shift, Key.Key_Tab),
            (shift, Key.Key_Backtab),
            (_NO_MOD, Key.Key_Backtab),
        )
        self.kind_action = self._tool(
            "Utama/Tambahan", "Ctrl+J", self.toggle_kind, (ctrl, Key.Key_J)
        )
        self.paste_action = self._tool(
            "Tempel dari spreadsheet", "Ctrl+V", self.paste, (ctrl, Key.Key_V)
        )
        self.save_action = QAction("Simpan", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)

    def _tool(
        self,
        text: str,
        keys_text: str,
        slot: Callable[[], object],
        *keys: tuple[Qt.KeyboardModifier, Key],
    ) -> QAction:
        """Add a toolbar button whose keys work while the tree has the focus."""
        action = QAction(text, self)
        action.setToolTip(f"{text} ({keys_text})")
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        self.tree.bind(action, *keys)
        return action

    def _connect(self) -> None:
        self.person.textEdited.connect(self._suggest_people)
        self.person.returnPressed.connect(self._person_entered)
        completer = self.person.completer()
        completer.activated[str].connect(self._person_chosen)  # type: ignore[index]
        self.year.valueChanged.connect(self._year_changed)
        self.create_button.clicked.connect(self.create_skp)
        self.save_button.clicked.connect(self.save)
        self.agree_button.clicked.connect(self.ask_agree)
        self.revise_button.clicked.connect(self.ask_revision)
        self.versions_button.clicked.connect(self.show_versions)
        self.model.errors_changed.connect(self._update_message)
        self.model.modelReset.connect(lambda: fit_tree(self.tree, self.model))
        self.model.rowsInserted.connect(lambda *_args: self.tree.expandAll())
        self.model.rowsMoved.connect(lambda *_args: self.tree.expandAll())
        self.tree.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._update_message()
        )

    # --- choosing the person and year ------------------------------------------------------

    def show_person(self, employee_id: int, year: int | None = None) -> bool:
        """Open a person's SKP (of ``year``, or the year shown); False if the user stayed."""
        person = self._staff.get(employee_id)
        return self._open(person, self._year if year is None else year)

    def _suggest_people(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        people = self._staff.search_people(text, limit=15)
        labels = [person_label(person) for person in people]
        self._choices.update(zip(labels, people, strict=True))
        self._person_model.setStringList(labels)

    def _person_chosen(self, label: str) -> None:
        person = self._choices.get(label)
        if person is not None:
            self._open(person, self._year, focus=True)

    def _person_entered(self) -> None:
        text = self.person.text().strip()
        person = self._choices.get(text)
        if person is None and len(text) >= 2:
            found = self._staff.search_people(text, limit=1)
            person = found[0] if found else None
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
            self._say("")
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

    def refresh(self) -> None:
        """Reload the SKP shown after a change elsewhere, unless it has unsaved edits."""
        if self._person is not None and not self.has_unsaved_changes():
            self._show_skp(self._skp.get(self._person.id, self._year), keep_place=True)

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
                view, options=partial(self._skp.supervisor_options, view.employee_id, view.year)
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
        self._show_state()

    def _show_state(self) -> None:
        view = self._view
        editable = view is not None and not view.locked
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
        for action in (
            self.add_rhk_action,
            self.add_iki_action,
            self.insert_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.indent_action,
            self.outdent_action,
            self.kind_action,
            self.paste_action,
        ):
            action.setEnabled(editable)
        self.save_action.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.agree_button.setEnabled(editable)
        self.revise_button.setEnabled(view is not None and view.locked)
        self.versions_button.setEnabled(view is not None)
        self.expectations.set_read_only(not editable)
        self.lampiran.set_read_only(not editable)
        self.status_label.setText(_status_text(view))
        self.state_changed.emit()

    def is_read_only(self) -> bool:
        return self._view is None or self._view.locked

    @property
    def current_skp(self) -> SkpView | None:
        return self._view

    @property
    def current_person(self) -> Employee | None:
        return self._person

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
            return self.save()
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
        self._say("SKP dibuat. Tambahkan RHK dengan Ctrl+Shift+N, indikatornya dengan Ctrl+N.")
        self.skp_changed.emit(view.employee_id)
        self.tree.setCurrentIndex(self.model.index(0, 0))
        self.tree.setFocus()
        return True

    def save(self) -> bool:
        """Save the draft; on refusal the messages go to their cells and nothing is saved."""
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
        self._say("SKP disimpan.")
        self.skp_changed.emit(saved.employee_id)
        return True

    def ask_agree(self) -> None:
        if self._view is None or self._view.locked:
            return
        today = date.today()
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
        self._say(f"SKP disepakati pada {format_date_id(on)} dan kini terkunci.")
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
        self._say(
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
        unmapped = self.model.set_errors(errors)
        cells = self.model.errors()
        if cells:
            self.tabs.setCurrentIndex(0)
            self.tree.setCurrentIndex(cells[0][0])
            self.tree.scrollTo(cells[0][0])
            self.tree.setFocus()
        parts = [f"{title}: {len(errors)} hal perlu diperbaiki (sel bertanda merah).", *unmapped]
        if cells:
            parts.append(cells[0][1])
        self._say(" ".join(parts), error=True)

    # --- editing operations ----------------------------------------------------------------

    def _run(self, operation: Callable[[QModelIndex], QModelIndex], *, edit: bool = False) -> None:
        self.tree.commit_open_editor()
        try:
            result = operation(self.tree.currentIndex())
        except EditRefusedError as refused:
            self._say(refused.message, error=True)
            return
        if result.isValid():
            self.tree.setCurrentIndex(result)
            self.tree.scrollTo(result)
            if edit:
                self.tree.edit(result)
        self.tabs.setCurrentIndex(0)
        self.tree.setFocus()

    def add_rhk(self) -> None:
        """Add an RHK below the current one (or first in the group heading's group)."""
        self._run(
            lambda current: self.model.add_rhk(current if current.isValid() else None), edit=True
        )

    def add_indicator(self) -> None:
        self._run(self.model.add_indicator, edit=True)

    def insert_row(self) -> None:
        """Insert: an RHK below an RHK row (or under a group heading), an indicator below one."""
        if self.model.row_kind(self.tree.currentIndex()) == "iki":
            self.add_indicator()
        else:
            self.add_rhk()

    def delete_row(self) -> None:
        current = self.tree.currentIndex()
        kind = self.model.row_kind(current)
        if kind not in ("rhk", "iki"):
            self._say("Pilih baris RHK atau indikator yang akan dihapus.", error=True)
            return
        if self.model.row_has_text(current):
            what = "RHK ini beserta indikatornya" if kind == "rhk" else "indikator ini"
            answer = QMessageBox.question(
                self,
                "Hapus baris?",
                f"Hapus {what}? Isinya akan hilang bila SKP disimpan.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        place = self.model.position(current)
        column = current.column()

        def remove(index: QModelIndex) -> QModelIndex:
            self.model.remove_row(index)
            return self.model.index_at(place, column)

        self._run(remove)

    def move_row(self, delta: int) -> None:
        self._run(lambda current: self.model.move_row(current, delta))

    def indent(self) -> None:
        if self._confirm_conversion("indikator"):
            self._run(self.model.indent)

    def outdent(self) -> None:
        if self._confirm_conversion("RHK"):
            self._run(self.model.outdent)

    def toggle_kind(self) -> None:
        self._run(self.model.toggle_kind)

    def paste(self) -> None:
        """Paste rows copied from a spreadsheet, starting at the current cell."""
        text = QApplication.clipboard().text()
        if not text:
            self._say("Papan klip kosong: salin dulu baris dari spreadsheet.", error=True)
            return
        self.tree.commit_open_editor()
        current = self.tree.currentIndex()
        try:
            result = self.model.paste(current, text, self._visible_columns())
        except EditRefusedError as refused:
            self._say(refused.message, error=True)
            return
        self._say(result.summary, error=bool(result.refused))

    def _visible_columns(self) -> list[Col]:
        header = self.tree.header()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [
            self.model.column_key(column)
            for column in logical
            if column >= 0 and not header.isSectionHidden(column)
        ]

    def _confirm_conversion(self, into: str) -> bool:
        current = self.tree.currentIndex()
        if not self.model.conversion_loses_values(current):
            return True
        lost = "RHK atasannya" if into == "indikator" else "target, satuan dan pilihannya"
        answer = QMessageBox.question(
            self,
            f"Jadikan {into}?",
            f"Bila baris ini dijadikan {into}, {lost} akan dikosongkan. Lanjutkan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- the message line ------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self._info = text
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _update_message(self) -> None:
        """Show the current cell's problem; otherwise how many cells still have one."""
        error = self.tree.currentIndex().data(ErrorRole)
        if error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(error))
            return
        count = self.model.error_count()
        if count:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(
                f"{count} isian perlu diperbaiki (sel bertanda merah; arahkan kursor ke sel "
                "untuk keterangannya)."
            )
            return
        self.message.setStyleSheet("")
        self.message.setText(self._info)


def _status_text(view: SkpView | None) -> str:
    if view is None:
        return ""
    parts = [
        f"Status: {view.status.label}",
        revision_label(view.revision),
        f"disepakati {format_date_id(view.agreed_on)}" if view.agreed_on else "belum disepakati",
        f"Periode {format_date_range_id(view.period_start, view.period_end)}",
        f"Pendekatan {view.pendekatan.label}",
    ]
    if not view.locked and view.revision_reason:
        parts.append(f"Alasan revisi: {view.revision_reason}")
    return " · ".join(parts)
