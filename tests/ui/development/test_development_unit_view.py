"""The unit view: charts of what needs work, JP per person, and the export for personnel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.service import ItemInput
from kinerja_desktop.ui.development import unit_view as development_unit_view
from kinerja_desktop.ui.development.unit_view import PEOPLE_COLUMNS, UnitDevelopmentView

#: The day the view takes as today.
TODAY = date(2026, 11, 28)


def _view(qtbot: QtBot, office: AppServices) -> UnitDevelopmentView:
    view = UnitDevelopmentView(office.development_overview, office.staff, today=lambda: TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    return view


def _fill(office: AppServices) -> dict[str, int]:
    people = {p.name.split()[0]: p.id for p in office.staff.search_people("", 50)}
    today = TODAY
    for jabatan in ("Sekretaris Kecamatan", "Pengadministrasi Perkantoran"):
        office.competence.set_standard(jabatan, "M.03", 3)
        office.competence.set_standard(jabatan, "M.01", 3)
    for name in ("Siti", "Dewi"):
        office.competence.rate(people[name], "M.03", 1, "Perlu dikembangkan", today)
    office.competence.rate(people["Dewi"], "M.01", 1, "Perlu dikembangkan", today)
    office.development.add_item(
        people["Dewi"],
        today.year,
        ItemInput("Kompetensi M.03", "Pelatihan komunikasi", "PELATIHAN_MANAJERIAL", "20"),
        today=today,
    )
    done = office.development.add_item(
        people["Siti"],
        today.year,
        ItemInput("Kompetensi M.03", "Coaching", "COACHING", "6", status="SELESAI"),
        today=today,
    )
    assert done.item.jp == 6
    return people


def test_the_unit_view_shows_needs_jp_and_plans(qtbot: QtBot, office: AppServices) -> None:
    _fill(office)
    view = _view(qtbot, office)
    bars = {bar.label: bar.value for bar in view.needs_chart.bars}
    assert bars["M.03 Komunikasi"] == 2
    assert list(bars.values()) == sorted(bars.values(), reverse=True)
    statuses = {bar.label: bar.value for bar in view.status_chart.bars}
    assert statuses == {"Direncanakan": 1, "Berjalan": 0, "Selesai": 1, "Dibatalkan": 0}
    rows = {view.people.item(row, 1).text(): row for row in range(view.people.rowCount())}
    assert len(rows) == 5
    siti = rows["Siti Rahmawati"]
    assert view.people.item(siti, PEOPLE_COLUMNS.index("JP selesai")).text() == "6 / 20"
    assert view.people.item(siti, PEOPLE_COLUMNS.index("Kegiatan selesai")).text() == "1 dari 1"
    assert "5 pegawai" in view.summary.text()
    assert "2 punya rencana" in view.summary.text()
    view.grab()  # the charts and the JP bars paint without warnings


def test_double_click_opens_the_person(qtbot: QtBot, office: AppServices) -> None:
    people = _fill(office)
    view = _view(qtbot, office)
    row = next(r for r in range(view.people.rowCount()) if "Dewi" in view.people.item(r, 1).text())
    view.people.selectRow(row)
    with qtbot.waitSignal(view.person_requested) as signal:
        view.people.doubleClicked.emit(view.people.model().index(row, 1))
    assert signal.args == [people["Dewi"]]


def test_export_for_the_personnel_office(
    qtbot: QtBot, office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(office)
    view = _view(qtbot, office)
    target = tmp_path / "untuk-bkpsdm"
    monkeypatch.setattr(
        development_unit_view.QFileDialog,
        "getSaveFileName",
        lambda *_args, **_kwargs: (str(target), "Excel (*.xlsx)"),
    )
    written = view.export()
    assert written == tmp_path / "untuk-bkpsdm.xlsx"
    assert load_workbook(written).properties.description == "Dibuat 28 November 2026"
    titles = [
        row[6]
        for row in load_workbook(written)["Rencana Pengembangan"].iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert sorted(titles) == ["Coaching", "Pelatihan komunikasi"]
    assert "untuk-bkpsdm.xlsx" in view.notice.text()

    monkeypatch.setattr(
        development_unit_view.QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", "")
    )
    assert view.export() is None  # cancelled


def test_a_unit_without_people(qtbot: QtBot, services: AppServices) -> None:
    view = _view(qtbot, services)
    assert view.people.rowCount() == 0
    assert "Tidak ada pegawai" in view.summary.text()
    view.grab()
