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

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph, Table

#: Widths (points) this close lay a paragraph out alike: far below what a drawing shows.
SAME_WIDTH = 1e-6


#: Line breaks kept per process before the memo starts afresh: about 6 KB each (the richer
#: lines' pieces), 12 MB at most; a form adds about ten that no other form shares.
SHARED_BREAKS = 2_000

#: Per (style id, text, bullet, width): the style (so that its id stays its own), the wrap
#: widths, the broken lines and the height (see `Para`).
_SHARED: dict[tuple[int, str, str | None, float], tuple[Any, list[float], Any, float]] = {}


class Para(Paragraph):  # type: ignore[misc]  # reportlab has no type stubs
    """A ``Paragraph`` that breaks its lines once per width.

    A paragraph's line breaks depend on its text, its style and the width only (not on the
    height offered), so a second wrap at a width it was wrapped at restores what the first
    one found. A table offers a cell spanning rows its width computed another way (the
    difference of two column positions), which differs from the column's width in the last
    bits; widths closer than :data:`SAME_WIDTH` count as the same.

    Paragraphs of the same text in the same style at the same width also share their breaks
    across forms (the behaviour grid's indicators, the headings, the ratings, the period
    targets: a third of a batch's paragraphs are new text). reportlab only reads the lines
    when it draws them; splitting a paragraph of richer lines (reportlab's "kind 1") changes
    their pieces, so such a paragraph breaks its own lines again before it splits. Lines
    that draw images or call back, and justified or right-to-left styles, are not shared.
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
                self._shared_lines = broken
                kept.append((availWidth, self._wrapWidths, broken, height))
                return availWidth, height
        width, height = super().wrap(availWidth, availHeight)
        # A width too narrow for any text sets nothing to keep (reportlab answers "no room").
        if "blPara" in self.__dict__ and self.width == availWidth:
            kept.append((self.width, self._wrapWidths, self.blPara, self.height))
            if key is not None and _shareable(self.blPara, self.style):
                if len(_SHARED) >= SHARED_BREAKS:
                    _SHARED.clear()
                _SHARED[key] = (self.style, list(self._wrapWidths), self.blPara, self.height)
                self._shared_lines = self.blPara
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        broken: Any = self.__dict__.get("blPara")
        shared = broken is not None and broken is self.__dict__.get("_shared_lines")
        if shared and broken.kind == 1:
            # reportlab's split of richer lines edits their pieces: split lines of its own.
            Paragraph.wrap(self, self.width, availHeight)
        return list(super().split(availWidth, availHeight))

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


def _shareable(broken: Any, style: Any) -> bool:
    """Whether other paragraphs may draw ``broken``: reportlab only reads such lines.

    Plain lines of plain words (kind 0) always; richer lines (kind 1) in a left, centred or
    right aligned, left-to-right style without images or callbacks among their pieces.
    """
    kind = getattr(broken, "kind", None)
    if kind == 0:
        return all(type(word) is str for line in broken.lines for word in line[1])
    return (
        kind == 1
        and style.alignment in (TA_LEFT, TA_CENTER, TA_RIGHT)
        and style.wordWrap in (None, "LTR")
        and not any(hasattr(word, "cbDefn") for line in broken.lines for word in line.words)
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
