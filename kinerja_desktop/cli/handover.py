"""`kinerja-desktop export` and `kinerja-desktop import`: hand-over packages on the command line.

Both go in the way the GUI does (``services.startup``: one-writer lock, daily backup); an
import first takes a safety backup, named in the output. ``import`` onto a path that does not
exist yet creates a new office from the package, or leaves no file when the package is refused.

Exit codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 done; 1 the database file cannot be used (or
is in use); 2 the input or the arguments are wrong (a refused package, conflicts without a
choice) and nothing was written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.domain.errors import DomainError, StorageError

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices
    from kinerja_desktop.services.handover import HandoverService, ImportResult
    from kinerja_desktop.services.handover.package import Manifest

COMMANDS = ("export", "import")
#: How many differing fields of one conflict the command prints before "...".
_FIELDS_SHOWN = 8


def add_commands(commands: Commands) -> None:
    """Add the sub-commands to the main parser's ``commands`` (argparse sub-parsers)."""
    export = commands.add_parser("export", help="ekspor paket serah terima (zip bertanda tangan)")
    db_argument(export, required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="berkas paket")
    export.add_argument(
        "--unit", metavar="U", help="unit beserta sub-unitnya (nama atau jalur 'A / B')"
    )
    export.add_argument("--year", type=int, metavar="Y", help="tahun penilaian")
    export.add_argument(
        "--sejak-terakhir",
        dest="since_last",
        action="store_true",
        help="hanya catatan yang baru atau berubah sejak paket terakhir cakupan ini",
    )

    importer = commands.add_parser("import", help="impor paket serah terima")
    db_argument(importer, required=True)
    importer.add_argument("file", type=Path, metavar="FILE")
    choice = importer.add_mutually_exclusive_group()
    choice.add_argument(
        "--take-theirs", action="store_true", help="untuk catatan yang berbeda: ambil dari paket"
    )
    choice.add_argument(
        "--keep-ours", action="store_true", help="untuk catatan yang berbeda: pakai data kita"
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``export`` or ``import``; None when the command is neither."""
    if args.command not in COMMANDS:
        return None
    from kinerja_desktop.cli.target import missing, open_database

    if args.command == "import" and missing(args.db):
        return _guarded(lambda: _import_new_office(args))
    if missing(args.db):
        _err(f"Berkas basis data tidak ada: {args.db}")
        return EXIT_STORAGE
    services = open_database(args.db)
    try:
        if args.command == "export":
            return _guarded(lambda: _export(services.handover, args))
        return _guarded(lambda: _import(services.handover, args))
    finally:
        services.close()


def _guarded(command: Callable[[], int]) -> int:
    """Run ``command``; a refusal is exit 2, a file that cannot be used or written exit 1."""
    try:
        return command()
    except StorageError as error:
        _err(error.message)
        return EXIT_STORAGE
    except DomainError as error:
        _err(error.message)
        return EXIT_INPUT


def _export(handover: HandoverService, args: argparse.Namespace) -> int:
    unit = handover.find_unit(args.unit) if args.unit else None
    result = handover.export(args.out, unit=unit, year=args.year, since_last=args.since_last)
    _out("\n".join(result.summary_lines()))
    return EXIT_OK


def _import(handover: HandoverService, args: argparse.Namespace) -> int:
    from kinerja_desktop.domain.handover_merge import Choice
    from kinerja_desktop.domain.handover_numbering import Verdict

    preview = handover.preview(args.file)
    _out(_package_line(preview.manifest))
    if preview.judgement.verdict is Verdict.ALREADY:
        _out(preview.judgement.message)
        return EXIT_OK
    if preview.judgement.verdict is not Verdict.TAKE:
        _err(preview.judgement.message)
        return EXIT_INPUT
    _out("\n".join(preview.plan.summary_lines()))
    default = (
        Choice.TAKE_THEIRS if args.take_theirs else Choice.KEEP_OURS if args.keep_ours else None
    )
    if preview.plan.conflicts and default is None:
        for conflict in preview.plan.conflicts:
            _err(f"Berbeda: {conflict.kind.label}: {conflict.theirs.label}")
            for diff in conflict.fields[:_FIELDS_SHOWN]:
                _err(f"  {diff.label}: kita '{diff.ours}', paket '{diff.theirs}'")
            if len(conflict.fields) > _FIELDS_SHOWN:
                _err(f"  ... {len(conflict.fields) - _FIELDS_SHOWN} lainnya")
        _err(
            f"{len(preview.plan.conflicts)} catatan berbeda. Ulangi dengan --take-theirs atau "
            "--keep-ours, atau impor lewat aplikasi untuk memilih per catatan. "
            "Tidak ada yang diimpor."
        )
        return EXIT_INPUT
    result = handover.apply(args.file, default=default, preview=preview)
    _out("\n".join(result.summary_lines()))
    if result.safety_backup is not None:
        _out(
            f"Untuk membatalkan: kinerja-desktop restore --db {args.db} "
            f"--from {result.safety_backup}"
        )
    return EXIT_OK


def _import_new_office(args: argparse.Namespace) -> int:
    """Create the office at ``--db`` from the package; no file is left when it is refused."""
    from kinerja_desktop.services.platform.startup import create_office

    def fill(services: AppServices) -> tuple[Manifest, ImportResult]:
        preview = services.handover.preview(args.file)
        # A new file holds nothing to go back to, so no safety backup; nothing can conflict.
        return preview.manifest, services.handover.apply(args.file, back_up=False, preview=preview)

    manifest, result = create_office(args.db, fill)
    _out(_package_line(manifest))
    _out("\n".join(result.summary_lines()))
    _out(f"Kantor baru dibuat dari paket {args.file.name}: {args.db}")
    return EXIT_OK


def _package_line(manifest: Manifest) -> str:
    # A prefill from the Pemda merges as any package does (register records); it says so.
    return (
        f"{manifest.heading(manifest.source_file)}, dibuat "
        f"{manifest.exported_at}, sidik kunci {manifest.fingerprint}."
    )


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
