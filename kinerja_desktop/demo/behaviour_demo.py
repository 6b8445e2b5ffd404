"""The demo's Perilaku Kerja and decisions: journal, ratings, predikat, dialogue, distribution.

What :func:`write_behaviour` writes, after the SKP step, for every agreed SKP of the demo year
and every periodic period that has ended by ``today`` (the periods the SKP step realised):

- **A behaviour journal** (catatan perilaku) for everyone: mostly positive entries, some
  negative, a few neutral, from direct observation, the public, audits and colleagues (texts in
  :mod:`.behaviour_texts`, for a kecamatan or a puskesmas). Each person has a behaviour story
  that leans on their results: some stand out (positive entries in four or more values), a few
  struggle (more negative than positive entries). Apart from the one weak spot below, nobody has
  negative entries on the same value in two consecutive periods.
- **Umpan balik per value** for each period: the app's own draft
  (:func:`~kinerja_desktop.services.evaluation.behaviour.draft_feedback`) from the value's entries,
  or a short "as expected" note when the value has none.
- **The Rating Hasil Kerja** of each period (``result_ratings``): the proposal the evaluation
  computes from the realisation with :mod:`~kinerja_desktop.domain.achievement`, decided as
  proposed (source PROPOSAL); a unit head's follows the unit's organisation predikat
  (:mod:`.head_ratings`, source ORGANISASI).
- **The Rating Perilaku Kerja** (``behaviour_ratings``): the proposal from the period's journal
  (:func:`~kinerja_desktop.domain.behaviour.propose_behaviour_rating`), decided as proposed.
- **The Predikat Kinerja** from the kuadran (``predikat_decisions``); for one person, in the last
  ended period, the penilai sets Sangat Baik where the kuadran gives Baik, with the reason.
- **One repeated weak spot**: an administration officer (Pengadministrasi Perkantoran) with
  negative entries on Berorientasi Pelayanan, "Ramah, cekatan, solutif, dan dapat
  diandalkan", in the first two ended periods, and better entries after the coaching.
- **One repeated weak spot from ratings alone**: another administration officer, at the loket,
  whom the penilai rates below expectation (Rating Perilaku Kerja, with the reason: slow service
  seen at work) in the first two ended periods, with no negative journal entry in them.
- **One keberatan** by that officer on the second of those periods: received, objected to within
  14 days, explained by the penilai and decided (the result stands) by the atasan.
- **Self-assessments** at the evaluation talk for about a third of the people and periods.
- **The organisation predikat** of every unit (Kecamatan and Puskesmas) for every ended period,
  so the Kurva Distribusi check has something to say.

Rows are written with bulk inserts, a few thousand people at a time. In an office of
:data:`LARGE_FROM` people or more (a load test) everyone gets at most two entries per period
(three for the weak spot). The same seed and day give the same content: each person draws from
a random generator of their own.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import groupby
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    DialogueRow,
    ObservationRow,
    OrgPredikatRow,
    PredikatRow,
)
from kinerja_desktop.data.schema import Base
from kinerja_desktop.data.skp_models import (
    IkiRow,
    PeriodTargetRow,
    RealisationRow,
    ResultRatingRow,
    RhkFeedbackRow,
    RhkRow,
    SkpRow,
)
from kinerja_desktop.demo import behaviour_texts as texts
from kinerja_desktop.demo.head_ratings import follow_org_predikat
from kinerja_desktop.demo.plan import PersonPlan
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.achievement import (
    Proposal,
    ResultLevel,
    achievement,
    level_of,
    propose_rating,
    result_achievement,
)
from kinerja_desktop.domain.behaviour import (
    ObservationFact,
    ObservationSign,
    propose_behaviour_rating,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.periods import (
    FINAL_CODE,
    Period,
    period_label,
    periods_for_span,
    periods_for_year,
)
from kinerja_desktop.domain.plans import basis_note
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat, predikat_for
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_label
from kinerja_desktop.domain.skp import Pendekatan, RhkKind, SkpStatus
from kinerja_desktop.domain.staff import UnitKind
from kinerja_desktop.services.evaluation.behaviour import JournalEntry, draft_feedback
from kinerja_desktop.services.evaluation.records import RatingSource

#: From this many people on, the office is a load test: at most two entries per period.
LARGE_FROM = 5_000
#: The job of the officer with the repeated weak spot.
WEAK_SPOT_JOB = "Pengadministrasi Perkantoran"
#: Why the officer rated low in the first two periods was rated so; nothing was journalled.
RATED_LOW_REASON = (
    "Kecepatan layanan di loket di bawah ekspektasi: antrean menumpuk dan berkas selesai "
    "melewati janji layanan; diamati langsung, belum dicatat di jurnal."
)
#: Share of (person, period) with a self-assessment at the evaluation talk.
SELF_ASSESSMENT_SHARE = 0.33
#: Write whenever this many people are waiting.
_BATCH_PEOPLE = 2_000

_ATAS, _SESUAI, _BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
_POS, _NEG, _NEU = ObservationSign.POSITIF, ObservationSign.NEGATIF, ObservationSign.NETRAL
_VALUES = tuple(BehaviourValue)


def write_behaviour(ctx: DemoContext) -> None:
    """Write the journal, ratings, predikat, dialogue and organisation predikat to date."""
    maker = _BehaviourMaker(ctx)
    skps = _load_skps(ctx)
    hasil = _result_proposals(ctx.session, ctx.today.year, skps)
    maker.record_org_predikat()  # first: the unit heads' ratings follow it
    maker.from_org = follow_org_predikat(
        ctx.session, ctx.today.year, ((s.id, s.employee_id, s.periods) for s in skps), hasil
    )
    maker.weak_spot = _weak_spot_skp(ctx, skps)
    maker.rated_low = _weak_spot_skp(ctx, skps, skip=maker.weak_spot)
    for skp in skps:
        maker.add(skp, hasil)
        if maker.waiting >= _BATCH_PEOPLE:
            maker.flush()
    maker.finish()
    ctx.notes.append(maker.note())


# --- what the SKP step wrote ---------------------------------------------------------------------


@dataclass
class _Skp:
    """One agreed SKP of the year, its RHK kinds, and the periods ended for its holder."""

    id: int
    person: PersonPlan
    employee_id: int
    qualitative: bool
    start: date
    periods: list[Period]
    kinds: list[RhkKind] = field(default_factory=list)


def _load_skps(ctx: DemoContext) -> list[_Skp]:
    session, year = ctx.session, ctx.today.year
    people = {ctx.employee_ids[person.key]: person for person in ctx.plan.people}
    query = (
        select(
            SkpRow.id, SkpRow.employee_id, SkpRow.pendekatan, SkpRow.period_start, SkpRow.period_end
        )
        .where(SkpRow.year == year, SkpRow.status == SkpStatus.DISEPAKATI.value)
        .order_by(SkpRow.id)
    )
    skps: dict[int, _Skp] = {}
    for skp_id, employee_id, pendekatan, start, end in session.execute(query):
        person = people.get(employee_id)
        if person is None:  # not a demo person
            continue
        periods = [
            period
            for period in periods_for_span(year, ctx.plan.scheme, start, end)
            if not period.is_final and period.end < ctx.today
        ]
        qualitative = pendekatan == Pendekatan.KUALITATIF.value
        skps[skp_id] = _Skp(skp_id, person, employee_id, qualitative, start, periods)
    rhks = (
        select(RhkRow.skp_id, RhkRow.kind)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .where(SkpRow.year == year)
        .order_by(RhkRow.skp_id, RhkRow.position)
    )
    for skp_id, kind in session.execute(rhks):
        if skp_id in skps:
            skps[skp_id].kinds.append(RhkKind(kind))
    return [skp for skp in skps.values() if skp.periods and skp.kinds]


def _result_proposals(
    session: Session, year: int, skps: Sequence[_Skp]
) -> dict[tuple[int, str], Proposal]:
    """The proposed Rating Hasil Kerja per (SKP, period), as the evaluation computes it.

    Quantitative: each indicator's achievement against the period's target (the demo's are
    all per period, :mod:`.skp_demo`; the annual one where none is planned), the RHK's mean,
    its level, then the domain's proposal over the RHK ("RHK 1", "RHK 2", ...) with the note
    of which targets were used. Qualitative: the supervisor's judgement of each RHK. A period
    where an RHK has no level, or an indicator no realisation, gets none.
    """
    by_id = {skp.id: skp for skp in skps}
    levels: dict[tuple[int, str], dict[int, Rating]] = defaultdict(dict)
    # Indicators measured against a period target, and against the annual one.
    bases: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    # Quantitative: stream the values SKP by SKP, RHK by RHK.
    query = (
        select(
            SkpRow.id,
            RhkRow.position,
            RealisationRow.period_code,
            IkiRow.target,
            PeriodTargetRow.target,
            IkiRow.lower_is_better,
            RealisationRow.value,
        )
        .join(RhkRow, RhkRow.skp_id == SkpRow.id)
        .join(IkiRow, IkiRow.rhk_id == RhkRow.id)
        .join(RealisationRow, RealisationRow.iki_id == IkiRow.id)
        .outerjoin(
            PeriodTargetRow,
            (PeriodTargetRow.iki_id == IkiRow.id)
            & (PeriodTargetRow.period_code == RealisationRow.period_code),
        )
        .where(SkpRow.year == year, SkpRow.pendekatan == Pendekatan.KUANTITATIF.value)
        .order_by(SkpRow.id, RhkRow.position, RealisationRow.period_code, IkiRow.position)
    )
    counts = _indicator_counts(session, year)
    for (skp_id, position, code), rows in groupby(
        session.execute(query), key=lambda row: (row[0], row[1], row[2])
    ):
        if skp_id not in by_id:
            continue
        percents = []
        for _skp, _position, _code, yearly, planned, lower, value in rows:
            target = planned if planned is not None else yearly
            if value is None or target is None or (target == 0 and not lower):
                continue
            percents.append(_achievement(target, value, lower))
            bases[(skp_id, code)][planned is None] += 1
        if percents and len(percents) == counts.get((skp_id, position)):
            levels[(skp_id, code)][position] = level_of(result_achievement(percents))
    # Qualitative: the supervisor's judgement of each RHK.
    judged = (
        select(SkpRow.id, RhkRow.position, RhkFeedbackRow.period_code, RhkFeedbackRow.assessment)
        .join(RhkRow, RhkRow.skp_id == SkpRow.id)
        .join(RhkFeedbackRow, RhkFeedbackRow.rhk_id == RhkRow.id)
        .where(
            SkpRow.year == year,
            SkpRow.pendekatan == Pendekatan.KUALITATIF.value,
            RhkFeedbackRow.assessment.is_not(None),
        )
    )
    for skp_id, position, code, assessment in session.execute(judged):
        if assessment is not None:
            levels[(skp_id, code)][position] = Rating(assessment)
    proposals = {}
    for (skp_id, code), found in levels.items():
        skp = by_id.get(skp_id)
        if skp is None or len(found) != len(skp.kinds):
            continue
        results = [
            ResultLevel(kind, found[position], f"RHK {position + 1}")
            for position, kind in enumerate(skp.kinds)
        ]
        proposal = propose_rating(results)
        if not skp.qualitative:
            # As the evaluation's proposal ends: which targets the period was measured against.
            periodic, annual = bases[(skp_id, code)]
            note = basis_note(
                period_label(code),
                final=code == FINAL_CODE,
                periodic=periodic,
                cumulative=0,
                annual=annual,
            )
            if note:
                proposal = Proposal(proposal.rating, (*proposal.reasons, note))
        proposals[(skp_id, code)] = proposal
    return proposals


def _indicator_counts(session: Session, year: int) -> dict[tuple[int, int], int]:
    query = (
        select(RhkRow.skp_id, RhkRow.position, func.count(IkiRow.id))
        .join(IkiRow, IkiRow.rhk_id == RhkRow.id)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .where(SkpRow.year == year)
        .group_by(RhkRow.skp_id, RhkRow.position)
    )
    return {(skp_id, position): count for skp_id, position, count in session.execute(query)}


@lru_cache(maxsize=1 << 16)
def _achievement(target: Decimal, value: Decimal, lower_is_better: bool) -> Decimal:
    """:func:`~kinerja_desktop.domain.achievement.achievement`, remembered (figures repeat)."""
    return achievement(target, value, lower_is_better=lower_is_better)


def _weak_spot_skp(
    ctx: DemoContext, skps: Sequence[_Skp], *, skip: int | None = None
) -> int | None:
    """The SKP of the officer with the repeated weak spot, if any.

    The first administration officer of a kecamatan with two ended periods or more (other
    than ``skip``).
    """
    units = {unit.key: unit for unit in ctx.plan.units}
    for skp in skps:
        person = skp.person
        if (
            skp.id != skip
            and person.role == "staff"
            and person.jabatan == WEAK_SPOT_JOB
            and len(skp.periods) >= 2
            and _domain(person, units) == "kecamatan"
        ):
            return skp.id
    return None


def _domain(person: PersonPlan, units: dict[str, Any]) -> str:
    """The person's domain, "kecamatan" or "puskesmas": the unit they work in."""
    unit = units[person.unit]
    while unit.kind is not UnitKind.UNIT and unit.parent is not None:
        unit = units[unit.parent]
    return "puskesmas" if unit.name.startswith("Puskesmas ") else "kecamatan"


# --- the maker -----------------------------------------------------------------------------------


@dataclass
class _Batch:
    observations: list[dict[str, Any]] = field(default_factory=list)
    feedback: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    behaviour: list[dict[str, Any]] = field(default_factory=list)
    dialogues: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class _Planned:
    """One journal entry before it is written."""

    value: BehaviourValue
    sign: ObservationSign
    note: texts.Note


class _BehaviourMaker:
    def __init__(self, ctx: DemoContext) -> None:
        self._ctx = ctx
        self._year = ctx.today.year
        self._large = len(ctx.plan.people) >= LARGE_FROM
        self._units = {unit.key: unit for unit in ctx.plan.units}
        self._pools = {domain: _pools(domain) for domain in ("kecamatan", "puskesmas")}
        self._next_observation = _next_id(ctx.session, ObservationRow)
        self._batch = _Batch()
        self._predikat: list[dict[str, Any]] = []  # kept to the end: the override picks one
        self._candidates: list[tuple[int, str]] = []  # (index in _predikat, domain)
        self.weak_spot: int | None = None
        self.rated_low: int | None = None
        self.waiting = 0
        self.signs: Counter[ObservationSign] = Counter()
        self.periods: dict[str, str] = {}
        self.people = 0
        self.self_assessments = 0
        self.objections = 0
        self.overrides = 0
        self.org_units = 0
        #: (SKP, period) whose Rating Hasil Kerja follows the organisation predikat.
        self.from_org: set[tuple[int, str]] = set()

    # --- one person ----------------------------------------------------------------------------

    def add(self, skp: _Skp, hasil: dict[tuple[int, str], Proposal]) -> None:
        person = skp.person
        rng = self._ctx.rng(f"perilaku/{person.key}")
        domain = _domain(person, self._units)
        first = hasil.get((skp.id, skp.periods[0].code))
        story = self._story(first.rating if first else _SESUAI, rng)
        weak = skp.id == self.weak_spot
        rated_low = skp.id == self.rated_low
        last_negatives: set[BehaviourValue] = set()
        self.people += 1
        self.waiting += 1
        for number, period in enumerate(skp.periods):
            self.periods.setdefault(period.code, period.label)
            if weak:
                planned = self._weak_entries(number, domain, rng)
            else:
                level = self._level(story, number, rng)
                planned = self._entries(level, domain, last_negatives, rng)
            low = rated_low and number < 2
            if low:  # the weak spot comes from the ratings alone, not from the journal
                planned = [entry for entry in planned if entry.sign is not _NEG]
            last_negatives = {entry.value for entry in planned if entry.sign is _NEG}
            entries = self._write_entries(skp, period, planned, rng)
            decided = self._decision_day(period, rng)
            self._write_feedback(skp, period, entries, rng)
            perilaku = propose_behaviour_rating(
                [ObservationFact(e.value, e.sign, e.serious, e.indicator) for e in entries]
            )
            rated = _BAWAH if low else perilaku.rating
            self._batch.behaviour.append(
                {
                    "skp_id": skp.id,
                    "period_code": period.code,
                    "proposed": perilaku.rating.value,
                    "proposed_reasons": "\n".join(perilaku.reasons),
                    "final": rated.value,
                    "reason": RATED_LOW_REASON if rated is not perilaku.rating else "",
                    "decided_on": decided,
                }
            )
            result = hasil.get((skp.id, period.code))
            if result is None:
                continue
            org = (skp.id, period.code) in self.from_org
            self._batch.results.append(
                {
                    "skp_id": skp.id,
                    "period_code": period.code,
                    "proposed": result.rating.value,
                    "proposed_reasons": "\n".join(result.reasons),
                    "final": result.rating.value,
                    "source": (RatingSource.ORGANISASI if org else RatingSource.PROPOSAL).value,
                    "reason": result.reasons[0] if org else "",
                    "decided_on": decided,
                }
            )
            computed = predikat_for(result.rating, rated)
            if (
                not weak
                and not rated_low
                and period is skp.periods[-1]
                and result.rating is _ATAS
                and perilaku.rating is _SESUAI
            ):
                self._candidates.append((len(self._predikat), domain))
            self._predikat.append(
                {
                    "skp_id": skp.id,
                    "period_code": period.code,
                    "hasil": result.rating.value,
                    "perilaku": rated.value,
                    "computed": computed.value,
                    "final": computed.value,
                    "override_reason": "",
                    "decided_on": decided,
                }
            )
            self._dialogue(
                skp,
                period,
                number=number,
                hasil=result.rating,
                predikat=computed,
                decided=decided,
                weak=weak,
                rng=rng,
            )

    def _story(self, hasil: Rating, rng: random.Random) -> Rating:
        """How the person's behaviour goes this year, leaning on their results."""
        draw = rng.random()
        above, below = {_ATAS: (0.5, 0.03), _SESUAI: (0.12, 0.04), _BAWAH: (0.0, 0.25)}[hasil]
        if draw < above and not self._large:
            return _ATAS
        if draw > 1 - below:
            return _BAWAH
        return _SESUAI

    @staticmethod
    def _level(story: Rating, number: int, rng: random.Random) -> Rating:
        """The level a period aims at: the story, with a few quieter periods (and recovery)."""
        if story is _ATAS and rng.random() < 0.2:
            return _SESUAI
        if story is _BAWAH and number and rng.random() < 0.6:
            return _SESUAI
        return story

    def _entries(
        self,
        level: Rating,
        domain: str,
        avoid: set[BehaviourValue],
        rng: random.Random,
    ) -> list[_Planned]:
        """Entries that make the journal read as ``level``.

        No negative entry on a value in ``avoid``: the values with negative entries in the
        previous period, so that nobody but the officer has a repeated weak spot.
        """
        positive, negative = self._pools[domain]
        free = [value for value in _VALUES if value not in avoid and negative[value]]
        planned: list[_Planned] = []
        if level is _ATAS:
            values = rng.sample(_VALUES, 4 + (rng.random() < 0.3))
            planned += [_Planned(value, _POS, rng.choice(positive[value])) for value in values]
        elif level is _BAWAH:
            for value in rng.sample(free, 2):
                planned.append(_Planned(value, _NEG, rng.choice(negative[value])))
            if not self._large and rng.random() < 0.5:
                value = rng.choice(_VALUES)
                planned.append(_Planned(value, _POS, rng.choice(positive[value])))
        elif self._large:
            value = rng.choice(_VALUES)
            planned.append(_Planned(value, _POS, rng.choice(positive[value])))
            draw = rng.random()
            if draw < 0.12:
                value = rng.choice(free)
                planned.append(_Planned(value, _NEG, rng.choice(negative[value])))
            elif draw < 0.3:
                value = rng.choice(_VALUES)
                planned.append(_Planned(value, _NEU, rng.choice(texts.NEUTRAL[value])))
        else:
            values = rng.sample(_VALUES, rng.choice((1, 2, 2, 2, 3, 3)))
            planned += [_Planned(value, _POS, rng.choice(positive[value])) for value in values]
            if rng.random() < 0.22:
                value = rng.choice(free)
                planned.append(_Planned(value, _NEG, rng.choice(negative[value])))
        if not self._large and rng.random() < 0.15:
            value = rng.choice(_VALUES)
            planned.append(_Planned(value, _NEU, rng.choice(texts.NEUTRAL[value])))
        return planned

    def _weak_entries(self, number: int, domain: str, rng: random.Random) -> list[_Planned]:
        """The officer's journal: weak at the loket twice running, then better after coaching."""
        positive, _negative = self._pools[domain]
        others = [value for value in _VALUES if value is not texts.WEAK_SPOT_VALUE]
        value = texts.WEAK_SPOT_VALUE
        if number == 0:
            planned = [_Planned(value, _NEG, note) for note in texts.WEAK_SPOT_FIRST]
            picked = rng.sample(others, 1 if self._large else 2)
        elif number == 1:
            planned = [_Planned(value, _NEG, note) for note in texts.WEAK_SPOT_SECOND]
            picked = rng.sample(others, 1)
        else:
            planned = [_Planned(value, _POS, texts.WEAK_SPOT_RECOVERY)]
            picked = rng.sample(others, 1)
        planned += [_Planned(other, _POS, rng.choice(positive[other])) for other in picked]
        return planned

    # --- rows ------------------------------------------------------------------------------------

    def _write_entries(
        self, skp: _Skp, period: Period, planned: Sequence[_Planned], rng: random.Random
    ) -> list[JournalEntry]:
        start = max(period.start, skp.start)
        end = min(period.end, self._ctx.today - timedelta(days=1))
        days = sorted(_working_day(start, end, rng) for _ in planned)
        entries = []
        for day, entry in zip(days, planned, strict=True):
            entry_id = self._next_observation
            self._next_observation += 1
            note = entry.note
            self._batch.observations.append(
                {
                    "id": entry_id,
                    "employee_id": skp.employee_id,
                    "observed_on": day,
                    "value_code": entry.value.value,
                    "indicator": note.indicator,
                    "sign": entry.sign.value,
                    "serious": False,
                    "text": note.text,
                    "source": note.source.value,
                    "evidence_text": "",
                    "evidence_file": "",
                    "evidence_sha256": "",
                    "recorded_at": min(
                        datetime.combine(day, time(15, rng.randrange(0, 60))), self._ctx.stamp
                    ),
                }
            )
            self.signs[entry.sign] += 1
            entries.append(
                JournalEntry(
                    id=entry_id,
                    observed_on=day,
                    value=entry.value,
                    indicator=note.indicator,
                    sign=entry.sign,
                    serious=False,
                    text=note.text,
                    source=note.source,
                )
            )
        return entries

    def _write_feedback(
        self, skp: _Skp, period: Period, entries: Sequence[JournalEntry], rng: random.Random
    ) -> None:
        for value in _VALUES:
            own = tuple(entry for entry in entries if entry.value is value)
            if own:
                text = draft_feedback(value, own)
            else:
                template = rng.choice(texts.QUIET_FEEDBACK)
                text = template.format(nilai=behaviour_label(value), periode=period.label)
            self._batch.feedback.append(
                {
                    "skp_id": skp.id,
                    "period_code": period.code,
                    "value_code": value.value,
                    "text": text,
                }
            )

    def _dialogue(
        self,
        skp: _Skp,
        period: Period,
        *,
        number: int,
        hasil: Rating,
        predikat: Predikat,
        decided: date,
        weak: bool,
        rng: random.Random,
    ) -> None:
        """The evaluation talk's self-assessment for some, and the one keberatan."""
        share = SELF_ASSESSMENT_SHARE / (3 if self._large else 1)
        objecting = weak and number == 1
        if not objecting and rng.random() >= share:
            return
        fmt = {"periode": period.label, "predikat": predikat.label}
        row: dict[str, Any] = {
            "skp_id": skp.id,
            "period_code": period.code,
            "self_assessment": rng.choice(texts.SELF_ASSESSMENT[hasil]).format(**fmt),
            "reflection": rng.choice(texts.REFLECTION),
            "talk_on": decided,
            "result_received_on": decided,
            "response": "",
            "response_on": None,
            "objection": "",
            "objection_on": None,
            "objection_late": False,
            "explanation": "",
            "explanation_on": None,
            "decision": "",
            "decision_on": None,
            "decided_predikat": None,
        }
        self.self_assessments += 1
        if objecting:
            self._objection(row, decided, fmt, rng)
        self._batch.dialogues.append(row)

    def _objection(
        self, row: dict[str, Any], received: date, fmt: dict[str, str], rng: random.Random
    ) -> None:
        """Objected within 14 days; the penilai explains and the atasan decides, by ``today``."""
        today = self._ctx.today
        objected = _weekday(received + timedelta(days=rng.randint(4, 10)))
        if objected >= today:
            return
        row["objection"], row["objection_on"] = texts.OBJECTION.format(**fmt), objected
        self.objections += 1
        explained = _weekday(objected + timedelta(days=rng.randint(3, 5)))
        if explained >= today:
            return
        row["explanation"], row["explanation_on"] = texts.EXPLANATION.format(**fmt), explained
        decision = _weekday(explained + timedelta(days=rng.randint(4, 7)))
        if decision >= today:
            return
        row["decision"], row["decision_on"] = texts.DECISION.format(**fmt), decision

    def _decision_day(self, period: Period, rng: random.Random) -> date:
        """The evaluation talk: a week or two after the period, and before ``today``."""
        last = self._ctx.today - timedelta(days=1)
        day = _weekday(period.end + timedelta(days=rng.randint(6, 12)))
        return max(min(day, last), period.end)

    # --- writing -------------------------------------------------------------------------------

    def flush(self) -> None:
        session, batch = self._ctx.session, self._batch
        _insert(session, ObservationRow, batch.observations)
        _insert(session, BehaviourFeedbackRow, batch.feedback)
        _insert(session, ResultRatingRow, batch.results)
        _insert(session, BehaviourRatingRow, batch.behaviour)
        _insert(session, DialogueRow, batch.dialogues)
        self._batch = _Batch()
        self.waiting = 0

    def finish(self) -> None:
        self._override()
        self.flush()
        _insert(self._ctx.session, PredikatRow, self._predikat)

    def record_org_predikat(self) -> None:
        _insert(self._ctx.session, OrgPredikatRow, self._org_predikat())

    def _override(self) -> None:
        """One penilai sets Sangat Baik where the kuadran gives Baik, and says why."""
        if not self._candidates:
            return
        index, domain = self._ctx.rng("perilaku/override").choice(self._candidates)
        row = self._predikat[index]
        label = self.periods[row["period_code"]]
        row["final"] = Predikat.SANGAT_BAIK.value
        row["override_reason"] = texts.OVERRIDE_REASON[domain].format(periode=label)
        self.overrides += 1

    def _org_predikat(self) -> list[dict[str, Any]]:
        """Every unit's organisation predikat for each ended period of the office's scheme."""
        ctx = self._ctx
        periods = [
            period
            for period in periods_for_year(self._year, ctx.plan.scheme)
            if not period.is_final and period.end < ctx.today
        ]
        rows = []
        for unit in ctx.plan.units:
            if unit.kind is not UnitKind.UNIT:
                continue
            rng = ctx.rng(f"perilaku/org/{unit.key}")
            domain = "puskesmas" if unit.name.startswith("Puskesmas ") else "kecamatan"
            self.org_units += bool(periods)
            for number, period in enumerate(periods):
                rows.append(
                    {
                        "unit_id": ctx.unit_ids[unit.key],
                        "year": self._year,
                        "period_code": period.code,
                        "predikat": _org_level(unit.key, domain, number, rng).value,
                        "recorded_on": self._recorded_on(period, rng),
                        "note": texts.ORG_NOTE[domain].format(
                            city=ctx.plan.city, unit=unit.name, periode=period.label
                        ),
                    }
                )
        return rows

    def _recorded_on(self, period: Period, rng: random.Random) -> date:
        last = self._ctx.today - timedelta(days=1)
        day = _weekday(period.end + timedelta(days=rng.randint(10, 20)))
        return max(min(day, last), period.end)

    def note(self) -> str:
        if not self.periods:
            return (
                f"Perilaku Kerja {self._year}: belum ada periode evaluasi yang berakhir, jadi "
                "belum ada catatan perilaku, rating, maupun predikat."
            )
        total = sum(self.signs.values())
        weak = int(self.weak_spot is not None) + int(self.rated_low is not None)
        return (
            f"Perilaku Kerja {self._year}: {total} catatan perilaku "
            f"({self.signs[_POS]} positif, {self.signs[_NEG]} negatif, {self.signs[_NEU]} netral) "
            f"untuk {self.people} pegawai; Rating Hasil Kerja, Rating Perilaku Kerja dan Predikat "
            f"Kinerja {', '.join(self.periods.values())} sudah ditetapkan ({self.overrides} "
            f"predikat berbeda dari matriks); {weak} perilaku lemah berulang, "
            f"{self.objections} keberatan, {self.self_assessments} penilaian diri; "
            f"predikat organisasi {self.org_units} unit."
        )


# --- helpers -------------------------------------------------------------------------------------


def _pools(
    domain: str,
) -> tuple[
    dict[BehaviourValue, tuple[texts.Note, ...]], dict[BehaviourValue, tuple[texts.Note, ...]]
]:
    """The positive and the negative sentences of a domain, per value (domain's own first)."""
    own_positive = texts.PUSKESMAS_POSITIVE if domain == "puskesmas" else texts.KECAMATAN_POSITIVE
    own_negative = texts.PUSKESMAS_NEGATIVE if domain == "puskesmas" else texts.KECAMATAN_NEGATIVE
    positive = {
        value: own_positive.get(value, ()) + texts.COMMON_POSITIVE.get(value, ())
        for value in _VALUES
    }
    negative = {
        value: own_negative.get(value, ()) + texts.COMMON_NEGATIVE.get(value, ())
        for value in _VALUES
    }
    return positive, negative


def _org_level(key: str, domain: str, number: int, rng: random.Random) -> OrgPredikat:
    """The organisation predikat of a unit in a period.

    The default office: the kecamatan Baik throughout, the puskesmas Istimewa from its third
    period (accredited Paripurna). A larger office's other units vary.
    """
    draw = rng.random()
    if key.startswith("b0."):
        if domain == "puskesmas" and number >= 2:
            return OrgPredikat.ISTIMEWA
        return OrgPredikat.BAIK
    if draw < 0.15:
        return OrgPredikat.ISTIMEWA
    if draw > 0.9:
        return OrgPredikat.BUTUH_PERBAIKAN
    return OrgPredikat.BAIK


def _weekday(day: date) -> date:
    """``day``, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _working_day(start: date, end: date, rng: random.Random) -> date:
    """A day from ``start`` to ``end``, moved off a weekend when the span allows."""
    day = start + timedelta(days=rng.randint(0, (end - start).days))
    if day.weekday() >= 5:
        back = day - timedelta(days=day.weekday() - 4)
        ahead = day + timedelta(days=7 - day.weekday())
        day = back if back >= start else ahead if ahead <= end else day
    return day


def _next_id(session: Session, model: type[ObservationRow]) -> int:
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


def _insert(session: Session, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows as one Core executemany (every row has the same keys)."""
    batch = list(rows)
    if batch:
        session.execute(insert(model.__table__), batch)  # type: ignore[arg-type]
