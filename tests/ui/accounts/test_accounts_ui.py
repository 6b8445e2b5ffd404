"""Accounts in the GUI: the first admin, signing in, the idle lock, and account management."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.accounts import AccountFields
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffFilter
from kinerja_desktop.ui.accounts.accounts_section import AccountDialog, AccountsSection
from kinerja_desktop.ui.accounts.idle_lock import IdleLock
from kinerja_desktop.ui.accounts.session import AccountSession, run_sessions
from kinerja_desktop.ui.accounts.sign_in import AdminSetupDialog, SignInDialog, sign_in_dialog
from kinerja_desktop.ui.main_window import PENGATURAN, MainWindow

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def fast(services: AppServices) -> AppServices:
    """The app's services with cheap hashes (these tests are about the screens)."""
    return dataclasses.replace(
        services, accounts=AccountService(services.database, services.access, hasher=FAST)
    )


def test_first_start_asks_for_the_admin_and_signs_it_in(services: AppServices, qtbot) -> None:
    services = fast(services)
    fast_accounts = services.accounts
    dialog = sign_in_dialog(services)
    assert isinstance(dialog, AdminSetupDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.display_name.setText("Bagian Kepegawaian")
    dialog.password.setText("sandi2026")
    dialog.repeat.setText("sandi2027")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == 0
    assert dialog.errors["repeat"].text() == "Ulangan kata sandi tidak sama."
    assert not fast_accounts.has_accounts()

    dialog.repeat.setText("sandi2026")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == AdminSetupDialog.DialogCode.Accepted
    assert fast_accounts.signed_in.user_name == "admin"
    assert fast_accounts.signed_in.role is Role.ADMIN
    # The next start asks to sign in instead.
    fast_accounts.sign_out()
    later = sign_in_dialog(services)
    assert isinstance(later, SignInDialog)
    later.deleteLater()


def test_the_login_dialog_says_why_and_signs_in(services: AppServices, qtbot) -> None:
    services = fast(services)
    fast_accounts = services.accounts
    fast_accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    fast_accounts.sign_out()
    dialog = SignInDialog(fast_accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user_name.setText("admin")
    dialog.password.setText("keliru2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text().startswith("Nama pengguna atau kata sandi salah")
    assert dialog.password.text() == ""
    assert fast_accounts.signed_in.is_system
    dialog.password.setText("sandi2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert fast_accounts.signed_in.user_name == "admin"


def test_the_window_names_who_is_signed_in_and_signs_out(office: AppServices, qtbot) -> None:
    office = fast(office)
    fast_accounts = office.accounts
    fast_accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    session = AccountSession(window, office)
    assert window.windowTitle().endswith("— Kepegawaian · Admin (kepegawaian)")
    assert "Masuk sebagai Kepegawaian" in session.who.text()
    window.show()
    # The admin renames their own account in Pengaturan: the window says so at once.
    me = fast_accounts.signed_in
    assert me.account_id is not None
    with qtbot.waitSignal(window.events.changed):
        fast_accounts.update(me.account_id, AccountFields("admin", "Bagian Umum", Role.ADMIN, None))
    assert "Masuk sebagai Bagian Umum (admin)" in session.who.text()
    assert window.windowTitle().endswith("— Bagian Umum · Admin (kepegawaian)")
    session.sign_out_action.trigger()
    assert session.signed_out
    assert not window.isVisible()
    assert fast_accounts.signed_in.is_system


def test_the_screen_locks_after_idle_time_and_the_password_opens_it(
    office: AppServices, qtbot
) -> None:
    office = fast(office)
    fast_accounts = office.accounts
    fast_accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    people_before = office.staff.find_ids(StaffFilter())
    window = QMainWindow()
    window.setCentralWidget(MainWindow(office, today=lambda: TODAY))
    window.menuBar().addMenu("&Berkas")
    qtbot.addWidget(window)
    window.show()
    # An hour: it cannot run out during the test however busy the machine is; the test
    # drives the timer instead of waiting for it.
    lock = IdleLock(window, fast_accounts, idle_ms=3_600_000)
    assert lock.idle_timer.interval() == 3_600_000 and lock.idle_timer.isActive()
    # Input keeps it open: every key press or mouse move starts the idle time again.
    for send in (
        lambda: qtbot.mouseMove(window, QPoint(10, 10)),
        lambda: qtbot.keyClick(window, Qt.Key.Key_Shift),
    ):
        lock.idle_timer.stop()
        send()
        assert lock.idle_timer.isActive()
    assert not lock.locked
    # The idle time runs out: the screen locks.
    lock.idle_timer.start(0)
    qtbot.waitUntil(lambda: lock.locked, timeout=10_000)
    lock.idle_timer.setInterval(3_600_000)  # the hour again once it is opened
    assert lock.dialog is not None
    assert not window.centralWidget().isVisible()
    lock.dialog.reject()  # Esc does not open it
    assert lock.locked
    lock.dialog.password.setText("keliru2026")
    lock.dialog.open_button.click()
    assert lock.locked
    assert "salah" in lock.dialog.error.text()
    lock.dialog.password.setText("sandi2026")
    lock.dialog.open_button.click()
    assert not lock.locked
    assert window.centralWidget().isVisible()
    assert office.staff.find_ids(StaffFilter()) == people_before
    assert fast_accounts.signed_in.user_name == "admin"
    lock.stop()


def test_no_lock_without_a_signed_in_account(services: AppServices, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = IdleLock(window, services.accounts, idle_ms=20)
    qtbot.wait(100)
    assert not lock.locked
    lock.stop()


def test_admin_manages_accounts_in_pengaturan(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = fast(office)
    fast_accounts = office.accounts
    fast_accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.go(PENGATURAN)
    sections = window.findChildren(AccountsSection)
    assert len(sections) == 1
    section = sections[0]
    assert section.table.rowCount() == 1

    someone = office.staff.get(office.staff.find_ids(StaffFilter())[0])
    dialog = AccountDialog(fast_accounts, office.staff, section)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user_name.setText("kasi.pelayanan")
    dialog.display_name.setText("Kasi Pelayanan")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PENILAI.value))
    dialog.password.setText("tanjung2026")
    dialog.repeat.setText("tanjung2026")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.errors["employee"].text().startswith("Akun pejabat penilai harus ditautkan")
    dialog.nip.setText(str(someone.nip))
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == AccountDialog.DialogCode.Accepted
    section.refresh()
    assert section.table.rowCount() == 2
    row = [section.table.item(1, c).text() for c in range(4)]
    assert row == ["kasi.pelayanan", "Kasi Pelayanan", "Pejabat penilai", someone.name]

    section.table.selectRow(1)
    section.toggle_active()
    assert section.table.item(1, 4).text() == "Nonaktif"
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: errors.append(text))
    section.table.selectRow(0)
    section.toggle_active()
    assert errors and "sedang dipakai" in errors[0]


def test_a_penilai_gets_no_account_management(office: AppServices, qtbot) -> None:
    office = fast(office)
    fast_accounts = office.accounts
    fast_accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    someone = office.staff.find_ids(StaffFilter())[0]
    fast_accounts.add(
        AccountFields("kasi", "Kasi", Role.PENILAI, someone), "tanjung2026", "tanjung2026"
    )
    fast_accounts.sign_out()
    fast_accounts.sign_in("kasi", "tanjung2026")
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.go(PENGATURAN)
    assert window.findChildren(AccountsSection) == []


def test_the_kiosk_is_not_locked_while_it_runs(services: AppServices, qtbot) -> None:
    services = fast(services)
    services.accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    kiosk = QWidget(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
    kiosk.setWindowModality(Qt.WindowModality.ApplicationModal)
    qtbot.addWidget(kiosk)
    kiosk.showFullScreen()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is kiosk)
    lock = IdleLock(window, services.accounts, idle_ms=30)
    qtbot.wait(150)
    assert not lock.locked
    kiosk.close()
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.dialog is not None
    lock.dialog.done(0)
    lock.stop()


@pytest.mark.parametrize("role", [Role.PENILAI, Role.KEPALA_UNIT])
def test_every_page_opens_for_a_restricted_account(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch, role: Role
) -> None:
    """Refusals reach the user as messages, never as an unexpected error."""
    office = fast(office)
    said: list[str] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *_a: said.append(text))
    office.accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    head = office.staff.find_ids(StaffFilter())[0]
    office.accounts.add(AccountFields("kasi", "Kasi", role, head), "tanjung2026", "tanjung2026")
    office.accounts.sign_out()
    office.accounts.sign_in("kasi", "tanjung2026")
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    for page in range(window.pages.count()):
        window.go(page)
        qtbot.wait(20)
    assert all("Terjadi kesalahan" not in text for text in said)


def test_cancelling_the_first_sign_in_opens_nothing(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = fast(services)
    monkeypatch.setattr(AdminSetupDialog, "exec", lambda _self: 0)
    made: list[object] = []
    assert run_sessions(object(), services, made.append) == 1  # type: ignore[arg-type]
    assert made == []


def test_signing_out_starts_a_fresh_session(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = fast(office)
    office.accounts.create_first_admin("admin", "Kepegawaian", "sandi2026", "sandi2026")
    head = office.staff.find_ids(StaffFilter())[0]
    office.accounts.add(
        AccountFields("kasi", "Kasi", Role.PENILAI, head), "tanjung2026", "tanjung2026"
    )
    office.accounts.sign_out()
    users = iter(["admin", "kasi"])

    def sign_in(dialog: SignInDialog) -> int:
        user = next(users)
        dialog.user_name.setText(user)
        dialog.password.setText("sandi2026" if user == "admin" else "tanjung2026")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    windows: list[MainWindow] = []

    def make_window(services: AppServices) -> MainWindow:
        window = MainWindow(services, today=lambda: TODAY)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    class App:
        def exec(self) -> int:
            window = windows[-1]
            if len(windows) == 1:  # the admin signs out; the second session stays
                sessions = [a for a in window.actions() if a.text() == "Keluar &akun"]
                sessions[0].trigger()
            return 0

    assert run_sessions(App(), office, make_window) == 0  # type: ignore[arg-type]
    assert len(windows) == 2
    assert "Kasi" in windows[1].windowTitle()
    assert office.accounts.signed_in.user_name == "kasi"
