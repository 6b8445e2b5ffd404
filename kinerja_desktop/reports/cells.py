"""A cheap flowable for the many short cells of a form (numbers, labels, NIPs, targets).

A reportlab ``Paragraph`` parses its markup and breaks lines even for "3" or "Kuantitas"; a
form has about 170 of them, and building, wrapping and drawing paragraphs was most of a form's
rendering time. :class:`TextCell` measures its text once; when it fits on one line of the width
it is given, it draws it exactly where a one-line ``Paragraph`` of the same style would (same
font, size, alignment and baseline), and otherwise it becomes that ``Paragraph`` (built on
first need) and lets it wrap, split and draw. The printed text is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from kinerja_desktop.reports.measured import Para
from kinerja_desktop.reports.text import esc

#: Rounding slack when comparing a measured width with the room: a Paragraph's own test.
_EPSILON = 1e-8


#: Per paragraph style (by id, with the style kept so the id stays its own): the text piece
#: reportlab's markup parser makes of a plain word in that style.
_PLAIN_PIECES: dict[int, tuple[ParagraphStyle, Any]] = {}


def _paragraph(markup: str, text: str, style: ParagraphStyle) -> Para:
    """``Para(markup, style)``, without running the markup parser over plain text.

    Parsing is most of a cell's paragraph's cost before it is laid out. Text without markup,
    entities or whitespace to fold (``markup == text``) parses into one piece: the style's
    piece with that text, which is what is built here from the piece parsed once per style.
    """
    if markup != text or style.textTransform:
        return Para(markup, style)
    known = _PLAIN_PIECES.get(id(style))
    if known is None or known[0] is not style:
        known = (style, Paragraph("x", style).frags[0])
        _PLAIN_PIECES[id(style)] = known
    return Para(text, style, frags=[known[1].clone(text=text)])


#: Per (paragraph style id, template): the style and the pieces the template parses into,
#: its slots holding :data:`_SLOT` marks (see :func:`filled`).
_TEMPLATES: dict[tuple[int, str], tuple[ParagraphStyle, list[Any]]] = {}
#: A slot's mark while its template is parsed: private-use characters no value carries.
_SLOT = "\ue000{}\ue001"


def filled(template: str, values: Sequence[str], style: ParagraphStyle) -> Para:
    """``Para(template.format(*escaped values), style)``, the template parsed once per style.

    ``template`` is the app's own markup with ``{0}``, ``{1}``... for user text. A form's
    results table has such a cell per indicator (the realisation under its period target) and
    per RHK (the rencana aksi), and reportlab's markup parser was most of their cost. Values
    that the parser would take as they are (no markup characters, nothing to normalise,
    whitespace already single spaces, not empty) give the very pieces the parser makes of the
    template with the slot marks, with each mark replaced by its value; any other value, or a
    style with a text transform, is parsed (`tests/reports/test_filled_cells.py` compares the
    pieces).
    """
    markup = template.format(*(esc(value) for value in values))
    if style.textTransform or not all(_as_parsed(value) for value in values):
        return Para(markup, style)
    key = (id(style), template)
    known = _TEMPLATES.get(key)
    if known is None or known[0] is not style:
        marked = Paragraph(template.format(*(_SLOT.format(i) for i in range(len(values)))), style)
        known = (style, marked.frags)
        _TEMPLATES[key] = known
    marks = [(_SLOT.format(i), value) for i, value in enumerate(values)]
    frags = []
    for frag in known[1]:
        text = getattr(frag, "text", "")
        if "\ue000" in text:
            for mark, value in marks:
                text = text.replace(mark, value)
            frags.append(frag.clone(text=text))
        else:
            frags.append(frag.clone())
    return Para(cleanBlockQuotedText(markup), style, frags=frags)


def _as_parsed(value: str) -> bool:
    """Whether the markup parser keeps ``value`` as it is, in one piece of text."""
    return (
        bool(value)
        and esc(value) == value
        and " ".join(value.split()) == value
        and "\ue000" not in value
    )


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
            self._paragraph = _paragraph(self._markup, self.text, self.style)
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

    def _line_start(self) -> tuple[float, float]:
        """Where a one-line Paragraph starts its line, from the cell's bottom left corner.

        The baseline lies one font size below the top (rl_config.paraFontSizeHeightOffset),
        the line aligned inside the indents.
        """
        style = self.style
        left = style.leftIndent
        spare = self._room(self.width) - self._text_width
        if style.alignment == TA_CENTER:
            left += spare / 2
        elif style.alignment == TA_RIGHT:
            left += spare
        return left, self.height - style.fontSize

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Draw the cell with its bottom left corner at (``x``, ``y``).

        reportlab's ``drawOn`` saves the graphics state, moves the origin there and restores
        the state for every flowable, and the line then sets its colour and font on the
        canvas: a form's hundreds of short cells spent more on that than on their text. A
        one-line cell is one text object carrying its own font and colour, at the same place,
        inside a bare save and restore (so what follows keeps its own font and colour); a
        paragraph draws itself as it would inside the cell.
        """
        if self._as_paragraph:
            self._fallback().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        left, baseline = self._line_start()
        style = self.style
        line = canvas.beginText(x + left, y + baseline)
        line.setFont(style.fontName, style.fontSize, style.leading)
        line.setFillColor(style.textColor)
        line.textOut(self.text)
        canvas.addLiteral("q")
        canvas.drawText(line)
        canvas.addLiteral("Q")

    def draw(self) -> None:
        """Draw at the canvas's origin (`drawOn` places the cell itself)."""
        if self._as_paragraph:
            self._fallback().drawOn(self.canv, 0, 0)
            return
        style = self.style
        left, baseline = self._line_start()
        self.canv.setFillColor(style.textColor)
        self.canv.setFont(style.fontName, style.fontSize, style.leading)
        self.canv.drawString(left, baseline, self.text)
