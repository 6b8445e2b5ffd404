"""Bulk reads for the cascade of results: a fixed number of queries whatever the tree's size.

Each function takes the scope (a SELECT of employee ids) as a subquery, so no id list meets
SQLite's bound-parameter limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.skp_models import RhkRow, SkpRow
from kinerja_desktop.domain.skp import RhkKind, SkpStatus
from kinerja_desktop.domain.staff import Employee, full_name


@dataclass(frozen=True)
class RhkFact:
    """One RHK of the year with its owner, as the cascade needs it."""

    id: int
    kind: RhkKind
    text: str
    parent_rhk_id: int | None
    parent_text: str
    employee_id: int
    employee_name: str


def subtree(root_employee_id: int) -> Select[int]:
    """The ids of a person and of every active person below them in the supervisor tree."""
    child = aliased(EmployeeRow)
    tree = (
        select(EmployeeRow.id)
        .where(EmployeeRow.id == root_employee_id)
        .cte("subtree", recursive=True)
    )
    # UNION, not UNION ALL: a loop in the penilai chain ends the recursion instead of hanging.
    tree = tree.union(
        select(child.id).join(tree, child.penilai_id == tree.c.id).where(child.active.is_(True))
    )
    return select(tree.c.id)


def unit_people(unit_id: int) -> Select[int]:
    """The ids of the active people of a unit and of its sub-units."""
    sub = aliased(UnitRow)
    units = select(UnitRow.id).where(UnitRow.id == unit_id).cte("unit_tree", recursive=True)
    units = units.union(select(sub.id).join(units, sub.parent_id == units.c.id))
    return select(EmployeeRow.id).where(
        EmployeeRow.unit_id.in_(select(units.c.id)), EmployeeRow.active.is_(True)
    )


def penilai_of(scope: Select[int]) -> Select[Any]:
    return select(EmployeeRow.penilai_id).where(
        EmployeeRow.id.in_(scope), EmployeeRow.penilai_id.is_not(None)
    )


def people(session: Session, scope: Select[int]) -> list[Employee]:
    rows = session.scalars(select(EmployeeRow).where(EmployeeRow.id.in_(scope)))
    return [staff_repo.to_employee(row) for row in rows]


def skps(session: Session, scope: Select[int], year: int) -> dict[int, tuple[int, SkpStatus]]:
    """The SKP (id, status) of the year of the people in scope and of their penilai."""
    query = select(SkpRow.employee_id, SkpRow.id, SkpRow.status).where(
        SkpRow.year == year,
        or_(SkpRow.employee_id.in_(scope), SkpRow.employee_id.in_(penilai_of(scope))),
    )
    return {
        employee_id: (skp_id, SkpStatus(status))
        for employee_id, skp_id, status in session.execute(query)
    }


def rhks(session: Session, scope: Select[int], year: int) -> list[RhkFact]:
    """The RHK of the year that a cascade shows, by owner and position.

    They are the RHK of the people in scope and of their penilai, and every RHK (of anyone)
    that serves one of the scope's RHK.
    """
    scope_rhks = (
        select(RhkRow.id)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .where(SkpRow.year == year, SkpRow.employee_id.in_(scope))
    )
    query = (
        select(
            RhkRow.id,
            RhkRow.kind,
            RhkRow.text,
            RhkRow.parent_rhk_id,
            RhkRow.parent_text,
            SkpRow.employee_id,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
        )
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .join(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
        .where(
            SkpRow.year == year,
            or_(
                SkpRow.employee_id.in_(scope),
                SkpRow.employee_id.in_(penilai_of(scope)),
                RhkRow.parent_rhk_id.in_(scope_rhks),
            ),
        )
        .order_by(SkpRow.employee_id, RhkRow.position)
    )
    return [
        RhkFact(
            id=rhk_id,
            kind=RhkKind(kind),
            text=text,
            parent_rhk_id=parent_id,
            parent_text=parent_text,
            employee_id=employee_id,
            employee_name=full_name(name, gelar_depan, gelar_belakang),
        )
        for (
            rhk_id,
            kind,
            text,
            parent_id,
            parent_text,
            employee_id,
            name,
            gelar_depan,
            gelar_belakang,
        ) in session.execute(query)
    ]
