"""Reads and writes of the public's complaints, suggestions and compliments.

Every function takes the caller's Session and never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.data.database import contains_text
from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.supervision_models import PublicFeedbackRow


@dataclass(frozen=True)
class FeedbackData:
    """What an entry stores, as the service checked it."""

    kind: str
    channel: str
    received_on: date
    text: str
    ticket: str = ""
    unit_id: int | None = None
    employee_id: int | None = None
    category: str = ""
    reporter: str = ""
    respond_by: date | None = None
    resolve_by: date | None = None
    survey_id: int | None = None


@dataclass(frozen=True)
class StoredFeedback:
    """One stored entry with the names it points to."""

    id: int
    data: FeedbackData
    status: str
    verified_on: date | None
    follow_up_on: date | None
    closed_on: date | None
    resolution: str
    observation_id: int | None
    unit_name: str
    employee_name: str
    gelar_depan: str
    gelar_belakang: str
    nip: str


@dataclass(frozen=True)
class FeedbackQuery:
    """Which entries to read; None (or empty text) means "any"."""

    kind: str | None = None
    status: str | None = None
    open_only: bool = False
    employee_id: int | None = None
    unit_id: int | None = None
    start: date | None = None
    end: date | None = None
    text: str = ""


_DATA_FIELDS = tuple(field.name for field in fields(FeedbackData))
_Unit = aliased(UnitRow)


def _select() -> Select[
    PublicFeedbackRow, str | None, str | None, str | None, str | None, str | None
]:
    return (
        select(
            PublicFeedbackRow,
            _Unit.name,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            EmployeeRow.nip,
        )
        .outerjoin(_Unit, _Unit.id == PublicFeedbackRow.unit_id)
        .outerjoin(EmployeeRow, EmployeeRow.id == PublicFeedbackRow.employee_id)
    )


def _stored(  # noqa: PLR0917 - one argument per selected column
    row: PublicFeedbackRow,
    unit: str | None,
    name: str | None,
    depan: str | None,
    belakang: str | None,
    nip: str | None,
) -> StoredFeedback:
    data = FeedbackData(**{name_: getattr(row, name_) for name_ in _DATA_FIELDS})
    return StoredFeedback(
        id=row.id,
        data=data,
        status=row.status,
        verified_on=row.verified_on,
        follow_up_on=row.follow_up_on,
        closed_on=row.closed_on,
        resolution=row.resolution,
        observation_id=row.observation_id,
        unit_name=unit or "",
        employee_name=name or "",
        gelar_depan=depan or "",
        gelar_belakang=belakang or "",
        nip=nip or "",
    )


def add(session: Session, data: FeedbackData, *, status: str = "DITERIMA") -> int:
    row = PublicFeedbackRow(status=status, resolution="")
    for name in _DATA_FIELDS:
        setattr(row, name, getattr(data, name))
    session.add(row)
    session.flush()
    return row.id


def replace_data(session: Session, feedback_id: int, data: FeedbackData) -> bool:
    """Overwrite what was recorded (not the status); False when the entry is gone."""
    row = session.get(PublicFeedbackRow, feedback_id)
    if row is None:
        return False
    for name in _DATA_FIELDS:
        setattr(row, name, getattr(data, name))
    session.flush()
    return True


def set_status(
    session: Session, feedback_id: int, status: str, on: date, resolution: str = ""
) -> bool:
    """Move an entry to ``status`` on day ``on``; the day goes in that stage's column."""
    row = session.get(PublicFeedbackRow, feedback_id)
    if row is None:
        return False
    row.status = status
    if status == "DIVERIFIKASI":
        row.verified_on = on
    elif status == "DITINDAKLANJUTI":
        row.follow_up_on = on
    elif status == "SELESAI":
        row.closed_on = on
        row.resolution = resolution
    session.flush()
    return True


def link_observation(session: Session, feedback_id: int, observation_id: int) -> None:
    row = session.get(PublicFeedbackRow, feedback_id)
    if row is not None:
        row.observation_id = observation_id
        session.flush()


def delete(session: Session, feedback_id: int) -> bool:
    row = session.get(PublicFeedbackRow, feedback_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def get(session: Session, feedback_id: int) -> StoredFeedback | None:
    found = _rows(session, _select().where(PublicFeedbackRow.id == feedback_id))
    return found[0] if found else None


def by_observation(session: Session, observation_id: int) -> StoredFeedback | None:
    """The entry a journal observation was made from, if any."""
    found = _rows(session, _select().where(PublicFeedbackRow.observation_id == observation_id))
    return found[0] if found else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find(session: Session, query: FeedbackQuery, limit: int | None = None) -> list[StoredFeedback]:
    """Entries matching ``query``, newest first."""
    statement = _select()
    if query.kind is not None:
        statement = statement.where(PublicFeedbackRow.kind == query.kind)
    if query.status is not None:
        statement = statement.where(PublicFeedbackRow.status == query.status)
    if query.employee_id is not None:
        statement = statement.where(PublicFeedbackRow.employee_id == query.employee_id)
    if query.unit_id is not None:
        statement = statement.where(PublicFeedbackRow.unit_id == query.unit_id)
    if query.start is not None:
        statement = statement.where(PublicFeedbackRow.received_on >= query.start)
    if query.end is not None:
        statement = statement.where(PublicFeedbackRow.received_on <= query.end)
    if query.open_only:
        statement = statement.where(PublicFeedbackRow.status != "SELESAI")
    for word in query.text.split():
        pattern = f"%{_escape_like(word)}%"
        statement = statement.where(
            or_(
                contains_text(PublicFeedbackRow.text, pattern),
                contains_text(PublicFeedbackRow.ticket, pattern),
                contains_text(PublicFeedbackRow.category, pattern),
                contains_text(EmployeeRow.name, pattern),
            )
        )
    statement = statement.order_by(
        PublicFeedbackRow.received_on.desc(), PublicFeedbackRow.id.desc()
    )
    if limit is not None:
        statement = statement.limit(limit)
    return _rows(session, statement)


def _rows(
    session: Session,
    statement: Select[
        PublicFeedbackRow, str | None, str | None, str | None, str | None, str | None
    ],
) -> list[StoredFeedback]:
    return [_stored(*row) for row in session.execute(statement)]


def complaint_days_by_person(session: Session, start: date, end: date) -> dict[int, list[date]]:
    """Days of complaints about each person received between the dates."""
    statement = (
        select(PublicFeedbackRow.employee_id, PublicFeedbackRow.received_on)
        .where(
            PublicFeedbackRow.kind == "PENGADUAN",
            PublicFeedbackRow.employee_id.is_not(None),
            PublicFeedbackRow.received_on >= start,
            PublicFeedbackRow.received_on <= end,
        )
        .order_by(PublicFeedbackRow.employee_id, PublicFeedbackRow.received_on)
    )
    days: dict[int, list[date]] = {}
    for employee_id, received_on in session.execute(statement):
        if employee_id is not None:
            days.setdefault(employee_id, []).append(received_on)
    return days


def count_by_kind(
    session: Session, start: date, end: date
) -> list[tuple[str, int | None, int | None, int]]:
    """Entries received between the dates per kind, unit and person: (kind, unit, person, n).

    By unit and person too, so a caller can count only what an account may read.
    """
    statement = (
        select(
            PublicFeedbackRow.kind,
            PublicFeedbackRow.unit_id,
            PublicFeedbackRow.employee_id,
            func.count(PublicFeedbackRow.id),
        )
        .where(PublicFeedbackRow.received_on >= start, PublicFeedbackRow.received_on <= end)
        .group_by(PublicFeedbackRow.kind, PublicFeedbackRow.unit_id, PublicFeedbackRow.employee_id)
    )
    return [(kind, unit, person, n) for kind, unit, person, n in session.execute(statement)]
