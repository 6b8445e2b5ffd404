"""The Evaluasi page shows the period's target (rencana aksi) where one is planned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation import EvaluationService
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.table_model import COL_ACHIEVEMENT, COL_RHK, COL_TARGET

TODAY = date(2026, 11, 28)
YEAR = TODAY.year


def test_the_target_column_shows_the_period_target(
    office: AppServices, qtbot, tmp_path: Path
) -> None:
    person = office.staff.find_by_nip("199202282019032014")
    assert person is not None
    created = office.skp.create(person.id, YEAR)
    indicators = (
        IkiDraft("Jumlah surat diagendakan", "12", "Dokumen", aspek=Aspek.KUANTITAS),
        IkiDraft("Jumlah arsip", "4", "Dokumen", aspek=Aspek.KUANTITAS),
    )
    rhk = RhkDraft("Surat teradministrasi", indicators=indicators, parent_text="Renstra")
    saved = office.skp.save(created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, (rhk,)))
    first = saved.rhks[0].indicators[0].id
    office.plans.save(
        saved.id,
        "TW1",
        PlanEdits(rencana_aksi={saved.rhks[0].id: "Mengagendakan surat Q1"}, targets={first: "3"}),
    )
    office.skp.agree(saved.id, saved.version, date(YEAR, 1, 5))
    evaluation = EvaluationService(
        office.database, tmp_path / "evidence", AccessGuard.system(office.database)
    )
    evaluation.record_realisation(first, "TW1", "3")
    evaluation.record_realisation(saved.rhks[0].indicators[1].id, "TW1", "1")
    page = EvaluationPage(evaluation, office.skp, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.select(saved.id, "TW1")

    def cell(row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return page.model.data(page.model.index(row, column), role)

    assert (cell(0, COL_TARGET), cell(0, COL_ACHIEVEMENT)) == ("3 Dokumen", "100%")
    assert "Target tahunan: 12 Dokumen" in cell(0, COL_TARGET, Qt.ItemDataRole.ToolTipRole)
    # Without a period target, the annual one (as before): 1 of 4 is 25%.
    assert (cell(1, COL_TARGET), cell(1, COL_ACHIEVEMENT)) == ("4 Dokumen", "25%")
    assert "Mengagendakan surat Q1" in cell(0, COL_RHK, Qt.ItemDataRole.ToolTipRole)
