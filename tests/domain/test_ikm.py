"""IKM against hand-computed cases (PermenPANRB 14/2017, reference §8)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.supervision.ikm import (
    ServiceGrade,
    SurveyItem,
    compute_ikm,
    grade_for,
    round_half_up,
)


def respondents(
    n: int, totals: list[int], answered: list[int] | None = None
) -> list[list[int | None]]:
    """``n`` respondents whose answers to item i sum to ``totals[i]`` over ``answered[i]`` people.

    Respondents after ``answered[i]`` leave item i empty.
    """
    answered = answered or [n] * 9
    columns: list[list[int | None]] = []
    for total, count in zip(totals, answered, strict=True):
        base, extra = divmod(total, count)
        column: list[int | None] = [base + 1 if row < extra else base for row in range(count)]
        column += [None] * (n - count)
        assert sum(a for a in column if a) == total and all(1 <= a <= 4 for a in column if a)
        columns.append(column)
    return [[columns[item][row] for item in range(9)] for row in range(n)]


# Each case: respondents, expected published IKM, grade. The sums are worked out in the comment:
# IKM = 25/9 x sum of the nine NRR, NRR = item total / respondents who answered it.
CASES = [
    # Everyone answers 4: NRR 4 each; 25/9 x 36 = 100.
    pytest.param(respondents(3, [12] * 9), "100.00", ServiceGrade.A, id="all-4"),
    # Everyone answers 1: 25/9 x 9 = 25.
    pytest.param(respondents(3, [3] * 9), "25.00", ServiceGrade.D, id="all-1"),
    # All 3: 25/9 x 27 = 75.00 exactly (a weight rounded to 0.111 would give 74.93).
    pytest.param(respondents(4, [12] * 9), "75.00", ServiceGrade.C, id="all-3-exact-weight"),
    # 13 people; eight items total 263 (NRR 263/13 together), U9 answered by 12 totalling 38:
    # 25/9 x (263/13 + 38/12) = 45625/702 = 64.9929 -> 64.99, the top of D.
    pytest.param(
        respondents(13, [33] * 7 + [32, 38], [13] * 8 + [12]), "64.99", ServiceGrade.D, id="64.99"
    ),
    # 5 people, each item total 13: NRR 2.6; 25 x 2.6 = 65.00, the bottom of C.
    pytest.param(respondents(5, [13] * 9), "65.00", ServiceGrade.C, id="65.00"),
    # 10 people; eight items total 238, U9 by 9 totalling 34:
    # 25/9 x (238/10 + 34/9) = 6205/81 = 76.6049 -> 76.60, the top of C.
    pytest.param(
        respondents(10, [30] * 6 + [29, 29, 34], [10] * 8 + [9]),
        "76.60",
        ServiceGrade.C,
        id="76.60",
    ),
    # 15 people; eight items total 358, U9 by 14 totalling 52:
    # 25/9 x (358/15 + 52/14) = 14480/189 = 76.6138 -> 76.61, the bottom of B.
    pytest.param(
        respondents(15, [45] * 6 + [44, 44, 52], [15] * 8 + [14]),
        "76.61",
        ServiceGrade.B,
        id="76.61",
    ),
    # 10 people; eight items total 279, U9 by 9 totalling 35:
    # 25/9 x (279/10 + 35/9) = 14305/162 = 88.3025 -> 88.30, the top of B.
    pytest.param(
        respondents(10, [35] * 7 + [34, 35], [10] * 8 + [9]), "88.30", ServiceGrade.B, id="88.30"
    ),
    # 9 people; eight items total 258, U9 by 8 totalling 25:
    # 25/9 x (258/9 + 25/8) = 19075/216 = 88.3102 -> 88.31, the bottom of A.
    pytest.param(
        respondents(9, [33] * 2 + [32] * 6 + [25], [9] * 8 + [8]),
        "88.31",
        ServiceGrade.A,
        id="88.31",
    ),
]


@pytest.mark.parametrize(("answers", "ikm", "grade"), CASES)
def test_ikm_and_grade_match_hand_computation(
    answers: list[list[int | None]], ikm: str, grade: ServiceGrade
) -> None:
    result = compute_ikm(answers)
    assert result.ikm == Decimal(ikm)
    assert result.grade is grade


def test_unanswered_item_is_left_out_of_its_average_not_counted_as_zero() -> None:
    # A answers 4 everywhere but leaves U8 empty; B answers 3 everywhere.
    # U8: NRR = 3/1 = 3; the other eight: 7/2 = 3.5. 25/9 x (8 x 3.5 + 3) = 775/9 = 86.11.
    result = compute_ikm([[4, 4, 4, 4, 4, 4, 4, None, 4], [3] * 9])
    u8 = result.items[7]
    assert (u8.answered, u8.total, u8.nrr) == (1, 3, Fraction(3))
    assert result.items[0].nrr == Fraction(7, 2)
    assert result.exact == Fraction(775, 9)
    assert result.ikm == Decimal("86.11")
    assert result.grade is ServiceGrade.B
    assert result.respondents == 2
    assert result.unanswered == 1


def test_full_precision_until_the_end() -> None:
    # NRR 10/3 on every item: 25 x 10/3 = 83.333...; NRR shown 3.333; weighted exactly 10/27.
    result = compute_ikm(respondents(3, [10] * 9))
    assert result.items[0].weighted == Fraction(10, 27)
    assert result.interval_value == Fraction(10, 3)
    assert result.ikm == Decimal("83.33")
    assert result.items[0].nrr_shown == Decimal("3.333")
    assert result.items[0].converted == Decimal("83.33")


def test_respondent_who_answered_nothing_is_not_counted() -> None:
    result = compute_ikm([[None] * 9, [4] * 9])
    assert result.respondents == 1
    assert result.ikm == Decimal("100.00")


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ([], "responses", "belum punya responden"),
        ([[None] * 9], "responses", "belum punya responden"),
        ([[4, 4, 4, 4, 5, 4, 4, 4, 4]], "U5", "jawaban 5 tidak sah"),
        ([[4, 4, 4, 4, 0, 4, 4, 4, 4]], "U5", "jawaban 0 tidak sah"),
        ([[4] * 8], "answers", "8 jawaban"),
        ([[4, 4, 4, None, 4, 4, 4, 4, 4]], "U4", "Biaya/Tarif"),
    ],
)
def test_bad_answers_are_refused_naming_the_item(
    answers: list[list[int | None]], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        compute_ikm(answers)
    assert raised.value.field == field
    assert words in raised.value.message


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("25.00", ServiceGrade.D),
        ("64.99", ServiceGrade.D),
        ("65.00", ServiceGrade.C),
        ("76.60", ServiceGrade.C),
        ("76.61", ServiceGrade.B),
        ("88.30", ServiceGrade.B),
        ("88.31", ServiceGrade.A),
        ("100.00", ServiceGrade.A),
    ],
)
def test_grade_boundaries(value: str, grade: ServiceGrade) -> None:
    assert grade_for(Decimal(value)) is grade


@pytest.mark.parametrize("value", ["24.99", "100.01"])
def test_grade_outside_the_scale_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="di luar rentang"):
        grade_for(Decimal(value))


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(64995, 1000), 2, "65.00"),  # a half goes up
        (Fraction(649949, 10000), 2, "64.99"),
        (Fraction(2, 3), 3, "0.667"),
        (Fraction(-1, 8), 2, "-0.13"),
    ],
)
def test_round_half_up(value: Fraction, places: int, expected: str) -> None:
    assert round_half_up(value, places) == Decimal(expected)


def test_weakest_items_lowest_first_with_ties_kept() -> None:
    # U3 lowest (2.0), U7 and U9 tied at 2.5, the rest 3.5.
    totals = [7, 7, 4, 7, 7, 7, 5, 7, 5]
    result = compute_ikm(respondents(2, totals))
    assert [r.item for r in result.weakest(2)] == [SurveyItem.U3, SurveyItem.U7, SurveyItem.U9]
    assert [r.item for r in result.weakest(1)] == [SurveyItem.U3]
    assert len(result.weakest()) == 3


def test_items_carry_their_official_names() -> None:
    assert SurveyItem.U1.label == "Persyaratan"
    assert SurveyItem.U8.label == "Penanganan Pengaduan, Saran dan Masukan"
    assert ServiceGrade.C.label == "C (Kurang Baik)"
