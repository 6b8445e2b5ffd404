"""Officials outside the register (`external_officials`) and who chose them; caller's Session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow, ExternalOfficialRow
from kinerja_desktop.data.repositories import chunk_reads
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.officials import ExternalOfficial, OfficialKind, ValidOfficialFields
from kinerja_desktop.domain.staff import full_name


@dataclass(frozen=True)
class OfficialUse:
    """A person of the register who chose an external official, and as what."""

    employee_id: int
    name: str
    nip: str
    #: "Pejabat Penilai" or "Atasan Pejabat Penilai".
    role: str


@dataclass(frozen=True)
class ChosenOfficials:
    """The external officials a person chose as penilai and as atasan (None: none chosen)."""

    penilai: ExternalOfficial | None
    atasan: ExternalOfficial | None


def _to_official(row: ExternalOfficialRow) -> ExternalOfficial:
    return ExternalOfficial(
        id=row.id,
        nip=row.nip,
        name=row.name,
        gelar_depan=row.gelar_depan,
        gelar_belakang=row.gelar_belakang,
        status=EmploymentStatus(row.status) if row.status is not None else None,
        golongan=row.golongan,
        jabatan=row.jabatan,
        instansi=row.instansi,
        version=row.version,
        kind=OfficialKind(row.kind),
    )


def all_officials(session: Session) -> list[ExternalOfficial]:
    """Every external official, by name."""
    rows = session.scalars(
        select(ExternalOfficialRow).order_by(ExternalOfficialRow.name, ExternalOfficialRow.id)
    )
    return [_to_official(row) for row in rows]


def official(session: Session, official_id: int | None) -> ExternalOfficial | None:
    row = session.get(ExternalOfficialRow, official_id) if official_id is not None else None
    return _to_official(row) if row is not None else None


def official_by_nip(session: Session, nip: str) -> ExternalOfficial | None:
    row = session.scalar(select(ExternalOfficialRow).where(ExternalOfficialRow.nip == nip))
    return _to_official(row) if row is not None else None


def same_official(session: Session, fields: ValidOfficialFields) -> ExternalOfficial | None:
    """The official already recorded as ``fields``.

    By NIP; without one (a pejabat negara) by name, jabatan and instansi.
    """
    if fields.nip is not None:
        return official_by_nip(session, str(fields.nip))
    row = session.scalar(
        select(ExternalOfficialRow).where(
            ExternalOfficialRow.nip.is_(None),
            ExternalOfficialRow.name == fields.name,
            ExternalOfficialRow.jabatan == fields.jabatan,
            ExternalOfficialRow.instansi == fields.instansi,
        )
    )
    return _to_official(row) if row is not None else None


def _apply(row: ExternalOfficialRow, fields: ValidOfficialFields) -> None:
    row.kind = fields.kind.value
    row.nip = str(fields.nip) if fields.nip is not None else None
    row.name = fields.name
    row.gelar_depan = fields.gelar_depan
    row.gelar_belakang = fields.gelar_belakang
    row.status = fields.status.value if fields.status is not None else None
    row.golongan = fields.golongan.code if fields.golongan is not None else None
    row.jabatan = fields.jabatan
    row.instansi = fields.instansi


def add_official(session: Session, fields: ValidOfficialFields) -> ExternalOfficial:
    row = ExternalOfficialRow()
    _apply(row, fields)
    session.add(row)
    session.flush()
    return _to_official(row)


def update_official(
    session: Session, official_id: int, fields: ValidOfficialFields
) -> ExternalOfficial | None:
    """Store ``fields`` over the official; None when there is no such official."""
    row = session.get(ExternalOfficialRow, official_id)
    if row is None:
        return None
    _apply(row, fields)
    session.flush()
    return _to_official(row)


def delete_official(session: Session, official_id: int) -> None:
    row = session.get(ExternalOfficialRow, official_id)
    if row is not None:
        session.delete(row)
        session.flush()


def uses_of(session: Session, official_id: int) -> list[OfficialUse]:
    """Everyone (active or not) who chose the official as penilai or atasan, by name."""
    query = (
        select(EmployeeRow)
        .where(
            or_(
                EmployeeRow.penilai_official_id == official_id,
                EmployeeRow.atasan_official_id == official_id,
            )
        )
        .order_by(EmployeeRow.name, EmployeeRow.id)
    )
    found: list[OfficialUse] = []
    for row in session.scalars(query):
        name = full_name(row.name, row.gelar_depan, row.gelar_belakang)
        if row.penilai_official_id == official_id:
            found.append(OfficialUse(row.id, name, row.nip, "Pejabat Penilai"))
        if row.atasan_official_id == official_id:
            found.append(OfficialUse(row.id, name, row.nip, "Atasan Pejabat Penilai"))
    return found


def chosen_by(session: Session, employee_id: int) -> ChosenOfficials:
    """The external officials ``employee_id`` chose (none for an unknown person)."""
    if chunk_reads.preloaded(session):
        # A print chunk read its people already (and keeps them); elsewhere the row in
        # memory may predate a bulk update of the transaction, so it is read again.
        row = session.get(EmployeeRow, employee_id)
        ids = (row.penilai_official_id, row.atasan_official_id) if row is not None else None
    else:
        found = session.execute(
            select(EmployeeRow.penilai_official_id, EmployeeRow.atasan_official_id).where(
                EmployeeRow.id == employee_id
            )
        ).first()
        ids = (found[0], found[1]) if found is not None else None
    if ids is None:
        return ChosenOfficials(None, None)
    return ChosenOfficials(official(session, ids[0]), official(session, ids[1]))


def set_chosen(
    session: Session, employee_id: int, penilai_id: int | None, atasan_id: int | None
) -> None:
    """Record which external officials appraise ``employee_id`` (None: none), and flush."""
    row = session.get(EmployeeRow, employee_id)
    if row is not None:
        row.penilai_official_id = penilai_id
        row.atasan_official_id = atasan_id
        session.flush()


def choose_for_many(
    session: Session, choices: Sequence[tuple[int, int | None, int | None]], stamp: datetime
) -> None:
    """Set (employee id, penilai official, atasan official) for many people at once.

    For batch writers (the demo): the rows keep their version, and ``stamp`` is written as
    their ``updated_at``, so the same input always gives the same database.
    """
    if not choices:
        return
    table: Table = EmployeeRow.__table__  # type: ignore[assignment]
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            penilai_official_id=bindparam("b_penilai"),
            atasan_official_id=bindparam("b_atasan"),
            updated_at=bindparam("b_stamp"),
        )
    )
    params = [
        {"b_id": employee_id, "b_penilai": penilai, "b_atasan": atasan, "b_stamp": stamp}
        for employee_id, penilai, atasan in choices
    ]
    session.execute(statement, params)
