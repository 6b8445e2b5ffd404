"""The unit view's value types: each person's development line, and the unit's needs.

Kept apart from the service that reads them so the training-plan workbook, which writes them,
does not import the service that exports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kinerja_desktop.domain.competence import Competence, JobPersonMatch
from kinerja_desktop.domain.development import ItemStatus, JpTotal
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.development.service import DevelopmentPlan, PlanItem


@dataclass(frozen=True)
class PersonDevelopment:
    """One person's line of the unit view.

    Attributes:
        below_standard: Rated competences below the level the jabatan requires.
        jpm: Job Person Match over the rated competences; None when none is rated.
    """

    person: Employee
    unit_name: str
    jpm: JobPersonMatch | None
    below_standard: int
    plan: DevelopmentPlan

    @property
    def jp(self) -> JpTotal:
        return self.plan.jp

    def count(self, status: ItemStatus) -> int:
        return sum(1 for entry in self.plan.items if entry.item.status is status)

    @property
    def overdue(self) -> int:
        return sum(1 for entry in self.plan.items if entry.overdue)

    @property
    def to_review(self) -> int:
        return sum(1 for entry in self.plan.items if entry.needs_review)

    @property
    def completion(self) -> Decimal | None:
        """Share of the items not cancelled that are done, 0 to 1; None without such items."""
        counted = len(self.plan.items) - self.count(ItemStatus.DIBATALKAN)
        if counted == 0:
            return None
        return Decimal(self.count(ItemStatus.SELESAI)) / Decimal(counted)


@dataclass(frozen=True)
class CompetenceNeed:
    """How much a competence needs work in the unit.

    Attributes:
        people_below: People rated below the level their jabatan requires.
        levels_short: The levels missing, added over those people.
        rated: People rated on this competence at all.
    """

    competence: Competence
    people_below: int
    levels_short: int
    rated: int


@dataclass(frozen=True)
class UnitDevelopment:
    """The unit view of a year: people (by name) and competences (most needed first)."""

    year: int
    scope: str
    people: tuple[PersonDevelopment, ...]
    needs: tuple[CompetenceNeed, ...]

    @property
    def lapsed(self) -> list[PersonDevelopment]:
        return [line for line in self.people if line.plan.lapsed]

    @property
    def items(self) -> Iterable[tuple[PersonDevelopment, PlanItem]]:
        """Every plan item with its person, for the training plan."""
        for line in self.people:
            for entry in line.plan.items:
                yield line, entry
