"""Account rules: user names, passwords, and the lock-out after wrong passwords."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.accounts import (
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    AccountFields,
    LoginState,
    locked_message,
    password_problems,
    validate_account,
    validate_password,
    validate_user_name,
)
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors

NOW = datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Siti.Aminah", "siti.aminah"), ("  admin ", "admin"), ("kasi_2", "kasi_2")],
)
def test_user_names_are_normalised(typed: str, expected: str) -> None:
    assert validate_user_name(typed) == expected


@pytest.mark.parametrize("typed", ["", "ab", "siti aminah", ".siti", "ñame", "x" * 33])
def test_bad_user_names_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_user_name(typed)
    assert caught.value.field == "user_name"


@pytest.mark.parametrize(
    ("password", "user_name", "expected"),
    [
        ("sandi2026", "", []),
        ("Kertapati 17", "", []),
        ("abc1", "", ["Kata sandi minimal 8 karakter."]),
        ("abcdefgh", "", ["Kata sandi harus memuat huruf dan angka."]),
        (
            "12345678",
            "",
            [
                "Kata sandi harus memuat huruf dan angka.",
                "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.",
            ],
        ),
        ("Kinerja123", "", ["Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain."]),
        ("siti.aminah2026", "Siti.Aminah", ["Kata sandi tidak boleh memuat nama pengguna."]),
        (" sandi2026", "", ["Kata sandi tidak boleh diawali atau diakhiri spasi."]),
        ("a1" * 65, "", ["Kata sandi paling banyak 128 karakter."]),
    ],
)
def test_password_rules(password: str, user_name: str, expected: list[str]) -> None:
    assert password_problems(password, user_name) == expected


def test_repeated_password_must_match() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_password("sandi2026", "sandi2025")
    assert caught.value.by_field() == {"repeat": "Ulangan kata sandi tidak sama."}


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (AccountFields("admin", "Bagian Kepegawaian", Role.ADMIN), {}),
        (AccountFields("kapus", "Kepala Puskesmas", Role.KEPALA_UNIT, 3), {}),
        (AccountFields("kasi", "Kasi", Role.PENILAI), {"employee"}),
        (AccountFields("a", " ", Role.ADMIN), {"user_name", "display_name"}),
    ],
)
def test_account_fields(fields: AccountFields, errors: set[str]) -> None:
    if not errors:
        assert validate_account(fields).user_name == fields.user_name
        return
    with pytest.raises(ValidationErrors) as caught:
        validate_account(fields)
    assert set(caught.value.by_field()) == errors


def test_lock_out_after_the_fifth_wrong_password_for_fifteen_minutes() -> None:
    state = LoginState()
    for attempt in range(1, MAX_FAILED_ATTEMPTS):
        state = state.after_failure(NOW)
        assert state.failed_attempts == attempt
        assert not state.locked(NOW)
    state = state.after_failure(NOW)
    assert state.locked(NOW)
    assert state.locked(NOW + LOCKOUT - timedelta(seconds=1))
    assert not state.locked(NOW + LOCKOUT)
    assert timedelta(minutes=15) == LOCKOUT
    assert "15 menit" in locked_message(state.locked_until or NOW, NOW)
    # After the lock runs out, a wrong password starts a fresh count rather than relocking.
    later = state.after_failure(NOW + LOCKOUT)
    assert later.failed_attempts == 1 and not later.locked(NOW + LOCKOUT)
    assert LoginState.after_success() == LoginState()
