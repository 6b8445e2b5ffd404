"""Pasting rows copied from a spreadsheet (tab-separated) into the SKP editor.

The rows are written through the model's own API, cell by cell, as if typed: a refused cell
keeps its text, is marked red, and is listed in the `PasteResult`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinerja_desktop.ui.skp.columns import IKI_COLUMNS, Col
from kinerja_desktop.ui.skp.operations import EditRefusedError
from kinerja_desktop.ui.skp.roles import Index, NumberRole

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from kinerja_desktop.ui.skp.editor_model import SkpEditorModel


@dataclass(frozen=True)
class PasteResult:
    """What a paste did: rows written, indicators added, and the cells that were refused."""

    rows: int
    added: int
    refused: tuple[str, ...]

    @property
    def summary(self) -> str:
        text = f"{self.rows} baris ditempel"
        if self.added:
            text += f" ({self.added} indikator baru)"
        if not self.refused:
            return text + "; semua sel diterima."
        return f"{text}; {len(self.refused)} sel ditolak dan ditandai merah: " + " · ".join(
            self.refused
        )


def split_rows(text: str) -> list[list[str]]:
    """Split a spreadsheet's clipboard text into rows of cells (quoted cells may hold breaks)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if normalised.endswith("\n"):
        normalised = normalised[:-1]
    if not normalised:
        return []
    return [row for row in csv.reader(io.StringIO(normalised), delimiter="\t") if row != []]


def paste_rows(model: SkpEditorModel, at: Index, text: str, order: Sequence[Col]) -> PasteResult:
    """Paste tab-separated rows from the cell ``at`` (see `SkpEditorModel.paste`).

    Args:
        model: The editor's model (the caller has checked that it may be edited).
        at: The current cell.
        text: The clipboard text.
        order: The columns in the order the view shows them.

    Returns:
        How many rows were written and which cells were refused (kept, marked red).
    """
    kind = model.row_kind(at)
    rows = split_rows(text)
    if kind is None or not rows:
        return PasteResult(0, 0, ())
    if len(rows) == 1 and len(rows[0]) == 1 and kind != "group":
        error = model.set_cell_text(at, rows[0][0])
        return PasteResult(1, 0, (error,) if error else ())
    rhk, first = _first_indicator(model, at, kind)
    start = _start_column(model.column_key(at.column()), order)
    refused: list[str] = []
    added = 0
    for offset, cells in enumerate(rows):
        position = first + offset
        if position >= model.rowCount(rhk):
            model.add_indicator(rhk)
            added += 1
        for step, cell in enumerate(cells):
            if start + step >= len(order):
                where = f"RHK {rhk.data(NumberRole)}, indikator {position + 1}"
                refused.append(f"{where}: {len(cells) - step} sel melewati kolom terakhir")
                break
            column = model.columns.index(order[start + step])
            error = model.set_cell_text(model.index(position, column, rhk), cell)
            if error:
                refused.append(error)
    return PasteResult(len(rows), added, tuple(refused))


def _first_indicator(model: SkpEditorModel, at: Index, kind: str) -> tuple[QModelIndex, int]:
    """Return the RHK the rows go under, and the row of the indicator the first one goes to."""
    here = model.index_at(model.position(at), at.column())  # ``at`` may be an older index
    if kind == "iki":
        return here.parent(), here.row()
    if kind == "rhk":
        rhk = here.siblingAtColumn(0)
        return rhk, model.rowCount(rhk)
    raise EditRefusedError("Tempel baris indikator pada baris RHK atau indikator.")


def _start_column(current: Col, order: Sequence[Col]) -> int:
    """The place in ``order`` of the first pasted cell: an RHK cell starts at the indicator's."""
    if current not in IKI_COLUMNS:
        current = next((col for col in order if col in IKI_COLUMNS), current)
    return order.index(current) if current in order else 0
