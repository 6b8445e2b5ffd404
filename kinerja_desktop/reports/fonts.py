"""The TrueType family every form uses, embedded in the PDF (DejaVu Sans Condensed).

reportlab's built-in Helvetica has no glyphs beyond Latin-1 and is not embedded; a shipped
TrueType font prints every name as typed and looks the same on every printer. The fonts live in
``resources/fonts`` (licence beside them); the caller passes that folder, so this module needs
no knowledge of where the app is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "KinerjaSans"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    FAMILY: "DejaVuSansCondensed.ttf",
    BOLD: "DejaVuSansCondensed-Bold.ttf",
    ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSansCondensed-BoldOblique.ttf",
}


#: Subsets kept per face. A form's text needs one or two (see `_keep_subsets`).
KEPT_SUBSETS = 16


class FontsMissingError(RuntimeError):
    """The font files are not where the app expects them (a broken installation)."""


class _KeptCompression(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]  # no stubs
    """reportlab's zlib filter, keeping what it made of the font streams it is given.

    A subset's program and its ToUnicode map are the same for the same subset; compressing
    them again gives the same bytes.
    """

    @staticmethod
    @lru_cache(maxsize=4 * KEPT_SUBSETS)
    def _compressed(content: bytes | str) -> bytes:
        return bytes(pdfdoc.PDFStreamFilterZCompress.encode(None, content))

    def encode(self, text: bytes | str) -> bytes:
        return self._compressed(text)


class _KeptWidths(pdfdoc.PDFArray):  # type: ignore[misc]  # no stubs
    """A subset's widths, formatted once per process for each list of widths."""

    _formatted: ClassVar[dict[tuple[Any, ...], bytes]] = {}

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803
        key = (IND, self.multiline, *self.sequence)
        found = self._formatted.get(key)
        if found is None:
            if len(self._formatted) >= 4 * KEPT_SUBSETS:
                self._formatted.clear()
            found = self._formatted[key] = bytes(super().format(document, IND))
        return found


_KEPT_COMPRESSION = _KeptCompression()


def _keep_subsets(font: TTFont) -> TTFont:
    """Let ``font`` build each subset it embeds once per process, not once per document.

    Every PDF embeds the subset of each face it uses, and reportlab builds it afresh for each
    document: the program from the font file, its ToUnicode map, both compressed, and its
    widths written out (a sixth of a form's rendering). All of it depends only on the face
    and the subset's list of characters, and with reportlab's ASCII-readable subsets the
    first subset always holds the whole ASCII range, so nearly every form embeds the same
    few subsets: what they are made of is kept, and a document embeds the very bytes it
    would have built.
    """
    face = font.face
    make: Callable[[list[int]], bytes] = face.makeSubset
    add: Callable[[Any, str, list[int]], Any] = face.addSubsetObjects

    @lru_cache(maxsize=KEPT_SUBSETS)
    def kept(chars: tuple[int, ...]) -> bytes:
        return make(list(chars))

    def make_subset(subset: Sequence[int]) -> bytes:
        return kept(tuple(subset))

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = add(doc, fontname, subset)
        # The subset's program and ToUnicode map, by the names reportlab registers them under.
        for name in (f"fontFile:{face.filename}({fontname})", f"toUnicodeCMap:{fontname}"):
            stream = doc.idToObject.get(name)
            if isinstance(stream, pdfdoc.PDFStream) and stream.filters == [pdfdoc.PDFZCompress]:
                stream.filters = [_KEPT_COMPRESSION]
        return reference

    add_objects: Callable[[Any], None] = font.addObjects

    def add_font_objects(doc: Any) -> None:
        fonts = doc.idToObject["BasicFonts"].dict
        before = set(fonts)
        add_objects(doc)
        for name in fonts.keys() - before:
            widths: Any = getattr(fonts[name], "Widths", None)
            if type(widths) is pdfdoc.PDFArray:
                fonts[name].Widths = _KeptWidths(widths.sequence)

    face.makeSubset = make_subset
    face.addSubsetObjects = add_subset_objects
    font.addObjects = add_font_objects
    return font


#: Texts whose width is kept per face before the memo starts afresh (a few MB at most).
KEPT_WIDTHS = 50_000


def _keep_widths(font: TTFont) -> TTFont:
    """Let ``font`` work out each text's width at each size once per process.

    Laying out and drawing a form asks for the width of its words and cells about 1,400
    times, mostly the same words at the same sizes form after form ("Data", "Target", the
    labels), and reportlab (without its C accelerator here) adds the glyph widths up in
    Python each time. The width depends only on the face, the text and the size, so it is
    kept as reportlab computed it.
    """
    widths: dict[tuple[str, float], float] = {}
    compute: Callable[..., float] = font.stringWidth

    def string_width(text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if not isinstance(text, str):
            return compute(text, size, encoding)
        key = (text, size)
        width = widths.get(key)
        if width is None:
            if len(widths) >= KEPT_WIDTHS:
                widths.clear()
            width = widths[key] = compute(text, size, encoding)
        return width

    font.stringWidth = string_width
    return font


#: The printable ASCII codes, which an ASCII-readable subset maps to themselves.
_ASCII = range(32, 127)


def _split_ascii_at_once(font: TTFont) -> TTFont:
    """Let ``font`` split printable ASCII text into its subsets without a look-up per character.

    Every string drawn is split into the font's subsets, one character at a time in Python
    (a tenth of a form's rendering). With reportlab's ASCII-readable subsets, the document's
    first subset holds every printable ASCII character at its own code from the start, so
    such a text is that subset's bytes as they are: the answer reportlab's loop gives. The
    shortcut is taken only for a document whose font state has that layout (checked once per
    state), for plain ``str`` (not a shaped string) that is not empty; anything else goes to
    reportlab.
    """
    split: Callable[..., list[tuple[int, bytes]]] = font.splitString
    states: Any = font.state

    def split_string(text: str | bytes, doc: Any, encoding: str = "utf-8") -> Any:
        if type(text) is str and text and text.isascii() and text.isprintable():
            state = states.get(doc)
            if state is not None:
                same: bool | None = state.__dict__.get("_ascii_as_is")
                if same is None:
                    assignments = state.assignments
                    same = state._ascii_as_is = all(assignments.get(n) == n for n in _ASCII)
                if same:
                    return [(0, text.encode("ascii"))]
        return split(text, doc, encoding)

    font.splitString = split_string
    return font


def registered() -> bool:
    return FAMILY in pdfmetrics.getRegisteredFontNames()


def register_fonts(folder: Path) -> None:
    """Register the family from ``folder`` once per process (later calls do nothing).

    Raises:
        FontsMissingError: a font file is missing.
    """
    if registered():
        return
    for name, file in _FILES.items():
        path = folder / file
        if not path.is_file():
            raise FontsMissingError(f"Berkas huruf {file} tidak ditemukan di {folder}.")
        font = _split_ascii_at_once(_keep_widths(_keep_subsets(TTFont(name, str(path)))))
        pdfmetrics.registerFont(font)
    # <b> and <i> inside paragraphs pick the matching face.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
