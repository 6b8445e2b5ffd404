"""Achievement of indicators, their level against expectation, and the proposed rating."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.achievement import (
    DEFAULT_RULES,
    Proposal,
    ResultLevel,
    ResultRules,
    achievement,
    level_of,
    propose_rating,
    result_achievement,
)
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import RhkKind

D = Decimal
DI_ATAS = Rating.DI_ATAS
SESUAI = Rating.SESUAI
DI_BAWAH = Rating.DI_BAWAH

# --- achievement ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisation", "lower_is_better", "percent"),
    [
        # higher is better: realisation / target x 100, capped at 120
        ("10", "10", False, "100.00"),
        ("10", "12", False, "120.00"),
        ("10", "15", False, "120.00"),  # cap
        ("10", "0", False, "0.00"),
        ("10", "9.5", False, "95.00"),
        ("10", "11", False, "110.00"),
        ("3", "1", False, "33.33"),
        ("3", "2", False, "66.67"),
        ("200", "1.01", False, "0.51"),  # 0.505 rounds half up, not to even
        ("8", "0.0004", False, "0.01"),  # 0.005 rounds half up
        # lower is better: (2 - realisation / target) x 100, floor 0, cap 120
        ("5", "5", True, "100.00"),
        ("5", "4", True, "120.00"),
        ("5", "6", True, "80.00"),
        ("5", "12", True, "0.00"),  # floor
        ("5", "10", True, "0.00"),
        ("5", "4.5", True, "110.00"),
        ("5", "0", True, "120.00"),  # none at all is capped too
        ("3", "4", True, "66.67"),
        ("3", "5", True, "33.33"),
    ],
)
def test_achievement(target: str, realisation: str, lower_is_better: bool, percent: str) -> None:
    result = achievement(D(target), D(realisation), lower_is_better=lower_is_better)

    assert str(result) == percent  # the value and its two decimals


@pytest.mark.parametrize(
    ("target", "realisation"),
    [("-1", "5"), ("-10", "0"), ("10", "-1"), ("10", "-0.01"), ("0", "-1")],
)
@pytest.mark.parametrize("lower_is_better", [False, True])
def test_achievement_refuses_impossible_figures(
    target: str, realisation: str, lower_is_better: bool
) -> None:
    with pytest.raises(ValueError):
        achievement(D(target), D(realisation), lower_is_better=lower_is_better)


@pytest.mark.parametrize("realisation", ["0", "5"])
def test_a_zero_target_is_refused_when_higher_is_better(realisation: str) -> None:
    with pytest.raises(ValueError):
        achievement(D(0), D(realisation), lower_is_better=False)


@pytest.mark.parametrize(
    ("realisation", "rules", "percent"),
    [
        # "0 temuan": none found meets it exactly, any finding misses it (the formula's limit)
        ("0", DEFAULT_RULES, "100.00"),
        ("0.0", DEFAULT_RULES, "100.00"),
        ("1", DEFAULT_RULES, "0.00"),
        ("0.5", DEFAULT_RULES, "0.00"),
        ("12", DEFAULT_RULES, "0.00"),
        # the numbers are data: an office may score a miss more gently, never above the cap
        ("1", ResultRules(zero_target_missed=D(50)), "50.00"),
        ("0", ResultRules(zero_target_met=D(130)), "120.00"),
        ("0", ResultRules(zero_target_met=D(110)), "110.00"),
    ],
)
def test_zero_target_when_lower_is_better(
    realisation: str, rules: ResultRules, percent: str
) -> None:
    result = achievement(D(0), D(realisation), lower_is_better=True, rules=rules)

    assert str(result) == percent


@pytest.mark.parametrize(
    ("target", "realisation", "lower_is_better", "percent"),
    [
        ("10", "15", False, "150.00"),
        ("10", "20", False, "150.00"),
        ("10", "12", False, "120.00"),
        ("10", "5", True, "150.00"),
        ("10", "0", True, "150.00"),
    ],
)
def test_achievement_with_a_custom_cap(
    target: str, realisation: str, lower_is_better: bool, percent: str
) -> None:
    rules = ResultRules(cap=D(150))

    result = achievement(D(target), D(realisation), lower_is_better=lower_is_better, rules=rules)

    assert str(result) == percent


# --- level_of ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        ("120.00", DI_ATAS),
        ("110.00", DI_ATAS),
        ("109.99", SESUAI),
        ("100.00", SESUAI),
        ("99.99", DI_BAWAH),
        ("0.00", DI_BAWAH),
    ],
)
def test_level_of_default_boundaries(percent: str, level: Rating) -> None:
    assert level_of(D(percent)) is level


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        ("105.00", DI_ATAS),
        ("104.99", SESUAI),
        ("100.00", SESUAI),  # above expectation by default, only meets here
        ("90.00", SESUAI),
        ("89.99", DI_BAWAH),
        ("110.00", DI_ATAS),
    ],
)
def test_level_of_with_custom_boundaries(percent: str, level: Rating) -> None:
    rules = ResultRules(above_from=D(105), meets_from=D(90))

    assert level_of(D(percent), rules) is level


def test_default_rules() -> None:
    rules = DEFAULT_RULES

    assert rules == ResultRules(
        cap=D(120), above_from=D(110), meets_from=D(100), most=D("0.5"), small_part=D("0.25")
    )


# --- result_achievement -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percents", "mean"),
    [
        (["100.00"], "100.00"),
        (["100.00", "120.00"], "110.00"),
        (["100", "100", "101"], "100.33"),
        (["100", "95", "90.5"], "95.17"),
        (["33.33", "66.67"], "50.00"),
        (["0.01", "0.00"], "0.01"),  # 0.005 rounds half up
        (["0.00", "0.00"], "0.00"),
    ],
)
def test_result_achievement_is_the_rounded_mean(percents: list[str], mean: str) -> None:
    assert str(result_achievement([D(p) for p in percents])) == mean


def test_result_achievement_needs_an_indicator() -> None:
    with pytest.raises(ValueError):
        result_achievement([])


# --- propose_rating ---------------------------------------------------------------------------


def levels(spec: str) -> list[ResultLevel]:
    """Results from a short spec: "UA TS UB" = main above, additional meets, main below.

    Each is named "RHK n" by its position.
    """
    kinds = {"U": RhkKind.UTAMA, "T": RhkKind.TAMBAHAN}
    ratings = {"A": DI_ATAS, "S": SESUAI, "B": DI_BAWAH}
    return [
        ResultLevel(kinds[code[0]], ratings[code[1]], f"RHK {n}")
        for n, code in enumerate(spec.split(), start=1)
    ]


ABOVE = "Sebagian besar RHK di atas ekspektasi dan tidak ada RHK utama di bawah."
MEETS = "Sebagian besar RHK memenuhi ekspektasi."
MOSTLY_BELOW = "Sebagian besar RHK di bawah ekspektasi."


@pytest.mark.parametrize(
    ("spec", "rating", "reasons"),
    [
        # most above and no main result below
        ("UA", DI_ATAS, ("1 dari 1 RHK di atas ekspektasi, 0 sesuai, 0 di bawah.", ABOVE)),
        (
            "UA UA US",
            DI_ATAS,
            ("2 dari 3 RHK di atas ekspektasi, 1 sesuai, 0 di bawah.", ABOVE),
        ),
        # an additional result below does not block "above": only main results count
        (
            "UA UA UA TB",
            DI_ATAS,
            ("3 dari 4 RHK di atas ekspektasi, 0 sesuai, 1 di bawah.", ABOVE),
        ),
        (
            "UA TA TB",
            DI_ATAS,
            ("2 dari 3 RHK di atas ekspektasi, 0 sesuai, 1 di bawah.", ABOVE),
        ),
        # most above but a main result below, a small part of the main results
        (
            "UA UA UA UB",
            SESUAI,
            (
                "3 dari 4 RHK di atas ekspektasi, 0 sesuai, 1 di bawah.",
                MEETS,
                "RHK utama di bawah ekspektasi hanya sebagian kecil: RHK 4.",
            ),
        ),
        # all meet
        ("US", SESUAI, ("0 dari 1 RHK di atas ekspektasi, 1 sesuai, 0 di bawah.", MEETS)),
        (
            "US US TS",
            SESUAI,
            ("0 dari 3 RHK di atas ekspektasi, 3 sesuai, 0 di bawah.", MEETS),
        ),
        # exactly half above is not "most"
        ("UA US", SESUAI, ("1 dari 2 RHK di atas ekspektasi, 1 sesuai, 0 di bawah.", MEETS)),
        (
            "UA UA US TS",
            SESUAI,
            ("2 dari 4 RHK di atas ekspektasi, 2 sesuai, 0 di bawah.", MEETS),
        ),
        # exactly half below is not "most" either
        (
            "US TB",
            SESUAI,
            (
                "0 dari 2 RHK di atas ekspektasi, 1 sesuai, 1 di bawah.",
                "RHK yang memenuhi ekspektasi dan yang di bawahnya berimbang.",
            ),
        ),
        # main results below: exactly a small part (1 of 4 = 0.25)
        (
            "UB US US US",
            SESUAI,
            (
                "0 dari 4 RHK di atas ekspektasi, 3 sesuai, 1 di bawah.",
                MEETS,
                "RHK utama di bawah ekspektasi hanya sebagian kecil: RHK 1.",
            ),
        ),
        # ... and more than a small part (2 of 5 = 0.4) but not most: the regulation's text
        # stops here, so the proposal stays as-expected and asks the supervisor to weigh it
        (
            "UB US UB US US",
            SESUAI,
            (
                "0 dari 5 RHK di atas ekspektasi, 3 sesuai, 2 di bawah.",
                MEETS,
                "RHK utama di bawah ekspektasi lebih dari sebagian kecil: RHK 1, RHK 3; "
                "pertimbangkan sebelum menetapkan.",
            ),
        ),
        # most of the main results below, though not most of all results
        (
            "UB UB US TS TS",
            DI_BAWAH,
            (
                "0 dari 5 RHK di atas ekspektasi, 3 sesuai, 2 di bawah.",
                "Sebagian besar RHK utama di bawah ekspektasi: RHK 1, RHK 2.",
            ),
        ),
        # most below
        (
            "UB UB TS",
            DI_BAWAH,
            ("0 dari 3 RHK di atas ekspektasi, 1 sesuai, 2 di bawah.", MOSTLY_BELOW),
        ),
        (
            "UB TB UA",
            DI_BAWAH,
            ("1 dari 3 RHK di atas ekspektasi, 0 sesuai, 2 di bawah.", MOSTLY_BELOW),
        ),
        ("UB", DI_BAWAH, ("0 dari 1 RHK di atas ekspektasi, 0 sesuai, 1 di bawah.", MOSTLY_BELOW)),
        (
            "US TB TB",
            DI_BAWAH,
            ("0 dari 3 RHK di atas ekspektasi, 1 sesuai, 2 di bawah.", MOSTLY_BELOW),
        ),
    ],
)
def test_propose_rating(spec: str, rating: Rating, reasons: tuple[str, ...]) -> None:
    assert propose_rating(levels(spec)) == Proposal(rating, reasons)


@pytest.mark.parametrize(
    ("spec", "rating"),
    [
        ("UB US UB US US", SESUAI),  # 2 of 5 main below is a small part when half is allowed
        ("UB UB US US", SESUAI),
        ("UB UB UB US US", DI_BAWAH),  # 3 of 5 is "most below" before the small part is asked
        ("UB UB US TS", DI_BAWAH),  # the share is of main results only: 2 of 3
    ],
)
def test_propose_rating_with_a_larger_small_part(spec: str, rating: Rating) -> None:
    rules = ResultRules(small_part=D("0.5"))

    assert propose_rating(levels(spec), rules).rating is rating


@pytest.mark.parametrize(
    ("spec", "rating"),
    [
        ("UA UA US", SESUAI),  # 2 of 3 above is not "most" when most means over 70%
        ("UA UA UA US", DI_ATAS),
        ("UB UB US", SESUAI),  # 2 of 3 below is not "most" when most means over 70%
        ("UB UB UB US", DI_BAWAH),
    ],
)
def test_propose_rating_with_a_stricter_most(spec: str, rating: Rating) -> None:
    rules = ResultRules(most=D("0.7"))

    assert propose_rating(levels(spec), rules).rating is rating


def test_propose_rating_needs_a_result() -> None:
    with pytest.raises(ValueError):
        propose_rating([])
