"""Reads for the e-Kinerja workbook of daily progress: many people's entries in one query.

The caller's Session, never a commit. Rows are read as plain columns (not ORM objects) and
returned as frozen dataclasses: a unit's month is a few thousand rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.progress_models import ProgressEntryRow
from kinerja_desktop.data.skp_models import RhkRow
from kinerja_desktop.domain.progress import ProgressStatus
from kinerja_desktop.domain.staff import full_name

_STATUSES = {status.value: status for status in ProgressStatus}


@dataclass(frozen=True)
class ExportedEntry:
    """One entry with whose it is, as the e-Kinerja workbook writes it.

    Attributes:
        rhk_text: The RHK's text ("" when the RHK was deleted from a draft SKP since).
        evidence_name: The original name of the stored evidence file ("" without one).
    """

    employee_id: int
    nip: str
    name: str
    rhk_text: str
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


def _time_of(text: str) -> time:
    """A stored "HH:MM" (how `progress._time_text` writes it)."""
    return time(int(text[:2]), int(text[3:5]))
