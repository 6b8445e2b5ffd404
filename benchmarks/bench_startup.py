"""Start-up: time to a usable main window, the app against a bare QMainWindow, same run.

Run with `python benchmarks/bench_startup.py` (`--employees N` for a bigger demo office,
`--runs 7`). It writes the demo office, then starts, in fresh processes and in turn: a bare
PySide6 `QMainWindow`, the real app (`run_gui`) on the first start of the day (no automatic
backup of today yet) and the real app on a later start (today's backup exists). Each is timed
by `bench_foundation.py --child` from a clock reading taken just before the process starts to
the first run of its event loop (the window shown and answering), and for the app also to the
moment the window has its file (Beranda built: "filled"). Prints a Markdown section for
docs/benchmarks.md.

To compare with an earlier version, run this script with `PYTHONPATH` pointing at that
version's source tree: the children and the demo writer import `kinerja_desktop` from there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FOUNDATION = Path(__file__).with_name("bench_foundation.py")
#: The issue's target: the app within this many times a bare window.
TARGET_RATIO = 3.0
#: The first start of the day within this many times any other start.
TARGET_FIRST = 1.5


Timing = tuple[float, float, float, float]


def _time_child(mode: str, db: str) -> Timing:
    """Wall and CPU seconds to the first run of the event loop, then to the window filled.

    A bare window (or a version that fills its window before its loop runs) reports the
    first moment twice.
    """
    env = dict(os.environ)
    env["KINERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="kinerja-bench-")
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, str(FOUNDATION), "--child", mode, db],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    lines = done.stdout.splitlines()
    usable = next(line for line in lines if line.startswith("USABLE ")).split()
    filled = next((line for line in lines if line.startswith("FILLED ")), None)
    _, wall, cpu = usable
    _, filled_wall, filled_cpu = filled.split() if filled else usable
    return float(wall), float(cpu), float(filled_wall), float(filled_cpu)


def _take_todays_backup(db: Path) -> None:
    """What a first start leaves behind, whichever version ran (the new one quits before)."""
    from kinerja_desktop.services.app_services import open_services

    services = open_services(db, create=False)
    try:
        services.backups.automatic_backup()
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=0, help="0: the demo's own size")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--demo", type=Path, help="an office already written (not removed)")
    args = parser.parse_args()

    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.services.app_services import open_services

    folder = Path(tempfile.mkdtemp(prefix="kinerja-bench-startup-"))
    db = args.demo or folder / "demo.sqlite"
    services = open_services(db)
    if args.demo is None:
        if args.employees:
            write_demo(services.database, employees=args.employees)
        else:
            write_demo(services.database)
    people = services.staff.count()
    services.close()
    backups = db.parent / "backups"

    bare, first, later = [], [], []
    for _ in range(args.runs):
        bare.append(_time_child("bare", "-"))
        shutil.rmtree(backups, ignore_errors=True)
        first.append(_time_child("app", str(db)))
        _take_todays_backup(db)
        later.append(_time_child("app", str(db)))
    shutil.rmtree(folder, ignore_errors=True)

    from PySide6 import __version__ as pyside_version

    def median(runs: list[Timing], index: int) -> float:
        return statistics.median(run[index] for run in runs)

    bare_s, first_s, later_s = (median(v, 0) for v in (bare, first, later))
    bare_cpu, first_cpu, later_cpu = (median(v, 1) for v in (bare, first, later))
    filled_s, filled_cpu = median(later, 2), median(later, 3)
    print(f"Machine: {machine({'PySide6': pyside_version})}\n")
    print(f"Demo office of {people:,} people; median of {args.runs} runs each.\n")
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    for name, value in (("a later start", later_s), ("the first start of the day", first_s)):
        ratio = value / bare_s
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        print(
            f"| usable window, {name} | app {value:.3f} s, bare QMainWindow {bare_s:.3f} s: "
            f"{ratio:.2f}x | ≤ {TARGET_RATIO:.0f}x | {verdict} |"
        )
    print(
        f"| CPU seconds by then (median; steadier than the wall clock on a shared machine) | "
        f"a later start {later_cpu:.3f} s ({later_cpu / bare_cpu:.2f}x), the first start of the "
        f"day {first_cpu:.3f} s ({first_cpu / bare_cpu:.2f}x), bare {bare_cpu:.3f} s | | |"
    )
    print(
        f"| the window filled (Beranda built), a later start | {filled_s:.3f} s "
        f"({filled_s / bare_s:.2f}x), CPU {filled_cpu:.3f} s ({filled_cpu / bare_cpu:.2f}x) | | |"
    )
    first_ratio = first_s / later_s
    print(
        f"| first start of the day against a later one | {first_ratio:.2f}x | "
        f"≤ {TARGET_FIRST}x | {'met' if first_ratio <= TARGET_FIRST else 'MISSED'} |"
    )


if __name__ == "__main__":
    main()
