"""Read a printed PDF's text back with its positions: where the signatures and headings fell.

A page that holds only signatures, or ends with a heading, is what a signer refuses; these
helpers find them from the text pypdf extracts (fragment, baseline height, font).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader

MM = 72 / 25.4
#: Below this height is the footer (page number, verification stamp): not the form's content.
FOOTER_TOP = 26 * MM - 2
#: The place-and-date line stands one line (10.5 pt) above the signers' roles.
SIGNATURE_HEAD = 14
#: A heading: a section title ("PERILAKU KERJA", "B. TAMBAHAN", "6 KEBERATAN") on its own.
_HEADING_ROW = re.compile(r"^(?:[A-H]\.|\d+) [A-Z][A-Z /()-]+$")
_SECTION_SIZE = 9.0


@dataclass(frozen=True)
class Fragment:
    y: float
    text: str
    bold: bool
    size: float


@dataclass(frozen=True)
class Line:
    """The fragments printed on one baseline, left to right as drawn."""

    y: float
    fragments: tuple[Fragment, ...]

    @property
    def text(self) -> str:
        return " ".join(f.text for f in self.fragments)


def page_lines(pdf: bytes) -> list[list[Line]]:
    """Each page's lines of content (the footer left out), top to bottom."""
    pages: list[list[Line]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fragments: list[Fragment] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: dict[str, object] | None,
            size: float,
            into: list[Fragment] = fragments,
        ) -> None:
            cleaned = unicodedata.normalize("NFC", text).strip()
            if not cleaned:
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str((font or {}).get("/BaseFont", ""))
            into.append(Fragment(round(y, 1), cleaned, name.endswith("-Bold"), float(size)))

        page.extract_text(visitor_text=visit)
        by_y: dict[float, list[Fragment]] = {}
        for fragment in fragments:
            if fragment.y >= FOOTER_TOP:
                by_y.setdefault(fragment.y, []).append(fragment)
        pages.append([Line(y, tuple(by_y[y])) for y in sorted(by_y, reverse=True)])
    return pages


def lonely_signature_pages(pages: list[list[Line]], roles: set[str]) -> list[int]:
    """Pages (from 1) where the signature block has nothing of the form above it.

    Args:
        pages: From `page_lines`.
        roles: The signers' role lines as printed ("Pejabat Penilai Kinerja,").
    """
    lonely = []
    for number, lines in enumerate(pages, start=1):
        role_ys = [line.y for line in lines if any(f.text in roles for f in line.fragments)]
        if not role_ys:
            continue
        top = max(role_ys) + SIGNATURE_HEAD
        if not any(line.y > top for line in lines):
            lonely.append(number)
    return lonely


def is_heading(line: Line) -> bool:
    """A section heading: a lone bold title of the section style, or a table's section row."""
    if all(f.bold and f.size == _SECTION_SIZE for f in line.fragments):
        return len(line.fragments) == 1
    words = [f for f in line.fragments if not f.text.isdigit()]
    return all(f.bold for f in words) and bool(_HEADING_ROW.match(line.text))


def pages_ending_with_heading(pages: list[list[Line]]) -> list[int]:
    """Pages (from 1) whose last line of content is a section heading."""
    return [n for n, lines in enumerate(pages, start=1) if lines and is_heading(lines[-1])]
