from datetime import date
from itertools import pairwise

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import (
    DEFAULT_SCHEME,
    EvaluationScheme,
    Period,
    find_period,
    periods_for_span,
    periods_for_year,
)

TRIWULAN = EvaluationScheme.TRIWULAN
SEMESTER = EvaluationScheme.SEMESTER
BULANAN = EvaluationScheme.BULANAN


def rows(periods):
    return [(p.code, p.label, p.start, p.end, p.is_final) for p in periods]


def test_scheme_labels_and_default():
    assert [s.label for s in EvaluationScheme] == ["Triwulan", "Semester", "Bulanan"]
    assert DEFAULT_SCHEME is TRIWULAN


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        (
            TRIWULAN,
            [
                ("TW1", "Triwulan I", date(2026, 1, 1), date(2026, 3, 31), False),
                ("TW2", "Triwulan II", date(2026, 4, 1), date(2026, 6, 30), False),
                ("TW3", "Triwulan III", date(2026, 7, 1), date(2026, 9, 30), False),
                ("TW4", "Triwulan IV", date(2026, 10, 1), date(2026, 12, 31), False),
                ("AKHIR", "Akhir", date(2026, 1, 1), date(2026, 12, 31), True),
            ],
        ),
        (
            SEMESTER,
            [
                ("S1", "Semester I", date(2026, 1, 1), date(2026, 6, 30), False),
                ("S2", "Semester II", date(2026, 7, 1), date(2026, 12, 31), False),
                ("AKHIR", "Akhir", date(2026, 1, 1), date(2026, 12, 31), True),
            ],
        ),
    ],
)
def test_periods_for_year(scheme, expected):
    assert rows(periods_for_year(2026, scheme)) == expected


def test_default_scheme_is_triwulan():
    assert periods_for_year(2026) == periods_for_year(2026, TRIWULAN)


@pytest.mark.parametrize(
    ("year", "february_end"),
    [
        (2026, date(2026, 2, 28)),
        (2024, date(2024, 2, 29)),
        (2000, date(2000, 2, 29)),
        (2100, date(2100, 2, 28)),
    ],
)
def test_monthly_periods_and_leap_february(year, february_end):
    periods = periods_for_year(year, BULANAN)

    assert [p.code for p in periods] == [f"M{m:02d}" for m in range(1, 13)] + ["AKHIR"]
    assert [p.label for p in periods][:3] == ["Januari", "Februari", "Maret"]
    assert periods[1].start == date(year, 2, 1)
    assert periods[1].end == february_end
    # Months tile the year without gaps or overlaps.
    for before, after in pairwise(periods[:12]):
        assert (after.start - before.end).days == 1
    assert periods[11].end == date(year, 12, 31)
    assert periods[-1].is_final
    assert not any(p.is_final for p in periods[:-1])


@pytest.mark.parametrize(
    ("scheme", "start", "end", "expected"),
    [
        # Joins on 1 June with triwulan.
        (
            TRIWULAN,
            date(2026, 6, 1),
            date(2026, 12, 31),
            [
                ("TW2", date(2026, 6, 1), date(2026, 6, 30)),
                ("TW3", date(2026, 7, 1), date(2026, 9, 30)),
                ("TW4", date(2026, 10, 1), date(2026, 12, 31)),
                ("AKHIR", date(2026, 6, 1), date(2026, 12, 31)),
            ],
        ),
        # Moves away on 15 May.
        (
            TRIWULAN,
            date(2026, 1, 1),
            date(2026, 5, 15),
            [
                ("TW1", date(2026, 1, 1), date(2026, 3, 31)),
                ("TW2", date(2026, 4, 1), date(2026, 5, 15)),
                ("AKHIR", date(2026, 1, 1), date(2026, 5, 15)),
            ],
        ),
        # Whole year is unchanged.
        (
            SEMESTER,
            date(2026, 1, 1),
            date(2026, 12, 31),
            [
                ("S1", date(2026, 1, 1), date(2026, 6, 30)),
                ("S2", date(2026, 7, 1), date(2026, 12, 31)),
                ("AKHIR", date(2026, 1, 1), date(2026, 12, 31)),
            ],
        ),
        (
            SEMESTER,
            date(2026, 6, 30),
            date(2026, 7, 1),
            [
                ("S1", date(2026, 6, 30), date(2026, 6, 30)),
                ("S2", date(2026, 7, 1), date(2026, 7, 1)),
                ("AKHIR", date(2026, 6, 30), date(2026, 7, 1)),
            ],
        ),
        (
            BULANAN,
            date(2024, 2, 10),
            date(2024, 3, 5),
            [
                ("M02", date(2024, 2, 10), date(2024, 2, 29)),
                ("M03", date(2024, 3, 1), date(2024, 3, 5)),
                ("AKHIR", date(2024, 2, 10), date(2024, 3, 5)),
            ],
        ),
    ],
)
def test_periods_for_span(scheme, start, end, expected):
    periods = periods_for_span(start.year, scheme, start, end)

    assert [(p.code, p.start, p.end) for p in periods] == expected
    assert [p.is_final for p in periods] == [False] * (len(expected) - 1) + [True]


def test_partial_akhir_prints_its_range():
    akhir = periods_for_span(2026, TRIWULAN, date(2026, 6, 1), date(2026, 12, 31))[-1]

    assert akhir.label == "Akhir"
    assert akhir.range_text == "1 Juni s.d. 31 Desember 2026"


@pytest.mark.parametrize(
    ("year", "start", "end", "message"),
    [
        (
            2026,
            date(2026, 6, 1),
            date(2026, 5, 31),
            "Tanggal selesai (31 Mei 2026) tidak boleh sebelum tanggal mulai (1 Juni 2026).",
        ),
        (
            2026,
            date(2025, 12, 1),
            date(2026, 1, 31),
            "Rentang 1 Desember 2025 s.d. 31 Januari 2026 harus berada di dalam tahun 2026.",
        ),
        (
            2026,
            date(2027, 1, 1),
            date(2027, 3, 31),
            "Rentang 1 Januari s.d. 31 Maret 2027 harus berada di dalam tahun 2026.",
        ),
    ],
)
def test_periods_for_span_errors(year, start, end, message):
    with pytest.raises(ValidationError) as caught:
        periods_for_span(year, TRIWULAN, start, end)

    assert caught.value.message == message


@pytest.mark.parametrize(
    ("scheme", "code", "label", "start", "end"),
    [
        (TRIWULAN, "TW3", "Triwulan III", date(2026, 7, 1), date(2026, 9, 30)),
        (TRIWULAN, " tw1 ", "Triwulan I", date(2026, 1, 1), date(2026, 3, 31)),
        (SEMESTER, "S2", "Semester II", date(2026, 7, 1), date(2026, 12, 31)),
        (BULANAN, "m02", "Februari", date(2026, 2, 1), date(2026, 2, 28)),
        (BULANAN, "AKHIR", "Akhir", date(2026, 1, 1), date(2026, 12, 31)),
        (SEMESTER, "akhir", "Akhir", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_find_period(scheme, code, label, start, end):
    period = find_period(2026, scheme, code)

    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize(
    ("scheme", "code", "message"),
    [
        (
            TRIWULAN,
            "TW5",
            "Kode periode 'TW5' tidak dikenal untuk skema Triwulan. "
            "Pilih salah satu: TW1, TW2, TW3, TW4, AKHIR.",
        ),
        (
            SEMESTER,
            "TW1",
            "Kode periode 'TW1' tidak dikenal untuk skema Semester. "
            "Pilih salah satu: S1, S2, AKHIR.",
        ),
        (
            BULANAN,
            "M13",
            "Kode periode 'M13' tidak dikenal untuk skema Bulanan. Pilih salah satu: "
            "M01, M02, M03, M04, M05, M06, M07, M08, M09, M10, M11, M12, AKHIR.",
        ),
    ],
)
def test_find_period_unknown_code(scheme, code, message):
    with pytest.raises(ValidationError) as caught:
        find_period(2026, scheme, code)

    assert caught.value.message == message


@pytest.mark.parametrize("year", [0, 10000])
def test_year_out_of_range(year):
    with pytest.raises(ValidationError, match="Tahun penilaian tidak valid"):
        periods_for_year(year, TRIWULAN)


def test_period_contains():
    period = Period("TW1", "Triwulan I", date(2026, 1, 1), date(2026, 3, 31))

    assert period.contains(date(2026, 1, 1))
    assert period.contains(date(2026, 3, 31))
    assert not period.contains(date(2026, 4, 1))
    assert not period.is_final


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("TW3", "Triwulan III"),
        ("s2", "Semester II"),
        ("M02", "Februari"),
        ("AKHIR", "Akhir"),
        ("X9", "X9"),
    ],
)
def test_period_label_from_any_scheme(code: str, label: str) -> None:
    from kinerja_desktop.domain.periods import period_label

    assert period_label(code) == label
