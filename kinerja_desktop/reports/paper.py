"""Paper sizes the offices use and each form's orientation."""

from __future__ import annotations

from enum import StrEnum

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm

#: F4 ("folio"), common in Indonesian offices: 215 x 330 mm.
F4 = (215 * mm, 330 * mm)


class Paper(StrEnum):
    A4 = "a4"
    F4 = "f4"

    @property
    def label(self) -> str:
        return {"a4": "A4 (210 x 297 mm)", "f4": "F4 (215 x 330 mm)"}[self.value]


class Orientation(StrEnum):
    PORTRAIT = "PORTRAIT"
    LANDSCAPE = "LANDSCAPE"


def page_size(paper: Paper, orientation: Orientation) -> tuple[float, float]:
    """Width and height in points."""
    size = A4 if paper is Paper.A4 else F4
    turned = landscape(size) if orientation is Orientation.LANDSCAPE else portrait(size)
    return float(turned[0]), float(turned[1])
