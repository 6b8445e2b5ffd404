"""Queries and writes of local accounts, and the register facts access control needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.account_models import AccountRow
from kinerja_desktop.data.models import ActingAssignmentRow, EmployeeRow, UnitRow
from kinerja_desktop.domain.access import ActingSpan, OrgFacts, Role
from kinerja_desktop.domain.accounts import LoginState


@dataclass(frozen=True)
class StoredAccount:
    id: int
    user_name: str
    display_name: str
    role: Role
    employee_id: int | None
    active: bool
    password_hash: str
    login: LoginState
    last_sign_in: datetime | None


def _stored(row: AccountRow) -> StoredAccount:
    return StoredAccount(
        id=row.id,
        user_name=row.user_name,
        display_name=row.display_name,
        role=Role(row.role),
        employee_id=row.employee_id,
        active=row.active,
        password_hash=row.password_hash,
        login=LoginState(row.failed_attempts, row.locked_until),
        last_sign_in=row.last_sign_in,
    )


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AccountRow)) or 0


def count_active_admins(session: Session) -> int:
    query = select(func.count()).where(AccountRow.role == Role.ADMIN.value, AccountRow.active)
    return session.scalar(query) or 0


def all_accounts(session: Session) -> list[StoredAccount]:
    return [
        _stored(row) for row in session.scalars(select(AccountRow).order_by(AccountRow.user_name))
    ]


def by_user_name(session: Session, user_name: str) -> StoredAccount | None:
    row = session.scalar(select(AccountRow).where(AccountRow.user_name == user_name))
    return _stored(row) if row else None


def by_id(session: Session, account_id: int) -> StoredAccount | None:
    row = session.get(AccountRow, account_id)
    return _stored(row) if row else None


def add(
    session: Session,
    *,
    user_name: str,
    display_name: str,
    role: Role,
    employee_id: int | None,
    password_hash: str,
) -> StoredAccount:
    row = AccountRow(
        user_name=user_name,
        display_name=display_name,
        role=role.value,
        employee_id=employee_id,
        active=True,
        password_hash=password_hash,
        failed_attempts=0,
    )
    session.add(row)
    session.flush()
    return _stored(row)


def update(
    session: Session,
    account_id: int,
    *,
    display_name: str | None = None,
    role: Role | None = None,
    employee_id: int | None = None,
    unlink: bool = False,
    active: bool | None = None,
    password_hash: str | None = None,
    login: LoginState | None = None,
    last_sign_in: datetime | None = None,
) -> StoredAccount:
    """Change the given columns; ``unlink`` clears the link to a person."""
    row = session.get(AccountRow, account_id)
    if row is None:
        raise LookupError(account_id)
    if display_name is not None:
        row.display_name = display_name
    if role is not None:
        row.role = role.value
    if employee_id is not None or unlink:
        row.employee_id = employee_id
    if active is not None:
        row.active = active
    if password_hash is not None:
        row.password_hash = password_hash
        row.password_changed_at = datetime.now()
    if login is not None:
        row.failed_attempts = login.failed_attempts
        row.locked_until = login.locked_until
    if last_sign_in is not None:
        row.last_sign_in = last_sign_in
    session.flush()
    return _stored(row)


def org_facts(session: Session) -> OrgFacts:
    """Everyone's penilai and unit, the unit tree and the Plt/Plh spans, as plain columns."""
    penilai_of: dict[int, int | None] = {}
    unit_of: dict[int, int] = {}
    for person, penilai, unit in session.execute(
        select(EmployeeRow.id, EmployeeRow.penilai_id, EmployeeRow.unit_id)
    ):
        penilai_of[person] = penilai
        unit_of[person] = unit
    units: dict[int, int | None] = {
        unit: parent for unit, parent in session.execute(select(UnitRow.id, UnitRow.parent_id))
    }
    acting = tuple(
        ActingSpan(acting, for_id, start, end)
        for acting, for_id, start, end in session.execute(
            select(
                ActingAssignmentRow.acting_employee_id,
                ActingAssignmentRow.for_employee_id,
                ActingAssignmentRow.start_date,
                ActingAssignmentRow.end_date,
            )
        )
    )
    return OrgFacts(penilai_of=penilai_of, unit_of=unit_of, unit_parent=units, acting=acting)
