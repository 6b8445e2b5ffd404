"""Deadlines of complaints and audit findings: on track, due soon, overdue, closed late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.reference_data import load


class DeadlineState(StrEnum):
    NONE = "NONE"  # nothing is due (a compliment)
    ON_TRACK = "ON_TRACK"
    DUE_SOON = "DUE_SOON"
    OVERDUE = "OVERDUE"
    CLOSED = "CLOSED"  # closed by its deadline
    CLOSED_LATE = "CLOSED_LATE"

    @property
    def label(self) -> str:
        return {
            "NONE": "Tanpa tenggat",
            "ON_TRACK": "Dalam tenggat",
            "DUE_SOON": "Segera jatuh tempo",
            "OVERDUE": "Terlambat",
            "CLOSED": "Ditutup tepat waktu",
            "CLOSED_LATE": "Ditutup terlambat",
        }[self.value]

    @property
    def is_overdue(self) -> bool:
        return self is DeadlineState.OVERDUE


@dataclass(frozen=True)
class Deadline:
    """Where a record stands against its deadline.

    Attributes:
        state: The flag.
        due: The deadline that applies now (None when nothing is due).
        days: Days left before ``due`` (negative: days late), or how late it was closed.
        text: One line for the screens, e.g. "Terlambat 3 hari (batas 12 Maret 2026)".
    """

    state: DeadlineState
    due: date | None
    days: int | None
    text: str


NO_DEADLINE = Deadline(DeadlineState.NONE, None, None, DeadlineState.NONE.label)


def deadline_of(
    due: date | None, today: date, *, due_soon_days: int, closed_on: date | None = None
) -> Deadline:
    """Judge ``due`` on ``today``; a record closed on ``closed_on`` is judged on that day.

    The due day itself is still on time; the day after is one day late.
    """
    if due is None:
        return NO_DEADLINE
    if closed_on is not None:
        late = (closed_on - due).days
        if late > 0:
            return Deadline(
                DeadlineState.CLOSED_LATE,
                due,
                late,
                f"Ditutup terlambat {late} hari (batas {format_date_id(due)})",
            )
        return Deadline(DeadlineState.CLOSED, due, late, DeadlineState.CLOSED.label)
    left = (due - today).days
    if left < 0:
        return Deadline(
            DeadlineState.OVERDUE,
            due,
            left,
            f"Terlambat {-left} hari (batas {format_date_id(due)})",
        )
    if left <= due_soon_days:
        when = "hari ini" if left == 0 else f"{left} hari lagi"
        return Deadline(
            DeadlineState.DUE_SOON, due, left, f"Jatuh tempo {when} ({format_date_id(due)})"
        )
    return Deadline(DeadlineState.ON_TRACK, due, left, f"Batas {format_date_id(due)}")


@cache
def supervision_data() -> dict[str, Any]:
    """The app's thresholds for complaints and findings (``reference/supervision.json``)."""
    data: dict[str, Any] = load("supervision")
    return data
