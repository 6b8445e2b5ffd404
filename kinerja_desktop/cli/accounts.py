"""The `reset-password` command: the way back in for a forgotten admin.

The command line acts as the system (no sign-in): whoever can run it on this machine can read
the database file itself anyway. It gives an account a new password, lifts a lock-out and
activates the account again. The password is asked twice without echo, or read as two lines
from standard input when that is not a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.cli.parser import Commands, db_argument

COMMANDS = ("reset-password",)


def add_commands(commands: Commands) -> None:
    reset = commands.add_parser(
        "reset-password",
        help="atur ulang kata sandi akun (mis. admin yang lupa); akun diaktifkan kembali",
    )
    db_argument(reset, required=True)
    reset.add_argument("user", metavar="NAMA_PENGGUNA")


def run(args: argparse.Namespace) -> int | None:
    if args.command != "reset-password":
        return None
    from kinerja_desktop.cli.target import missing, open_database
    from kinerja_desktop.domain.accounts import normalise_user_name
    from kinerja_desktop.domain.errors import StorageError, ValidationError

    if missing(args.db):
        raise StorageError(f"Berkas basis data tidak ada: {args.db}")
    password, repeated = _read_passwords()
    services = open_database(args.db)
    try:
        wanted = normalise_user_name(args.user)
        found = [a for a in services.accounts.accounts() if a.user_name == wanted]
        if not found:
            raise ValidationError(f"Tidak ada akun '{wanted}' di basis data ini.", field="user")
        services.accounts.reset_password(found[0].id, password, repeated)
        services.accounts.set_active(found[0].id, True)
    finally:
        services.close()
    sys.stdout.write(f"Kata sandi akun '{wanted}' diganti; akun aktif dan tidak terkunci.\n")
    return EXIT_OK


def _read_passwords() -> tuple[str, str]:
    if sys.stdin.isatty():
        return getpass.getpass("Kata sandi baru: "), getpass.getpass("Ulangi kata sandi: ")
    lines = sys.stdin.read().splitlines()
    lines += ["", ""]
    return lines[0], lines[1]
