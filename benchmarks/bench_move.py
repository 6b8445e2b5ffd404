"""`kinerja-desktop move` benchmark: a demo office to a PostgreSQL server and back to a file.

Run with `python benchmarks/bench_move.py` (`--employees`, default 2,000; `--keep FOLDER` to
reuse the demo office; `--server postgresql://...` for a server of your own, whose database
must be empty; `--batch` rows per batch). Without `--server` it starts the tests' throw-away
cluster (`tests/postgres_server.py`, Debian's `postgresql` package). Each step runs in its own
process, so its peak memory is its own: the office file to the server, then the server back to
a new file. Wall time, CPU time of the moving process (the server's own CPU is not in it) and
peak memory (max RSS, from `wait4`) are printed as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import sqlalchemy
from machine import machine

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.platform.move import move_office

DAY = date(2026, 11, 28)
TESTS = Path(__file__).resolve().parents[1] / "tests"


def measured(source: str, target: str, batch: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak MB of one move in a child process."""
    command = [sys.executable, __file__, "--step", source, target, "--batch", str(batch)]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"move {source} -> {target} failed")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def _step(source: str, target: str, batch: int) -> None:
    report = move_office(source, target, batch_rows=batch)
    print(report.lines[-1], f"({sum(c.target for c in report.counts):,} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=2_000)
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the demo office here")
    parser.add_argument("--server", help="an empty PostgreSQL database (default: a throw-away)")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--step", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-move-"))
    folder.mkdir(parents=True, exist_ok=True)
    # The installation key goes to the benchmark's folder, not the user's app data.
    os.environ["KINERJA_DATA_DIR"] = str(folder / "appdata")
    if args.step:
        _step(*args.step, args.batch)
        return
    office = folder / "kantor.sqlite"
    server = None
    try:
        if not office.exists():
            services = open_services(office, today=lambda: DAY)
            started = time.perf_counter()
            write_demo(services.database, employees=args.employees, today=DAY)
            services.close()
            print(f"Demo of {args.employees:,} people in {time.perf_counter() - started:.0f} s")
        url = args.server
        if url is None:
            sys.path.insert(0, str(TESTS))
            from postgres_server import start_server

            server = start_server()
            admin = sqlalchemy.create_engine(server.url(), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(sqlalchemy.text("CREATE DATABASE bench_move"))
            admin.dispose()
            url = server.url("bench_move").render_as_string(hide_password=False)
        back = folder / "kembali.sqlite"
        back.unlink(missing_ok=True)
        size = office.stat().st_size / 2**20
        rows = []
        for name, source, target in (
            ("file -> server", str(office), url),
            ("server -> new file", url, str(back)),
        ):
            load = os.getloadavg()[0]
            rows.append((name, *measured(source, target, args.batch), load))
        print(f"\nMachine: {machine({'SQLAlchemy': sqlalchemy.__version__})}")
        print(f"{args.employees:,} people, database {size:.0f} MB, batches of {args.batch}\n")
        print("| move | wall time | CPU time | peak memory (max RSS) | load average at start |")
        print("|---|---|---|---|---|")
        for name, seconds, cpu, peak, load in rows:
            print(f"| {name} | {seconds:.1f} s | {cpu:.1f} s | {peak:,.0f} MB | {load:.1f} |")
    finally:
        if server is not None:
            server.stop()
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
