"""Hand-over package benchmarks: export a whole office, import it into an empty and a full one.

Run with `python benchmarks/bench_handover.py` (`--employees`, `--logging`, `--days`,
`--keep FOLDER`, `--steps export,new,same,copy`). It writes the demo office (20,000 people by
default) unless `--keep` holds one, gives every tenth active person a daily-progress entry on
each of the first 60 working days of the year (so the daily log has weight in the package),
then runs each step in its own process, so each peak is that step's alone:

- ``export``: the whole office to one package (`HandoverService.export`);
- ``new``: the package into a new, empty database (a new office from a package);
- ``same``: the package back into the office it came from (every record identical: the
  preview and the plan over the whole populated office, nothing written);
- ``copy``: the same into a fresh copy of the office, previewed first and then imported with
  that preview, as the app does (``same`` stops at "already received" once the office took
  the package).

Each step's wall time and peak memory (max RSS of its process, from `wait4`) are printed as a
Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy
from machine import machine
from progress_log import fill_log, working_days

from kinerja_desktop.services.app_services import open_services

DAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=7)))


def run_step(step: str, office: Path, package: Path, scratch: Path) -> None:
    """One measured step, in this (child) process."""
    cap = os.environ.get("BENCH_RECORDS_FILE_CAP_MB")
    if cap:
        # Only to measure an office whose package the app refuses (a records file over the
        # cap): the cap is raised in this benchmark process, never in the app.
        from kinerja_desktop.services.handover import package as package_module

        package_module.MAX_RECORDS_MEMBER_BYTES = int(cap) * 2**20
    if step == "export":
        services = open_services(office, create=False, today=lambda: DAY)
        result = services.handover.export(package, now=NOW)
        print(f"{result.records} records, {package.stat().st_size / 2**20:.0f} MB package")
    elif step == "new":
        target = scratch / "baru.sqlite"
        target.unlink(missing_ok=True)
        services = open_services(target, today=lambda: DAY)
        imported = services.handover.apply(package, back_up=False, now=NOW)
        print(f"{imported.added} added")
    elif step == "copy":
        # A fresh copy of the office each time (the office itself may have taken the package
        # already), previewed and then imported as the app does.
        target = scratch / "salinan.sqlite"
        shutil.copyfile(office, target)
        services = open_services(target, create=False, today=lambda: DAY)
        preview = services.handover.preview(package)
        imported = services.handover.apply(package, back_up=False, now=NOW, preview=preview)
        print(f"{imported.identical} identical, {imported.added} added")
    else:
        services = open_services(office, create=False, today=lambda: DAY)
        imported = services.handover.apply(package, back_up=False, now=NOW)
        print(f"{imported.identical} identical, {imported.added} added")
    services.close()


def write_office(office: Path, employees: int, logging: int, days: int) -> None:
    """Write the demo office and its daily log, in this (child) process."""
    # Imported here: a measured step's process has no use for the demo's modules.
    from kinerja_desktop.demo import write_demo

    services = open_services(office, today=lambda: DAY)
    started = time.perf_counter()
    write_demo(services.database, employees=employees, today=DAY)
    services.close()
    logged_days = working_days(date(DAY.year, 1, 1), DAY)[:days]
    _, entries = fill_log(office, logging, logged_days)
    print(f"Demo and {entries:,} log entries in {time.perf_counter() - started:.0f} s")


def measured(step: str, office: Path, package: Path, scratch: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak MB of one step in a child process.

    CPU time is what to compare between runs on a shared machine: wall time grows with the
    other processes' load, CPU time much less.
    """
    command = [sys.executable, __file__, "--step", step, "--keep", str(office.parent)]
    command += ["--package", str(package), "--scratch", str(scratch)]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"step {step} failed ({child.returncode})")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--logging", type=int, default=10, help="every n-th person keeps a log")
    parser.add_argument("--days", type=int, default=60, help="working days of log per person")
    parser.add_argument(
        "--no-log",
        action="store_true",
        help="empty the daily log (as a package of format 1 carried it) before measuring",
    )
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the demo office here")
    parser.add_argument("--steps", default="export,new,same")
    parser.add_argument(
        "--records-file-cap",
        type=int,
        metavar="MB",
        help="raise the package's per-records-file cap in the steps (a 20,000-person office)",
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--write", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--package", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-handover-"))
    folder.mkdir(parents=True, exist_ok=True)
    # The installation key goes to the benchmark's folder, not the user's app data.
    os.environ["KINERJA_DATA_DIR"] = str(folder / "appdata")
    if args.records_file_cap:
        os.environ["BENCH_RECORDS_FILE_CAP_MB"] = str(args.records_file_cap)
    office = folder / "kantor.sqlite"
    if args.step:
        run_step(args.step, office, args.package, args.scratch)
        return
    if args.write:
        write_office(office, args.employees, args.logging, args.days)
        return
    try:
        if not office.exists():
            # In a child of its own: Linux hands a process's peak memory on to the children it
            # starts afterwards (through fork and exec), so a parent that had written the
            # office itself made every step's peak read as the writing's (1.4 GB).
            command = [sys.executable, __file__, "--write", "--keep", str(folder)]
            command += ["--employees", str(args.employees), "--logging", str(args.logging)]
            subprocess.run([*command, "--days", str(args.days)], check=True)
        with sqlite3.connect(office) as connection:
            if args.no_log:
                for table in ("progress_entries", "leave_days", "office_days_off"):
                    connection.execute(f"DELETE FROM {table}")
            people = connection.execute("SELECT count(*) FROM employees").fetchone()[0]
            entries = connection.execute("SELECT count(*) FROM progress_entries").fetchone()[0]
        size = office.stat().st_size / 2**20
        package = folder / "paket.zip"
        scratch = Path(tempfile.mkdtemp(prefix="bench-handover-scratch-"))
        rows = []
        for step in args.steps.split(","):
            load = os.getloadavg()[0]
            seconds, cpu, peak = measured(step, office, package, scratch)
            rows.append((step, seconds, cpu, peak, load))
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"\nMachine: {machine({'SQLAlchemy': sqlalchemy.__version__})}")
        print(f"{people:,} people, {entries:,} log entries, database {size:.0f} MB\n")
        print("| step | wall time | CPU time | peak memory (max RSS) | load average at start |")
        print("|---|---|---|---|---|")
        names = {
            "export": "export, whole office",
            "new": "import into a new office",
            "same": "import into the same office (all identical)",
            "copy": "preview and import into a copy of the same office (all identical)",
        }
        for step, seconds, cpu, peak, load in rows:
            print(
                f"| {names[step]} | {seconds:.1f} s | {cpu:.1f} s | {peak:,.0f} MB | {load:.1f} |"
            )
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"\nPeak of this process (each step's peak includes it): {own} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
