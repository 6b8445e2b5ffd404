"""Beranda benchmarks: the attention items with 20,000 people, and searching while they load.

Run with `python benchmarks/bench_beranda.py` (`--employees`, `--runs`, `--keep PATH`,
`--profile`). It writes the demo office (20,000 people by default) unless `--keep` names one
already written, opens it as the app does and times `AttentionService.items(today)` as Beranda
calls it: the first load of the session (the one that runs the file's `quick_check`) and the
refreshes after it. Then it types the Pegawai search as the staff list runs it (`find_ids`, then
the first 40 rows: ten words a letter at a time, 50 queries) on the main thread, first alone
and then while a second thread loads Beranda's items over and over (the GUI loads them with
`ui/workers.run_in_background`), and gives the median and p95 of both. Where the service can
run its checks in a worker process (`AttentionService.run_apart`, as the GUI does), the loads
during the search run there, and one refresh there is timed too. The script uses only
services that existed before the checks were rewritten, so running it with `PYTHONPATH` on an
older checkout measures "before" on the same file. Prints a Markdown section for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date

import sqlalchemy
from demo_office import add_office_arguments, demo_office
from machine import machine

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffFilter

#: What is typed into Pegawai's search, a letter at a time (as bench_foundation types it).
TYPED_WORDS = ("siti", "ahmad", "19850", "perawat", "kertapati")
#: The rows a screen of the staff list shows.
ROWS_SHOWN = 40
TARGET_SEARCH_P95_MS = 80.0


def milliseconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def percentile_95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def search_latencies(services: AppServices) -> list[float]:
    """Milliseconds of each query typed, as the staff list runs it: ids, then the first rows."""

    def query(text: str) -> None:
        ids = services.staff.find_ids(StaffFilter(text=text))
        services.staff.list_rows(ids[:ROWS_SHOWN])

    return [
        milliseconds(lambda typed=word[:length]: query(typed))
        for word in TYPED_WORDS * 2
        for length in range(1, len(word) + 1)
    ]


def search_while_beranda_loads(services: AppServices, today: date) -> tuple[list[float], int]:
    """Search latencies while another thread loads Beranda's items; and how many loads ran."""
    stop = threading.Event()
    loads = 0

    def load_again_and_again() -> None:
        nonlocal loads
        while not stop.is_set():
            services.attention.items(today)
            loads += 1

    loader = threading.Thread(target=load_again_and_again, daemon=True)
    loader.start()
    time.sleep(0.2)  # the load is under way before the first letter is typed
    try:
        latencies = search_latencies(services)
    finally:
        stop.set()
        loader.join()
    return latencies, loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_office_arguments(parser, runs=5, today=date.today())
    args = parser.parse_args()

    with demo_office(args, "bench-beranda-") as office:
        today = office.today
        services = office.open()
        people = len(services.staff.find_ids(StaffFilter()))
        first = milliseconds(lambda: services.attention.items(today))
        refreshes = [
            milliseconds(lambda: services.attention.items(today)) for _ in range(args.runs)
        ]
        items = services.attention.items(today)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(services.attention.items, today)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        alone = search_latencies(services)
        run_apart = getattr(services.attention, "run_apart", None)
        apart: list[float] = []
        if run_apart is not None:
            run_apart()
            apart = [milliseconds(lambda: services.attention.items(today)) for _ in range(2)]
        loading, loads = search_while_beranda_loads(services, today)
        services.close()

        print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}\n")
        print(f"{people:,} active people; {len(items)} items on {today.isoformat()}\n")
        print("| measure | median | p95 | target |")
        print("|---|---|---|---|")
        print(f"| Beranda's items, first load of the session | {first:,.0f} ms | | |")
        print(
            f"| Beranda's items, a refresh ({args.runs} runs) | "
            f"{statistics.median(refreshes):,.0f} ms | {max(refreshes):,.0f} ms (max) | |"
        )
        if apart:
            print(
                f"| Beranda's items in the worker process: its first load (process start and "
                f"quick_check), a refresh | {apart[0]:,.0f} ms, {apart[1]:,.0f} ms | | |"
            )
        where = "in the worker process" if apart else "on a thread"
        for name, found in (
            ("search, 50 queries, alone", alone),
            (f"search, 50 queries, while Beranda loads {where} ({loads} loads)", loading),
        ):
            print(
                f"| {name} | {statistics.median(found):.1f} ms | {percentile_95(found):.1f} ms | "
                f"p95 ≤ {TARGET_SEARCH_P95_MS:.0f} ms |"
            )


if __name__ == "__main__":
    main()
