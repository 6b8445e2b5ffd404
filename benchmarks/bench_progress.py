"""Daily progress benchmarks: a person's week and month, and a unit's month of completeness.

Run with `python benchmarks/bench_progress.py` (`--employees`, `--logging`, `--runs`, `--keep
PATH`). It writes the demo office (20,000 people by default), then gives every tenth active
person (2,000) one entry on each of 250 working days of the year (500,000 entries, written in
bulk with mixed statuses), then times, as the Progres Harian page calls them, a person's week
and month (`ProgressService.week` and `month_completeness`, what one refresh reads), a
unit's month (`unit_completeness`) for Kecamatan Kertapati and for the whole office, Beranda's
chart of the month per unit (`office_month`), one person's realisation draft of the year
(`realisation_draft`), and the e-Kinerja XLSX of a unit of about 40 people for a month
(`progress.ekinerja.write`, read and written to disk), after giving each of its people two
entries on every working day of that month. Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlalchemy
from machine import machine
from progress_log import STATUSES, fill_log, working_days

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.working_days import month_span
from kinerja_desktop.services.app_services import open_services

HOME = "Kecamatan Kertapati"
TARGETS_MS = {"person": 100.0, "unit": 1000.0, "draft": 500.0, "export": 1000.0}
#: The size of the unit whose month is exported for e-Kinerja (issue 17's target).
EXPORT_PEOPLE = 40
EXPORT_UNIT = "Bagian Uji Ekspor e-Kinerja"


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds of each run of ``action``: on the clock, and of this process's CPU.

    On a machine shared with other work the clock counts the waits too; the CPU time says
    what the action itself costs.
    """
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def export_unit(path: Path, size: int) -> tuple[str, list[int]]:
    """A unit of exactly ``size`` active people: a new "Bagian" under the office's top unit.

    The demo's units have the sizes of its structure; moving ``size`` of its people (the last
    ones by id, outside Kecamatan Kertapati) into a unit of their own gives the size the
    target names. A database kept from an earlier run (`--keep`) already has the unit: its
    people are read back, not moved again.
    """
    with sqlite3.connect(path) as connection:
        found = connection.execute("SELECT id FROM units WHERE name = ?", (EXPORT_UNIT,)).fetchone()
        if found is not None:
            query = "SELECT id FROM employees WHERE active AND unit_id = ? ORDER BY id DESC"
            return EXPORT_UNIT, [row[0] for row in connection.execute(query, found)]
        (root,) = connection.execute("SELECT id FROM units WHERE parent_id IS NULL").fetchone()
        (home,) = connection.execute("SELECT id FROM units WHERE name = ?", (HOME,)).fetchone()
        people = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM employees WHERE active AND unit_id != ? ORDER BY id DESC LIMIT ?",
                (home, size),
            )
        ]
        unit = connection.execute(
            "INSERT INTO units (name, kind, parent_id, city) VALUES (?, 'UNIT', ?, '')",
            (EXPORT_UNIT, root),
        ).lastrowid
        connection.executemany(
            "UPDATE employees SET unit_id = ? WHERE id = ?", [(unit, p) for p in people]
        )
    return EXPORT_UNIT, people


def fill_month(path: Path, people: list[int], days: list[date]) -> int:
    """Two entries a working day for each of ``people`` on ``days`` (theirs replaced)."""
    marks = ",".join("?" * len(people))
    with sqlite3.connect(path) as connection:
        connection.execute(
            f"DELETE FROM progress_entries WHERE employee_id IN ({marks}) AND day BETWEEN ? AND ?",
            (*people, days[0].isoformat(), days[-1].isoformat()),
        )
        rhk_of = dict(
            connection.execute(
                "SELECT skps.employee_id, min(rhks.id) FROM rhks "
                "JOIN skps ON skps.id = rhks.skp_id WHERE skps.year = ? GROUP BY skps.employee_id",
                (days[0].year,),
            ).fetchall()
        )
        rows = [
            (
                person,
                rhk_of.get(person),
                day.isoformat(),
                start,
                end,
                "Memverifikasi berkas permohonan layanan dan mencatatnya di register",
                "Buku register",
                1 + (person + n) % 12,
                "berkas",
                "https://drive.example.go.id/bukti/" + str(person) if n % 2 else "",
                STATUSES[(person + n) % len(STATUSES)],
            )
            for person in people
            for n, day in enumerate(days)
            for start, end in (("08:00", "10:30"), ("13:00", "15:30"))
        ]
        connection.executemany(
            "INSERT INTO progress_entries (employee_id, rhk_id, day, start_time, end_time, "
            "activity, data_source, realisation, unit, evidence_link, evidence_file, "
            "evidence_sha256, evidence_name, status, review_note, reviewed_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', ?, '', '')",
            rows,
        )
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--logging", type=int, default=10, help="every n-th person keeps a log")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the demo database here")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    path = args.keep or folder / "kantor.sqlite"
    today = date.today()
    try:
        services = open_services(path)
        if not services.staff.search_people("", 1):
            started = time.perf_counter()
            write_demo(services.database, employees=args.employees, today=today)
            print(f"Demo written in {time.perf_counter() - started:.1f} s")
        services.close()
        days = working_days(date(today.year, 1, 1), date(today.year, 12, 31))[:250]
        started = time.perf_counter()
        people, entries = fill_log(path, args.logging, days)
        print(f"{entries:,} entries for {people:,} people in {time.perf_counter() - started:.1f} s")

        export_name, export_people = export_unit(path, EXPORT_PEOPLE)
        month_days = [day for day in days if day.month == days[-1].month]
        exported = fill_month(path, export_people, month_days)
        print(
            f"{exported:,} entries for the {len(export_people)} people of {export_name} "
            f"in {month_days[0]:%Y-%m}"
        )

        services = open_services(path, create=False, today=lambda: days[-1])
        progress = services.progress
        units = services.staff.units()
        home = next(unit.id for unit in units if unit.name == HOME)
        exporting = next(unit.id for unit in units if unit.name == EXPORT_UNIT)
        root = next(unit.id for unit in units if unit.parent_id is None)
        with sqlite3.connect(path) as connection:
            (person,) = connection.execute(
                "SELECT employee_id FROM progress_entries GROUP BY employee_id "
                "ORDER BY employee_id LIMIT 1"
            ).fetchone()
        last = days[-1]
        skp = services.skp.get(person, last.year)
        assert skp is not None, "the benchmark's person has an SKP of the year"

        def person_refresh() -> object:
            progress.week(person, last)
            return progress.month_completeness(person, last.year, last.month)

        measures = {
            "a person's week and month (one page refresh)": (person_refresh, "person"),
            f"unit completeness, {HOME}": (
                lambda: progress.unit_completeness(home, last.year, last.month),
                "unit",
            ),
            "unit completeness, whole office": (
                lambda: progress.unit_completeness(root, last.year, last.month),
                "unit",
            ),
            f"e-Kinerja XLSX of {export_name}'s month ({len(export_people)} people, "
            f"{exported:,} entries)": (
                lambda: progress.ekinerja.write(
                    folder / "progres.xlsx", *month_span(last.year, last.month), unit_id=exporting
                ),
                "export",
            ),
            # Beranda's chart reads every unit's month, for the people who keep a log.
            "Beranda's completeness chart, whole office": (progress.office_month, "unit"),
            # "Isi dari progres harian…": a year of one person's entries (AKHIR).
            "realisation draft, one SKP, AKHIR": (
                lambda: progress.realisation_draft(skp.id, "AKHIR"),
                "draft",
            ),
        }
        whole = progress.unit_completeness(root, last.year, last.month)
        print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}\n")
        print(f"{len(whole.people):,} active people; month {last.year}-{last.month:02d}\n")
        print(f"Load average before measuring: {os.getloadavg()[0]:.1f}\n")
        print("| measure | median | max | CPU median | target |")
        print("|---|---|---|---|---|")
        for name, (action, target) in measures.items():
            action()  # warm the caches as a second look would
            found, cpu = timed(action, args.runs)
            print(
                f"| {name} | {statistics.median(found):,.0f} ms | {max(found):,.0f} ms | "
                f"{statistics.median(cpu):,.0f} ms | < {TARGETS_MS[target]:,.0f} ms |"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nPeak memory of the measuring process: {peak:.0f} MB.")
        services.close()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
