"""The office's days off and people's leave days, kept as data through the calendar service."""

from __future__ import annotations

from datetime import date

import pytest
from progress_office import Office

from kinerja_desktop.domain.access import AccessDeniedError
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.working_days import DayOffKind
from kinerja_desktop.services.progress.calendar import CalendarService
from kinerja_desktop.services.progress.holidays_id import national_holidays


def test_national_holidays_come_from_the_holidays_package_in_indonesian() -> None:
    found = national_holidays(2026)
    assert found[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert found[date(2026, 3, 21)] == "Hari Raya Idul Fitri"  # a Saturday
    assert date(2024, 2, 29) not in national_holidays(2024)


def test_the_office_keeps_its_cuti_bersama_and_local_days(progress_office: Office) -> None:
    calendar = progress_office.services.calendar
    calendar.set_office_day(date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Idul Fitri")
    calendar.set_office_day(date(2026, 6, 29), "LOKAL", "HUT Kota")
    calendar.set_office_day(date(2026, 6, 29), "LOKAL", "HUT Kota Palembang")  # renamed

    year = calendar.year(2026)

    assert [(d.day, d.kind, d.name) for d in year.office] == [
        (date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Idul Fitri"),
        (date(2026, 6, 29), DayOffKind.LOKAL, "HUT Kota Palembang"),
    ]
    assert len(year.national) == 17
    calendar.remove_office_day(date(2026, 6, 29))
    with pytest.raises(NotFoundError, match="29 Juni 2026 bukan hari libur kantor"):
        calendar.remove_office_day(date(2026, 6, 29))


@pytest.mark.parametrize(
    ("kind", "name", "field"),
    [("LIBUR_NASIONAL", "Natal", "kind"), ("CUTI", "x", "kind"), ("LOKAL", " ", "name")],
)
def test_an_office_day_needs_an_office_kind_and_a_name(
    progress_office: Office, kind: str, name: str, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        progress_office.services.calendar.set_office_day(date(2026, 6, 29), kind, name)
    assert raised.value.field == field


def test_only_the_admin_sets_the_office_calendar(progress_office: Office) -> None:
    progress_office.sign_in(progress_office.siti)
    with pytest.raises(AccessDeniedError, match="mengubah pengaturan kantor"):
        progress_office.services.calendar.set_office_day(date(2026, 6, 29), "LOKAL", "HUT")


def test_leave_marks_working_days_only(progress_office: Office) -> None:
    office = progress_office
    # Thursday 19 March (Nyepi) to Tuesday 24 March: the 23rd and 24th are working days
    marked = office.services.calendar.set_leave(
        office.rizky, date(2026, 3, 19), date(2026, 3, 24), "Cuti tahunan"
    )
    assert marked == 3  # Friday 20 March too: no cuti bersama recorded yet
    assert office.services.calendar.leave_days(office.rizky, 2026) == {
        date(2026, 3, 20): "Cuti tahunan",
        date(2026, 3, 23): "Cuti tahunan",
        date(2026, 3, 24): "Cuti tahunan",
    }
    assert (
        office.services.calendar.remove_leave(office.rizky, date(2026, 3, 1), date(2026, 3, 31))
        == 3
    )


def test_leave_the_wrong_way_round_is_refused(progress_office: Office) -> None:
    with pytest.raises(ValidationError, match="sebelum tanggal mulai") as raised:
        progress_office.services.calendar.set_leave(
            progress_office.rizky, date(2026, 3, 24), date(2026, 3, 23)
        )
    assert raised.value.field == "end"


def test_a_penilai_marks_leave_for_staff_but_not_for_others(progress_office: Office) -> None:
    office = progress_office
    office.sign_in(office.rizky)
    with pytest.raises(AccessDeniedError):
        office.services.calendar.set_leave(office.dewi, date(2026, 3, 23), date(2026, 3, 23))


def test_holidays_can_be_injected(progress_office: Office) -> None:
    calendar = CalendarService(
        progress_office.services.database,
        progress_office.services.access,
        holidays=lambda year: {date(year, 3, 23): "Hari uji"},
    )
    assert calendar.set_leave(progress_office.rizky, date(2026, 3, 23), date(2026, 3, 24)) == 1
