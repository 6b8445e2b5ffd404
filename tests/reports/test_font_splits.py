"""reports/fonts: printable ASCII text is split into subsets at once, as reportlab splits it."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import fonts

FILE = str(resource_path("fonts") / "DejaVuSansCondensed.ttf")
#: Printable ASCII, then text reportlab must place itself: new characters (which take the
#: free codes of the first subset, then further subsets), control characters, a no-break
#: space, the empty string, and ASCII again once those are placed.
TEXTS = (
    "Target Triwulan III: 100% (Kuantitas) ~{}|",
    "",
    "Ω ünïcödé – “kutip”",
    "x\xa0y",
    "tab\there",
    "".join(chr(c) for c in range(0x400, 0x4C0)),  # more than one subset of new characters
    "Kembali ke ASCII: 1,7 Hari",
    "\x7f",
)


class Doc:
    """Stands for a PDF document: reportlab keeps a font's subsets per document object."""


def splits(font: TTFont, texts: tuple[str | bytes, ...], doc: Any) -> list[Any]:
    return [font.splitString(text, doc) for text in texts]


def test_the_splits_are_reportlabs_document_after_document() -> None:
    fast = fonts._split_ascii_at_once(TTFont("SplitFast", FILE))
    plain = TTFont("SplitPlain", FILE)
    for _ in range(2):  # a second document starts its subsets afresh
        fast_doc, plain_doc = Doc(), Doc()
        assert splits(fast, TEXTS, fast_doc) == splits(plain, TEXTS, plain_doc)
        assert fast.state[fast_doc].subsets == plain.state[plain_doc].subsets
        assert fast.splitString(b"bytes", fast_doc) == plain.splitString(b"bytes", plain_doc)


def test_ascii_text_takes_the_shortcut_only_where_ascii_keeps_its_codes() -> None:
    asked: list[str] = []
    font = TTFont("SplitCounted", FILE)
    original = font.splitString

    def counting(text: str, doc: Any, encoding: str = "utf-8") -> Any:
        asked.append(text)
        return original(text, doc, encoding)

    font.splitString = counting
    fonts._split_ascii_at_once(font)
    doc = Doc()
    font.splitString("Pertama", doc)  # the document's font state is made by reportlab
    assert font.splitString("Data dukung (100%)", doc) == [(0, b"Data dukung (100%)")]
    font.splitString("é", doc)
    assert asked == ["Pertama", "é"]
    # A face whose first subset is not ASCII-readable numbers characters as they come.
    packed = TTFont("SplitPacked", FILE, asciiReadable=0)
    fonts._split_ascii_at_once(packed)
    plain = TTFont("SplitPackedPlain", FILE, asciiReadable=0)
    packed_doc, plain_doc = Doc(), Doc()
    assert splits(packed, TEXTS, packed_doc) == splits(plain, TEXTS, plain_doc)
    assert packed.splitString("ba", packed_doc) != [(0, b"ba")]
