"""The working-day calendar as data: the office's days off (cuti bersama, local days), leave days.

National holidays come from ``holidays_id.national_holidays`` (or whatever lookup the caller
injects); the office adds the year's cuti bersama from the SKB and its local days, and the
people's leave. The app seeds no cuti bersama: the reference lists none for 2026.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action, Capability
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.domain.working_days import (
    OFFICE_KINDS,
    DayOff,
    DayOffKind,
    WorkingCalendar,
)
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.progress.holidays_id import national_holidays

#: The national holidays of a year by day; the holidays package unless a test gives another.
HolidayLookup = Callable[[int], Mapping[date, str]]

#: The longest name of a day off and note of a leave, in characters.
NAME_MAX = 200
#: The longest leave marked at once (a year of cuti besar is the longest leave there is).
LEAVE_MAX_DAYS = 366


def calendar_between(
    session: Session, start: date, end: date, holidays: HolidayLookup
) -> WorkingCalendar:
    """The office's calendar for the days from ``start`` to ``end``."""
    national: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        national.update(holidays(year))
    office = {found.day: found for found in repo.office_days(session, start, end)}
    return WorkingCalendar(national, office)


@dataclass(frozen=True)
class YearCalendar:
    """A year's days off as the office sees them.

    Attributes:
        national: The national holidays (read-only: they come from the holidays package).
        office: The office's own days off, editable.
    """

    year: int
    national: tuple[DayOff, ...]
    office: tuple[DayOff, ...]


class CalendarService:
    """Reads the calendar and keeps the office's days off and people's leave days."""

    def __init__(
        self, database: Database, access: AccessGuard, holidays: HolidayLookup = national_holidays
    ) -> None:
        self._db = database
        self._access = access
        self.holidays = holidays

    def year(self, year: int) -> YearCalendar:
        with self._db.reading() as session:
            office = repo.office_days(session, date(year, 1, 1), date(year, 12, 31))
        national = tuple(
            DayOff(day, DayOffKind.LIBUR_NASIONAL, name)
            for day, name in sorted(self.holidays(year).items())
        )
        return YearCalendar(year, national, tuple(office))

    def set_office_day(self, day: date, kind: DayOffKind | str, name: str) -> None:
        """Add (or rename) a cuti bersama or local day off for the whole office.

        Raises:
            ValidationError: an unknown kind (field ``kind``) or a name too long (``name``).
            AccessDeniedError: only the admin sets the office's calendar.
        """
        try:
            parsed = DayOffKind(kind)
        except ValueError:
            parsed = None
        if parsed not in OFFICE_KINDS or parsed is None:
            raise ValidationError("Pilih jenis hari: cuti bersama atau libur lokal.", field="kind")
        clean = checked_text(
            name,
            field="name",
            label="Keterangan hari libur",
            max_length=NAME_MAX,
            hint="mis. Cuti bersama Idul Fitri.",
        )
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> None:
            repo.set_office_day(session, day, parsed, clean)

        self._db.run(work)

    def remove_office_day(self, day: date) -> None:
        """Remove an office day off.

        Raises:
            NotFoundError: the day is not one of the office's days off.
        """
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> None:
            if not repo.remove_office_day(session, day):
                raise NotFoundError(
                    f"{format_date_id(day)} bukan hari libur kantor; tidak ada yang dihapus."
                )

        self._db.run(work)

    def leave_days(self, employee_id: int, year: int) -> dict[date, str]:
        with self._db.reading() as session:
            self._require_person(session, employee_id, Action.VIEW)
            return repo.leave_days(session, employee_id, date(year, 1, 1), date(year, 12, 31))

    def set_leave(self, employee_id: int, start: date, end: date, note: str = "") -> int:
        """Mark a person's leave from ``start`` to ``end``; returns the days marked.

        Weekends and holidays in the span are not marked: they are not working days anyway.

        Raises:
            ValidationError: ``end`` before ``start`` (field ``end``), a span longer than a
                year, or a note too long (``note``).
        """
        if end < start:
            raise ValidationError(
                f"Tanggal akhir cuti ({format_date_id(end)}) sebelum tanggal mulai "
                f"({format_date_id(start)}).",
                field="end",
            )
        if (end - start).days + 1 > LEAVE_MAX_DAYS:
            raise ValidationError(
                f"Cuti paling lama {LEAVE_MAX_DAYS} hari sekali catat.", field="end"
            )
        clean = checked_text(
            note, field="note", label="Keterangan cuti", max_length=NAME_MAX, required=False
        )

        def work(session: Session) -> int:
            self._require_person(session, employee_id, Action.EDIT)
            calendar = calendar_between(session, start, end, self.holidays)
            days = calendar.working_days(start, end)
            repo.set_leave(session, employee_id, days, clean)
            return len(days)

        return self._db.run(work)

    def remove_leave(self, employee_id: int, start: date, end: date) -> int:
        """Unmark a person's leave from ``start`` to ``end``; returns the days unmarked."""
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]

        def work(session: Session) -> int:
            self._require_person(session, employee_id, Action.EDIT)
            return repo.remove_leave(session, employee_id, days)

        return self._db.run(work)

    def _require_person(self, session: Session, employee_id: int, action: Action) -> None:
        if staff_repo.find_employee(session, employee_id) is None:
            raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
        self._access.require_person(session, employee_id, action)
