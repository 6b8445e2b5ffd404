"""A year's daily progress log written in bulk, shared by the benchmarks that need one.

`bench_progress` and `bench_handover` give every n-th active person one entry on each of a
list of working days; they import this as a sibling module (`from progress_log import ...`),
like `machine`.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kinerja_desktop.domain.working_days import WorkingCalendar
from kinerja_desktop.services.progress.holidays_id import national_holidays

#: The review statuses of the written entries, in proportion (mostly approved).
STATUSES = ("DISETUJUI",) * 7 + ("DIAJUKAN", "DIAJUKAN", "DIKEMBALIKAN")


def working_days(start: date, end: date) -> list[date]:
    """The working days from ``start`` to ``end`` (one year's national holidays off)."""
    return WorkingCalendar(national_holidays(start.year)).working_days(start, end)


def fill_log(path: Path, every: int, days: list[date]) -> tuple[int, int]:
    """Give every ``every``-th active person an entry per day (the log replaced).

    Each entry is against the person's first RHK of the year when they have an SKP. Returns
    the number of people and of entries in the log.
    """
    with sqlite3.connect(path) as connection:
        people = [
            row[0]
            for row in connection.execute("SELECT id FROM employees WHERE active ORDER BY id")
        ][::every]
        rhk_of = dict(
            connection.execute(
                "SELECT skps.employee_id, min(rhks.id) FROM rhks "
                "JOIN skps ON skps.id = rhks.skp_id "
                "WHERE skps.year = ? GROUP BY skps.employee_id",
                (days[0].year,),
            ).fetchall()
        )
        connection.execute("DELETE FROM progress_entries")
        rows = (
            (
                person,
                rhk_of.get(person),
                day.isoformat(),
                "08:00",
                "10:30",
                "Memverifikasi berkas permohonan layanan",
                "Buku register",
                1 + (person + n) % 12,
                "berkas",
                STATUSES[(person + n) % len(STATUSES)],
            )
            for person in people
            for n, day in enumerate(days)
        )
        connection.executemany(
            "INSERT INTO progress_entries (employee_id, rhk_id, day, start_time, end_time, "
            "activity, data_source, realisation, unit, evidence_link, evidence_file, "
            "evidence_sha256, evidence_name, status, review_note, reviewed_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', ?, '', '')",
            rows,
        )
        connection.execute("ANALYZE")
        total: int = connection.execute("SELECT count(*) FROM progress_entries").fetchone()[0]
    return len(people), total
