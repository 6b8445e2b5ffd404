"""Local accounts: the first admin, signing in and out, the lock screen, account management.

Passwords are stored only as Argon2id hashes (`services.passwords`). Five wrong passwords in a
row lock an account for fifteen minutes (`domain.accounts`). Every try is counted *before* the
password is verified, in one ``BEGIN IMMEDIATE`` write that reads and raises the count, so
parallel tries (threads, processes, two copies of the app) each count and at most five are
verified before the lock; a correct password then resets it. When the file cannot be written
(opened read-only) the count is kept in memory for as long as the process runs. Managing
accounts needs the admin role (`Capability.MANAGE_ACCOUNTS`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import accounts as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Capability, Permissions, Principal, Role, may
from kinerja_desktop.domain.accounts import (
    AccountFields,
    LoginState,
    locked_message,
    normalise_user_name,
    validate_account,
    validate_password,
    wrong_password_message,
)
from kinerja_desktop.domain.errors import (
    DomainError,
    NotFoundError,
    ReadOnlyError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.services.accounts import passwords
from kinerja_desktop.services.accounts.access_guard import AccessGuard

#: How often a failed sign-in's count runs when parallel tries conflict on a server: each
#: round commits at least one of them, so this many tries at once are all counted.
_PARALLEL_TRIES = 32


class SignInError(DomainError):
    """A wrong name or password, a locked or deactivated account; the message says which."""


@dataclass(frozen=True)
class AccountInfo:
    """An account as the management screen lists it (never its hash)."""

    id: int
    user_name: str
    display_name: str
    role: Role
    employee_id: int | None
    employee_name: str
    active: bool
    locked_until: datetime | None
    last_sign_in: datetime | None


def _principal(account: repo.StoredAccount) -> Principal:
    return Principal(
        user_name=account.user_name,
        display_name=account.display_name,
        role=account.role,
        employee_id=account.employee_id,
        account_id=account.id,
    )


def _info(session: Session, account: repo.StoredAccount, now: datetime) -> AccountInfo:
    person = staff_repo.find_employee(session, account.employee_id) if account.employee_id else None
    return AccountInfo(
        id=account.id,
        user_name=account.user_name,
        display_name=account.display_name,
        role=account.role,
        employee_id=account.employee_id,
        employee_name=person.name if person else "",
        active=account.active,
        locked_until=account.login.locked_until if account.login.locked(now) else None,
        last_sign_in=account.last_sign_in,
    )


class MemoryLogins:
    """Wrong-password counts of a file that cannot be written, for this process's lifetime."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[int, LoginState] = {}

    def charge(self, account: repo.StoredAccount, now: datetime) -> tuple[LoginState, bool]:
        """Count one try: (the new state, True); (the locking state, False) when locked."""
        with self._lock:
            state = self._states.get(account.id, account.login)
            if state.locked(now):
                return state, False
            charged = state.after_failure(now)
            self._states[account.id] = charged
            return charged, True

    def forget(self, account_id: int) -> None:
        with self._lock:
            self._states.pop(account_id, None)


class AccountService:
    def __init__(
        self,
        database: Database,
        access: AccessGuard,
        hasher: PasswordHasher = passwords.HASHER,
    ) -> None:
        self._db = database
        self._access = access
        self._hasher = hasher
        self._memory = MemoryLogins()

    # --- first start, signing in and out ---------------------------------------------------

    def has_accounts(self) -> bool:
        with self._db.reading() as session:
            return repo.count(session) > 0

    def needs_admin(self) -> bool:
        """No active admin yet (a new or upgraded file, or the demo office): ask for one."""
        with self._db.reading() as session:
            return repo.count_active_admins(session) == 0

    @property
    def signed_in(self) -> Principal:
        return self._access.principal

    def can_manage(self) -> bool:
        """Whether the account management screen is for the signed-in account (admin)."""
        principal = self._access.principal
        return not principal.is_system and may(principal, Capability.MANAGE_ACCOUNTS)

    def permissions(self) -> Permissions:
        """What the signed-in account may do, for the screens to enable their controls."""
        with self._db.reading() as session:
            return self._access.permissions(session)

    def create_first_admin(
        self, user_name: str, display_name: str, password: str, repeated: str
    ) -> Principal:
        """Create the office's first admin and sign it in (only while there is no admin).

        Raises:
            ValidationErrors: a field is wrong (each names its field); nothing saved.
            ValidationError: the file has an active admin already.
        """
        fields = validate_account(AccountFields(user_name, display_name, Role.ADMIN))
        secret = validate_password(password, repeated, fields.user_name)
        digest = passwords.hash_password(secret, self._hasher)
        signed_in = datetime.now()

        def work(session: Session) -> repo.StoredAccount:
            if repo.count_active_admins(session) > 0:
                raise ValidationError("Basis data ini sudah memiliki admin; silakan masuk.")
            if repo.by_user_name(session, fields.user_name) is not None:
                raise ValidationErrors(
                    [
                        ValidationError(
                            f"Nama pengguna '{fields.user_name}' sudah dipakai.", field="user_name"
                        )
                    ]
                )
            stored = repo.add(
                session,
                user_name=fields.user_name,
                display_name=fields.display_name,
                role=Role.ADMIN,
                employee_id=None,
                password_hash=digest,
            )
            repo.update(session, stored.id, last_sign_in=signed_in)
            return stored

        principal = _principal(self._db.run(work))
        self._access.sign_in(principal)
        return principal

    def sign_in(self, user_name: str, password: str, now: datetime | None = None) -> Principal:
        """Check the password and sign the account in.

        Raises:
            SignInError: wrong name or password (the wrong try is counted), a locked or a
                deactivated account.
        """
        principal = self._check(normalise_user_name(user_name), password, now or datetime.now())
        self._access.sign_in(principal)
        return principal

    def unlock(self, password: str, now: datetime | None = None) -> None:
        """The lock screen: the signed-in account's password again (wrong tries count).

        Raises:
            SignInError: as `sign_in`.
        """
        current = self._access.principal
        if current.is_system:
            return
        self._check(current.user_name, password, now or datetime.now())

    def sign_out(self) -> None:
        self._access.sign_out()

    def _check(self, user_name: str, password: str, now: datetime) -> Principal:
        account, state, counted = self._charge(user_name, now)
        if account is None:
            passwords.burn_time(password, self._hasher)
            raise SignInError(wrong_password_message(LoginState()))
        if not counted and state.locked_until is not None:
            raise SignInError(locked_message(state.locked_until, now))
        if not passwords.verify_password(account.password_hash, password, self._hasher):
            # Already counted; the count that locks the account also says so.
            if state.locked(now) and state.locked_until is not None:
                raise SignInError(locked_message(state.locked_until, now))
            raise SignInError(wrong_password_message(state))
        if not account.active:
            raise SignInError("Akun ini sudah dinonaktifkan. Hubungi admin kepegawaian.")
        self._memory.forget(account.id)
        rehash = passwords.needs_rehash(account.password_hash, self._hasher)
        if not self._db.read_only:
            # Hashed before the work: a retry must not spend the hashing time again.
            new_hash = passwords.hash_password(password, self._hasher) if rehash else None

            def work(session: Session) -> None:
                repo.update(
                    session,
                    account.id,
                    login=LoginState.after_success(),
                    last_sign_in=now,
                    password_hash=new_hash,
                )

            self._db.run(work)
        return _principal(account)

    def _charge(
        self, user_name: str, now: datetime
    ) -> tuple[repo.StoredAccount | None, LoginState, bool]:
        """Count a try before the password is verified: (account, its new state, counted).

        Not counted when the account is locked (the state says until when) or unknown. In one
        write transaction, so parallel tries are counted one after the other; in memory when
        the file cannot be written.
        """
        if not self._db.read_only:

            def charge(session: Session) -> tuple[repo.StoredAccount | None, LoginState, bool]:
                account = repo.by_user_name(session, user_name)
                if account is None or account.login.locked(now):
                    return account, account.login if account else LoginState(), False
                charged = account.login.after_failure(now)
                repo.update(session, account.id, login=charged)
                return account, charged, True

            try:
                # Only the session is touched, so it may run again: on a server, parallel
                # tries conflict and each must still be counted (SQLite queues them).
                return self._db.run(charge, attempts=_PARALLEL_TRIES)
            except ReadOnlyError:
                pass  # the file became unwritable: count in memory below
        with self._db.reading() as session:
            account = repo.by_user_name(session, user_name)
        if account is None:
            return None, LoginState(), False
        return (account, *self._memory.charge(account, now))

    def change_own_password(self, current: str, new: str, repeated: str) -> None:
        """The signed-in account changes its own password (after giving the current one)."""
        principal = self._access.principal
        if principal.account_id is None:
            raise ValidationError("Tidak ada akun yang sedang masuk.")
        self._check(principal.user_name, current, datetime.now())
        secret = validate_password(new, repeated, principal.user_name)
        digest = passwords.hash_password(secret, self._hasher)
        account_id = principal.account_id

        def work(session: Session) -> None:
            repo.update(session, account_id, password_hash=digest)

        self._db.run(work)

    # --- management (admin) ----------------------------------------------------------------

    def accounts(self, now: datetime | None = None) -> list[AccountInfo]:
        self._access.require(Capability.MANAGE_ACCOUNTS)
        moment = now or datetime.now()
        with self._db.reading() as session:
            return [_info(session, account, moment) for account in repo.all_accounts(session)]

    def add(self, fields: AccountFields, password: str, repeated: str) -> AccountInfo:
        """Create an account.

        Raises:
            AccessDeniedError: not an admin.
            ValidationErrors: each wrong field named; nothing saved.
        """
        self._access.require(Capability.MANAGE_ACCOUNTS)
        clean = validate_account(fields)
        secret = validate_password(password, repeated, clean.user_name)
        digest = passwords.hash_password(secret, self._hasher)

        def work(session: Session) -> AccountInfo:
            if repo.by_user_name(session, clean.user_name) is not None:
                raise ValidationErrors(
                    [
                        ValidationError(
                            f"Nama pengguna '{clean.user_name}' sudah dipakai.", field="user_name"
                        )
                    ]
                )
            _check_employee(session, clean.employee_id)
            stored = repo.add(
                session,
                user_name=clean.user_name,
                display_name=clean.display_name,
                role=clean.role,
                employee_id=clean.employee_id,
                password_hash=digest,
            )
            return _info(session, stored, datetime.now())

        return self._db.run(work)

    def update(self, account_id: int, fields: AccountFields) -> AccountInfo:
        """Change display name, role and linked person (the user name stays)."""
        self._access.require(Capability.MANAGE_ACCOUNTS)

        def work(session: Session) -> tuple[repo.StoredAccount, AccountInfo]:
            current = _existing(session, account_id)
            clean = validate_account(
                AccountFields(
                    current.user_name, fields.display_name, fields.role, fields.employee_id
                )
            )
            _check_employee(session, clean.employee_id)
            if current.role is Role.ADMIN and clean.role is not Role.ADMIN:
                _keep_an_admin(session, current)
            stored = repo.update(
                session,
                account_id,
                display_name=clean.display_name,
                role=clean.role,
                employee_id=clean.employee_id,
                unlink=clean.employee_id is None,
            )
            return stored, _info(session, stored, datetime.now())

        stored, info = self._db.run(work)
        if account_id == self._access.principal.account_id:
            # One's own role or person changed: act as what the account is now, not as it was.
            self._access.sign_in(_principal(stored))
        return info

    def set_active(self, account_id: int, active: bool) -> AccountInfo:
        """Deactivate (the account can no longer sign in; it is kept) or activate again."""
        self._access.require(Capability.MANAGE_ACCOUNTS)

        def work(session: Session) -> AccountInfo:
            current = _existing(session, account_id)
            if not active:
                if current.id == self._access.principal.account_id:
                    raise ValidationError("Akun yang sedang dipakai tidak dapat dinonaktifkan.")
                if current.role is Role.ADMIN:
                    _keep_an_admin(session, current)
            stored = repo.update(session, account_id, active=active)
            return _info(session, stored, datetime.now())

        return self._db.run(work)

    def reset_password(self, account_id: int, password: str, repeated: str) -> AccountInfo:
        """Give an account a new password; it also lifts a lock-out."""
        self._access.require(Capability.MANAGE_ACCOUNTS)
        with self._db.reading() as session:
            current = _existing(session, account_id)
        secret = validate_password(password, repeated, current.user_name)
        digest = passwords.hash_password(secret, self._hasher)

        def work(session: Session) -> AccountInfo:
            stored = repo.update(
                session, account_id, password_hash=digest, login=LoginState.after_success()
            )
            return _info(session, stored, datetime.now())

        return self._db.run(work)


def _existing(session: Session, account_id: int) -> repo.StoredAccount:
    found = repo.by_id(session, account_id)
    if found is None:
        raise NotFoundError("Akun tidak ditemukan; mungkin sudah dihapus.")
    return found


def _check_employee(session: Session, employee_id: int | None) -> None:
    if employee_id is not None and staff_repo.find_employee(session, employee_id) is None:
        raise ValidationErrors(
            [ValidationError("Pegawai yang ditautkan tidak ditemukan.", field="employee")]
        )


def _keep_an_admin(session: Session, account: repo.StoredAccount) -> None:
    if account.active and repo.count_active_admins(session) <= 1:
        raise ValidationError(
            "Ini satu-satunya admin yang aktif: buat atau aktifkan admin lain lebih dulu, "
            "supaya akun tetap dapat dikelola."
        )
