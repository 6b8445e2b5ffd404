"""Rekap Pemda benchmark: the recap of a 20,000-person office of many OPDs, and its XLSX.

Run with `python benchmarks/bench_hub.py` (`--employees`, `--runs`, `--keep PATH`, `--today`,
`--profile`). It writes the demo office (20,000 people by default: a kecamatan and its
puskesmas per 160 people, so 250 OPDs) unless `--keep` names one already written, opens it as
the app does and times `HubRecapService.recap` for an ended period (Triwulan III: every stage
recorded) and the running one (Triwulan IV), the whole office as the system and as the demo's
camat (a kepala unit); then the workbook `write_recap` writes, and the number of statements
one recap reads. Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time
from collections.abc import Callable
from datetime import date

import sqlalchemy
from demo_office import add_office_arguments, demo_office
from machine import machine
from sqlalchemy import event

from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.hub.workbook import write_recap


def seconds(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """The first run and the median of the ``runs`` after it, in seconds."""
    timings = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return timings[0], statistics.median(timings[1:])


def statements(services: AppServices, action: Callable[[], object]) -> int:
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(services.database.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(services.database.engine, "before_cursor_execute", record)
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_office_arguments(parser, runs=3, today=date(2026, 11, 28))
    args = parser.parse_args()

    with demo_office(args, "bench-hub-") as office:
        today, folder = office.today, office.folder
        services = office.open()
        hub = services.hub_recap
        rows: list[tuple[str, float, float]] = []
        for code in ("TW3", "TW4"):
            first, median = seconds(lambda c=code: hub.recap(today.year, c, today), args.runs)
            rows.append((f"recap, whole office (system), {code}", first, median))
        recap = hub.recap(today.year, "TW3", today)
        count = statements(services, lambda: hub.recap(today.year, "TW3", today))
        target = folder / "rekap.xlsx"
        first, median = seconds(lambda: write_recap(recap, target), args.runs)
        rows.append(("`write_recap` (the four sheets), TW3", first, median))
        size = target.stat().st_size
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(hub.recap, today.year, "TW3", today)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        services.accounts.sign_in("camat", DEMO_PASSWORD)
        first, median = seconds(lambda: hub.recap(today.year, "TW3", today), args.runs)
        camat = hub.recap(today.year, "TW3", today)
        rows.append(("recap as the camat (kepala unit), TW3", first, median))
        services.close()

        print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}")
        print(f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print(
            f"{recap.total.people:,} active people in {len(recap.opds)} OPD; the camat sees "
            f"{camat.total.people:,} in {sum(1 for row in camat.opds if row.people)} OPD; one "
            f"recap reads {count} statements; the workbook is {size / 1024:.0f} KiB\n"
        )
        print(f"| measure | first | median of {args.runs} after it |")
        print("|---|---|---|")
        for name, first, median in rows:
            print(f"| {name} | {first:.2f} s | {median:.2f} s |")


if __name__ == "__main__":
    main()
