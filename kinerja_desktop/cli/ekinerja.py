"""`kinerja-desktop ekspor-progres` and `kinerja-desktop banding-ekinerja`: e-Kinerja's two XLSX.

``ekspor-progres`` writes a person's (``--nip``) or a unit's (``--unit``) daily progress of a
month (``--bulan 2026-03``) or a span (``--dari``/``--sampai``) in the order of e-Kinerja's
"Tambah Progres Harian" form. ``banding-ekinerja`` reads e-Kinerja's admin recap and prints who
has a different predikat here. Both only read the office (no lock, no backup), as ``verify``
does; the database is never changed.

Exit codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 done; 1 the database file cannot be used;
2 the input or the arguments are wrong (unknown person or unit, bad dates, a file that is not a
recap) and nothing was written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices

EXPORT, COMPARE = "ekspor-progres", "banding-ekinerja"


def add_commands(commands: Commands) -> None:
    """Add the sub-commands to the main parser's ``commands`` (argparse sub-parsers)."""
    export = commands.add_parser(
        EXPORT, help="ekspor progres harian sebagai XLSX berurutan formulir e-Kinerja"
    )
    db_argument(export, required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="berkas .xlsx")
    who = export.add_mutually_exclusive_group(required=True)
    who.add_argument("--nip", metavar="NIP", help="NIP pegawai")
    who.add_argument("--unit", metavar="U", help="unit beserta sub-unitnya (nama atau 'A / B')")
    export.add_argument("--bulan", metavar="YYYY-MM", help="bulan, mis. 2026-03")
    export.add_argument("--dari", metavar="TANGGAL", help="tanggal awal (bila bukan sebulan)")
    export.add_argument("--sampai", metavar="TANGGAL", help="tanggal akhir")

    compare = commands.add_parser(
        COMPARE, help="bandingkan rekap e-Kinerja (.xlsx) dengan predikat di aplikasi"
    )
    db_argument(compare, required=True)
    compare.add_argument("file", type=Path, metavar="FILE", help="rekap dari e-Kinerja")
    compare.add_argument(
        "--tahun", type=int, metavar="Y", help="tahun (bawaan: tahun periode_akhir rekap)"
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``ekspor-progres`` or ``banding-ekinerja``; None when the command is neither."""
    if args.command not in (EXPORT, COMPARE):
        return None
    from kinerja_desktop.cli.target import missing, open_database

    if missing(args.db):
        _err(f"Berkas basis data tidak ada: {args.db}")
        return EXIT_STORAGE
    try:
        services = open_database(args.db, locked=False)
    except StorageError as error:
        _err(error.message)
        return EXIT_STORAGE
    try:
        if args.command == EXPORT:
            return _export(services, args)
        comparison = services.distribution.ekinerja_recap.compare(args.file, args.tahun)
        _out("\n".join(comparison.summary_lines()))
        return EXIT_OK
    except StorageError as error:
        _err(error.message)
        return EXIT_STORAGE
    except DomainError as error:
        _err(error.message)
        return EXIT_INPUT
    finally:
        services.close()


def _export(services: AppServices, args: argparse.Namespace) -> int:
    start, end = _span(args)
    employee_id: int | None = None
    unit_id: int | None = None
    if args.nip:
        person = services.staff.find_by_nip(args.nip)
        if person is None:
            raise ValidationError(f"Tidak ada pegawai dengan NIP {args.nip}.")
        employee_id = person.id
    else:
        unit_id = _unit_id(services, args.unit)
    result = services.progress.ekinerja.write(
        args.out, start, end, employee_id=employee_id, unit_id=unit_id
    )
    _out(result.summary())
    return EXIT_OK


def _span(args: argparse.Namespace) -> tuple[date, date]:
    from kinerja_desktop.domain.dates import parse_date_id
    from kinerja_desktop.domain.working_days import month_span

    if args.bulan and (args.dari or args.sampai):
        raise ValidationError("Pakai --bulan, atau --dari dan --sampai; tidak keduanya.")
    if args.bulan:
        try:
            year, month = (int(part) for part in args.bulan.split("-"))
            return month_span(year, month)
        except ValueError:
            raise ValidationError(
                f"--bulan '{args.bulan}' tidak dikenali; tulis tahun-bulan, mis. 2026-03."
            ) from None
    if not (args.dari and args.sampai):
        raise ValidationError("Sebutkan --bulan (mis. 2026-03), atau --dari dan --sampai.")
    return parse_date_id(args.dari), parse_date_id(args.sampai)


def _unit_id(services: AppServices, text: str) -> int:
    """A unit by a name only one unit has, or by its path from the top ("A / B / C")."""
    units = services.staff.units()
    by_id: dict[int, tuple[str, int | None]] = {u.id: (u.name, u.parent_id) for u in units}

    def path(unit_id: int | None) -> str:
        names = []
        while unit_id is not None and unit_id in by_id:
            name, unit_id = by_id[unit_id]
            names.append(name)
        return " / ".join(reversed(names))

    wanted = " / ".join(part.strip() for part in text.split("/")).casefold()
    found = [u for u in units if path(u.id).casefold() == wanted or u.name.casefold() == wanted]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise ValidationError(f"Unit '{text}' tidak ditemukan.")
    raise ValidationError(
        f"Ada {len(found)} unit bernama '{text}'; tulis jalurnya, mis. '{path(found[0].id)}'."
    )


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
