"""The TrueType family every form uses, embedded in the PDF (DejaVu Sans Condensed).

reportlab's built-in Helvetica has no glyphs beyond Latin-1 and is not embedded; a shipped
TrueType font prints every name as typed and looks the same on every printer. The fonts live in
``resources/fonts`` (licence beside them); the caller passes that folder, so this module needs
no knowledge of where the app is installed.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
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


class FontsMissingError(RuntimeError):
    """The font files are not where the app expects them (a broken installation)."""


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
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> and <i> inside paragraphs pick the matching face.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
