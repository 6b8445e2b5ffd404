"""The `move` command: an office from a SQLite file to a PostgreSQL server, or back.

``kinerja-desktop move --from kantor.sqlite --to postgresql://user@host/db`` (or the other way,
or file to file). The source file is locked and backed up first; the target must be empty
unless ``--replace`` (a target file's old content is backed up, a server database's is
emptied in the copy's own transaction). The copy is checked before it is committed: row
counts per table, the seal chain and every sealed record's digest; a target file is then
checked like ``check`` does. A password is never taken on the command line (it would stay in
the shell's history and the process list): libpq's ``PGPASSWORD`` or ``~/.pgpass`` give it.

Exit codes: 0 moved and checked; 1 a database cannot be used, the copy failed or differed
(the target is as it was), or the moved file's check found a problem; 2 wrong arguments, a
password in an address, or a target holding data without ``--replace`` (nothing written).
"""

from __future__ import annotations

import argparse
import sys

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands

PASSWORD_REFUSED = (
    "Jangan menulis kata sandi di alamat server (tersimpan di riwayat perintah dan terlihat "
    "pengguna lain). Hapus kata sandinya dari alamat, lalu berikan lewat variabel lingkungan "
    "PGPASSWORD atau berkas .pgpass."
)


def add_commands(commands: Commands) -> None:
    move = commands.add_parser(
        "move",
        help="pindahkan seluruh isi basis data antara berkas SQLite dan server PostgreSQL",
        description=(
            "Salin seluruh isi basis data dari --from ke --to (berkas SQLite atau "
            "postgresql://pengguna@host:port/basisdata), lalu periksa jumlah baris per tabel "
            "dan segelnya. Berkas sumber dicadangkan dulu. Kata sandi server lewat PGPASSWORD "
            "atau .pgpass, tidak pernah di alamat."
        ),
    )
    move.add_argument(
        "--from",
        dest="move_from",
        required=True,
        metavar="SUMBER",
        help="berkas basis data SQLite atau alamat postgresql:// yang dipindahkan",
    )
    move.add_argument(
        "--to",
        dest="move_to",
        required=True,
        metavar="TUJUAN",
        help="berkas SQLite baru atau alamat postgresql:// basis data tujuan",
    )
    move.add_argument(
        "--replace",
        action="store_true",
        help="ganti seluruh isi tujuan yang sudah berisi data (berkas lamanya dicadangkan)",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``move``; None for another command."""
    if args.command != "move":
        return None
    from kinerja_desktop.data.server import is_server_url

    for endpoint in (args.move_from, args.move_to):
        if is_server_url(endpoint) and _has_password(endpoint):
            sys.stderr.write(PASSWORD_REFUSED + "\n")
            return EXIT_INPUT
    return _move(args.move_from, args.move_to, replace=args.replace)


def _has_password(endpoint: str) -> bool:
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(endpoint).password is not None
    except ArgumentError:
        return False  # a malformed address is refused, with its reason, when opened


def _move(source: str, target: str, *, replace: bool) -> int:
    from kinerja_desktop.data.move import TargetNotEmptyError
    from kinerja_desktop.services.platform.move import move_office

    try:
        report = move_office(source, target, replace=replace)
    except TargetNotEmptyError as error:
        sys.stderr.write(error.message + "\n")
        return EXIT_INPUT
    sys.stdout.writelines(f"{line}\n" for line in report.lines)
    return EXIT_OK if report.healthy else EXIT_STORAGE
