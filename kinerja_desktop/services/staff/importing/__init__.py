"""Import the staff list from a CSV or XLSX file: preview every problem, then write all at once.

The file format is documented in docs/import-format.md. A preview reads the file and checks each
row against the rules and against the database without writing anything; ``apply`` checks again
inside one write transaction and writes every valid row together, or nothing. The checks of the
rows on their own (:func:`.parsing.parse_file`) are kept from the preview while the file's
bytes stay the same; those against the database always run again.

Work is done in bulk so that tens of thousands of rows import in seconds: existing people are
loaded by NIP in chunks, all checks run on in-memory maps, and rows are inserted and updated with
``executemany`` (:mod:`kinerja_desktop.data.repositories.staff_bulk`).

Modules: :mod:`.columns` (the file's columns), :mod:`.units` (Unit Kerja paths),
:mod:`.parsing` (each row's own checks), :mod:`.validation` (against the database, duplicates,
penilai loops), :mod:`.changes` (what a valid row changes), :mod:`.writer` (the bulk write),
:mod:`.results` (preview and result) and :mod:`.service` (the use cases).
"""

from __future__ import annotations

from kinerja_desktop.services.staff.importing.columns import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from kinerja_desktop.services.staff.importing.results import (
    ImportAction,
    ImportIssue,
    ImportPreview,
    ImportRefusedError,
    ImportResult,
    NewUnit,
    PreviewRow,
    UpdatedPerson,
)
from kinerja_desktop.services.staff.importing.service import StaffImportService
from kinerja_desktop.services.staff.importing.units import UNIT_NAME_MAX, UNIT_PATH_SEPARATOR

__all__ = [
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "UNIT_NAME_MAX",
    "UNIT_PATH_SEPARATOR",
    "ImportAction",
    "ImportIssue",
    "ImportPreview",
    "ImportRefusedError",
    "ImportResult",
    "NewUnit",
    "PreviewRow",
    "StaffImportService",
    "UpdatedPerson",
]
