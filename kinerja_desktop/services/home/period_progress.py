"""Beranda's picture of the running period: per unit, how far everyone has come.

For each instansi, the period running today (by its scheme) and, per unit, how many active
people have an agreed SKP, a complete realisation, both ratings, the predikat and a signed
evaluation for it, with the people still missing each step. Read in one transaction with a
fixed number of statements (`data.repositories.period_progress`), whatever the number of people; a
restricted account counts only the people it may see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import period_progress as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.periods import EvaluationScheme, Period, periods_for_year
from kinerja_desktop.domain.staff import Unit, full_name
from kinerja_desktop.services.accounts.access_guard import AccessGuard


class Stage(StrEnum):
    """The steps of a period, in the order they are done."""

    SKP = "SKP"
    REALISASI = "REALISASI"
    RATING = "RATING"
    PREDIKAT = "PREDIKAT"
    DITANDATANGANI = "DITANDATANGANI"

    @property
    def label(self) -> str:
        return {
            Stage.SKP: "SKP disepakati",
            Stage.REALISASI: "Realisasi lengkap",
            Stage.RATING: "Rating hasil & perilaku",
            Stage.PREDIKAT: "Predikat",
            Stage.DITANDATANGANI: "Evaluasi ditandatangani",
        }[self]

    @property
    def heading(self) -> str:
        """The column heading, short enough for a narrow screen."""
        return {
            Stage.SKP: "SKP disepakati",
            Stage.REALISASI: "Realisasi",
            Stage.RATING: "Rating",
            Stage.PREDIKAT: "Predikat",
            Stage.DITANDATANGANI: "Ditandatangani",
        }[self]


#: Whether a person has done each step.
_DONE: dict[Stage, Callable[[repo.PersonStage], bool]] = {
    Stage.SKP: lambda person: person.agreed,
    Stage.REALISASI: lambda person: person.realised,
    Stage.RATING: lambda person: person.rated,
    Stage.PREDIKAT: lambda person: person.predikat,
    Stage.DITANDATANGANI: lambda person: person.signed,
}


@dataclass(frozen=True)
class MissingPerson:
    employee_id: int
    name: str
    nip: str


@dataclass(frozen=True)
class StageProgress:
    """One step in one unit: how many of its people did it, and who has not yet."""

    stage: Stage
    done: int
    total: int
    missing: tuple[MissingPerson, ...]

    @property
    def text(self) -> str:
        """E.g. "7 dari 9"."""
        return f"{self.done} dari {self.total}"


@dataclass(frozen=True)
class UnitProgress:
    unit_id: int
    unit_name: str
    stages: tuple[StageProgress, ...]

    def stage(self, stage: Stage) -> StageProgress:
        return next(found for found in self.stages if found.stage is stage)


@dataclass(frozen=True)
class Deadline:
    """The date the period's work is due by; ``days_left`` is negative once it has passed."""

    on: date
    days_left: int
    what: str

    @property
    def text(self) -> str:
        """E.g. "31 Desember 2026 (33 hari lagi): ..."."""
        if self.days_left > 0:
            when = f"{self.days_left} hari lagi"
        elif self.days_left == 0:
            when = "hari ini"
        else:
            when = f"sudah lewat {-self.days_left} hari"
        return f"{format_date_id(self.on)} ({when}): {self.what}"


@dataclass(frozen=True)
class InstansiProgress:
    """The running period of one instansi and its units' progress.

    Attributes:
        units: The units with active people the account may see, in tree order.
        total: The whole instansi (as far as the account sees it), one entry per stage.
        periods: The periodic periods of the instansi's scheme, to choose another one.
    """

    instansi_id: int
    instansi_name: str
    year: int
    period: Period
    deadline: Deadline
    units: tuple[UnitProgress, ...]
    total: UnitProgress
    periods: tuple[Period, ...] = ()


class PeriodProgressService:
    """Beranda's progress of the running period."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def running(
        self, today: date | None = None, period_code: str | None = None
    ) -> tuple[InstansiProgress, ...]:
        """The period of every instansi with people the account may see.

        Args:
            today: The day whose running period is shown (the real date when not given).
            period_code: Another periodic period of the year to show instead ("TW3"), where
                the instansi's scheme has it.
        """
        day = today or date.today()
        with self._db.reading() as session:
            units = staff_repo.all_units(session)
            schemes = {
                found.instansi_id: found.scheme
                for found in staff_repo.appraisal_years(session)
                if found.year == day.year
            }
            roots = [unit for unit in units if unit.parent_id is None]
            edges = [(unit.id, unit.parent_id) for unit in units]
            scopes = {root.id: subtree(edges, root.id) for root in roots}
            periods = {
                root.id: _chosen(day, schemes.get(root.id, EvaluationScheme.TRIWULAN), period_code)
                for root in roots
            }
            people: dict[str, list[repo.PersonStage]] = {}
            # One statement per distinct running period (one for nearly every office).
            for code in sorted({period.code for period in periods.values()}):
                scope = {u for root, p in periods.items() if p.code == code for u in scopes[root]}
                people[code] = repo.period_stages(session, day.year, code, scope)
            visible = self._access.visible(session)
        names: dict[int, str] = {unit.id: unit.name for unit in units}
        order = {unit_id: n for n, unit_id in enumerate(_tree_order(units))}
        result = []
        for root in sorted(roots, key=lambda unit: unit.name):
            period = periods[root.id]
            mine = [
                person
                for person in people[period.code]
                if person.unit_id in scopes[root.id]
                and (visible is None or person.employee_id in visible)
            ]
            if not mine:
                continue
            by_unit: dict[int, list[repo.PersonStage]] = {}
            for person in mine:
                by_unit.setdefault(person.unit_id, []).append(person)
            result.append(
                InstansiProgress(
                    instansi_id=root.id,
                    instansi_name=root.name,
                    year=day.year,
                    period=period,
                    deadline=_deadline(period, day),
                    units=tuple(
                        _unit(unit_id, names[unit_id], by_unit[unit_id])
                        for unit_id in sorted(by_unit, key=lambda u: order.get(u, 0))
                    ),
                    total=_unit(root.id, "Semua unit", mine),
                    periods=_periodic(day, schemes.get(root.id, EvaluationScheme.TRIWULAN)),
                )
            )
        return tuple(result)


def _periodic(day: date, scheme: EvaluationScheme) -> tuple[Period, ...]:
    return tuple(period for period in periods_for_year(day.year, scheme) if not period.is_final)


def _chosen(day: date, scheme: EvaluationScheme, code: str | None) -> Period:
    """The period ``code`` of the scheme, else the one running on ``day``."""
    periodic = _periodic(day, scheme)
    found = [period for period in periodic if period.code == code]
    running = [period for period in periodic if period.contains(day)]
    return (found or running or periodic[-1:])[0]


def _deadline(period: Period, day: date) -> Deadline:
    return Deadline(
        period.end,
        (period.end - day).days,
        f"akhir {period.label}: realisasi, rating, predikat dan evaluasi yang ditandatangani",
    )


def _unit(unit_id: int, name: str, people: Sequence[repo.PersonStage]) -> UnitProgress:
    return UnitProgress(
        unit_id,
        name,
        tuple(
            StageProgress(
                stage,
                sum(1 for person in people if done(person)),
                len(people),
                tuple(
                    MissingPerson(
                        person.employee_id,
                        full_name(person.name, person.gelar_depan, person.gelar_belakang),
                        person.nip,
                    )
                    for person in people
                    if not done(person)
                ),
            )
            for stage, done in _DONE.items()
        ),
    )


def _tree_order(units: Sequence[Unit]) -> list[int]:
    """Unit ids depth first, children by name, as the unit tree is shown."""
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    order: list[int] = []

    def visit(parent: int | None) -> None:
        for unit in sorted(children.get(parent, []), key=lambda u: u.name):
            order.append(unit.id)
            visit(unit.id)

    visit(None)
    return order
