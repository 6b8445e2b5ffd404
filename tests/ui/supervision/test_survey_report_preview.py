"""Pengawasan › Survei: "Cetak laporan…" previews the signed survey report, saves and records it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.printing.page import PrintPage
from kinerja_desktop.ui.supervision.survey_tab import SurveyTab

#: The day the screens take as today.
TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=12, today=date(2026, 11, 28))
    return services


def test_survey_report_previews_then_saves_and_records(
    qtbot: QtBot, office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = SurveyTab(office.supervision.surveys, printing=office.printing, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert tab.report_button.isEnabled()
    dialog = tab.print_report()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() >= 1
    assert dialog.prepared is not None
    assert dialog.prepared.request.form is FormKind.SURVEI
    assert dialog.prepared.code in dialog.status.text()

    target = tmp_path / "laporan.pdf"

    def chosen(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    assert dialog.save_pdf() == target
    assert dialog.recorded
    text = PdfReader(target).pages[0].extract_text()
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
    assert office.printing.verify(dialog.prepared.code).matches


def test_survey_without_respondents_says_why(qtbot: QtBot, office: AppServices) -> None:
    tab = SurveyTab(office.supervision.surveys, printing=office.printing, today=lambda: TODAY)
    qtbot.addWidget(tab)
    unit = office.supervision.surveys.find_unit("Seksi Pelayanan Umum")
    tab.unit.setCurrentIndex(tab.unit.findData(unit.id))
    tab.period.setText("2027")
    tab.open_survey()
    assert tab.print_report() is None
    assert "responden" in tab.top_error.text().lower()


def test_survey_tab_without_printing_has_no_report_button(
    qtbot: QtBot, office: AppServices
) -> None:
    tab = SurveyTab(office.supervision.surveys, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert tab.report_button.isHidden()


def test_cetak_page_leaves_the_survey_report_to_pengawasan(
    qtbot: QtBot, office: AppServices
) -> None:
    page = PrintPage(office.printing, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.form.findData(FormKind.SURVEI.value) == -1
