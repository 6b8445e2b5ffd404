"""The `import-employees` command: a staff list (CSV/XLSX) into the office, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.cli.target import ServerDatabase


def add_commands(commands: Commands) -> None:
    importer = commands.add_parser("import-employees", help="impor daftar pegawai (CSV/XLSX)")
    db_argument(importer, required=True)
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument("--skip-invalid", action="store_true", help="impor baris yang valid saja")


def run(args: argparse.Namespace) -> int | None:
    """Run ``import-employees``; None for another command."""
    if args.command != "import-employees":
        return None
    return _import(args.db, args.file, skip_invalid=args.skip_invalid)


def _import(path: Path | ServerDatabase, file: Path, *, skip_invalid: bool) -> int:
    from kinerja_desktop.services.platform.collector import collector_paused

    # The collector waits for the whole command, not only the import's checks: loading
    # SQLAlchemy, the models and the services makes tens of thousands of objects that live
    # until the process ends, and walking them for cycles cost 0.03-0.04 s of CPU.
    with collector_paused():
        return _import_paused(path, file, skip_invalid=skip_invalid)


def _import_paused(path: Path | ServerDatabase, file: Path, *, skip_invalid: bool) -> int:
    from kinerja_desktop.cli.target import missing, open_database
    from kinerja_desktop.services.staff.importing import ImportRefusedError

    if missing(path):
        print(f"Berkas basis data tidak ada: {path}", file=sys.stderr)
        return EXIT_STORAGE
    services = open_database(path)
    try:
        # One pass: apply checks every row itself and refuses with all of them listed.
        result = services.importer.apply(file, skip_invalid=skip_invalid)
    except ImportRefusedError as refused:
        for line in refused.preview.problem_lines():
            print(line, file=sys.stderr)
        print(refused.preview.refusal(skip_invalid=skip_invalid), file=sys.stderr)
        return EXIT_INPUT
    finally:
        services.close()
    for line in result.skipped_problems:
        print(line, file=sys.stderr)
    print("\n".join(result.summary_lines()))
    return EXIT_OK
