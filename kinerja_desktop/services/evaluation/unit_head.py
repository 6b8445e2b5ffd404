"""Whether the SKP holder leads their unit, and the organisation predikat their rating follows.

SE MenPANRB 3/2023: the organisation's achievement is its head's Rating Hasil Kerja. Who leads a
unit is read from the register (`domain.unit_head`, the rule the distribution form's signer
uses); the organisation predikat is what Sebaran Predikat recorded for the unit and period.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.staff import Employee, Unit
from kinerja_desktop.domain.unit_head import follows_org_predikat, unit_head
from kinerja_desktop.services.evaluation.distribution import org_predikat_in
from kinerja_desktop.services.evaluation.records import UnitHeadRule


def head_of(session: Session, unit_id: int, units: dict[int, Unit]) -> Employee | None:
    """The head of ``unit_id`` (`domain.unit_head.unit_head`), inside the caller's transaction.

    Reads only the people placed in the unit and their penilai, which is all the rule needs, so
    a head of a large instansi stays quick. ``units`` is every unit by id.
    """
    inside = subtree(((unit.id, unit.parent_id) for unit in units.values()), unit_id)
    placed = staff_repo.all_employees(session, active_only=True, unit_ids=[unit_id])
    members: dict[int, Employee] = {other.id: other for other in placed}
    penilai_ids = {other.penilai_id for other in placed if other.penilai_id is not None}
    for penilai_id in penilai_ids - members.keys():
        penilai = staff_repo.find_employee(session, penilai_id)
        if penilai is not None and penilai.active and penilai.unit_id in inside:
            members[penilai.id] = penilai
    return unit_head(unit_id, members)


def all_units(session: Session) -> dict[int, Unit]:
    return {unit.id: unit for unit in staff_repo.all_units(session)}


def head_rule(
    session: Session, employee_id: int, year: int, period_code: str
) -> UnitHeadRule | None:
    """The unit-head rule for ``employee_id``, or None when their rating follows their results.

    None when they do not lead their unit, or lead a sub-unit with no organisation predikat
    recorded for the period (`domain.unit_head.follows_org_predikat`).
    """
    person = staff_repo.find_employee(session, employee_id)
    if person is None or not person.active:
        return None
    penilai = staff_repo.find_employee(session, person.penilai_id) if person.penilai_id else None
    if penilai is not None and penilai.active and penilai.unit_id == person.unit_id:
        return None  # appraised inside their own unit, so not its head: the usual case, quick
    units = all_units(session)
    unit = units[person.unit_id]
    head = head_of(session, unit.id, units)
    if head is None or head.id != employee_id:
        return None
    record = org_predikat_in(session, unit.id, year, period_code)
    if not follows_org_predikat(unit.kind, record is not None):
        return None
    return UnitHeadRule(unit.id, unit.name, record.predikat if record else None)
