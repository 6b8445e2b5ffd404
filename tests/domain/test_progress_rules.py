"""Progres Harian rules: the entry's fields, the statuses and a month's completeness."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.progress import (
    EntryInput,
    ProgressStatus,
    check_entry,
    check_return_note,
    completeness,
    format_time,
    parse_realisation,
    parse_time,
)

TODAY = date(2026, 3, 18)
GOOD = EntryInput(
    rhk_id=7,
    day=date(2026, 3, 17),
    start="08.00",
    end="11:30",
    activity="  Memverifikasi   berkas KTP  ",
    realisation="12",
    unit="berkas",
    data_source="Aplikasi SIAK",
    evidence_link="https://drive.example/bukti",
)


def test_a_good_entry_is_cleaned() -> None:
    checked = check_entry(GOOD, today=TODAY)
    assert (checked.start, checked.end) == (time(8, 0), time(11, 30))
    assert checked.activity == "Memverifikasi berkas KTP"
    assert checked.realisation == 12


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"rhk_id": None}, "rhk", "RHK wajib dipilih"),
        ({"day": date(2026, 3, 19)}, "day", "belum terjadi"),
        ({"start": ""}, "start", "Jam mulai wajib diisi"),
        ({"start": "25.00"}, "start", "Jam mulai '25.00' tidak dikenali"),
        ({"end": "8 pagi"}, "end", "Jam selesai '8 pagi' tidak dikenali"),
        ({"end": "08.00"}, "end", "Jam selesai (08.00) harus sesudah jam mulai (08.00)"),
        ({"end": "07.15"}, "end", "harus sesudah jam mulai"),
        ({"activity": "  "}, "activity", "Kegiatan harian wajib diisi"),
        ({"activity": "x" * 2001}, "activity", "paling banyak 2000 karakter"),
        ({"realisation": ""}, "realisation", "Realisasi wajib diisi"),
        ({"realisation": "1,5"}, "realisation", "bilangan bulat"),
        ({"realisation": "-2"}, "realisation", "bilangan bulat"),
        ({"unit": ""}, "unit", "Satuan wajib diisi"),
        ({"data_source": "s" * 301}, "data_source", "Sumber data paling banyak 300"),
        ({"evidence_link": "bukti saya"}, "evidence_link", "Tautan bukti dukung"),
    ],
)
def test_each_bad_field_is_named(change: dict[str, object], field: str, words: str) -> None:
    with pytest.raises(ValidationErrors) as raised:
        check_entry(replace(GOOD, **change), today=TODAY)  # type: ignore[arg-type]
    assert words in raised.value.by_field()[field]


def test_every_bad_field_is_reported_at_once() -> None:
    bad = replace(GOOD, rhk_id=None, start="x", activity="", unit="")
    with pytest.raises(ValidationErrors) as raised:
        check_entry(bad, today=TODAY)
    assert set(raised.value.by_field()) == {"rhk", "start", "activity", "unit"}


@pytest.mark.parametrize(
    ("typed", "value"), [("0", 0), ("3", 3), (" 12 ", 12), ("1.250", 1250), ("1000000", 10**6)]
)
def test_realisation_is_a_whole_number(typed: str, value: int) -> None:
    assert parse_realisation(typed) == value


def test_realisation_has_a_ceiling() -> None:
    with pytest.raises(ValidationError, match=r"paling besar 1\.000\.000"):
        parse_realisation("1000001")


@pytest.mark.parametrize(("typed", "value"), [("8.00", time(8)), ("13:45", time(13, 45))])
def test_times_are_read_with_a_dot_or_a_colon(typed: str, value: time) -> None:
    assert parse_time(typed, field="start", label="Jam mulai") == value
    assert format_time(value) == typed.replace(":", ".").zfill(5)


def test_a_return_needs_a_note() -> None:
    with pytest.raises(ValidationError, match="Catatan pengembalian wajib diisi") as raised:
        check_return_note(" ")
    assert raised.value.field == "note"


@pytest.mark.parametrize(
    ("status", "editable", "reviewable", "filled"),
    [
        (ProgressStatus.DRAF, True, False, False),
        (ProgressStatus.DIAJUKAN, False, True, True),
        (ProgressStatus.DISETUJUI, False, False, True),
        (ProgressStatus.DIKEMBALIKAN, True, False, False),
    ],
)
def test_what_each_status_allows(
    status: ProgressStatus, editable: bool, reviewable: bool, filled: bool
) -> None:
    assert status.editable is editable
    assert status.reviewable is reviewable
    assert status.counts_as_filled is filled


WORKING = [date(2026, 3, 16), date(2026, 3, 17), date(2026, 3, 18), date(2026, 3, 20)]


@pytest.mark.parametrize(
    ("statuses", "filled", "approved", "percent", "missing"),
    [
        ({}, 0, 0, 0, WORKING),
        (
            {
                date(2026, 3, 16): [ProgressStatus.DISETUJUI],
                date(2026, 3, 17): [ProgressStatus.DRAF, ProgressStatus.DIAJUKAN],
                date(2026, 3, 18): [ProgressStatus.DIKEMBALIKAN],
                date(2026, 3, 21): [ProgressStatus.DISETUJUI],  # a Saturday: not counted
            },
            2,
            1,
            50,
            [date(2026, 3, 18), date(2026, 3, 20)],
        ),
        ({day: [ProgressStatus.DISETUJUI] for day in WORKING}, 4, 4, 100, []),
    ],
)
def test_completeness_counts_submitted_and_approved_working_days(
    statuses: dict[date, list[ProgressStatus]],
    filled: int,
    approved: int,
    percent: int,
    missing: list[date],
) -> None:
    found = completeness(1, WORKING, statuses)
    assert (found.working_days, found.filled_days, found.approved_days) == (4, filled, approved)
    assert found.percent == percent
    assert list(found.missing) == missing


def test_a_month_without_working_days_is_complete() -> None:
    assert completeness(1, [], {}).percent == 100
