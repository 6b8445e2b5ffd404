"""`kinerja-desktop rekap-pemda`: the Rekap Pemda of a year and period as an .xlsx workbook.

``rekap-pemda --db PATH --tahun 2026 --periode TW4 --ke FILE.xlsx`` writes, per OPD, the
period's progress per stage, the predikat spread against the curve, the IKM of each service
unit and the open and overdue complaints and findings (`services.hub`), and prints one line per
OPD. Overdue is counted on ``--per`` (a date; today when not given). It only reads the office
(no lock, no backup), as ``verify`` does; the database is never changed.

Exit codes (:mod:`kinerja_desktop.cli.exit_codes`): 0 done; 1 the database file cannot be used;
2 the arguments are wrong (a period no instansi has, a bad date) or the workbook cannot be
written; nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.cli.parser import Commands, db_argument

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices

COMMAND = "rekap-pemda"


def add_commands(commands: Commands) -> None:
    """Add ``rekap-pemda`` to the main parser's ``commands`` (argparse sub-parsers)."""
    parser = commands.add_parser(
        COMMAND,
        help="rekap per OPD (progres penilaian, sebaran predikat, IKM, pengaduan & temuan) "
        "sebagai XLSX",
    )
    db_argument(parser, required=True)
    parser.add_argument("--tahun", type=int, required=True, metavar="Y", help="tahun, mis. 2026")
    parser.add_argument(
        "--periode", required=True, metavar="P", help="kode periode: TW1..TW4, S1, S2, AKHIR"
    )
    parser.add_argument("--ke", type=Path, required=True, metavar="FILE", help="berkas .xlsx")
    parser.add_argument(
        "--per",
        metavar="TANGGAL",
        help="tanggal penghitungan keterlambatan pengaduan dan temuan (bawaan: hari ini)",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``rekap-pemda``; None when the command is another one."""
    if args.command != COMMAND:
        return None
    from functools import partial

    from kinerja_desktop.cli.target import with_database

    return with_database(args.db, partial(_write, args=args), locked=False)


def _write(services: AppServices, args: argparse.Namespace) -> int:
    from kinerja_desktop.domain.dates import parse_date_id
    from kinerja_desktop.services.hub.workbook import write_recap

    service = services.hub_recap

    # The one place this command reads the clock.
    day = parse_date_id(args.per) if args.per else date.today()
    recap = service.recap(args.tahun, args.periode, day)
    write_recap(recap, args.ke)
    _say(
        f"Rekap Pemda {recap.period_label} {recap.year} (per {day.isoformat()}): "
        f"{len(recap.opds)} OPD, {recap.total.people} pegawai, ditulis ke {args.ke}."
    )
    for opd in recap.opds:
        stages = ", ".join(f"{count.stage.heading} {count.done}" for count in opd.stages)
        _say(f"- {opd.name}: {opd.people} pegawai; {stages}")
    return EXIT_OK


def _say(text: str, *, error: bool = False) -> None:
    """Write a line to stdout, or to stderr for a message about a problem."""
    (sys.stderr if error else sys.stdout).write(text + "\n")
