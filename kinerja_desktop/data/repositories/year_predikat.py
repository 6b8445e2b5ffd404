"""Reads of every person's decided predikat in a year, per period: for the e-Kinerja recap.

The caller's Session, never a commit. Codes are returned as stored; the service decides which
period's predikat is the year's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import DialogueRow, PredikatRow
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.skp_models import SkpRow


@dataclass(frozen=True)
class PersonOfYear:
    """Someone active now or with an SKP in the year."""

    employee_id: int
    nip: str
    name: str
    gelar_depan: str
    gelar_belakang: str
    has_skp: bool


@dataclass(frozen=True)
class PeriodPredikat:
    """A period of a person's SKP with a decision.

    Attributes:
        final: The stored code of the penilai's final predikat; None when only an objection
            was decided.
        on_objection: The stored code of the predikat the atasan set on an objection.
    """

    employee_id: int
    period_code: str
    final: str | None
    on_objection: str | None


def people_of_year(session: Session, year: int) -> list[PersonOfYear]:
    """Everyone active now or with an SKP in ``year``, by name."""
    statement = (
        select(
            EmployeeRow.id,
            EmployeeRow.nip,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            SkpRow.id,
        )
        .select_from(EmployeeRow)
        .outerjoin(SkpRow, (SkpRow.employee_id == EmployeeRow.id) & (SkpRow.year == year))
        .where(or_(EmployeeRow.active.is_(True), SkpRow.id.is_not(None)))
        .order_by(EmployeeRow.name, EmployeeRow.id)
    )
    return [
        PersonOfYear(employee_id, nip, name, depan or "", belakang or "", skp_id is not None)
        for employee_id, nip, name, depan, belakang, skp_id in session.execute(statement)
    ]


def decided_periods(session: Session, year: int) -> list[PeriodPredikat]:
    """Every period of the year's SKPs with a predikat set by the penilai or on an objection."""
    decisions = (
        select(SkpRow.employee_id, PredikatRow.period_code, PredikatRow.final)
        .join(PredikatRow, PredikatRow.skp_id == SkpRow.id)
        .where(SkpRow.year == year)
    )
    objections = (
        select(SkpRow.employee_id, DialogueRow.period_code, DialogueRow.decided_predikat)
        .join(DialogueRow, DialogueRow.skp_id == SkpRow.id)
        .where(
            SkpRow.year == year,
            DialogueRow.decision_on.is_not(None),
            DialogueRow.decided_predikat.is_not(None),
        )
    )
    found: dict[tuple[int, str], list[str | None]] = {}
    for employee_id, code, final in session.execute(decisions):
        found.setdefault((employee_id, code), [None, None])[0] = final
    for employee_id, code, decided in session.execute(objections):
        found.setdefault((employee_id, code), [None, None])[1] = decided
    return [
        PeriodPredikat(employee_id, code, final, on_objection)
        for (employee_id, code), (final, on_objection) in sorted(found.items())
    ]
