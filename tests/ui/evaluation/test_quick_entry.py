"""Quick entry: a whole observation from the keyboard alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import JournalFilter, JournalService
from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog

#: The day the dialog takes as today.
TODAY = date(2026, 11, 28)


@pytest.fixture
def journal(office: AppServices, tmp_path: Path) -> JournalService:
    return JournalService(
        office.database, tmp_path / "evidence", AccessGuard.system(office.database)
    )


def _dialog(
    qtbot: QtBot, office: AppServices, journal: JournalService, employee_id: int | None = None
) -> QuickEntryDialog:
    dialog = QuickEntryDialog(journal, office.staff, employee_id=employee_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_keyboard_alone_records_an_observation(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    dialog = _dialog(qtbot, office, journal)
    recorded: list[int] = []
    dialog.recorded.connect(recorded.append)

    qtbot.keyClicks(dialog.person, "dewi")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    assert dialog.person.employee_id is not None
    assert dialog.focusWidget() is dialog.value
    qtbot.keyClick(dialog.value, Qt.Key.Key_2)
    assert dialog.value.currentData() == BehaviourValue.AKUNTABEL.value
    focused = dialog.focusWidget()
    assert focused in dialog.sign_buttons.values()
    qtbot.keyClick(focused, Qt.Key.Key_N)
    assert dialog.sign_buttons[ObservationSign.NEGATIF].isChecked()
    assert dialog.focusWidget() is dialog.text
    qtbot.keyClicks(dialog.text, "Laporan kas terlambat")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    entries = journal.entries(JournalFilter())
    assert len(entries) == 1
    assert entries[0].employee_name == "Dewi Lestari"
    assert entries[0].value is BehaviourValue.AKUNTABEL
    assert entries[0].sign is ObservationSign.NEGATIF
    assert entries[0].text == "Laporan kas terlambat"
    assert entries[0].observed_on == TODAY
    assert recorded == [entries[0].employee_id]
    assert dialog.result() == QuickEntryDialog.DialogCode.Accepted


def test_errors_show_next_to_the_fields_and_nothing_is_saved(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    dialog = _dialog(qtbot, office, journal)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.errors["employee"].isVisibleTo(dialog)
    assert dialog.errors["value"].isVisibleTo(dialog)
    assert dialog.errors["sign"].isVisibleTo(dialog)

    dialog.person.setFocus()
    qtbot.keyClicks(dialog.person, "Siti")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.value, Qt.Key.Key_1)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_P)
    dialog.indicator.setFocus()
    qtbot.keyClick(dialog.indicator, Qt.Key.Key_3)
    assert dialog.indicator.currentData() == 3
    dialog.observed_on.setDate(QDate(TODAY).addDays(1))
    dialog.save()
    assert not dialog.errors["employee"].isVisibleTo(dialog)
    assert "belum terjadi" in dialog.errors["observed_on"].text()
    assert dialog.errors["text"].isVisibleTo(dialog)
    assert journal.entries(JournalFilter()) == []


def test_letter_picks_and_cycles_values(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    dialog = _dialog(qtbot, office, journal)
    dialog.value.setFocus()
    qtbot.keyClick(dialog.value, Qt.Key.Key_A)
    assert dialog.value.currentData() == BehaviourValue.AKUNTABEL.value
    qtbot.keyClick(dialog.value, Qt.Key.Key_A)
    assert dialog.value.currentData() == BehaviourValue.ADAPTIF.value


def test_opened_for_a_person_starts_at_the_name_selected(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    """As the hint says, the name comes first: Enter keeps the person, typing replaces them."""
    person = office.staff.search_people("Iqbal")[0]
    dialog = _dialog(qtbot, office, journal, employee_id=person.id)
    assert dialog.person.employee_id == person.id
    assert dialog.focusWidget() is dialog.person
    assert dialog.person.selectedText() == dialog.person.text()
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    assert dialog.person.employee_id == person.id
    assert dialog.focusWidget() is dialog.value
    assert journal.entries(JournalFilter()) == []  # Enter on the name does not save

    other = _dialog(qtbot, office, journal, employee_id=person.id)
    qtbot.keyClicks(other.person, "dewi")
    assert other.person.text() == "dewi"
    qtbot.keyClick(other.person, Qt.Key.Key_Return)
    chosen = other.person.employee_id
    assert chosen is not None and office.staff.get(chosen).name == "Dewi Lestari"
    assert other.focusWidget() is other.value


def test_esc_with_text_asks_before_discarding(
    qtbot: QtBot, office: AppServices, journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _dialog(qtbot, office, journal)
    qtbot.keyClicks(dialog.text, "Sesuatu")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert asked == ["Buang catatan?"]
    assert dialog.isVisible()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QuickEntryDialog.DialogCode.Rejected


def test_esc_without_text_closes_at_once(
    qtbot: QtBot, office: AppServices, journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked"))
    dialog = _dialog(qtbot, office, journal)
    qtbot.keyClicks(dialog.person, "Siti")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
