"""The SKP editor's columns: their names, headers, widths, and which ones a layout shows."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from kinerja_desktop.domain.skp import Pendekatan, SkpLayout


class Col(StrEnum):
    """The editor's columns; the values are the part names of the cells' fields."""

    NO = "no"
    PARENT = "parent"
    TEXT = "text"
    ASPEK = "aspek"
    PERSPEKTIF = "perspektif"
    INDICATOR = "indicator"
    TARGET = "target"
    UNIT = "unit"
    TARGET_TEXT = "target_text"
    LOWER = "lower_is_better"


HEADERS: Mapping[Col, str] = {
    Col.NO: "No",
    Col.PARENT: "RHK Atasan yang Diintervensi",
    Col.TEXT: "Rencana Hasil Kerja",
    Col.ASPEK: "Aspek",
    Col.PERSPEKTIF: "Perspektif",
    Col.INDICATOR: "Indikator Kinerja Individu",
    Col.TARGET: "Target",
    Col.UNIT: "Satuan",
    Col.TARGET_TEXT: "Target Naratif",
    Col.LOWER: "Makin kecil makin baik",
}

RHK_COLUMNS = frozenset({Col.PARENT, Col.TEXT})
IKI_COLUMNS = frozenset(
    {Col.ASPEK, Col.PERSPEKTIF, Col.INDICATOR, Col.TARGET, Col.UNIT, Col.TARGET_TEXT, Col.LOWER}
)

#: Starting widths of the columns, in pixels.
COLUMN_WIDTHS: Mapping[Col, int] = {
    Col.NO: 64,
    Col.PARENT: 210,
    Col.TEXT: 250,
    Col.ASPEK: 96,
    Col.PERSPEKTIF: 140,
    Col.INDICATOR: 250,
    Col.TARGET: 72,
    Col.UNIT: 90,
    Col.TARGET_TEXT: 260,
    Col.LOWER: 70,
}


def columns_for(layout: SkpLayout, pendekatan: Pendekatan) -> tuple[Col, ...]:
    """Return the editor's columns: JPT shows perspektif, JA/JF aspek; qualitative a narrative."""
    choice = Col.PERSPEKTIF if layout is SkpLayout.JPT else Col.ASPEK
    if pendekatan is Pendekatan.KUANTITATIF:
        tail: tuple[Col, ...] = (Col.TARGET, Col.UNIT, Col.LOWER)
    else:
        tail = (Col.TARGET_TEXT,)
    return (Col.NO, Col.PARENT, Col.TEXT, choice, Col.INDICATOR, *tail)
