"""Signed in as each demo role, the screens offer only what the account may do.

Controls the guard would refuse are disabled with the reason as their tooltip (not refused
after the form is filled); Sebaran Predikat and the cascade open on a unit the account may
see, with no error box.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.domain.access import AccessDeniedError, Action
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.staff import EmploymentEventKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.development.page import CompetencePage
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage
from kinerja_desktop.ui.evaluation.journal_page import JournalPage
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog, person_text
from kinerja_desktop.ui.main_window import PEGAWAI, PENGATURAN, SEBARAN, MainWindow
from kinerja_desktop.ui.settings.page import SettingsPage

TODAY = date(2026, 11, 28)
ADMIN_ONLY = "Hanya admin yang dapat"
UNIT_HEADS_ONLY = "Hanya admin dan kepala unit yang dapat menambah pegawai."

#: user -> (may add staff, the unit Sebaran and the cascade open on; None: none)
ROLES = {
    "camat": (True, "Kecamatan Kertapati"),
    "kapus": (True, "Puskesmas Kertapati"),
    "kasi": (False, None),
}


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error box a screen would show (none is expected)."""
    shown: list[str] = []

    def record(_parent: QWidget | None, title: str, text: str, *_args: object) -> object:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


def _window(qtbot: QtBot, qapp: QApplication, services: AppServices, user: str) -> MainWindow:
    write_demo(services.database, today=TODAY)
    services.accounts.sign_in(user, DEMO_PASSWORD)
    configure_application(qapp)
    window = MainWindow(services, today=lambda: TODAY)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("user", list(ROLES))
def test_write_controls_follow_the_role(
    qtbot: QtBot, qapp: QApplication, services: AppServices, user: str, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, user)
    adds, _unit = ROLES[user]
    assert window.add_action.isEnabled() is adds
    assert window.staff_page.add_button.isEnabled() is adds
    if not adds:
        assert window.add_action.toolTip() == UNIT_HEADS_ONLY
        assert window.staff_page.add_button.toolTip() == UNIT_HEADS_ONLY
    # Importing a staff list, the scheme, backups and packages are the admin's.
    assert not window.import_action.isEnabled()
    assert window.import_action.toolTip().startswith(ADMIN_ONLY)
    window.go(PENGATURAN)
    settings = window.pages.currentWidget()
    assert isinstance(settings, SettingsPage)
    assert not settings.save_year_button.isEnabled()
    assert settings.save_year_button.toolTip() == (
        "Hanya admin yang dapat mengubah pengaturan kantor."
    )
    assert settings.backup_section is not None
    assert not settings.backup_section.restore_button.isEnabled()
    assert settings.backup_section.toolTip() == "Hanya admin yang dapat memulihkan cadangan."
    assert settings.add_acting_button.isEnabled() is adds  # a Plt/Plh is set by the unit head
    assert errors == []


@pytest.mark.parametrize("user", list(ROLES))
def test_sebaran_and_the_cascade_open_on_a_unit_the_account_may_see(
    qtbot: QtBot, qapp: QApplication, services: AppServices, user: str, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, user)
    _adds, unit = ROLES[user]
    window.go(SEBARAN)
    sebaran = window.pages.currentWidget()
    assert isinstance(sebaran, DistributionPage)
    cascade = window._cascade_view if window.skp_editor else None  # builds the SKP area
    assert cascade is not None
    if unit is None:
        assert sebaran.result is None
        assert not sebaran.unit.isEnabled()
        assert sebaran.status.text() == (
            "Hanya admin dan kepala unit yang dapat membuka Sebaran Predikat."
        )
        # The penilai's cascade is their own people's.
        assert cascade.unit.currentText() == "Pegawai yang Anda nilai"
        assert cascade.tree.topLevelItemCount() == 1
    else:
        assert sebaran.unit.currentText().strip() == unit
        assert sebaran.result is not None and sebaran.result.unit.name == unit
        assert cascade.unit.currentText().strip() == unit
        assert cascade.tree.topLevelItemCount() >= 1
    assert cascade.summary.text()
    assert errors == []


def test_the_skp_editor_offers_changes_only_where_the_account_may_make_them(
    qtbot: QtBot, qapp: QApplication, services: AppServices, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, "kasi")
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    staff = services.staff.subordinates(kasi)[0]
    editor = window.skp_editor
    # Their own SKP: read, not changed (everyone sees their own record, nobody edits it).
    window.show_skp(kasi)
    assert editor.is_read_only()
    assert not editor.revise_button.isEnabled()
    assert editor.revise_button.toolTip().startswith("Membuka kembali catatan")
    # Their staff's agreed SKP: the penilai does not reopen it (the atasan does).
    window.show_skp(staff.id)
    assert not editor.revise_button.isEnabled()
    assert "atasan pejabat penilai" in editor.revise_button.toolTip()
    assert errors == []


def test_a_draft_of_ones_own_skp_cannot_be_typed_into(
    qtbot: QtBot, qapp: QApplication, services: AppServices, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, "kasi")
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    window.skp_editor.year.setValue(2027)  # no SKP yet: creating one is the penilai's
    window.show_skp(kasi)
    assert not window.skp_editor.create_button.isEnabled()
    assert window.skp_editor.create_button.toolTip().startswith(
        "Akun Anda tidak berwenang mengubah data"
    )
    staff = services.staff.subordinates(kasi)[0]
    window.show_skp(staff.id)
    assert window.skp_editor.create_button.isEnabled()
    assert errors == []


def test_the_evaluation_page_offers_recording_and_signing_only_within_reach(
    qtbot: QtBot, services: AppServices, errors: list[str]
) -> None:
    write_demo(services.database, today=TODAY)
    services.accounts.sign_in("kasi", DEMO_PASSWORD)
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    staff = services.staff.subordinates(kasi)[0]
    own_skp = services.skp.get(kasi, 2026)
    staff_skp = services.skp.get(staff.id, 2026)
    assert own_skp is not None and staff_skp is not None
    page = EvaluationPage(
        services.evaluation,
        services.skp,
        services.staff,
        behaviour=services.behaviour,
        dialogue=services.dialogue,
        seals=services.seals,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    # Their own evaluation: read only, with the reason on the page.
    page.select(own_skp.id, "TW3")
    evaluation = page.model.evaluation
    assert evaluation is not None and evaluation.allowed == {Action.VIEW}
    assert not evaluation.editable
    assert not page.decision.isEnabled()
    assert not page.sign_button.isEnabled()
    assert "hanya dapat dibaca dengan akun ini" in page.notice.text()
    assert not services.behaviour.period_view(own_skp.id, "TW3").editable
    assert services.behaviour.period_view(staff_skp.id, "TW3").editable
    # Their staff's: recorded and signed by the penilai, reopened only by the atasan.
    page.select(staff_skp.id, "TW3")
    evaluation = page.model.evaluation
    assert evaluation is not None and evaluation.editable
    assert Action.REOPEN not in evaluation.allowed
    assert page.decision.isEnabled()
    assert page.sign_button.isEnabled()
    assert errors == []


def test_the_competence_page_offers_ratings_and_standards_only_within_reach(
    qtbot: QtBot, services: AppServices, errors: list[str]
) -> None:
    write_demo(services.database, today=TODAY)
    services.accounts.sign_in("kasi", DEMO_PASSWORD)
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    page = CompetencePage(
        services.competence,
        services.development,
        services.staff,
        permissions=services.accounts.permissions(),
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    page.person.set_person(services.staff.get(kasi))
    assert page.select_competence("M.01")
    # One's own ratings and plan are read, not changed; the job standard is the office's.
    assert not page.rate_button.isEnabled()
    assert page.rate_button.toolTip().startswith("Akun Anda tidak berwenang mengubah data")
    assert not page.add_item_button.isEnabled()
    assert not page.standard_button.isEnabled()
    assert page.standard_button.toolTip() == "Hanya admin yang dapat mengubah pengaturan kantor."
    assert page.history_button.isEnabled()
    page.person.set_person(services.staff.subordinates(kasi)[0])
    assert page.select_competence("M.01")
    assert page.rate_button.isEnabled()
    assert page.add_item_button.isEnabled()
    assert not page.standard_button.isEnabled()
    assert errors == []


def test_editing_ones_own_record_is_refused_before_the_form_opens(
    qtbot: QtBot,
    qapp: QApplication,
    services: AppServices,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    window = _window(qtbot, qapp, services, "kasi")
    told: list[str] = []

    def record(_parent: QWidget | None, _title: str, text: str, *_args: object) -> object:
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    window.edit_employee(kasi)  # no form opens: exec() would block this test
    (said,) = told
    assert said.startswith("Akun Anda tidak berwenang mengubah data")
    assert errors == []


def test_ending_and_resuming_service_are_offered_only_for_people_the_account_may_change(
    qtbot: QtBot, qapp: QApplication, services: AppServices, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, "kasi")
    kasi = services.accounts.signed_in.employee_id
    assert kasi is not None
    staff = services.staff.subordinates(kasi)[0]
    window.go(PEGAWAI)
    window.staff_page.select(kasi)
    assert not window.end_action.isEnabled()
    assert window.end_action.toolTip().startswith("Akun Anda tidak berwenang mengubah data")
    assert not window.reactivate_action.isEnabled()
    # F2 is greyed out with the reason, not answered by a message after pressing it.
    assert not window.edit_action.isEnabled()
    assert window.edit_action.toolTip().startswith("Akun Anda tidak berwenang mengubah data")
    window.staff_page.select(staff.id)
    assert window.edit_action.isEnabled()
    assert window.end_action.isEnabled()
    assert not window.reactivate_action.isEnabled()  # active: nothing to bring back
    # The service refuses too, whatever the screen offers, and changes nothing.
    for attempt in (
        lambda: services.staff.end_service(kasi, EmploymentEventKind.PENSIUN, TODAY),
        lambda: services.staff.reactivate(kasi, TODAY),
    ):
        with pytest.raises(AccessDeniedError, match="tidak berwenang mengubah data"):
            attempt()
    assert services.staff.get(kasi).active
    assert errors == []


def test_quick_entry_offers_only_people_the_account_may_change(
    qtbot: QtBot, services: AppServices
) -> None:
    write_demo(services.database, today=TODAY)
    services.accounts.sign_in("kasi", DEMO_PASSWORD)
    kasi = services.staff.get(_signed_in_person(services))
    staff = services.staff.subordinates(kasi.id)[0]
    permissions = services.accounts.permissions()
    # Opened on one's own record (Pegawai's selection): not filled in, and the field says why.
    dialog = QuickEntryDialog(
        services.journal,
        services.staff,
        employee_id=kasi.id,
        permissions=permissions,
        today=lambda: TODAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.person.employee_id is None
    assert (
        dialog.errors["employee"]
        .text()
        .startswith(f"Akun Anda tidak berwenang mengubah data {kasi.name}")
    )
    # Typing one's own name finds nobody to pick; a person appraised is found.
    qtbot.keyClicks(dialog.person, kasi.name)
    completions = dialog.person.completer().model()
    assert isinstance(completions, QStringListModel)
    assert person_text(kasi) not in completions.stringList()
    assert not dialog.person.pick_typed()
    dialog.person.clear()
    qtbot.keyClicks(dialog.person, staff.name)
    assert dialog.person.pick_typed()
    assert dialog.person.employee_id == staff.id
    # Opened on a person appraised: filled in, nothing to say.
    other = QuickEntryDialog(
        services.journal,
        services.staff,
        employee_id=staff.id,
        permissions=permissions,
        today=lambda: TODAY,
    )
    qtbot.addWidget(other)
    assert other.person.employee_id == staff.id
    assert other.errors["employee"].isHidden()


def test_the_journal_offers_corrections_only_of_entries_the_account_may_change(
    qtbot: QtBot, services: AppServices
) -> None:
    write_demo(services.database, today=TODAY)
    services.accounts.sign_in("kasi", DEMO_PASSWORD)
    kasi = services.staff.get(_signed_in_person(services))
    services.accounts.sign_out()
    services.journal.record(  # the camat's note about the kasi, as the system
        kasi.id,
        TODAY,
        BehaviourValue.AKUNTABEL,
        ObservationSign.POSITIF,
        "Laporan seksi tepat waktu.",
        today=TODAY,
    )
    services.accounts.sign_in("kasi", DEMO_PASSWORD)
    page = JournalPage(
        services.journal,
        services.staff,
        permissions=services.accounts.permissions(),
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    rows = {page.table.item(row, 1).text(): row for row in range(page.table.rowCount())}
    page.table.selectRow(rows[kasi.full_name])
    assert not page.correct_button.isEnabled()
    assert not page.remove_button.isEnabled()
    assert page.correct_button.toolTip().startswith("Akun Anda tidak berwenang mengubah data")
    assert page.correct_entry() is None  # a double click opens nothing either
    staff_row = next(row for name, row in rows.items() if name != kasi.full_name)
    page.table.selectRow(staff_row)
    assert page.correct_button.isEnabled()
    assert page.remove_button.isEnabled()
    assert page.correct_button.toolTip() == ""


def _signed_in_person(services: AppServices) -> int:
    employee_id = services.accounts.signed_in.employee_id
    assert employee_id is not None
    return employee_id


def test_ctrl_j_on_ones_own_record_says_why_it_is_not_filled_in(
    qtbot: QtBot, qapp: QApplication, services: AppServices, errors: list[str]
) -> None:
    window = _window(qtbot, qapp, services, "kasi")
    kasi = services.staff.get(_signed_in_person(services))
    window.go(PEGAWAI)
    window.staff_page.select(kasi.id)
    window.quick_entry()
    dialog = window.quick_entry_dialog
    assert dialog is not None
    assert dialog.person.employee_id is None
    assert (
        dialog.errors["employee"]
        .text()
        .startswith(f"Akun Anda tidak berwenang mengubah data {kasi.name}")
    )
    dialog.reject()
    assert errors == []
