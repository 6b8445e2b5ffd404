"""The unit's spread of staff predikat checked against the Kurva Distribusi (SE MenPANRB 3/2023).

The SE ties the spread of Predikat Kinerja Pegawai in a unit to the unit's own predikat
(reference §4): e.g. for an organisation rated *Baik*, at most 70% of staff are Baik and there must
be someone with Butuh Perbaikan and/or Kurang/Misconduct. The SE calls this guidance
(*pertimbangan*), so every breach is a warning (a `Finding`) and never an exception. The rules
are data in ``kinerja_desktop/reference/predikat.json``.

Small units. The SE gives percentages only, and a unit of five cannot have 10% of anyone. The app
turns each percentage into a number of people as follows (numbers in `SmallUnitRule`):

1. A maximum is rounded down (70% of 10 = 7, of 12 = 8, of 3 = 2), but never below
   ``maximum_at_least`` (1) person: "at most 10%" of 5 allows one Sangat Baik, not none. Only a
   "none" rule forbids a predikat outright.
2. A minimum is rounded up (60% of 10 = 6, of 9 = 6, of 5 = 3; 10% of anything from 1 to 10 = 1),
   so a "min. 10%" or "must have" rule asks for at least one person whenever the unit has one.
3. Minimums never ask for more people than exist. The headline predikat (the one the SE says
   most staff hold) is served first: its own minimum, or ``headline_keeps`` (1) person when its
   rule is a maximum. Each further minimum, in the order of the SE's table, gets at most the people
   left over. So in a unit of two rated *Kurang*, 60% Kurang/Misconduct asks for 2 and "min. 10%
   Butuh Perbaikan" is cut to 0; in a unit of one rated *Baik* the "must have Butuh Perbaikan
   and/or Kurang/Misconduct" rule is cut to 0, so nobody is pushed to a lower predikat just to
   fill the curve.

For 10 or more people, rules 1 and 2 are exactly the percentage test (``count / n <= share`` is
``count <= floor(share x n)``), and with the SE's numbers rule 3 only ever cuts at n <= 2; the
report notes the rounding when the unit has fewer than ``below`` (10) people and names every cut.

"Sebagian besar". Where the SE says *sebagian besar (maks. 70%)* (Istimewa, Baik), the headline
predikat must also be the largest group (a `RuleKind.LARGEST` rule): ten Sangat Kurang under an
Istimewa organisation, or 8 Sangat Baik, 1 Baik and 1 Butuh Perbaikan under a Baik one, pass the
70% maximum but are findings. A tie with another group is not.

The expected curve per organisation predikat is an illustration for the chart (shapes the app
chose to satisfy the rules), not a figure from the SE.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from kinerja_desktop.domain.predikat import OrgPredikat, Predikat
from kinerja_desktop.domain.reference_data import load

#: The chart's x-axis, as the official curve draws it: worst on the left.
CURVE_AXIS: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG_MISCONDUCT,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)

#: The caption that goes with an expected curve wherever it is shown.
CURVE_CAPTION = (
    "Bentuk kurva hanya ilustrasi yang memenuhi panduan SE MenPANRB 3/2023, bukan angka resmi."
)

_HUNDRED = Decimal(100)


class RuleKind(StrEnum):
    MAX = "max"
    """At most ``percent`` of the staff hold one of the predikat."""
    MIN = "min"
    """At least ``percent`` of the staff hold one of the predikat."""
    AT_LEAST_ONE = "at_least_one"
    """Someone holds one of the predikat."""
    NONE = "none"
    """Nobody holds any of the predikat."""
    LARGEST = "largest"
    """The predikat is the largest group: no other predikat is held by more people."""


@dataclass(frozen=True)
class DistributionRule:
    """One line of the SE's table, e.g. "Sangat Baik paling banyak 70%".

    Attributes:
        kind: What the rule asks.
        predikat: The predikat it counts together ("Kurang/Misconduct dan/atau Butuh
            Perbaikan" is one rule over two predikat).
        percent: The share for MAX and MIN, in percent; unused (0) for the other kinds.
    """

    kind: RuleKind
    predikat: tuple[Predikat, ...]
    percent: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if not self.predikat:
            raise ValueError("a rule needs at least one predikat")
        if not 0 <= self.percent <= _HUNDRED:
            raise ValueError("percent must be 0..100")

    @property
    def subject(self) -> str:
        """The predikat it counts, e.g. "Kurang/Misconduct dan/atau Butuh Perbaikan"."""
        return " dan/atau ".join(p.label for p in self.predikat)

    def describe(self) -> str:
        """The rule in words, e.g. "Sangat Baik paling banyak 70%"."""
        match self.kind:
            case RuleKind.MAX:
                return f"{self.subject} paling banyak {_percent_text(self.percent)}"
            case RuleKind.MIN:
                return f"{self.subject} paling sedikit {_percent_text(self.percent)}"
            case RuleKind.AT_LEAST_ONE:
                return f"harus ada {self.subject}"
            case RuleKind.NONE:
                return f"tidak ada {self.subject}"
            case RuleKind.LARGEST:
                return f"{self.subject} kelompok terbesar (sebagian besar pegawai)"


@dataclass(frozen=True)
class OrgRules:
    """The rules for one organisation predikat.

    Attributes:
        org: The organisation predikat.
        headline: The predikat the SE says most staff hold; served first in small units.
        rules: The SE's lines, in the SE's order.
        curve: Illustrative percent per predikat for the chart, in `CURVE_AXIS` order.
    """

    org: OrgPredikat
    headline: Predikat
    rules: tuple[DistributionRule, ...]
    curve: tuple[tuple[Predikat, Decimal], ...]


@dataclass(frozen=True)
class SmallUnitRule:
    """The app's rounding rule for turning percentages into people (see the module docstring).

    Attributes:
        below: Units with fewer people than this get a note that the rounding applies.
        maximum_at_least: A maximum never allows fewer people than this (when the unit has
            them); only a "none" rule forbids a predikat.
        headline_keeps: People kept for the headline predikat, when its rule is a maximum,
            before further minimums take their share.
    """

    below: int = 10
    maximum_at_least: int = 1
    headline_keeps: int = 1


@dataclass(frozen=True)
class DistributionRules:
    by_org: tuple[OrgRules, ...]
    small_units: SmallUnitRule = SmallUnitRule()

    def for_org(self, org: OrgPredikat) -> OrgRules:
        """The rules for ``org``.

        Raises:
            KeyError: There are none for it.
        """
        for entry in self.by_org:
            if entry.org is org:
                return entry
        raise KeyError(org)


def load_rules(name: str = "predikat") -> DistributionRules:
    """Read the distribution rules from the reference JSON ``name``."""
    data: dict[str, Any] = load(name)["distribution"]
    small = data["small_units"]
    return DistributionRules(
        by_org=tuple(_org_rules(entry) for entry in data["by_org"]),
        small_units=SmallUnitRule(
            below=int(small["below"]),
            maximum_at_least=int(small["maximum_at_least"]),
            headline_keeps=int(small["headline_keeps"]),
        ),
    )


def _org_rules(entry: dict[str, Any]) -> OrgRules:
    curve = {Predikat(code): Decimal(str(percent)) for code, percent in entry["curve"].items()}
    return OrgRules(
        org=OrgPredikat(entry["org"]),
        headline=Predikat(entry["headline"]),
        rules=tuple(
            DistributionRule(
                kind=RuleKind(rule["kind"]),
                predikat=tuple(Predikat(code) for code in rule["predikat"]),
                percent=Decimal(str(rule.get("percent", 0))),
            )
            for rule in entry["rules"]
        ),
        curve=tuple((p, curve.get(p, Decimal(0))) for p in CURVE_AXIS),
    )


DEFAULT = load_rules()


@dataclass(frozen=True)
class Limit:
    """A rule turned into people for a unit of a given size.

    Attributes:
        rule: The rule.
        people: The most (MAX, NONE) or the fewest (MIN, AT_LEAST_ONE) people the rule allows
            in this unit, after the small-unit rule.
        rounded: The plain rounding before the small-unit rule's floor for maximums and cut
            for minimums; equal to ``people`` unless the unit is small.
    """

    rule: DistributionRule
    people: int
    rounded: int

    @property
    def adjusted(self) -> bool:
        return self.people != self.rounded

    def is_breached_by(self, actual: int) -> bool:
        """Whether ``actual`` people breach the rule; a LARGEST rule is checked on the counts."""
        if self.rule.kind is RuleKind.LARGEST:
            return False
        if self.rule.kind in {RuleKind.MAX, RuleKind.NONE}:
            return actual > self.people
        return actual < self.people


@dataclass(frozen=True)
class CountRange:
    """How many people may hold one predikat, taking it on its own."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class Finding:
    """One breach of the curve, with its numbers; a warning for the penilai to weigh.

    Attributes:
        rule: The rule breached.
        actual: How many people hold the rule's predikat.
        limit: The number of people the rule allows (MAX, NONE) or asks for (MIN,
            AT_LEAST_ONE) in this unit.
        message: E.g. "Sangat Baik 8 dari 10 pegawai (80%), batas paling banyak 70% (7 orang)."
    """

    rule: DistributionRule
    actual: int
    limit: int
    message: str


@dataclass(frozen=True)
class DistributionReport:
    """The check of a unit's spread against its organisation predikat.

    Attributes:
        org: The organisation predikat checked against.
        total: People in the unit with a predikat.
        counts: People per predikat (every predikat present, zero included).
        limits: Each rule as a number of people for this unit.
        allowed: Per predikat, the fewest and most people the rules allow when it is taken on
            its own (a bound may not be reachable together with another predikat's bound).
        findings: The breaches; empty when the spread follows the curve.
        notes: Things the penilai should know that are not breaches (empty unit, small-unit
            rounding, rules cut for size).
        curve: Illustrative expected percent per predikat, in `CURVE_AXIS` order; show it with
            `CURVE_CAPTION`.
    """

    org: OrgPredikat
    total: int
    counts: Mapping[Predikat, int]
    limits: tuple[Limit, ...]
    allowed: Mapping[Predikat, CountRange]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]
    curve: Mapping[Predikat, Decimal]

    @property
    def ok(self) -> bool:
        """True when there is no finding."""
        return not self.findings


def _people(percent: Decimal, total: int, rounding: str) -> int:
    return int((percent * total / _HUNDRED).to_integral_value(rounding=rounding))


def _headline_kept(org_rules: OrgRules, total: int, small: SmallUnitRule) -> int:
    for rule in org_rules.rules:
        if rule.kind is RuleKind.MIN and rule.predikat == (org_rules.headline,):
            return min(_people(rule.percent, total, ROUND_CEILING), total)
    return min(small.headline_keeps, total)


def limits_for(
    org: OrgPredikat, total: int, rules: DistributionRules = DEFAULT
) -> tuple[Limit, ...]:
    """Turn ``org``'s rules into numbers of people for a unit of ``total`` (module docstring).

    Raises:
        ValueError: ``total`` is negative.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    org_rules = rules.for_org(org)
    small = rules.small_units
    kept = _headline_kept(org_rules, total, small)
    limits: list[Limit] = []
    for rule in org_rules.rules:
        if rule.kind is RuleKind.LARGEST:
            # Depends on how the others are spread, not on the unit's size: see _largest.
            limits.append(Limit(rule, 0, 0))
        elif rule.kind is RuleKind.NONE:
            limits.append(Limit(rule, 0, 0))
        elif rule.kind is RuleKind.MAX:
            rounded = _people(rule.percent, total, ROUND_FLOOR)
            limits.append(Limit(rule, max(rounded, min(small.maximum_at_least, total)), rounded))
        elif rule.kind is RuleKind.MIN and rule.predikat == (org_rules.headline,):
            rounded = _people(rule.percent, total, ROUND_CEILING)
            limits.append(Limit(rule, min(rounded, total), rounded))
        else:
            if rule.kind is RuleKind.MIN:
                rounded = _people(rule.percent, total, ROUND_CEILING)
            else:
                rounded = min(1, total)
            people = max(0, min(rounded, total - kept))
            kept += people
            limits.append(Limit(rule, people, rounded))
    return tuple(limits)


def allowed_counts(
    org: OrgPredikat, total: int, rules: DistributionRules = DEFAULT
) -> Mapping[Predikat, CountRange]:
    """Per predikat, the fewest and most of ``total`` people that may hold it under ``org``.

    Each predikat is taken on its own: its own minimum and maximum, less the people other
    rules' minimums need elsewhere, and at least what the others' maximums leave over.

    Raises:
        ValueError: ``total`` is negative.
    """
    return _allowed(limits_for(org, total, rules), total)


def _allowed(limits: tuple[Limit, ...], total: int) -> Mapping[Predikat, CountRange]:
    lowest = dict.fromkeys(Predikat, 0)
    highest = dict.fromkeys(Predikat, total)
    for limit in limits:
        kind, members = limit.rule.kind, limit.rule.predikat
        if kind in {RuleKind.MAX, RuleKind.NONE}:  # a shared maximum caps each member too
            for p in members:
                highest[p] = min(highest[p], limit.people)
        if kind is RuleKind.MIN and len(members) == 1:
            lowest[members[0]] = max(lowest[members[0]], limit.people)
    needs = [
        limit
        for limit in limits
        if limit.rule.kind in {RuleKind.MIN, RuleKind.AT_LEAST_ONE} and limit.people
    ]
    for p in Predikat:
        # People other rules need elsewhere; overlapping sets are counted once (a safe bound).
        used: set[Predikat] = set()
        elsewhere = 0
        for limit in needs:
            needed = set(limit.rule.predikat)
            if p not in needed and not needed & used:
                used |= needed
                elsewhere += limit.people
        highest[p] = max(0, min(highest[p], total - elsewhere))
    for limit in limits:
        if limit.rule.kind is RuleKind.LARGEST and len(limit.rule.predikat) == 1:
            _bound_largest(limit.rule.predikat[0], needs, total, lowest, highest)
    for p in Predikat:
        left_over = total - sum(highest[q] for q in Predikat if q is not p)
        lowest[p] = min(max(lowest[p], left_over), highest[p])
    return MappingProxyType({p: CountRange(lowest[p], highest[p]) for p in Predikat})


def _bound_largest(
    head: Predikat,
    needs: list[Limit],
    total: int,
    lowest: dict[Predikat, int],
    highest: dict[Predikat, int],
) -> None:
    """Narrow the bounds for a rule that ``head`` is the largest group.

    Another predikat can have at most as many as ``head`` (so at most half of the people the
    other rules leave to the two of them, and no more than ``head``'s own maximum), and
    ``head`` needs at least an even share of the people among the predikat that may be held.
    """
    for p in Predikat:
        if p is head:
            continue
        elsewhere = sum(
            limit.people
            for limit in needs
            if p not in limit.rule.predikat and head not in limit.rule.predikat
        )
        highest[p] = min(highest[p], highest[head], max(0, total - elsewhere) // 2)
    holders = sum(1 for p in Predikat if highest[p] > 0 or p is head)
    lowest[head] = max(lowest[head], -(-total // holders))


def _percent_text(value: Decimal) -> str:
    """E.g. 70 -> "70%", 66.666 -> "66,7%" (Indonesian decimal comma)."""
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return f"{int(rounded)}%"
    return f"{rounded}%".replace(".", ",")


def _finding(limit: Limit, actual: int, total: int) -> Finding:
    rule = limit.rule
    share = _percent_text(Decimal(actual) * _HUNDRED / total)
    head = f"{rule.subject} {actual} dari {total} pegawai ({share})"
    match rule.kind:
        case RuleKind.MAX:
            tail = f"batas paling banyak {_percent_text(rule.percent)} ({limit.people} orang)"
        case RuleKind.MIN:
            tail = f"batas paling sedikit {_percent_text(rule.percent)} ({limit.people} orang)"
        case RuleKind.AT_LEAST_ONE:
            tail = f"harus ada paling sedikit {limit.people} orang"
        case RuleKind.NONE:
            tail = "seharusnya tidak ada"
        case RuleKind.LARGEST:  # pragma: no cover - reported by _largest
            tail = "seharusnya kelompok terbesar"
    return Finding(rule, actual, limit.people, f"{head}, {tail}.")


def _largest(rule: DistributionRule, counts: Mapping[Predikat, int], total: int) -> Finding | None:
    """The finding when another predikat is held by more people than the rule's predikat.

    SE MenPANRB 3/2023 says "sebagian besar (maksimal 70%)": the headline predikat is held by
    most staff, so besides its maximum it must be the largest group. A tie is not a breach (in
    a small unit two equal groups are common and neither is "pushed" by the curve).
    """
    actual = sum(counts[p] for p in rule.predikat)
    others = [(counts[p], p) for p in CURVE_AXIS if p not in rule.predikat and counts[p] > actual]
    if not others:
        return None
    most, biggest = max(others, key=lambda item: item[0])
    share = _percent_text(Decimal(actual) * _HUNDRED / total)
    big_share = _percent_text(Decimal(most) * _HUNDRED / total)
    message = (
        f"{rule.subject} {actual} dari {total} pegawai ({share}), padahal sebagian besar "
        f"pegawai seharusnya {rule.subject}; kelompok terbesar {biggest.label} {most} orang "
        f"({big_share})."
    )
    return Finding(rule, actual, most, message)


def _notes(
    org_rules: OrgRules, limits: tuple[Limit, ...], total: int, small: SmallUnitRule
) -> list[str]:
    notes: list[str] = []
    if 0 < total < small.below:
        notes.append(
            f"Unit kecil ({total} pegawai): persentase diubah menjadi jumlah orang. Batas paling "
            f"banyak dibulatkan ke bawah, tetapi tidak kurang dari {small.maximum_at_least} "
            "orang; batas paling sedikit dibulatkan ke atas."
        )
    for limit in limits:
        if limit.rule.kind in {RuleKind.MIN, RuleKind.AT_LEAST_ONE} and limit.adjusted:
            outcome = (
                "aturan ini tidak diperiksa"
                if limit.people == 0
                else f"batasnya menjadi {limit.people} orang"
            )
            notes.append(
                f'Aturan "{limit.rule.describe()}" meminta {limit.rounded} orang, tetapi unit '
                f"ini hanya {total} pegawai dan predikat {org_rules.headline.label} didahulukan; "
                f"{outcome}."
            )
    return notes


def check_distribution(
    org: OrgPredikat, counts: Mapping[Predikat, int], rules: DistributionRules = DEFAULT
) -> DistributionReport:
    """Check a unit's spread of staff predikat against the curve for its organisation predikat.

    Args:
        org: The unit's Predikat Kinerja Organisasi.
        counts: People per predikat; a missing predikat counts as zero.
        rules: The curve rules and the small-unit rule.

    Returns:
        The report: each breach as a finding with its numbers, the limits in people, the
        allowed range per predikat, notes, and the illustrative curve. An empty unit has no
        findings and a note saying so.

    Raises:
        ValueError: A count is negative (a programming error, not a breach).
    """
    if any(n < 0 for n in counts.values()):
        raise ValueError("counts must not be negative")
    full = {p: int(counts.get(p, 0)) for p in Predikat}
    total = sum(full.values())
    org_rules = rules.for_org(org)
    limits = limits_for(org, total, rules)
    findings: list[Finding] = []
    notes: list[str]
    if total == 0:
        notes = ["Belum ada pegawai dengan predikat di unit ini; sebaran belum dapat diperiksa."]
    else:
        notes = _notes(org_rules, limits, total, rules.small_units)
        for limit in limits:
            actual = sum(full[p] for p in limit.rule.predikat)
            if limit.is_breached_by(actual):
                findings.append(_finding(limit, actual, total))
            elif limit.rule.kind is RuleKind.LARGEST:
                found = _largest(limit.rule, full, total)
                if found is not None:
                    findings.append(found)
    return DistributionReport(
        org=org,
        total=total,
        counts=MappingProxyType(full),
        limits=limits,
        allowed=_allowed(limits, total),
        findings=tuple(findings),
        notes=tuple(notes),
        curve=MappingProxyType(dict(org_rules.curve)),
    )


def expected_curve(
    org: OrgPredikat, rules: DistributionRules = DEFAULT
) -> tuple[tuple[Predikat, Decimal], ...]:
    """The illustrative expected percent per predikat for ``org``, in `CURVE_AXIS` order."""
    return rules.for_org(org).curve
