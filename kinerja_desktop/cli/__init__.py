"""The `kinerja-desktop` command: the GUI by default, plus a few batch commands.

This package is the composition root of the command line; it loads Qt only when it starts the
GUI. Each command family is one module with ``add_commands(commands)`` and ``run(args)``. Exit
codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 done; 1 the database file cannot be used (it
is left as it was, or the server cannot be used); 2 the input or the arguments are wrong and
nothing was written. ``--db`` names a file, a server URL or a saved server connection
(:mod:`kinerja_desktop.cli.target`).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from datetime import date

from kinerja_desktop import __version__
from kinerja_desktop.cli import (
    accounts,
    backup,
    check,
    ekinerja,
    handover,
    hub,
    hub_intake,
    hub_prefill,
    ikm,
    move,
    office,
    printing,
    staff_import,
)
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_STORAGE
from kinerja_desktop.cli.parser import IndonesianParser, db_argument, require_db
from kinerja_desktop.cli.target import ServerDatabase, resolve
from kinerja_desktop.domain.errors import DomainError, StorageError
from kinerja_desktop.paths import connections_file

#: Modules that add sub-commands, in the order ``--help`` lists them: each has
#: ``add_commands(commands)`` and ``run(args)``, which returns the exit code, or None when the
#: command is not theirs.
COMMAND_MODULES = (
    office,
    staff_import,
    check,
    backup,
    printing,
    ikm,
    handover,
    ekinerja,
    hub,
    hub_intake,
    hub_prefill,
    accounts,
    move,
)

#: Commands whose process skips the collector's walks at exit (`_spare_the_collection_at_exit`):
#: they close the database, the lock and every file they opened before they return.
_FROZEN_AT_EXIT = frozenset({"import-employees"})


def build_parser() -> argparse.ArgumentParser:
    parser = IndonesianParser(
        prog="kinerja-desktop", description="Kinerja Desktop: pengelolaan kinerja ASN"
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kinerja-desktop {__version__}",
        help="tampilkan versi lalu keluar",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="buka basis data sementara, jalankan migrasi, lalu keluar (untuk uji paket)",
    )
    db_argument(parser, required=False)
    parser.set_defaults(db=None)
    commands = parser.add_subparsers(
        dest="command", metavar="PERINTAH", title="perintah", parser_class=IndonesianParser
    )
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    return parser


def _run_command(args: argparse.Namespace) -> int | None:
    """Run the sub-command; None when there is none (then the GUI starts)."""
    if args.self_check:
        # The one place the command line reads the clock for the self-check.
        return office.self_check(date.today())
    for module in COMMAND_MODULES:
        result: int | None = module.run(args)
        if result is not None:
            return result
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` names, or the GUI when it names none; return the exit code.

    ``argv`` None means the process's own arguments: the program's entry points (the
    ``kinerja-desktop`` script, ``python -m kinerja_desktop``, the frozen build), whose process
    ends when this returns.
    """
    args = build_parser().parse_args(argv)
    require_db(args)
    if (result := _command_result(args)) is not None:
        if argv is None and args.command in _FROZEN_AT_EXIT:
            _spare_the_collection_at_exit()
        return result
    from kinerja_desktop.ui.application import run_gui  # Qt loads only for the GUI

    return run_gui(args.db.profile if isinstance(args.db, ServerDatabase) else args.db)


def _command_result(args: argparse.Namespace) -> int | None:
    """The sub-command's exit code, with a refusal told on stderr; None for the GUI."""
    try:
        # A file, or a server: a URL or a connection saved in Pengaturan (cli/target.py).
        args.db = resolve(args.db, args.command, connections_file())
        return _run_command(args)
    except StorageError as error:
        print(error.message, file=sys.stderr)
        return EXIT_STORAGE
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return EXIT_INPUT


def _spare_the_collection_at_exit() -> None:
    """Keep the ending process's last collections from walking what it has loaded.

    As the interpreter shuts down, the cyclic collector walks every object still alive, a few
    times: SQLAlchemy, the models and the services, 0.1-0.18 s of CPU after a staff import
    (docs/benchmarks.md). Frozen objects are not walked, and never collected: only for a
    process about to end, after a command that has closed everything it opened.
    """
    gc.freeze()
