"""Perilaku: a mistyped observation is corrected or deleted from the journal, with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import JournalFilter
from kinerja_desktop.ui.evaluation.journal_page import COLUMNS, JournalPage
from kinerja_desktop.ui.evaluation.quick_entry import CORRECTION_TITLE

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(office: AppServices, qtbot: QtBot) -> JournalPage:
    siti = office.staff.search_people("Siti")[0].id
    office.journal.record(
        siti,
        date(2026, 3, 2),
        BehaviourValue.AKUNTABEL,
        ObservationSign.NEGATIF,
        "Kas telat tiga hari",
        indicator=1,
        serious=True,
        evidence_note="Dilihat bendahara",
        today=TODAY,
    )
    built = JournalPage(office.journal, office.staff, today=lambda: TODAY)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def _texts(page: JournalPage) -> list[str]:
    column = COLUMNS.index("Uraian")
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_nothing_selected_nothing_to_correct(page: JournalPage) -> None:
    page.table.clearSelection()
    assert not page.correct_button.isEnabled()
    assert not page.remove_button.isEnabled()
    assert not page.remove_action.isEnabled()
    page.table.selectRow(0)
    assert page.correct_button.isEnabled() and page.remove_action.isEnabled()


def test_right_click_offers_correct_and_delete(page: JournalPage) -> None:
    assert page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [action.text() for action in page.table.actions()] == [
        "Koreksi catatan…",
        "Hapus catatan…",
    ]


def test_a_correction_shows_the_entry_needs_a_reason_and_is_logged(
    page: JournalPage, office: AppServices, qtbot: QtBot
) -> None:
    page.table.selectRow(0)
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    dialog = page.correction_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == CORRECTION_TITLE
    assert dialog.text.toPlainText() == "Kas telat tiga hari"
    assert dialog.value.currentData() == BehaviourValue.AKUNTABEL.value
    assert dialog.sign_buttons[ObservationSign.NEGATIF].isChecked()
    assert dialog.serious.isChecked()
    assert dialog.indicator.currentData() == 1
    assert dialog.evidence_note.text() == "Dilihat bendahara"

    dialog.text.setPlainText("Kas telat satu hari")
    dialog.serious.setChecked(False)
    dialog.save()
    assert "Alasan koreksi wajib diisi" in dialog.errors["reason"].text()
    assert dialog.isVisible()
    assert _texts(page) == ["Kas telat tiga hari"]

    qtbot.keyClicks(dialog.reason, "Salah ketik jumlah hari")
    dialog.save()
    assert not dialog.isVisible()
    assert _texts(page) == ["Kas telat satu hari"]
    logged = office.seals.history()[-1].fields
    assert (logged.action, logged.reason) == (SealAction.CATATAN_DIUBAH, "Salah ketik jumlah hari")


def test_delete_key_asks_why_and_deletes(page: JournalPage, office: AppServices, qtbot) -> None:
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    dialog = page.removal_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Siti Rahmawati" in dialog.question.text()
    assert "2 Maret 2026" in dialog.question.text()

    dialog.save()  # no reason yet
    assert "Alasan menghapus catatan wajib diisi" in dialog.reason_error.text()
    assert len(office.journal.entries(JournalFilter())) == 1
    qtbot.keyClicks(dialog.reason, "Tercatat untuk pegawai yang salah")
    dialog.save()
    assert not dialog.isVisible()
    assert office.journal.entries(JournalFilter()) == []
    assert _texts(page) == []
    logged = office.seals.history()[-1].fields
    assert logged.action is SealAction.CATATAN_DIHAPUS
    assert logged.reason == "Tercatat untuk pegawai yang salah"
