"""Hari libur dan cuti: the office's days off and people's leave, edited on the page."""

from __future__ import annotations

from datetime import date

from progress_office import TODAY, Office
from pytestqt.qtbot import QtBot

from kinerja_desktop.ui.clock import qdate
from kinerja_desktop.ui.progress.calendar_tab import CalendarTab


def _tab(office: Office, qtbot: QtBot) -> CalendarTab:
    tab = CalendarTab(office.services.calendar, office.services.staff, today=lambda: TODAY)
    qtbot.addWidget(tab)
    return tab


def _rows(tab: CalendarTab) -> list[tuple[str, str, str]]:
    return [
        tuple(tab.days.item(row, column).text() for column in range(3))  # type: ignore[misc, union-attr]
        for row in range(tab.days.rowCount())
    ]


def test_the_admin_adds_a_cuti_bersama_beside_the_national_holidays(
    progress_office: Office, qtbot: QtBot
) -> None:
    tab = _tab(progress_office, qtbot)
    assert ("19 Maret 2026", "Libur nasional", "Hari Suci Nyepi") in _rows(tab)
    tab.day.setDate(qdate(date(2026, 3, 20)))
    tab.name.setText("Cuti bersama Idul Fitri")
    tab.save_day_button.click()
    assert ("20 Maret 2026", "Cuti bersama", "Cuti bersama Idul Fitri") in _rows(tab)

    row = next(n for n, found in enumerate(_rows(tab)) if found[0] == "20 Maret 2026")
    tab.days.selectRow(row)
    tab.remove_day_button.click()
    assert all(found[0] != "20 Maret 2026" for found in _rows(tab))


def test_a_penilai_is_told_the_office_calendar_is_the_admins(
    progress_office: Office, qtbot: QtBot
) -> None:
    progress_office.sign_in(progress_office.siti)
    tab = _tab(progress_office, qtbot)
    tab.name.setText("HUT Kota")
    tab.save_day_button.click()
    assert "mengubah pengaturan kantor" in tab.message.text()


def test_leave_is_marked_for_a_person(progress_office: Office, qtbot: QtBot) -> None:
    tab = _tab(progress_office, qtbot)
    tab.person.set_person(progress_office.services.staff.get(progress_office.rizky))
    tab.leave_start.setDate(qdate(date(2026, 3, 19)))
    tab.leave_end.setDate(qdate(date(2026, 3, 23)))
    tab.leave_note.setText("Cuti tahunan")
    tab.mark_leave_button.click()
    shown = [tab.leave_days.item(n).text() for n in range(tab.leave_days.count())]  # type: ignore[union-attr]
    assert shown == ["20 Maret 2026 — Cuti tahunan", "23 Maret 2026 — Cuti tahunan"]
