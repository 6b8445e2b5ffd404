"""The Sebaran Predikat page: record the organisation predikat, read the findings and chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.data.behaviour_models import PredikatRow
from kinerja_desktop.domain.distribution import CURVE_CAPTION
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.distribution import (
    ASK_FOR_ORG_PREDIKAT,
    DistributionService,
)
from kinerja_desktop.services.staff.service import StaffFilter
from kinerja_desktop.ui.evaluation.distribution_page import OK_TEXT, DistributionPage, SpreadChart

YEAR = 2026


def _decide_all(office: AppServices, predikat: Predikat) -> None:
    """Give everyone in the office an SKP and the same decided TW1 predikat."""
    people = office.staff.find_ids(StaffFilter())
    for employee_id in people:
        skp = office.skp.create(employee_id, YEAR, Pendekatan.KUANTITATIF)
        with office.database.transaction() as session:
            session.add(
                PredikatRow(
                    skp_id=skp.id,
                    period_code="TW1",
                    hasil="SESUAI",
                    perilaku="SESUAI",
                    computed=predikat.value,
                    final=predikat.value,
                    override_reason="",
                    decided_on=date(YEAR, 4, 10),
                )
            )


def _page(qtbot: QtBot, office: AppServices) -> DistributionPage:
    page = DistributionPage(
        DistributionService(office.database, AccessGuard.system(office.database)),
        office.staff,
        today=lambda: date(YEAR, 4, 15),
    )
    qtbot.addWidget(page)
    unit = next(u for u in office.staff.units() if u.name == "Kecamatan Kertapati")
    page.select(unit.id, YEAR, "TW1")
    return page


def test_set_org_predikat_and_see_a_finding(qtbot: QtBot, office: AppServices) -> None:
    _decide_all(office, Predikat.BAIK)
    page = _page(qtbot, office)
    assert page.status.text() == ASK_FOR_ORG_PREDIKAT
    assert page.findings.count() == 0

    page.org.setCurrentIndex(page.org.findData(OrgPredikat.BAIK.value))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    texts = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert "Baik 5 dari 5 pegawai (100%), batas paling banyak 70% (3 orang)." in texts
    assert OK_TEXT not in texts
    assert "Baik" in page.status.text()
    assert page.notes.text().startswith("Unit kecil (5 pegawai)")
    assert page.caption.text() == CURVE_CAPTION
    assert page.chart.counts[Predikat.BAIK] == 5
    assert page.chart.expected is not None


def test_a_spread_that_follows_the_curve(qtbot: QtBot, office: AppServices) -> None:
    _decide_all(office, Predikat.SANGAT_BAIK)
    page = _page(qtbot, office)
    page.org.setCurrentIndex(page.org.findData(OrgPredikat.ISTIMEWA.value))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    texts = [page.findings.item(i).text() for i in range(page.findings.count())]
    # Istimewa allows at most 70% Sangat Baik: 5 of 5 is a finding, shown as a warning.
    assert texts == ["Sangat Baik 5 dari 5 pegawai (100%), batas paling banyak 70% (3 orang)."]


def test_the_chart_paints_without_warnings(qtbot: QtBot, office: AppServices) -> None:
    _decide_all(office, Predikat.BAIK)
    page = _page(qtbot, office)
    page.resize(800, 700)
    page.show()
    qtbot.waitExposed(page)

    assert not page.chart.grab().isNull()
    page.org.setCurrentIndex(page.org.findData(OrgPredikat.KURANG.value))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.chart.grab().isNull()


def test_an_empty_chart_paints(qtbot: QtBot) -> None:
    chart = SpreadChart()
    qtbot.addWidget(chart)
    chart.set_data({}, None)

    assert not chart.grab().isNull()


def test_the_page_opens_on_the_last_ended_period(services, qtbot) -> None:
    from datetime import date

    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage

    write_demo(services.database, today=date(2026, 11, 28))
    page = DistributionPage(services.distribution, services.staff, today=lambda: date(2026, 11, 28))
    qtbot.addWidget(page)
    assert page.period.currentData() == "TW3"
