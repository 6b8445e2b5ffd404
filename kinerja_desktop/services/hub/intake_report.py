"""The intake's report as an .xlsx: one row per package, with what came in and what is left."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services.hub.intake import IntakeReport
from kinerja_desktop.services.platform.xlsx_tables import Table, TableColumn
from kinerja_desktop.services.platform.xlsx_writing import save_tables

SHEET = "Penerimaan paket"
COLUMNS = (
    TableColumn("Unit", 40, wrap=True),
    TableColumn("Berkas", 30),
    TableColumn("Nomor", 8, "0"),
    TableColumn("Hasil", 22),
    TableColumn("Ditambah", 10, "0"),
    TableColumn("Diganti", 10, "0"),
    TableColumn("Dipertahankan", 14, "0"),
    TableColumn("Konflik", 10, "0"),
    TableColumn("Alasan", 60, wrap=True),
)


def write_intake_report(report: IntakeReport, target: Path) -> None:
    """Write the report whole, or leave ``target`` as it was.

    Raises:
        ValidationError: the file cannot be written (named, with the cause).
    """
    rows = [
        [
            line.unit,
            line.file,
            line.sequence,
            str(line.outcome),
            line.added,
            line.replaced,
            line.kept,
            line.conflicts,
            line.reason,
        ]
        for line in report.lines
    ]
    save_tables(target, [Table(SHEET, COLUMNS, rows)])
