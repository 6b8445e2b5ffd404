"""`kinerja-desktop ikm FILE [--db PATH --unit UNIT --period P]`: the IKM of a survey file.

Reads survey responses (CSV or XLSX, layout in docs/ikm-format.md) and prints the NRR of each
unsur, the IKM to two decimals and its grade, touching no database. With ``--db``, ``--unit``
and ``--period`` it also adds the respondents to that unit's survey for the period (created
when missing), all or nothing. Exit codes as for every command
(:mod:`kinerja_desktop.cli.exit_codes`): 0 done, 1 the database cannot be used, 2 bad input or
arguments (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.cli.parser import Commands, db_argument
from kinerja_desktop.cli.target import ServerDatabase
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationErrors

if TYPE_CHECKING:
    from kinerja_desktop.domain.supervision.ikm import IkmResult


def _say(text: str, *, error: bool = False) -> None:
    """Write a line to stdout, or to stderr for a message about a problem."""
    (sys.stderr if error else sys.stdout).write(text + "\n")


def add_commands(commands: Commands) -> None:
    """Register ``ikm`` on the command line's sub-commands."""
    parser = commands.add_parser(
        "ikm", help="hitung IKM dari berkas jawaban survei (CSV/XLSX), tanpa basis data"
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="berkas jawaban: kolom U1 s.d. U9")
    db_argument(parser, required=False)
    parser.add_argument("--unit", metavar="UNIT", help="unit layanan (dengan --db)")
    parser.add_argument(
        "--period", metavar="P", help="periode survei: 2026, 2026-S1, 2026-TW3 (dengan --db)"
    )


def run(args: argparse.Namespace) -> int | None:
    """Run ``ikm``; messages go to stderr, results to stdout. None for another command."""
    if args.command != "ikm":
        return None
    storing = [args.db is not None, args.unit is not None, args.period is not None]
    if any(storing) and not all(storing):
        _say(
            "Untuk menyimpan hasil, isi ketiganya: --db, --unit dan --period. Tanpa ketiganya "
            "IKM hanya dihitung dan tidak ada yang disimpan.",
            error=True,
        )
        return EXIT_INPUT
    try:
        return _store(args) if all(storing) else _compute(args.file)
    except ValidationErrors as errors:
        for error in errors.errors:
            _say(error.message, error=True)
        _say("Tidak ada yang disimpan.", error=True)
        return EXIT_INPUT
    except StorageError as error:
        _say(error.message, error=True)
        return EXIT_STORAGE
    except DomainError as error:
        _say(error.message, error=True)
        return EXIT_INPUT


def _compute(file: Path) -> int:
    from kinerja_desktop.domain.supervision.ikm import compute_ikm
    from kinerja_desktop.services.supervision.survey_import import read_answers

    imported = read_answers(file)
    result = compute_ikm([row.answers for row in imported.rows])
    _say("\n".join(result_lines(f"Berkas: {imported.file_name}", result)))
    return EXIT_OK


def _store(args: argparse.Namespace) -> int:
    from kinerja_desktop.cli.target import missing, open_database

    path: Path | ServerDatabase = args.db
    if missing(path):
        _say(f"Berkas basis data tidak ada: {path}", error=True)
        return EXIT_STORAGE
    # Storing respondents writes: the one-writer lock and the daily backup, as in the GUI.
    services = open_database(path)
    try:
        surveys = services.supervision.surveys
        survey, added = surveys.store_file(args.unit, args.period, args.file)
        result = surveys.results(survey.id).result
    finally:
        services.close()
    _say("\n".join(result_lines(f"Survei: {survey.title}", result)))
    _say(
        f"Disimpan: {added} responden ditambahkan ke survei {survey.title} "
        f"(kini {survey.responses} responden)."
    )
    return EXIT_OK


def result_lines(heading: str, result: IkmResult) -> list[str]:
    """The printed table: one line per unsur, then the IKM, the grade and the weakest unsur."""
    from kinerja_desktop.domain.supervision.ikm import format_decimal_id

    lines = [
        f"{heading}; {result.respondents} responden"
        + (f", {result.unanswered} jawaban kosong" if result.unanswered else ""),
        f"{'Unsur':<48} {'Dijawab':>7}  {'NRR':>6}  {'Nilai':>6}  Mutu",
    ]
    for item in result.items:
        label = f"{item.item.value} {item.item.label}"
        lines.append(
            f"{label:<48} {item.answered:>7}  {format_decimal_id(item.nrr_shown):>6}  "
            f"{format_decimal_id(item.converted):>6}  {item.grade.value}"
        )
    weakest = ", ".join(f"{item.item.value} {item.item.label}" for item in result.weakest())
    lines += [
        f"IKM: {result.ikm_text}",
        f"Mutu pelayanan: {result.grade.label}",
        f"Unsur terlemah: {weakest}",
    ]
    return lines
