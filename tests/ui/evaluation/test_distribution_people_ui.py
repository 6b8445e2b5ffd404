"""Clicking a bar of Sebaran Predikat or a cell of its matrix lists the people in it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(qtbot: QtBot, services: AppServices) -> DistributionPage:
    write_demo(services.database, today=TODAY)
    built = DistributionPage(services.distribution, services.staff, today=lambda: TODAY)
    qtbot.addWidget(built)
    built.resize(1000, 700)
    built.show()
    unit = services.supervision.surveys.find_unit("Kecamatan Kertapati").id
    built.select(unit, 2026, "TW3")
    return built


def test_a_bar_lists_its_people_and_opens_one(qtbot: QtBot, page: DistributionPage) -> None:
    assert page.result is not None
    opened: list[int] = []
    page.employee_requested.connect(opened.append)
    centre = page.chart.bar_centre(Predikat.BUTUH_PERBAIKAN).toPoint()
    qtbot.mouseClick(page.chart, Qt.MouseButton.LeftButton, pos=centre)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    expected = page.result.people(Predikat.BUTUH_PERBAIKAN)
    assert len(dialog.names()) == len(expected) == 3
    assert dialog.names()[0].startswith(expected[0].name)
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    assert opened == [expected[0].employee_id]


def test_the_matrix_shows_counts_and_a_cell_lists_its_people(
    qtbot: QtBot, page: DistributionPage
) -> None:
    texts = [[page.matrix.item(row, column).text() for column in range(3)] for row in range(3)]
    assert texts == [
        ["0\nKurang/Misconduct", "1\nBaik", "1\nSangat Baik"],
        ["2\nKurang/Misconduct", "17\nBaik", "0\nBaik"],
        ["0\nSangat Kurang", "3\nButuh Perbaikan", "0\nButuh Perbaikan"],
    ]
    rect = page.matrix.visualItemRect(page.matrix.item(1, 1))
    qtbot.mouseClick(page.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.dialog is not None
    assert len(page.dialog.names()) == 17
    assert page.dialog.windowTitle() == "Hasil Sesuai Ekspektasi, perilaku Sesuai Ekspektasi"
