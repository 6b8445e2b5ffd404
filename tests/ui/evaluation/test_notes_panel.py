"""The Catatan/Rekomendasi tab of the Evaluasi page: typed, saved, locked once signed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.evaluation.page import EvaluationPage

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(qtbot: QtBot, services: AppServices) -> tuple[EvaluationPage, int, str]:
    write_demo(services.database, employees=8, today=TODAY)
    with services.database.reading() as session:
        skp_id, code = session.execute(
            text("SELECT skp_id, period_code FROM predikat_decisions ORDER BY id LIMIT 1")
        ).one()
    widget = EvaluationPage(
        services.evaluation,
        services.skp,
        services.staff,
        behaviour=services.behaviour,
        dialogue=services.dialogue,
        seals=services.seals,
        today=lambda: TODAY,
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select(skp_id, code)
    return widget, skp_id, code


def test_the_penilai_types_and_saves_the_notes(
    qtbot: QtBot, services: AppServices, page: tuple[EvaluationPage, int, str]
) -> None:
    widget, skp_id, code = page
    widget.tabs.setCurrentWidget(widget.notes)
    notes = widget.notes
    assert notes.save_button.isEnabled() and not notes.text.isReadOnly()
    notes.text.setFocus()
    qtbot.keyClicks(notes.text, "Tingkatkan ketelitian arsip")
    assert notes.count.text() == "27/2000 karakter"
    with qtbot.waitSignal(widget.evaluation_changed):
        qtbot.mouseClick(notes.save_button, Qt.MouseButton.LeftButton)
    assert services.evaluation.evaluation(skp_id, code).notes == "Tingkatkan ketelitian arsip"
    assert not notes.error.isVisibleTo(widget)


def test_too_long_notes_are_refused_under_the_text(
    services: AppServices, page: tuple[EvaluationPage, int, str]
) -> None:
    widget, skp_id, code = page
    widget.tabs.setCurrentWidget(widget.notes)
    widget.notes.text.setPlainText("x" * 2001)
    assert not widget.notes.save()
    assert widget.notes.error.isVisibleTo(widget)
    assert "Catatan/Rekomendasi paling banyak 2000 karakter" in widget.notes.error.text()
    assert services.evaluation.evaluation(skp_id, code).notes == ""


def test_a_signed_period_shows_its_notes_read_only(
    services: AppServices, page: tuple[EvaluationPage, int, str]
) -> None:
    widget, skp_id, code = page
    services.evaluation.set_notes(skp_id, code, "Catatan yang ditandatangani")
    services.seals.sign_evaluation(skp_id, code, TODAY, today=TODAY)
    widget.select(skp_id, code)
    widget.refresh()
    assert widget.notes.text.toPlainText() == "Catatan yang ditandatangani"
    assert widget.notes.text.isReadOnly() and not widget.notes.save_button.isEnabled()
