"""Working days (hari kerja): weekdays minus holidays, the office's days off and a person's leave.

The national holidays come from outside (the ``holidays`` package, read in
``services/progress/calendar.py``) and are handed in as a plain mapping, so the rule stays pure
and a test can give any year's list. The year's cuti bersama (SKB of the ministers) and the
office's local days off are data the office keeps in the app; leave days are per person.

A day off is reported with its reason, most specific first: a national holiday on a Saturday is
shown as the holiday, and leave on a cuti bersama day as the cuti bersama.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

#: Saturday and Sunday (date.weekday numbers).
WEEKEND = frozenset({5, 6})


class DayOffKind(StrEnum):
    """Why a day is not a working day."""

    LIBUR_NASIONAL = "LIBUR_NASIONAL"
    CUTI_BERSAMA = "CUTI_BERSAMA"
    #: A local day off the office set (a regional holiday, an office event).
    LOKAL = "LOKAL"
    CUTI = "CUTI"
    AKHIR_PEKAN = "AKHIR_PEKAN"

    @property
    def label(self) -> str:
        return {
            DayOffKind.LIBUR_NASIONAL: "Libur nasional",
            DayOffKind.CUTI_BERSAMA: "Cuti bersama",
            DayOffKind.LOKAL: "Libur lokal",
            DayOffKind.CUTI: "Cuti",
            DayOffKind.AKHIR_PEKAN: "Akhir pekan",
        }[self]


#: The kinds the office keeps as data (the rest are the calendar's or a person's).
OFFICE_KINDS = (DayOffKind.CUTI_BERSAMA, DayOffKind.LOKAL)


@dataclass(frozen=True)
class DayOff:
    """A day that is not a working day, and why ("Hari Raya Idul Fitri")."""

    day: date
    kind: DayOffKind
    name: str = ""

    @property
    def text(self) -> str:
        """E.g. "Libur nasional: Hari Raya Idul Fitri" or "Akhir pekan"."""
        return f"{self.kind.label}: {self.name}" if self.name else self.kind.label


@dataclass(frozen=True)
class WorkingCalendar:
    """The office's calendar: national holidays and its own days off.

    Attributes:
        national: National holidays by day, with their names.
        office: The office's cuti bersama and local days off, by day.
    """

    national: Mapping[date, str] = field(default_factory=dict)
    office: Mapping[date, DayOff] = field(default_factory=dict)

    def day_off(self, day: date, leave: Collection[date] = ()) -> DayOff | None:
        """Why ``day`` is not a working day for someone on ``leave`` those days; None if it is."""
        name = self.national.get(day)
        if name is not None:
            return DayOff(day, DayOffKind.LIBUR_NASIONAL, name)
        found = self.office.get(day)
        if found is not None:
            return found
        if day in leave:
            return DayOff(day, DayOffKind.CUTI)
        if day.weekday() in WEEKEND:
            return DayOff(day, DayOffKind.AKHIR_PEKAN)
        return None

    def is_working_day(self, day: date, leave: Collection[date] = ()) -> bool:
        return self.day_off(day, leave) is None

    def working_days(self, start: date, end: date, leave: Collection[date] = ()) -> list[date]:
        """The working days from ``start`` to ``end``, both included (empty when end < start)."""
        days = []
        day = start
        while day <= end:
            if self.is_working_day(day, leave):
                days.append(day)
            day += timedelta(days=1)
        return days

    def add_working_days(self, start: date, count: int) -> date:
        """The day ``count`` working days after ``start`` (a deadline such as "5 hari kerja").

        ``start`` is day 0 whatever day it is: something received on a Saturday with 3 working
        days is due on Wednesday, or later when a holiday or an office day off falls between.

        Raises:
            ValueError: ``count`` is negative.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        left = count
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month.

    Raises:
        ValueError: ``month`` is not 1 to 12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    first = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first, following - timedelta(days=1)


def week_span(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week ``day`` falls in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
