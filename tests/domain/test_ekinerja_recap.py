"""e-Kinerja's admin recap: header detection, NIP as text, Plt/Plh, duplicates, bad lines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kinerja_desktop.domain.ekinerja_recap import RecapSheet, heading_key, parse_recap
from kinerja_desktop.domain.predikat import Predikat

HEADER = (
    "id",
    "nip",
    "nama",
    "is_plt_plh",
    "periode_akhir",
    "skp_unor_induk",
    "skp_status",
    "hasil_akhir",
)
RIZKY = "198906152014031001"
DEWI = "199202282019032014"


def row(
    nip: object = RIZKY,
    name: str = "Rizky Pratama",
    acting: object = "false",
    end: object = "2026-12-31",
    result: object = "Baik",
) -> tuple[object, ...]:
    return (1, nip, name, acting, end, "Kecamatan Kertapati", "Disetujui", result)


def sheet(
    *data: tuple[object, ...], header_at: int = 3, header: tuple[str, ...] = HEADER
) -> RecapSheet:
    """A recap with title rows above the header at line ``header_at`` and data below it."""
    rows: list[tuple[int, tuple[object, ...]]] = []
    titles = [("Rekap Penilaian Kinerja Pegawai",), ("Instansi Pemerintah Kota Palembang",)]
    for line in range(1, header_at):
        rows.append((line, titles[line - 1] if line <= len(titles) else ()))
    rows.append((header_at, header))
    rows.extend((header_at + n, values) for n, values in enumerate(data, start=1))
    return parse_recap(rows)


@pytest.mark.parametrize("header_at", [1, 7, 20])
def test_the_header_row_is_found_anywhere_in_the_first_twenty_rows(header_at: int) -> None:
    found = sheet(row(), header_at=header_at)

    assert found.header_line == header_at
    assert [(r.line, r.nip, r.predikat) for r in found.records] == [
        (header_at + 1, RIZKY, Predikat.BAIK)
    ]
    assert found.issues == ()


def test_a_header_below_row_twenty_is_a_problem_of_the_whole_file() -> None:
    found = sheet(row(), header_at=21)

    assert found.header_line is None and found.records == ()
    (issue,) = found.issues
    assert issue.line is None
    assert "20 baris pertama" in issue.text() and "nip, hasil_akhir" in issue.text()


def test_a_sheet_without_the_required_columns_has_no_header() -> None:
    found = sheet(("x", RIZKY), header=("id", "nip"))

    assert found.header_line is None
    assert "tidak ditemukan" in found.issues[0].message


@pytest.mark.parametrize(
    "header",
    [
        tuple(h.upper() for h in HEADER),
        tuple(h.replace("_", " ").title() for h in HEADER),
        (" ID ", "NIP", "Nama", "Is_Plt_Plh", "PERIODE_AKHIR", "x", "Skp Status", "Hasil_Akhir"),
    ],
)
def test_headings_are_matched_whatever_their_case_and_spacing(header: tuple[str, ...]) -> None:
    found = sheet(row(), header=header)

    assert found.header_line == 3 and len(found.records) == 1
    assert heading_key("Is_Plt_Plh") == heading_key("is plt plh") == "ispltplh"


def test_columns_are_found_wherever_they_stand() -> None:
    header = ("hasil_akhir", "periode_akhir", "nama", "nip")
    found = sheet(("Sangat Baik", "2026-12-31", "Dewi", DEWI), header=header)

    (record,) = found.records
    assert (record.nip, record.name, record.predikat) == (DEWI, "Dewi", Predikat.SANGAT_BAIK)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Sangat Baik", Predikat.SANGAT_BAIK),
        ("SANGAT BAIK", Predikat.SANGAT_BAIK),
        ("baik", Predikat.BAIK),
        ("Butuh  Perbaikan", Predikat.BUTUH_PERBAIKAN),
        ("Cukup", Predikat.BUTUH_PERBAIKAN),
        ("Kurang/Misconduct", Predikat.KURANG_MISCONDUCT),
        ("Kurang", Predikat.KURANG_MISCONDUCT),
        ("Sangat Kurang", Predikat.SANGAT_KURANG),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_result_words_map_to_the_apps_predikat(word: object, expected: Predikat | None) -> None:
    (record,) = sheet(row(result=word)).records

    assert record.predikat is expected


def test_an_unknown_result_word_is_a_bad_line_naming_the_column() -> None:
    found = sheet(row(), row(nip=DEWI, result="Luar Biasa"))

    assert [r.nip for r in found.records] == [RIZKY]
    (issue,) = found.issues
    assert (issue.line, issue.column) == (5, "hasil_akhir")
    assert "'Luar Biasa' tidak dikenali" in issue.message and "Sangat Baik" in issue.message


@pytest.mark.parametrize("value", ["true", "TRUE", "1", 1, True, "Ya", "Plt", "plh"])
def test_plt_plh_rows_are_set_aside(value: object) -> None:
    found = sheet(row(), row(nip=DEWI, acting=value, result="Sangat Baik"))

    assert [r.nip for r in found.records] == [RIZKY]
    assert [(r.nip, r.acting) for r in found.acting] == [(DEWI, True)]


@pytest.mark.parametrize("value", ["false", "0", 0, False, "", None, "tidak"])
def test_other_plt_plh_values_are_ordinary_rows(value: object) -> None:
    found = sheet(row(acting=value))

    assert len(found.records) == 1 and found.acting == ()


def test_a_person_listed_twice_counts_with_the_latest_periode_akhir() -> None:
    found = sheet(
        row(end="2026-12-31", result="Sangat Baik"),
        row(nip=DEWI, result="Baik"),
        row(end="2026-06-30", result="Butuh Perbaikan"),
    )

    assert [(r.nip, r.line, r.predikat) for r in found.records] == [
        (RIZKY, 4, Predikat.SANGAT_BAIK),
        (DEWI, 5, Predikat.BAIK),
    ]
    assert [(r.line, r.period_end) for r in found.superseded] == [(6, date(2026, 6, 30))]
    assert found.issues == ()


def test_two_rows_with_the_same_periode_akhir_and_different_results_are_both_reported() -> None:
    found = sheet(row(result="Baik"), row(result="Sangat Baik"))

    assert found.records == ()
    assert [(i.line, i.column) for i in found.issues] == [
        (4, "periode_akhir"),
        (5, "periode_akhir"),
    ]
    assert "baris 4, 5" in found.issues[0].message


def test_a_nip_stored_as_a_whole_number_is_read_as_text() -> None:
    (record,) = sheet(row(nip=int(RIZKY))).records

    assert record.nip == RIZKY


def test_a_nip_stored_as_a_decimal_number_is_refused_since_its_digits_are_lost() -> None:
    found = sheet(row(nip=1.98906152014031e17), row(nip=DEWI))

    assert [r.nip for r in found.records] == [DEWI]
    (issue,) = found.issues
    assert (issue.line, issue.column) == (4, "nip")
    assert "tersimpan sebagai angka (1.98906152014031e+17)" in issue.message
    assert "Teks" in issue.message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "NIP kosong"),
        ("1.98906E+17", "spreadsheet"),
        ("12345", "18 digit"),
    ],
)
def test_bad_nips_are_named(value: str, message: str) -> None:
    (issue,) = sheet(row(nip=value)).issues

    assert issue.column == "nip" and message in issue.message


def test_a_nip_typed_with_spaces_or_an_apostrophe_is_cleaned() -> None:
    found = sheet(row(nip="'19890615 201403 1 001"))

    assert found.records[0].nip == RIZKY


@pytest.mark.parametrize(
    "value",
    [
        "2026-12-31",
        "31/12/2026",
        "31-12-2026",
        "31 Desember 2026",
        "2026-12-31 00:00:00",
        datetime(2026, 12, 31),
        date(2026, 12, 31),
    ],
)
def test_periode_akhir_is_read_from_dates_and_date_texts(value: object) -> None:
    (record,) = sheet(row(end=value)).records

    assert record.period_end == date(2026, 12, 31)


@pytest.mark.parametrize("value", ["31/13/2026", "kemarin", "30 Februari 2026"])
def test_a_bad_periode_akhir_is_a_bad_line(value: str) -> None:
    (issue,) = sheet(row(end=value)).issues

    assert (issue.line, issue.column) == (4, "periode_akhir")
    assert f"periode akhir '{value}' bukan tanggal" in issue.message


def test_every_bad_line_is_named_once_per_column_and_blank_rows_are_skipped() -> None:
    found = sheet(row(nip="", end="x", result="?"), (), row(nip=DEWI))

    assert [(i.line, i.column) for i in found.issues] == [
        (4, "nip"),
        (4, "periode_akhir"),
        (4, "hasil_akhir"),
    ]
    assert [r.line for r in found.records] == [6]


def test_the_recaps_year_is_the_one_most_periode_akhir_fall_in() -> None:
    found = sheet(row(), row(nip=DEWI, end="2025-12-31"), row(nip="197805122003121002"))

    assert found.year == 2026
    assert sheet(row(end=None)).year is None
