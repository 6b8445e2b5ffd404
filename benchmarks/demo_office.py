"""The demo office a benchmark measures: written into a temporary folder, or kept at a path.

`bench_beranda` and `bench_hub` take the same options for it (`--employees`, `--runs`, `--keep
PATH`, `--today`, `--profile`), write the demo unless the kept file already has people, and
open it again as the app does; they import this as a sibling module (`from demo_office import
...`), like `machine`.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import AppServices, open_services


def add_office_arguments(parser: argparse.ArgumentParser, *, runs: int, today: date) -> None:
    """The options every demo-office benchmark takes, with this benchmark's defaults."""
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=runs, help="runs timed after the first")
    parser.add_argument("--keep", type=Path, help="reuse (or leave) the demo database here")
    parser.add_argument("--today", type=date.fromisoformat, default=today)
    parser.add_argument("--profile", action="store_true", help="cProfile one run")


@dataclass(frozen=True)
class Office:
    """The demo office's database, and a temporary folder for what the benchmark writes."""

    path: Path
    folder: Path
    today: date

    def open(self) -> AppServices:
        """Open the office as the app does (an existing file, the benchmark's today)."""
        today = self.today
        return open_services(self.path, create=False, today=lambda: today)


@contextmanager
def demo_office(args: argparse.Namespace, prefix: str) -> Iterator[Office]:
    """The office of ``args`` (:func:`add_office_arguments`), written first unless kept.

    The temporary folder, and the office in it unless ``--keep`` named one, are removed after.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    path: Path = args.keep or folder / "kantor.sqlite"
    today: date = args.today
    try:
        services = open_services(path, today=lambda: today)
        try:
            if not services.staff.search_people("", 1):
                started = time.perf_counter()
                write_demo(services.database, employees=args.employees, today=today)
                print(f"Demo written in {time.perf_counter() - started:.1f} s")
        finally:
            services.close()
        yield Office(path, folder, today)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
