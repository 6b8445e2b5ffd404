"""Accounts: Argon2id hashes, the first admin, lock-out, and what only an admin may change."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from raw_database import raw_connect

from kinerja_desktop.data.database import Database, make_read_only_engine
from kinerja_desktop.domain.access import AccessDeniedError, Role
from kinerja_desktop.domain.accounts import LOCKOUT, MAX_FAILED_ATTEMPTS, AccountFields
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.accounts.service import AccountService, SignInError
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffFilter

NOW = datetime(2026, 11, 28, 9, 0)
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def fast(services: AppServices) -> AccountService:
    return AccountService(services.database, services.access, hasher=FAST)


def stored_hash(services: AppServices, user_name: str) -> str:
    connection = raw_connect(services.database_path)
    try:
        row = connection.execute(
            "SELECT password_hash FROM accounts WHERE user_name = ?", (user_name,)
        ).fetchone()
    finally:
        connection.close()
    return str(row[0])


def test_the_first_admin_is_hashed_with_argon2id_and_signs_in(services: AppServices) -> None:
    assert not services.accounts.has_accounts()
    admin = services.accounts.create_first_admin(
        "Admin", "Bagian Kepegawaian", "sandi2026", "sandi2026"
    )
    assert admin.role is Role.ADMIN and services.access.principal == admin
    digest = stored_hash(services, "admin")
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert "sandi2026" not in digest
    services.accounts.sign_out()
    assert services.access.principal.is_system
    assert services.accounts.sign_in("ADMIN ", "sandi2026", NOW).user_name == "admin"
    with pytest.raises(SignInError, match="salah"):
        services.accounts.sign_in("admin", "sandi2025", NOW)
    with pytest.raises(SignInError, match="salah"):
        services.accounts.sign_in("tidak.ada", "sandi2026", NOW)


def test_the_first_admin_can_be_created_only_once(services: AppServices) -> None:
    fast(services).create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    with pytest.raises(ValidationError, match="sudah memiliki admin"):
        fast(services).create_first_admin("admin2", "Admin", "sandi2026", "sandi2026")


@pytest.mark.parametrize(
    ("user", "password", "repeat", "fields"),
    [
        ("admin", "pendek1", "pendek1", {"password"}),
        ("admin", "sandi2026", "sandi2027", {"repeat"}),
        ("a", "sandi2026", "sandi2026", {"user_name"}),
        ("admin", "admin2026", "admin2026", {"password"}),
    ],
)
def test_bad_first_admin_input_names_the_field_and_saves_nothing(
    services: AppServices, user: str, password: str, repeat: str, fields: set[str]
) -> None:
    with pytest.raises(ValidationErrors) as caught:
        fast(services).create_first_admin(user, "Admin", password, repeat)
    assert set(caught.value.by_field()) == fields
    assert not services.accounts.has_accounts()
    assert services.access.principal.is_system


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(services: AppServices) -> None:
    accounts = fast(services)
    accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    accounts.sign_out()
    for attempt in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInError, match="salah"):
            accounts.sign_in("admin", f"keliru{attempt}", NOW)
    with pytest.raises(SignInError, match="dikunci sementara; coba lagi dalam 15 menit"):
        accounts.sign_in("admin", "keliru9", NOW)
    # The right password does not help while locked, also after a restart of the app.
    with pytest.raises(SignInError, match="dikunci"):
        fast(services).sign_in("admin", "sandi2026", NOW + timedelta(minutes=14))
    assert services.access.principal.is_system
    assert fast(services).sign_in("admin", "sandi2026", NOW + LOCKOUT).user_name == "admin"
    # Success clears the count: four more wrong tries do not lock it.
    for attempt in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInError, match="salah"):
            accounts.sign_in("admin", f"keliru{attempt}", NOW + LOCKOUT)


def test_the_lock_screen_checks_the_signed_in_accounts_password(services: AppServices) -> None:
    accounts = fast(services)
    accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    accounts.unlock("sandi2026", NOW)
    with pytest.raises(SignInError):
        accounts.unlock("salah2026", NOW)
    assert services.access.principal.user_name == "admin"


def test_admin_manages_accounts(services: AppServices, sample_csv: Path) -> None:
    services.importer.apply(sample_csv, skip_invalid=True)
    someone = services.staff.find_ids(StaffFilter())[0]
    accounts = fast(services)
    admin = accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    assert admin.account_id is not None
    with pytest.raises(ValidationErrors) as caught:
        accounts.add(AccountFields("kasi", "Kasi", Role.PENILAI), "sandi2026", "sandi2026")
    assert set(caught.value.by_field()) == {"employee"}
    kasi = accounts.add(
        AccountFields("Kasi", "Kasi", Role.PENILAI, someone), "tanjung2026", "tanjung2026"
    )
    assert (kasi.user_name, kasi.employee_id, kasi.role) == ("kasi", someone, Role.PENILAI)
    assert kasi.employee_name
    with pytest.raises(ValidationErrors, match="sudah dipakai"):
        accounts.add(AccountFields("kasi", "Lagi", Role.ADMIN), "kunci2026", "kunci2026")

    # The only admin can be neither deactivated nor demoted; one's own account stays active.
    with pytest.raises(ValidationError, match="sedang dipakai"):
        accounts.set_active(admin.account_id, False)
    with pytest.raises(ValidationError, match="satu-satunya admin"):
        accounts.update(admin.account_id, AccountFields("admin", "Admin", Role.PENILAI, someone))

    changed = accounts.update(
        kasi.id, AccountFields("kasi", "Kepala Seksi", Role.KEPALA_UNIT, someone)
    )
    assert (changed.display_name, changed.role) == ("Kepala Seksi", Role.KEPALA_UNIT)
    accounts.set_active(kasi.id, False)
    accounts.sign_out()
    with pytest.raises(SignInError, match="dinonaktifkan"):
        accounts.sign_in("kasi", "tanjung2026", NOW)

    accounts.sign_in("admin", "sandi2026", NOW)
    accounts.set_active(kasi.id, True)
    accounts.reset_password(kasi.id, "baru2026x", "baru2026x")
    accounts.sign_out()
    assert accounts.sign_in("kasi", "baru2026x", NOW).role is Role.KEPALA_UNIT
    # A kepala unit manages no accounts.
    with pytest.raises(AccessDeniedError, match="Hanya admin"):
        accounts.add(AccountFields("lain", "Lain", Role.ADMIN), "kunci2026", "kunci2026")
    with pytest.raises(AccessDeniedError):
        accounts.reset_password(admin.account_id, "kunci2026", "kunci2026")


def test_a_reset_password_lifts_a_lock_out(services: AppServices) -> None:
    accounts = fast(services)
    admin = accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    other = accounts.add(AccountFields("admin2", "Admin 2", Role.ADMIN), "kunci2026", "kunci2026")
    accounts.sign_out()
    for attempt in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInError):
            accounts.sign_in("admin2", f"keliru{attempt}", NOW)
    accounts.sign_in("admin", "sandi2026", NOW)
    assert [a.locked_until is not None for a in accounts.accounts(NOW)] == [False, True]
    accounts.reset_password(other.id, "baru2026x", "baru2026x")
    assert accounts.sign_in("admin2", "baru2026x", NOW).user_name == "admin2"
    assert admin.account_id != other.id


def test_changing_ones_own_password_needs_the_current_one(services: AppServices) -> None:
    accounts = fast(services)
    accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    with pytest.raises(SignInError):
        accounts.change_own_password("keliru2026", "baru2026x", "baru2026x")
    accounts.change_own_password("sandi2026", "baru2026x", "baru2026x")
    accounts.sign_out()
    assert accounts.sign_in("admin", "baru2026x").user_name == "admin"


def _failed(services: AppServices, user_name: str) -> tuple[int, object]:
    connection = raw_connect(services.database_path)
    try:
        row = connection.execute(
            "SELECT failed_attempts, locked_until FROM accounts WHERE user_name = ?", (user_name,)
        ).fetchone()
    finally:
        connection.close()
    return int(row[0]), row[1]


#: Slow enough that parallel tries overlap between reading the count and writing it.
OVERLAPPING = PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1)


@pytest.mark.parametrize(("tries", "count", "locked"), [(4, 4, False), (20, 5, True)])
def test_parallel_wrong_passwords_are_each_counted(
    services: AppServices, tries: int, count: int, locked: bool
) -> None:
    fast(services).create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    service = AccountService(services.database, services.access, hasher=OVERLAPPING)
    service.reset_password(
        service.accounts()[0].id, "sandi2026", "sandi2026"
    )  # hashed with the slow parameters
    start = threading.Barrier(tries)
    refusals: list[str] = []

    def wrong() -> None:
        start.wait()
        try:
            service.sign_in("admin", "salah12345", NOW)
        except SignInError as error:
            refusals.append(error.message)

    threads = [threading.Thread(target=wrong) for _ in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refusals) == tries
    failed, until = _failed(services, "admin")
    assert failed == count
    assert (until is not None) is locked
    if locked:
        with pytest.raises(SignInError, match="dikunci"):
            service.sign_in("admin", "sandi2026", NOW)


@pytest.mark.sqlite_only(reason="opens the file with SQLite's read-only engine (mode=ro)")
def test_a_read_only_file_still_locks_out_after_five_wrong_passwords(
    services: AppServices,
) -> None:
    fast(services).create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    path = services.database_path
    read_only = Database(path, make_read_only_engine(path), read_only=True)
    try:
        service = AccountService(read_only, AccessGuard(read_only), hasher=FAST)
        for _ in range(MAX_FAILED_ATTEMPTS - 1):
            with pytest.raises(SignInError, match="salah"):
                service.sign_in("admin", "salah12345", NOW)
        with pytest.raises(SignInError, match="dikunci"):
            service.sign_in("admin", "salah12345", NOW)
        with pytest.raises(SignInError, match="dikunci"):
            service.sign_in("admin", "sandi2026", NOW + timedelta(minutes=1))
        assert service.sign_in("admin", "sandi2026", NOW + LOCKOUT).user_name == "admin"
    finally:
        read_only.dispose()
    assert _failed(services, "admin") == (0, None)  # the file was never written
