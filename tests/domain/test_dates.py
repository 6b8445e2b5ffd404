from datetime import date

import pytest

from kinerja_desktop.domain.dates import (
    add_working_days,
    format_date_id,
    format_date_range_id,
    format_place_date,
    month_name_id,
    parse_date_id,
)
from kinerja_desktop.domain.errors import ValidationError

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@pytest.mark.parametrize(("month", "name"), list(enumerate(MONTHS, start=1)))
def test_month_names_and_dates_for_every_month(month, name):
    assert month_name_id(month) == name
    assert format_date_id(date(2026, month, 1)) == f"1 {name} 2026"
    assert format_date_id(date(2026, month, 28)) == f"28 {name} 2026"


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_out_of_range(month):
    with pytest.raises(ValueError, match="month"):
        month_name_id(month)


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2026, 1, 1), "1 Januari 2026"),
        (date(2026, 3, 9), "9 Maret 2026"),
        (date(2026, 11, 28), "28 November 2026"),
        (date(2024, 2, 29), "29 Februari 2024"),
        (date(999, 12, 31), "31 Desember 999"),
    ],
)
def test_format_date_id_has_no_zero_padding(d, text):
    assert format_date_id(d) == text


@pytest.mark.parametrize(
    ("city", "text"),
    [
        ("Palembang", "Palembang, 28 November 2026"),
        ("  Kota   Palembang ", "Kota Palembang, 28 November 2026"),
        ("", "28 November 2026"),
    ],
)
def test_format_place_date(city, text):
    assert format_place_date(city, date(2026, 11, 28)) == text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2026, 1, 1), date(2026, 12, 31), "1 Januari s.d. 31 Desember 2026"),
        (date(2026, 6, 1), date(2026, 6, 30), "1 Juni s.d. 30 Juni 2026"),
        (date(2025, 12, 1), date(2026, 1, 31), "1 Desember 2025 s.d. 31 Januari 2026"),
        (date(2026, 5, 2), date(2026, 5, 2), "2 Mei 2026"),
    ],
)
def test_format_date_range_id(start, end, text):
    assert format_date_range_id(start, end) == text


def test_format_date_range_rejects_reversed_range():
    with pytest.raises(ValueError, match="before"):
        format_date_range_id(date(2026, 2, 1), date(2026, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-28",
        "28/11/2026",
        "28-11-2026",
        "28.11.2026",
        "28 November 2026",
        "28 november 2026",
        "28 NOVEMBER 2026",
        "28 Nov 2026",
        "28 nov. 2026",
        "28 Nopember 2026",
        "  28   November   2026 ",
        "28-Nov-2026",
    ],
)
def test_parse_date_id_formats(text):
    assert parse_date_id(text) == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/1/2026", date(2026, 1, 1)),
        ("2026-1-5", date(2026, 1, 5)),
        ("29 Februari 2024", date(2024, 2, 29)),
        ("17 Agu 2026", date(2026, 8, 17)),
        ("17 Agt 2026", date(2026, 8, 17)),
        ("17 Agustus 2026", date(2026, 8, 17)),
        ("1 Mei 2026", date(2026, 5, 1)),
        ("1 May 2026", date(2026, 5, 1)),
        ("31 Des 2026", date(2026, 12, 31)),
        ("5 Okt 2026", date(2026, 10, 5)),
    ],
)
def test_parse_date_id_values(text, expected):
    assert parse_date_id(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Tanggal belum diisi."),
        (
            "besok",
            "Tanggal 'besok' tidak dikenali. "
            "Gunakan format 28/11/2026, 2026-11-28 atau 28 November 2026.",
        ),
        (
            "28/11/26",
            "Tanggal '28/11/26' tidak dikenali. "
            "Gunakan format 28/11/2026, 2026-11-28 atau 28 November 2026.",
        ),
        (
            "28/11-2026",
            "Tanggal '28/11-2026' tidak dikenali. "
            "Gunakan format 28/11/2026, 2026-11-28 atau 28 November 2026.",
        ),
        (
            "28 Novembre 2026",
            "Nama bulan 'Novembre' pada tanggal '28 Novembre 2026' tidak dikenali.",
        ),
        ("28/13/2026", "Bulan 13 pada tanggal '28/13/2026' tidak ada; bulan harus 1 sampai 12."),
        (
            "29/02/2026",
            "Tanggal '29/02/2026' tidak ada: Februari 2026 hanya sampai tanggal 28.",
        ),
        (
            "31 April 2026",
            "Tanggal '31 April 2026' tidak ada: April 2026 hanya sampai tanggal 30.",
        ),
        ("0/1/2026", "Tanggal '0/1/2026' tidak ada: Januari 2026 hanya sampai tanggal 31."),
        ("0000-01-01", "Tahun pada tanggal '0000-01-01' tidak valid."),
    ],
)
def test_parse_date_id_errors(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_date_id(text)

    assert caught.value.message == message
    assert caught.value.field is None


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (date(2026, 3, 2), 0, date(2026, 3, 2)),  # Monday, nothing to add
        (date(2026, 3, 2), 3, date(2026, 3, 5)),  # Monday -> Thursday
        (date(2026, 3, 5), 3, date(2026, 3, 10)),  # Thursday -> Tuesday, weekend skipped
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday -> Monday
        (date(2026, 3, 7), 1, date(2026, 3, 9)),  # Saturday -> Monday
        (date(2026, 3, 8), 5, date(2026, 3, 13)),  # Sunday -> Friday
        (date(2026, 3, 2), 10, date(2026, 3, 16)),  # two whole weeks
    ],
)
def test_add_working_days_skips_weekends(start, count, due):
    assert add_working_days(start, count) == due


def test_add_working_days_refuses_a_negative_count():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1)
