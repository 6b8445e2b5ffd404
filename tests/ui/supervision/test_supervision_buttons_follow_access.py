"""Pengawasan follows the access guard: actions the account may not take are disabled.

A penilai (Siti, who appraises Dewi) may correct a complaint about Dewi but not delete it, and
may read her unit's findings and survey but not change them: those are the unit head's (Ahmad,
the camat). The services refuse either way; the screens do not offer what would be refused.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.access import Principal, Role
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.domain.supervision.findings import FindingFields, FindingSource
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.supervision.feedback import FeedbackInput
from kinerja_desktop.services.supervision.findings import FindingInput
from kinerja_desktop.ui.supervision.findings_tab import FindingsTab
from kinerja_desktop.ui.supervision.register_tab import RegisterTab
from kinerja_desktop.ui.supervision.survey_tab import SurveyTab

TODAY = date(2026, 11, 28)

#: role -> (the account's person, may the unit head's actions be used)
ROLES = {
    "penilai": (Role.PENILAI, "Siti Rahmawati", False),
    "kepala unit": (Role.KEPALA_UNIT, "Ahmad Fauzi", True),
}


def _records(office: AppServices) -> tuple[int, int, int]:
    """A complaint about Dewi, a finding about her unit and the unit's survey (as the system)."""
    unit = office.supervision.surveys.find_unit("Kecamatan Kertapati").id
    dewi = office.staff.search_people("Dewi")[0].id
    complaint = office.supervision.feedback.record(
        FeedbackInput(
            FeedbackFields(FeedbackKind.PENGADUAN, Channel.LANGSUNG, TODAY, "Loket tutup awal."),
            unit_id=unit,
            employee_id=dewi,
        ),
        TODAY,
    )
    finding = office.supervision.findings.record(
        FindingInput(
            FindingFields(
                FindingSource.INSPEKTORAT,
                TODAY,
                "Daftar hadir tidak lengkap",
                "Daftar hadir Oktober tidak ditandatangani.",
                "Lengkapi daftar hadir.",
            ),
            unit_id=unit,
        ),
        TODAY,
    )
    survey = office.supervision.surveys.open_survey(unit, "2026-S2", TODAY)
    office.supervision.surveys.add_typed(survey.id, "444444444", today=TODAY)
    return complaint.id, finding.id, survey.id


def _sign_in(office: AppServices, role: Role, name: str) -> None:
    person = office.staff.search_people(name)[0].id
    office.access.sign_in(Principal(f"u{person}", name, role, employee_id=person))


def _enabled(*widgets: QWidget) -> list[bool]:
    return [widget.isEnabled() for widget in widgets]


@pytest.mark.parametrize("role", list(ROLES))
def test_the_register_offers_deleting_only_to_the_unit_head(
    qtbot: QtBot, office: AppServices, role: str
) -> None:
    complaint, _, _ = _records(office)
    kind, name, heads = ROLES[role]
    _sign_in(office, kind, name)
    tab = RegisterTab(
        office.supervision.feedback, office.supervision.surveys, office.staff, today=lambda: TODAY
    )
    qtbot.addWidget(tab)
    tab.select(complaint)
    assert tab.selected() is not None
    # Both may correct and move a complaint about Dewi; only the unit head may delete it.
    assert _enabled(tab.edit_button, tab.next_button, tab.remove_button) == [True, True, heads]


@pytest.mark.parametrize("role", list(ROLES))
def test_the_findings_tab_offers_changes_only_within_reach(
    qtbot: QtBot, office: AppServices, role: str
) -> None:
    _, finding, _ = _records(office)
    kind, name, heads = ROLES[role]
    _sign_in(office, kind, name)
    tab = FindingsTab(office.supervision.findings, office.supervision.surveys, office.staff)
    qtbot.addWidget(tab)
    assert [f.id for f in tab._findings] == [finding]  # the penilai reads it all the same
    tab.table.selectRow(0)
    buttons = (tab.follow_up_button, tab.status_button, tab.link_button)
    assert _enabled(*buttons) == [heads] * 3
    assert tab.new_button.isEnabled()  # who it is about is chosen in the dialog, then checked


@pytest.mark.parametrize("role", list(ROLES))
def test_the_survey_tab_offers_entry_only_to_the_unit_head(
    qtbot: QtBot, office: AppServices, role: str
) -> None:
    _, _, survey = _records(office)
    kind, name, heads = ROLES[role]
    _sign_in(office, kind, name)
    tab = SurveyTab(office.supervision.surveys, printing=office.printing, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert tab.survey_id == survey
    assert tab.ikm.text().startswith("IKM")  # the results are read by both
    entry = (tab.entry, tab.paste, tab.paste_button, tab.import_button, tab.undo_button)
    assert _enabled(*entry) == [heads] * 5
    # The report is signed by the unit head: printing it is refused to a penilai too.
    assert _enabled(tab.close_button, tab.open_button, tab.report_button) == [heads] * 3
    assert (tab.print_report() is not None) == heads
