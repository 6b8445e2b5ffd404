"""The daily progress XLSX in e-Kinerja's form order, read back with openpyxl."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from progress_office import TODAY, Office, entry, progress_office

from kinerja_desktop.domain.access import AccessDeniedError, Role
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.services.progress.ekinerja_export import plans_sheet, progress_sheet
from kinerja_desktop.services.skp.plans import PlanEdits

__all__ = ["progress_office"]

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def read_back(path: Path) -> tuple[list[str], list[tuple[object, ...]], list[list[str]]]:
    """Headings, values and cell data types of the only sheet."""
    workbook = load_workbook(path, read_only=True)
    try:
        assert workbook.sheetnames == ["Progres Harian", "Rencana Aksi"]
        sheet = workbook["Progres Harian"]
        rows = list(sheet.iter_rows())
        headings = [str(cell.value) for cell in rows[0]]
        filled = [row for row in rows[1:] if any(cell.value is not None for cell in row)]
        values = [tuple(cell.value for cell in row) for row in filled]
        types = [[cell.data_type for cell in row] for row in filled]
    finally:
        workbook.close()
    return headings, values, types


def fill(office: Office, tmp_path: Path) -> None:
    progress = office.services.progress
    evidence = tmp_path / "daftar-hadir.pdf"
    evidence.write_bytes(b"%PDF-1.4 bukti")
    progress.add(
        office.rizky,
        entry(office.rizky_rhks[0], date(2026, 3, 2), evidence_link="https://drive.example/a"),
    )
    progress.add(
        office.rizky, entry(office.rizky_rhks[1], date(2026, 3, 2), "13.00", "15.30"), evidence
    )
    progress.add(office.dewi, entry(office.dewi_rhks[0], date(2026, 3, 3), data_source=""))
    progress.add(office.dewi, entry(office.dewi_rhks[0], date(2026, 2, 27)))  # not in March


def test_the_columns_follow_the_data_files_order(progress_office: Office, tmp_path: Path) -> None:
    fill(progress_office, tmp_path)
    target = tmp_path / "progres.xlsx"

    progress_office.services.progress.ekinerja.write(
        target, *MARCH, employee_id=progress_office.rizky
    )

    headings, _, _ = read_back(target)
    expected = [c["heading"] for c in load("ekinerja_progress")["progress"]["columns"]]
    assert headings == expected == [c.heading for c in progress_sheet().columns]
    # The form's fields, in the form's order, between whose it is and its status here.
    assert headings[2:11] == [
        "Rencana Aksi",
        "Tanggal Kegiatan",
        "Jam Mulai",
        "Jam Selesai",
        "Kegiatan Harian",
        "Sumber Data",
        "Realisasi",
        "Satuan",
        "Bukti Dukung",
    ]


def test_a_persons_month_with_nip_as_text_dates_as_dates_times_as_times(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    fill(office, tmp_path)
    target = tmp_path / "progres.xlsx"

    result = office.services.progress.ekinerja.write(target, *MARCH, employee_id=office.rizky)

    _, values, types = read_back(target)
    assert values == [
        (
            "198906152014031001",
            "Rizky Pratama",
            "Terlayaninya administrasi kependudukan",
            datetime(2026, 3, 2),
            time(8, 0),
            time(10, 0),
            "Memverifikasi berkas KTP",
            "SIAK",
            12,
            "berkas",
            "https://drive.example/a",
            "Draf",
        ),
        (
            "198906152014031001",
            "Rizky Pratama",
            "Tersusunnya laporan bulanan",
            datetime(2026, 3, 2),
            time(13, 0),
            time(15, 30),
            "Memverifikasi berkas KTP",
            "SIAK",
            12,
            "berkas",
            "daftar-hadir.pdf",  # the stored file's name when there is no link
            "Draf",
        ),
    ]
    assert types[0][0] == "s" and types[0][3] == "d" and types[0][8] == "n"
    assert (result.rows, result.people, result.scope) == (2, 1, "Rizky Pratama")
    assert "2 progres harian Rizky Pratama (1 pegawai)" in result.summary()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_nip_column_stays_text_and_dates_show_the_indonesian_way(
    progress_office: Office, tmp_path: Path
) -> None:
    fill(progress_office, tmp_path)
    target = tmp_path / "progres.xlsx"
    progress_office.services.progress.ekinerja.write(
        target, *MARCH, employee_id=progress_office.rizky
    )

    workbook = load_workbook(target)  # not read-only: number formats are read here
    try:
        sheet = workbook.active
        assert sheet["A2"].number_format == "@"
        assert sheet["D2"].number_format == "DD/MM/YYYY"
        assert sheet["E2"].number_format == sheet["F2"].number_format == "HH:MM"
        assert sheet.auto_filter.ref == "A1:L3"
    finally:
        workbook.close()


def test_a_units_month_holds_everyone_below_it_by_nip(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    fill(office, tmp_path)
    target = tmp_path / "unit.xlsx"

    result = office.services.progress.ekinerja.write(target, *MARCH, unit_id=office.unit)

    _, values, _ = read_back(target)
    assert [(row[0], row[3]) for row in values] == [
        ("198906152014031001", datetime(2026, 3, 2)),
        ("198906152014031001", datetime(2026, 3, 2)),
        ("199202282019032014", datetime(2026, 3, 3)),
    ]
    assert values[2][7] is None  # an empty data source stays an empty cell
    assert (result.people, result.rows, result.scope) == (4, 3, "Kecamatan Kertapati")


def test_a_penilai_exports_only_the_people_they_may_see(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    fill(office, tmp_path)
    office.sign_in(office.dewi, Role.PENILAI)  # Dewi appraises nobody
    target = tmp_path / "unit.xlsx"

    result = office.services.progress.ekinerja.write(target, *MARCH, unit_id=office.unit)

    _, values, _ = read_back(target)
    assert {row[0] for row in values} == {"199202282019032014"}
    assert result.people == 1
    with pytest.raises(AccessDeniedError):
        office.services.progress.ekinerja.write(target, *MARCH, employee_id=office.rizky)


def test_an_empty_month_writes_the_header_only(progress_office: Office, tmp_path: Path) -> None:
    target = tmp_path / "kosong.xlsx"

    result = progress_office.services.progress.ekinerja.write(
        target, date(2026, 1, 1), date(2026, 1, 31), employee_id=progress_office.rizky
    )

    headings, values, _ = read_back(target)
    assert len(headings) == 12 and values == []
    assert "Tidak ada progres harian Rizky Pratama" in result.summary()


@pytest.mark.parametrize(
    ("start", "end", "scope", "message"),
    [
        (date(2026, 3, 31), date(2026, 3, 1), {"employee_id": 1}, "sebelum tanggal awal"),
        (date(2025, 1, 1), date(2026, 3, 1), {"employee_id": 1}, "paling panjang satu tahun"),
        (*MARCH, {}, "Pilih satu pegawai atau satu unit"),
        (*MARCH, {"employee_id": 1, "unit_id": 1}, "Pilih satu pegawai atau satu unit"),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_written(
    progress_office: Office,
    tmp_path: Path,
    start: date,
    end: date,
    scope: dict[str, int],
    message: str,
) -> None:
    target = tmp_path / "x.xlsx"

    with pytest.raises(ValidationError, match=message):
        progress_office.services.progress.ekinerja.write(target, start, end, **scope)

    assert not target.exists()


def test_an_unknown_person_or_unit_is_not_found(progress_office: Office, tmp_path: Path) -> None:
    export = progress_office.services.progress.ekinerja
    with pytest.raises(NotFoundError):
        export.write(tmp_path / "x.xlsx", *MARCH, employee_id=9999)
    with pytest.raises(NotFoundError):
        export.write(tmp_path / "x.xlsx", *MARCH, unit_id=9999)
    assert TODAY.year == 2026


def test_text_that_looks_like_a_formula_stays_text(progress_office: Office, tmp_path: Path) -> None:
    office = progress_office
    office.services.progress.add(
        office.rizky,
        entry(office.rizky_rhks[0], date(2026, 3, 2), activity='=HYPERLINK("http://x","klik")'),
    )
    target = tmp_path / "rumus.xlsx"

    office.services.progress.ekinerja.write(target, *MARCH, employee_id=office.rizky)

    _, values, types = read_back(target)
    assert values[0][6] == '=HYPERLINK("http://x","klik")' and types[0][6] == "s"


def test_an_entry_made_against_a_rencana_aksi_exports_its_text(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    services = office.services
    skp = services.skp.get(office.rizky, TODAY.year)
    assert skp is not None
    action = "Merekap laporan bulanan Januari sampai Maret"
    plan = services.plans.save(
        skp.id, "TW1", PlanEdits(rencana_aksi={office.rizky_rhks[1]: action})
    )
    action_id = plan.rhks[1].rencana_aksi_id
    services.progress.add(
        office.rizky,
        replace(entry(office.rizky_rhks[1], date(2026, 3, 4)), rencana_aksi_id=action_id),
    )
    services.progress.add(office.rizky, entry(office.rizky_rhks[0], date(2026, 3, 5)))
    target = tmp_path / "progres.xlsx"

    services.progress.ekinerja.write(target, *MARCH, employee_id=office.rizky)

    _, values, _ = read_back(target)
    # The rencana aksi when the entry names one, else the RHK (as e-Kinerja's form asks).
    assert [row[2] for row in values] == [action, "Terlayaninya administrasi kependudukan"]


def test_the_second_sheet_holds_the_rencana_aksi_with_their_period_targets(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    services = office.services
    skp = services.skp.get(office.rizky, TODAY.year)
    assert skp is not None
    plan = services.plans.period_plan(skp.id, "TW1")
    indicator = plan.rhks[1].indicators[0].iki
    services.plans.save(
        skp.id,
        "TW1",
        PlanEdits(
            rencana_aksi={office.rizky_rhks[1]: "Merekap laporan Januari sampai Maret"},
            targets={indicator.id: "3"},
        ),
    )
    # A period the span does not reach stays out of a month's workbook.
    services.plans.save(
        skp.id, "TW2", PlanEdits(rencana_aksi={office.rizky_rhks[1]: "Merekap April-Juni"})
    )
    target = tmp_path / "progres.xlsx"

    result = services.progress.ekinerja.write(target, *MARCH, employee_id=office.rizky)

    workbook = load_workbook(target, read_only=True)
    try:
        rows = [tuple(cell.value for cell in row) for row in workbook["Rencana Aksi"].iter_rows()]
    finally:
        workbook.close()
    assert rows[0] == tuple(c.heading for c in plans_sheet()[1])
    assert rows[1:] == [
        (
            "198906152014031001",
            "Rizky Pratama",
            2026,
            "Triwulan I",
            "Tersusunnya laporan bulanan",
            "Merekap laporan Januari sampai Maret",
            indicator.indicator,
            3,
            indicator.unit,
        )
    ]
    assert result.plan_rows == 1
    assert "1 baris rencana aksi" in result.summary()
