"""Plan the whole demo office for a size, a seed and a day, without writing anything."""

from __future__ import annotations

import calendar
import random
from datetime import date

from kinerja_desktop.demo import names
from kinerja_desktop.demo.careers import PersonMaker
from kinerja_desktop.demo.organisation import Block, positions
from kinerja_desktop.demo.plan import (
    DEFAULT_EMPLOYEES,
    MAX_EMPLOYEES,
    MIN_EMPLOYEES,
    ActingPlan,
    OfficePlan,
    PersonPlan,
    UnitPlan,
    add_months,
)
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.staff import ActingKind, UnitKind

#: The Plt: the Kepala Seksi Pemerintahan stands in for the Kepala Seksi Kesejahteraan Sosial.
_PLT_ACTING, _PLT_FOR = "kasi_pem", "kasi_kesos"


def plan_office(employees: int = DEFAULT_EMPLOYEES, *, seed: int = 2026, today: date) -> OfficePlan:
    """Return the demo office of ``employees`` people as plain data, without writing anything.

    The first people are always the same for one seed and day, whatever ``employees`` is, and
    each person comes after the person who appraises them.

    Raises:
        ValidationError: When ``employees`` is out of range or ``today`` is outside 2000–2100.
    """
    _check_arguments(employees, today)
    blocks, posts = positions(employees, random.Random(f"kinerja-demo/{seed}/organisation"))
    maker = PersonMaker(random.Random(f"kinerja-demo/{seed}/people"), today)
    persons = tuple(maker.make(post) for post in posts)
    used_units = {person.unit for person in persons} | {person.first_unit for person in persons}
    units = _units_in_use(blocks, used_units)
    return OfficePlan(
        instansi=names.INSTANSI,
        city=names.CITY,
        today=today,
        units=units,
        people=persons,
        acting=_acting(persons, today),
    )


def _units_in_use(blocks: list[Block], used: set[str]) -> tuple[UnitPlan, ...]:
    """Return the instansi and the units someone works (or worked) in, parents first."""
    all_units = [unit for block in blocks for unit in block.units()]
    parent_of = {unit.key: unit.parent for unit in all_units}
    wanted = set()
    for key in used:
        current: str | None = key
        while current is not None and current != "instansi":
            wanted.add(current)
            current = parent_of[current]
    instansi = UnitPlan("instansi", names.INSTANSI, UnitKind.INSTANSI, None)
    return (instansi, *(unit for unit in all_units if unit.key in wanted))


def _acting(persons: tuple[PersonPlan, ...], today: date) -> tuple[ActingPlan, ...]:
    keys = {person.key for person in persons}
    acting, absent = f"b0.{_PLT_ACTING}", f"b0.{_PLT_FOR}"
    if acting not in keys or absent not in keys:
        return ()
    start = add_months(today.replace(day=1), -1)
    last_month = add_months(today.replace(day=1), 2)
    end = last_month.replace(day=calendar.monthrange(last_month.year, last_month.month)[1])
    return (
        ActingPlan(
            ActingKind.PLT,
            acting,
            absent,
            start,
            end,
            "Plt. Kepala Seksi Kesejahteraan Sosial selama pejabatnya menjalani tugas belajar.",
        ),
    )


def _check_arguments(employees: int, today: date) -> None:
    if not MIN_EMPLOYEES <= employees <= MAX_EMPLOYEES:
        raise ValidationError(
            f"Jumlah pegawai kantor contoh harus antara {MIN_EMPLOYEES} dan {MAX_EMPLOYEES}; "
            f"yang diminta {employees}.",
            field="employees",
        )
    if not 2000 <= today.year <= 2100:
        raise ValidationError(
            f"Tanggal kantor contoh harus pada tahun 2000 sampai 2100; yang diminta {today.year}.",
            field="today",
        )
