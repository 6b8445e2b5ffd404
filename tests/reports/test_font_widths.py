"""reports/fonts: a face works out a text's width once per size, the number reportlab gives."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import fonts

FILE = str(resource_path("fonts") / "DejaVuSansCondensed.ttf")
TEXTS = ("Data", "Target Triwulan III:", "1,7 Hari", "Ω ünïcödé – “kutip”", "", " ", "x\xa0y")
SIZES = (7, 8, 8.5, 9, 10.25, 14)


def test_the_widths_are_reportlabs() -> None:
    kept = fonts._keep_widths(TTFont("WidthsKept", FILE))
    plain = TTFont("WidthsPlain", FILE)
    for _ in range(2):  # worked out, then kept
        for text in TEXTS:
            for size in SIZES:
                assert kept.stringWidth(text, size) == plain.stringWidth(text, size)
    assert kept.stringWidth(b"Data", 9) == plain.stringWidth(b"Data", 9)


def test_a_width_is_worked_out_once_per_text_and_size() -> None:
    font = TTFont("WidthsCounted", FILE)
    asked: list[tuple[str, float]] = []
    original = font.stringWidth

    def counting(text: str, size: float, encoding: str = "utf8") -> float:
        asked.append((text, size))
        return float(original(text, size, encoding))

    font.stringWidth = counting
    fonts._keep_widths(font)
    for _ in range(3):
        font.stringWidth("Target", 9)
        font.stringWidth("Target", 8)
    assert asked == [("Target", 9), ("Target", 8)]
