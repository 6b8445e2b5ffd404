"""Rekap Pemda's dialog: opened from Sebaran, one tab per view, the period chosen, its XLSX."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage
from kinerja_desktop.ui.hub.recap_dialog import HubRecapDialog

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hub-ui") / "kantor.sqlite"
    opened = open_services(path, today=lambda: TODAY)
    write_demo(opened.database, today=TODAY)
    opened.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[AppServices]:
    copy = tmp_path / "kantor.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    opened = open_services(copy, create=False, today=lambda: TODAY)
    yield opened
    opened.close()


def texts(table: QTableWidget) -> list[list[str]]:
    return [
        [
            item.text() if (item := table.item(row, column)) is not None else ""
            for column in range(table.columnCount())
        ]
        for row in range(table.rowCount())
    ]


def loaded(qtbot: QtBot, dialog: HubRecapDialog) -> HubRecapDialog:
    qtbot.waitUntil(lambda: not dialog.loading and dialog.recap is not None)
    return dialog


def test_sebaran_opens_the_recap_on_its_own_year_and_period(
    qtbot: QtBot, demo: AppServices
) -> None:
    page = DistributionPage(
        demo.distribution, demo.staff, today=lambda: TODAY, hub=lambda: demo.hub_recap
    )
    qtbot.addWidget(page)
    kecamatan = next(u for u in demo.staff.units() if u.name == "Kecamatan Kertapati")
    page.select(kecamatan.id, 2026, "TW2")
    assert page.hub_button is not None
    page.hub_button.click()
    dialog = page.hub_dialog
    assert dialog is not None
    loaded(qtbot, dialog)
    assert (dialog.year.value(), dialog.period.currentData()) == (2026, "TW2")
    assert dialog.recap is not None and dialog.recap.period_label == "Triwulan II"
    dialog.close()


def test_a_page_given_no_hub_has_no_button(qtbot: QtBot, demo: AppServices) -> None:
    page = DistributionPage(demo.distribution, demo.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.hub_button is None and page.open_hub_recap() is None


def test_each_tab_shows_its_view(qtbot: QtBot, demo: AppServices) -> None:
    dialog = HubRecapDialog(demo.hub_recap, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.period.currentData() == "TW4"  # the running period
    dialog.select(2026, "TW1")
    loaded(qtbot, dialog)
    assert dialog.recap is not None and dialog.recap.period_code == "TW1"
    assert [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())] == [
        "Progres per OPD",
        "Sebaran predikat",
        "IKM",
        "Pengaduan && temuan",
    ]
    progress = texts(dialog.progress_table)
    assert [row[:3] for row in progress] == [
        ["Kecamatan Kertapati", "Triwulan I", "24"],
        ["Puskesmas Kertapati", "Triwulan I", "15"],
        ["Semua OPD", "", "39"],
    ]
    assert progress[1][4] == "14 (93,3%)"  # realisation: one missing in the puskesmas
    assert dialog.progress_table.item(2, 0).font().bold()
    spread = texts(dialog.spread_table)
    assert [row[0] for row in spread] == ["Kecamatan Kertapati", "Puskesmas Kertapati"]
    recap = dialog.recap
    for row, opd in zip(spread, recap.opds, strict=True):
        assert opd.distribution is not None
        assert row[-1].startswith(opd.distribution.verdict)
        for finding in opd.distribution.findings_text.splitlines():
            assert finding in row[-1]
        assert dialog.spread_table.item(spread.index(row), 8).toolTip() == (
            opd.distribution.findings_text or opd.distribution.verdict
        )
    ikm = texts(dialog.ikm_table)
    assert len(ikm) == 3
    assert ikm[0][:2] == ["Kecamatan Kertapati", "Seksi Pelayanan Umum (Kecamatan Kertapati)"]
    records = texts(dialog.records_table)
    total = recap.total.supervision
    assert records[-1] == [
        "Semua OPD",
        str(total.open_complaints),
        str(total.overdue_complaints),
        str(total.open_findings),
        str(total.overdue_findings),
    ]
    assert "2 OPD, 39 pegawai aktif" in dialog.status.text()


def test_the_export_writes_the_recap_shown(qtbot: QtBot, demo: AppServices, tmp_path: Path) -> None:
    dialog = HubRecapDialog(demo.hub_recap, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.select(2026, "TW3")
    loaded(qtbot, dialog)
    assert dialog.export_button.isEnabled()
    written = dialog.export_to(tmp_path / "rekap")
    assert written == tmp_path / "rekap.xlsx"
    workbook = load_workbook(written)
    assert workbook["Progres per OPD"]["A1"].value.startswith(
        "Rekap Pemda — Progres per OPD, Triwulan III 2026"
    )
    workbook.close()
    assert "Disimpan ke" in dialog.status.text()
    # A folder that does not exist: the message says which file, nothing is written.
    assert dialog.export_to(tmp_path / "tidak-ada" / "rekap.xlsx") is None
    assert "'rekap.xlsx' tidak dapat disimpan" in dialog.error.text()
    assert not dialog.error.isHidden()


def test_another_year_offers_its_periods(qtbot: QtBot, demo: AppServices) -> None:
    dialog = HubRecapDialog(demo.hub_recap, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    dialog.year.setValue(2025)
    loaded(qtbot, dialog)
    assert dialog.recap is not None and dialog.recap.year == 2025
    assert [dialog.period.itemData(n) for n in range(dialog.period.count())] == [
        "TW1",
        "TW2",
        "TW3",
        "TW4",
        "AKHIR",
    ]
    assert dialog.recap.period_code == "TW4"  # the period chosen before, kept
    assert texts(dialog.progress_table)[-1][2] == "39"
