"""The signed-in account, held for all services, and the checks they make before acting.

Every service takes a guard as a required argument, so one built without it is a type error
rather than full access. `AppServices` owns one session guard and hands it to every service;
until someone signs in it holds `SYSTEM` (an office without accounts), which may do everything.
Work with nobody at the keyboard (the command line, the demo generator, startup and health
checks, tests that need full access) passes `AccessGuard.system()`, which can never be signed
in.
Person-level reads and writes call `require_person` / `require_skp` inside their own
transaction; lists call `visible` and keep only those people.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import accounts as repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import (
    PERMISSIONS,
    SYSTEM,
    AccessDeniedError,
    Action,
    Capability,
    OrgFacts,
    Permissions,
    Principal,
    capability_message,
    denied_message,
    headed_units,
    may,
    relations,
    visible_people,
)
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.supervision_access import (
    Subject,
    SupervisionAction,
    SupervisionScope,
    refusal_message,
)

T = TypeVar("T")

#: Facts read from the register are reused this long at most (seconds), even without commits
#: through this process: a command run on the side cannot widen anyone's view for long.
FACTS_MAX_AGE = 30.0


class AccessGuard:
    """Who is signed in, and the rules applied to them.

    ``AccessGuard(database)`` is the session guard of an open office: it acts as the system
    until someone signs in. ``AccessGuard.system(database)`` always acts as the system.
    """

    def __init__(
        self, database: Database | None = None, clock: Callable[[], date] = date.today
    ) -> None:
        self._db = database
        self._clock = clock
        self._principal = SYSTEM
        #: A system guard stays the system: signing someone in on it is a programming error.
        self._fixed = False
        self._cached: tuple[tuple[int, int, date], float, OrgFacts] | None = None
        #: The visible set of the principal for the cached facts (lists ask for it per batch).
        self._visible: tuple[OrgFacts, Principal, frozenset[int]] | None = None
        #: The supervision scope for the cached facts, principal and day.
        self._scope: SupervisionScope | None = None

    @classmethod
    def system(
        cls, database: Database | None = None, clock: Callable[[], date] = date.today
    ) -> AccessGuard:
        """A guard with full access that nobody can sign in to.

        For work with nobody at the keyboard: command-line commands, the demo generator,
        startup and health checks, a form's parts read after the form itself was
        allowed, and tests that need full access.
        """
        guard = cls(database, clock)
        guard._fixed = True
        return guard

    # --- who -------------------------------------------------------------------------------

    @property
    def principal(self) -> Principal:
        return self._principal

    @property
    def restricted(self) -> bool:
        """Whether any check can refuse (everyone but admin and the system)."""
        return not self._principal.sees_everything

    @property
    def actor(self) -> str | None:
        """The name written in the audit log; None lets it name the operating-system user."""
        return None if self._principal.is_system else self._principal.user_name

    def sign_in(self, principal: Principal) -> None:
        """Act as ``principal`` from now on.

        Raises:
            RuntimeError: on a system guard (`system`), which must keep full access only where
                it was meant to.
        """
        if self._fixed:
            raise RuntimeError("a system access guard cannot be signed in")
        self._principal = principal

    def sign_out(self) -> None:
        self._principal = SYSTEM

    def today(self) -> date:
        return self._clock()

    # --- facts -----------------------------------------------------------------------------

    def facts(self, session: Session) -> OrgFacts:
        """The register's access facts, read again after any commit or after a while.

        Also read again after a write conflict, so that work :meth:`Database.run` runs once
        more checks access against the register as the other user's commit left it.
        """
        db = self._db
        key = (db.commits if db else 0, db.conflicts if db else 0, self.today())
        now = time.monotonic()
        if self._cached and self._cached[0] == key and now - self._cached[1] < FACTS_MAX_AGE:
            return self._cached[2]
        facts = repo.org_facts(session)
        self._cached = (key, now, facts)
        return facts

    # --- checks ----------------------------------------------------------------------------

    def require(self, capability: Capability) -> None:
        if not may(self._principal, capability):
            raise AccessDeniedError(capability_message(capability))

    def allows(self, session: Session, employee_id: int, action: Action) -> bool:
        if not self.restricted:
            return True
        found = relations(self._principal, employee_id, self.facts(session), self.today())
        return any(action in PERMISSIONS[relation] for relation in found)

    def require_person(self, session: Session, employee_id: int, action: Action) -> None:
        """Refuse unless the account may do ``action`` to this person's records.

        Raises:
            AccessDeniedError: with the person's name, in Indonesian.
        """
        if self.allows(session, employee_id, action):
            return
        row = staff_repo.find_employee(session, employee_id)
        raise AccessDeniedError(denied_message(action, row.name if row else "pegawai ini"))

    def require_skp(self, session: Session, skp_id: int, action: Action) -> None:
        """`require_person` for the holder of an SKP."""
        if not self.restricted:
            return
        row = skp_repo.find_skp(session, skp_id)
        if row is None:
            raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
        self.require_person(session, row.employee_id, action)

    def visible(self, session: Session) -> frozenset[int] | None:
        """The people the account may see; None means everyone."""
        if not self.restricted:
            return None
        facts = self.facts(session)
        cached = self._visible
        if cached is not None and cached[0] is facts and cached[1] == self._principal:
            return cached[2]
        found = visible_people(self._principal, facts, self.today())
        if found is not None:
            self._visible = (facts, self._principal, found)
        return found

    def units(self, session: Session) -> frozenset[int] | None:
        """The units the account heads (kepala unit); None means all, empty means none."""
        if not self.restricted:
            return None
        return headed_units(self._principal, self.facts(session))

    def permissions(self, session: Session) -> Permissions:
        """What the account may do, for screens to offer only that (`Permissions`)."""
        if not self.restricted:
            return Permissions(self._principal, None)
        return Permissions.of(self._principal, self.facts(session), self.today())

    def require_unit(self, session: Session, unit_id: int) -> None:
        """Refuse unit-level work (distribution, org predikat) outside the headed units."""
        units = self.units(session)
        if units is not None and unit_id not in units:
            raise AccessDeniedError(
                "Akun Anda tidak berwenang atas unit ini: hanya unit yang Anda pimpin dan unit "
                "di bawahnya yang dapat dibuka."
            )

    def keep(
        self, session: Session, items: Iterable[T], employee_id: Callable[[T], int | None]
    ) -> list[T]:
        """The items whose person the account may see (items without a person are kept)."""
        visible = self.visible(session)
        if visible is None:
            return list(items)
        return [item for item in items if (who := employee_id(item)) is None or who in visible]

    # --- supervision registers ---------------------------------------------------------------

    def supervision(self, session: Session) -> SupervisionScope:
        """The account's reach over complaints, findings and surveys (`supervision_access`)."""
        facts = self.facts(session)
        cached = self._scope
        if (
            cached is not None
            and cached.facts is facts
            and cached.principal == self._principal
            and cached.on == self.today()
        ):
            return cached
        scope = SupervisionScope.of(self._principal, facts, self.today(), self.visible(session))
        self._scope = scope
        return scope

    def require_supervision(
        self, session: Session, action: SupervisionAction, subject: Subject, what: str
    ) -> None:
        """Refuse unless the account may do ``action`` to a record about ``subject``.

        Args:
            session: The caller's transaction.
            action: What is about to be done.
            subject: The person and unit the record is about.
            what: The record in words, e.g. "pengaduan", "temuan audit", "survei".

        Raises:
            AccessDeniedError: with the person or unit named, in Indonesian.
        """
        refusal = self.supervision(session).refusal(action, subject)
        if refusal is None:
            return
        person = unit = ""
        if subject.employee_id is not None:
            row = staff_repo.find_employee(session, subject.employee_id)
            person = row.name if row else ""
        if subject.unit_id is not None:
            found = staff_repo.find_unit(session, subject.unit_id)
            unit = found.name if found else ""
        raise AccessDeniedError(refusal_message(refusal, action, what, person=person, unit=unit))

    def readable(
        self, session: Session, items: Iterable[T], subject: Callable[[T], Subject]
    ) -> list[T]:
        """The supervision records the account may read."""
        scope = self.supervision(session)
        return [item for item in items if scope.allows(SupervisionAction.READ, subject(item))]
