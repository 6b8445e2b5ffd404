"""The Kompetensi page: rate a competence, see the gap and JPM, accept a proposal into the plan."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.competence_page import COMPETENCE_COLUMNS, CompetencePage

CODE = "M.01"


def _page(qtbot: QtBot, office: AppServices) -> CompetencePage:
    page = CompetencePage(office.competence, office.development, office.staff)
    qtbot.addWidget(page)
    return page


def _cell(page: CompetencePage, code: str, column: str) -> str:
    for row in range(page.competences.rowCount()):
        if page.competences.item(row, 0).text() == code:
            return page.competences.item(row, COMPETENCE_COLUMNS.index(column)).text()
    raise AssertionError(code)


def test_without_person_nothing_to_rate(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    assert page.competences.rowCount() == 0
    assert not page.rate_button.isEnabled()
    assert "0 dari 20 JP" in page.jp_label.text()


def test_rate_gap_propose_and_accept(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = office.staff.search_people("Siti")[0]
    page.person.set_person(siti)
    assert page.competences.rowCount() >= 9
    assert "(bawaan)" in _cell(page, CODE, "Level dibutuhkan")
    assert "belum ada" in page.jpm_label.text()
    assert "0 dari 20 JP" in page.jp_label.text()
    assert page.proposal_list.count() == 1  # only the "no proposals" note
    assert page.proposals == []

    assert page.select_competence(CODE)
    assert page.rate_button.isEnabled()
    dialog = page.rate_selected()
    assert dialog is not None
    # A reason is required: the error shows next to the field and nothing is saved.
    dialog.level.setValue(1)
    assert dialog.description.text().startswith("Level 1:")
    assert not dialog.save()
    assert dialog.errors["reason"].isVisibleTo(dialog)
    assert _cell(page, CODE, "Level dimiliki") == ""

    with qtbot.waitSignal(page.changed):
        dialog.reason.setText("Belum menunjukkan integritas dalam laporan kas.")
        assert dialog.save()
    required = int(_cell(page, CODE, "Level dibutuhkan").split()[0])
    assert _cell(page, CODE, "Level dimiliki") == "1"
    assert _cell(page, CODE, "Kesenjangan") == f"{1 - required:+d}"
    assert _cell(page, CODE, "Dinilai") != ""
    assert "JPM:" in page.jpm_label.text() and "%" in page.jpm_label.text()
    assert page.profile is not None and page.profile.jpm is not None

    proposals = page.proposals
    assert len(proposals) == 1
    assert CODE in proposals[0].addresses
    assert "Menjawab:" in page.proposal_list.item(0).text()

    before = page.jp_label.text()
    page.proposal_list.setCurrentRow(0)
    assert page.accept_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        assert page.accept_selected()
    assert page.plan is not None and len(page.plan.items) == 1
    assert page.plan_table.rowCount() == 1
    assert page.plan_table.item(0, 0).text() == proposals[0].title
    assert page.jp_label.text() != before
    assert page.plan.jp.planned > 0
    assert "Masih kurang" in page.plan_warning.text()


def test_dismiss_hides_proposal(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = office.staff.search_people("Siti")[0]
    office.competence.rate(siti.id, CODE, 1, "Perlu dikembangkan.", date.today())
    page.person.set_person(siti)
    assert len(page.proposals) == 1
    page.proposal_list.setCurrentRow(0)
    assert page.dismiss_selected()
    assert page.proposals == []


def test_enter_saves_and_escape_cancels(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    page.person.set_person(office.staff.search_people("Siti")[0])
    page.select_competence(CODE)
    dialog = page.rate_selected()
    assert dialog is not None
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _cell(page, CODE, "Level dimiliki") == ""

    dialog = page.rate_selected()
    assert dialog is not None
    dialog.level.setValue(4)
    dialog.reason.setText("Konsisten jujur dalam laporan.")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert _cell(page, CODE, "Level dimiliki") == "4"
