"""Behaviour observations (catatan perilaku), a proposed Rating Perilaku Kerja, and weak spots.

The regulation has the penilai give one overall Rating Perilaku Kerja, with no per-value score
and no weighting (reference §2). The proposal here only sums up the journal for the penilai,
who decides. Its rules are an app-level choice, kept as data in `BehaviourRules`, checked in
this order:

1. No entries: as expected; the rating rests on what the penilai saw at work.
2. A serious negative entry on a value in ``serious_values`` (Akuntabel, Loyal: integrity and
   loyalty) gives below expectation.
3. Negative entries in ``below_from_values`` (3) or more different values give below.
4. More negative than positive entries, with at least ``below_from_negatives`` (2) negatives,
   gives below. One negative note alone does not.
5. Positive entries in ``above_from_values`` (4) or more different values, and no negative
   entry, gives above.
6. Anything else is as expected, naming the values with negative entries for follow-up.

Neutral entries count only as "there is a record". Every reason is in Indonesian and points to
a next step, because the journal serves development as much as appraisal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from kinerja_desktop.domain.achievement import Proposal
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label


class ObservationSign(StrEnum):
    POSITIF = "POSITIF"
    NEGATIF = "NEGATIF"
    NETRAL = "NETRAL"

    @property
    def label(self) -> str:
        return self.value.title()


class ObservationSource(StrEnum):
    """Where the penilai learned of the behaviour."""

    LANGSUNG = "LANGSUNG"
    MASYARAKAT = "MASYARAKAT"
    AUDIT = "AUDIT"
    REKAN = "REKAN"

    @property
    def label(self) -> str:
        return {
            "LANGSUNG": "Pengamatan langsung",
            "MASYARAKAT": "Masukan masyarakat",
            "AUDIT": "Temuan audit",
            "REKAN": "Masukan rekan kerja",
        }[self.value]


INDICATORS_PER_VALUE = 3


@dataclass(frozen=True)
class ObservationFact:
    """What the rules need of one journal entry.

    Attributes:
        value: The BerAKHLAK core value the entry is about.
        sign: Positive, negative or neutral.
        serious: A grave matter (e.g. misuse of office); weighed only on negative entries.
        indicator: The panduan perilaku (1 to 3) within the value, when the entry names one.

    Raises:
        ValidationError: ``indicator`` is not 1 to 3 (field "indicator").
    """

    value: BehaviourValue
    sign: ObservationSign
    serious: bool = False
    indicator: int | None = None

    def __post_init__(self) -> None:
        if self.indicator is not None and not 1 <= self.indicator <= INDICATORS_PER_VALUE:
            raise ValidationError(
                f"Nomor panduan perilaku harus 1 sampai {INDICATORS_PER_VALUE}.",
                field="indicator",
            )


@dataclass(frozen=True)
class BehaviourRules:
    """The numbers behind the proposal (see the module docstring for the order).

    Attributes:
        serious_values: A serious negative entry on one of these gives below expectation.
        below_from_values: Negative entries in this many different values give below.
        below_from_negatives: "More negatives than positives" gives below only from this many
            negatives.
        above_from_values: Positive entries in this many different values, and no negative,
            give above.
    """

    serious_values: frozenset[BehaviourValue] = field(
        default=frozenset({BehaviourValue.AKUNTABEL, BehaviourValue.LOYAL})
    )
    below_from_values: int = 3
    below_from_negatives: int = 2
    above_from_values: int = 4


DEFAULT = BehaviourRules()


def _names(values: Sequence[BehaviourValue] | set[BehaviourValue]) -> str:
    return ", ".join(behaviour_label(v) for v in BehaviourValue if v in values)


def propose_behaviour_rating(
    facts: Sequence[ObservationFact], rules: BehaviourRules = DEFAULT
) -> Proposal:
    """Propose the Rating Perilaku Kerja from the period's journal entries, saying why."""
    if not facts:
        return Proposal(
            Rating.SESUAI,
            (
                "Belum ada catatan perilaku pada periode ini.",
                "Rating bertumpu pada pengamatan dan penilaian Pejabat Penilai Kinerja; "
                "catat perilaku yang menonjol agar penilaian berikutnya punya bukti.",
            ),
        )
    positives = [f for f in facts if f.sign is ObservationSign.POSITIF]
    negatives = [f for f in facts if f.sign is ObservationSign.NEGATIF]
    positive_values = {f.value for f in positives}
    negative_values = {f.value for f in negatives}
    counts = (
        f"{len(positives)} catatan positif pada {len(positive_values)} nilai, "
        f"{len(negatives)} catatan negatif pada {len(negative_values)} nilai, "
        f"{len(facts) - len(positives) - len(negatives)} catatan netral."
    )
    serious = {f.value for f in negatives if f.serious and f.value in rules.serious_values}
    if serious:
        return Proposal(
            Rating.DI_BAWAH,
            (
                counts,
                f"Ada catatan negatif yang serius pada nilai {_names(serious)}.",
                "Bahas bukti catatan itu bersama pegawai, dengarkan tanggapannya, dan sepakati "
                "langkah perbaikan yang dipantau.",
            ),
        )
    if len(negative_values) >= rules.below_from_values:
        return Proposal(
            Rating.DI_BAWAH,
            (
                counts,
                f"Catatan negatif tersebar di {len(negative_values)} nilai: "
                f"{_names(negative_values)}.",
                "Pilih satu atau dua nilai yang paling mendesak sebagai fokus pembinaan "
                "periode berikutnya.",
            ),
        )
    if len(negatives) > len(positives) and len(negatives) >= rules.below_from_negatives:
        return Proposal(
            Rating.DI_BAWAH,
            (
                counts,
                "Catatan negatif lebih banyak daripada catatan positif.",
                f"Berikan umpan balik tentang nilai {_names(negative_values)} dan catat juga "
                "kemajuan yang terlihat.",
            ),
        )
    if not negatives and len(positive_values) >= rules.above_from_values:
        return Proposal(
            Rating.DI_ATAS,
            (
                counts,
                f"Perilaku positif tercatat pada {len(positive_values)} nilai tanpa catatan "
                "negatif.",
                "Sampaikan apresiasi dan pertimbangkan pegawai menjadi teladan atau mentor "
                "bagi rekan.",
            ),
        )
    reasons = [counts, "Perilaku secara umum sesuai ekspektasi."]
    if negatives:
        reasons.append(
            f"Ada catatan negatif pada nilai {_names(negative_values)}: bicarakan dengan "
            "pegawai dan pantau perbaikannya."
        )
    return Proposal(Rating.SESUAI, tuple(reasons))


@dataclass(frozen=True)
class WeakSpot:
    """A behaviour that stayed weak over consecutive periods, with a development action.

    Attributes:
        value: The core value; None when the spot is the overall rating.
        indicator: The panduan perilaku (1 to 3) when the same one recurred; else None.
        periods: The consecutive periods, in order, by the names the caller gave.
        action: A proposed development action, in Indonesian.
    """

    value: BehaviourValue | None
    indicator: int | None
    periods: tuple[str, ...]
    action: str


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Index ranges [start, end) of two or more consecutive True flags."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if index - start >= 2:
                runs.append((start, index))
            start = None
    return runs


def _span(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" dan {names[-1]}"


def _indicator_action(value: BehaviourValue, indicator: int, names: tuple[str, ...]) -> str:
    text = behaviour_indicators(value)[indicator - 1]
    return (
        f'Coaching tentang "{text}" (nilai {behaviour_label(value)}), yang tercatat negatif pada '
        f"{_span(names)}: bahas contoh kejadiannya, sepakati satu perilaku yang diubah, dan "
        "tinjau kembali pada periode berikutnya."
    )


def _value_action(value: BehaviourValue, names: tuple[str, ...]) -> str:
    return (
        f"Coaching nilai {behaviour_label(value)}, yang tercatat negatif pada {_span(names)}: "
        "tuliskan ekspektasi yang jelas bersama pegawai dan beri umpan balik rutin."
    )


def _rating_action(names: tuple[str, ...]) -> str:
    return (
        f"Rating Perilaku Kerja di bawah ekspektasi pada {_span(names)}: susun rencana "
        "pengembangan perilaku (coaching atau mentoring) bersama pegawai dan pantau "
        "perkembangannya setiap bulan."
    )


def repeated_weak_spots(
    periods: Sequence[tuple[str, Sequence[ObservationFact], Rating | None]],
) -> list[WeakSpot]:
    """Find behaviour that stayed weak in two or more consecutive periods.

    Args:
        periods: In time order, each period's name (e.g. "Triwulan I"), its journal entries, and
            its Rating Perilaku Kerja (None when not yet rated). Neighbours in the sequence are
            consecutive; a period without a negative entry breaks a run.

    Returns:
        Per value (in BerAKHLAK order): a spot for each indicator with negative entries in
        consecutive periods, then a spot for the value itself when its run of negative entries
        is not already one indicator's run; finally a spot for each run of below-expectation
        ratings.
    """
    names = [name for name, _, _ in periods]
    spots: list[WeakSpot] = []
    for value in BehaviourValue:
        negatives = [
            [f for f in facts if f.value is value and f.sign is ObservationSign.NEGATIF]
            for _, facts, _ in periods
        ]
        covered: set[tuple[int, int]] = set()
        for indicator in range(1, INDICATORS_PER_VALUE + 1):
            flags = [any(f.indicator == indicator for f in entries) for entries in negatives]
            for start, end in _runs(flags):
                run = tuple(names[start:end])
                spots.append(
                    WeakSpot(value, indicator, run, _indicator_action(value, indicator, run))
                )
                covered.add((start, end))
        for start, end in _runs([bool(entries) for entries in negatives]):
            if (start, end) not in covered:
                run = tuple(names[start:end])
                spots.append(WeakSpot(value, None, run, _value_action(value, run)))
    for start, end in _runs([rating is Rating.DI_BAWAH for _, _, rating in periods]):
        run = tuple(names[start:end])
        spots.append(WeakSpot(None, None, run, _rating_action(run)))
    return spots
