"""Reads and writes of audit findings (temuan), their follow-up and links.

Every function takes the caller's Session and never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.data.behaviour_models import ObservationRow
from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.skp_models import RhkRow, SkpRow
from kinerja_desktop.data.supervision_models import FindingLinkRow, FindingRow, FollowUpRow


@dataclass(frozen=True)
class FindingData:
    source: str
    found_on: date
    title: str
    condition: str
    recommendation: str
    due_on: date
    criterion: str = ""
    cause: str = ""
    reference: str = ""
    unit_id: int | None = None
    employee_id: int | None = None


@dataclass(frozen=True)
class StoredFinding:
    id: int
    data: FindingData
    status: str
    closed_on: date | None
    status_note: str
    unit_name: str
    employee_name: str
    gelar_depan: str
    gelar_belakang: str
    follow_ups: int


@dataclass(frozen=True)
class FollowUpData:
    done_on: date
    action: str
    evidence_text: str = ""
    evidence_file: str = ""
    evidence_sha256: str = ""


@dataclass(frozen=True)
class StoredFollowUp:
    id: int
    finding_id: int
    data: FollowUpData


@dataclass(frozen=True)
class StoredLink:
    """A finding's link to an SKP result (RHK) or a journal entry, with a line to show."""

    id: int
    finding_id: int
    rhk_id: int | None
    observation_id: int | None
    employee_id: int
    text: str
    day: date | None


_DATA_FIELDS = tuple(field.name for field in fields(FindingData))
_FOLLOW_UP_FIELDS = tuple(field.name for field in fields(FollowUpData))
_Unit = aliased(UnitRow)


def _select() -> Select[FindingRow, str | None, str | None, str | None, str | None, int]:
    counts = (
        select(FollowUpRow.finding_id, func.count(FollowUpRow.id).label("n"))
        .group_by(FollowUpRow.finding_id)
        .subquery()
    )
    return (
        select(
            FindingRow,
            _Unit.name,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(_Unit, _Unit.id == FindingRow.unit_id)
        .outerjoin(EmployeeRow, EmployeeRow.id == FindingRow.employee_id)
        .outerjoin(counts, counts.c.finding_id == FindingRow.id)
    )


def _stored(  # noqa: PLR0917 - one argument per selected column
    row: FindingRow,
    unit: str | None,
    name: str | None,
    depan: str | None,
    belakang: str | None,
    follow_ups: int,
) -> StoredFinding:
    return StoredFinding(
        id=row.id,
        data=FindingData(**{name_: getattr(row, name_) for name_ in _DATA_FIELDS}),
        status=row.status,
        closed_on=row.closed_on,
        status_note=row.status_note,
        unit_name=unit or "",
        employee_name=name or "",
        gelar_depan=depan or "",
        gelar_belakang=belakang or "",
        follow_ups=int(follow_ups),
    )


def add(session: Session, data: FindingData, *, status: str = "BELUM") -> int:
    row = FindingRow(status=status, status_note="")
    for name in _DATA_FIELDS:
        setattr(row, name, getattr(data, name))
    session.add(row)
    session.flush()
    return row.id


def replace_data(session: Session, finding_id: int, data: FindingData) -> bool:
    row = session.get(FindingRow, finding_id)
    if row is None:
        return False
    for name in _DATA_FIELDS:
        setattr(row, name, getattr(data, name))
    session.flush()
    return True


def set_status(
    session: Session, finding_id: int, status: str, note: str, closed_on: date | None
) -> bool:
    row = session.get(FindingRow, finding_id)
    if row is None:
        return False
    row.status = status
    row.status_note = note
    row.closed_on = closed_on
    session.flush()
    return True


def get(session: Session, finding_id: int) -> StoredFinding | None:
    found = session.execute(_select().where(FindingRow.id == finding_id)).first()
    return _stored(*found) if found else None


def find(
    session: Session, *, status: str | None = None, open_only: bool = False
) -> list[StoredFinding]:
    """Findings, the earliest due first."""
    statement = _select()
    if status is not None:
        statement = statement.where(FindingRow.status == status)
    if open_only:
        statement = statement.where(FindingRow.status.in_(("BELUM", "PROSES")))
    statement = statement.order_by(FindingRow.due_on, FindingRow.id)
    return [_stored(*row) for row in session.execute(statement)]


def add_follow_up(session: Session, finding_id: int, data: FollowUpData) -> int:
    row = FollowUpRow(finding_id=finding_id)
    for name in _FOLLOW_UP_FIELDS:
        setattr(row, name, getattr(data, name))
    session.add(row)
    session.flush()
    return row.id


def follow_ups(session: Session, finding_id: int) -> list[StoredFollowUp]:
    statement = (
        select(FollowUpRow)
        .where(FollowUpRow.finding_id == finding_id)
        .order_by(FollowUpRow.done_on, FollowUpRow.id)
    )
    return [
        StoredFollowUp(
            row.id,
            row.finding_id,
            FollowUpData(**{name: getattr(row, name) for name in _FOLLOW_UP_FIELDS}),
        )
        for row in session.scalars(statement)
    ]


def get_follow_up(session: Session, follow_up_id: int) -> StoredFollowUp | None:
    row = session.get(FollowUpRow, follow_up_id)
    if row is None:
        return None
    return StoredFollowUp(
        row.id,
        row.finding_id,
        FollowUpData(**{name: getattr(row, name) for name in _FOLLOW_UP_FIELDS}),
    )


def add_link(
    session: Session,
    finding_id: int,
    *,
    rhk_id: int | None = None,
    observation_id: int | None = None,
) -> int:
    row = FindingLinkRow(finding_id=finding_id, rhk_id=rhk_id, observation_id=observation_id)
    session.add(row)
    session.flush()
    return row.id


def has_link(
    session: Session, finding_id: int, *, rhk_id: int | None, observation_id: int | None
) -> bool:
    statement = select(FindingLinkRow.id).where(FindingLinkRow.finding_id == finding_id)
    if rhk_id is not None:
        statement = statement.where(FindingLinkRow.rhk_id == rhk_id)
    else:
        statement = statement.where(FindingLinkRow.observation_id == observation_id)
    return session.scalar(statement) is not None


def remove_link(session: Session, link_id: int) -> bool:
    result = session.execute(delete(FindingLinkRow).where(FindingLinkRow.id == link_id))
    return bool(getattr(result, "rowcount", 0))


def links(
    session: Session,
    *,
    finding_id: int | None = None,
    rhk_id: int | None = None,
    observation_id: int | None = None,
) -> list[StoredLink]:
    """Links of a finding, or the findings linked to an RHK or a journal entry."""
    result: list[StoredLink] = []
    rhk_links = (
        select(FindingLinkRow, RhkRow.text, SkpRow.employee_id)
        .join(RhkRow, RhkRow.id == FindingLinkRow.rhk_id)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
    )
    observation_links = select(
        FindingLinkRow, ObservationRow.text, ObservationRow.employee_id, ObservationRow.observed_on
    ).join(ObservationRow, ObservationRow.id == FindingLinkRow.observation_id)
    if finding_id is not None:
        rhk_links = rhk_links.where(FindingLinkRow.finding_id == finding_id)
        observation_links = observation_links.where(FindingLinkRow.finding_id == finding_id)
    if rhk_id is not None:
        rhk_links = rhk_links.where(FindingLinkRow.rhk_id == rhk_id)
    if observation_id is not None:
        observation_links = observation_links.where(FindingLinkRow.observation_id == observation_id)
    if observation_id is None:
        for link, text, employee_id in session.execute(rhk_links):
            result.append(
                StoredLink(link.id, link.finding_id, link.rhk_id, None, employee_id, text, None)
            )
    if rhk_id is None:
        for link, text, employee_id, day in session.execute(observation_links):
            result.append(
                StoredLink(
                    link.id, link.finding_id, None, link.observation_id, employee_id, text, day
                )
            )
    return result


def rhk_holder(session: Session, rhk_id: int) -> int | None:
    """The person whose SKP holds the RHK; None when there is no such RHK."""
    return session.scalar(
        select(SkpRow.employee_id)
        .join(RhkRow, RhkRow.skp_id == SkpRow.id)
        .where(RhkRow.id == rhk_id)
    )


def link_finding(session: Session, link_id: int) -> int | None:
    """The finding a link belongs to; None when there is no such link."""
    return session.scalar(select(FindingLinkRow.finding_id).where(FindingLinkRow.id == link_id))
