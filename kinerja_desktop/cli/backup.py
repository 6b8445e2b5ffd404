"""The `backup` and `restore` commands.

Errors are raised, not printed: `kinerja_desktop.cli.main` turns a StorageError into exit
code 1 (the database cannot be used, or is locked) and any other DomainError into 2 (a bad
backup file or argument; nothing was written).

A database on a PostgreSQL server (``--db postgresql://...``) is backed up and restored by the
server's own tools: ``backup`` says so and prints the ``pg_dump`` command, ``restore`` refuses;
both exit 2 without connecting, and nothing is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.cli.parser import Commands, db_argument

if TYPE_CHECKING:
    from sqlalchemy import URL

COMMANDS = ("backup", "restore")
TAKE_OVER_FLAG = "--ambil-alih-kunci"


def add_commands(commands: Commands) -> None:
    backup = commands.add_parser("backup", help="buat cadangan yang sudah diperiksa")
    db_argument(backup, required=True)
    backup.add_argument(
        "--to",
        type=Path,
        required=True,
        metavar="FILE",
        help="berkas cadangan baru, atau folder (mis. flashdisk) untuk cadangan bernama otomatis",
    )
    restore = commands.add_parser(
        "restore", help="pulihkan dari cadangan (berkas saat ini dicadangkan dulu)"
    )
    db_argument(restore, required=True)
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help="berkas cadangan"
    )
    restore.add_argument(
        TAKE_OVER_FLAG,
        dest="take_over",
        action="store_true",
        help="ambil alih kunci yang tertinggal dari komputer lain (bila yakin tidak dipakai)",
    )


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def run(args: argparse.Namespace) -> int | None:
    """Run ``backup`` or ``restore``; None when the command is neither."""
    if args.command not in COMMANDS:
        return None
    if (server := server_target(args.db)) is not None:
        return _refuse_server(args.command, server)
    if args.command == "backup":
        return _backup(Path(args.db), args.to)
    return _restore(Path(args.db), args.source, take_over=args.take_over)


#: ``postgresql://`` or ``postgresql+psycopg://``; a Path folds the two slashes into one.
_SERVER_SCHEME = re.compile(r"^(postgresql(?:\+psycopg)?):/+")


def server_target(db: object) -> URL | None:
    """The server database ``--db`` names, or None for a file.

    ``db`` is what the parser gave: a SQLAlchemy URL, the text of ``--db`` as a string or a
    Path (whose ``postgresql://`` reads ``postgresql:/``), or a resolved server database with a
    connection ``profile`` (host, port, database, user; a saved connection's name).
    """
    from sqlalchemy import URL, make_url

    if isinstance(db, URL):
        return db if db.get_backend_name() == "postgresql" else None
    profile = getattr(db, "profile", None)
    if profile is not None:
        return URL.create(
            "postgresql",
            username=profile.user,
            host=profile.host,
            port=profile.port,
            database=profile.database,
        )
    match = _SERVER_SCHEME.match(str(db))
    if match is None:
        return None
    return make_url(f"{match.group(1)}://{str(db)[match.end() :]}")


def _refuse_server(command: str, server: URL) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.platform.server_backup import server_backup_advice

    advice = server_backup_advice(server)
    if command == "backup":
        raise ValidationError(advice.backup_message(), field="db")
    raise ValidationError(advice.restore_refusal(), field="db")


def _backup(database: Path, destination: Path) -> int:
    from kinerja_desktop.domain.errors import StorageError
    from kinerja_desktop.services.platform.backup import export_backup

    if not database.exists():
        raise StorageError(f"Berkas basis data tidak ada: {database}")
    made = export_backup(database, destination)
    _say(f"Cadangan dibuat dan diperiksa: {made} ({made.stat().st_size:,} bita)".replace(",", "."))
    return EXIT_OK


def _restore(database: Path, source: Path, *, take_over: bool) -> int:
    from kinerja_desktop.domain.errors import LockedError, ValidationError
    from kinerja_desktop.services.app_services import open_services
    from kinerja_desktop.services.platform.backup import preview_backup
    from kinerja_desktop.services.platform.recovery import (
        restore_in_place_of_missing,
        set_aside_if_damaged,
    )
    from kinerja_desktop.services.platform.startup import open_locked, take_lock

    if not source.is_file():
        raise ValidationError(f"Berkas cadangan tidak ada: {source}", field="from")
    preview = preview_backup(source)
    try:
        lock = take_lock(database, take_over=take_over)
    except LockedError as error:
        if error.stale:
            raise LockedError(
                f"{error.message} Untuk mengambil alih, jalankan lagi dengan {TAKE_OVER_FLAG}."
            ) from error
        raise
    try:
        damaged = set_aside_if_damaged(database)
        if damaged is not None:
            _say(f"Berkas rusak dipindahkan ke {damaged.aside} (tidak dihapus).")
        if database.exists():
            services = open_services(database, create=False, lock=lock)
            try:
                result = services.backups.restore(source)
            finally:
                services.close()
            safety = f"Berkas sebelum pemulihan dicadangkan ke {result.safety_backup}"
        else:
            restore_in_place_of_missing(source, database)
            open_locked(database, lock, create=False).close()  # upgrades an older backup
            safety = "Tidak ada berkas sebelumnya yang perlu dicadangkan."
    finally:
        if lock is not None:
            lock.release()
    _say("\n".join(preview.lines()))
    _say(safety)
    _say(f"Pemulihan selesai: {database}")
    return EXIT_OK
