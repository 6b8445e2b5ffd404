"""A cheap flowable for the many short cells of a form (numbers, labels, NIPs, targets).

A reportlab ``Paragraph`` parses its markup and breaks lines even for "3" or "Kuantitas"; a
form has about 170 of them, and building, wrapping and drawing paragraphs was most of a form's
rendering time. :class:`TextCell` measures its text once; when it fits on one line of the width
it is given, it draws it exactly where a one-line ``Paragraph`` of the same style would (same
font, size, alignment and baseline), and otherwise it becomes that ``Paragraph`` (built on
first need) and lets it wrap, split and draw. The printed text is the same either way.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from kinerja_desktop.reports.measured import Para

#: Rounding slack when comparing a measured width with the room: a Paragraph's own test.
_EPSILON = 1e-8


class TextCell(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """Plain text in a paragraph style: one drawn line when it fits, else a ``Paragraph``.

    Args:
        text: The text as printed (NFC, not escaped); whitespace runs print as one space, as
            in a ``Paragraph``.
        markup: The same text as ``Paragraph`` markup (escaped), for when it must wrap.
        style: The paragraph style (font, size, leading, alignment, indents, space around).
    """

    def __init__(self, text: str, markup: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self._markup = markup
        self.style = style
        self._text_width = stringWidth(self.text, style.fontName, style.fontSize)
        self._paragraph: Paragraph | None = None
        # Line breaks, an empty text, and styles with more than font and alignment (bullets,
        # first-line indents, backgrounds, justification) are left to the Paragraph.
        self._always_paragraph = (
            not self.text
            or "\n" in text
            or style.firstLineIndent
            or style.backColor is not None
            or style.borderWidth
            or style.alignment not in (TA_LEFT, TA_CENTER, TA_RIGHT)
        )
        self._as_paragraph = bool(self._always_paragraph)

    def __repr__(self) -> str:
        return f"TextCell({self.text!r})"

    def fits(self, width: float) -> bool:
        """Whether the text prints on one line in ``width`` (cell width less its padding)."""
        return not self._always_paragraph and self._text_width <= self._room(width) + _EPSILON

    def _fallback(self) -> Paragraph:
        if self._paragraph is None:
            self._paragraph = Para(self._markup, self.style)
        return self._paragraph

    def _room(self, avail_width: float) -> float:
        return float(avail_width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._as_paragraph = bool(
            self._always_paragraph or self._text_width > self._room(availWidth) + _EPSILON
        )
        if self._as_paragraph:
            # A `Para`: wrapped again at a width it knows, it keeps its line breaks.
            width, height = self._fallback().wrap(availWidth, availHeight)
        else:
            width, height = availWidth, self.style.leading
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        if self._always_paragraph or self._text_width > self._room(availWidth) + _EPSILON:
            return list(self._fallback().split(availWidth, availHeight))
        return [] if availHeight < self.style.leading else [self]

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return float(self._fallback().minWidth())

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        if self._as_paragraph:
            self._fallback().drawOn(self.canv, 0, 0)
            return
        style = self.style
        canvas = self.canv
        # Where a one-line Paragraph puts its line: baseline one font size below the top
        # (rl_config.paraFontSizeHeightOffset), aligned inside the indents.
        left = style.leftIndent
        spare = self._room(self.width) - self._text_width
        if style.alignment == TA_CENTER:
            left += spare / 2
        elif style.alignment == TA_RIGHT:
            left += spare
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        canvas.drawString(left, self.height - style.fontSize, self.text)
