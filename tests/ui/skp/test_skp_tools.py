"""The SKP page's time savers, against real services on a temporary database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.ui.skp import page as skp_page
from kinerja_desktop.ui.skp import tools as skp_tools
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.roles import IdRole
from kinerja_desktop.ui.skp.tools import SkpTools

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

SITI = "198103042006042011"  # Sekretaris Kecamatan in the `office` fixture, appraises three


@pytest.fixture(autouse=True)
def quiet_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        skp_page.QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    return shown


def _person(office: AppServices, nip: str) -> int:
    person = office.staff.find_by_nip(nip)
    assert person is not None
    return person.id


def _agreed_skp(office: AppServices, employee_id: int, year: int) -> None:
    view = office.skp.create(employee_id, year)
    content = SkpDraft(
        Pendekatan.KUANTITATIF,
        (
            RhkDraft(
                "Tersusunnya laporan kinerja kecamatan",
                indicators=(IkiDraft("Jumlah laporan", "4", "Laporan", aspek=Aspek.KUANTITAS),),
                parent_text="Renstra Kecamatan",
            ),
        ),
    )
    saved = office.skp.save(view.id, view.version, content)
    office.skp.agree(saved.id, saved.version, date(year, 1, 10))


def _tools(office: AppServices, qtbot, employee_id: int, year: int) -> tuple[SkpPage, SkpTools]:
    page = SkpPage(office.skp, office.staff, today=lambda: TODAY)
    tools = SkpTools(page, office.skp_copy, office.skp_xlsx, office.staff)
    qtbot.addWidget(page)
    qtbot.addWidget(tools)
    assert page.show_person(employee_id, year)
    tools.update_state()
    return page, tools


def test_start_from_last_year(office: AppServices, qtbot) -> None:
    siti = _person(office, SITI)
    _agreed_skp(office, siti, 2025)
    page, tools = _tools(office, qtbot, siti, 2026)
    assert tools.from_last_year.isEnabled() and not tools.export_button.isEnabled()
    tools.from_last_year.click()
    view = page.current_skp
    assert view is not None and not view.locked
    assert [rhk.text for rhk in view.rhks] == ["Tersusunnya laporan kinerja kecamatan"]
    assert tools.export_button.isEnabled() and not tools.from_last_year.isEnabled()


def test_start_from_last_year_says_its_plans_came_along(
    office: AppServices, qtbot, quiet_dialogs: list[str]
) -> None:
    siti = _person(office, SITI)
    _agreed_skp(office, siti, 2025)
    last = office.skp.get(siti, 2025)
    assert last is not None
    revising = office.skp.start_revision(last.id, last.version, "Rencana aksi")
    office.plans.save(
        revising.id, "TW1", PlanEdits(rencana_aksi={revising.rhks[0].id: "Menyusun laporan"})
    )
    page, tools = _tools(office, qtbot, siti, 2026)
    tools.from_last_year.click()
    assert quiet_dialogs == [
        "SKP 2026 dimulai dari isi SKP 2025. Disalin juga 1 rencana aksi dan 0 target periode "
        "SKP 2025."
    ]
    view = page.current_skp
    assert view is not None
    assert office.plans.period_plan(view.id, "TW1").rhks[0].rencana_aksi == "Menyusun laporan"


def test_share_the_selected_rhk_with_staff(office: AppServices, qtbot, monkeypatch) -> None:
    siti = _person(office, SITI)
    _agreed_skp(office, siti, 2026)
    page, tools = _tools(office, qtbot, siti, 2026)
    rhk_row = page.model.index(0, 0, page.model.index(0, 0))  # group A, first RHK
    assert page.model.data(rhk_row, IdRole) is not None
    page.tree.setCurrentIndex(rhk_row)
    monkeypatch.setattr(skp_tools.PeopleChoiceDialog, "exec", lambda self: 1)
    tools.share_rhk.click()
    staff = office.staff.subordinates(siti)
    assert len(staff) == 3
    for person in staff:
        view = office.skp.get(person.id, 2026)
        assert view is not None
        (rhk,) = view.rhks
        assert rhk.parent_label == "Tersusunnya laporan kinerja kecamatan"
        assert [iki.target_display for iki in rhk.indicators] == ["4 Laporan"]


def test_export_then_import_round_trip(
    office: AppServices, qtbot, monkeypatch, tmp_path: Path
) -> None:
    siti = _person(office, SITI)
    _agreed_skp(office, siti, 2025)
    page, tools = _tools(office, qtbot, siti, 2026)
    tools.from_last_year.click()
    target = tmp_path / "skp.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tools.export_button.click()
    assert target.exists()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    before = page.current_skp
    tools.import_button.click()
    after = page.current_skp
    assert before is not None and after is not None
    assert [r.text for r in after.rhks] == [r.text for r in before.rhks]
