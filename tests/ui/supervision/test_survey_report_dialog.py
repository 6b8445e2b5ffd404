"""Pengawasan › Survei › "Data laporan…": population, method, fieldwork and the RTL rows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.domain.supervision.survey_report import SurveyMethod
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.supervision.survey_report_dialog import SurveyReportDialog
from kinerja_desktop.ui.supervision.survey_tab import SurveyTab

TODAY = date(2026, 7, 10)


@pytest.fixture
def tab(qtbot: QtBot, services: AppServices) -> SurveyTab:
    root = services.staff.add_unit("Puskesmas Kertapati", None)
    unit = services.staff.add_unit("Poli Umum", root.id)
    surveys = services.supervision.surveys
    survey = surveys.open_survey(unit.id, "2026-S1", today=TODAY)
    surveys.add_typed(survey.id, "\n".join(["333333333"] * 20), today=TODAY)
    shown = SurveyTab(surveys, today=lambda: TODAY)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def dialog(qtbot: QtBot, tab: SurveyTab) -> SurveyReportDialog:
    assert tab.details_button.isEnabled()
    opened = tab.edit_details()
    assert opened is not None
    qtbot.addWidget(opened)
    return opened


def test_population_method_and_fieldwork_are_saved_with_the_sample_shown(
    qtbot: QtBot, services: AppServices, dialog: SurveyReportDialog
) -> None:
    assert "Isi populasi" in dialog.sample.text()
    qtbot.keyClicks(dialog.population, "1.250")
    dialog.methods[SurveyMethod.KIOS].setChecked(True)
    dialog.fieldwork_start.setDate(QDate(2026, 1, 5))
    dialog.fieldwork_end.setDate(QDate(2026, 6, 30))
    qtbot.mouseClick(dialog.save_details_button, Qt.MouseButton.LeftButton)
    assert "Sampel minimum 297 responden; terkumpul 20: belum memenuhi" in dialog.sample.text()
    details = services.supervision.surveys.details(dialog.details.survey.id)
    assert (details.population, details.methods) == (1250, (SurveyMethod.KIOS,))
    assert (details.fieldwork_start, details.fieldwork_end) == (date(2026, 1, 5), date(2026, 6, 30))


def test_bad_details_are_shown_next_to_their_fields(
    services: AppServices, dialog: SurveyReportDialog
) -> None:
    dialog.population.setText("banyak")
    dialog.fieldwork_start.setDate(QDate(2026, 3, 1))
    dialog.fieldwork_end.setDate(QDate(2026, 2, 1))
    assert not dialog.save_details()
    assert "Populasi harus bilangan bulat" in dialog.errors["population"].text()
    assert "tidak boleh sebelum" in dialog.errors["fieldwork_end"].text()
    assert services.supervision.surveys.details(dialog.details.survey.id).population is None


def test_rtl_rows_are_added_corrected_and_removed(
    qtbot: QtBot,
    services: AppServices,
    dialog: SurveyReportDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not dialog.add_action()  # nothing typed: each field says so
    assert dialog.errors["item"].text() == "Unsur wajib dipilih (U1 sampai U9)."
    assert dialog.errors["program"].text() == "Program/kegiatan wajib diisi."
    assert dialog.errors["responsible"].text() == "Penanggung jawab wajib diisi."

    dialog.item.setCurrentIndex(dialog.item.findData("U3"))
    qtbot.keyClicks(dialog.program, "Menambah loket")
    qtbot.keyClicks(dialog.schedule, "Agustus 2026")
    qtbot.keyClicks(dialog.responsible, "Kepala Puskesmas")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.plan.rowCount() == 1
    assert dialog.plan.item(0, 0).text() == "U3 Waktu Penyelesaian"
    assert dialog.program.text() == ""  # cleared for the next row

    dialog.plan.selectRow(0)
    assert dialog.program.text() == "Menambah loket" and dialog.update_button.isEnabled()
    dialog.program.setText("Menambah dua loket")
    assert dialog.update_action()
    survey_id = dialog.details.survey.id
    (line,) = services.supervision.surveys.details(survey_id).actions
    assert (line.item, line.program) == (SurveyItem.U3, "Menambah dua loket")

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    dialog.plan.selectRow(0)
    assert dialog.remove_action()
    assert dialog.plan.rowCount() == 0
    assert services.supervision.surveys.details(survey_id).actions == ()
