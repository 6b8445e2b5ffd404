"""Beranda's items for the daily progress log: gaps in the last working days, entries to review.

Only people who keep a log this year are looked at, so an office that does not use Progres
Harian in the app is not told about everyone. The working days are the office's (national
holidays, its days off and each person's leave left out).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.domain.attention import AttentionItem, Severity, name_list
from kinerja_desktop.domain.staff import EmployeeId
from kinerja_desktop.services.progress.calendar import calendar_between
from kinerja_desktop.services.progress.holidays_id import national_holidays

#: How many working days before today Beranda looks back for days without progress.
RECENT_WORKING_DAYS = 5
#: Calendar days searched for them (enough for a week of holidays such as Lebaran).
_LOOK_BACK = 21


def progress_check(session: Session, today: date) -> list[AttentionItem]:
    """People with working days lately without a submitted entry, and entries awaiting review."""
    found: list[AttentionItem] = []
    start = today - timedelta(days=_LOOK_BACK)
    end = today - timedelta(days=1)
    keeping = repo.people_with_entries(session, date(today.year, 1, 1), today)
    waiting = repo.people_awaiting_review(session)
    if not keeping and not waiting:
        return found
    people = {person.id: person for person in repo.people_in_units(session, None)}
    calendar = calendar_between(session, start, end, national_holidays)
    recent = calendar.working_days(start, end)[-RECENT_WORKING_DAYS:]
    if recent:
        statuses = repo.statuses_in_units(session, None, recent[0], recent[-1])
        leave = repo.leave_in_units(session, None, recent[0], recent[-1])
        behind = [
            person
            for person_id, person in people.items()
            if person_id in keeping
            and any(
                day not in leave.get(person_id, set())
                and not any(s.counts_as_filled for s in statuses.get(person_id, {}).get(day, ()))
                for day in recent
            )
        ]
        if behind:
            found.append(
                AttentionItem(
                    Severity.INFO,
                    f"{len(behind)} pegawai belum mengajukan progres harian untuk semua "
                    f"{len(recent)} hari kerja terakhir",
                    name_list([person.name for person in behind]),
                    tuple(EmployeeId(person.id) for person in behind),
                )
            )
    reviewed = [people[person_id] for person_id in sorted(waiting) if person_id in people]
    reviewed.sort(key=lambda person: (person.name, person.id))
    if reviewed:
        # No total of entries in the title: Beranda recounts only the people for an account
        # that sees some of them, and a total would count the others' entries too.
        found.append(
            AttentionItem(
                Severity.INFO,
                f"{len(reviewed)} pegawai menunggu persetujuan progres harian",
                name_list([person.name for person in reviewed]),
                tuple(EmployeeId(person.id) for person in reviewed),
            )
        )
    return found
