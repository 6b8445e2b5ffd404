"""`kinerja-desktop print` and `kinerja-desktop verify`: printed forms from the command line.

Registered by :mod:`kinerja_desktop.cli` (``add_commands`` and ``run``). Exit codes as there:
0 done, 1 the database cannot be used, 2 wrong arguments or nothing to print; ``verify`` exits
3 when the sheet no longer matches the records.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper

EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_INPUT = 2
EXIT_MISMATCH = 3

FORM_CHOICES = [*(kind.value for kind in FormKind), "all"]


def add_commands(commands: Any, db_argument: Any) -> None:
    """Add the two sub-commands to ``commands`` (argparse sub-parsers of cli.py)."""
    printer = commands.add_parser("print", help="cetak formulir ke berkas PDF")
    db_argument(printer, required=True)
    printer.add_argument("--year", type=int, required=True, metavar="TAHUN", help="tahun penilaian")
    printer.add_argument(
        "--period",
        default="",
        metavar="P",
        help="periode, mis. TW3 atau AKHIR (formulir periodik); laporan survei: S1, TW3, M05 "
        "atau kosong untuk survei tahunan",
    )
    printer.add_argument(
        "--form",
        default="all",
        choices=FORM_CHOICES,
        metavar="NAMA",
        help="formulir: " + ", ".join(FORM_CHOICES),
    )
    printer.add_argument("--nip", default="", metavar="NIP", help="hanya pegawai ini")
    printer.add_argument(
        "--unit",
        default="",
        metavar="UNIT",
        help="hanya unit ini dan sub-unitnya (nama atau nomor; laporan survei: unit layanan)",
    )
    printer.add_argument(
        "--paper", default="a4", choices=[p.value for p in Paper], metavar="a4|f4", help="kertas"
    )
    printer.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan")
    printer.add_argument(
        "--date", default="", metavar="TANGGAL", help="tanggal tanda tangan (bawaan: hari ini)"
    )

    verify = commands.add_parser("verify", help="periksa kode verifikasi pada lembar tercetak")
    db_argument(verify, required=True)
    verify.add_argument("code", metavar="KODE")


def run(args: argparse.Namespace) -> int | None:
    """Run ``print`` or ``verify``; None when the command is neither."""
    if args.command == "print":
        return _print(args)
    if args.command == "verify":
        return _verify(args.db, args.code)
    return None


def self_check(services: Any) -> bool:
    """Render one demo form: proves the fonts and reportlab made it into a build."""
    from kinerja_desktop.services.printing import PrintRequest

    year = date.today().year
    people = services.printing.people(year)
    if not people:
        return False
    request = PrintRequest(FormKind.SKP, year, date.today(), employee_id=people[0][0])
    pdf = services.printing.render(services.printing.prepare(request))
    return bool(pdf.startswith(b"%PDF"))


def _open(path: Path) -> Any:
    from kinerja_desktop.services.app_services import open_services

    if not path.exists():
        print(f"Berkas basis data tidak ada: {path}", file=sys.stderr)
        return None
    return open_services(path, create=False)


def _print(args: argparse.Namespace) -> int:
    from kinerja_desktop.domain.dates import parse_date_id
    from kinerja_desktop.services.printing import PrintingService
    from kinerja_desktop.services.printing.batch import plan_batch, run_batch

    if not 2000 <= args.year <= 2100:
        print("Tahun harus antara 2000 dan 2100.", file=sys.stderr)
        return EXIT_INPUT
    printed_on = parse_date_id(args.date) if args.date else date.today()
    if args.out.exists() and not args.out.is_dir():
        print(f"--out harus folder, bukan berkas: {args.out}", file=sys.stderr)
        return EXIT_INPUT
    services = _open(args.db)
    if services is None:
        return EXIT_STORAGE
    try:
        printing = PrintingService(services.database)
        forms = list(FormKind) if args.form == "all" else [FormKind(args.form)]
        unit_id = services.supervision.surveys.find_unit(args.unit).id if args.unit else None
        items = plan_batch(
            printing,
            services.staff,
            year=args.year,
            printed_on=printed_on,
            forms=forms,
            period_code=args.period,
            nip=args.nip,
            unit_id=unit_id,
        )
        if not items:
            print(_nothing(args), file=sys.stderr)
            return EXIT_INPUT
        result = run_batch(printing, items, args.out, Paper(args.paper))
    finally:
        services.close()
    for line in result.skipped:
        print(f"Dilewati: {line}", file=sys.stderr)
    if not result.written:
        print("Tidak ada yang dicetak: tidak satu pun formulir dapat disusun.", file=sys.stderr)
        return EXIT_INPUT
    print(f"{len(result.written)} berkas PDF ditulis ke {args.out}.")
    return EXIT_OK


def _nothing(args: argparse.Namespace) -> str:
    if args.form == FormKind.SURVEI.value:
        period = f"{args.year}-{args.period}" if args.period else str(args.year)
        return f"Tidak ada yang dicetak: tidak ada survei kepuasan masyarakat periode {period}."
    return (
        f"Tidak ada yang dicetak: tidak ada SKP tahun {args.year}"
        + (f" untuk NIP {args.nip}" if args.nip else "")
        + "."
    )


def _verify(path: Path, code: str) -> int:
    from kinerja_desktop.services.printing import PrintingService

    services = _open(path)
    if services is None:
        return EXIT_STORAGE
    try:
        result = PrintingService(services.database).verify(code)
    finally:
        services.close()
    print("\n".join(result.lines()))
    if not result.found:
        return EXIT_INPUT
    return EXIT_OK if result.matches else EXIT_MISMATCH
