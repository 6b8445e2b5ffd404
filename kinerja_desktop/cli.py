"""The `kinerja-desktop` command: the GUI by default, plus a few batch commands.

Exit codes: 0 done; 1 the database file cannot be used (it is left as it was); 2 the input or
the arguments are wrong and nothing was written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from kinerja_desktop import (
    __version__,
    cli_accounts,
    cli_backup,
    cli_handover,
    cli_ikm,
    cli_print,
    cli_seals,
)
from kinerja_desktop.domain.errors import DomainError, StorageError

#: Modules that add sub-commands: each has ``add_commands(commands, db_argument)`` and
#: ``run(args)``, which returns the exit code, or None when the command is not theirs.
COMMAND_MODULES = (cli_backup, cli_print, cli_ikm, cli_handover, cli_accounts)

EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_INPUT = 2


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


class _Parser(argparse.ArgumentParser):
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


def _db_argument(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        metavar="PATH",
        help="berkas basis data (bawaan: folder data pengguna)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kinerja-desktop", description="Kinerja Desktop: pengelolaan kinerja ASN")
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
    _db_argument(parser, required=False)
    commands = parser.add_subparsers(
        dest="command", metavar="PERINTAH", title="perintah", parser_class=_Parser
    )

    demo = commands.add_parser("demo", help="tulis kantor contoh (Kecamatan Kertapati)")
    _db_argument(demo, required=True)
    demo.add_argument("--employees", type=int, default=40, metavar="N", help="jumlah pegawai")

    importer = commands.add_parser("import-employees", help="impor daftar pegawai (CSV/XLSX)")
    _db_argument(importer, required=True)
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument("--skip-invalid", action="store_true", help="impor baris yang valid saja")

    check = commands.add_parser(
        "check", help="periksa integritas dan versi skema; --terima-segel menerima catatan audit"
    )
    _db_argument(check, required=True)
    cli_seals.add_arguments(check)
    for module in COMMAND_MODULES:
        module.add_commands(commands, _db_argument)
    return parser


def _run_command(args: argparse.Namespace) -> int | None:
    """Run the sub-command; None when there is none (then the GUI starts)."""
    if args.self_check:
        return _self_check()
    if args.command == "demo":
        return _demo(args.db, args.employees)
    if args.command == "import-employees":
        return _import(args.db, args.file, skip_invalid=args.skip_invalid)
    if args.command == "check":
        if args.terima_segel:
            return cli_seals.accept(args.db, confirmed=args.yakin)
        if args.yakin:
            return cli_seals.refuse_lone_confirmation()
        return _check(args.db)
    for module in COMMAND_MODULES:
        result: int | None = module.run(args)
        if result is not None:
            return result
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if (result := _run_command(args)) is not None:
            return result
    except StorageError as error:
        print(error.message, file=sys.stderr)
        return EXIT_STORAGE
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return EXIT_INPUT
    from kinerja_desktop.ui.application import run_gui  # Qt loads only for the GUI

    return run_gui(args.db)


def _self_check() -> int:
    """Prove a build is whole: migrations, Indonesian dates, the demo, and the main window."""
    import os
    from datetime import date

    from kinerja_desktop.domain.dates import format_date_id
    from kinerja_desktop.services.app_services import open_services
    from kinerja_desktop.services.demo import write_demo

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kinerja_desktop.ui.self_check import show_main_window_once

    if format_date_id(date(2026, 11, 28)) != "28 November 2026":
        print("self-check: Indonesian date formatting is broken", file=sys.stderr)
        return EXIT_STORAGE
    saved_data_dir = os.environ.get("KINERJA_DATA_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KINERJA_DATA_DIR"] = folder  # leave the user's settings and data alone
        services = open_services(Path(folder) / "self-check.sqlite")
        try:
            write_demo(services.database, employees=12)
            if not cli_print.self_check(services):
                print("self-check: printing a form failed", file=sys.stderr)
                return EXIT_STORAGE
            show_main_window_once(services)
        finally:
            services.close()
            if saved_data_dir is None:
                os.environ.pop("KINERJA_DATA_DIR", None)
            else:
                os.environ["KINERJA_DATA_DIR"] = saved_data_dir
    print("self-check ok")
    return EXIT_OK


def _check(path: Path) -> int:
    from kinerja_desktop.services.health import check_database

    report = check_database(path)
    print("\n".join(report.lines))
    return EXIT_OK if report.healthy else EXIT_STORAGE


def _demo(path: Path, employees: int) -> int:
    from kinerja_desktop.services.demo import write_demo
    from kinerja_desktop.services.startup import open_office

    if not 1 <= employees <= 100_000:
        print("Jumlah pegawai harus antara 1 dan 100000.", file=sys.stderr)
        return EXIT_INPUT
    services = open_office(path)
    try:
        summary = write_demo(services.database, employees=employees)
    finally:
        services.close()
    print(summary)
    return EXIT_OK


def _import(path: Path, file: Path, *, skip_invalid: bool) -> int:
    from kinerja_desktop.services.staff_import import ImportRefusedError
    from kinerja_desktop.services.startup import open_office

    if not path.exists():
        print(f"Berkas basis data tidak ada: {path}", file=sys.stderr)
        return EXIT_STORAGE
    services = open_office(path, create=False)
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
