"""Every shortcut acts on the page in front: none is ambiguous, and each advertised one works.

The ambiguity check walks every page (and every tab of it), puts the focus on each widget that
can take it and asks which shortcuts Qt would consider live there, with Qt's own context rules
(`QShortcutMap`: the widget visible and enabled, the focus inside it for
``WidgetWithChildrenShortcut``, the same window for ``WindowShortcut``; an action counts
through every widget or menu it was added to). Two live shortcuts on one key are what Qt
reports as "Ambiguous shortcut overload" and then does nothing.

The advertised keys are then pressed with ``qtbot.keyClick`` on the page in front (Qt's
warning would fail the test: ``qt_log_level_fail``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.evaluation.journal_page import JournalPage
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.table_model import COL_REALISATION
from kinerja_desktop.ui.main_window import (
    EVALUASI,
    PAGES,
    PEGAWAI,
    PENGATURAN,
    PENGAWASAN,
    PERILAKU,
    SKP,
    MainWindow,
)
from kinerja_desktop.ui.supervision.page import SupervisionPage

TODAY = date(2026, 11, 28)
Context = Qt.ShortcutContext
_CHILD_TYPES = (Qt.WindowType.Widget, Qt.WindowType.Popup, Qt.WindowType.SubWindow)


# --- Qt's context rules, read from qshortcut_widgets.cpp -------------------------------------


def _widget_live(context: Qt.ShortcutContext, widget: QWidget, focus: QWidget) -> bool:
    if not widget.isVisible() or not widget.isEnabled():
        return False
    if context == Context.ApplicationShortcut:
        return True
    if context == Context.WidgetShortcut:
        return widget is focus
    if context == Context.WidgetWithChildrenShortcut:
        current: QWidget | None = focus
        while (
            current is not None and current is not widget and current.windowType() in _CHILD_TYPES
        ):
            current = current.parentWidget()
        return current is widget
    return widget.window() is focus.window()


def _action_live(action: QAction, context: Qt.ShortcutContext, focus: QWidget) -> bool:
    for holder in action.associatedObjects():
        if isinstance(holder, QMenu):
            if _action_live(holder.menuAction(), context, focus):
                return True
        elif isinstance(holder, QWidget) and _widget_live(context, holder, focus):
            return True
    return False


def live_shortcuts(window: QWidget, focus: QWidget) -> dict[str, list[str]]:
    """Key sequence -> what would answer it with the focus on ``focus``."""
    found: dict[str, list[str]] = defaultdict(list)
    # An action's keys work only through the widgets (and menus) it was added to, so these
    # are all the actions that can answer a key.
    actions = {
        action for widget in [window, *window.findChildren(QWidget)] for action in widget.actions()
    }
    for action in actions:
        if not action.isEnabled():
            continue
        for sequence in action.shortcuts():
            if not sequence.isEmpty() and _action_live(action, action.shortcutContext(), focus):
                found[sequence.toString()].append(f"action {action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget):
            continue
        for sequence in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            if not sequence.isEmpty() and _widget_live(shortcut.context(), parent, focus):
                found[sequence.toString()].append(f"shortcut on {type(parent).__name__}")
    return found


def _views(page: QWidget) -> Iterator[str]:
    """Show each tab of the page in turn (the page itself first)."""
    yield "halaman"
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index)


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def window(services: AppServices, qtbot, qapp) -> MainWindow:
    from kinerja_desktop.demo import write_demo

    configure_application(qapp)
    write_demo(services.database, employees=40, today=TODAY)
    built = MainWindow(services, today=lambda: TODAY)
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    qtbot.waitUntil(lambda: not built.home.loading)  # Beranda's checks run off the GUI thread
    return built


class ModalCatcher:
    """Closes the next modal dialog or message box opened by a key, noting its title."""

    def __init__(self) -> None:
        self.titles: list[str] = []
        self.widgets: list[QWidget] = []

    def arm(self) -> None:
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        self.titles.append(modal.windowTitle())
        self.widgets.append(modal)
        if isinstance(modal, QMessageBox):
            modal.reject()
        elif isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)


def press(
    qtbot,
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> ModalCatcher:
    """Focus ``widget`` and press the key as a user would; modal dialogs it opens are closed."""
    window = widget.window()
    if not window.isActiveWindow():  # a closed dialog may leave no window active offscreen
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    catcher = ModalCatcher()
    catcher.arm()
    qtbot.keyClick(widget, key, modifiers)
    return catcher


# --- no ambiguity anywhere -------------------------------------------------------------------


def test_no_two_shortcuts_answer_one_key_on_any_page(window: MainWindow) -> None:
    clashes: list[str] = []
    for position, name in enumerate(PAGES):
        window.go(position)
        page = window.pages.currentWidget()
        for view in _views(page):
            focusable = [
                widget
                for widget in page.findChildren(QWidget)
                if widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            ]
            for focus in [page, *focusable]:
                for keys, owners in live_shortcuts(window, focus).items():
                    if len(owners) > 1:
                        clashes.append(f"{name} / {view} / {type(focus).__name__}: {keys} {owners}")
    assert not clashes, "\n".join(sorted(set(clashes)))


def test_the_ambiguity_check_sees_a_clash_qt_would_report(window: MainWindow) -> None:
    """The checker itself: a page shortcut on the window's Ctrl+J is a clash."""
    window.go(PENGAWASAN)
    page = window.pages.currentWidget()
    assert isinstance(page, SupervisionPage)
    page.tabs.setCurrentWidget(page.register)
    clash = QShortcut("Ctrl+J", page.register)
    clash.setContext(Context.WidgetWithChildrenShortcut)
    assert len(live_shortcuts(window, page.register.table)["Ctrl+J"]) == 2
    clash.setEnabled(False)
    assert len(live_shortcuts(window, page.register.table)["Ctrl+J"]) == 1


# --- each advertised key acts on the page in front --------------------------------------------

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier


def _evaluation(window: MainWindow) -> EvaluationPage:
    window.go(EVALUASI)
    page = window.pages.currentWidget()
    assert isinstance(page, EvaluationPage)
    return page


def _editable_cell(page: EvaluationPage) -> QModelIndex:
    """A realisation cell the user may type in (an open period of an agreed SKP)."""
    for person_row in range(page.picker.list.count()):
        page.picker.list.setCurrentRow(person_row)
        for code_index in range(page.period.count()):
            page.period.setCurrentIndex(code_index)
            for row in range(page.model.rowCount()):
                index = page.model.index(row, COL_REALISATION)
                if page.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                    return index
    raise AssertionError("the demo has no open realisation cell")


def test_f2_in_an_evaluation_cell_edits_the_cell_not_a_person(window: MainWindow, qtbot) -> None:
    window.go(PEGAWAI)
    window.staff_page.table.selectRow(3)  # someone else is selected on Pegawai
    page = _evaluation(window)
    index = _editable_cell(page)
    page.table.setCurrentIndex(index)
    caught = press(qtbot, page.table, Qt.Key.Key_F2)
    assert caught.titles == []  # no "Ubah Data Pegawai"
    assert page.table.state() == QAbstractItemView.State.EditingState


def test_f2_on_pegawai_edits_the_selected_person(window: MainWindow, qtbot) -> None:
    window.go(PEGAWAI)
    staff = window.staff_page
    staff.table.selectRow(2)
    chosen = staff.selected_id()
    caught = press(qtbot, staff.table, Qt.Key.Key_F2)
    assert caught.titles == ["Ubah Data Pegawai"]
    assert window.person_in_front() == chosen


def test_staff_page_keys_act_there(window: MainWindow, qtbot) -> None:
    window.go(PEGAWAI)
    staff = window.staff_page
    staff.table.selectRow(1)
    assert press(qtbot, staff.table, Qt.Key.Key_N, Ctrl).titles == ["Tambah Pegawai"]
    assert press(qtbot, staff.table, Qt.Key.Key_D, Ctrl | Shift).titles == ["Nonaktifkan pegawai"]
    # The person is active: "Aktifkan kembali" has nothing to do and asks nothing.
    assert press(qtbot, staff.table, Qt.Key.Key_A, Ctrl | Shift).titles == []
    chosen = staff.selected_id()
    press(qtbot, staff.table, Qt.Key.Key_K, Ctrl)
    assert window.pages.currentIndex() == SKP
    assert window.skp_editor.person_in_front() == chosen


def test_ctrl_n_on_the_register_adds_an_entry_there(window: MainWindow, qtbot) -> None:
    window.go(PENGAWASAN)
    page = window.pages.currentWidget()
    assert isinstance(page, SupervisionPage)
    page.tabs.setCurrentWidget(page.register)
    caught = press(qtbot, page.register.table, Qt.Key.Key_N, Ctrl)
    assert len(caught.titles) == 1 and "Pegawai" not in caught.titles[0]
    assert caught.widgets[0].parent() is page.register


def test_ctrl_j_on_the_register_turns_the_entry_into_an_observation(
    window: MainWindow, qtbot
) -> None:
    window.go(PENGAWASAN)
    page = window.pages.currentWidget()
    assert isinstance(page, SupervisionPage)
    page.tabs.setCurrentWidget(page.register)
    register = page.register
    row = next(
        row
        for row in range(register.table.rowCount())
        if (register.table.selectRow(row), register.observation_button.isEnabled())[1]
    )
    register.table.selectRow(row)
    press(qtbot, register.table, Qt.Key.Key_J, Ctrl)
    assert register.observation_dialog is not None and register.observation_dialog.isVisible()
    assert window.quick_entry_dialog is None
    register.observation_dialog.reject()


def test_ctrl_return_on_the_register_moves_the_entry_on(window: MainWindow, qtbot) -> None:
    window.go(PENGAWASAN)
    page = window.pages.currentWidget()
    assert isinstance(page, SupervisionPage)
    page.tabs.setCurrentWidget(page.register)
    register = page.register
    row = next(
        row
        for row in range(register.table.rowCount())
        if (register.table.selectRow(row), register.next_button.isEnabled())[1]
    )
    register.table.selectRow(row)
    entry = register.selected()
    assert entry is not None
    caught = press(qtbot, register.table, Qt.Key.Key_Return, Ctrl)
    register.select(entry.id)
    moved = register.selected()
    assert caught.titles == ["Selesaikan"] or (moved is not None and moved.status != entry.status)


@pytest.mark.parametrize(
    ("page_number", "focus_of"),
    [
        (EVALUASI, lambda page: page.table),
        (PERILAKU, lambda page: page.table),
        (PEGAWAI, lambda page: page.table),
    ],
)
def test_ctrl_j_opens_quick_entry_for_the_person_in_front(
    window: MainWindow, qtbot, page_number: int, focus_of: Callable[[QWidget], QWidget]
) -> None:
    window.go(page_number)
    page = window.pages.currentWidget()
    if isinstance(page, JournalPage):
        page.table.selectRow(0)
    expected = window.person_in_front()
    assert expected is not None
    press(qtbot, focus_of(page), Qt.Key.Key_J, Ctrl)
    dialog = window.quick_entry_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.person.employee_id == expected
    assert dialog.focusWidget() is dialog.person  # the name first, selected: typing replaces it
    assert dialog.person.selectedText() == dialog.person.text()
    dialog.reject()


def test_ctrl_h_opens_todays_progress_entry_for_the_person_in_front(
    window: MainWindow, qtbot
) -> None:
    window.go(PEGAWAI)
    page = window.pages.currentWidget()
    expected = window.person_in_front()
    assert expected is not None
    press(qtbot, page.table, Qt.Key.Key_H, Ctrl)
    dialog = window.progress_entry_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.date().toPython() == TODAY
    assert dialog.focusWidget() is dialog.rhk  # a digit picks the RHK first
    dialog.reject()


def test_ctrl_b_on_evaluasi_opens_the_evidence_of_the_row(window: MainWindow, qtbot) -> None:
    page = _evaluation(window)
    page.table.setCurrentIndex(_editable_cell(page))
    press(qtbot, page.table, Qt.Key.Key_B, Ctrl)
    dialogs = [child for child in page.findChildren(QDialog) if child.isVisible()]
    assert [dialog.windowTitle() for dialog in dialogs] == ["Bukti Dukung"]
    dialogs[0].reject()


def test_app_keys_work_from_any_page(window: MainWindow, qtbot) -> None:
    page = _evaluation(window)
    press(qtbot, page.table, Qt.Key.Key_F, Ctrl)
    assert window.pages.currentIndex() == PEGAWAI
    assert window.staff_page.search.hasFocus()
    for position in range(min(len(PAGES), 10)):  # Ctrl+1..Ctrl+9, Ctrl+0
        key = Qt.Key(Qt.Key.Key_0 + (position + 1) % 10)
        press(qtbot, window.pages.currentWidget(), key, Ctrl)
        assert window.pages.currentIndex() == position
    press(qtbot, window.pages.currentWidget(), Qt.Key.Key_Comma, Ctrl)
    assert window.pages.currentIndex() == PENGATURAN


def test_ctrl_i_asks_for_the_staff_file_and_ctrl_q_closes(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(_parent: QWidget, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return "", ""  # the user cancels

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    page = _evaluation(window)
    press(qtbot, page.table, Qt.Key.Key_I, Ctrl)
    assert asked == ["Impor daftar pegawai"]
    press(qtbot, page.table, Qt.Key.Key_Q, Ctrl)
    assert not window.isVisible()


def test_ctrl_j_in_an_agreed_skp_is_quick_entry_for_its_person(window: MainWindow, qtbot) -> None:
    """The editor's Ctrl+J (Utama/Tambahan) is off on a locked SKP: the app's key answers."""
    window.go(PEGAWAI)
    person = window.staff_page.selected_id()
    assert person is not None
    window.show_skp(person)
    editor = window.skp_editor
    assert editor.is_read_only()
    press(qtbot, editor.tree, Qt.Key.Key_J, Ctrl)
    dialog = window.quick_entry_dialog
    assert dialog is not None and dialog.person.employee_id == person
    dialog.reject()


# Keys the screens advertise (menus, button texts, tooltips, hints) and the test driving each.
DRIVEN = {
    **{f"Ctrl+{digit}": "test_app_keys_work_from_any_page" for digit in "1234567890,"},
    "Ctrl+F": "test_app_keys_work_from_any_page",
    "Ctrl+I": "test_ctrl_i_asks_for_the_staff_file_and_ctrl_q_closes",
    "Ctrl+Q": "test_ctrl_i_asks_for_the_staff_file_and_ctrl_q_closes",
    "Ctrl+J": "test_ctrl_j_opens_quick_entry_for_the_person_in_front and the register's",
    "F2": "test_f2_on_pegawai_edits_the_selected_person",
    "Ctrl+N": "test_staff_page_keys_act_there, test_ctrl_n_on_the_register_adds_an_entry_there",
    "Ctrl+Shift+D": "test_staff_page_keys_act_there",
    "Ctrl+Shift+A": "test_staff_page_keys_act_there",
    "Ctrl+K": "test_staff_page_keys_act_there",
    "Ctrl+Enter": "test_ctrl_return_on_the_register_moves_the_entry_on",
    "Ctrl+B": "test_ctrl_b_on_evaluasi_opens_the_evidence_of_the_row",
    "Ctrl+H": "test_ctrl_h_opens_todays_progress_entry_for_the_person_in_front",
    "Del": "tests/ui/evaluation/test_journal_corrections_ui.py",
    # The SKP editor's keys, bound in its tree: tests/ui/skp/test_skp_editor.py.
    "Ctrl+S": "test_skp_editor",
    "Ctrl+Shift+N": "test_skp_editor",
    "Insert": "test_skp_editor",
    "Delete": "test_skp_editor",
    "Ctrl+Up": "test_skp_editor",
    "Ctrl+Down": "test_skp_editor",
    "Tab": "test_skp_editor",
    "Shift+Tab": "test_skp_editor",
    "Ctrl+V": "test_skp_editor",
}
_ADVERTISED = re.compile(r"\(((?:Ctrl|Shift|Alt)\+[^)]+|F\d+|Del|Insert|Delete|Tab)\)")


def _advertised(widget: QWidget) -> set[str]:
    texts: list[str] = [widget.toolTip()]
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    for action in widget.actions():
        texts += [action.text(), action.toolTip()]
    return {match for text in texts for match in _ADVERTISED.findall(text)}


def test_every_advertised_key_is_driven(window: MainWindow) -> None:
    advertised: set[str] = set()
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            advertised |= {key.toString() for key in action.shortcuts() if not key.isEmpty()}
    for position in range(len(PAGES)):
        window.go(position)
        page = window.pages.currentWidget()
        for widget in [page, *page.findChildren(QWidget)]:
            advertised |= _advertised(widget)
    assert {"F2", "Ctrl+J", "Ctrl+B", "Del"} <= advertised  # the scan sees them
    assert advertised <= set(DRIVEN), sorted(advertised - set(DRIVEN))
