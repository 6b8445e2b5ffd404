"""`kinerja-desktop hub terima`: the hub takes every unit package waiting in a folder.

``hub terima --db PATH --folder DIR [--laporan FILE.xlsx]`` takes every ``*.zip`` in ``DIR``
in the order of sender, scope and number, each in its own transaction (``services.hub.intake``),
moves each into ``DIR/diterima/`` or ``DIR/ditolak/``, prints one line per package and, with
``--laporan``, writes the per-unit report. It opens the office as a writing command does (the
one-writer lock, the daily backup); before the first package it writes, a SQLite file gets one
safety backup (a server's backups are its own).

Exit codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 every package was taken or had been
already; 1 the database cannot be used (or could not be written, and the intake stopped; the
packages not looked at stay in the folder); 2 a package was refused (the others were still
taken), the folder does not exist or cannot be read, or the report cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, IndonesianParser, db_argument

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices

#: The command family every hub command hangs under (``hub terima``, ``hub isian-awal``).
HUB = "hub"
COMMAND = "terima"


def hub_commands(commands: Commands) -> Commands:
    """The sub-commands of ``hub``, made on first use, so each hub module adds its own."""
    parser = commands.choices.get(HUB)
    if parser is None:
        parser = commands.add_parser(
            HUB, help="perintah hub Pemda (paket unit masuk, paket isian awal)"
        )
        parser.set_defaults(hub_command=None)
        found: Commands = parser.add_subparsers(
            dest="hub_command",
            metavar="PERINTAH",
            title="perintah hub",
            parser_class=IndonesianParser,
            required=True,
        )
        parser.set_defaults(_hub_commands=found)
        return found
    existing: Commands = parser.get_default("_hub_commands")
    return existing


def add_commands(commands: Commands) -> None:
    """Add ``hub terima`` to the main parser's ``commands`` (argparse sub-parsers)."""
    parser = hub_commands(commands).add_parser(
        COMMAND, help="terima semua paket unit dalam satu folder, tanpa ditunggui"
    )
    db_argument(parser, required=True)
    parser.add_argument(
        "--folder", type=Path, required=True, metavar="DIR", help="folder paket yang masuk"
    )
    parser.add_argument(
        "--laporan", type=Path, metavar="FILE", help="laporan per unit sebagai .xlsx"
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``hub terima``; None when the command is another one."""
    if args.command != HUB or getattr(args, "hub_command", None) != COMMAND:
        return None
    from functools import partial

    from kinerja_desktop.cli.target import with_database

    return with_database(args.db, partial(_receive, args=args))


def _receive(services: AppServices, args: argparse.Namespace) -> int:
    from kinerja_desktop.services.hub.intake import Outcome
    from kinerja_desktop.services.hub.intake_report import write_intake_report

    report = services.hub_intake.receive(args.folder)
    _say("\n".join(report.summary_lines()))
    if args.laporan is not None:
        write_intake_report(report, args.laporan)
        _say(f"Laporan penerimaan ditulis ke {args.laporan}.")
    if report.stopped:
        _say(report.stopped, error=True)
        return EXIT_STORAGE
    if report.count(Outcome.REFUSED):
        _say(
            f"{report.count(Outcome.REFUSED)} paket ditolak dan dipindahkan ke "
            f"{args.folder / 'ditolak'}; paket lain tetap diterima.",
            error=True,
        )
        return EXIT_INPUT
    return EXIT_OK


def _say(text: str, *, error: bool = False) -> None:
    """Write a line to stdout, or to stderr for a message about a problem."""
    (sys.stderr if error else sys.stdout).write(text + "\n")
