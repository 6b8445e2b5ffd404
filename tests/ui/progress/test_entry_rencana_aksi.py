"""Progres Harian entries are made against the running period's rencana aksi (or the RHK)."""

from __future__ import annotations

import pytest
from progress_office import TODAY, Office
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.progress import EntryInput
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.ui.progress.entry_dialog import ACTION_ROLE, EntryDialog

ACTION = "Menyusun laporan bulanan Januari sampai Maret"


def _plan(office: Office) -> int:
    """A rencana aksi of Triwulan I for Rizky's second RHK; returns its id."""
    services = office.services
    skp = services.skp.get(office.rizky, TODAY.year)
    assert skp is not None
    plan = services.plans.save(
        skp.id, "TW1", PlanEdits(rencana_aksi={office.rizky_rhks[1]: ACTION})
    )
    action_id = plan.rhks[1].rencana_aksi_id
    assert action_id is not None
    return action_id


def test_the_dialog_offers_the_rencana_aksi_and_falls_back_to_the_rhk(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    action_id = _plan(office)
    week = office.services.progress.week(office.rizky, TODAY)
    dialog = EntryDialog(office.services.progress, office.rizky, week.rhks, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.rhk.itemText(0) == f"1 · {week.rhks[0].text}"  # no rencana aksi: the RHK
    assert dialog.rhk.itemText(1) == f"2 · {ACTION} (RHK: {week.rhks[1].text})"
    qtbot.keyClick(dialog.rhk, Qt.Key.Key_2)
    dialog.end.setText("09.30")
    dialog.realisation.setText("1")
    dialog.unit.setText("laporan")
    qtbot.keyClicks(dialog.activity, "Merekap laporan Februari")
    qtbot.keyClick(dialog.activity, Qt.Key.Key_Return)

    assert dialog.saved is not None
    assert (dialog.saved.rhk_id, dialog.saved.rencana_aksi_id) == (
        office.rizky_rhks[1],
        action_id,
    )
    assert dialog.rhk.itemData(0, ACTION_ROLE) is None


def test_a_rencana_aksi_of_another_rhk_is_refused(progress_office: Office) -> None:
    office = progress_office
    action_id = _plan(office)
    typed = EntryInput(
        rhk_id=office.rizky_rhks[0],
        day=TODAY,
        start="08.00",
        end="09.00",
        activity="Melayani KTP",
        realisation="3",
        unit="berkas",
        rencana_aksi_id=action_id,
    )
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        office.services.progress.add(office.rizky, typed)
    assert "bukan milik RHK ini" in str(caught.value.message)
