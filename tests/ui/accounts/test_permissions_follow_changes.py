"""The window follows the account's permissions when the register or the accounts change.

Without signing in again: a unit head's new staff member can be changed at once, and an admin
who makes their own account a kepala unit is offered only what a kepala unit may do.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.access import Action, Role
from kinerja_desktop.domain.accounts import AccountFields
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.main_window import PEGAWAI, PENGATURAN, MainWindow
from kinerja_desktop.ui.settings.page import SettingsPage

TODAY = date(2026, 11, 28)
PASSWORD = "sandi2026"


def _camat(office: AppServices) -> int:
    (camat,) = office.staff.search_people("Ahmad Fauzi", 1)
    return camat.id


def _window(qtbot: QtBot, qapp: QApplication, office: AppServices) -> MainWindow:
    configure_application(qapp)
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()  # a hidden page reads changes only when shown
    qtbot.waitExposed(window)
    return window


def test_a_unit_heads_new_staff_member_is_theirs_at_once(
    qtbot: QtBot, qapp: QApplication, office: AppServices
) -> None:
    office.accounts.create_first_admin("admin", "Admin", PASSWORD, PASSWORD)
    office.accounts.add(
        AccountFields("camat", "Camat", Role.KEPALA_UNIT, _camat(office)), PASSWORD, PASSWORD
    )
    office.accounts.sign_out()
    office.accounts.sign_in("camat", PASSWORD)
    window = _window(qtbot, qapp, office)
    window.go(PEGAWAI)
    unit_id = office.staff.get(_camat(office)).unit_id
    added = office.staff.create(
        StaffInput(
            fields=StaffFields(
                "199501012020121003",
                "Bayu Saputra",
                "PNS",
                "II/a",
                "Pengadministrasi Umum",
                "Pelaksana",
            ),
            unit_id=unit_id,
            penilai_id=_camat(office),
            effective_date=date(2026, 11, 2),
        )
    )
    qtbot.waitUntil(lambda: window.permissions.allows(added.id, Action.EDIT))
    window.staff_page.select(added.id)
    assert window.end_action.isEnabled()
    assert "tidak berwenang" not in window.end_action.toolTip()


def test_an_admin_made_kepala_unit_is_offered_what_a_kepala_unit_may_do(
    qtbot: QtBot, qapp: QApplication, office: AppServices
) -> None:
    admin = office.accounts.create_first_admin("admin", "Admin", PASSWORD, PASSWORD)
    office.accounts.add(AccountFields("admin2", "Admin Dua", Role.ADMIN, None), PASSWORD, PASSWORD)
    window = _window(qtbot, qapp, office)
    window.go(PENGATURAN)
    settings = window.pages.currentWidget()
    assert isinstance(settings, SettingsPage)
    assert window.import_action.isEnabled()
    assert settings.save_year_button.isEnabled()
    assert settings.backup_section is not None and settings.backup_section.isEnabled()
    assert admin.account_id is not None
    office.accounts.update(
        admin.account_id, AccountFields("admin", "Admin", Role.KEPALA_UNIT, _camat(office))
    )
    qtbot.waitUntil(lambda: not window.import_action.isEnabled())
    assert window.import_action.toolTip() == "Hanya admin yang dapat mengimpor daftar pegawai."
    assert not settings.save_year_button.isEnabled()
    assert settings.save_year_button.toolTip() == (
        "Hanya admin yang dapat mengubah pengaturan kantor."
    )
    assert not settings.backup_section.isEnabled()
    assert window.add_action.isEnabled()  # a kepala unit still adds staff to their unit
