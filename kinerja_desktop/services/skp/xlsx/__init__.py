"""Export an SKP to an Excel workbook and import one back (docs/skp-xlsx-format.md).

The workbook has three sheets: "SKP" (a short header block, then one row per indicator), "Lampiran"
and "Ekspektasi", and a fourth, "Rencana Aksi", when the SKP has rencana aksi or period targets
(optional on import: a file without it leaves the plans alone). Reading collects every problem
of the file, each naming its sheet, the row as the spreadsheet numbers it and the column as its
heading is written, before anything is saved; the values are then checked by the same rules as
the editor (:func:`validate_skp`, and the Rencana Aksi tab's), whose cell names
(``rhk[0].iki[1].target``) are translated back to rows and columns. Importing replaces a draft
SKP's content (and, with the fourth sheet, its plans) through :meth:`SkpService.save`: one
transaction, all or nothing.

Modules: :mod:`.columns` (sheets, columns and accepted spellings), :mod:`.results` (issues,
preview and refusal), :mod:`.export` (writing the workbook), :mod:`.cells` (loading the file's
cell values), :mod:`.table` (finding each sheet's header row), :mod:`.skp_sheet` (the "SKP"
sheet's RHK and indicators), :mod:`.plans_sheet` (the "Rencana Aksi" sheet), :mod:`.reader`
(the whole file into a preview), :mod:`.plans_store` (the sheet's plans onto the saved SKP) and
:mod:`.service` (the use cases).
"""

from __future__ import annotations

from kinerja_desktop.services.platform.tabular import XLSX_SUFFIXES
from kinerja_desktop.services.skp.xlsx.columns import (
    ASPEK,
    EKSPEKTASI_COLUMNS,
    IKI,
    JENIS,
    LAMPIRAN_COLUMNS,
    LOWER,
    NARATIF,
    NO,
    PARENT,
    PERSPEKTIF,
    RHK,
    SATUAN,
    SHEET_EKSPEKTASI,
    SHEET_LAMPIRAN,
    SHEET_SKP,
    TARGET,
    SheetColumn,
    skp_columns,
)
from kinerja_desktop.services.skp.xlsx.reader import read_skp_workbook
from kinerja_desktop.services.skp.xlsx.results import (
    SkpImportIssue,
    SkpImportPreview,
    SkpImportRefusedError,
)
from kinerja_desktop.services.skp.xlsx.service import SkpXlsxService

__all__ = [
    "ASPEK",
    "EKSPEKTASI_COLUMNS",
    "IKI",
    "JENIS",
    "LAMPIRAN_COLUMNS",
    "LOWER",
    "NARATIF",
    "NO",
    "PARENT",
    "PERSPEKTIF",
    "RHK",
    "SATUAN",
    "SHEET_EKSPEKTASI",
    "SHEET_LAMPIRAN",
    "SHEET_SKP",
    "TARGET",
    "XLSX_SUFFIXES",
    "SheetColumn",
    "SkpImportIssue",
    "SkpImportPreview",
    "SkpImportRefusedError",
    "SkpXlsxService",
    "read_skp_workbook",
    "skp_columns",
]
