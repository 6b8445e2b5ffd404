"""Isi dari progres harian on the Evaluasi page: review the sums, tick, apply (real widgets)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from progress_office import TODAY, Office, entry
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.progress_draft_dialog import (
    COL_APPLY,
    COL_CURRENT,
    COL_LEFT_OUT,
    COL_PROPOSAL,
    ProgressDraftDialog,
)

MONDAY = date(2026, 3, 16)


def _office_with_approved_entries(office: Office) -> int:
    progress = office.services.progress
    first, _second = office.rizky_rhks
    added = [
        progress.add(office.rizky, entry(first, MONDAY, realisation="12")),
        progress.add(office.rizky, entry(first, TODAY, realisation="4", unit="Berkas")),
        progress.add(office.rizky, entry(first, TODAY, "13.00", "14.00", unit="lembar")),
    ]
    progress.submit([found.id for found in added])
    progress.approve([found.id for found in added])
    skp = office.services.skp.get(office.rizky, 2026)
    assert skp is not None
    return office.services.skp.agree(skp.id, skp.version, date(2026, 1, 5)).id


def _page(office: Office, qtbot: QtBot, skp_id: int) -> EvaluationPage:
    services = office.services
    page = EvaluationPage(
        services.evaluation,
        services.skp,
        services.staff,
        progress=services.progress,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.select(skp_id, "TW1")
    return page


def test_the_penilai_reviews_the_sums_and_applies_the_ticked_ones(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    skp_id = _office_with_approved_entries(office)
    office.sign_in(office.siti)
    page = _page(office, qtbot, skp_id)
    assert page.progress_button.isVisible() and page.progress_button.isEnabled()

    dialog = page.fill_from_progress()
    assert isinstance(dialog, ProgressDraftDialog)
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, COL_CURRENT).text() == "Belum diisi"
    assert table.item(0, COL_PROPOSAL).text() == "16 berkas (2 kegiatan)"
    assert table.item(0, COL_LEFT_OUT).text() == "1 satuan berbeda"
    # The empty realisation with a sum is ticked; the one without approved entries cannot be.
    assert table.item(0, COL_APPLY).checkState() == Qt.CheckState.Checked
    assert not table.item(1, COL_APPLY).flags() & Qt.ItemFlag.ItemIsUserCheckable
    details = [dialog.details.item(n).text() for n in range(dialog.details.count())]
    assert any("tidak dihitung (Satuan 'lembar', bukan 'berkas')" in line for line in details)

    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter applies the ticked rows
    assert dialog.result() == ProgressDraftDialog.DialogCode.Accepted
    shown = page.model.evaluation
    assert shown is not None
    first = shown.rhks[0].indicators[0]
    assert (first.value, first.text) == (Decimal(16), "Dari 2 progres harian yang disetujui")


def test_nothing_ticked_saves_nothing(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    skp_id = _office_with_approved_entries(office)
    page = _page(office, qtbot, skp_id)
    dialog = page.fill_from_progress()
    assert dialog is not None
    dialog.table.item(0, COL_APPLY).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.apply_button.isEnabled()
    dialog.apply()
    assert dialog.errors.isVisibleTo(dialog)
    assert dialog.result() != ProgressDraftDialog.DialogCode.Accepted
    evaluation = office.services.evaluation.evaluation(skp_id, "TW1")
    assert not evaluation.has_realisation


def test_the_button_is_off_on_a_draft_skp(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    skp = office.services.skp.get(office.dewi, 2026)
    assert skp is not None
    page = _page(office, qtbot, skp.id)
    assert not page.progress_button.isEnabled()
    assert page.fill_from_progress() is None
