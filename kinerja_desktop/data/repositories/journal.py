"""Reads and writes of the behaviour journal (catatan perilaku); every function takes a Session.

Repositories never commit: the service that called them owns the transaction. Filters run in
SQL, so a journal of many thousands of entries stays quick to narrow down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import ObservationRow
from kinerja_desktop.data.database import contains_text
from kinerja_desktop.data.models import EmployeeRow


@dataclass(frozen=True)
class ObservationData:
    """What a journal entry stores, as the service has checked it."""

    employee_id: int
    observed_on: date
    value_code: str
    indicator: int | None
    sign: str
    serious: bool
    text: str
    source: str
    evidence_text: str = ""
    evidence_file: str = ""
    evidence_sha256: str = ""


@dataclass(frozen=True)
class StoredObservation:
    """One stored entry with the name and NIP of the person it is about."""

    id: int
    data: ObservationData
    employee_name: str
    gelar_depan: str
    gelar_belakang: str
    nip: str
    recorded_at: datetime | None


@dataclass(frozen=True)
class ObservationQuery:
    """Which entries to read; None (or empty text) means "any"."""

    employee_id: int | None = None
    value_code: str | None = None
    start: date | None = None
    end: date | None = None
    sign: str | None = None
    text: str = ""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _select() -> Select[ObservationRow, str, str, str, str]:
    return select(
        ObservationRow,
        EmployeeRow.name,
        EmployeeRow.gelar_depan,
        EmployeeRow.gelar_belakang,
        EmployeeRow.nip,
    ).join(EmployeeRow, EmployeeRow.id == ObservationRow.employee_id)


def _to_data(row: ObservationRow) -> ObservationData:
    return ObservationData(
        employee_id=row.employee_id,
        observed_on=row.observed_on,
        value_code=row.value_code,
        indicator=row.indicator,
        sign=row.sign,
        serious=row.serious,
        text=row.text,
        source=row.source,
        evidence_text=row.evidence_text,
        evidence_file=row.evidence_file,
        evidence_sha256=row.evidence_sha256,
    )


def _stored(
    row: ObservationRow, name: str, depan: str, belakang: str, nip: str
) -> StoredObservation:
    return StoredObservation(row.id, _to_data(row), name, depan, belakang, nip, row.recorded_at)


def _apply(row: ObservationRow, data: ObservationData) -> None:
    row.employee_id = data.employee_id
    row.observed_on = data.observed_on
    row.value_code = data.value_code
    row.indicator = data.indicator
    row.sign = data.sign
    row.serious = data.serious
    row.text = data.text
    row.source = data.source
    row.evidence_text = data.evidence_text
    row.evidence_file = data.evidence_file
    row.evidence_sha256 = data.evidence_sha256


def add(session: Session, data: ObservationData) -> int:
    """Insert an entry and return its id."""
    row = ObservationRow()
    _apply(row, data)
    session.add(row)
    session.flush()
    return row.id


def replace_data(session: Session, observation_id: int, data: ObservationData) -> bool:
    """Overwrite an entry; False when it does not exist."""
    row = session.get(ObservationRow, observation_id)
    if row is None:
        return False
    _apply(row, data)
    session.flush()
    return True


def delete(session: Session, observation_id: int) -> bool:
    """Delete an entry; False when it does not exist."""
    row = session.get(ObservationRow, observation_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def get(session: Session, observation_id: int) -> StoredObservation | None:
    found = find_rows(session, _select().where(ObservationRow.id == observation_id))
    return found[0] if found else None


def find(
    session: Session, query: ObservationQuery, limit: int | None = None
) -> list[StoredObservation]:
    """Entries matching ``query``, newest first (by day, then by id)."""
    statement = _select()
    if query.employee_id is not None:
        statement = statement.where(ObservationRow.employee_id == query.employee_id)
    if query.value_code is not None:
        statement = statement.where(ObservationRow.value_code == query.value_code)
    if query.sign is not None:
        statement = statement.where(ObservationRow.sign == query.sign)
    if query.start is not None:
        statement = statement.where(ObservationRow.observed_on >= query.start)
    if query.end is not None:
        statement = statement.where(ObservationRow.observed_on <= query.end)
    for word in query.text.split():
        pattern = f"%{_escape_like(word)}%"
        statement = statement.where(
            or_(
                contains_text(ObservationRow.text, pattern),
                contains_text(EmployeeRow.name, pattern),
                contains_text(ObservationRow.evidence_text, pattern),
                EmployeeRow.nip.startswith(word, autoescape=True),
            )
        )
    statement = statement.order_by(ObservationRow.observed_on.desc(), ObservationRow.id.desc())
    if limit is not None:
        statement = statement.limit(limit)
    return find_rows(session, statement)


def find_rows(
    session: Session, statement: Select[ObservationRow, str, str, str, str]
) -> list[StoredObservation]:
    return [
        _stored(row, name, depan, belakang, nip)
        for row, name, depan, belakang, nip in session.execute(statement)
    ]


def repeated_negatives(start: date, end: date) -> Select[int]:
    """The statement of :func:`people_with_repeated_negatives`, to use as a subquery."""
    return (
        select(ObservationRow.employee_id)
        .join(EmployeeRow, EmployeeRow.id == ObservationRow.employee_id)
        .where(
            ObservationRow.sign == "NEGATIF",
            ObservationRow.observed_on >= start,
            ObservationRow.observed_on <= end,
            EmployeeRow.active.is_(True),
        )
        .group_by(ObservationRow.employee_id, ObservationRow.value_code)
        .having(func.count(ObservationRow.id) >= 2)
    )


def people_with_repeated_negatives(session: Session, start: date, end: date) -> list[int]:
    """Active people with two or more negative entries on one value between the dates.

    A repeated weak spot needs negatives on the same value in two periods, so only these
    people can have one; the exact, period-by-period rule runs on them alone.
    """
    return sorted(set(session.scalars(repeated_negatives(start, end))))


@dataclass(frozen=True)
class NegativeEntry:
    """What the repeated-weak-spot rule reads of a negative journal entry."""

    observed_on: date
    value_code: str
    indicator: int | None
    serious: bool


def negatives_among(
    session: Session, people: Select[int], start: date, end: date
) -> dict[int, list[NegativeEntry]]:
    """The negative entries between the dates of the people ``people`` selects, per person.

    One statement whatever the number of people (``people`` is a subquery, not a list).
    """
    statement = (
        select(
            ObservationRow.employee_id,
            ObservationRow.observed_on,
            ObservationRow.value_code,
            ObservationRow.indicator,
            ObservationRow.serious,
        )
        .where(
            ObservationRow.employee_id.in_(people),
            ObservationRow.sign == "NEGATIF",
            ObservationRow.observed_on >= start,
            ObservationRow.observed_on <= end,
        )
        .order_by(ObservationRow.observed_on, ObservationRow.id)
    )
    found: dict[int, list[NegativeEntry]] = {}
    for employee_id, observed_on, value_code, indicator, serious in session.execute(statement):
        found.setdefault(employee_id, []).append(
            NegativeEntry(observed_on, value_code, indicator, bool(serious))
        )
    return found
