"""Beranda shows the period as progress bars; a bar opens the people still missing it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.staff.service import StaffInput
from kinerja_desktop.ui.home.page import HomePage

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def _page(qtbot: QtBot, services: AppServices) -> HomePage:
    page = HomePage(
        services.attention, services.staff, progress=services.period_progress, today=lambda: TODAY
    )
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading)
    return page


def test_a_bar_opens_the_people_still_missing_it(qtbot: QtBot, demo: AppServices) -> None:
    someone = demo.staff.search_people("Tri Nugroho")[0]
    newcomer = demo.staff.create(
        StaffInput(
            StaffFields(
                "199901012024011001", "Zaki Pendatang", "PNS", "III/a", "Analis", "Pelaksana"
            ),
            someone.unit_id,
            someone.penilai_id,
            date(2026, 11, 2),
        )
    )
    page = _page(qtbot, demo)
    (view,) = page.progress_views
    assert "Triwulan IV" in view.progress.period.label
    bar = view.bar(someone.unit_id, Stage.SKP)
    assert bar.text() == f"{bar.progress.done} dari {bar.progress.total}"
    assert bar.value() == bar.maximum() - 1  # everyone but the newcomer has an agreed SKP
    opened: list[int] = []
    page.employee_requested.connect(opened.append)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.names() == ["Zaki Pendatang — NIP 19990101 202401 1 001"]
    dialog.people.setFocus()
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    assert opened == [newcomer.id]
    assert not dialog.isVisible()


def test_another_period_and_a_penilai_see_their_own_bars(qtbot: QtBot, demo: AppServices) -> None:
    demo.accounts.sign_in("kasi", DEMO_PASSWORD)
    page = _page(qtbot, demo)
    page.period.setCurrentIndex(page.period.findData("TW1"))
    qtbot.waitUntil(lambda: not page.loading)
    (view,) = page.progress_views
    assert view.progress.period.code == "TW1"
    assert len(view.progress.units) == 1  # the kasi's section only
    total = view.bar(None, Stage.DITANDATANGANI)
    assert (total.value(), total.maximum(), total.text()) == (0, 9, "0 dari 9")
    qtbot.mouseClick(view.bar(None, Stage.PREDIKAT), Qt.MouseButton.LeftButton)
    assert view.dialog is not None
    assert view.dialog.names() == []  # all nine have their predikat of Triwulan I


def test_the_office_overview_is_read_in_the_background_then_shown(
    qtbot: QtBot, demo: AppServices
) -> None:
    page = HomePage(demo.attention, demo.staff, progress=demo.period_progress, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.office.text() == "Memuat…"  # nothing read on the GUI thread while building
    qtbot.waitUntil(lambda: not page.loading)
    active = len(demo.staff.search_people("", 1000))
    assert f"{active} pegawai aktif" in page.office.text()
    assert "Triwulan IV" in page.office.text()
