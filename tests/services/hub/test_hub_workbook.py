"""The Rekap Pemda workbook, read back with openpyxl: one sheet per view, numbers as numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.hub.recap import HubRecap
from kinerja_desktop.services.hub.workbook import (
    HEADER,
    IKM_COLUMNS,
    PROGRESS_COLUMNS,
    RECORDS_COLUMNS,
    SPREAD_COLUMNS,
    write_recap,
)

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    path = tmp_path_factory.mktemp("hub-xlsx") / "kantor.sqlite"
    opened = open_services(path, today=lambda: TODAY)
    write_demo(opened.database, today=TODAY)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def recap(demo: AppServices) -> HubRecap:
    return demo.hub_recap.recap(2026, "TW1", TODAY)


def sheet_rows(path: Path, name: str) -> list[tuple[Any, ...]]:
    workbook = load_workbook(path)
    try:
        return [tuple(row) for row in workbook[name].iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_the_four_views_are_four_sheets_with_indonesian_headings(
    recap: HubRecap, tmp_path: Path
) -> None:
    target = tmp_path / "rekap.xlsx"
    write_recap(recap, target)
    workbook = load_workbook(target)
    assert workbook.sheetnames == [
        "Progres per OPD",
        "Sebaran predikat",
        "IKM",
        "Pengaduan & temuan",
    ]
    for name, columns in zip(
        workbook.sheetnames,
        (PROGRESS_COLUMNS, SPREAD_COLUMNS, IKM_COLUMNS, RECORDS_COLUMNS),
        strict=True,
    ):
        sheet = workbook[name]
        assert [cell.value for cell in sheet[HEADER]] == [heading for heading, _ in columns]
        assert sheet.freeze_panes == f"A{HEADER + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{HEADER}:")
    assert workbook["Progres per OPD"]["A1"].value == (
        "Rekap Pemda — Progres per OPD, Triwulan I 2026 (per 28 November 2026)"
    )
    workbook.close()


def test_progress_counts_and_shares_are_numbers(recap: HubRecap, tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    write_recap(recap, target)
    rows = sheet_rows(target, "Progres per OPD")[HEADER:]
    assert [row[:5] for row in rows] == [
        (1, "Pemerintah Kota Palembang", "Kecamatan Kertapati", "Triwulan I", 24),
        (2, "Pemerintah Kota Palembang", "Puskesmas Kertapati", "Triwulan I", 15),
        (None, None, "Semua OPD", None, 39),
    ]
    puskesmas = rows[1]
    realisation = 5 + 2 * list(Stage).index(Stage.REALISASI)
    assert puskesmas[realisation] == 14
    assert puskesmas[realisation + 1] == pytest.approx(14 / 15)
    workbook = load_workbook(target)
    cell = workbook["Progres per OPD"].cell(row=HEADER + 2, column=realisation + 2)
    assert cell.number_format == "0.0%"
    workbook.close()
    assert rows[2][5::2] == tuple(count.done for count in recap.total.stages)


def test_the_spread_and_its_check_against_the_curve(demo: AppServices, tmp_path: Path) -> None:
    recap = demo.hub_recap.recap(2026, "TW3", TODAY)
    target = tmp_path / "rekap.xlsx"
    write_recap(recap, target)
    rows = sheet_rows(target, "Sebaran predikat")[HEADER:]
    assert len(rows) == len(recap.opds)
    for row, opd in zip(rows, recap.opds, strict=True):
        spread = opd.distribution
        assert spread is not None and spread.org is not None
        assert row[2] == opd.name
        assert row[3] == spread.org.label
        assert row[4:9] == tuple(spread.counts[predikat] for predikat in Predikat)
        assert row[9] == spread.total == sum(row[4:9])
        assert row[11] == ("Ya" if spread.follows_curve else "Tidak")
        assert row[12] == spread.verdict
        assert (row[13] or "") == spread.findings_text


def test_ikm_per_service_unit_and_the_records_with_a_total(recap: HubRecap, tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    write_recap(recap, target)
    ikm = sheet_rows(target, "IKM")[HEADER:]
    expected = [(opd.name, entry) for opd in recap.opds for entry in opd.ikm]
    assert len(ikm) == len(expected) == 3
    for row, (opd, entry) in zip(ikm, expected, strict=True):
        assert row[2:6] == (opd, entry.unit_label, entry.survey.label, entry.respondents)
        assert isinstance(row[6], float)
        assert f"{row[6]:.2f}".replace(".", ",") == entry.ikm_text
        assert entry.grade is not None and row[7] == entry.grade.label
    records = sheet_rows(target, "Pengaduan & temuan")[HEADER:]
    total = recap.total.supervision
    assert records[-1] == (
        None,
        None,
        "Semua OPD",
        total.open_complaints,
        total.overdue_complaints,
        total.open_findings,
        total.overdue_findings,
    )
    assert [sum(column) for column in zip(*(row[3:] for row in records[:-1]), strict=True)] == [
        total.open_complaints,
        total.overdue_complaints,
        total.open_findings,
        total.overdue_findings,
    ]


def test_a_file_that_cannot_be_written_is_named_and_left_alone(
    recap: HubRecap, tmp_path: Path
) -> None:
    target = tmp_path / "tidak-ada" / "rekap.xlsx"
    with pytest.raises(ValidationError, match=r"'rekap\.xlsx' tidak dapat disimpan"):
        write_recap(recap, target)
    assert not target.parent.exists()
