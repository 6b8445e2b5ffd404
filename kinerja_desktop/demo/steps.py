"""The write steps of the demo: each adds its part of the plan in the one transaction."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff_bulk
from kinerja_desktop.demo.plan import RETIREMENT_AGE, OfficePlan
from kinerja_desktop.domain.staff import EmploymentEventKind, validate_staff_fields


@dataclass
class DemoContext:
    """What each demo step works with: the open transaction, the plan, and the ids written.

    Attributes:
        session: The one write transaction of the whole demo; steps never commit.
        plan: The office being written.
        seed: The seed of the demo; use :meth:`rng` for a step's own random numbers.
        today: The day the demo is written for.
        stamp: Timestamp written into created/recorded columns, so that the content is the same
            for the same seed and day.
        unit_ids: Database id of each unit, by plan key (after the units step).
        employee_ids: Database id of each person, by plan key (after the people step).
        notes: Summary lines that steps add (in Indonesian).
    """

    session: Session
    plan: OfficePlan
    seed: int
    today: date
    stamp: datetime
    unit_ids: dict[str, int] = field(default_factory=dict)
    employee_ids: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def rng(self, step: str) -> random.Random:
        """Return a random generator of its own for ``step``, so steps never disturb each other."""
        return random.Random(f"kinerja-demo/{self.seed}/{step}")


DemoStep = Callable[[DemoContext], None]


def write_units(ctx: DemoContext) -> None:
    """Write the instansi and its units, parents first."""
    first = staff_bulk.next_unit_id(ctx.session)
    rows = []
    for offset, unit in enumerate(ctx.plan.units):
        ctx.unit_ids[unit.key] = first + offset
        rows.append(
            {
                "id": first + offset,
                "name": unit.name,
                "kind": unit.kind.value,
                "parent_id": ctx.unit_ids[unit.parent] if unit.parent else None,
                "city": ctx.plan.city,
            }
        )
    staff_bulk.insert_units(ctx.session, rows)


def write_people(ctx: DemoContext) -> None:
    """Write every person, each after their penilai; every record passes the form's checks."""
    first = staff_bulk.next_employee_id(ctx.session)
    rows = []
    for offset, person in enumerate(ctx.plan.people):
        valid = validate_staff_fields(person.fields())
        ctx.employee_ids[person.key] = first + offset
        rows.append(
            {
                "id": first + offset,
                "nip": str(valid.nip),
                "name": valid.name,
                "gelar_depan": valid.gelar_depan,
                "gelar_belakang": valid.gelar_belakang,
                "status": valid.status.value,
                "golongan": valid.golongan.code,
                "jabatan": valid.jabatan,
                "jabatan_kind": valid.jabatan_kind.value,
                "jenjang": valid.jenjang.value if valid.jenjang else None,
                "unit_id": ctx.unit_ids[person.unit],
                "penilai_id": ctx.employee_ids[person.penilai] if person.penilai else None,
                "active": person.active,
                "created_at": ctx.stamp,
                "updated_at": ctx.stamp,
                "version": 1,
            }
        )
    staff_bulk.insert_employees(ctx.session, rows)


def write_history(ctx: DemoContext) -> None:
    """Write each person's MASUK, and the one mutasi and one pensiun of the demo."""
    rows = []
    for person in ctx.plan.people:
        employee_id = ctx.employee_ids[person.key]
        rows.append(
            _event(ctx, employee_id, EmploymentEventKind.MASUK, person.joined, to=person.first_unit)
        )
        if person.moved_on is not None:
            moved = EmploymentEventKind.MUTASI
            rows.append(
                _event(
                    ctx,
                    employee_id,
                    moved,
                    person.moved_on,
                    start=person.first_unit,
                    to=person.unit,
                )
            )
        if person.left_on is not None:
            retired = EmploymentEventKind.PENSIUN
            event = _event(ctx, employee_id, retired, person.left_on, start=person.unit)
            event["note"] = f"Pensiun batas usia ({RETIREMENT_AGE} tahun)."
            rows.append(event)
    staff_bulk.insert_events(ctx.session, rows)


def _event(
    ctx: DemoContext,
    employee_id: int,
    kind: EmploymentEventKind,
    on: date,
    *,
    start: str | None = None,
    to: str | None = None,
) -> dict[str, Any]:
    """Return one history row; ``start`` and ``to`` are the unit keys it moves from and to."""
    return {
        "employee_id": employee_id,
        "event_date": on,
        "kind": kind.value,
        "from_unit_id": ctx.unit_ids[start] if start else None,
        "to_unit_id": ctx.unit_ids[to] if to else None,
        "note": "",
        "recorded_at": ctx.stamp,
    }


def write_acting(ctx: DemoContext) -> None:
    """Write the Plt who stands in for an absent supervisor around today."""
    rows = [
        {
            "kind": acting.kind.value,
            "acting_employee_id": ctx.employee_ids[acting.acting],
            "for_employee_id": ctx.employee_ids[acting.for_person],
            "start_date": acting.start,
            "end_date": acting.end,
            "note": acting.note,
        }
        for acting in ctx.plan.acting
    ]
    staff_bulk.insert_acting(ctx.session, rows)


def write_appraisal_years(ctx: DemoContext) -> None:
    """Set this year's evaluation scheme (triwulan) for the instansi."""
    row = {
        "instansi_id": ctx.unit_ids[ctx.plan.instansi_key],
        "year": ctx.today.year,
        "scheme": ctx.plan.scheme.value,
    }
    staff_bulk.insert_years(ctx.session, [row])


#: The steps of the demo, in order. A capability adds its own demo data by appending a step; it
#: runs in the same transaction, after the register is written, with ``ctx.employee_ids`` filled.
DEMO_STEPS: list[DemoStep] = [
    write_units,
    write_people,
    write_history,
    write_acting,
    write_appraisal_years,
]
