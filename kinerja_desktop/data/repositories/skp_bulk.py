"""Bulk writes of SKP content (plans, agreed versions, realisation, feedback), for the demo office.

Rows are plain dicts keyed by column name; every row of one call has the same keys. They are
written as Core ``executemany`` statements on the tables, without the ORM's unit of work, so
that the SKPs of 20,000 people (hundreds of thousands of RHK and indicators, millions of
realisation values) take seconds rather than minutes. Ids of SKPs, RHK and indicators are given
by the caller (from :func:`next_ids`), so rows can point at each other without reading back.
Every function takes the caller's Session; repositories never commit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.schema import Base
from kinerja_desktop.data.skp_models import (
    IkiRow,
    PeriodTargetRow,
    RealisationRow,
    RencanaAksiRow,
    RhkFeedbackRow,
    RhkRow,
    SkpExpectationRow,
    SkpLampiranRow,
    SkpRow,
    SkpVersionRow,
)

#: One row to write: column name to value.
Row = Mapping[str, Any]


@dataclass(frozen=True)
class NextIds:
    """One more than the highest id of each table whose rows others point at."""

    skp: int
    rhk: int
    iki: int


def _next_id(session: Session, model: type[SkpRow | RhkRow | IkiRow]) -> int:
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


def next_ids(session: Session) -> NextIds:
    """Return the first free id of SKPs, RHK and indicators (1 when the table is empty)."""
    return NextIds(_next_id(session, SkpRow), _next_id(session, RhkRow), _next_id(session, IkiRow))


def _insert_many(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    """Insert many rows as one Core executemany (the column types still convert the values)."""
    if rows:
        table: Table = model.__table__  # type: ignore[assignment]
        session.execute(insert(table), rows)


def insert_skps(session: Session, rows: Sequence[Row]) -> None:
    """Insert SKPs (with their ids, status, period and agreement date)."""
    _insert_many(session, SkpRow, rows)


def insert_versions(session: Session, rows: Sequence[Row]) -> None:
    """Insert agreed versions of SKPs (their content as JSON)."""
    _insert_many(session, SkpVersionRow, rows)


def insert_lampiran(session: Session, rows: Sequence[Row]) -> None:
    """Insert Lampiran SKP items."""
    _insert_many(session, SkpLampiranRow, rows)


def insert_expectations(session: Session, rows: Sequence[Row]) -> None:
    """Insert leaders' specific expectations (Ekspektasi Khusus Pimpinan)."""
    _insert_many(session, SkpExpectationRow, rows)


def insert_rhks(session: Session, rows: Sequence[Row]) -> None:
    """Insert RHK; a supervisor's RHK comes before the RHK that point at it."""
    _insert_many(session, RhkRow, rows)


def insert_ikis(session: Session, rows: Sequence[Row]) -> None:
    """Insert indicators (IKI)."""
    _insert_many(session, IkiRow, rows)


def insert_realisations(session: Session, rows: Sequence[Row]) -> None:
    """Insert realisation values, one per indicator and period."""
    _insert_many(session, RealisationRow, rows)


def insert_rencana_aksi(session: Session, rows: Sequence[Row]) -> None:
    """Insert rencana aksi, one per RHK and periodic period."""
    _insert_many(session, RencanaAksiRow, rows)


def insert_period_targets(session: Session, rows: Sequence[Row]) -> None:
    """Insert period targets, one per indicator and periodic period."""
    _insert_many(session, PeriodTargetRow, rows)


def insert_feedback(session: Session, rows: Sequence[Row]) -> None:
    """Insert continuous feedback (and qualitative judgements), one per RHK and period."""
    _insert_many(session, RhkFeedbackRow, rows)
