"""Beranda's Progres Harian chart: bars per unit, people below the threshold named and linked."""

from __future__ import annotations

from progress_office import TODAY, Office, entry, progress_office
from pytestqt.qtbot import QtBot

from kinerja_desktop.ui.home.page import HomePage

__all__ = ["progress_office"]


def _page(office: Office, qtbot: QtBot) -> HomePage:
    services = office.services
    page = HomePage(
        services.attention,
        services.staff,
        progress=services.period_progress,
        daily=services.progress.office_month,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: not page.loading)
    return page


def test_the_chart_is_hidden_while_nobody_keeps_a_log(
    progress_office: Office, qtbot: QtBot
) -> None:
    page = _page(progress_office, qtbot)
    assert page.daily_chart is not None
    assert not page.daily_chart.isVisible()


def test_the_chart_shows_each_unit_and_names_who_is_behind(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    progress = office.services.progress
    added = progress.add(office.dewi, entry(office.dewi_rhks[0], TODAY))
    progress.submit([added.id])
    page = _page(office, qtbot)
    chart = page.daily_chart
    assert chart is not None and chart.isVisible()
    (bar,) = chart.bars
    assert bar.text().startswith("Seksi Pelayanan: 1 dari ")
    assert bar.text().endswith(", 1 pegawai")
    assert "Maret 2026" in chart.title.text()
    labels = [label.text() for label in chart.findChildren(type(chart.title))]
    (below,) = [text for text in labels if text.startswith("Di bawah 80%")]
    assert "Dewi Lestari" in below
    opened: list[int] = []
    page.employee_requested.connect(opened.append)
    (link,) = [label for label in chart.findChildren(type(chart.title)) if label.text() == below]
    link.linkActivated.emit(str(office.dewi))
    assert opened == [office.dewi]
    bar.grab()  # paints without error
