"""The Kurva Distribusi check (SE MenPANRB 3/2023) and the small-unit rounding rule."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from kinerja_desktop.domain.distribution import (
    CURVE_AXIS,
    CURVE_CAPTION,
    DEFAULT,
    DistributionRules,
    RuleKind,
    SmallUnitRule,
    allowed_counts,
    check_distribution,
    expected_curve,
    limits_for,
)
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat

SB = Predikat.SANGAT_BAIK
B = Predikat.BAIK
BP = Predikat.BUTUH_PERBAIKAN
KM = Predikat.KURANG_MISCONDUCT
SK = Predikat.SANGAT_KURANG
ORDER = (SB, B, BP, KM, SK)

ISTIMEWA = OrgPredikat.ISTIMEWA
O_BAIK = OrgPredikat.BAIK
O_BP = OrgPredikat.BUTUH_PERBAIKAN
KURANG = OrgPredikat.KURANG
SANGAT_KURANG = OrgPredikat.SANGAT_KURANG


def spread(sb: int = 0, b: int = 0, bp: int = 0, km: int = 0, sk: int = 0) -> dict[Predikat, int]:
    return dict(zip(ORDER, (sb, b, bp, km, sk), strict=True))


# --- full-size units: each organisation predikat's rules --------------------------------------


@pytest.mark.parametrize(
    ("org", "counts", "messages"),
    [
        # Istimewa: at most 70% Sangat Baik; the rest may be anything
        (ISTIMEWA, spread(sb=7, b=3), []),  # exactly 70%
        (ISTIMEWA, spread(sb=6, b=2, bp=1, km=1), []),
        # "sebagian besar": the headline must also be the largest group (ties pass)
        (
            ISTIMEWA,
            spread(b=10),
            [
                "Sangat Baik 0 dari 10 pegawai (0%), padahal sebagian besar pegawai seharusnya "
                "Sangat Baik; kelompok terbesar Baik 10 orang (100%)."
            ],
        ),
        (
            ISTIMEWA,
            spread(sk=10),
            [
                "Sangat Baik 0 dari 10 pegawai (0%), padahal sebagian besar pegawai seharusnya "
                "Sangat Baik; kelompok terbesar Sangat Kurang 10 orang (100%)."
            ],
        ),
        (ISTIMEWA, spread(sb=3, b=3, bp=2, km=2), []),
        (
            O_BAIK,
            spread(sb=8, b=1, bp=1),
            [
                "Baik 1 dari 10 pegawai (10%), padahal sebagian besar pegawai seharusnya "
                "Baik; kelompok terbesar Sangat Baik 8 orang (80%)."
            ],
        ),
        (O_BAIK, spread(sb=4, b=4, bp=1, km=1), []),
        (
            ISTIMEWA,
            spread(sb=8, b=2),
            ["Sangat Baik 8 dari 10 pegawai (80%), batas paling banyak 70% (7 orang)."],
        ),
        (ISTIMEWA, spread(sb=14, b=6), []),  # 70% of 20
        (
            ISTIMEWA,
            spread(sb=15, b=5),
            ["Sangat Baik 15 dari 20 pegawai (75%), batas paling banyak 70% (14 orang)."],
        ),
        # Baik: at most 70% Baik, and someone with Butuh Perbaikan and/or Kurang/Misconduct
        (O_BAIK, spread(b=7, bp=3), []),  # exactly 70%
        (O_BAIK, spread(sb=2, b=7, km=1), []),
        (O_BAIK, spread(sb=1, b=6, bp=1, km=1, sk=1), []),
        (
            O_BAIK,
            spread(b=8, bp=2),
            ["Baik 8 dari 10 pegawai (80%), batas paling banyak 70% (7 orang)."],
        ),
        (
            O_BAIK,
            spread(sb=3, b=7),
            [
                "Butuh Perbaikan dan/atau Kurang/Misconduct 0 dari 10 pegawai (0%), "
                "harus ada paling sedikit 1 orang."
            ],
        ),
        (
            O_BAIK,
            spread(b=10),
            [
                "Baik 10 dari 10 pegawai (100%), batas paling banyak 70% (7 orang).",
                "Butuh Perbaikan dan/atau Kurang/Misconduct 0 dari 10 pegawai (0%), "
                "harus ada paling sedikit 1 orang.",
            ],
        ),
        # Butuh Perbaikan: at least 60% Butuh Perbaikan, at most 10% Sangat Baik
        (O_BP, spread(sb=1, b=3, bp=6), []),  # exactly 60% and 10%
        (O_BP, spread(bp=10), []),
        (O_BP, spread(b=1, bp=7, km=1, sk=1), []),
        (
            O_BP,
            spread(b=5, bp=5),
            ["Butuh Perbaikan 5 dari 10 pegawai (50%), batas paling sedikit 60% (6 orang)."],
        ),
        (
            O_BP,
            spread(sb=2, b=2, bp=6),
            ["Sangat Baik 2 dari 10 pegawai (20%), batas paling banyak 10% (1 orang)."],
        ),
        # Kurang: at least 60% Kurang/Misconduct, at least 10% Butuh Perbaikan, max 10% SB
        (KURANG, spread(sb=1, b=2, bp=1, km=6), []),  # exactly 60%, 10%, 10%
        (KURANG, spread(bp=2, km=7, sk=1), []),
        (
            KURANG,
            spread(b=4, bp=1, km=5),
            ["Kurang/Misconduct 5 dari 10 pegawai (50%), batas paling sedikit 60% (6 orang)."],
        ),
        (
            KURANG,
            spread(b=4, km=6),
            ["Butuh Perbaikan 0 dari 10 pegawai (0%), batas paling sedikit 10% (1 orang)."],
        ),
        (
            KURANG,
            spread(sb=2, bp=1, km=7),
            ["Sangat Baik 2 dari 10 pegawai (20%), batas paling banyak 10% (1 orang)."],
        ),
        # Sangat Kurang: at least 60% Sangat Kurang, at least 10% Kurang/Misconduct and/or
        # Butuh Perbaikan, no Sangat Baik
        (SANGAT_KURANG, spread(b=3, km=1, sk=6), []),  # exactly 60% and 10%
        (SANGAT_KURANG, spread(b=3, bp=1, sk=6), []),
        (SANGAT_KURANG, spread(bp=1, km=1, sk=8), []),
        (
            SANGAT_KURANG,
            spread(b=5, km=2, sk=5),
            ["Sangat Kurang 5 dari 12 pegawai (41,7%), batas paling sedikit 60% (8 orang)."],
        ),
        (
            SANGAT_KURANG,
            spread(b=4, sk=6),
            [
                "Kurang/Misconduct dan/atau Butuh Perbaikan 0 dari 10 pegawai (0%), "
                "batas paling sedikit 10% (1 orang)."
            ],
        ),
        (
            SANGAT_KURANG,
            spread(sb=1, km=2, sk=7),
            ["Sangat Baik 1 dari 10 pegawai (10%), seharusnya tidak ada."],
        ),
    ],
)
def test_rules_per_org_predikat(
    org: OrgPredikat, counts: dict[Predikat, int], messages: list[str]
) -> None:
    report = check_distribution(org, counts)

    assert [f.message for f in report.findings] == messages
    assert report.ok is (not messages)
    assert report.total == sum(counts.values())
    assert report.notes == ()  # ten or more people: no rounding note


def _breaches(org: OrgPredikat, counts: dict[Predikat, int], kind: RuleKind) -> set[Predikat]:
    report = check_distribution(org, counts)
    return {p for f in report.findings if f.rule.kind is kind for p in f.rule.predikat}


@pytest.mark.parametrize("n", range(10, 41))
def test_from_ten_people_the_limits_are_the_plain_percentages(n: int) -> None:
    """A count passes exactly when its share does: at most 70% / 10%, at least 60% / 10%."""
    for actual in range(n + 1):
        share = Decimal(actual) / n
        rest = n - actual
        over_70 = _breaches(ISTIMEWA, spread(sb=actual, b=rest), RuleKind.MAX)
        over_10 = _breaches(O_BP, spread(sb=actual, bp=rest), RuleKind.MAX)
        under_60 = _breaches(O_BP, spread(bp=actual, b=rest), RuleKind.MIN)
        under_10 = _breaches(KURANG, spread(bp=actual, km=rest), RuleKind.MIN)

        assert (SB in over_70) is (share > Decimal("0.7"))
        assert (SB in over_10) is (share > Decimal("0.1"))
        assert (BP in under_60) is (share < Decimal("0.6"))
        assert (BP in under_10) is (share < Decimal("0.1"))


def test_findings_carry_the_numbers() -> None:
    (finding,) = check_distribution(ISTIMEWA, spread(sb=8, b=2)).findings

    assert (finding.actual, finding.limit) == (8, 7)
    assert finding.rule.kind is RuleKind.MAX
    assert finding.rule.describe() == "Sangat Baik paling banyak 70%"


# --- small units -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "n", "people"),
    [
        # maximum: rounded down, never below 1
        (ISTIMEWA, 1, [1, 0]),
        (ISTIMEWA, 3, [2, 0]),
        (ISTIMEWA, 5, [3, 0]),
        (ISTIMEWA, 9, [6, 0]),
        # Baik: max 70% Baik; "must have" kept after one person for Baik
        (O_BAIK, 1, [1, 0, 0]),
        (O_BAIK, 3, [2, 0, 1]),
        (O_BAIK, 5, [3, 0, 1]),
        (O_BAIK, 9, [6, 0, 1]),
        # Butuh Perbaikan: min 60% rounded up; max 10% Sangat Baik never below 1
        (O_BP, 1, [1, 1]),
        (O_BP, 3, [2, 1]),
        (O_BP, 5, [3, 1]),
        (O_BP, 9, [6, 1]),
        # Kurang: min 60% first; min 10% Butuh Perbaikan gets what is left
        (KURANG, 1, [1, 0, 1]),
        (KURANG, 2, [2, 0, 1]),
        (KURANG, 3, [2, 1, 1]),
        (KURANG, 5, [3, 1, 1]),
        (KURANG, 9, [6, 1, 1]),
        # Sangat Kurang
        (SANGAT_KURANG, 1, [1, 0, 0]),
        (SANGAT_KURANG, 3, [2, 1, 0]),
        (SANGAT_KURANG, 5, [3, 1, 0]),
        (SANGAT_KURANG, 9, [6, 1, 0]),
    ],
)
def test_small_unit_limits(org: OrgPredikat, n: int, people: list[int]) -> None:
    assert [limit.people for limit in limits_for(org, n)] == people


@pytest.mark.parametrize(
    ("org", "counts", "messages"),
    [
        # n = 1: one person can be anything the org's rules do not forbid outright
        (ISTIMEWA, spread(sb=1), []),
        (O_BAIK, spread(b=1), []),  # not pushed to a lower predikat to fill the curve
        (
            O_BAIK,
            spread(bp=1),
            [
                "Baik 0 dari 1 pegawai (0%), padahal sebagian besar pegawai seharusnya Baik; "
                "kelompok terbesar Butuh Perbaikan 1 orang (100%)."
            ],
        ),
        (O_BP, spread(bp=1), []),
        (
            O_BP,
            spread(sb=1),
            ["Butuh Perbaikan 0 dari 1 pegawai (0%), batas paling sedikit 60% (1 orang)."],
        ),
        (KURANG, spread(km=1), []),
        (SANGAT_KURANG, spread(sk=1), []),
        (
            SANGAT_KURANG,
            spread(sb=1),
            [
                "Sangat Kurang 0 dari 1 pegawai (0%), batas paling sedikit 60% (1 orang).",
                "Sangat Baik 1 dari 1 pegawai (100%), seharusnya tidak ada.",
            ],
        ),
        # n = 3
        (ISTIMEWA, spread(sb=2, b=1), []),
        (
            ISTIMEWA,
            spread(sb=3),
            ["Sangat Baik 3 dari 3 pegawai (100%), batas paling banyak 70% (2 orang)."],
        ),
        (O_BAIK, spread(b=2, km=1), []),
        (
            O_BAIK,
            spread(sb=1, b=2),
            [
                "Butuh Perbaikan dan/atau Kurang/Misconduct 0 dari 3 pegawai (0%), "
                "harus ada paling sedikit 1 orang."
            ],
        ),
        (KURANG, spread(bp=1, km=2), []),
        (
            KURANG,
            spread(b=1, km=2),
            ["Butuh Perbaikan 0 dari 3 pegawai (0%), batas paling sedikit 10% (1 orang)."],
        ),
        # n = 5: 10% of 5 is half a person; one Sangat Baik is allowed, two are not
        (O_BP, spread(sb=1, b=1, bp=3), []),
        (
            O_BP,
            spread(sb=2, bp=3),
            ["Sangat Baik 2 dari 5 pegawai (40%), batas paling banyak 10% (1 orang)."],
        ),
        (
            O_BP,
            spread(b=3, bp=2),
            ["Butuh Perbaikan 2 dari 5 pegawai (40%), batas paling sedikit 60% (3 orang)."],
        ),
        (SANGAT_KURANG, spread(b=1, bp=1, sk=3), []),
        # n = 9: 60% of 9 is 5.4, so six people
        (KURANG, spread(sb=1, bp=1, km=6, sk=1), []),
        (
            KURANG,
            spread(b=2, bp=2, km=5),
            ["Kurang/Misconduct 5 dari 9 pegawai (55,6%), batas paling sedikit 60% (6 orang)."],
        ),
        (ISTIMEWA, spread(sb=6, b=3), []),
        (
            ISTIMEWA,
            spread(sb=7, b=2),
            ["Sangat Baik 7 dari 9 pegawai (77,8%), batas paling banyak 70% (6 orang)."],
        ),
    ],
)
def test_small_units(org: OrgPredikat, counts: dict[Predikat, int], messages: list[str]) -> None:
    report = check_distribution(org, counts)

    assert [f.message for f in report.findings] == messages
    assert report.notes[0].startswith(f"Unit kecil ({report.total} pegawai)")


@pytest.mark.parametrize("org", list(OrgPredikat))
@pytest.mark.parametrize("n", range(31))
def test_minimums_never_ask_for_more_people_than_exist(org: OrgPredikat, n: int) -> None:
    needed = sum(
        limit.people
        for limit in limits_for(org, n)
        if limit.rule.kind in {RuleKind.MIN, RuleKind.AT_LEAST_ONE}
    )

    assert needed <= n


def test_a_cut_rule_is_named_in_the_notes() -> None:
    report = check_distribution(KURANG, spread(km=2))

    assert report.ok
    assert any(
        '"Butuh Perbaikan paling sedikit 10%" meminta 1 orang' in note and "tidak diperiksa" in note
        for note in report.notes
    )


def _spreads(n: int, parts: int = 5) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in _spreads(n - first, parts - 1):
            yield (first, *rest)


@pytest.mark.parametrize("org", list(OrgPredikat))
@pytest.mark.parametrize("n", [1, 2, 3, 5, 9, 10])
def test_allowed_counts_are_exactly_what_some_passing_spread_reaches(
    org: OrgPredikat, n: int
) -> None:
    passing = [
        dict(zip(ORDER, counts, strict=True))
        for counts in _spreads(n)
        if check_distribution(org, dict(zip(ORDER, counts, strict=True))).ok
    ]
    allowed = allowed_counts(org, n)

    assert passing  # the rules never make every spread fail
    for p in Predikat:
        reached = [counts[p] for counts in passing]
        assert (allowed[p].minimum, allowed[p].maximum) == (min(reached), max(reached))


@pytest.mark.parametrize(
    ("org", "n", "predikat", "low", "high"),
    [
        (ISTIMEWA, 10, SB, 2, 7),  # the largest group: at least an even share of five
        (ISTIMEWA, 10, B, 0, 5),  # never more than Sangat Baik
        (O_BAIK, 10, B, 2, 7),
        # no more than Baik, and one place is kept for Butuh Perbaikan / Kurang/Misconduct
        (O_BAIK, 10, SB, 0, 4),
        (O_BP, 10, BP, 6, 10),
        (O_BP, 10, SB, 0, 1),
        (KURANG, 10, KM, 6, 9),
        (SANGAT_KURANG, 10, SB, 0, 0),
        (SANGAT_KURANG, 10, SK, 6, 9),
    ],
)
def test_allowed_counts_in_a_unit_of_ten(
    org: OrgPredikat, n: int, predikat: Predikat, low: int, high: int
) -> None:
    allowed = check_distribution(org, spread(b=n)).allowed[predikat]

    assert (allowed.minimum, allowed.maximum) == (low, high)


# --- empty units, bad input, custom rules ------------------------------------------------------


@pytest.mark.parametrize("org", list(OrgPredikat))
@pytest.mark.parametrize("counts", [{}, spread()])
def test_empty_unit_has_a_note_and_no_findings(
    org: OrgPredikat, counts: dict[Predikat, int]
) -> None:
    report = check_distribution(org, counts)

    assert report.ok
    assert report.total == 0
    assert report.notes == (
        "Belum ada pegawai dengan predikat di unit ini; sebaran belum dapat diperiksa.",
    )
    assert all(report.counts[p] == 0 for p in Predikat)


def test_negative_count_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        check_distribution(ISTIMEWA, {SB: -1, B: 3})


def test_missing_predikat_count_as_zero() -> None:
    report = check_distribution(O_BP, {BP: 6, B: 4})

    assert report.ok
    assert report.counts[SB] == 0


def test_the_small_unit_numbers_are_data() -> None:
    strict = DistributionRules(DEFAULT.by_org, SmallUnitRule(maximum_at_least=0))

    report = check_distribution(O_BP, spread(sb=1, b=1, bp=3), strict)

    assert [f.message for f in report.findings] == [
        "Sangat Baik 1 dari 5 pegawai (20%), batas paling banyak 10% (0 orang)."
    ]


# --- the expected curve ------------------------------------------------------------------------


@pytest.mark.parametrize("org", list(OrgPredikat))
def test_expected_curve_is_a_whole_and_follows_its_own_rules(org: OrgPredikat) -> None:
    curve = expected_curve(org)

    assert tuple(p for p, _ in curve) == CURVE_AXIS
    assert sum(percent for _, percent in curve) == 100
    assert check_distribution(org, {p: int(percent) for p, percent in curve}).ok


def test_curve_is_labelled_as_illustration() -> None:
    report = check_distribution(ISTIMEWA, spread(sb=1))

    assert tuple(report.curve) == CURVE_AXIS
    assert report.curve[SB] == Decimal(60)
    assert "ilustrasi" in CURVE_CAPTION


def test_every_org_predikat_has_rules() -> None:
    assert {entry.org for entry in DEFAULT.by_org} == set(OrgPredikat)
