"""The SKP page's Rencana Aksi tab, typed from the keyboard against real services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.skp import page as skp_page
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.plans_panel import COL_PLAN, COL_SCALE, PlansPanel

TODAY = date(2026, 5, 12)  # in Triwulan II
YEAR = 2026
RIZKY = "198906152014031001"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def discard_when_closing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        skp_page.QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard
    )


def _skp(office: AppServices) -> SkpView:
    person = office.staff.find_by_nip(RIZKY)
    assert person is not None
    created = office.skp.create(person.id, YEAR)
    draft = SkpDraft(
        Pendekatan.KUANTITATIF,
        rhks=(
            RhkDraft(
                "Terlaksananya pengelolaan data kependudukan",
                indicators=(
                    IkiDraft(
                        "Jumlah data yang dimutakhirkan", "12", "Dokumen", aspek=Aspek.KUANTITAS
                    ),
                    IkiDraft(
                        "Jumlah temuan pemeriksaan",
                        "0",
                        "Temuan",
                        lower_is_better=True,
                        aspek=Aspek.KUALITAS,
                    ),
                ),
                parent_text="Renstra Kecamatan Kertapati",
            ),
        ),
    )
    return office.skp.save(created.id, created.version, draft)


def _page(office: AppServices, qtbot, view: SkpView) -> tuple[SkpPage, PlansPanel]:
    page = SkpPage(office.skp, office.staff, today=lambda: TODAY, plans=office.plans)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.year.setValue(YEAR)
    assert page.show_person(view.employee_id, YEAR)
    panel = page.plans_panel
    assert panel is not None
    page.tabs.setCurrentWidget(panel)
    return page, panel


def _type(qtbot, panel: PlansPanel, row: int, text: str) -> None:
    """Type into a cell as in a spreadsheet: the first key starts editing, Enter ends it."""
    table = panel.table
    table.setCurrentCell(row, COL_PLAN)
    index = table.model().index(row, COL_PLAN)
    qtbot.keyClicks(table, text[:1])
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)


def test_typing_a_periods_plan_and_saving_with_ctrl_s(office: AppServices, qtbot) -> None:
    view = _skp(office)
    page, panel = _page(office, qtbot, view)
    assert panel.period.currentData() == "TW2"  # the running period
    assert panel.table.rowCount() == 3 and panel.save_button.isEnabled()

    _type(qtbot, panel, 0, "Memutakhirkan data triwulan II")
    _type(qtbot, panel, 1, "6")
    _type(qtbot, panel, 2, "0")
    box = panel.table.cellWidget(1, COL_SCALE)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(TargetScale.KUMULATIF.value))
    assert page.has_unsaved_changes()
    with qtbot.waitSignal(page.skp_changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_S, CTRL)

    plan = office.plans.period_plan(view.id, "TW2")
    assert plan.rhks[0].rencana_aksi == "Memutakhirkan data triwulan II"
    assert [(i.target, i.scale) for i in plan.rhks[0].indicators] == [
        (Decimal(6), TargetScale.KUMULATIF),
        (Decimal(0), TargetScale.PER_PERIODE),
    ]
    assert not page.has_unsaved_changes()
    assert "Triwulan II disimpan" in panel.state.text()
    # The warning says the running total does not reach the year yet? Not with TW4 empty.
    assert panel.warnings.text() == ""


def test_a_wrong_target_is_marked_beside_its_cell_and_nothing_is_saved(
    office: AppServices, qtbot
) -> None:
    view = _skp(office)
    _, panel = _page(office, qtbot, view)

    _type(qtbot, panel, 1, "enam")
    assert not panel.save()

    item = panel.table.item(1, COL_PLAN)
    assert item is not None
    assert "target harus angka" in item.toolTip()
    assert "yang diisi 'enam'" in panel.error.text()
    assert panel.table.currentRow() == 1
    assert office.plans.period_plan(view.id, "TW2").rhks[0].indicators[0].target is None


def test_an_agreed_skp_shows_its_plan_read_only_with_the_reason(office: AppServices, qtbot) -> None:
    view = _skp(office)
    office.skp.agree(view.id, view.version, date(YEAR, 1, 5))
    _, panel = _page(office, qtbot, view)

    assert not panel.save_button.isEnabled()
    assert "lewat revisi SKP" in panel.state.text()
    assert not panel.save()


def test_choosing_another_period_shows_its_plan(office: AppServices, qtbot) -> None:
    view = _skp(office)
    from kinerja_desktop.services.skp.plans import PlanEdits

    office.plans.save(view.id, "TW1", PlanEdits(rencana_aksi={view.rhks[0].id: "Awal tahun"}))
    _, panel = _page(office, qtbot, view)

    panel.period.setCurrentIndex(panel.period.findData("TW1"))
    panel.period.activated.emit(panel.period.currentIndex())

    item = panel.table.item(0, COL_PLAN)
    assert item is not None and item.text() == "Awal tahun"
