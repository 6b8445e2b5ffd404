"""What needs the supervisor's attention today: the items on the home page (Beranda).

The service runs the checks it is given (``app_services.home_checks`` lists them all); each
capability keeps its own checks beside its services. A check reads within the caller's
transaction and returns plain items (``domain.attention``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.attention import NAMES_SHOWN, AttentionItem, Severity, name_list
from kinerja_desktop.domain.staff import EmployeeId
from kinerja_desktop.domain.supervision_access import SupervisionAction, SupervisionScope
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.home.check_process import Check, CheckProcess


class AttentionService:
    """Runs Beranda's checks in one read transaction.

    Args:
        checks: Every check to run, in the order their items are listed within a severity; or
            a function returning them, called on first use (so their modules are imported by
            the first refresh, off the GUI thread, not when the window is built).
    """

    def __init__(
        self,
        database: Database,
        access: AccessGuard,
        checks: Sequence[Check] | Callable[[], Sequence[Check]],
    ) -> None:
        self._db = database
        self._access = access
        self._given = checks
        self._apart: CheckProcess | None = None

    def run_apart(self) -> None:
        """From now on run the checks in a worker process of their own (the GUI's choice).

        A search typed while Beranda loads then does not wait for the checks' Python. A
        database server keeps them here (there is no file to open beside the caller's).
        """
        if self._apart is None and not self._db.server:
            self._apart = CheckProcess(self._db.path, self._given)

    def close(self) -> None:
        """End the worker process, if any, without waiting for a check under way."""
        if self._apart is not None:
            self._apart.close()

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        given = self._given
        return tuple(given() if callable(given) else given)

    def items(self, today: date) -> list[AttentionItem]:
        """Return today's items, the important ones first.

        A restricted account sees the items about its own people and the register records it
        may read only, counted and named again for them; items about the office as a whole
        stay.

        Raises:
            ChecksStoppedError: run apart, and `close` ended the process before it answered.
        """
        apart = self._apart
        raw = apart.items(today, self._db.restores) if apart is not None else None
        with self._db.reading() as session:
            found = (
                raw
                if raw is not None
                else [item for check in self.checks for item in check(session, today)]
            )
            if self._access.restricted:
                visible = self._access.visible(session) or frozenset()
                scope = self._access.supervision(session)
                found = [
                    kept
                    for item in found
                    if (kept := _narrowed(session, item, visible, scope)) is not None
                ]
        return sorted(found, key=lambda item: item.severity is not Severity.PENTING)


def _narrowed(
    session: Session, item: AttentionItem, visible: frozenset[int], scope: SupervisionScope
) -> AttentionItem | None:
    """The item as an account that sees only ``visible`` may read it; None to drop it."""
    if item.records:
        records = tuple(r for r in item.records if scope.allows(SupervisionAction.READ, r))
        if len(records) == len(item.records):
            return item
        return replace(item.counted(len(records), ""), records=records) if records else None
    if not item.employee_ids:
        return item
    ids = tuple(EmployeeId(i) for i in item.employee_ids if i in visible)
    if not ids:
        return None
    if len(ids) == len(item.employee_ids):
        return item
    names = []
    # Only the first names are read, however many people the item keeps.
    for employee_id in ids[: NAMES_SHOWN + 1]:
        person = repo.find_employee(session, employee_id)
        if person is not None:
            names.append(person.full_name)
    return replace(item.counted(len(ids), name_list(names, total=len(ids))), employee_ids=ids)
