"""`kinerja-desktop reset-password`: the way back in for an admin who forgot the password."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.domain.accounts import MAX_FAILED_ATTEMPTS
from kinerja_desktop.services.accounts.service import SignInError
from kinerja_desktop.services.app_services import open_services

#: When the admin got locked out and tries again: inside the lockout, whatever the clock says.
FORGOT_AT = datetime(2026, 11, 28, 9, 0)


@pytest.fixture
def office(db_path: Path) -> Path:
    services = open_services(db_path)
    try:
        services.accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
        services.accounts.sign_out()
        for attempt in range(MAX_FAILED_ATTEMPTS):  # locked out, as a forgetful admin would be
            with pytest.raises(SignInError):
                services.accounts.sign_in("admin", f"lupa{attempt}x", FORGOT_AT)
    finally:
        services.close()
    return db_path


def test_reset_password_lets_the_admin_in_again(
    office: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("baru2026x\nbaru2026x\n"))
    assert main(["reset-password", "--db", str(office), "Admin"]) == EXIT_OK
    assert "akun aktif dan tidak terkunci" in capsys.readouterr().out
    services = open_services(office, create=False)
    try:
        # Still inside the lockout that FORGOT_AT started: only the reset lets the admin in.
        signed_in = services.accounts.sign_in(
            "admin", "baru2026x", FORGOT_AT + timedelta(minutes=1)
        )
        assert signed_in.user_name == "admin"
    finally:
        services.close()


def test_the_admin_is_locked_out_before_the_reset(office: Path) -> None:
    services = open_services(office, create=False)
    try:
        with pytest.raises(SignInError):
            services.accounts.sign_in("admin", "sandi2026", FORGOT_AT + timedelta(minutes=1))
    finally:
        services.close()


@pytest.mark.parametrize(
    ("user", "typed", "message"),
    [
        ("admin", "pendek\npendek\n", "minimal 8 karakter"),
        ("admin", "baru2026x\nbaru2026y\n", "tidak sama"),
        ("siapa", "baru2026x\nbaru2026x\n", "Tidak ada akun 'siapa'"),
    ],
)
def test_reset_password_refuses_bad_input(
    office: Path, monkeypatch: pytest.MonkeyPatch, capsys, user: str, typed: str, message: str
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["reset-password", "--db", str(office), user]) == EXIT_INPUT
    assert message in capsys.readouterr().err


def test_reset_password_needs_the_file(tmp_path: Path, capsys) -> None:
    assert main(["reset-password", "--db", str(tmp_path / "x.sqlite"), "admin"]) == EXIT_STORAGE
    assert "tidak ada" in capsys.readouterr().err
