"""Beranda's chart of the daily log: the month so far per unit, filled against working days.

Only people who keep a log this year are counted (an office that does not use Progres Harian in
the app sees no chart), and only those the account may see. A unit's bar adds up its people's
filled days against their working days (each person's leave left out); people below the
threshold are named under it. A fixed number of queries whatever the office's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.progress import Completeness, completeness
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.progress.calendar import HolidayLookup, calendar_between

#: People whose month is below this percentage are named under their unit's bar.
BELOW_PERCENT = 80
#: The unit name of people without a unit.
NO_UNIT = "Tanpa unit"


@dataclass(frozen=True)
class PersonMonth:
    """One person's month under their unit's bar."""

    employee_id: int
    name: str
    nip: str
    completeness: Completeness


@dataclass(frozen=True)
class UnitMonth:
    """One unit's bar: its people's filled days against their working days.

    Attributes:
        below: The people under the threshold, lowest first.
    """

    unit_id: int | None
    unit_name: str
    people: int
    working_days: int
    filled_days: int
    below: tuple[PersonMonth, ...]

    @property
    def percent(self) -> int:
        """Filled days as a whole percentage (100 with no working day yet)."""
        if self.working_days == 0:
            return 100
        return self.filled_days * 100 // self.working_days


@dataclass(frozen=True)
class OfficeMonth:
    """The month up to ``counted_until``, unit by unit (by name); no units: nobody keeps a log."""

    year: int
    month: int
    counted_until: date
    threshold: int
    units: tuple[UnitMonth, ...]


def office_month_in(
    session: Session,
    access: AccessGuard,
    start: date,
    end: date,
    holidays: HolidayLookup,
    *,
    threshold: int = BELOW_PERCENT,
) -> OfficeMonth:
    """The month from ``start`` to ``end`` (today while it runs), inside the caller's session."""
    keeping = repo.people_with_entries(session, date(end.year, 1, 1), end)
    if not keeping:
        return OfficeMonth(start.year, start.month, end, threshold, ())
    units_of = repo.units_of_people(session)
    people = access.keep(
        session,
        [person for person in repo.people_in_units(session, None) if person.id in keeping],
        lambda person: person.id,
    )
    if not people:
        return OfficeMonth(start.year, start.month, end, threshold, ())
    names: dict[int, str] = {unit.id: unit.name for unit in staff_repo.all_units(session)}
    calendar = calendar_between(session, start, end, holidays)
    statuses = repo.statuses_in_units(session, None, start, end)
    leave = repo.leave_in_units(session, None, start, end)
    office_days = calendar.working_days(start, end)
    rows: dict[int | None, list[PersonMonth]] = {}
    for person in people:
        away = leave.get(person.id)
        days = [day for day in office_days if day not in away] if away else office_days
        month = completeness(person.id, days, statuses.get(person.id, {}))
        rows.setdefault(units_of.get(person.id), []).append(
            PersonMonth(person.id, person.name, person.nip, month)
        )
    units = []
    for unit_id, found in rows.items():
        below = sorted(
            (row for row in found if row.completeness.percent < threshold),
            key=lambda row: (row.completeness.percent, row.name),
        )
        units.append(
            UnitMonth(
                unit_id,
                names.get(unit_id, NO_UNIT) if unit_id is not None else NO_UNIT,
                len(found),
                sum(row.completeness.working_days for row in found),
                sum(row.completeness.filled_days for row in found),
                tuple(below),
            )
        )
    units.sort(key=lambda unit: (unit.unit_name.casefold(), unit.unit_id or 0))
    return OfficeMonth(start.year, start.month, end, threshold, tuple(units))
