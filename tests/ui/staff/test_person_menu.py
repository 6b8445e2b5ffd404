"""Lists of people open a person's SKP, Evaluasi, Perilaku and Cetak; Pegawai shows the predikat."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.evaluation.journal_page import JournalPage
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.main_window import (
    CETAK,
    EVALUASI,
    PERILAKU,
    SKP,
    STRUKTUR,
    MainWindow,
)
from kinerja_desktop.ui.staff.page import StaffPage
from kinerja_desktop.ui.staff.person_menu import PersonPlace
from kinerja_desktop.ui.staff.structure_page import StructurePage

TODAY = date(2026, 11, 28)


@pytest.fixture
def window(services: AppServices, qtbot, qapp) -> MainWindow:
    from kinerja_desktop.demo import write_demo

    configure_application(qapp)
    write_demo(services.database, employees=40, today=TODAY)
    built = MainWindow(services, today=lambda: TODAY)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitUntil(lambda: not built.home.loading)  # Beranda's checks run off the GUI thread
    return built


def _latest_decided(services: AppServices) -> tuple[int, int, str, Predikat]:
    """A person with a decided predikat: id, year, period code and the final predikat."""
    with services.database.reading() as session:
        employee_id, year, code, final = session.execute(
            text(
                "SELECT s.employee_id, s.year, d.period_code, d.final FROM predikat_decisions d "
                "JOIN skps s ON s.id = d.skp_id "
                "ORDER BY s.employee_id, s.year DESC, d.decided_on DESC, d.id DESC LIMIT 1"
            )
        ).one()
    return employee_id, year, code, Predikat(final)


# The page each place opens, and whether it shows the person then.
PLACES = [
    (PersonPlace.SKP, SKP),
    (PersonPlace.EVALUASI, EVALUASI),
    (PersonPlace.PERILAKU, PERILAKU),
    (PersonPlace.CETAK, CETAK),
]


@pytest.mark.parametrize(("place", "page"), PLACES)
def test_right_click_on_pegawai_opens_the_person_there(
    window: MainWindow, services: AppServices, place: PersonPlace, page: int
) -> None:
    employee_id, _year, _code, _final = _latest_decided(services)
    window.show_employee(employee_id)
    menu = window.staff_page.person_menu(employee_id)
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Buka &SKP", "&Evaluasi", "&Perilaku", "&Cetak"]
    menu.actions()[list(PersonPlace).index(place)].trigger()
    assert window.pages.currentIndex() == page
    assert window.person_in_front() == employee_id


def test_right_click_on_struktur_opens_the_person_too(
    window: MainWindow, services: AppServices
) -> None:
    employee_id, _year, _code, _final = _latest_decided(services)
    window.go(STRUKTUR)
    structure = window.pages.currentWidget()
    assert isinstance(structure, StructurePage)
    structure.person_menu(employee_id).actions()[2].trigger()  # Perilaku
    assert window.pages.currentIndex() == PERILAKU
    journal = window.pages.currentWidget()
    assert isinstance(journal, JournalPage) and journal.person.employee_id == employee_id


def test_right_click_on_the_evaluasi_list_opens_the_person_elsewhere(
    window: MainWindow, services: AppServices
) -> None:
    employee_id, _year, _code, _final = _latest_decided(services)
    window.go(EVALUASI)
    evaluation = window.pages.currentWidget()
    assert isinstance(evaluation, EvaluationPage)
    assert evaluation.show_person(employee_id)
    evaluation.picker.person_menu(employee_id).actions()[0].trigger()  # Buka SKP
    assert window.pages.currentIndex() == SKP
    assert window.person_in_front() == employee_id


def test_pegawai_summary_shows_the_latest_predikat_and_links(
    window: MainWindow, services: AppServices
) -> None:
    employee_id, year, _code, final = _latest_decided(services)
    window.show_employee(employee_id)
    details = window.staff_page.details.text()
    assert f"<b>Predikat terakhir:</b> {final.label}" in details
    assert str(year) in details
    for place in PersonPlace:
        assert f'href="{place.value}"' in details
    window.staff_page.details.linkActivated.emit("Evaluasi")
    assert window.pages.currentIndex() == EVALUASI
    assert window.person_in_front() == employee_id


def test_a_person_without_a_predikat_says_so(office: AppServices, qtbot) -> None:
    page = StaffPage(office.staff, behaviour=office.behaviour, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.selected_id() is not None
    assert "<b>Predikat terakhir:</b> belum ada" in page.details.text()
