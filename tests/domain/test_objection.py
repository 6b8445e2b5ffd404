"""The 14 calendar days for a keberatan (PP 30/2019 Pasal 59)."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.objection import OBJECTION_DAYS, is_late, objection_deadline


def test_fourteen_days() -> None:
    assert OBJECTION_DAYS == 14


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 3, 1), date(2026, 3, 15)),
        (date(2026, 12, 24), date(2027, 1, 7)),  # over the year end
        (date(2028, 2, 20), date(2028, 3, 5)),  # leap year: 29 February counts
        (date(2026, 2, 20), date(2026, 3, 6)),
        (date(2026, 1, 3), date(2026, 1, 17)),  # received on a Saturday; deadline a Saturday
    ],
)
def test_deadline_in_calendar_days(received: date, deadline: date) -> None:
    assert objection_deadline(received) == deadline


@pytest.mark.parametrize(
    ("day", "late"),
    [
        (-1, False),  # before receipt: not late (plausibility is the form's business)
        (0, False),
        (1, False),
        (13, False),
        (14, False),  # the last day is on time
        (15, True),
        (30, True),
    ],
)
def test_lateness(day: int, late: bool) -> None:
    received = date(2026, 3, 1)

    assert is_late(received, date.fromordinal(received.toordinal() + day)) is late
