"""The command line's argparse pieces, speaking Indonesian: help, usage and argument errors."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn, TypeAlias

from kinerja_desktop.cli.exit_codes import EXIT_INPUT
from kinerja_desktop.cli.target import database_value

#: The main parser's sub-commands, to which each command module adds its own.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: argparse's own English messages, as users see them in Indonesian.
_ARGPARSE_MESSAGES = (
    ("the following arguments are required", "argumen berikut wajib diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid int value", "bukan bilangan bulat"),
    ("invalid choice", "pilihan tidak dikenal"),
    ("expected one argument", "butuh satu nilai"),
    ("choose from", "pilih dari"),
    ("argument ", "argumen "),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        # argparse passes prefix "" when it builds a sub-command's name; keep that.
        super().add_usage(usage, actions, groups, "Pemakaian: " if prefix is None else prefix)


class IndonesianParser(argparse.ArgumentParser):
    """Help and argument errors in Indonesian; errors exit with code 2 as argparse does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        for english, indonesian in _ARGPARSE_MESSAGES:
            message = message.replace(english, indonesian)
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"Kesalahan argumen: {message}\n")


def db_argument(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """Add ``--db PATH``, the database the command works on (a file, or a server).

    A command's ``--db`` may also be written before the command (``kinerja-desktop --db F
    demo``), as the main help shows it: the command's own option then keeps out of the way
    (``SUPPRESS``) instead of overwriting it with None, and a command that needs a file
    checks after parsing (:func:`require_db`).
    """
    if required:
        parser.set_defaults(db_required_by=parser)
    parser.add_argument(
        "--db",
        type=database_value,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="berkas basis data, postgresql://pengguna@host:port/basisdata, atau nama koneksi "
        "server dari Pengaturan" + ("" if required else " (bawaan: folder data pengguna)"),
    )


def require_db(args: argparse.Namespace) -> None:
    """Refuse, as argparse does, a command that needs ``--db`` when none was given."""
    command: argparse.ArgumentParser | None = getattr(args, "db_required_by", None)
    if command is not None and getattr(args, "db", None) is None:
        command.error("argumen berikut wajib diisi: --db")
