"""Complaint response deadlines count working days: weekends, holidays, office days off."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    ComplaintRules,
    FeedbackFields,
    FeedbackKind,
    default_deadlines,
    validate_feedback,
)
from kinerja_desktop.domain.working_days import DayOff, DayOffKind, WorkingCalendar

RULES = ComplaintRules(
    response_working_days=5,
    resolution_days=60,
    due_soon_days=3,
    repeated_count=2,
    repeated_within_days=365,
)
NYEPI = {date(2026, 3, 19): "Hari Suci Nyepi"}
LEBARAN = {date(2026, 3, 20): "Idul Fitri", date(2026, 3, 21): "Idul Fitri"}
CUTI_BERSAMA = {
    day: DayOff(day, DayOffKind.CUTI_BERSAMA, "Cuti bersama Idul Fitri")
    for day in (date(2026, 3, 23), date(2026, 3, 24))
}


@pytest.mark.parametrize(
    ("start", "count", "national", "office", "due"),
    [
        # Weekends only, as before: Monday + 5 working days is the next Monday.
        (date(2026, 3, 2), 5, {}, {}, date(2026, 3, 9)),
        # Saturday is day 0 whatever it is: 3 working days is Wednesday.
        (date(2026, 3, 7), 3, {}, {}, date(2026, 3, 11)),
        (date(2026, 3, 2), 0, {}, {}, date(2026, 3, 2)),
        # Nyepi on Thursday 19 March pushes a deadline across it one day.
        (date(2026, 3, 16), 3, NYEPI, {}, date(2026, 3, 20)),
        (date(2026, 3, 16), 5, NYEPI, {}, date(2026, 3, 24)),
        # Holidays and the office's cuti bersama together (a holiday on Saturday changes nothing).
        (date(2026, 3, 16), 5, {**NYEPI, **LEBARAN}, CUTI_BERSAMA, date(2026, 3, 27)),
        # A holiday on the receipt day itself is day 0, not counted either way.
        (date(2026, 3, 19), 1, NYEPI, {}, date(2026, 3, 20)),
        # An office day off alone (a local holiday) is skipped too.
        (
            date(2026, 3, 2),
            1,
            {},
            {date(2026, 3, 3): DayOff(date(2026, 3, 3), DayOffKind.LOKAL, "HUT Kota")},
            date(2026, 3, 4),
        ),
    ],
)
def test_add_working_days_skips_every_day_off(
    start: date,
    count: int,
    national: dict[date, str],
    office: dict[date, DayOff],
    due: date,
) -> None:
    assert WorkingCalendar(national, office).add_working_days(start, count) == due


def test_add_working_days_refuses_a_negative_count() -> None:
    with pytest.raises(ValueError, match="negative"):
        WorkingCalendar().add_working_days(date(2026, 3, 2), -1)


def test_default_response_deadline_uses_the_calendar_given() -> None:
    calendar = WorkingCalendar({**NYEPI, **LEBARAN}, CUTI_BERSAMA)
    respond_by, resolve_by = default_deadlines(
        FeedbackKind.PENGADUAN, date(2026, 3, 16), RULES, calendar
    )
    assert respond_by == date(2026, 3, 27)
    # The resolution stays in calendar days (Perpres 76/2013 says "hari").
    assert resolve_by == date(2026, 5, 15)
    assert default_deadlines(FeedbackKind.PENGADUAN, date(2026, 3, 16), RULES) == (
        date(2026, 3, 23),
        date(2026, 5, 15),
    )


def test_validate_feedback_counts_on_the_calendar_given() -> None:
    fields = FeedbackFields(
        kind=FeedbackKind.SARAN,
        channel=Channel.LANGSUNG,
        received_on=date(2026, 3, 16),
        text="Antrean perlu nomor urut.",
    )
    valid = validate_feedback(fields, date(2026, 3, 16), WorkingCalendar(NYEPI))
    assert valid.respond_by == date(2026, 3, 24)
