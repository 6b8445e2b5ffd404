"""`kinerja-desktop print`, `verify` and `public-key`: printed forms from the command line.

Registered by :mod:`kinerja_desktop.cli` (``add_commands`` and ``run``). Exit codes
(:mod:`kinerja_desktop.cli.exit_codes`):
0 done, 1 the database cannot be used, 2 wrong arguments or nothing to print; ``verify`` exits
3 when the sheet no longer matches the records, or (offline, ``--public-key``) when its
signature is not that key's.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_MISMATCH, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.cli.target import ServerDatabase

# The values of reports.content.FormKind and reports.paper.Paper, written out so that building
# the parser, which every command does, loads neither reports nor reportlab
# (tests/cli/test_print_cli.py checks that they still match).
FORM_CHOICES = [
    *("skp", "evaluasi", "dokumen", "pengembangan", "distribusi", "kompetensi", "survei"),
    "all",
]
PAPER_CHOICES = ["a4", "f4"]


def add_commands(commands: Commands) -> None:
    """Add ``print``, ``verify`` and ``public-key`` to the main parser's ``commands``."""
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
        "--paper", default="a4", choices=PAPER_CHOICES, metavar="a4|f4", help="kertas"
    )
    printer.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan")
    printer.add_argument(
        "--date", default="", metavar="TANGGAL", help="tanggal tanda tangan (bawaan: hari ini)"
    )

    verify = commands.add_parser(
        "verify",
        help="periksa lembar tercetak: dengan basis data (--db KODE), atau tanpa basis data "
        "dengan kunci publik kantor penerbit (--public-key BERKAS --qr ISI)",
    )
    db_argument(verify, required=False)
    verify.add_argument("code", metavar="KODE", nargs="?", default="")
    verify.add_argument(
        "--public-key", type=Path, metavar="BERKAS", help="kunci publik kantor penerbit lembar"
    )
    verify.add_argument("--qr", default="", metavar="ISI", help="teks hasil pindai kode QR")
    verify.add_argument("--digest", default="", metavar="SIDIK", help="sidik isi (tanpa --qr)")
    verify.add_argument(
        "--signature", default="", metavar="TTD", help="tanda tangan base64url (tanpa --qr)"
    )

    exporter = commands.add_parser(
        "public-key", help="ekspor kunci publik instalasi ini untuk memeriksa lembar tercetak"
    )
    exporter.add_argument("--out", type=Path, required=True, metavar="BERKAS")


def run(args: argparse.Namespace) -> int | None:
    """Run ``print`` or ``verify``; None when the command is neither."""
    if args.command == "print":
        return _print(args)
    if args.command == "verify":
        return _verify(args)
    if args.command == "public-key":
        return _export_public_key(args.out)
    return None


def self_check(services: Any, today: date) -> bool:
    """Render one demo form of ``today``'s year: proves the fonts and reportlab made it in."""
    from kinerja_desktop.reports.content import FormKind
    from kinerja_desktop.services.printing import PrintRequest

    people = services.printing.people(today.year)
    if not people:
        return False
    request = PrintRequest(FormKind.SKP, today.year, today, employee_id=people[0][0])
    pdf = services.printing.render(services.printing.prepare(request))
    return bool(pdf.startswith(b"%PDF"))


def _open(path: Path | ServerDatabase) -> Any:
    from kinerja_desktop.cli.target import missing, open_database

    if missing(path):
        print(f"Berkas basis data tidak ada: {path}", file=sys.stderr)
        return None
    return open_database(path, locked=False)


def _print(args: argparse.Namespace) -> int:
    from kinerja_desktop.cli.target import missing, open_database
    from kinerja_desktop.domain.dates import parse_date_id
    from kinerja_desktop.reports.content import FormKind
    from kinerja_desktop.reports.paper import Paper
    from kinerja_desktop.services.accounts.access_guard import AccessGuard
    from kinerja_desktop.services.printing import PrintingService
    from kinerja_desktop.services.printing.batch import plan_batch, run_batch
    from kinerja_desktop.services.printing.batch_pool import default_workers
    from kinerja_desktop.services.printing.pdf_files import FileWriteError

    if not 2000 <= args.year <= 2100:
        print("Tahun harus antara 2000 dan 2100.", file=sys.stderr)
        return EXIT_INPUT
    printed_on = parse_date_id(args.date) if args.date else date.today()
    if args.out.exists() and not args.out.is_dir():
        print(f"--out harus folder, bukan berkas: {args.out}", file=sys.stderr)
        return EXIT_INPUT
    if missing(args.db):
        print(f"Berkas basis data tidak ada: {args.db}", file=sys.stderr)
        return EXIT_STORAGE
    # Printing records each sheet's code, so it is a writer: the one-writer lock, like the GUI.
    services = open_database(args.db)
    try:
        printing = PrintingService(services.database, AccessGuard.system(services.database))
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
        result = run_batch(printing, items, args.out, Paper(args.paper), workers=default_workers())
    except FileWriteError as error:
        print(error.message, file=sys.stderr)
        print(
            "Pencetakan berhenti; berkas PDF yang sudah ditulis sebelumnya tetap ada dan utuh.",
            file=sys.stderr,
        )
        return EXIT_STORAGE
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
    if args.form == "survei":
        period = f"{args.year}-{args.period}" if args.period else str(args.year)
        return f"Tidak ada yang dicetak: tidak ada survei kepuasan masyarakat periode {period}."
    return (
        f"Tidak ada yang dicetak: tidak ada SKP tahun {args.year}"
        + (f" untuk NIP {args.nip}" if args.nip else "")
        + "."
    )


def _verify(args: argparse.Namespace) -> int:
    """With --public-key: the signature offline; otherwise the code against the database."""
    from kinerja_desktop.domain.paper_seal import parse_payload

    if args.public_key is not None:
        return _verify_offline(args)
    if args.db is None:
        print(
            "Sebutkan --db BERKAS (cocokkan dengan catatan) atau --public-key BERKAS (periksa "
            "tanda tangan tanpa basis data).",
            file=sys.stderr,
        )
        return EXIT_INPUT
    code = parse_payload(args.qr).code if args.qr else args.code
    if not code:
        print("Sebutkan kode verifikasi (KODE) atau isi QR (--qr).", file=sys.stderr)
        return EXIT_INPUT
    return _verify_records(args.db, code)


def _verify_records(path: Path | ServerDatabase, code: str) -> int:
    services = _open(path)
    if services is None:
        return EXIT_STORAGE
    try:
        result = services.printing.verify(code)
    finally:
        services.close()
    print("\n".join(result.lines()))
    if not result.found:
        return EXIT_INPUT
    return EXIT_OK if result.matches else EXIT_MISMATCH


def _verify_offline(args: argparse.Namespace) -> int:
    from kinerja_desktop.domain.paper_seal import parse_payload, seal_from_parts
    from kinerja_desktop.services.printing.paper_keys import check_seal, read_public_key

    public_key = read_public_key(args.public_key)
    if args.qr:
        seal = parse_payload(args.qr)
    elif args.code and args.digest and args.signature:
        seal = seal_from_parts(args.code, args.digest, args.signature)
    else:
        print(
            "Tanpa basis data, sebutkan isi QR (--qr ISI), atau KODE dengan --digest dan "
            "--signature.",
            file=sys.stderr,
        )
        return EXIT_INPUT
    check = check_seal(public_key, seal)
    print("\n".join(check.lines()))
    return EXIT_OK if check.valid else EXIT_MISMATCH


def _export_public_key(target: Path) -> int:
    from kinerja_desktop.services.handover import default_key_folder
    from kinerja_desktop.services.platform.signing import load_or_create_key
    from kinerja_desktop.services.printing.paper_keys import write_public_key

    if target.is_dir():
        print(f"--out harus berkas, bukan folder: {target}", file=sys.stderr)
        return EXIT_INPUT
    key = load_or_create_key(default_key_folder())
    try:
        write_public_key(key.export_public_key(), target)
    except OSError as error:
        print(f"Berkas tidak dapat ditulis: {target} ({error.strerror or error}).", file=sys.stderr)
        return EXIT_INPUT
    print(f"Kunci publik ditulis ke {target}.")
    print(f"Sidik kunci: {key.fingerprint}")
    return EXIT_OK
