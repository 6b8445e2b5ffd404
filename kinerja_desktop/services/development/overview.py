"""The unit's development at a glance: training needs, JP progress, follow-up, and the export.

The unit head reads it on the Kompetensi page's unit view and on Beranda (plans that lapsed,
items to review at a new period); the personnel office receives it as an XLSX training plan.
Everything is read in one transaction with a few queries, whatever the size of the office.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import competence as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.attention import NAMES_SHOWN, AttentionItem, Severity
from kinerja_desktop.domain.competence import Competence
from kinerja_desktop.domain.development import current_period_start, minimum_jp, pns_minimum_jp
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.domain.staff import Employee, EmployeeId, Unit
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.development.service import DevelopmentPlan, make_plan, plan_item
from kinerja_desktop.services.development.unit import (
    CompetenceNeed,
    PersonDevelopment,
    UnitDevelopment,
)
from kinerja_desktop.services.development.workbook import write_training_plan

#: Up to this many people are filtered in SQL (below SQLite's bound parameter limit).
_IN_LIMIT = 30_000
#: From this month on, Beranda names the people still short of the yearly JP minimum.
JP_REMINDER_MONTH = 10

__all__ = [
    "CompetenceNeed",
    "DevelopmentOverviewService",
    "PersonDevelopment",
    "UnitDevelopment",
]


def _roots(units: Sequence[Unit]) -> dict[int, int]:
    """Each unit's instansi (the root of its tree)."""
    parent: dict[int, int | None] = {unit.id: unit.parent_id for unit in units}
    roots: dict[int, int] = {}
    for unit in units:
        current: int = unit.id
        seen = {current}
        while (above := parent.get(current)) is not None and above not in seen:
            seen.add(above)
            current = above
        roots[unit.id] = current
    return roots


def _needs(
    lines: Iterable[PersonDevelopment], gaps: dict[int, list[tuple[Competence, int, int]]]
) -> tuple[CompetenceNeed, ...]:
    below: Counter[str] = Counter()
    short: Counter[str] = Counter()
    rated: Counter[str] = Counter()
    competences: dict[str, Competence] = {}
    for line in lines:
        for competence, held, required in gaps.get(line.person.id, []):
            competences[competence.code] = competence
            rated[competence.code] += 1
            if held < required:
                below[competence.code] += 1
                short[competence.code] += required - held
    needs = [
        CompetenceNeed(competences[code], below[code], short[code], rated[code])
        for code in competences
    ]
    needs.sort(key=lambda need: (-need.people_below, -need.levels_short, need.competence.code))
    return tuple(needs)


def plans_in(
    session: Session,
    year: int,
    today: date,
    people: Sequence[Employee],
    units: Sequence[Unit],
) -> dict[int, DevelopmentPlan]:
    """The plans of ``year`` of many people, flagged on ``today`` with their instansi's periods."""
    roots = _roots(units)
    starts: dict[int, date | None] = {}
    for root in set(roots.values()):
        found = staff_repo.appraisal_year(session, root, year)
        scheme = found.scheme if found else EvaluationScheme.TRIWULAN
        starts[root] = current_period_start(periods_for_year(year, scheme), today)
    items: dict[int, list[repo.StoredItem]] = {}
    ids = [person.id for person in people]
    for stored in repo.year_items(session, year, ids if len(ids) < _IN_LIMIT else None):
        items.setdefault(stored.data.employee_id, []).append(stored)
    plans: dict[int, DevelopmentPlan] = {}
    for person in people:
        start = starts.get(roots.get(person.unit_id, person.unit_id))
        flagged = tuple(plan_item(s, today, start) for s in items.get(person.id, []))
        plans[person.id] = make_plan(person.id, year, flagged, today, person.status)
    return plans


class DevelopmentOverviewService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def unit(self, year: int, today: date, unit_id: int | None = None) -> UnitDevelopment:
        """The active people of a unit and the units below it (everyone when None).

        Only the people the signed-in account may see are included.
        """
        with self._db.reading() as session:
            return self.unit_in(session, year, today, unit_id, self._access.visible(session))

    @staticmethod
    def unit_in(
        session: Session,
        year: int,
        today: date,
        unit_id: int | None = None,
        only: frozenset[int] | None = None,
    ) -> UnitDevelopment:
        """`unit` inside the caller's session (``only``: these people, None for all)."""
        units = staff_repo.all_units(session)
        names: dict[int, str] = {unit.id: unit.name for unit in units}
        scope_ids = (
            subtree(((unit.id, unit.parent_id) for unit in units), unit_id)
            if unit_id is not None
            else None
        )
        people = [
            person
            for person in staff_repo.all_employees(session, active_only=True, unit_ids=scope_ids)
            if only is None or person.id in only
        ]
        people.sort(key=lambda person: (person.name.casefold(), person.nip))
        plans = plans_in(session, year, today, people, units)
        day = today if today.year == year else date(year, 12, 31)
        profiles = CompetenceService.profiles_in(session, people, day)

        gaps: dict[int, list[tuple[Competence, int, int]]] = {}
        lines = []
        for person in people:
            profile = profiles[person.id]
            gaps[person.id] = [(g.competence, g.held, g.required) for g in profile.gaps]
            lines.append(
                PersonDevelopment(
                    person=person,
                    unit_name=names.get(person.unit_id, ""),
                    jpm=profile.jpm,
                    below_standard=sum(1 for g in profile.gaps if g.held < g.required),
                    plan=plans[person.id],
                )
            )
        scope = names.get(unit_id, "") if unit_id is not None else "Semua unit"
        return UnitDevelopment(year, scope, tuple(lines), _needs(lines, gaps))

    def export_xlsx(
        self, overview: UnitDevelopment, target: Path, *, today: date | None = None
    ) -> Path:
        """Write the training plan for the personnel office; returns the file written.

        ``today`` is the day the workbook says it was made (the real date unless given).

        Raises:
            ValidationError: The file cannot be written (named in the message).
        """
        write_training_plan(overview, target, today or date.today())
        return target


def follow_up_check(session: Session, today: date) -> list[AttentionItem]:
    """Beranda's items for the development plans of ``today``'s year.

    A plan that lapsed is for the unit head; overdue items and the open items a new period
    brings up are for the supervisor; from October, people still short of the yearly JP minimum
    (PNS; a PPPK follows their own rule and is listed only when it is recorded).

    A fixed number of statements whatever the size of the office, and only the people with a
    plan item are built: everyone else has done 0 JP, so they are short exactly when their
    status has a minimum, which one column of ids ordered by name says.
    """
    year = today.year
    units = staff_repo.all_units(session)
    planners = [
        person
        for person in staff_repo.employees_among(session, repo.planners_of_year(year))
        if person.active
    ]
    planners.sort(key=lambda person: (person.name, person.id))
    plans = plans_in(session, year, today, planners, units)

    def who(test: Callable[[DevelopmentPlan], bool]) -> list[Employee]:
        return [person for person in planners if test(plans[person.id])]

    found = []
    checks: list[tuple[Severity, str, list[Employee]]] = [
        (
            Severity.PENTING,
            "Rencana pengembangan terhenti (untuk kepala unit): {n} pegawai",
            who(lambda plan: plan.lapsed),
        ),
        (
            Severity.PENTING,
            "Kegiatan pengembangan terlambat: {n} pegawai",
            who(lambda plan: not plan.lapsed and any(e.overdue for e in plan.items)),
        ),
        (
            Severity.INFO,
            "Periode baru: tinjau rencana pengembangan {n} pegawai",
            who(lambda plan: any(e.needs_review for e in plan.items)),
        ),
    ]
    for severity, title, listed in checks:
        if listed:
            found.append(AttentionItem.about_people(severity, title, listed))
    if today.month >= JP_REMINDER_MONTH:
        short = _short_of_minimum(session, planners, plans)
        if short:
            title = "Belum mencapai {minimum} JP tahun ini: {n} pegawai"
            named = staff_repo.employees_with_ids(session, short[:NAMES_SHOWN])
            found.append(
                AttentionItem.about_many(
                    Severity.INFO, title.replace("{minimum}", str(pns_minimum_jp())), short, named
                )
            )
    return found


def _short_of_minimum(
    session: Session, planners: Sequence[Employee], plans: dict[int, DevelopmentPlan]
) -> list[EmployeeId]:
    """The active people below their status's yearly JP minimum, by name."""
    bound = [status for status in EmploymentStatus if (minimum_jp(status) or 0) > 0]
    reached = {person.id for person in planners if plans[person.id].shortfall <= 0}
    return [i for i in staff_repo.active_ids_by_name(session, bound) if i not in reached]
