"""The demo office's accounts: no admin (the first start asks), and each role's view."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.demo import write_demo
from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.errors import ValidationErrors
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffFilter

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    summary = write_demo(services.database, today=TODAY)
    assert f"kata sandi {DEMO_PASSWORD}" in str(summary)
    return services


@pytest.mark.parametrize(
    ("user", "role", "sees"),
    [("camat", Role.KEPALA_UNIT, 24), ("kapus", Role.KEPALA_UNIT, 15), ("kasi", Role.PENILAI, 9)],
)
def test_each_demo_account_signs_in_and_sees_its_people(
    demo: AppServices, user: str, role: Role, sees: int
) -> None:
    assert demo.accounts.needs_admin()  # the first start asks for the admin
    principal = demo.accounts.sign_in(user, DEMO_PASSWORD)  # the stored Argon2id hash verifies
    assert principal.role is role
    assert len(demo.staff.find_ids(StaffFilter())) == sees


def test_the_first_admin_of_the_demo_cannot_take_a_demo_user_name(demo: AppServices) -> None:
    with pytest.raises(ValidationErrors, match="sudah dipakai"):
        demo.accounts.create_first_admin("kasi", "Admin", "sandi2026", "sandi2026")
    demo.accounts.create_first_admin("admin", "Admin", "sandi2026", "sandi2026")
    assert not demo.accounts.needs_admin()
