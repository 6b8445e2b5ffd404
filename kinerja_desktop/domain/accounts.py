"""Local accounts: user names, password rules, lock-out after repeated wrong passwords.

The numbers are choices of this app, not regulation, so they are named here in one place.
Hashing (Argon2id) lives in the services; this module never sees a hash.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.text import checked_text

#: Wrong passwords in a row before the account is locked for a while.
MAX_FAILED_ATTEMPTS = 5
#: How long a locked-out account waits before it may try again.
LOCKOUT = timedelta(minutes=15)
#: Password length: long enough to resist guessing, short enough to type at a counter.
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
#: The column's length (migration 0013).
DISPLAY_NAME_MAX = 200
#: Minutes without keyboard or mouse input before the screen locks.
IDLE_LOCK_MINUTES = 10

_USER_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
#: Passwords people type first; refused whatever the rules above say.
_COMMON = frozenset(
    {
        "12345678",
        "123456789",
        "1234567890",
        "password",
        "password1",
        "katasandi",
        "qwerty123",
        "kinerja123",
        "bismillah",
        "rahasia123",
        "admin123",
        "admin1234",
    }
)


@dataclass(frozen=True)
class AccountFields:
    """What the account form submits (without the password)."""

    user_name: str
    display_name: str
    role: Role
    employee_id: int | None = None


def normalise_user_name(user_name: str) -> str:
    """User names compare case-insensitively and without surrounding spaces."""
    return user_name.strip().casefold()


def validate_user_name(user_name: str) -> str:
    name = normalise_user_name(user_name)
    if not name:
        raise ValidationError("Nama pengguna wajib diisi.", field="user_name")
    if not _USER_NAME.fullmatch(name):
        raise ValidationError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda "
            "hubung, diawali huruf atau angka (mis. siti.aminah).",
            field="user_name",
        )
    return name


def validate_account(fields: AccountFields) -> AccountFields:
    """Check an account's fields; returns them cleaned.

    Raises:
        ValidationErrors: each message names its field.
    """
    errors: list[ValidationError] = []
    name = ""
    try:
        name = validate_user_name(fields.user_name)
    except ValidationError as error:
        errors.append(error)
    display = checked_text(
        fields.display_name,
        field="display_name",
        label="Nama tampilan",
        max_length=DISPLAY_NAME_MAX,
        errors=errors,
    )
    if fields.role is not Role.ADMIN and fields.employee_id is None:
        errors.append(
            ValidationError(
                f"Akun {fields.role.label.lower()} harus ditautkan ke pegawai di daftar pegawai: "
                "dari situ terlihat siapa yang dinilainya dan unit yang dipimpinnya.",
                field="employee",
            )
        )
    if errors:
        raise ValidationErrors(errors)
    return AccountFields(name, display, fields.role, fields.employee_id)


def password_problems(password: str, user_name: str = "") -> list[str]:
    """Everything wrong with a new password, in Indonesian; empty when it is acceptable."""
    problems: list[str] = []
    text = unicodedata.normalize("NFC", password)
    if len(text) < MIN_PASSWORD_LENGTH:
        problems.append(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")
    if len(text) > MAX_PASSWORD_LENGTH:
        problems.append(f"Kata sandi paling banyak {MAX_PASSWORD_LENGTH} karakter.")
    if text and not (any(ch.isalpha() for ch in text) and any(ch.isdigit() for ch in text)):
        problems.append("Kata sandi harus memuat huruf dan angka.")
    if text and text.strip() != text:
        problems.append("Kata sandi tidak boleh diawali atau diakhiri spasi.")
    lowered = text.casefold()
    if lowered in _COMMON:
        problems.append("Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.")
    name = normalise_user_name(user_name)
    if name and len(name) >= 3 and name in lowered:
        problems.append("Kata sandi tidak boleh memuat nama pengguna.")
    return problems


def validate_password(password: str, repeated: str | None = None, user_name: str = "") -> str:
    """Check a new password (and its repetition); returns it NFC-normalised.

    Raises:
        ValidationErrors: field ``password`` or ``repeat``.
    """
    errors = [ValidationError(p, field="password") for p in password_problems(password, user_name)]
    if repeated is not None and repeated != password:
        errors.append(ValidationError("Ulangan kata sandi tidak sama.", field="repeat"))
    if errors:
        raise ValidationErrors(errors)
    return unicodedata.normalize("NFC", password)


@dataclass(frozen=True)
class LoginState:
    """An account's record of wrong passwords."""

    failed_attempts: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> LoginState:
        """One more wrong password; the fifth in a row locks the account for `LOCKOUT`."""
        if self.locked_until is not None and now >= self.locked_until:
            attempts = 1  # a lock that ran out starts a fresh count
        else:
            attempts = self.failed_attempts + 1
        if attempts >= MAX_FAILED_ATTEMPTS:
            return LoginState(attempts, now + LOCKOUT)
        return LoginState(attempts, None)

    @staticmethod
    def after_success() -> LoginState:
        return LoginState()


def locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, -(-int((until - now).total_seconds()) // 60))
    return (
        f"Terlalu banyak kata sandi salah. Akun dikunci sementara; coba lagi dalam "
        f"{minutes} menit (pukul {until:%H.%M}), atau minta admin mengatur ulang kata sandi."
    )


def wrong_password_message(state: LoginState) -> str:
    left = MAX_FAILED_ATTEMPTS - state.failed_attempts
    return "Nama pengguna atau kata sandi salah." + (
        f" Sisa percobaan sebelum akun dikunci: {left}." if 0 < left < 3 else ""
    )
