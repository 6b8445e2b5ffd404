"""The SKM report's minimum sample (Krejcie-Morgan), method codes and RTL lines."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.domain.supervision.survey_report import (
    SurveyMethod,
    check_fieldwork,
    checked_action_plan,
    methods_code,
    minimum_sample,
    parse_methods,
    parse_population,
    sample_check,
)


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (1, 1),  # ten or fewer: everyone
        (7, 7),
        (10, 10),
        (11, 11),  # between rows: the next larger row, never more than the population
        (13, 13),
        (14, 14),
        (15, 14),
        (16, 16),
        (21, 21),
        (46, 44),
        (100, 80),
        (101, 86),
        (250, 152),
        (500, 217),
        (1000, 278),
        (1001, 285),
        (5000, 357),
        (10000, 370),
        (100000, 384),
        (1000000, 384),
        (5000000, 384),  # above the last row its sample holds
    ],
)
def test_minimum_sample_reads_the_krejcie_morgan_table(population: int, sample: int) -> None:
    assert minimum_sample(population) == sample


def test_every_row_of_the_table_is_the_papers_formula_rounded() -> None:
    """s = X²NP(1-P) / (d²(N-1) + X²P(1-P)), X² 3,841, P 0,5, d 0,05 (Krejcie & Morgan 1970)."""
    x2, p, d = Fraction("3.841"), Fraction(1, 2), Fraction(1, 20)
    rows = load("skm_sample")["rows"]
    assert len(rows) == 90
    for row in rows:
        n = row["population"]
        exact = x2 * n * p * (1 - p) / (d * d * (n - 1) + x2 * p * (1 - p))
        assert abs(exact - row["sample"]) <= 1, row
    populations = [row["population"] for row in rows]
    samples = [row["sample"] for row in rows]
    assert populations == sorted(populations) and samples == sorted(samples)


def test_the_round_reached_its_sample_or_not() -> None:
    assert sample_check(None, 50) is None
    met = sample_check(200, 132)
    assert met is not None and met.minimum == 132 and met.reached
    short = sample_check(200, 131)
    assert short is not None and not short.reached


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", None), ("  ", None), ("1250", 1250), ("1.250", 1250), ("12 500", 12500)],
)
def test_population_as_typed(typed: str, expected: int | None) -> None:
    assert parse_population(typed) == expected


@pytest.mark.parametrize("typed", ["0", "-5", "banyak", "12,5", "999999999999"])
def test_a_bad_population_names_the_field(typed: str) -> None:
    with pytest.raises(ValidationError, match="Populasi harus bilangan bulat") as raised:
        parse_population(typed)
    assert raised.value.field == "population"


def test_methods_are_stored_in_declared_order_and_read_back() -> None:
    code = methods_code([SurveyMethod.ONLINE, SurveyMethod.TATAP_MUKA])
    assert code == "TATAP_MUKA,ONLINE"
    assert parse_methods(code) == (SurveyMethod.TATAP_MUKA, SurveyMethod.ONLINE)
    assert parse_methods("") == ()
    with pytest.raises(ValidationError, match="Metode survei 'POS' tidak dikenal"):
        parse_methods("KIOS,POS")


def test_fieldwork_may_not_end_before_it_starts() -> None:
    check_fieldwork(date(2026, 1, 5), date(2026, 1, 5))
    check_fieldwork(None, date(2026, 1, 5))
    with pytest.raises(ValidationError) as raised:
        check_fieldwork(date(2026, 2, 1), date(2026, 1, 31))
    assert raised.value.field == "fieldwork_end"


def test_an_action_plan_line_is_cleaned_and_checked_all_at_once() -> None:
    plan = checked_action_plan(" u3 ", "  Menambah  loket ", "Juli 2026", "Kepala Seksi")
    assert (plan.item, plan.program, plan.schedule) == (
        SurveyItem.U3,
        "Menambah loket",
        "Juli 2026",
    )
    with pytest.raises(ValidationErrors) as raised:
        checked_action_plan("", "", "x" * 101, "")
    assert raised.value.by_field() == {
        "item": "Unsur wajib dipilih (U1 sampai U9).",
        "program": "Program/kegiatan wajib diisi.",
        "schedule": "Waktu paling banyak 100 karakter (sekarang 101).",
        "responsible": "Penanggung jawab wajib diisi.",
    }
