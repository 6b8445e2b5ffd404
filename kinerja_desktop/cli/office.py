"""The `demo` command and ``--self-check``: a whole office written from nothing.

``demo`` writes the demo office into a new (or empty) file; ``--self-check`` proves a build is
whole by writing a small demo office in a temporary folder, printing a form from it and showing
the main window once.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from kinerja_desktop.cli import printing
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.cli.target import ServerDatabase


def add_commands(commands: Commands) -> None:
    demo = commands.add_parser("demo", help="tulis kantor contoh (Kecamatan Kertapati)")
    db_argument(demo, required=True)
    demo.add_argument("--employees", type=int, default=40, metavar="N", help="jumlah pegawai")


def run(args: argparse.Namespace) -> int | None:
    """Run ``demo``; None for another command."""
    if args.command != "demo":
        return None
    return _demo(args.db, args.employees)


def self_check(today: date) -> int:
    """Prove a build is whole: migrations, Indonesian dates, the demo, and the main window.

    Args:
        today: The day the demo office and its printed form are made for.
    """
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.domain.dates import format_date_id
    from kinerja_desktop.services.app_services import open_services

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kinerja_desktop.ui.self_check import show_main_window_once

    if format_date_id(date(2026, 11, 28)) != "28 November 2026":
        print("self-check: Indonesian date formatting is broken", file=sys.stderr)
        return EXIT_STORAGE
    saved_data_dir = os.environ.get("KINERJA_DATA_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KINERJA_DATA_DIR"] = folder  # leave the user's settings and data alone
        services = open_services(Path(folder) / "self-check.sqlite")
        try:
            write_demo(services.database, employees=12, today=today)
            if not printing.self_check(services, today):
                print("self-check: printing a form failed", file=sys.stderr)
                return EXIT_STORAGE
            show_main_window_once(services)
        finally:
            services.close()
            if saved_data_dir is None:
                os.environ.pop("KINERJA_DATA_DIR", None)
            else:
                os.environ["KINERJA_DATA_DIR"] = saved_data_dir
    print("self-check ok")
    return EXIT_OK


def _demo(path: Path | ServerDatabase, employees: int) -> int:
    from kinerja_desktop.cli.target import open_database
    from kinerja_desktop.demo import write_demo

    if not 1 <= employees <= 100_000:
        print("Jumlah pegawai harus antara 1 dan 100000.", file=sys.stderr)
        return EXIT_INPUT
    services = open_database(path, create=True)
    try:
        summary = write_demo(services.database, employees=employees)
    finally:
        services.close()
    print(summary)
    return EXIT_OK
