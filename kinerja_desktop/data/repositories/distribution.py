"""Reads and writes of the unit's organisation predikat and its staff's final predikat.

The caller's Session, never a commit. Codes are returned as stored ("BAIK", "SANGAT_BAIK"); the
service turns them into its own types.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import DialogueRow, OrgPredikatRow, PredikatRow
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories.chunk_content import _kept_org_predikat
from kinerja_desktop.data.skp_models import SkpRow


@dataclass(frozen=True)
class StoredOrgPredikat:
    """The organisation predikat of a unit and period, as stored."""

    unit_id: int
    year: int
    period_code: str
    predikat: str
    recorded_on: date
    note: str


@dataclass(frozen=True)
class UnitMember:
    """Someone counted in a unit's spread: active now, or with an SKP in the year.

    Attributes:
        final: The stored code of the penilai's final predikat of the period; None when not
            decided yet.
        on_objection: The stored code of the predikat the atasan set deciding an objection in
            the period; None without one.
    """

    employee_id: int
    name: str
    gelar_depan: str
    gelar_belakang: str
    nip: str
    jabatan: str
    skp_id: int | None
    final: str | None
    on_objection: str | None = None
    #: The stored codes of the ratings the predikat was decided from; None when undecided.
    hasil: str | None = None
    perilaku: str | None = None


def org_predikat(
    session: Session, unit_id: int, year: int, period_code: str
) -> StoredOrgPredikat | None:
    row = _org_row(session, unit_id, year, period_code)
    return _stored(row) if row is not None else None


def save_org_predikat(
    session: Session,
    unit_id: int,
    year: int,
    period_code: str,
    predikat: str,
    *,
    on: date,
    note: str,
) -> StoredOrgPredikat:
    """Insert or replace the unit's organisation predikat for the period."""
    row = _org_row(session, unit_id, year, period_code)
    if row is None:
        row = OrgPredikatRow(unit_id=unit_id, year=year, period_code=period_code)
        session.add(row)
    row.predikat = predikat
    row.recorded_on = on
    row.note = note
    session.flush()
    return _stored(row)


def counted_in_spread(
    columns: Sequence[Any],
    unit_ids: Collection[int],
    year: int,
    period_code: str,
) -> Select[Any]:
    """Select ``columns`` for the people a unit's spread counts, with their period's predikat.

    The people of ``unit_ids`` (their current unit) who are active or had an SKP in ``year``;
    ``PredikatRow`` is joined for the period, ``DialogueRow`` for a decided objection (both
    None when there is none). Shared by Sebaran's members and the Rekap Pemda.
    """
    return (
        select(*columns)
        .select_from(EmployeeRow)
        .outerjoin(SkpRow, (SkpRow.employee_id == EmployeeRow.id) & (SkpRow.year == year))
        .outerjoin(
            PredikatRow,
            (PredikatRow.skp_id == SkpRow.id) & (PredikatRow.period_code == period_code),
        )
        .outerjoin(
            DialogueRow,
            (DialogueRow.skp_id == SkpRow.id)
            & (DialogueRow.period_code == period_code)
            & DialogueRow.decision_on.is_not(None),
        )
        .where(
            EmployeeRow.unit_id.in_(list(unit_ids)),
            or_(EmployeeRow.active.is_(True), SkpRow.id.is_not(None)),
        )
    )


def members(
    session: Session, unit_ids: Collection[int], year: int, period_code: str
) -> list[UnitMember]:
    """People of ``unit_ids`` who are active or had an SKP in ``year``, with their final predikat.

    Ordered by name. The unit is the person's current one.
    """
    if not unit_ids:
        return []
    columns = (
        EmployeeRow.id,
        EmployeeRow.name,
        EmployeeRow.gelar_depan,
        EmployeeRow.gelar_belakang,
        EmployeeRow.nip,
        EmployeeRow.jabatan,
        SkpRow.id,
        PredikatRow.final,
        DialogueRow.decided_predikat,
        PredikatRow.hasil,
        PredikatRow.perilaku,
    )
    query = counted_in_spread(columns, unit_ids, year, period_code).order_by(
        EmployeeRow.name, EmployeeRow.id
    )
    return [UnitMember(*row) for row in session.execute(query)]


def final_counts(
    session: Session, unit_ids: Collection[int], year: int, period_code: str
) -> dict[str, int]:
    """People per predikat code in force among `members` (undecided ones left out).

    The atasan's predikat on an objection is final, so it is counted instead of the penilai's.
    """
    counts: dict[str, int] = {}
    for member in members(session, unit_ids, year, period_code):
        code = member.on_objection or member.final
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    return counts


def _org_row(session: Session, unit_id: int, year: int, period_code: str) -> OrgPredikatRow | None:
    read, row = _kept_org_predikat(session, unit_id, year, period_code)
    if read:
        return row
    return session.scalar(
        select(OrgPredikatRow).where(
            OrgPredikatRow.unit_id == unit_id,
            OrgPredikatRow.year == year,
            OrgPredikatRow.period_code == period_code,
        )
    )


def _stored(row: OrgPredikatRow) -> StoredOrgPredikat:
    return StoredOrgPredikat(
        unit_id=row.unit_id,
        year=row.year,
        period_code=row.period_code,
        predikat=row.predikat,
        recorded_on=row.recorded_on,
        note=row.note or "",
    )
