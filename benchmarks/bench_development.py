"""Development benchmarks: the unit view, Beranda's development items and the training plan.

Run with `python benchmarks/bench_development.py` (`--employees`, `--runs`, `--keep PATH`). It
writes the demo office (20,000 people by default; every tenth person is rated and has a plan,
as the demo does for a load test), then times, as the screens call them, the unit view of the
whole office and of one kecamatan (`DevelopmentOverviewService.unit`), Beranda's development
check (`follow_up_check`, run off the GUI thread) and writing the kecamatan's training plan as
XLSX. Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlalchemy
from machine import machine

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.development.overview import follow_up_check

HOME = "Kecamatan Kertapati"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each run of ``action``."""
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        results.append((time.perf_counter() - start) * 1000)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the demo database here")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-development-"))
    path = args.keep or folder / "kantor.sqlite"
    today = date.today()
    try:
        services = open_services(path)
        if not services.staff.search_people("", 1):
            started = time.perf_counter()
            write_demo(services.database, employees=args.employees, today=today)
            print(f"Demo written in {time.perf_counter() - started:.1f} s")
        overview = services.development_overview
        home = next(unit.id for unit in services.staff.units() if unit.name == HOME)

        def check() -> object:
            with services.database.reading() as session:
                return follow_up_check(session, today)

        export_target = folder / "rencana.xlsx"
        measures = {
            "unit view, whole office": lambda: overview.unit(today.year, today),
            f"unit view, {HOME}": lambda: overview.unit(today.year, today, home),
            "Beranda development check": check,
            f"training plan XLSX, {HOME}": lambda: overview.export_xlsx(
                overview.unit(today.year, today, home), export_target
            ),
        }
        whole = overview.unit(today.year, today)
        print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}\n")
        print(
            f"{len(whole.people)} active people, "
            f"{sum(1 for _ in whole.items)} plan items, "
            f"{sum(1 for line in whole.people if line.jpm)} people rated\n"
        )
        print("| measure | median | max |")
        print("|---|---|---|")
        for label, action in measures.items():
            results = timed(action, args.runs)
            print(f"| {label} | {statistics.median(results):.0f} ms | {max(results):.0f} ms |")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nPeak memory (ru_maxrss) {peak:.0f} MB")
        services.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
