"""Reads and writes of the staff register; every function takes the caller's Session.

Repositories never commit: the service that called them owns the transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.data.database import contains_text
from kinerja_desktop.data.models import (
    ActingAssignmentRow,
    AppraisalYearRow,
    EmployeeRow,
    EmploymentEventRow,
    ExternalOfficialRow,
    UnitRow,
)
from kinerja_desktop.data.repositories import chunk_reads
from kinerja_desktop.data.repositories.chunk_content import _kept_by
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang
from kinerja_desktop.domain.officials import OUTSIDE_MARK
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import (
    ActingAssignment,
    ActingKind,
    Employee,
    EmployeeId,
    EmploymentEvent,
    EmploymentEventKind,
    Unit,
    UnitId,
    UnitKind,
    ValidStaffFields,
)


class SortKey(StrEnum):
    NAME = "NAME"
    NIP = "NIP"
    JABATAN = "JABATAN"
    GOLONGAN = "GOLONGAN"
    UNIT = "UNIT"
    PENILAI = "PENILAI"


@dataclass(frozen=True)
class AppraisalYear:
    """The evaluation scheme an instansi uses in one appraisal year."""

    instansi_id: UnitId
    year: int
    scheme: EvaluationScheme


@dataclass(frozen=True)
class StaffFilter:
    """What the staff list shows: words to find, a unit (with its sub-units), inactive or not."""

    text: str = ""
    unit_ids: frozenset[int] | None = None
    include_inactive: bool = False
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class StaffListRow:
    id: EmployeeId
    nip: str
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: str
    golongan: str
    jabatan: str
    unit_name: str
    penilai_name: str | None
    active: bool


def to_unit(row: UnitRow) -> Unit:
    return Unit(
        id=UnitId(row.id),
        name=row.name,
        kind=UnitKind(row.kind),
        parent_id=UnitId(row.parent_id) if row.parent_id is not None else None,
        city=row.city,
    )


def to_employee(row: EmployeeRow) -> Employee:
    return Employee(
        id=EmployeeId(row.id),
        nip=row.nip,
        name=row.name,
        gelar_depan=row.gelar_depan,
        gelar_belakang=row.gelar_belakang,
        status=EmploymentStatus(row.status),
        golongan=row.golongan,
        jabatan=row.jabatan,
        jabatan_kind=JabatanKind(row.jabatan_kind),
        jenjang=Jenjang(row.jenjang) if row.jenjang else None,
        unit_id=UnitId(row.unit_id),
        penilai_id=EmployeeId(row.penilai_id) if row.penilai_id is not None else None,
        active=row.active,
        version=row.version,
    )


#: The columns :func:`_employee_of` reads, in its order: reading them as plain values skips
#: the ORM's objects (20,000 people in a fifth of the time).
_EMPLOYEE_COLUMNS = (
    EmployeeRow.id,
    EmployeeRow.nip,
    EmployeeRow.name,
    EmployeeRow.gelar_depan,
    EmployeeRow.gelar_belakang,
    EmployeeRow.status,
    EmployeeRow.golongan,
    EmployeeRow.jabatan,
    EmployeeRow.jabatan_kind,
    EmployeeRow.jenjang,
    EmployeeRow.unit_id,
    EmployeeRow.penilai_id,
    EmployeeRow.active,
    EmployeeRow.version,
)


def _employees(session: Session, query: Select[*tuple[Any, ...]]) -> list[Employee]:
    """Run ``query`` (a select of ``_EMPLOYEE_COLUMNS``) and build each person as to_employee."""
    return [
        Employee(
            id=EmployeeId(employee_id),
            nip=nip,
            name=name,
            gelar_depan=gelar_depan,
            gelar_belakang=gelar_belakang,
            status=EmploymentStatus(status),
            golongan=golongan,
            jabatan=jabatan,
            jabatan_kind=JabatanKind(jabatan_kind),
            jenjang=Jenjang(jenjang) if jenjang else None,
            unit_id=UnitId(unit_id),
            penilai_id=EmployeeId(penilai_id) if penilai_id is not None else None,
            active=bool(active),
            version=version,
        )
        for (
            employee_id,
            nip,
            name,
            gelar_depan,
            gelar_belakang,
            status,
            golongan,
            jabatan,
            jabatan_kind,
            jenjang,
            unit_id,
            penilai_id,
            active,
            version,
        ) in session.execute(query)
    ]


def to_acting(row: ActingAssignmentRow) -> ActingAssignment:
    return ActingAssignment(
        id=row.id,
        kind=ActingKind(row.kind),
        acting_employee_id=EmployeeId(row.acting_employee_id),
        for_employee_id=EmployeeId(row.for_employee_id),
        start_date=row.start_date,
        end_date=row.end_date,
        note=row.note,
    )


# --- units -------------------------------------------------------------------------------------


def all_units(session: Session) -> list[Unit]:
    # Plain columns, not ORM objects: the unit tree is read on many screens and runs to
    # thousands of rows in a large office.
    # A print chunk reads it once (several forms ask); the caller gets its own list.
    kept: list[Unit] | None = chunk_reads._kept_units(session)
    if kept is not None:
        return list(kept)
    query = select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.parent_id, UnitRow.city)
    units = [
        Unit(
            id=UnitId(unit_id),
            name=name,
            kind=UnitKind(kind),
            parent_id=UnitId(parent_id) if parent_id is not None else None,
            city=city,
        )
        for unit_id, name, kind, parent_id, city in session.execute(
            query.order_by(UnitRow.parent_id, UnitRow.name)
        )
    ]
    chunk_reads._keep_units(session, units)
    return list(units)


def root_unit_id(session: Session, unit_id: int) -> int:
    """Walk up the tree to the instansi a unit belongs to."""
    current = unit_id
    for _ in range(100):  # the tree is shallow; a longer walk means a broken loop
        # By primary key: a row the session still holds is not read again (chunk_reads).
        row = session.get(UnitRow, current)
        parent = row.parent_id if row is not None else None
        if parent is None:
            return current
        current = parent
    return current


def add_unit(session: Session, name: str, kind: UnitKind, parent_id: int | None, city: str) -> Unit:
    row = UnitRow(name=name, kind=kind.value, parent_id=parent_id, city=city)
    session.add(row)
    session.flush()
    return to_unit(row)


def find_unit(session: Session, unit_id: int) -> Unit | None:
    row = session.get(UnitRow, unit_id)
    return to_unit(row) if row else None


# --- employees ---------------------------------------------------------------------------------


def _employee_row(session: Session, employee_id: int) -> EmployeeRow | None:
    """The person's row, for this layer only: services get `Employee` values."""
    return session.get(EmployeeRow, employee_id)


def find_employee(session: Session, employee_id: int) -> Employee | None:
    row = _employee_row(session, employee_id)
    return to_employee(row) if row else None


def _existing_employee_row(session: Session, employee_id: int) -> EmployeeRow:
    row = _employee_row(session, employee_id)
    # The services read the person in the same transaction before they write it.
    assert row is not None, f"employee {employee_id} vanished inside its transaction"
    return row


def add_employee(
    session: Session,
    fields: ValidStaffFields,
    *,
    unit_id: int,
    penilai_id: int | None,
    penilai_official_id: int | None = None,
    atasan_official_id: int | None = None,
) -> Employee:
    """Add an active person to the register, with the officials outside it they chose."""
    row = EmployeeRow(
        unit_id=unit_id,
        penilai_id=penilai_id,
        penilai_official_id=penilai_official_id,
        atasan_official_id=atasan_official_id,
        active=True,
    )
    _apply_fields(row, fields)
    session.add(row)
    session.flush()
    return to_employee(row)


def update_employee(
    session: Session,
    employee_id: int,
    fields: ValidStaffFields,
    *,
    unit_id: int,
    penilai_id: int | None,
    penilai_official_id: int | None,
    atasan_official_id: int | None,
) -> Employee:
    """Write a person's corrected record; the row's version is raised by the flush.

    The penilai in the register and the one outside it are written in the same flush: a row
    holding both kinds at once is refused by the database, so switching from one kind to the
    other cannot be two steps.
    """
    row = _existing_employee_row(session, employee_id)
    _apply_fields(row, fields)
    row.unit_id = unit_id
    row.penilai_id = penilai_id
    row.penilai_official_id = penilai_official_id
    row.atasan_official_id = atasan_official_id
    session.flush()
    return to_employee(row)


def set_employee_active(session: Session, employee_id: int, active: bool) -> Employee:
    """Mark a person active or not; the record and its history are kept."""
    row = _existing_employee_row(session, employee_id)
    row.active = active
    session.flush()
    return to_employee(row)


def employee_by_nip(session: Session, nip: str) -> Employee | None:
    row = session.scalar(select(EmployeeRow).where(EmployeeRow.nip == nip))
    return to_employee(row) if row else None


def employees_by_nip(session: Session, nips: Iterable[str]) -> dict[str, Employee]:
    wanted = list(set(nips))
    found: dict[str, Employee] = {}
    for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        # Plain columns, not ORM rows: an import of 20,000 people asks for all of them.
        query = select(*_EMPLOYEE_COLUMNS).where(EmployeeRow.nip.in_(chunk))
        found.update((person.nip, person) for person in _employees(session, query))
    return found


def _apply_fields(row: EmployeeRow, fields: ValidStaffFields) -> None:
    row.nip = str(fields.nip)
    row.name = fields.name
    row.gelar_depan = fields.gelar_depan
    row.gelar_belakang = fields.gelar_belakang
    row.status = fields.status.value
    row.golongan = fields.golongan.code
    row.jabatan = fields.jabatan
    row.jabatan_kind = fields.jabatan_kind.value
    row.jenjang = fields.jenjang.value if fields.jenjang else None


def penilai_map(session: Session) -> dict[int, int | None]:
    """Return every employee's penilai id, for walking the supervisor chain in memory."""
    return dict(session.execute(select(EmployeeRow.id, EmployeeRow.penilai_id)).all())


def penilai_of(session: Session, employee_id: int) -> int | None:
    """One person's penilai id, read by key (None also when the person is gone).

    A write that walks one chain reads only its links: on a server a SERIALIZABLE read of the
    whole table (`penilai_map`) would conflict with every other user's staff write.
    """
    return session.scalar(select(EmployeeRow.penilai_id).where(EmployeeRow.id == employee_id))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered_ids(staff_filter: StaffFilter) -> Select[int]:
    penilai = aliased(EmployeeRow)
    query = select(EmployeeRow.id)
    # Join only what the sort reads: on 20,000 people each join costs a lookup per row.
    if staff_filter.sort is SortKey.UNIT:
        query = query.join(UnitRow, UnitRow.id == EmployeeRow.unit_id)
    if staff_filter.sort is SortKey.PENILAI:
        query = query.outerjoin(penilai, penilai.id == EmployeeRow.penilai_id)
    if not staff_filter.include_inactive:
        query = query.where(EmployeeRow.active.is_(True))
    if staff_filter.unit_ids is not None:
        query = query.where(EmployeeRow.unit_id.in_(staff_filter.unit_ids))
    for word in staff_filter.text.split():
        pattern = f"%{_escape_like(word)}%"
        digits = "".join(ch for ch in word if ch.isdigit())
        # The units whose name matches are found once (a few thousand units), not joined and
        # matched again for every person: the search then reads only ix_employees_search.
        units_named = select(UnitRow.id).where(contains_text(UnitRow.name, pattern))
        conditions: list[ColumnElement[bool]] = [
            contains_text(EmployeeRow.name, pattern),
            contains_text(EmployeeRow.jabatan, pattern),
            EmployeeRow.unit_id.in_(units_named),
        ]
        if digits and len(digits) == len(word):
            conditions.append(EmployeeRow.nip.like(f"%{digits}%"))
        query = query.where(or_(*conditions))
    sort_column = {
        SortKey.NAME: EmployeeRow.name,
        SortKey.NIP: EmployeeRow.nip,
        SortKey.JABATAN: EmployeeRow.jabatan,
        SortKey.GOLONGAN: EmployeeRow.golongan,
        SortKey.UNIT: UnitRow.name,
        SortKey.PENILAI: penilai.name,
    }[staff_filter.sort]
    ordered = sort_column.desc() if staff_filter.descending else sort_column.asc()
    # Ties break by name, then id, so the order is stable between queries.
    tie_breaks = (
        [EmployeeRow.id]
        if staff_filter.sort is SortKey.NAME
        else [EmployeeRow.name, EmployeeRow.id]
    )
    return query.order_by(ordered, *tie_breaks)


#: Rows fetched at a time by :func:`filtered_ids`. Each row is two objects the garbage
#: collector tracks (the driver's tuple and SQLAlchemy's row); a batch of 300 is freed before
#: the collector's threshold (700 new objects) is reached. Fetched all at once, 20,000 rows
#: outlived two collections and set off full ones: 70-100 ms each with Beranda in memory.
_ID_BATCH = 300


def filtered_ids(
    session: Session, staff_filter: StaffFilter, limit: int | None = None
) -> list[EmployeeId]:
    """The ids of the people ``staff_filter`` finds, in its order: one statement.

    Run on the session's connection as a plain select, so no ORM machinery touches each of
    the up to 20,000 ids; only the ids (ints, which the collector ignores) are kept. With
    ``limit``, only the first that many are read.
    """
    found: list[EmployeeId] = []
    query = _filtered_ids(staff_filter)
    if limit is not None:
        query = query.limit(limit)
    result = session.connection().execute(query).scalars()
    for batch in result.partitions(_ID_BATCH):
        # EmployeeId is a NewType over int: the ints are already the right type at run time.
        found.extend(cast("Sequence[EmployeeId]", batch))
    return found


_LIST_PENILAI = aliased(EmployeeRow)
_LIST_ROW_QUERY = (
    select(
        EmployeeRow.id,
        EmployeeRow.nip,
        EmployeeRow.name,
        EmployeeRow.gelar_depan,
        EmployeeRow.gelar_belakang,
        EmployeeRow.status,
        EmployeeRow.golongan,
        EmployeeRow.jabatan,
        UnitRow.name,
        _LIST_PENILAI.name,
        ExternalOfficialRow.name,
        EmployeeRow.active,
    )
    .join(UnitRow, UnitRow.id == EmployeeRow.unit_id)
    .outerjoin(_LIST_PENILAI, _LIST_PENILAI.id == EmployeeRow.penilai_id)
    .outerjoin(ExternalOfficialRow, ExternalOfficialRow.id == EmployeeRow.penilai_official_id)
)


def list_rows(session: Session, ids: Sequence[int]) -> list[StaffListRow]:
    """Return the list rows for ``ids``, in the order given (plain columns, 500 ids a query)."""
    found: dict[int, StaffListRow] = {}
    connection = session.connection()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        query = _LIST_ROW_QUERY.where(EmployeeRow.id.in_(chunk))
        for (
            employee_id,
            nip,
            name,
            gelar_depan,
            gelar_belakang,
            status,
            golongan,
            jabatan,
            unit_name,
            inside,
            outside,
            active,
        ) in connection.execute(query):
            penilai_name = f"{outside} {OUTSIDE_MARK}" if outside is not None else inside
            found[employee_id] = StaffListRow(
                id=EmployeeId(employee_id),
                nip=nip,
                name=name,
                gelar_depan=gelar_depan,
                gelar_belakang=gelar_belakang,
                status=status,
                golongan=golongan,
                jabatan=jabatan,
                unit_name=unit_name,
                penilai_name=penilai_name,
                active=active,
            )
    return [found[employee_id] for employee_id in ids if employee_id in found]


def count_employees(session: Session, *, active_only: bool = True) -> int:
    query = select(func.count(EmployeeRow.id))
    if active_only:
        query = query.where(EmployeeRow.active.is_(True))
    return session.scalar(query) or 0


def search_people(session: Session, text: str, limit: int) -> list[Employee]:
    ids = filtered_ids(session, StaffFilter(text=text), limit)
    rows = session.scalars(select(EmployeeRow).where(EmployeeRow.id.in_(ids)))
    by_id = {row.id: to_employee(row) for row in rows}
    return [by_id[employee_id] for employee_id in ids]


def all_employees(
    session: Session, *, active_only: bool = False, unit_ids: Collection[int] | None = None
) -> list[Employee]:
    """Everyone by name; only the active, or only those in ``unit_ids``, when asked."""
    if active_only and unit_ids is not None and len(unit_ids) == 1:
        # A print chunk read the active people of the units it may need (by name).
        kept = _kept_by(session, EmployeeRow.unit_id, unit_ids, chunk_reads.ACTIVE_MEMBERS)
        if kept is not None:
            return [to_employee(row) for row in kept]
    query = select(*_EMPLOYEE_COLUMNS).order_by(EmployeeRow.name)
    if active_only:
        query = query.where(EmployeeRow.active.is_(True))
    if unit_ids is not None:
        query = query.where(EmployeeRow.unit_id.in_(list(unit_ids)))
    return _employees(session, query)


# --- history, acting, years --------------------------------------------------------------------


def add_event(
    session: Session,
    employee_id: int,
    kind: EmploymentEventKind,
    event_date: date,
    *,
    from_unit_id: int | None = None,
    to_unit_id: int | None = None,
    note: str = "",
) -> None:
    session.add(
        EmploymentEventRow(
            employee_id=employee_id,
            kind=kind.value,
            event_date=event_date,
            from_unit_id=from_unit_id,
            to_unit_id=to_unit_id,
            note=note,
        )
    )


def events_of(session: Session, employee_id: int) -> list[EmploymentEvent]:
    kept = chunk_reads._kept_events(session, employee_id)
    if kept is not None:
        return [_to_event(row) for row in kept]
    rows = session.scalars(
        select(EmploymentEventRow)
        .where(EmploymentEventRow.employee_id == employee_id)
        .order_by(EmploymentEventRow.event_date, EmploymentEventRow.id)
    )
    return [_to_event(row) for row in rows]


def _to_event(row: EmploymentEventRow) -> EmploymentEvent:
    return EmploymentEvent(
        employee_id=EmployeeId(row.employee_id),
        event_date=row.event_date,
        kind=EmploymentEventKind(row.kind),
        from_unit_id=UnitId(row.from_unit_id) if row.from_unit_id else None,
        to_unit_id=UnitId(row.to_unit_id) if row.to_unit_id else None,
        note=row.note,
    )


def employees_among(session: Session, people: Select[int]) -> list[Employee]:
    """The people ``people`` selects (a subquery of ids), by id; one statement for any number."""
    query = select(*_EMPLOYEE_COLUMNS).where(EmployeeRow.id.in_(people)).order_by(EmployeeRow.id)
    return _employees(session, query)


def employees_with_ids(session: Session, ids: Collection[int]) -> list[Employee]:
    """The people of ``ids`` (a few: one bound parameter each), in the order of ``ids``."""
    if not ids:
        return []
    query = select(*_EMPLOYEE_COLUMNS).where(EmployeeRow.id.in_(list(ids)))
    found: dict[int, Employee] = {person.id: person for person in _employees(session, query)}
    return [found[i] for i in ids if i in found]


def active_ids_by_name(
    session: Session, statuses: Collection[EmploymentStatus]
) -> list[EmployeeId]:
    """The ids of the active people of ``statuses``, by name (one column, for any number)."""
    if not statuses:
        return []
    query = (
        select(EmployeeRow.id)
        .where(
            EmployeeRow.active.is_(True),
            EmployeeRow.status.in_([status.value for status in statuses]),
        )
        .order_by(EmployeeRow.name, EmployeeRow.id)
    )
    return [EmployeeId(employee_id) for employee_id in session.scalars(query)]


def events_among(session: Session, people: Select[int]) -> dict[int, list[EmploymentEvent]]:
    """Each selected person's history, as :func:`events_of` gives it; one statement."""
    rows = session.scalars(
        select(EmploymentEventRow)
        .where(EmploymentEventRow.employee_id.in_(people))
        .order_by(EmploymentEventRow.event_date, EmploymentEventRow.id)
    )
    found: dict[int, list[EmploymentEvent]] = {}
    for row in rows:
        found.setdefault(row.employee_id, []).append(_to_event(row))
    return found


def acting_assignments(session: Session) -> list[ActingAssignment]:
    kept = chunk_reads._kept_acting_rows(session)
    if kept is not None:
        return [to_acting(row) for row in kept]
    rows = session.scalars(select(ActingAssignmentRow).order_by(ActingAssignmentRow.start_date))
    return [to_acting(row) for row in rows]


def posts_stood_in_for(
    session: Session, employee_id: int, on: date
) -> list[tuple[ActingKind, str]]:
    """The Plt/Plh assignments ``employee_id`` holds on ``on``: kind and the absent's jabatan."""
    kept = chunk_reads.kept_acting(session)
    if kept is not None:
        return [
            (ActingKind(kind), jabatan)
            for kind, acting, start, end, jabatan in kept
            if acting == employee_id and start <= on <= end
        ]
    query = (
        select(ActingAssignmentRow.kind, EmployeeRow.jabatan)
        .join(EmployeeRow, EmployeeRow.id == ActingAssignmentRow.for_employee_id)
        .where(
            ActingAssignmentRow.acting_employee_id == employee_id,
            ActingAssignmentRow.start_date <= on,
            ActingAssignmentRow.end_date >= on,
        )
        .order_by(ActingAssignmentRow.start_date, ActingAssignmentRow.id)
    )
    return [(ActingKind(kind), jabatan) for kind, jabatan in session.execute(query)]


def _to_appraisal_year(row: AppraisalYearRow) -> AppraisalYear:
    return AppraisalYear(UnitId(row.instansi_id), row.year, EvaluationScheme(row.scheme))


def _appraisal_year_row(session: Session, instansi_id: int, year: int) -> AppraisalYearRow | None:
    read, kept = chunk_reads._kept_appraisal_year(session, instansi_id, year)
    if read:
        return kept
    return session.scalar(
        select(AppraisalYearRow).where(
            AppraisalYearRow.instansi_id == instansi_id, AppraisalYearRow.year == year
        )
    )


def appraisal_year(session: Session, instansi_id: int, year: int) -> AppraisalYear | None:
    row = _appraisal_year_row(session, instansi_id, year)
    return _to_appraisal_year(row) if row else None


def appraisal_years(session: Session) -> list[AppraisalYear]:
    rows = session.scalars(
        select(AppraisalYearRow).order_by(AppraisalYearRow.year, AppraisalYearRow.instansi_id)
    )
    return [_to_appraisal_year(row) for row in rows]


def set_appraisal_year(
    session: Session, instansi_id: int, year: int, scheme: EvaluationScheme
) -> AppraisalYear:
    """Record the instansi's evaluation scheme for ``year``, adding the year when missing."""
    row = _appraisal_year_row(session, instansi_id, year)
    if row is None:
        row = AppraisalYearRow(instansi_id=instansi_id, year=year)
        session.add(row)
    row.scheme = scheme.value
    return _to_appraisal_year(row)


# --- queries for the attention list ------------------------------------------------------------


def unappraised_staff(session: Session) -> list[Employee]:
    """Active people with no penilai, in the register or outside it, who appraise nobody.

    Heads at the top are excluded: whoever is recorded as someone's penilai counts as a head,
    even if that someone has left.
    """
    subordinate = aliased(EmployeeRow)
    appraises_someone = (
        select(subordinate.id).where(subordinate.penilai_id == EmployeeRow.id).exists()
    )
    query = (
        select(EmployeeRow)
        .where(
            EmployeeRow.active.is_(True),
            EmployeeRow.penilai_id.is_(None),
            # Appraised by an official outside the register: they have their penilai.
            EmployeeRow.penilai_official_id.is_(None),
            ~appraises_someone,
        )
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]


def staff_with_inactive_penilai(session: Session) -> list[Employee]:
    penilai = aliased(EmployeeRow)
    query = (
        select(EmployeeRow)
        .join(penilai, penilai.id == EmployeeRow.penilai_id)
        .where(EmployeeRow.active.is_(True), penilai.active.is_(False))
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]


def nips_with_unusual_ages(
    session: Session, *, youngest: int, oldest: int
) -> list[tuple[int, str, str, str, str]]:
    """Return active people whose NIP gives an unusual age at appointment, by year only.

    Rows are (id, nip, name, gelar depan, gelar belakang) where the appointment year (digits
    9-12) is fewer than ``youngest`` or more than ``oldest`` years after the birth year
    (digits 1-4). A coarse filter in SQL; callers confirm each candidate with the exact rule.
    """
    birth_year = func.cast(func.substr(EmployeeRow.nip, 1, 4), Integer)
    appointed_year = func.cast(func.substr(EmployeeRow.nip, 9, 4), Integer)
    age = appointed_year - birth_year
    query = select(
        EmployeeRow.id,
        EmployeeRow.nip,
        EmployeeRow.name,
        EmployeeRow.gelar_depan,
        EmployeeRow.gelar_belakang,
    ).where(EmployeeRow.active.is_(True), or_(age < youngest, age > oldest))
    return [(row[0], row[1], row[2], row[3], row[4]) for row in session.execute(query)]


def active_count_by_unit(session: Session, among: Collection[int] | None = None) -> dict[int, int]:
    """Active people per unit; only those of ``among`` when given (an account's visible set)."""
    if among is not None:
        counts: dict[int, int] = {}
        for person, unit_id in session.execute(
            select(EmployeeRow.id, EmployeeRow.unit_id).where(EmployeeRow.active.is_(True))
        ):
            if person in among:
                counts[unit_id] = counts.get(unit_id, 0) + 1
        return counts
    query = (
        select(EmployeeRow.unit_id, func.count(EmployeeRow.id))
        .where(EmployeeRow.active.is_(True))
        .group_by(EmployeeRow.unit_id)
    )
    return {unit_id: count for unit_id, count in session.execute(query)}


def subordinates_of(session: Session, employee_id: int) -> list[Employee]:
    query = (
        select(EmployeeRow)
        .where(EmployeeRow.penilai_id == employee_id, EmployeeRow.active.is_(True))
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]
