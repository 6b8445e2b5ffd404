"""Rekap Pemda: per OPD and period, how far the appraisal is, and what the public says.

An OPD is a unit directly under an instansi (the demo's "Kecamatan Kertapati" under
"Pemerintah Kota Palembang"; a hub holds many). People working directly in the instansi unit
form a row of their own, named after the instansi. Per OPD, for a year and a period code:

- the active people and, per stage (`Stage`), how many are done and the share (Beranda's
  query, `data.repositories.period_progress`);
- the spread of the predikat in force against the Kurva Distribusi for the OPD's recorded
  organisation predikat (Sebaran Predikat's rule, `domain.distribution.check_distribution`);
- the IKM of each service unit from its latest survey of the year;
- open and overdue complaints and audit findings as of ``today``.

Everything is read in one read transaction with a fixed number of statements, whatever the
number of OPDs, surveys or people. A restricted account counts only the people it may see
(as Beranda), checks the spread only of the units it heads (as Sebaran Predikat), and counts
only the complaints, findings and surveys it may read (as the Pengawasan dashboard).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from types import MappingProxyType
from typing import TypeVar

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import feedback as feedback_repo
from kinerja_desktop.data.repositories import findings as findings_repo
from kinerja_desktop.data.repositories import hub_recap as repo
from kinerja_desktop.data.repositories import period_progress as progress_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories import surveys as survey_repo
from kinerja_desktop.domain.distribution import DistributionReport, check_distribution
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import (
    DEFAULT_SCHEME,
    EvaluationScheme,
    Period,
    periods_for_year,
)
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat, effective_predikat
from kinerja_desktop.domain.staff import Unit
from kinerja_desktop.domain.supervision.complaints import FeedbackKind
from kinerja_desktop.domain.supervision.deadlines import DeadlineState
from kinerja_desktop.domain.supervision.ikm import ITEM_COUNT, ServiceGrade, ikm_from_totals
from kinerja_desktop.domain.supervision.survey_period import SurveyPeriod, parse_survey_period
from kinerja_desktop.domain.supervision_access import Subject, SupervisionAction
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.supervision.feedback import to_entry
from kinerja_desktop.services.supervision.findings import to_finding
from kinerja_desktop.services.supervision.units import unit_labels

_T = TypeVar("_T")

#: Whether a person has done each step, in `Stage` order (as Beranda counts them).
_DONE = attrgetter("agreed", "realised", "rated", "predikat", "signed")


@dataclass(frozen=True)
class StageCount:
    """One step in one OPD: how many of its active people did it."""

    stage: Stage
    done: int
    total: int

    @property
    def share(self) -> float | None:
        """``done`` as a fraction of ``total`` (0.75); None when the OPD has nobody."""
        return self.done / self.total if self.total else None

    @property
    def percent_text(self) -> str:
        """E.g. "75,0%"; "—" when the OPD has nobody."""
        share = self.share
        return "—" if share is None else f"{share * 100:.1f}%".replace(".", ",")


@dataclass(frozen=True)
class OpdDistribution:
    """The OPD's predikat in force for the period, checked against the curve when possible.

    Attributes:
        counts: People per predikat, every predikat present.
        undecided: People counted in the OPD whose predikat is not decided yet.
        org: The OPD's recorded organisation predikat; None when not recorded.
        report: The check against the curve; None without ``org``.
    """

    counts: Mapping[Predikat, int]
    undecided: int
    org: OrgPredikat | None
    report: DistributionReport | None

    @property
    def total(self) -> int:
        """People with a decided predikat."""
        return sum(self.counts.values())

    @property
    def follows_curve(self) -> bool | None:
        """Whether the spread follows the curve; None when it cannot be checked yet."""
        if self.report is None or not self.total:
            return None
        return self.report.ok

    @property
    def verdict(self) -> str:
        """One phrase for the table, e.g. "Sesuai kurva" or "2 temuan"."""
        if self.org is None:
            return "Predikat organisasi belum dicatat"
        if not self.total:
            return "Belum ada predikat"
        if self.report is not None and self.report.findings:
            return f"Tidak sesuai ({len(self.report.findings)} temuan)"
        return "Sesuai kurva"

    @property
    def findings_text(self) -> str:
        """Every finding's message, one per line; empty without findings."""
        if self.report is None:
            return ""
        return "\n".join(finding.message for finding in self.report.findings)


@dataclass(frozen=True)
class ServiceUnitIkm:
    """A service unit's index from its latest survey of the year.

    Attributes:
        unit_label: E.g. "Poli Umum (Puskesmas Kertapati)".
        survey: The survey period, e.g. "2026-S2" / "Semester II 2026".
        ikm: The published IKM (two decimals); None when it cannot be computed yet.
        ikm_text: E.g. "82,47"; empty when ``ikm`` is None.
    """

    unit_id: int
    unit_label: str
    survey: SurveyPeriod
    respondents: int
    ikm: Decimal | None
    ikm_text: str
    grade: ServiceGrade | None


@dataclass(frozen=True)
class OpdSupervision:
    """The OPD's open complaints and audit findings, and those past their deadline."""

    open_complaints: int = 0
    overdue_complaints: int = 0
    open_findings: int = 0
    overdue_findings: int = 0


@dataclass(frozen=True)
class OpdRecap:
    """One OPD's row of the recap.

    Attributes:
        unit_id: The OPD's unit (the instansi's own for its directly placed people).
        name: The OPD's name.
        instansi_name: The instansi it belongs to.
        period: The period in the instansi's scheme; None when its scheme has no such period
            (the counts are then empty).
        people: Active people the account may see.
        stages: One count per `Stage`, in order.
        distribution: The spread; None when the account may not check this unit.
        ikm: The service units' latest index of the year, by label.
        supervision: Open and overdue complaints and findings.
    """

    unit_id: int
    name: str
    instansi_name: str
    period: Period | None
    people: int
    stages: tuple[StageCount, ...]
    distribution: OpdDistribution | None
    ikm: tuple[ServiceUnitIkm, ...]
    supervision: OpdSupervision

    def stage(self, stage: Stage) -> StageCount:
        return next(found for found in self.stages if found.stage is stage)


@dataclass(frozen=True)
class HubRecap:
    """The Rekap Pemda of one year and period.

    Attributes:
        period_label: E.g. "Triwulan IV".
        opds: One row per OPD, by instansi then name.
        total: Every OPD's stages added up (``people`` and ``stages`` only).
    """

    year: int
    period_code: str
    period_label: str
    today: date
    opds: tuple[OpdRecap, ...]
    total: OpdRecap


@dataclass(frozen=True)
class _Tree:
    """The unit tree as the recap groups it."""

    units: dict[int, Unit]
    #: Each unit's OPD (the instansi itself for the instansi unit).
    opd_of: dict[int, int]
    #: Each unit's instansi.
    instansi_of: dict[int, int]


class HubRecapService:
    """Reads the Rekap Pemda."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def periods(self, year: int) -> tuple[Period, ...]:
        """The periods any instansi has in ``year``, periodic ones in order, then Akhir."""
        with self._db.reading() as session:
            schemes = _schemes(session, year)
        return _choices(year, set(schemes.values()) or {DEFAULT_SCHEME})

    def default_period(self, today: date) -> str:
        """The code of the period running on ``today`` (the first periodic one as fallback)."""
        choices = self.periods(today.year)
        running = [p for p in choices if not p.is_final and p.contains(today)]
        return (running or list(choices))[0].code

    def recap(self, year: int, period_code: str, today: date | None = None) -> HubRecap:
        """The recap of ``period_code`` in ``year``; overdue counted on ``today``.

        Raises:
            ValidationError: No instansi has that period in ``year`` (field "period").
        """
        day = today or date.today()
        code = period_code.strip().upper()
        with self._db.reading() as session:
            units = staff_repo.all_units(session)
            tree = _tree(units)
            schemes = _schemes(session, year)
            periods = {
                root: _period(year, schemes.get(root, DEFAULT_SCHEME), code)
                for root in tree.units
                if tree.units[root].parent_id is None
            }
            label = next((p.label for p in periods.values() if p is not None), None)
            if label is None:
                raise ValidationError(
                    f"Periode '{period_code.strip()}' tidak ada pada tahun {year}. Pilih salah "
                    f"satu: {', '.join(p.code for p in _choices(year, set(schemes.values())))}.",
                    field="period",
                )
            scope = [u for u in tree.units if periods[tree.instansi_of[u]] is not None]
            stages = progress_repo.period_stages(session, year, code, scope)
            members = repo.predikat_of_members(session, year, code, scope)
            orgs = {found.unit_id: found for found in repo.org_predikats(session, year, code)}
            visible = self._access.visible(session)
            headed = self._access.units(session)
            reads, labels = self._reads(session), unit_labels(session)
            ikm = _ikm(session, year, tree, labels, reads)
            watch = _supervision(session, day, tree, labels, reads)
        if visible is not None:
            stages = [person for person in stages if person.employee_id in visible]
            members = [person for person in members if person.employee_id in visible]
        people = _grouped(stages, lambda person: tree.opd_of[person.unit_id])
        spread = _grouped(members, lambda person: tree.opd_of[person.unit_id])
        rows = []
        for opd in _opd_order(tree):
            period = periods[tree.instansi_of[opd]]
            shown = people.get(opd, [])
            is_instansi = tree.units[opd].parent_id is None
            # The instansi's own row shows only when something is placed directly in it; a
            # restricted account sees only the OPDs it has something of.
            if (is_instansi or visible is not None) and not (shown or opd in ikm or opd in watch):
                continue
            org = orgs.get(opd)
            rows.append(
                OpdRecap(
                    unit_id=opd,
                    name=tree.units[opd].name,
                    instansi_name=tree.units[tree.instansi_of[opd]].name,
                    period=period,
                    people=len(shown),
                    stages=_counts(shown),
                    distribution=(
                        _distribution(
                            spread.get(opd, []), OrgPredikat(org.predikat) if org else None
                        )
                        if headed is None or opd in headed
                        else None
                    ),
                    ikm=ikm.get(opd, ()),
                    supervision=watch.get(opd, OpdSupervision()),
                )
            )
        every = [person for opd in people.values() for person in opd]
        total = OpdRecap(0, "Semua OPD", "", None, len(every), _counts(every), None, (), _sum(rows))
        return HubRecap(year, code, label, day, tuple(rows), total)

    def _reads(self, session: Session) -> Callable[[Subject], bool]:
        if not self._access.restricted:
            return lambda _subject: True
        scope = self._access.supervision(session)
        return lambda subject: scope.allows(SupervisionAction.READ, subject)


def _schemes(session: Session, year: int) -> dict[int, EvaluationScheme]:
    return {
        found.instansi_id: found.scheme
        for found in staff_repo.appraisal_years(session)
        if found.year == year
    }


def _choices(year: int, schemes: set[EvaluationScheme]) -> tuple[Period, ...]:
    """The periods of every scheme in use, periodic ones first (by start), Akhir last."""
    found: dict[str, Period] = {}
    for scheme in sorted(schemes):
        for period in periods_for_year(year, scheme):
            found.setdefault(period.code, period)
    return tuple(sorted(found.values(), key=lambda p: (p.is_final, p.start, p.end)))


def _period(year: int, scheme: EvaluationScheme, code: str) -> Period | None:
    return next((p for p in periods_for_year(year, scheme) if p.code == code), None)


def _tree(units: Sequence[Unit]) -> _Tree:
    by_id = {int(unit.id): unit for unit in units}
    opd_of: dict[int, int] = {}
    instansi_of: dict[int, int] = {}
    for unit in units:
        chain = [int(unit.id)]
        while (parent := by_id[chain[-1]].parent_id) is not None and int(parent) in by_id:
            chain.append(int(parent))
        instansi_of[int(unit.id)] = chain[-1]
        opd_of[int(unit.id)] = chain[-2] if len(chain) > 1 else chain[-1]
    return _Tree(by_id, opd_of, instansi_of)


def _opd_order(tree: _Tree) -> list[int]:
    """The instansi by name, each with its own row first, then its OPDs by name."""
    roots = sorted(
        (u for u in tree.units.values() if u.parent_id is None), key=lambda u: u.name.casefold()
    )
    order: list[int] = []
    for root in roots:
        order.append(int(root.id))
        order += sorted(
            (int(u.id) for u in tree.units.values() if u.parent_id == root.id),
            key=lambda unit_id: tree.units[unit_id].name.casefold(),
        )
    return order


def _grouped(items: Sequence[_T], key: Callable[[_T], int]) -> dict[int, list[_T]]:
    found: dict[int, list[_T]] = {}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return found


def _counts(people: Sequence[progress_repo.PersonStage]) -> tuple[StageCount, ...]:
    # One pass in C over the flags: a Python test per person and stage took a quarter of a
    # second at 20,000 people.
    done = [sum(flags) for flags in zip(*map(_DONE, people), strict=True)] or [0] * len(Stage)
    return tuple(StageCount(stage, n, len(people)) for stage, n in zip(Stage, done, strict=True))


def _distribution(
    members: Sequence[repo.PersonPredikat], org: OrgPredikat | None
) -> OpdDistribution:
    counts = dict.fromkeys(Predikat, 0)
    undecided = 0
    # The rule is applied per distinct pair of stored codes, not per person.
    pairs = Counter((person.final, person.on_objection) for person in members)
    for (final, on_objection), people in pairs.items():
        effective = effective_predikat(
            Predikat(final) if final else None,
            Predikat(on_objection) if on_objection else None,
        )
        if effective is None:
            undecided += people
        else:
            counts[effective.predikat] += people
    report = check_distribution(org, counts) if org is not None else None
    return OpdDistribution(MappingProxyType(counts), undecided, org, report)


def _ikm(
    session: Session,
    year: int,
    tree: _Tree,
    labels: Mapping[int, str],
    reads: Callable[[Subject], bool],
) -> dict[int, tuple[ServiceUnitIkm, ...]]:
    """Per OPD, each service unit's latest survey of ``year``, by the unit's label."""
    latest: dict[int, tuple[SurveyPeriod, survey_repo.StoredSurvey]] = {}
    for stored in survey_repo.surveys(session):
        period = parse_survey_period(stored.period_code)
        if period.start.year != year or not reads(Subject(stored.unit_id)):
            continue
        if stored.unit_id not in tree.opd_of:
            continue
        known = latest.get(stored.unit_id)
        if known is None or period.sort_key > known[0].sort_key:
            latest[stored.unit_id] = (period, stored)
    totals = repo.item_totals_by_survey(session, [stored.id for _, stored in latest.values()])
    found: dict[int, list[ServiceUnitIkm]] = {}
    for unit_id, (period, stored) in latest.items():
        counted = totals.get(stored.id)
        entry = ServiceUnitIkm(
            unit_id, labels.get(unit_id, stored.unit_name), period, 0, None, "", None
        )
        if counted is not None:
            entry = _with_index(entry, counted)
        found.setdefault(tree.opd_of[unit_id], []).append(entry)
    return {
        opd: tuple(sorted(entries, key=lambda e: e.unit_label.casefold()))
        for opd, entries in found.items()
    }


def _with_index(entry: ServiceUnitIkm, totals: survey_repo.ItemTotals) -> ServiceUnitIkm:
    try:
        result = ikm_from_totals(
            totals.totals,
            totals.counts,
            respondents=totals.respondents,
            unanswered=totals.respondents * ITEM_COUNT - sum(totals.counts),
        )
    except ValidationError:  # an unsur nobody answered yet: no index, only the respondents
        return ServiceUnitIkm(
            entry.unit_id, entry.unit_label, entry.survey, totals.respondents, None, "", None
        )
    return ServiceUnitIkm(
        entry.unit_id,
        entry.unit_label,
        entry.survey,
        totals.respondents,
        result.ikm,
        result.ikm_text,
        result.grade,
    )


def _supervision(
    session: Session,
    today: date,
    tree: _Tree,
    labels: dict[int, str],
    reads: Callable[[Subject], bool],
) -> dict[int, OpdSupervision]:
    """Per OPD, open and overdue complaints (compliments left out) and open findings.

    A record belongs to its unit's OPD, or to its person's when it names no unit.
    """
    named = repo.units_of_named_people(session)

    def opd(unit_id: int | None, employee_id: int | None) -> int | None:
        unit = unit_id if unit_id is not None else named.get(employee_id or 0)
        return tree.opd_of.get(unit) if unit is not None else None

    counts: dict[int, list[int]] = {}
    for stored in feedback_repo.find(session, feedback_repo.FeedbackQuery(open_only=True)):
        entry = to_entry(stored, labels, today)
        where = opd(entry.unit_id, entry.employee_id)
        if entry.kind is FeedbackKind.APRESIASI or where is None or not reads(entry.subject):
            continue
        row = counts.setdefault(where, [0, 0, 0, 0])
        row[0] += 1
        row[1] += entry.deadline.state is DeadlineState.OVERDUE
    for stored_finding in findings_repo.find(session, open_only=True):
        finding = to_finding(stored_finding, labels, today)
        where = opd(finding.unit_id, finding.employee_id)
        if where is None or not reads(finding.subject):
            continue
        row = counts.setdefault(where, [0, 0, 0, 0])
        row[2] += 1
        row[3] += finding.deadline.state is DeadlineState.OVERDUE
    return {where: OpdSupervision(*row) for where, row in counts.items()}


def _sum(rows: Sequence[OpdRecap]) -> OpdSupervision:
    return OpdSupervision(
        sum(row.supervision.open_complaints for row in rows),
        sum(row.supervision.overdue_complaints for row in rows),
        sum(row.supervision.open_findings for row in rows),
        sum(row.supervision.overdue_findings for row in rows),
    )
