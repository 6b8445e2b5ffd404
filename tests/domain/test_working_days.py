"""Working days: weekdays minus national holidays, the office's days off and a person's leave."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.working_days import (
    DayOff,
    DayOffKind,
    WorkingCalendar,
    month_span,
    week_span,
)

#: A few of 2026's and 2024's national holidays, as the holidays package names them.
NATIONAL = {
    date(2026, 1, 1): "Tahun Baru Masehi",
    date(2026, 3, 19): "Hari Suci Nyepi",
    date(2026, 3, 21): "Hari Raya Idul Fitri",  # a Saturday
    date(2026, 8, 17): "Hari Kemerdekaan Republik Indonesia",
    date(2024, 2, 14): "Hari Pemilihan Umum",
}
OFFICE = {
    date(2026, 3, 20): DayOff(date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Idul Fitri"),
    date(2026, 6, 29): DayOff(date(2026, 6, 29), DayOffKind.LOKAL, "HUT Kota Palembang"),
}
LEAVE = frozenset({date(2026, 3, 23), date(2026, 3, 20)})
CALENDAR = WorkingCalendar(NATIONAL, OFFICE)


@pytest.mark.parametrize(
    ("day", "kind", "name"),
    [
        (date(2026, 1, 2), None, ""),  # a Friday after New Year
        (date(2026, 1, 1), DayOffKind.LIBUR_NASIONAL, "Tahun Baru Masehi"),
        (date(2026, 1, 3), DayOffKind.AKHIR_PEKAN, ""),
        (date(2026, 1, 4), DayOffKind.AKHIR_PEKAN, ""),
        # a holiday on a Saturday is named as the holiday, and is off either way
        (date(2026, 3, 21), DayOffKind.LIBUR_NASIONAL, "Hari Raya Idul Fitri"),
        # leave on a cuti bersama day: the office's day off is the reason
        (date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Idul Fitri"),
        (date(2026, 3, 23), DayOffKind.CUTI, ""),
        (date(2026, 6, 29), DayOffKind.LOKAL, "HUT Kota Palembang"),
        (date(2026, 8, 17), DayOffKind.LIBUR_NASIONAL, "Hari Kemerdekaan Republik Indonesia"),
        (date(2024, 2, 29), None, ""),  # a leap day, a Thursday
        (date(2024, 2, 14), DayOffKind.LIBUR_NASIONAL, "Hari Pemilihan Umum"),
    ],
)
def test_why_a_day_is_off(day: date, kind: DayOffKind | None, name: str) -> None:
    found = CALENDAR.day_off(day, LEAVE)
    assert (found.kind if found else None) is kind
    assert (found.name if found else "") == name
    assert CALENDAR.is_working_day(day, LEAVE) is (kind is None)


@pytest.mark.parametrize(
    ("start", "end", "leave", "count"),
    [
        # January 2026: 22 weekdays, New Year off
        (date(2026, 1, 1), date(2026, 1, 31), frozenset(), 21),
        # March 2026: 22 weekdays, Nyepi and the cuti bersama off, Idul Fitri on a Saturday
        (date(2026, 3, 1), date(2026, 3, 31), frozenset(), 20),
        (date(2026, 3, 1), date(2026, 3, 31), LEAVE, 19),
        # February 2024 (leap): 21 weekdays, election day off
        (date(2024, 2, 1), date(2024, 2, 29), frozenset(), 20),
        (date(2026, 1, 5), date(2026, 1, 4), frozenset(), 0),
    ],
)
def test_working_days_in_a_span(start: date, end: date, leave: frozenset[date], count: int) -> None:
    assert len(CALENDAR.working_days(start, end, leave)) == count


def test_without_holidays_only_weekends_are_off() -> None:
    assert len(WorkingCalendar().working_days(*month_span(2026, 1))) == 22


def test_day_off_text_names_the_reason() -> None:
    assert CALENDAR.day_off(date(2026, 6, 29)) is not None
    assert CALENDAR.day_off(date(2026, 6, 29)).text == "Libur lokal: HUT Kota Palembang"  # type: ignore[union-attr]
    assert DayOff(date(2026, 1, 3), DayOffKind.AKHIR_PEKAN).text == "Akhir pekan"


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2026, 2, date(2026, 2, 1), date(2026, 2, 28)),
        (2024, 2, date(2024, 2, 1), date(2024, 2, 29)),
        (2026, 12, date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_span(year: int, month: int, first: date, last: date) -> None:
    assert month_span(year, month) == (first, last)


def test_month_span_refuses_a_month_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="month"):
        month_span(2026, 13)


def test_week_span_runs_monday_to_sunday() -> None:
    assert week_span(date(2026, 3, 19)) == (date(2026, 3, 16), date(2026, 3, 22))
    assert week_span(date(2026, 3, 16)) == (date(2026, 3, 16), date(2026, 3, 22))
