"""A paragraph and a table that keep their layout for a width instead of laying out again.

A form's layout measures the same flowables many times at the same width: the frame wraps a
table to see whether it fits and then asks it to split, `keeping.Kept` measures its body
before splitting it, and a table wraps every cell to size its rows and again to draw them.
reportlab lays everything out afresh each time (a paragraph breaks its lines, a table wraps
all its cells); the results depend only on the width, so these subclasses keep them.

Both print exactly what their reportlab classes print: the kept results are the ones a new
layout at that width would give (`tests/reports/test_measured.py`).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph, Table

#: Widths (points) this close lay a paragraph out alike: far below what a drawing shows.
SAME_WIDTH = 1e-6


class Para(Paragraph):  # type: ignore[misc]  # reportlab has no type stubs
    """A ``Paragraph`` that breaks its lines once per width.

    A paragraph's line breaks depend on its text, its style and the width only (not on the
    height offered), so a second wrap at a width it was wrapped at restores what the first
    one found. A table offers a cell spanning rows its width computed another way (the
    difference of two column positions), which differs from the column's width in the last
    bits; widths closer than :data:`SAME_WIDTH` count as the same.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept: list[tuple[float, Any, Any, float]] | None = self.__dict__.get("_kept_wraps")
        if kept is None:
            kept = []
            self._kept_wraps = kept
        for width, wrap_widths, broken, height in kept:
            if abs(width - availWidth) < SAME_WIDTH:
                self.width, self._wrapWidths = width, wrap_widths
                self.blPara, self.height = broken, height
                return width, height
        width, height = super().wrap(availWidth, availHeight)
        # A width too narrow for any text sets nothing to keep (reportlab answers "no room").
        if "blPara" in self.__dict__ and self.width == availWidth:
            kept.append((self.width, self._wrapWidths, self.blPara, self.height))
        return width, height


class LaidTable(Table):  # type: ignore[misc]  # reportlab has no type stubs
    """A ``Table`` that sizes its rows and columns once per width.

    reportlab's table wraps every cell on each ``wrap`` and ``split``. The sizes depend on
    the width only once every row is measured (a long table stops measuring at the page's
    end), so a complete layout is kept for its width. The parts a split makes are
    ``LaidTable`` too (reportlab builds them from the table's class).

    Tables that may split inside a row (`blocks.rows_may_split`) lay out afresh every time:
    reportlab changes the cells' paddings while trying such a split.
    """

    _laid_at: float | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        if self._laid_at is not None and self._laid_at == availWidth:
            return
        super()._calc(availWidth, availHeight)
        complete = self._hmax == len(self._argH)
        self._laid_at = availWidth if complete and not self.splitInRow else None
