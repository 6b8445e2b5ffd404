"""Describe the machine a benchmark ran on, for the "Machine:" line of docs/benchmarks.md.

The benchmark scripts run as `python benchmarks/bench_x.py`, so they import this as a sibling
module: `from machine import machine`.
"""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Mapping
from pathlib import Path


def machine(libraries: Mapping[str, str]) -> str:
    """CPU, cores, memory, OS, Python, the given libraries (name: version) and SQLite."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = "".join(f"{name} {version}; " for name, version in libraries.items())
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {versions}"
        f"SQLite {sqlite3.sqlite_version}"
    )
