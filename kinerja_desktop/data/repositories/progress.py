"""Reads and writes of the daily progress log and its calendar; the caller's Session, no commit.

A unit's month is read in a fixed number of queries whatever its size: its people, the
statuses of their entries grouped by person, day and status, and their leave days, each
selected through the unit ids rather than a list of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, String, delete, func, select, type_coerce
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.progress_models import LeaveDayRow, OfficeDayOffRow, ProgressEntryRow
from kinerja_desktop.data.skp_models import RhkRow, SkpRow
from kinerja_desktop.domain.progress import (
    CheckedEntry,
    EvidenceFile,
    ProgressEntry,
    ProgressStatus,
)
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.domain.working_days import DayOff, DayOffKind

#: Stored text to status, looked up rather than constructed (a whole office reads 50,000 rows).
_STATUSES = {status.value: status for status in ProgressStatus}


def _time_text(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _time_of(text: str) -> time:
    return time(int(text[:2]), int(text[3:5]))


def _select() -> Select[ProgressEntryRow, str | None]:
    return select(ProgressEntryRow, RhkRow.text).outerjoin(
        RhkRow, RhkRow.id == ProgressEntryRow.rhk_id
    )


def _entry(row: ProgressEntryRow, rhk_text: str | None) -> ProgressEntry:
    evidence = (
        EvidenceFile(row.evidence_file, row.evidence_sha256, row.evidence_name)
        if row.evidence_file
        else None
    )
    return ProgressEntry(
        id=row.id,
        employee_id=row.employee_id,
        rhk_id=row.rhk_id,
        rhk_text=rhk_text or "",
        day=row.day,
        start=_time_of(row.start_time),
        end=_time_of(row.end_time),
        activity=row.activity,
        data_source=row.data_source,
        realisation=row.realisation,
        unit=row.unit,
        evidence_link=row.evidence_link,
        evidence=evidence,
        status=ProgressStatus(row.status),
        review_note=row.review_note,
        reviewed_by=row.reviewed_by,
        rencana_aksi_id=row.rencana_aksi_id,
    )


def _apply(row: ProgressEntryRow, entry: CheckedEntry, evidence: EvidenceFile | None) -> None:
    row.rhk_id = entry.rhk_id
    row.rencana_aksi_id = entry.rencana_aksi_id
    row.day = entry.day
    row.start_time = _time_text(entry.start)
    row.end_time = _time_text(entry.end)
    row.activity = entry.activity
    row.data_source = entry.data_source
    row.realisation = entry.realisation
    row.unit = entry.unit
    row.evidence_link = entry.evidence_link
    row.evidence_file = evidence.stored_name if evidence else ""
    row.evidence_sha256 = evidence.sha256 if evidence else ""
    row.evidence_name = evidence.file_name if evidence else ""


# --- entries ---------------------------------------------------------------------------------


def add(
    session: Session,
    employee_id: int,
    entry: CheckedEntry,
    evidence: EvidenceFile | None = None,
    *,
    recorded_at: datetime | None = None,
) -> int:
    """Insert a draft and return its id (``recorded_at`` the database's clock unless given)."""
    row = ProgressEntryRow(
        employee_id=employee_id,
        status=ProgressStatus.DRAF.value,
        review_note="",
        reviewed_by="",
    )
    if recorded_at is not None:
        row.recorded_at = recorded_at
    _apply(row, entry, evidence)
    session.add(row)
    session.flush()
    return row.id


def replace_content(
    session: Session, entry_id: int, entry: CheckedEntry, evidence: EvidenceFile | None
) -> None:
    """Overwrite what an entry says; its status and review stay."""
    row = session.get(ProgressEntryRow, entry_id)
    if row is not None:
        _apply(row, entry, evidence)
        session.flush()


def set_status(
    session: Session,
    entry_ids: Collection[int],
    status: ProgressStatus,
    *,
    note: str | None = None,
    reviewed_by: str | None = None,
    reviewed_at: datetime | None = None,
) -> None:
    """Move entries to ``status``; the review fields change only when given."""
    for row in session.scalars(select(ProgressEntryRow).where(ProgressEntryRow.id.in_(entry_ids))):
        row.status = status.value
        if note is not None:
            row.review_note = note
        if reviewed_by is not None:
            row.reviewed_by = reviewed_by
            row.reviewed_at = reviewed_at
    session.flush()


def delete_entry(session: Session, entry_id: int) -> bool:
    row = session.get(ProgressEntryRow, entry_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def get(session: Session, entry_id: int) -> ProgressEntry | None:
    found = session.execute(_select().where(ProgressEntryRow.id == entry_id)).first()
    return _entry(*found) if found else None


def entries(session: Session, employee_id: int, start: date, end: date) -> list[ProgressEntry]:
    """A person's entries from ``start`` to ``end``, by day and start time."""
    statement = (
        _select()
        .where(
            ProgressEntryRow.employee_id == employee_id,
            ProgressEntryRow.day >= start,
            ProgressEntryRow.day <= end,
        )
        .order_by(ProgressEntryRow.day, ProgressEntryRow.start_time, ProgressEntryRow.id)
    )
    return [_entry(row, text) for row, text in session.execute(statement)]


def people_with_entries(session: Session, start: date, end: date) -> set[int]:
    """Everyone with an entry from ``start`` to ``end``: the people who keep a daily log."""
    return set(
        session.scalars(
            select(ProgressEntryRow.employee_id)
            .where(ProgressEntryRow.day >= start, ProgressEntryRow.day <= end)
            .distinct()
        )
    )


def people_awaiting_review(session: Session) -> dict[int, int]:
    """How many submitted entries wait for review, by active person."""
    statement = (
        select(ProgressEntryRow.employee_id, func.count(ProgressEntryRow.id))
        .join(EmployeeRow, EmployeeRow.id == ProgressEntryRow.employee_id)
        .where(
            ProgressEntryRow.status == ProgressStatus.DIAJUKAN.value,
            EmployeeRow.active.is_(True),
        )
        .group_by(ProgressEntryRow.employee_id)
    )
    return {employee_id: count for employee_id, count in session.execute(statement)}


def latest_day_before(session: Session, employee_id: int, day: date) -> date | None:
    """The last day before ``day`` on which the person has entries."""
    return session.scalar(
        select(ProgressEntryRow.day)
        .where(ProgressEntryRow.employee_id == employee_id, ProgressEntryRow.day < day)
        .order_by(ProgressEntryRow.day.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class UnitPerson:
    """An active person of a unit as its month lists them."""

    id: int
    name: str
    nip: str


def people_in_units(session: Session, unit_ids: Collection[int] | None) -> list[UnitPerson]:
    """The active people of ``unit_ids`` (None: everyone) by name, read as plain columns."""
    statement = (
        select(
            EmployeeRow.id,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            EmployeeRow.nip,
        )
        .where(EmployeeRow.active.is_(True))
        .order_by(EmployeeRow.name, EmployeeRow.id)
    )
    if unit_ids is not None:
        statement = statement.where(EmployeeRow.unit_id.in_(list(unit_ids)))
    return [
        UnitPerson(person_id, full_name(name, depan, belakang), nip)
        for person_id, name, depan, belakang, nip in session.execute(statement)
    ]


def entry_counts(session: Session, rhk_ids: Collection[int]) -> dict[int, int]:
    """How many daily entries each RHK has (RHK without any are left out)."""
    if not rhk_ids:
        return {}
    statement = (
        select(ProgressEntryRow.rhk_id, func.count())
        .where(ProgressEntryRow.rhk_id.in_(list(rhk_ids)))
        .group_by(ProgressEntryRow.rhk_id)
    )
    return {rhk_id: count for rhk_id, count in session.execute(statement) if rhk_id is not None}


def units_of_people(session: Session) -> dict[int, int | None]:
    """The unit of every active person (None for someone without one)."""
    statement = select(EmployeeRow.id, EmployeeRow.unit_id).where(EmployeeRow.active.is_(True))
    return {person_id: unit_id for person_id, unit_id in session.execute(statement)}


def statuses_in_units(
    session: Session, unit_ids: Collection[int] | None, start: date, end: date
) -> dict[int, dict[date, set[ProgressStatus]]]:
    """The statuses of the entries of the active people of ``unit_ids`` (None: all), by day."""
    # The day as its stored ISO text, turned into a date once per distinct day: a whole office
    # reads tens of thousands of rows, and a per-row conversion was most of the time. (SQLite
    # stores the text; PostgreSQL's driver hands back a date whatever the coercion says.)
    day_text = type_coerce(ProgressEntryRow.day, String)
    statement = (
        select(ProgressEntryRow.employee_id, day_text, ProgressEntryRow.status)
        .join(EmployeeRow, EmployeeRow.id == ProgressEntryRow.employee_id)
        .where(
            EmployeeRow.active.is_(True),
            ProgressEntryRow.day >= start,
            ProgressEntryRow.day <= end,
        )
        .distinct()
    )
    if unit_ids is not None:
        statement = statement.where(EmployeeRow.unit_id.in_(list(unit_ids)))
    days: dict[str | date, date] = {}
    found: dict[int, dict[date, set[ProgressStatus]]] = {}
    for employee_id, text, status in session.execute(statement):
        day = days.get(text) or days.setdefault(text, _as_date(text))
        found.setdefault(employee_id, {}).setdefault(day, set()).add(_STATUSES[status])
    return found


def _as_date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def rhk_is_on_skp(session: Session, rhk_id: int, employee_id: int, year: int) -> bool:
    """Whether the RHK belongs to the person's SKP of ``year``."""
    found = session.scalar(
        select(RhkRow.id)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .where(RhkRow.id == rhk_id, SkpRow.employee_id == employee_id, SkpRow.year == year)
    )
    return found is not None


# --- the calendar ----------------------------------------------------------------------------


def office_days(session: Session, start: date, end: date) -> list[DayOff]:
    rows = session.scalars(
        select(OfficeDayOffRow)
        .where(OfficeDayOffRow.day >= start, OfficeDayOffRow.day <= end)
        .order_by(OfficeDayOffRow.day)
    )
    return [DayOff(row.day, DayOffKind(row.kind), row.name) for row in rows]


def set_office_day(session: Session, day: date, kind: DayOffKind, name: str) -> None:
    """Add the day, or change its kind and name when it is already there."""
    row = session.scalar(select(OfficeDayOffRow).where(OfficeDayOffRow.day == day))
    if row is None:
        row = OfficeDayOffRow(day=day)
        session.add(row)
    row.kind = kind.value
    row.name = name
    session.flush()


def remove_office_day(session: Session, day: date) -> bool:
    result = session.execute(delete(OfficeDayOffRow).where(OfficeDayOffRow.day == day))
    return bool(getattr(result, "rowcount", 0))


def leave_days(session: Session, employee_id: int, start: date, end: date) -> dict[date, str]:
    """A person's leave days with their notes."""
    rows = session.execute(
        select(LeaveDayRow.day, LeaveDayRow.note).where(
            LeaveDayRow.employee_id == employee_id,
            LeaveDayRow.day >= start,
            LeaveDayRow.day <= end,
        )
    )
    return {day: note for day, note in rows}


def leave_in_units(
    session: Session, unit_ids: Collection[int] | None, start: date, end: date
) -> dict[int, set[date]]:
    """The leave days of the people of ``unit_ids`` (None: everyone), by person."""
    statement = (
        select(LeaveDayRow.employee_id, LeaveDayRow.day)
        .join(EmployeeRow, EmployeeRow.id == LeaveDayRow.employee_id)
        .where(LeaveDayRow.day >= start, LeaveDayRow.day <= end)
    )
    if unit_ids is not None:
        statement = statement.where(EmployeeRow.unit_id.in_(list(unit_ids)))
    found: dict[int, set[date]] = defaultdict(set)
    for employee_id, day in session.execute(statement):
        found[employee_id].add(day)
    return dict(found)


def set_leave(session: Session, employee_id: int, days: Collection[date], note: str) -> None:
    """Mark ``days`` as leave (a day already marked keeps one row, with the new note)."""
    existing = {
        row.day: row
        for row in session.scalars(
            select(LeaveDayRow).where(
                LeaveDayRow.employee_id == employee_id, LeaveDayRow.day.in_(list(days))
            )
        )
    }
    for day in days:
        row = existing.get(day)
        if row is None:
            session.add(LeaveDayRow(employee_id=employee_id, day=day, note=note))
        else:
            row.note = note
    session.flush()


def remove_leave(session: Session, employee_id: int, days: Collection[date]) -> int:
    """Unmark leave days; returns how many were marked."""
    result = session.execute(
        delete(LeaveDayRow).where(
            LeaveDayRow.employee_id == employee_id, LeaveDayRow.day.in_(list(days))
        )
    )
    return int(getattr(result, "rowcount", 0))
