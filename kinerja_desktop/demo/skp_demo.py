"""The demo SKPs: every active person's agreed SKP for the year, and its realisation to date.

What :func:`write_skps` writes, for the demo year (the year of ``today``):

- **An SKP per active person**, agreed (DISEPAKATI) in early January, heads first, with its
  first agreed version (revision 1) whose JSON is :func:`~kinerja_desktop.domain.skp_records.
  to_json` of the stored SKP. The joiner of 1 June agrees theirs in their first week, over the
  partial period from their joining; someone who has not joined yet by ``today`` has none.
- **The cascade**: the Camat and the Kepala Puskesmas are appraised outside the office, so
  their RHK name the Renstra or Perjanjian Kinerja target they serve (``parent_text``). Every
  other person's main RHK serves one of their penilai's main RHK, the one about the same theme
  when there is one. Additional (TAMBAHAN) RHK serve nobody's.
- **Content**: 2–5 RHK each (heads 4–5), mostly UTAMA, three indicators each (Kuantitas,
  Kualitas, Waktu; a JPT would get perspektif instead), texts per jabatan from
  :mod:`.skp_texts`; about one staff member in ten uses the qualitative approach. An office of
  :data:`LONG_SKP_FROM` people or more stands in for a whole city's load, so its SKPs are as
  long as real ones of a busy unit: 9–11 RHK. Lampiran for everyone, and the leader's specific
  expectation for two or three BerAKHLAK values.
- **Realisation** for every periodic period that has ended by ``today`` (as the attention list
  counts them): one value per indicator and period, and continuous feedback on some RHK in a
  development-minded tone. Each person has a story that holds across periods: about one in six
  above expectation, one in eight below, the rest meeting it (some recover from a weak first
  period). Qualitative SKPs get a narrative realisation and the supervisor's judgement of each
  RHK in its feedback row. No Rating Hasil Kerja is written: another capability decides those.

- **Rencana aksi and period targets** (issue 17) for every RHK and periodic period of the
  person's span, ended or not: a phase of the year's work (start, continue, finish and report)
  naming what the RHK's count indicator counts, and for a quantitative SKP a target per period
  for every indicator: a count (and a time in months) is the period's share of the year, a
  share, an index or a time in days the same every period (scale PER_PERIODE, the default).

A period's realisation is written on the scale of the period's target, so
``achievement(period target, value)`` is the period's capaian, as the evaluation measures it.

Rows are made in memory a few hundred people at a time and written with bulk inserts
(:mod:`~kinerja_desktop.data.repositories.skp_bulk`), with ids given here, so 20,000 people take
seconds and the default office a few tens of milliseconds. The same seed and day give the same
content: each person draws from a random generator of their own.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, TypeVar

from kinerja_desktop.data.repositories import skp_bulk
from kinerja_desktop.demo import skp_texts as texts
from kinerja_desktop.demo.jobs import JOBS
from kinerja_desktop.demo.plan import PersonPlan
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.achievement import achievement, level_of, result_achievement
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.periods import Period, periods_for_span, periods_for_year
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import (
    Aspek,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkKind,
    SkpLayout,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import (
    IkiView,
    RhkView,
    SkpView,
    format_quantity,
    to_json,
)
from kinerja_desktop.domain.staff import UnitKind
from kinerja_desktop.services.skp.service import layout_for

#: From this many people on, the office is a load test and its SKPs have :data:`LONG_RHK` RHK.
LONG_SKP_FROM = 5_000
SHORT_RHK = (2, 5)
HEAD_SHORT_RHK = (4, 5)
LONG_RHK = (9, 11)
#: Shares of people whose story is above, or below, expectation; the rest meet it.
ABOVE_SHARE = 0.17
BELOW_SHARE = 0.12
#: Share of the staff (not the heads) whose SKP uses the qualitative approach.
KUALITATIF_SHARE = 0.1
#: Write to the database whenever this many realisation values are waiting.
_BATCH_VALUES = 60_000

_T = TypeVar("_T")
_ATAS, _SESUAI, _BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
#: Achievement (percent of target) drawn for an indicator, by the level its RHK should read as.
_BANDS = {_ATAS: (112, 120), _SESUAI: (100, 105), _BAWAH: (78, 93)}
#: Used when a draw, once rounded, lands in the wrong level: far enough inside it.
_EXTREMES = {_ATAS: 125, _SESUAI: 100, _BAWAH: 75}
_HUNDRED = Decimal(100)
_PERCENT_UNITS = ("%", "Nilai")
_JENJANG_SUFFIXES = ("_ap", "_am", "_terampil", "_pemula")
_JOB_BY_TITLE = {job.title: key for key, job in JOBS.items() if "{" not in job.title}
_PERSPEKTIF = {
    Aspek.KUANTITAS: Perspektif.PENERIMA_LAYANAN,
    Aspek.KUALITAS: Perspektif.PROSES_BISNIS,
    Aspek.WAKTU: Perspektif.PENGUATAN_INTERNAL,
    Aspek.BIAYA: Perspektif.ANGGARAN,
}
_ASPEK_OF = {perspektif: aspek for aspek, perspektif in _PERSPEKTIF.items()}


def write_skps(ctx: DemoContext) -> None:
    """Write every active person's agreed SKP for the demo year and its realisation to date."""
    people = [
        person
        for person in ctx.plan.people
        if person.active and _span(person, ctx.today.year)[0] <= ctx.today
    ]
    maker = _SkpMaker(ctx, people)
    for person in people:
        maker.add(person)
    maker.flush()
    ctx.notes.append(maker.note())


# --- who the person is -------------------------------------------------------------------------


def _span(person: PersonPlan, year: int) -> tuple[date, date]:
    """The person's appraisal period in ``year``: from joining (or moving) to the year's end."""
    start = date(year, 1, 1)
    for day in (person.joined, person.moved_on):
        if day is not None and day.year == year:
            start = max(start, day)
    return start, date(year, 12, 31)


def family_of(person: PersonPlan) -> str:
    """The key of :data:`~.skp_texts.FAMILY_RHK` for the person: the head's role, or the job."""
    if person.role != "staff":
        return person.role
    job = _JOB_BY_TITLE[person.jabatan]
    for suffix in _JENJANG_SUFFIXES:
        if job.endswith(suffix):
            return job.removesuffix(suffix)
    return job


@dataclass(frozen=True)
class _Offer:
    """A supervisor's main RHK that a subordinate's main RHK can serve."""

    id: int
    themes: frozenset[str]
    text: str


@dataclass
class _Batch:
    """Rows waiting to be written, in the order foreign keys need them."""

    skps: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    lampiran: list[dict[str, Any]] = field(default_factory=list)
    expectations: list[dict[str, Any]] = field(default_factory=list)
    rhks: list[dict[str, Any]] = field(default_factory=list)
    ikis: list[dict[str, Any]] = field(default_factory=list)
    rencana_aksi: list[dict[str, Any]] = field(default_factory=list)
    period_targets: list[dict[str, Any]] = field(default_factory=list)
    realisations: list[dict[str, Any]] = field(default_factory=list)
    feedback: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Totals:
    skps: int = 0
    kualitatif: int = 0
    rhks: int = 0
    ikis: int = 0
    rencana_aksi: int = 0
    periods: dict[str, str] = field(default_factory=dict)  # code -> label, in order


class _SkpMaker:
    """Makes each person's SKP in writing order (a penilai before the people they appraise)."""

    def __init__(self, ctx: DemoContext, people: Sequence[PersonPlan]) -> None:
        self._ctx = ctx
        self._year = ctx.today.year
        self._long = len(ctx.plan.people) >= LONG_SKP_FROM
        self._units = {unit.key: unit for unit in ctx.plan.units}
        self._penilai_keys = {person.penilai for person in people if person.penilai}
        self._stories = _stories(ctx, people)
        self._kualitatif = _kualitatif(ctx, people)
        self._offers: dict[str, list[_Offer]] = {}
        self._agreed: dict[str, date] = {}
        ids = skp_bulk.next_ids(ctx.session)
        self._next_skp, self._next_rhk, self._next_iki = ids.skp, ids.rhk, ids.iki
        self._batch = _Batch()
        self.totals = _Totals()

    # --- one person ------------------------------------------------------------------------

    def add(self, person: PersonPlan) -> None:
        ctx = self._ctx
        rng = ctx.rng(f"skp/{person.key}")
        start, end = _span(person, self._year)
        domain, place = self._where(person)
        offers = self._offers.get(person.penilai or "")
        pendekatan = (
            Pendekatan.KUALITATIF if person.key in self._kualitatif else Pendekatan.KUANTITATIF
        )
        layout = layout_for(person.jabatan_kind)
        agreed_on = self._agreed_on(person, start, rng)
        chosen = self._choose(person, domain, rng)
        skp_id = self._next_skp
        self._next_skp += 1
        rhks: list[RhkView] = []
        mine: list[_Offer] = []
        for kind, template in chosen:
            rhk_id = self._next_rhk
            self._next_rhk += 1
            parent_id, parent_label, parent_text = None, "", ""
            if offers is None:
                parent_text = (template.parent_text or texts.DEFAULT_PARENT_TEXT[domain]).format(
                    place=place, year=self._year
                )
            elif kind is RhkKind.UTAMA:
                matches = [offer for offer in offers if offer.themes.intersection(template.themes)]
                parent = rng.choice(matches) if matches else offers[0]
                parent_id, parent_label = parent.id, parent.text
            text = template.text.format(place=place, year=self._year)
            rhks.append(
                RhkView(
                    id=rhk_id,
                    kind=kind,
                    text=text,
                    parent_rhk_id=parent_id,
                    parent_text=parent_text,
                    parent_label=parent_label,
                    indicators=self._indicators(template, pendekatan, layout, rng),
                )
            )
            if kind is RhkKind.UTAMA:
                mine.append(_Offer(rhk_id, frozenset(template.themes), text))
        if person.key in self._penilai_keys:
            self._offers[person.key] = mine
        view = SkpView(
            id=skp_id,
            employee_id=ctx.employee_ids[person.key],
            year=self._year,
            pendekatan=pendekatan,
            layout=layout,
            status=SkpStatus.DISEPAKATI,
            period_start=start,
            period_end=end,
            revision=1,
            agreed_on=agreed_on,
            revision_reason="",
            version=1,
            rhks=tuple(rhks),
            lampiran=_lampiran(domain, rng),
            expectations=_expectations(rng),
        )
        self._add_plan(view)
        planned = [
            period
            for period in periods_for_span(self._year, ctx.plan.scheme, start, end)
            if not period.is_final
        ]
        # A generator of its own: the realisation below draws as it did before plans existed.
        on_scale = self._add_period_plans(view, planned, ctx.rng(f"rencana/{person.key}"))
        periods = [period for period in planned if period.end < ctx.today]
        self._add_realisation(on_scale, periods, self._stories[person.key], rng)
        if len(self._batch.realisations) >= _BATCH_VALUES:
            self.flush()

    def _where(self, person: PersonPlan) -> tuple[str, str]:
        """The person's domain ("kecamatan"/"puskesmas") and the place their texts name."""
        unit = self._units[person.unit]
        if person.role == "lurah":
            return "kecamatan", unit.name.removeprefix("Kelurahan ")
        while unit.kind is not UnitKind.UNIT and unit.parent is not None:
            unit = self._units[unit.parent]
        if unit.name.startswith("Puskesmas "):
            return "puskesmas", unit.name.removeprefix("Puskesmas ")
        return "kecamatan", unit.name.removeprefix("Kecamatan ")

    def _agreed_on(self, person: PersonPlan, start: date, rng: random.Random) -> date:
        """Early January, a penilai before their staff; a joiner in their first week."""
        if start.month == 1 and start.day == 1:
            first = date(self._year, 1, 2)
            if person.penilai is None or person.penilai not in self._agreed:
                day = _working_days_after(first, rng.randint(0, 2))
            else:
                day = _working_days_after(self._agreed[person.penilai], rng.randint(1, 3))
        else:
            day = _working_days_after(start, rng.randint(0, 4))
        day = min(day, self._ctx.today)
        self._agreed[person.key] = day
        return day

    def _choose(
        self, person: PersonPlan, domain: str, rng: random.Random
    ) -> list[tuple[RhkKind, texts.RhkText]]:
        """Pick the person's RHK: the family's main ones first, then extras, then TAMBAHAN."""
        head = person.role != "staff"
        low, high = LONG_RHK if self._long else (HEAD_SHORT_RHK if head else SHORT_RHK)
        count = rng.randint(low, high)
        if self._long:
            tambahan = rng.randint(2, 3)
        else:
            tambahan = 1 if count >= 3 and rng.random() < 0.4 else 0
        family = texts.FAMILY_RHK[family_of(person)]
        if head:
            extras = texts.HEAD_EXTRA
        elif domain == "puskesmas":
            extras = texts.PUSKESMAS_EXTRA
        else:
            extras = texts.KECAMATAN_EXTRA
        wanted = count - tambahan
        # A head keeps the two results the unit exists for; staff their core task.
        core = 2 if head else 1
        main = [*family[:core], *_sample_in_order(rng, family[core:], wanted - core)]
        main += _sample_in_order(rng, extras, wanted - len(main))
        pool = texts.TAMBAHAN_PUSKESMAS if domain == "puskesmas" else texts.TAMBAHAN_KECAMATAN
        extra = _sample_in_order(rng, pool, count - len(main))
        return [(RhkKind.UTAMA, rhk) for rhk in main] + [(RhkKind.TAMBAHAN, rhk) for rhk in extra]

    def _indicators(
        self,
        template: texts.RhkText,
        pendekatan: Pendekatan,
        layout: SkpLayout,
        rng: random.Random,
    ) -> tuple[IkiView, ...]:
        found = []
        for iki in template.indicators:
            iki_id = self._next_iki
            self._next_iki += 1
            numeric = pendekatan is Pendekatan.KUANTITATIF
            found.append(
                IkiView(
                    id=iki_id,
                    indicator=iki.indicator,
                    target=_person_target(iki, rng) if numeric else None,
                    unit=iki.unit if numeric else "",
                    target_text="" if numeric else texts.KUALITATIF_TARGET[iki.aspek],
                    lower_is_better=iki.lower_is_better,
                    aspek=None if layout is SkpLayout.JPT else iki.aspek,
                    perspektif=_PERSPEKTIF[iki.aspek] if layout is SkpLayout.JPT else None,
                )
            )
        return tuple(found)

    # --- rows --------------------------------------------------------------------------------

    def _add_plan(self, view: SkpView) -> None:
        batch, stamp = self._batch, self._ctx.stamp
        assert view.agreed_on is not None
        agreed_at = datetime.combine(view.agreed_on, time(10, 0))
        batch.skps.append(
            {
                "id": view.id,
                "employee_id": view.employee_id,
                "year": view.year,
                "pendekatan": view.pendekatan.value,
                "layout": view.layout.value,
                "status": view.status.value,
                "period_start": view.period_start,
                "period_end": view.period_end,
                "revision": view.revision,
                "agreed_on": view.agreed_on,
                "revision_reason": view.revision_reason,
                "updated_at": min(agreed_at, stamp),
                "version": view.version,
            }
        )
        batch.versions.append(
            {
                "skp_id": view.id,
                "revision": view.revision,
                "agreed_on": view.agreed_on,
                "reason": "",
                "content_json": to_json(view),
                "recorded_at": min(agreed_at, stamp),
            }
        )
        batch.lampiran += [
            {"skp_id": view.id, "kind": kind.value, "position": position, "text": item}
            for kind, items in view.lampiran.items()
            for position, item in enumerate(items)
        ]
        batch.expectations += [
            {"skp_id": view.id, "value_code": value.value, "text": text}
            for value, text in view.expectations.items()
        ]
        for position, rhk in enumerate(view.rhks):
            batch.rhks.append(
                {
                    "id": rhk.id,
                    "skp_id": view.id,
                    "position": position,
                    "kind": rhk.kind.value,
                    "text": rhk.text,
                    "parent_rhk_id": rhk.parent_rhk_id,
                    "parent_text": rhk.parent_text,
                }
            )
            batch.ikis += [
                {
                    "id": iki.id,
                    "rhk_id": rhk.id,
                    "position": iki_position,
                    "indicator": iki.indicator,
                    "target": iki.target,
                    "unit": iki.unit,
                    "target_text": iki.target_text,
                    "lower_is_better": iki.lower_is_better,
                    "aspek": iki.aspek.value if iki.aspek else None,
                    "perspektif": iki.perspektif.value if iki.perspektif else None,
                }
                for iki_position, iki in enumerate(rhk.indicators)
            ]
        totals = self.totals
        totals.skps += 1
        totals.kualitatif += view.pendekatan is Pendekatan.KUALITATIF
        totals.rhks += len(view.rhks)
        totals.ikis += view.indicator_count()

    def _add_period_plans(
        self, view: SkpView, periods: Sequence[Period], rng: random.Random
    ) -> SkpView:
        """Rencana aksi for every RHK and period, and the period targets of a quantitative SKP.

        Returns the SKP with each indicator's target replaced by its period target: the
        realisation of a period is written on that scale (the demo's targets are per period).
        """
        batch = self._batch
        quantitative = view.pendekatan is Pendekatan.KUANTITATIF
        months = 12 // len(periods_for_year(self._year, self._ctx.plan.scheme)[:-1])
        rhks = []
        for rhk in view.rhks:
            indicators = tuple(
                replace(iki, target=_period_target(iki, months)) if quantitative else iki
                for iki in rhk.indicators
            )
            rhks.append(replace(rhk, indicators=indicators))
            for number, period in enumerate(periods):
                phase = (
                    "first" if number == 0 else "last" if number == len(periods) - 1 else "middle"
                )
                batch.rencana_aksi.append(
                    {
                        "rhk_id": rhk.id,
                        "period_code": period.code,
                        "text": _rencana_aksi(indicators, phase, period, self._year, rng),
                    }
                )
                batch.period_targets += [
                    {"iki_id": iki.id, "period_code": period.code, "target": iki.target}
                    for iki in indicators
                    if quantitative and iki.target is not None
                ]
        self.totals.rencana_aksi += len(view.rhks) * len(periods)
        return replace(view, rhks=tuple(rhks))

    def _add_realisation(
        self, view: SkpView, periods: Sequence[Period], story: Rating, rng: random.Random
    ) -> None:
        if not periods:
            return
        batch = self._batch
        qualitative = view.pendekatan is Pendekatan.KUALITATIF
        levels, recovering = _levels(story, [rhk.kind for rhk in view.rhks], len(periods), rng)
        for number, period in enumerate(periods):
            self.totals.periods.setdefault(period.code, period.label)
            entered = self._entered(period, rng)
            for r, rhk in enumerate(view.rhks):
                level = levels[r] if number or r != recovering else _BAWAH
                if qualitative:
                    values: list[Decimal | None] = [None] * len(rhk.indicators)
                    note = rng.choice(texts.KUALITATIF_REALISATION[level])
                else:
                    values = list(_realise(rhk.indicators, level, rng))
                    note = ""
                batch.realisations += [
                    {
                        "iki_id": iki.id,
                        "period_code": period.code,
                        "value": value,
                        "text": note,
                        "updated_at": entered,
                    }
                    for iki, value in zip(rhk.indicators, values, strict=True)
                ]
                feedback = _feedback(level, recovered=number == 1 and r == recovering, rng=rng)
                if feedback is not None or qualitative:
                    batch.feedback.append(
                        {
                            "rhk_id": rhk.id,
                            "period_code": period.code,
                            "feedback": (feedback or "").format(periode=period.label),
                            "assessment": level.value if qualitative else None,
                        }
                    )

    def _entered(self, period: Period, rng: random.Random) -> datetime:
        """When the period's realisation was typed in: a few days after it ended."""
        last = self._ctx.today - timedelta(days=1)
        day = min(period.end + timedelta(days=rng.randint(2, 6)), last)
        return datetime.combine(max(day, period.end), time(14, 0))

    def flush(self) -> None:
        session, batch = self._ctx.session, self._batch
        skp_bulk.insert_skps(session, batch.skps)
        skp_bulk.insert_versions(session, batch.versions)
        skp_bulk.insert_lampiran(session, batch.lampiran)
        skp_bulk.insert_expectations(session, batch.expectations)
        skp_bulk.insert_rhks(session, batch.rhks)
        skp_bulk.insert_ikis(session, batch.ikis)
        skp_bulk.insert_rencana_aksi(session, batch.rencana_aksi)
        skp_bulk.insert_period_targets(session, batch.period_targets)
        skp_bulk.insert_realisations(session, batch.realisations)
        skp_bulk.insert_feedback(session, batch.feedback)
        self._batch = _Batch()

    def note(self) -> str:
        totals = self.totals
        done = (
            "realisasi " + ", ".join(totals.periods.values()) + " sudah diisi"
            if totals.periods
            else "belum ada periode evaluasi yang berakhir"
        )
        return (
            f"SKP {self._year}: {totals.skps} SKP disepakati ({totals.kualitatif} pendekatan "
            f"kualitatif), {totals.rhks} RHK dan {totals.ikis} indikator, "
            f"{totals.rencana_aksi} rencana aksi per periode; {done}."
        )


# --- choices ---------------------------------------------------------------------------------


def _stories(ctx: DemoContext, people: Sequence[PersonPlan]) -> dict[str, Rating]:
    """How each person's year goes: a few above expectation, a few below, most meeting it."""
    keys = [person.key for person in people]
    ctx.rng("skp/stories").shuffle(keys)
    above, below = round(len(keys) * ABOVE_SHARE), round(len(keys) * BELOW_SHARE)
    if len(keys) >= 5:
        above, below = max(above, 1), max(below, 1)
    stories = dict.fromkeys(keys, _SESUAI)
    stories.update(dict.fromkeys(keys[:above], _ATAS))
    stories.update(dict.fromkeys(keys[above : above + below], _BAWAH))
    return stories


def _kualitatif(ctx: DemoContext, people: Sequence[PersonPlan]) -> set[str]:
    """The staff members whose SKP uses the qualitative approach."""
    staff = [person.key for person in people if person.role == "staff"]
    ctx.rng("skp/pendekatan").shuffle(staff)
    count = round(len(staff) * KUALITATIF_SHARE)
    if len(staff) >= 5:
        count = max(count, 1)
    return set(staff[:count])


def _sample_in_order(rng: random.Random, items: Sequence[_T], count: int) -> list[_T]:
    """``count`` of ``items`` (all of them when there are fewer), in their original order."""
    if count <= 0:
        return []
    picked = sorted(rng.sample(range(len(items)), min(count, len(items))))
    return [items[index] for index in picked]


def _working_days_after(day: date, count: int) -> date:
    """The working day ``count`` working days after ``day`` (``day`` itself, or the next one)."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    for _ in range(count):
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
    return day


def _person_target(iki: texts.IkiText, rng: random.Random) -> Decimal:
    """The table's target, with the larger counts varied per person and rounded as people do."""
    target = iki.target
    if iki.aspek is not Aspek.KUANTITAS or target < 20:
        return target
    scaled = target * Decimal(rng.randint(80, 125)) / _HUNDRED
    step = Decimal(50) if target >= 1000 else Decimal(10) if target >= 100 else Decimal(2)
    return max(step, (scaled / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step)


def _period_target(iki: IkiView, months: int) -> Decimal | None:
    """An indicator's target for a period of ``months`` months, per period.

    A count, and a time in months, is the period's share of the year (whole, at least 1); a
    share, an index or a time in days is the same every period.
    """
    if iki.target is None:
        return None
    # A JPT's indicator names its perspektif; the demo made it from an aspek.
    aspek = iki.aspek if iki.perspektif is None else _ASPEK_OF[iki.perspektif]
    count = aspek is Aspek.KUANTITAS and not iki.lower_is_better
    if not count and iki.unit != "Bulan":
        return iki.target
    share = (iki.target * months / 12).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return max(Decimal(1), share)


def _rencana_aksi(
    indicators: Sequence[IkiView],
    phase: str,
    period: Period,
    year: int,
    rng: random.Random,
) -> str:
    """The rencana aksi of an RHK in a period: a phase of the year's work, with its count."""
    counted = next(
        (iki for iki in indicators if iki.indicator.startswith("Jumlah ") and iki.target), None
    )
    if counted is None:
        thing = texts.RENCANA_AKSI_OBJECT
    else:
        thing = counted.indicator.removeprefix("Jumlah ")
    text = rng.choice(texts.RENCANA_AKSI[phase]).format(object=thing, year=year)
    if counted is not None and counted.target is not None:
        text += f"; target {format_quantity(counted.target, counted.unit)} pada {period.label}"
    return text + "."


def _lampiran(domain: str, rng: random.Random) -> dict[LampiranKind, tuple[str, ...]]:
    return {
        LampiranKind.DUKUNGAN_SUMBER_DAYA: tuple(
            _sample_in_order(rng, texts.DUKUNGAN_SUMBER_DAYA[domain], rng.randint(2, 3))
        ),
        LampiranKind.SKEMA_PERTANGGUNGJAWABAN: tuple(
            _sample_in_order(rng, texts.SKEMA_PERTANGGUNGJAWABAN[domain], rng.randint(1, 2))
        ),
        LampiranKind.KONSEKUENSI: tuple(_sample_in_order(rng, texts.KONSEKUENSI, 2)),
    }


def _expectations(rng: random.Random) -> dict[BehaviourValue, str]:
    values = _sample_in_order(rng, list(BehaviourValue), rng.randint(2, 3))
    return {value: rng.choice(texts.EXPECTATIONS[value]) for value in values}


def _levels(
    story: Rating, kinds: Sequence[RhkKind], periods: int, rng: random.Random
) -> tuple[list[Rating], int | None]:
    """The level of each RHK in every period, and the RHK that is weak in the first one only.

    The levels make the person's story read the same in each period under the proposal rule
    of :mod:`~kinerja_desktop.domain.achievement`: above, most RHK above and no main one below;
    below, most RHK below; meeting, at most one RHK above and at most one additional RHK below.
    """
    count = len(kinds)
    levels = [_SESUAI] * count
    if story is _ATAS:
        for index in rng.sample(range(count), max(count // 2 + 1, round(count * 0.75))):
            levels[index] = _ATAS
        return levels, None
    if story is _BAWAH:
        for index in rng.sample(range(count), count // 2 + 1):
            levels[index] = _BAWAH
        return levels, None
    if count >= 3 and rng.random() < 0.35:
        levels[rng.randrange(1, count)] = _ATAS
    additional = [i for i, kind in enumerate(kinds) if kind is RhkKind.TAMBAHAN]
    if additional and rng.random() < 0.25:
        levels[rng.choice(additional)] = _BAWAH
    main = [i for i, kind in enumerate(kinds) if kind is RhkKind.UTAMA and levels[i] is _SESUAI]
    recovering = None
    if periods >= 2 and len(main) >= 3 and rng.random() < 0.3:
        recovering = rng.choice(main)
    return levels, recovering


def _realise(indicators: Sequence[IkiView], level: Rating, rng: random.Random) -> list[Decimal]:
    """Realisation values that make the RHK read as ``level`` (checked with the domain rule)."""
    low, high = _BANDS[level]
    width = high - low + 1
    values = [_value(iki, low + int(rng.random() * width), level) for iki in indicators]
    if _level_of(indicators, values) is not level:
        values = [_value(iki, _EXTREMES[level], level) for iki in indicators]
        if _level_of(indicators, values) is not level:
            raise AssertionError(f"no realisation reads as {level} for {indicators}")
    return values


def _level_of(indicators: Sequence[IkiView], values: Sequence[Decimal]) -> Rating:
    percents = [
        _achievement(iki.target or Decimal(1), value, iki.lower_is_better)
        for iki, value in zip(indicators, values, strict=True)
    ]
    return level_of(result_achievement(percents))


@lru_cache(maxsize=1 << 16)
def _achievement(target: Decimal, value: Decimal, lower_is_better: bool) -> Decimal:
    """:func:`~kinerja_desktop.domain.achievement.achievement`, remembered (figures repeat)."""
    return achievement(target, value, lower_is_better=lower_is_better)


def _value(iki: IkiView, percent: int, level: Rating) -> Decimal:
    return _rounded(
        iki.target or Decimal(1), iki.unit, iki.aspek, iki.lower_is_better, percent, level=level
    )


@lru_cache(maxsize=1 << 16)
def _rounded(
    target: Decimal, unit: str, aspek: Aspek | None, lower: bool, percent: int, *, level: Rating
) -> Decimal:
    """The realisation at ``percent`` of the target, rounded the way the figure is written.

    Counts are whole numbers, percentages and indices have one decimal and stop at 100, times
    have a step that fits their size; rounding never crosses the target the wrong way.
    """
    share = Decimal(percent) / _HUNDRED
    raw = target * ((2 - share) if lower else share)
    count = aspek is Aspek.KUANTITAS and not lower
    if count:
        step = Decimal(1)
    elif unit in _PERCENT_UNITS:
        step = Decimal("0.1")
    else:
        step = Decimal(1) if target >= 20 else Decimal("0.5") if target >= 5 else Decimal("0.1")
    # Round towards the level: up for a higher-is-better figure above target, down below.
    if level is _SESUAI:
        rounding = ROUND_CEILING if lower else ROUND_FLOOR
    else:
        rounding = ROUND_CEILING if (level is _ATAS) != lower else ROUND_FLOOR
    value = (raw / step).quantize(Decimal(1), rounding=rounding) * step
    if level is _SESUAI:
        value = min(value, target) if lower else max(value, target)
    elif count:
        value = max(value, target + 1) if level is _ATAS else min(value, target - 1)
    if unit in _PERCENT_UNITS and not lower:
        value = min(value, _HUNDRED)
    return _plain(max(value, Decimal(0)))


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (12, 96.4, 0.5)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _feedback(level: Rating, *, recovered: bool, rng: random.Random) -> str | None:
    """The supervisor's feedback on one RHK in one period, or None when they wrote none."""
    if recovered:
        return rng.choice(texts.FEEDBACK_RECOVERED)
    chance = {_ATAS: 0.5, _SESUAI: 0.2, _BAWAH: 1.0}[level]
    return rng.choice(texts.FEEDBACK[level]) if rng.random() < chance else None
