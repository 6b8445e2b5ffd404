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
from typing import Any

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
    """reportlab's zlib filter, keeping the compressed bytes of the font programs it is given.

    A kept subset is the same bytes object every time (`_keep_subsets`); compressing it
    again gives the same bytes.
    """

    @staticmethod
    @lru_cache(maxsize=4 * KEPT_SUBSETS)
    def _compressed(program: bytes) -> bytes:
        return bytes(pdfdoc.PDFStreamFilterZCompress.encode(None, program))

    def encode(self, text: bytes | str) -> bytes:
        if isinstance(text, bytes):
            return self._compressed(text)
        return bytes(super().encode(text))


_KEPT_COMPRESSION = _KeptCompression()


def _keep_subsets(font: TTFont) -> TTFont:
    """Let ``font`` build and compress each subset it embeds once per process, not per document.

    Every PDF embeds the subset of each face it uses, and reportlab builds it afresh from the
    font file and compresses it for each document (a sixth of a form's rendering). The
    subset's bytes depend only on the face and its list of characters, and with reportlab's
    ASCII-readable subsets the first subset always holds the whole ASCII range, so nearly
    every form embeds the same few subsets: they are kept, and a document embeds the very
    bytes it would have built.
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
        # The font program's stream, by the name reportlab registers it under.
        program = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if isinstance(program, pdfdoc.PDFStream) and program.filters == [pdfdoc.PDFZCompress]:
            program.filters = [_KEPT_COMPRESSION]
        return reference

    face.makeSubset = make_subset
    face.addSubsetObjects = add_subset_objects
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
        pdfmetrics.registerFont(_keep_subsets(TTFont(name, str(path))))
    # <b> and <i> inside paragraphs pick the matching face.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
