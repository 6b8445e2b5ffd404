"""Reads for the e-Kinerja workbook of daily progress: many people's entries in one query.

The caller's Session, never a commit. Rows are read as plain columns (not ORM objects) and
returned as frozen dataclasses: a unit's month is a few thousand rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.progress_models import ProgressEntryRow
from kinerja_desktop.data.skp_models import IkiRow, PeriodTargetRow, RencanaAksiRow, RhkRow, SkpRow
from kinerja_desktop.domain.progress import ProgressStatus
from kinerja_desktop.domain.staff import full_name

_STATUSES = {status.value: status for status in ProgressStatus}


@dataclass(frozen=True)
class ExportedEntry:
    """One entry with whose it is, as the e-Kinerja workbook writes it.

    Attributes:
        rhk_text: The RHK's text ("" when the RHK was deleted from a draft SKP since).
        rencana_aksi_text: The text of the period's rencana aksi the entry was made against
            ("" when it was made against the RHK itself).
        evidence_name: The original name of the stored evidence file ("" without one).
    """

    employee_id: int
    nip: str
    name: str
    rhk_text: str
    rencana_aksi_text: str
    day: date
    start: time
    end: time
    activity: str
    data_source: str
    realisation: int
    unit: str
    evidence_link: str
    evidence_name: str
    status: ProgressStatus


def entries_of(
    session: Session, employee_ids: Collection[int], start: date, end: date
) -> list[ExportedEntry]:
    """The entries of ``employee_ids`` from ``start`` to ``end``, by NIP, day and start time."""
    if not employee_ids:
        return []
    statement = (
        select(
            ProgressEntryRow.employee_id,
            EmployeeRow.nip,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            RhkRow.text,
            RencanaAksiRow.text,
            ProgressEntryRow.day,
            ProgressEntryRow.start_time,
            ProgressEntryRow.end_time,
            ProgressEntryRow.activity,
            ProgressEntryRow.data_source,
            ProgressEntryRow.realisation,
            ProgressEntryRow.unit,
            ProgressEntryRow.evidence_link,
            ProgressEntryRow.evidence_name,
            ProgressEntryRow.status,
        )
        .join(EmployeeRow, EmployeeRow.id == ProgressEntryRow.employee_id)
        .outerjoin(RhkRow, RhkRow.id == ProgressEntryRow.rhk_id)
        .outerjoin(RencanaAksiRow, RencanaAksiRow.id == ProgressEntryRow.rencana_aksi_id)
        .where(
            ProgressEntryRow.employee_id.in_(list(employee_ids)),
            ProgressEntryRow.day >= start,
            ProgressEntryRow.day <= end,
        )
        .order_by(
            EmployeeRow.nip,
            ProgressEntryRow.day,
            ProgressEntryRow.start_time,
            ProgressEntryRow.id,
        )
    )
    return [
        ExportedEntry(
            employee_id=employee_id,
            nip=nip,
            name=full_name(name, depan, belakang),
            rhk_text=rhk_text or "",
            rencana_aksi_text=rencana_aksi_text or "",
            day=day,
            start=_time_of(start_text),
            end=_time_of(end_text),
            activity=activity,
            data_source=data_source or "",
            realisation=realisation,
            unit=unit,
            evidence_link=link or "",
            evidence_name=evidence_name or "",
            status=_STATUSES[status],
        )
        for (
            employee_id,
            nip,
            name,
            depan,
            belakang,
            rhk_text,
            rencana_aksi_text,
            day,
            start_text,
            end_text,
            activity,
            data_source,
            realisation,
            unit,
            link,
            evidence_name,
            status,
        ) in session.execute(statement)
    ]


@dataclass(frozen=True)
class ExportedPlan:
    """One indicator of a rencana aksi, with the period's target when one was set."""

    nip: str
    name: str
    year: int
    period_code: str
    rhk_text: str
    rencana_aksi_text: str
    indicator: str
    target: Decimal | None
    unit: str


def plans_of(
    session: Session,
    employee_ids: Collection[int],
    years: Collection[int],
    period_codes: Collection[str],
) -> list[ExportedPlan]:
    """The rencana aksi of ``period_codes`` in ``employee_ids``' SKPs of ``years``.

    One row per indicator, by NIP, year, period code, RHK and indicator position.
    """
    if not employee_ids or not years or not period_codes:
        return []
    statement = (
        select(
            EmployeeRow.nip,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            SkpRow.year,
            RencanaAksiRow.period_code,
            RhkRow.text,
            RencanaAksiRow.text,
            IkiRow.indicator,
            PeriodTargetRow.target,
            IkiRow.unit,
        )
        .join(RhkRow, RhkRow.id == RencanaAksiRow.rhk_id)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .join(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
        .join(IkiRow, IkiRow.rhk_id == RhkRow.id)
        .outerjoin(
            PeriodTargetRow,
            (PeriodTargetRow.iki_id == IkiRow.id)
            & (PeriodTargetRow.period_code == RencanaAksiRow.period_code),
        )
        .where(
            SkpRow.employee_id.in_(list(employee_ids)),
            SkpRow.year.in_(list(years)),
            RencanaAksiRow.period_code.in_(list(period_codes)),
        )
        .order_by(
            EmployeeRow.nip,
            SkpRow.year,
            RencanaAksiRow.period_code,
            RhkRow.position,
            IkiRow.position,
        )
    )
    return [
        ExportedPlan(
            nip=nip,
            name=full_name(name, depan, belakang),
            year=year,
            period_code=period_code,
            rhk_text=rhk_text,
            rencana_aksi_text=action,
            indicator=indicator,
            target=target,
            unit=unit or "",
        )
        for (
            nip,
            name,
            depan,
            belakang,
            year,
            period_code,
            rhk_text,
            action,
            indicator,
            target,
            unit,
        ) in session.execute(statement)
    ]


def _time_of(text: str) -> time:
    """A stored "HH:MM" (how `progress._time_text` writes it)."""
    return time(int(text[:2]), int(text[3:5]))
