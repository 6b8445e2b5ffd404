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


#: Plain line breaks kept per process before the memo starts afresh (a few MB at most).
SHARED_BREAKS = 20_000

#: Per (style id, text, bullet, width): the style (so that its id stays its own), the wrap
#: widths, the broken lines and the height. Only plain lines are kept here (see `Para`).
_SHARED: dict[tuple[int, str, str | None, float], tuple[Any, list[float], Any, float]] = {}


class Para(Paragraph):  # type: ignore[misc]  # reportlab has no type stubs
    """A ``Paragraph`` that breaks its lines once per width.

    A paragraph's line breaks depend on its text, its style and the width only (not on the
    height offered), so a second wrap at a width it was wrapped at restores what the first
    one found. A table offers a cell spanning rows its width computed another way (the
    difference of two column positions), which differs from the column's width in the last
    bits; widths closer than :data:`SAME_WIDTH` count as the same.

    Paragraphs of the same text in the same style at the same width also share their breaks
    across forms (the behaviour grid's indicators, the headings, the ratings: a tenth of a
    batch's paragraphs are new text). Only breaks into plain lines of plain words (a single
    piece of text, reportlab's "kind 0") are shared: reportlab only reads those when it
    draws or splits the paragraph, while it may change the pieces of richer lines.
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
        key = self._shared_key(availWidth)
        if key is not None:
            shared = _SHARED.get(key)
            if shared is not None and shared[0] is self.style:
                _style, wrap_widths, broken, height = shared
                self.width, self._wrapWidths = availWidth, list(wrap_widths)
                self.blPara, self.height = broken, height
                kept.append((availWidth, self._wrapWidths, broken, height))
                return availWidth, height
        width, height = super().wrap(availWidth, availHeight)
        # A width too narrow for any text sets nothing to keep (reportlab answers "no room").
        if "blPara" in self.__dict__ and self.width == availWidth:
            kept.append((self.width, self._wrapWidths, self.blPara, self.height))
            if key is not None and _plain_lines(self.blPara):
                if len(_SHARED) >= SHARED_BREAKS:
                    _SHARED.clear()
                _SHARED[key] = (self.style, list(self._wrapWidths), self.blPara, self.height)
        return width, height

    def _shared_key(self, width: float) -> tuple[int, str, str | None, float] | None:
        """What the line breaks at ``width`` depend on, if they may be shared.

        The text is the markup (its pieces are what the parser makes of it in this style:
        `cells` builds them so); a split's parts (no text), bullets made of pieces, leading
        set on the paragraph itself or case-insensitive markup are never shared.
        """
        text, bullet = self.text, self.bulletText
        if (
            type(text) is not str
            or not (bullet is None or type(bullet) is str)
            or "autoLeading" in self.__dict__
            or self.caseSensitive != 1
        ):
            return None
        return (id(self.style), text, bullet, width)


def _plain_lines(broken: Any) -> bool:
    """Whether ``broken`` is plain lines of plain words, which drawing and splitting only read."""
    return getattr(broken, "kind", None) == 0 and all(
        type(word) is str for line in broken.lines for word in line[1]
    )


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
