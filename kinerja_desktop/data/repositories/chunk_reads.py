"""Reads for many forms in one read transaction (a print batch's chunk): rows read once.

The services that build a form look rows up one at a time by primary key (a person, an SKP, a
unit on the way to the instansi) and drop them; SQLAlchemy's identity map holds rows only
weakly, so each lookup went to the database again, several times per form. In a read
transaction that builds many forms, :func:`keep_loaded_rows` keeps every row the session
loads until it closes, and :func:`preload_chunk` reads a chunk's people, their SKPs of the year
and the unit tree in three statements; the lookups by primary key are then answered from
memory. Nothing here changes what is read: a kept row is the row as the transaction sees it
(a read transaction sees one state of the file).

Only for read transactions: a write transaction would see its own changes through the rows it
loaded anyway, but rows kept across its flushes are not worth the doubt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.skp_models import SkpRow

_KEPT = "kinerja.kept_rows"
_CHUNK = 500  # stay under SQLite's bound-parameter limit


def keep_loaded_rows(session: Session) -> None:
    """Keep every row ``session`` loads from now until it closes (see the module)."""
    if _KEPT in session.info:
        return
    kept: list[object] = []
    session.info[_KEPT] = kept

    def keep(_session: Session, instance: object) -> None:
        kept.append(instance)

    event.listen(session, "loaded_as_persistent", keep)


def preload_chunk(session: Session, employee_ids: Iterable[int], years: Iterable[int]) -> None:
    """Load the rows a chunk's forms look up one by one, in one statement each.

    They are its people, their SKPs of ``years`` and the whole unit tree (a few hundred rows at
    most). Call :func:`keep_loaded_rows` first, or the rows are gone again before they are used.
    """
    people = sorted(set(employee_ids))
    wanted_years = sorted(set(years))
    session.scalars(select(UnitRow)).all()
    for start in range(0, len(people), _CHUNK):
        part = people[start : start + _CHUNK]
        session.scalars(select(EmployeeRow).where(EmployeeRow.id.in_(part))).all()
        if wanted_years:
            session.scalars(
                select(SkpRow).where(SkpRow.employee_id.in_(part), SkpRow.year.in_(wanted_years))
            ).all()
