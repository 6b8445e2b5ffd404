"""`kinerja-desktop hub isian-awal`: the Pemda hub writes an OPD's prefill package.

``hub isian-awal --db PATH [--unit PATH] --tahun 2026 --ke FILE.zip`` writes the signed
prefill package (paket isian awal, `services.hub.prefill`) of one OPD (``--unit``: its path
"Pemerintah Kota Palembang / Kecamatan Kertapati" or a name only one unit has), or of every
unit, for the year: its register and the year's settings, nothing a unit writes itself. A new
installation starts from it (the first start, or ``kinerja-desktop import --db NEW FILE``). It
only reads the hub (no lock, no backup), as ``rekap-pemda`` does.

Exit codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 written; 1 the database cannot be used;
2 an unknown unit, a year out of range or a file that cannot be written (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.cli.hub_intake import HUB, hub_commands
from kinerja_desktop.cli.parser import Commands, db_argument

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices

PREFILL = "isian-awal"


def add_commands(commands: Commands) -> None:
    """Add ``hub isian-awal`` to the main parser's ``commands`` (argparse sub-parsers)."""
    parser = hub_commands(commands).add_parser(
        PREFILL,
        help="tulis paket isian awal OPD (register, pohon unit, skema tahun) untuk kantor baru",
    )
    db_argument(parser, required=True)
    parser.add_argument(
        "--unit",
        metavar="PATH",
        help="OPD beserta sub-unitnya (jalur 'A / B' atau nama yang hanya dimiliki satu unit); "
        "tanpa --unit: semua unit",
    )
    parser.add_argument("--tahun", type=int, required=True, metavar="Y", help="tahun, mis. 2026")
    parser.add_argument("--ke", type=Path, required=True, metavar="FILE", help="berkas paket .zip")


def run(args: argparse.Namespace) -> int | None:
    """Run ``hub isian-awal``; None when the command is another one."""
    if args.command != HUB or getattr(args, "hub_command", None) != PREFILL:
        return None
    from functools import partial

    from kinerja_desktop.cli.target import with_database

    return with_database(args.db, partial(_export, args=args), locked=False)


def _export(services: AppServices, args: argparse.Namespace) -> int:
    from kinerja_desktop.services.handover import default_key_folder
    from kinerja_desktop.services.hub.prefill import PrefillService

    unit = services.handover.find_unit(args.unit) if args.unit else None
    prefill = PrefillService(services.database, default_key_folder(), services.access)
    written = prefill.export(args.ke, year=args.tahun, unit=unit)
    _say("\n".join(written.summary_lines()))
    return EXIT_OK


def _say(text: str, *, error: bool = False) -> None:
    """Write a line to stdout, or to stderr for a message about a problem."""
    (sys.stderr if error else sys.stdout).write(text + "\n")
