"""The proposed Rating Perilaku Kerja from the journal, and weak spots across periods."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kinerja_desktop.domain.achievement import Proposal
from kinerja_desktop.domain.behaviour import (
    BehaviourRules,
    ObservationFact,
    ObservationSign,
    ObservationSource,
    WeakSpot,
    propose_behaviour_rating,
    repeated_weak_spots,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ratings import Rating

V = BehaviourValue
PELAYANAN, AKUNTABEL, KOMPETEN, HARMONIS = (
    V.BERORIENTASI_PELAYANAN,
    V.AKUNTABEL,
    V.KOMPETEN,
    V.HARMONIS,
)
LOYAL, ADAPTIF, KOLABORATIF = V.LOYAL, V.ADAPTIF, V.KOLABORATIF


def pos(value: BehaviourValue, indicator: int | None = None) -> ObservationFact:
    return ObservationFact(value, ObservationSign.POSITIF, False, indicator)


def neg(
    value: BehaviourValue, indicator: int | None = None, *, serious: bool = False
) -> ObservationFact:
    return ObservationFact(value, ObservationSign.NEGATIF, serious, indicator)


def neutral(value: BehaviourValue) -> ObservationFact:
    return ObservationFact(value, ObservationSign.NETRAL, False, None)


# --- the proposal ------------------------------------------------------------------------------


def test_no_entries_rests_on_the_supervisors_view() -> None:
    proposal = propose_behaviour_rating([])

    assert proposal.rating is Rating.SESUAI
    assert any("Pejabat Penilai" in reason for reason in proposal.reasons)


@pytest.mark.parametrize(
    ("facts", "rating", "says"),
    [
        # rule 2: a serious negative on Akuntabel or Loyal
        ([neg(AKUNTABEL, 3, serious=True), *(pos(v) for v in V)], Rating.DI_BAWAH, "serius"),
        ([neg(LOYAL, serious=True), pos(KOMPETEN)], Rating.DI_BAWAH, "Loyal"),
        # ... but not on another value, nor a non-serious one
        ([neg(HARMONIS, serious=True), pos(KOMPETEN), pos(ADAPTIF)], Rating.SESUAI, "Harmonis"),
        ([neg(AKUNTABEL), pos(KOMPETEN)], Rating.SESUAI, "Akuntabel"),
        # rule 3: negatives in three or more values
        (
            [neg(PELAYANAN), neg(HARMONIS), neg(ADAPTIF), *(pos(v) for v in V), pos(LOYAL)],
            Rating.DI_BAWAH,
            "tersebar di 3 nilai",
        ),
        ([neg(PELAYANAN), neg(HARMONIS), pos(KOMPETEN), pos(LOYAL)], Rating.SESUAI, "Harmonis"),
        # rule 4: more negatives than positives, from two negatives
        ([neg(PELAYANAN), neg(PELAYANAN), pos(KOMPETEN)], Rating.DI_BAWAH, "lebih banyak"),
        ([neg(PELAYANAN)], Rating.SESUAI, "Berorientasi Pelayanan"),  # one note alone
        ([neg(PELAYANAN), neg(KOMPETEN), pos(LOYAL), pos(ADAPTIF)], Rating.SESUAI, "Kompeten"),
        # rule 5: positives in four or more values and no negative
        (
            [pos(PELAYANAN), pos(KOMPETEN), pos(HARMONIS), pos(KOLABORATIF)],
            Rating.DI_ATAS,
            "4 nilai",
        ),
        ([pos(PELAYANAN), pos(KOMPETEN), pos(HARMONIS), pos(HARMONIS)], Rating.SESUAI, "umum"),
        (
            [pos(PELAYANAN), pos(KOMPETEN), pos(HARMONIS), pos(KOLABORATIF), neg(ADAPTIF)],
            Rating.SESUAI,
            "Adaptif",
        ),
        # rule 6: neutral entries only
        ([neutral(PELAYANAN), neutral(LOYAL)], Rating.SESUAI, "2 catatan netral"),
    ],
)
def test_proposal_rules(facts: list[ObservationFact], rating: Rating, says: str) -> None:
    proposal = propose_behaviour_rating(facts)

    assert isinstance(proposal, Proposal)
    assert proposal.rating is rating
    assert any(says in reason for reason in proposal.reasons), proposal.reasons


def test_reasons_start_with_the_counts() -> None:
    proposal = propose_behaviour_rating(
        [pos(KOMPETEN), pos(KOMPETEN), neg(LOYAL), neutral(V.ADAPTIF)]
    )

    assert proposal.reasons[0] == (
        "2 catatan positif pada 1 nilai, 1 catatan negatif pada 1 nilai, 1 catatan netral."
    )


@pytest.mark.parametrize(
    ("rating", "next_step"),
    [
        (Rating.DI_BAWAH, "perbaikan"),
        (Rating.DI_ATAS, "apresiasi"),
    ],
)
def test_reasons_point_to_a_next_step(rating: Rating, next_step: str) -> None:
    facts = (
        [neg(AKUNTABEL, serious=True)]
        if rating is Rating.DI_BAWAH
        else [pos(v) for v in (PELAYANAN, KOMPETEN, HARMONIS, LOYAL)]
    )

    assert next_step in propose_behaviour_rating(facts).reasons[-1]


def test_the_rules_are_data() -> None:
    lenient = BehaviourRules(serious_values=frozenset(), above_from_values=2)

    assert propose_behaviour_rating(
        [neg(AKUNTABEL, serious=True), pos(KOMPETEN)], lenient
    ).rating is (Rating.SESUAI)
    assert propose_behaviour_rating([pos(KOMPETEN), pos(LOYAL)], lenient).rating is Rating.DI_ATAS


@pytest.mark.parametrize("indicator", [0, 4, -1])
def test_indicator_is_one_to_three(indicator: int) -> None:
    with pytest.raises(ValidationError) as caught:
        pos(KOMPETEN, indicator)

    assert caught.value.field == "indicator"


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (ObservationSign.POSITIF, "Positif"),
        (ObservationSign.NEGATIF, "Negatif"),
        (ObservationSign.NETRAL, "Netral"),
        (ObservationSource.LANGSUNG, "Pengamatan langsung"),
        (ObservationSource.MASYARAKAT, "Masukan masyarakat"),
        (ObservationSource.AUDIT, "Temuan audit"),
        (ObservationSource.REKAN, "Masukan rekan kerja"),
    ],
)
def test_labels(member: ObservationSign | ObservationSource, label: str) -> None:
    assert member.label == label


# --- weak spots across periods ----------------------------------------------------------------

Period = tuple[str, Sequence[ObservationFact], Rating | None]
TW = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def periods(*entries: tuple[Sequence[ObservationFact], Rating | None]) -> list[Period]:
    return [(name, facts, rating) for name, (facts, rating) in zip(TW, entries, strict=False)]


def test_same_indicator_in_two_consecutive_periods() -> None:
    spots = repeated_weak_spots(periods(([neg(PELAYANAN, 2)], None), ([neg(PELAYANAN, 2)], None)))

    assert [(s.value, s.indicator, s.periods) for s in spots] == [
        (PELAYANAN, 2, ("Triwulan I", "Triwulan II"))
    ]
    assert "Ramah, cekatan, solutif, dan dapat diandalkan" in spots[0].action
    assert "Coaching" in spots[0].action


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        # no entries at all
        ([], []),
        # non-consecutive: a clean period in between breaks the run
        ([([neg(KOMPETEN, 1)], None), ([pos(KOMPETEN, 1)], None), ([neg(KOMPETEN, 1)], None)], []),
        ([([neg(KOMPETEN, 1)], None), ([], None), ([neg(KOMPETEN, 1)], None)], []),
        # one period only
        ([([neg(KOMPETEN, 1), neg(KOMPETEN, 1)], Rating.DI_BAWAH)], []),
        # positives and neutrals never count
        ([([pos(LOYAL)], None), ([neutral(LOYAL)], None)], []),
        # different values in consecutive periods are not the same weak spot
        ([([neg(LOYAL)], None), ([neg(ADAPTIF)], None)], []),
        # same value, different indicators: the value is the weak spot
        (
            [([neg(HARMONIS, 1)], None), ([neg(HARMONIS, 3)], None)],
            [(HARMONIS, None, TW[:2])],
        ),
        # same value, no indicator named
        ([([neg(LOYAL)], None), ([neg(LOYAL)], None)], [(LOYAL, None, TW[:2])]),
        # a run of three
        (
            [([neg(ADAPTIF, 3)], None), ([neg(ADAPTIF, 3)], None), ([neg(ADAPTIF, 3)], None)],
            [(ADAPTIF, 3, TW[:3])],
        ),
        # the indicator recurs in part of a longer run of the value: both are named
        (
            [([neg(ADAPTIF, 1)], None), ([neg(ADAPTIF, 3)], None), ([neg(ADAPTIF, 3)], None)],
            [(ADAPTIF, 3, TW[1:3]), (ADAPTIF, None, TW[:3])],
        ),
        # two separate runs
        (
            [([neg(LOYAL)], None), ([neg(LOYAL)], None), ([], None), ([neg(LOYAL)], None)],
            [(LOYAL, None, TW[:2])],
        ),
        # below-expectation ratings
        ([([], Rating.DI_BAWAH), ([], Rating.DI_BAWAH)], [(None, None, TW[:2])]),
        ([([], Rating.DI_BAWAH), ([], Rating.SESUAI), ([], Rating.DI_BAWAH)], []),
        ([([], Rating.DI_BAWAH), ([], None), ([], Rating.DI_BAWAH)], []),
        (
            [([neg(AKUNTABEL, 1)], Rating.DI_BAWAH), ([neg(AKUNTABEL, 1)], Rating.DI_BAWAH)],
            [(AKUNTABEL, 1, TW[:2]), (None, None, TW[:2])],
        ),
    ],
)
def test_weak_spots(
    entries: list[tuple[Sequence[ObservationFact], Rating | None]],
    expected: list[tuple[BehaviourValue | None, int | None, tuple[str, ...]]],
) -> None:
    spots = repeated_weak_spots(periods(*entries))

    assert [(s.value, s.indicator, s.periods) for s in spots] == expected
    assert all(isinstance(s, WeakSpot) and s.action for s in spots)


def test_weak_spot_actions_name_the_subject_and_periods() -> None:
    value_spot, rating_spot = repeated_weak_spots(
        periods(([neg(LOYAL)], Rating.DI_BAWAH), ([neg(LOYAL, 2), neg(LOYAL, 3)], Rating.DI_BAWAH))
    )

    assert "Loyal" in value_spot.action
    assert "Triwulan I dan Triwulan II" in value_spot.action
    assert "rencana pengembangan" in rating_spot.action
