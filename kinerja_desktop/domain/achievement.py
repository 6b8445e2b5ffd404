"""Achievement of indicators and the proposed Rating Hasil Kerja, with its reasons.

The regulation gives the shape of the rule (reference §3.1, from a BKN slide, confidence [M]):
above expectation when most results are above and no main result is below; as expected when
most meet and only a small part of the main results falls below; below when most are below.
The numbers that make "most", "a small part", "above" and "meets" concrete are an app-level
choice, kept as data in `ResultRules` so that an office or a later regulation can change them.

A unit head (pimpinan unit kerja) is the exception: SE MenPANRB 3/2023 sets the organisation's
achievement as their Rating Hasil Kerja, so their proposal follows the unit's recorded
Predikat Kinerja Organisasi (`propose_head_rating`), and a decision that differs is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja_desktop.domain.predikat import OrgPredikat, head_rating
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import RhkKind

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ResultRules:
    """The numbers behind the proposal (percentages are of the target).

    Attributes:
        cap: Achievement above this counts as this much, so one runaway figure cannot hide
            a weak indicator beside it (PermenPANRB 8/2021 also stopped counting at 120).
        above_from: A result at or above this is above expectation.
        meets_from: A result at or above this (and below ``above_from``) meets expectation.
        most: "Most" means more than this share of the results.
        small_part: "A small part" means at most this share of the main results.
        zero_target_met: A lower-is-better indicator whose target is zero ("0 temuan") and
            whose realisation is zero meets it exactly.
        zero_target_missed: The same indicator with any realisation above zero. The
            lower-is-better formula (2 - realisation / target) falls to its floor as the target
            nears zero, so the limit is kept: any finding against "0 temuan" misses it.
    """

    cap: Decimal = Decimal(120)
    above_from: Decimal = Decimal(110)
    meets_from: Decimal = Decimal(100)
    most: Decimal = Decimal("0.5")
    small_part: Decimal = Decimal("0.25")
    zero_target_met: Decimal = Decimal(100)
    zero_target_missed: Decimal = Decimal(0)


DEFAULT_RULES = ResultRules()


def achievement(
    target: Decimal,
    realisation: Decimal,
    *,
    lower_is_better: bool,
    rules: ResultRules = DEFAULT_RULES,
) -> Decimal:
    """Return the achievement (capaian) in percent, capped, rounded to two decimals.

    Higher is better: realisation / target x 100. Lower is better (days to serve, complaints):
    (2 - realisation / target) x 100, so meeting the target exactly is 100 and every unit below
    it counts up (PermenPANRB 8/2021); never below 0. A zero target is allowed only when lower
    is better ("0 temuan"): a zero realisation meets it (``rules.zero_target_met``), anything
    above misses it (``rules.zero_target_missed``); see docs/rules.md.

    Raises:
        ValueError: the target is below zero, or zero on a higher-is-better indicator, or the
            realisation is negative.
    """
    if target < 0 or (target == 0 and not lower_is_better):
        raise ValueError("target must be above zero")
    if realisation < 0:
        raise ValueError("realisation must not be negative")
    if target == 0:
        fixed = rules.zero_target_met if realisation == 0 else rules.zero_target_missed
        return min(fixed, rules.cap).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    ratio = realisation / target
    percent = (2 - ratio) * HUNDRED if lower_is_better else ratio * HUNDRED
    bounded = min(max(percent, Decimal(0)), rules.cap)
    return bounded.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def level_of(percent: Decimal, rules: ResultRules = DEFAULT_RULES) -> Rating:
    """Where one achievement stands against expectation."""
    if percent >= rules.above_from:
        return Rating.DI_ATAS
    if percent >= rules.meets_from:
        return Rating.SESUAI
    return Rating.DI_BAWAH


def result_achievement(percents: Sequence[Decimal]) -> Decimal:
    """One RHK's achievement: the mean of its indicators' (already capped) achievements."""
    if not percents:
        raise ValueError("no indicators")
    mean = sum(percents, Decimal(0)) / len(percents)
    return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ResultLevel:
    """One RHK's standing in a period: its kind and its level against expectation."""

    kind: RhkKind
    level: Rating
    label: str  # how the reasons name it, e.g. "RHK 3"


@dataclass(frozen=True)
class Proposal:
    rating: Rating
    reasons: tuple[str, ...]


def _share(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def propose_rating(results: Sequence[ResultLevel], rules: ResultRules = DEFAULT_RULES) -> Proposal:
    """Propose the overall Rating Hasil Kerja from the results' levels, saying why.

    Below expectation when most results, or most main results, are below; above when most
    results are above and no main result is below; as expected otherwise. A share of main
    results below that is more than "a small part" keeps the proposal at as-expected (the
    regulation's text stops there) but says so, for the supervisor to weigh.

    Raises:
        ValueError: there is no result to judge.
    """
    if not results:
        raise ValueError("no results")
    total = len(results)
    above = sum(r.level is Rating.DI_ATAS for r in results)
    below = sum(r.level is Rating.DI_BAWAH for r in results)
    main = [r for r in results if r.kind is RhkKind.UTAMA]
    main_below = [r for r in main if r.level is Rating.DI_BAWAH]
    counts = (
        f"{above} dari {total} RHK di atas ekspektasi, {total - above - below} sesuai, "
        f"{below} di bawah."
    )
    names = ", ".join(r.label for r in main_below)
    if _share(below, total) > rules.most:
        return Proposal(Rating.DI_BAWAH, (counts, "Sebagian besar RHK di bawah ekspektasi."))
    if _share(len(main_below), len(main)) > rules.most:
        return Proposal(
            Rating.DI_BAWAH, (counts, f"Sebagian besar RHK utama di bawah ekspektasi: {names}.")
        )
    if _share(above, total) > rules.most and not main_below:
        return Proposal(
            Rating.DI_ATAS,
            (counts, "Sebagian besar RHK di atas ekspektasi dan tidak ada RHK utama di bawah."),
        )
    reasons = [counts]
    if _share(total - below, total) > rules.most:
        reasons.append("Sebagian besar RHK memenuhi ekspektasi.")
    else:
        reasons.append("RHK yang memenuhi ekspektasi dan yang di bawahnya berimbang.")
    if main_below and _share(len(main_below), len(main)) <= rules.small_part:
        reasons.append(f"RHK utama di bawah ekspektasi hanya sebagian kecil: {names}.")
    elif main_below:
        reasons.append(
            f"RHK utama di bawah ekspektasi lebih dari sebagian kecil: {names}; "
            "pertimbangkan sebelum menetapkan."
        )
    return Proposal(Rating.SESUAI, tuple(reasons))


#: Where the unit-head rule comes from, as the reasons and warnings cite it.
HEAD_RULE = "SE MenPANRB 3/2023"


def propose_head_rating(unit: str, org: OrgPredikat, from_results: Proposal | None) -> Proposal:
    """Propose a unit head's Rating Hasil Kerja: it follows the organisation predikat of ``unit``.

    ``from_results`` (the proposal the RHK alone would give) is kept as a note when it differs,
    for the penilai to see what the results said.
    """
    rating = head_rating(org)
    reasons = [
        f"Mengikuti predikat kinerja organisasi {unit} ({org.label}): Rating Hasil Kerja "
        f"pimpinan unit kerja ditetapkan dari capaian organisasinya ({HEAD_RULE})."
    ]
    if from_results is not None and from_results.rating is not rating:
        reasons.append(
            f"Dari realisasi RHK saja usulannya {from_results.rating.label}; bagi pimpinan unit "
            "kerja yang dipakai predikat organisasi."
        )
    return Proposal(rating, tuple(reasons))


def head_waiting(unit: str, period_label: str) -> str:
    """Why a unit head has no proposal yet: the organisation predikat is not recorded."""
    return (
        f"Belum ada usulan rating: pegawai ini pimpinan unit kerja {unit}, yang Rating Hasil "
        f"Kerjanya mengikuti predikat kinerja organisasi ({HEAD_RULE}), dan predikat kinerja "
        f"organisasi {unit} untuk {period_label} belum dicatat. Catat dulu di halaman Sebaran "
        "Predikat."
    )


def head_rating_warning(unit: str, org: OrgPredikat, final: Rating) -> str | None:
    """The warning when a unit head's decided rating is not the one their unit's predikat gives."""
    expected = head_rating(org)
    if final is expected:
        return None
    return (
        f"Rating Hasil Kerja yang ditetapkan ({final.label}) berbeda dari predikat kinerja "
        f"organisasi {unit} ({org.label}, yaitu {expected.label}); bagi pimpinan unit kerja "
        f"rating mengikuti capaian organisasinya ({HEAD_RULE})."
    )
