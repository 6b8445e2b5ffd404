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
from kinerja_desktop.domain.unit_head import unit_head
from kinerja_desktop.services.distribution_service import org_predikat_in
from kinerja_desktop.services.evaluation.records import UnitHeadRule


def head_rule(
    session: Session, employee_id: int, year: int, period_code: str
) -> UnitHeadRule | None:
    """The unit-head rule for ``employee_id``, or None when they do not lead their unit.

    Reads only the people placed in the person's unit and their penilai, which is all
    `domain.unit_head.unit_head` needs, so a head of a large instansi stays quick.
    """
    person = staff_repo.employee_row(session, employee_id)
    if person is None or not person.active:
        return None
    unit_id = person.unit_id
    units: dict[int, Unit] = {unit.id: unit for unit in staff_repo.all_units(session)}
    inside = subtree(((unit.id, unit.parent_id) for unit in units.values()), unit_id)
    placed = staff_repo.all_employees(session, active_only=True, unit_ids=[unit_id])
    members: dict[int, Employee] = {other.id: other for other in placed}
    penilai_ids = {other.penilai_id for other in placed if other.penilai_id is not None}
    for penilai_id in penilai_ids - members.keys():
        row = staff_repo.employee_row(session, penilai_id)
        if row is not None and row.active and row.unit_id in inside:
            members[row.id] = staff_repo.to_employee(row)
    head = unit_head(unit_id, members)
    if head is None or head.id != employee_id:
        return None
    record = org_predikat_in(session, unit_id, year, period_code)
    return UnitHeadRule(unit_id, units[unit_id].name, record.predikat if record else None)
