"""Bulk reads and writes of the staff register, for the import and the demo office.

Rows are plain dicts keyed by column name and are written with ``executemany`` in a few
statements, so that tens of thousands of people take seconds. Every function takes the caller's
Session; repositories never commit: the service that called them owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import (
    ActingAssignmentRow,
    AppraisalYearRow,
    EmployeeRow,
    EmploymentEventRow,
    UnitRow,
)
from kinerja_desktop.data.schema import Base

#: One row to write: column name to value.
Row = Mapping[str, Any]

_CHUNK = 500  # stay under SQLite's bound-parameter limit


def _insert_many(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    """Insert many rows in a few statements (one ``executemany`` per run of alike rows).

    Through the table, not the ORM: the ORM's bulk insert handles every row in Python first
    (about a quarter of the write of a 20,000-person import). Rows are sent in their order, a
    run of rows with the same columns at a time, so parents still go before their children and
    a column a row leaves out takes its default.
    """
    table: Table = model.__table__  # type: ignore[assignment]
    for _columns, alike in groupby(rows, key=frozenset):
        session.execute(insert(table), list(alike))


# --- units -------------------------------------------------------------------------------------


def next_unit_id(session: Session) -> int:
    """Return one more than the highest unit id (1 when there is no unit)."""
    return int(session.scalar(select(func.max(UnitRow.id))) or 0) + 1


def count_root_units(session: Session, name: str) -> int:
    """Return how many top-level units (instansi) are named exactly ``name``."""
    query = select(func.count(UnitRow.id)).where(UnitRow.parent_id.is_(None), UnitRow.name == name)
    return int(session.scalar(query) or 0)


def insert_units(session: Session, rows: Sequence[Row]) -> None:
    """Insert units, parents before their children."""
    _insert_many(session, UnitRow, rows)


# --- employees ---------------------------------------------------------------------------------


def next_employee_id(session: Session) -> int:
    """Return one more than the highest employee id (1 when there is nobody)."""
    return int(session.scalar(select(func.max(EmployeeRow.id))) or 0) + 1


def ids_by_nip(session: Session, nips: Sequence[str]) -> dict[str, int]:
    """Return the id of each person in ``nips`` who exists, by NIP."""
    found: dict[str, int] = {}
    for start in range(0, len(nips), _CHUNK):
        chunk = nips[start : start + _CHUNK]
        query = select(EmployeeRow.nip, EmployeeRow.id).where(EmployeeRow.nip.in_(chunk))
        found.update({nip: employee_id for nip, employee_id in session.execute(query)})
    return found


def insert_employees(session: Session, rows: Sequence[Row]) -> dict[str, int]:
    """Insert people and return the id of each by NIP (ids given in the rows are kept)."""
    if not rows:
        return {}
    _insert_many(session, EmployeeRow, rows)
    if all("id" in row for row in rows):
        return {row["nip"]: row["id"] for row in rows}
    return ids_by_nip(session, [str(row["nip"]) for row in rows])


def update_employees(session: Session, rows: Sequence[Row]) -> None:
    """Update people by primary key ("id" in each row), checking and raising their version."""
    if rows:
        session.execute(update(EmployeeRow), rows)


def set_penilai(session: Session, links: Iterable[tuple[int, int | None]]) -> None:
    """Set the penilai of each (employee id, penilai id) pair, leaving the version as it is."""
    params = [{"b_id": employee_id, "b_penilai": penilai_id} for employee_id, penilai_id in links]
    if not params:
        return
    table: Table = EmployeeRow.__table__  # type: ignore[assignment]
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(penilai_id=bindparam("b_penilai"))
    )
    session.execute(statement, params)


# --- history, acting, years --------------------------------------------------------------------


def insert_events(session: Session, rows: Sequence[Row]) -> None:
    """Insert employment history events (MASUK, MUTASI, PENSIUN, ...)."""
    _insert_many(session, EmploymentEventRow, rows)


def insert_acting(session: Session, rows: Sequence[Row]) -> None:
    """Insert Plt/Plh assignments."""
    _insert_many(session, ActingAssignmentRow, rows)


def insert_years(session: Session, rows: Sequence[Row]) -> None:
    """Insert appraisal years with their evaluation scheme."""
    _insert_many(session, AppraisalYearRow, rows)
