"""Marking an evaluation signed on the Evaluasi page, and reopening it with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.evaluation.page import EvaluationPage

#: The day the demo is written for and the page takes as today.
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
    widget.select(skp_id, code)
    return widget, skp_id, code


def test_sign_then_reopen(qtbot: QtBot, services: AppServices, page: tuple) -> None:
    widget, skp_id, code = page
    assert widget.model.evaluation is not None and widget.model.evaluation.editable
    assert widget.sign_button.isEnabled() and not widget.reopen_button.isEnabled()

    dialog = widget.sign()
    assert dialog is not None
    with qtbot.waitSignal(widget.evaluation_changed):
        assert dialog.save()
    assert services.seals.signed_on(skp_id, code) == TODAY
    assert not widget.model.evaluation.editable
    assert "sudah ditandatangani" in widget.notice.text()
    assert widget.reopen_button.isEnabled() and not widget.sign_button.isEnabled()
    assert widget.behaviour_panel is not None
    assert not widget.behaviour_panel.save_feedback_button.isEnabled()

    reopen = widget.reopen()
    assert reopen is not None
    assert not reopen.save()  # a reason is required
    assert reopen.error.isVisibleTo(reopen)
    reopen.reason.setText("Keputusan keberatan mengubah rating")
    with qtbot.waitSignal(widget.evaluation_changed):
        assert reopen.save()
    assert services.seals.signed_on(skp_id, code) is None
    assert widget.model.evaluation.editable
    assert services.seals.history()[-1].fields.reason == "Keputusan keberatan mengubah rating"


def test_a_future_signing_day_is_refused(page: tuple) -> None:
    widget, _skp_id, _code = page
    dialog = widget.sign()
    assert dialog is not None
    dialog.signed_on.setDate(dialog.signed_on.date().addDays(3))
    assert not dialog.save()
    assert "masa depan" in dialog.error.text()
