"""The `check` command: the file's integrity and schema, or `--terima-segel` to accept the log.

On a server (``--db postgresql://...`` or a saved connection) ``check`` reads the schema, the
audit log with its seals and the evidence content in the server's table; ``--terima-segel``
is refused there (the anchor is a file beside a SQLite database).

``check`` looks at the file read-only and prints what it found. ``check --terima-segel`` signs
the audit log as it is now into its anchor (`<db>.segel`), for a finding that has been dealt
with: a file restored or copied back outside the app, or an office folder copied from another
installation. Accepting signs the current head, so a removed or rewritten end of the log is no
longer visible afterwards; when the anchor shows such a finding the command therefore also needs
``--yakin``. It writes like the other writing commands: through `services.startup.open_office`
(the one-writer lock and the daily backup), as the system.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.cli.target import ServerDatabase
from kinerja_desktop.domain.errors import ValidationError

#: ``--terima-segel`` signs a file's anchor (``<db>.segel``); a server has none of its own.
NO_ANCHOR_ON_A_SERVER = (
    "--terima-segel menandatangani berkas segel di samping berkas basis data SQLite. Basis "
    "data di server tidak punya berkas segel; jalankan check tanpa --terima-segel untuk "
    "memeriksa catatan audit, segel dan bukti dukungnya."
)


def add_commands(commands: Commands) -> None:
    check = commands.add_parser(
        "check", help="periksa integritas dan versi skema; --terima-segel menerima catatan audit"
    )
    db_argument(check, required=True)
    check.add_argument(
        "--terima-segel",
        action="store_true",
        help="tandatangani catatan audit yang ada sekarang ke berkas segel (<db>.segel), "
        "setelah temuannya ditangani",
    )
    check.add_argument(
        "--yakin",
        action="store_true",
        help="bersama --terima-segel: terima juga bila berkas segel mencatat temuan (temuan itu "
        "tidak terlihat lagi sesudahnya)",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``check``; None for another command."""
    if args.command != "check":
        return None
    if isinstance(args.db, ServerDatabase):
        if args.terima_segel:
            raise ValidationError(NO_ANCHOR_ON_A_SERVER, field="db")
        if args.yakin:
            return refuse_lone_confirmation()
        return _check_server(args.db)
    if args.terima_segel:
        return accept(args.db, confirmed=args.yakin)
    if args.yakin:
        return refuse_lone_confirmation()
    return _check(args.db)


def _check(path: Path) -> int:
    from kinerja_desktop.services.platform.health import check_database

    report = check_database(path)
    print("\n".join(report.lines))
    return EXIT_OK if report.healthy else EXIT_STORAGE


def _check_server(target: ServerDatabase) -> int:
    from kinerja_desktop.data.server import profile_url
    from kinerja_desktop.services.platform.health import check_server
    from kinerja_desktop.services.platform.server_passwords import ServerPasswords

    profile = target.profile
    url = profile_url(profile, ServerPasswords().get(profile))
    report = check_server(url, profile.key)
    print("\n".join(report.lines))
    return EXIT_OK if report.healthy else EXIT_STORAGE


def accept(path: Path, *, confirmed: bool) -> int:
    """Accept the log of ``path``; print what was accepted, or why not.

    Raises:
        StorageError: the file cannot be used, is in use, or the anchor cannot be written.
    """
    from kinerja_desktop.domain.errors import StorageError
    from kinerja_desktop.services.platform.startup import open_office

    if not path.exists():
        raise StorageError(f"Berkas basis data tidak ada: {path}")
    services = open_office(path, create=False)
    try:
        # The start re-signs an anchor of another installation and says so: worth printing.
        sys.stdout.writelines(f"{warning}\n" for warning in services.warnings)
        found = services.seals.anchor_check()
        if found.problem and not confirmed:
            sys.stderr.write(
                f"{found.message}\nBerkas segel tidak diubah. Menerima catatan audit "
                "menandatangani catatan yang ada sekarang, sehingga temuan ini tidak terlihat "
                "lagi sesudahnya. Bila sebabnya diketahui dan sudah ditangani, ulangi dengan "
                "--terima-segel --yakin.\n"
            )
            return EXIT_INPUT
        accepted = services.seals.accept_log()
    finally:
        services.close()
    sys.stdout.writelines(f"{line}\n" for line in accepted.lines)
    return EXIT_OK


def refuse_lone_confirmation() -> int:
    sys.stderr.write("--yakin hanya berlaku bersama --terima-segel.\n")
    return EXIT_INPUT
