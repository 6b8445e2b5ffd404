"""Indonesian date text for forms, and tolerant parsing of typed dates.

Month names come from Babel's CLDR data for ``id``, never from the OS locale, so a report printed
on an English Windows still says "28 November 2026" with Indonesian month names.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from babel.dates import format_date, get_month_names

from kinerja_desktop.domain.errors import ValidationError

_LOCALE = "id"
RANGE_SEPARATOR = "s.d."
"""How ranges say "sampai dengan" (until), as in "1 Januari s.d. 31 Desember 2026"."""

# Spellings seen in real documents beside CLDR's names and abbreviations (older "Pebruari",
# "Nopember"; "Agt"/"Ags" for Agustus; "Sept"). Keys are upper case.
_EXTRA_MONTH_NAMES = {
    "PEBRUARI": 2,
    "PEB": 2,
    "AGT": 8,
    "AGS": 8,
    "SEPT": 9,
    "NOPEMBER": 11,
    "NOP": 11,
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_NAMED = re.compile(r"(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})")


def month_name_id(month: int) -> str:
    """Return the Indonesian month name, e.g. 1 -> "Januari".

    Raises:
        ValueError: When ``month`` is not 1 to 12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return _month_names()[month]


def add_working_days(start: date, count: int) -> date:
    """Return the day ``count`` working days after ``start``, skipping Saturdays and Sundays.

    ``start`` is day 0 whatever day it is, so something received on a Saturday with 3 working
    days is due on Wednesday. Public holidays are not skipped here: deadlines that should skip
    them use ``domain.working_days.WorkingCalendar.add_working_days`` with the office's calendar.

    Raises:
        ValueError: ``count`` is negative.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    left = count
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:  # Monday to Friday
            left -= 1
    return day


def format_date_id(d: date) -> str:
    """Return e.g. "1 Januari 2026" (day without zero padding, full month name)."""
    return format_date(d, "d MMMM y", locale=_LOCALE)


def format_place_date(city: str, d: date) -> str:
    """Return the place/date line above a signature, e.g. "Palembang, 28 November 2026".

    A blank city gives the date alone.
    """
    city = " ".join(city.split())
    return f"{city}, {format_date_id(d)}" if city else format_date_id(d)


def format_date_range_id(start: date, end: date) -> str:
    """Return a period as printed on forms.

    The year is written once when both ends share it ("1 Januari s.d. 31 Desember 2026"), and on
    both ends otherwise ("1 Desember 2025 s.d. 31 Januari 2026"). The month is always written on
    both ends ("1 Juni s.d. 30 Juni 2026"), as official forms do. A one-day range is the date alone.

    Raises:
        ValueError: When ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    if start == end:
        return format_date_id(start)
    if start.year == end.year:
        first = f"{start.day} {month_name_id(start.month)}"
    else:
        first = format_date_id(start)
    return f"{first} {RANGE_SEPARATOR} {format_date_id(end)}"


def parse_date_id(text: str) -> date:
    """Parse a typed date.

    Accepted: "2026-11-28", "28/11/2026", "28-11-2026", "28.11.2026", "28 November 2026",
    "28 Nov 2026" (month names case-insensitive; Indonesian, older spellings and English).

    Raises:
        ValidationError: With an Indonesian message saying what is wrong (field is None).
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("Tanggal belum diisi.")
    if match := _ISO.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY.fullmatch(cleaned):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _NAMED.fullmatch(cleaned):
        day, year = int(match[1]), int(match[3])
        found = _month_lookup().get(match[2].upper())
        if found is None:
            raise ValidationError(
                f"Nama bulan '{match[2]}' pada tanggal '{cleaned}' tidak dikenali."
            )
        month = found
    else:
        raise ValidationError(
            f"Tanggal '{cleaned}' tidak dikenali. "
            "Gunakan format 28/11/2026, 2026-11-28 atau 28 November 2026."
        )
    return _make_date(cleaned, year, month, day)


def _make_date(text: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Bulan {month} pada tanggal '{text}' tidak ada; bulan harus 1 sampai 12."
        )
    if year < 1:
        raise ValidationError(f"Tahun pada tanggal '{text}' tidak valid.")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise ValidationError(
            f"Tanggal '{text}' tidak ada: {month_name_id(month)} {year} "
            f"hanya sampai tanggal {last_day}."
        )
    return date(year, month, day)


@cache
def _month_names() -> dict[int, str]:
    return {int(k): str(v) for k, v in get_month_names("wide", locale=_LOCALE).items()}


@cache
def _month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for locale in ("en", _LOCALE):  # Indonesian last, so it wins any clash
        for width in ("abbreviated", "wide"):
            for number, name in get_month_names(width, locale=locale).items():
                lookup[str(name).upper().rstrip(".")] = int(number)
    lookup.update(_EXTRA_MONTH_NAMES)
    return lookup
