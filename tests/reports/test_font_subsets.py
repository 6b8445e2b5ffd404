"""reports/fonts: a face builds each embedded subset once and embeds the bytes it would build."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import fonts

FILE = str(resource_path("fonts") / "DejaVuSansCondensed.ttf")


def test_a_subset_is_built_once_and_is_the_subset_reportlab_builds() -> None:
    font = TTFont("SubsetsKept", FILE)
    built: list[list[int]] = []
    original = font.face.makeSubset

    def counting(subset: list[int]) -> bytes:
        built.append(list(subset))
        return bytes(original(subset))

    font.face.makeSubset = counting
    fonts._keep_subsets(font)
    ascii_range = list(range(32, 128))
    first = font.face.makeSubset(ascii_range)
    assert font.face.makeSubset(list(ascii_range)) == first
    assert built == [ascii_range]
    assert first == TTFont("Plain", FILE).face.makeSubset(ascii_range)
    other = font.face.makeSubset([*ascii_range, ord("é")])
    assert other != first and len(built) == 2


def register() -> None:
    """A face with kept subsets and a plain reportlab one, from the same file (once)."""
    if "SubsetsKeptDoc" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(fonts._keep_subsets(TTFont("SubsetsKeptDoc", FILE)))
        pdfmetrics.registerFont(TTFont("PlainDoc", FILE))


def embedded(name: str, text: str) -> list[tuple[object, ...]]:
    """Each font a one-line PDF in face ``name`` embeds: its program as stored and decoded,
    its ToUnicode map as stored, and its widths."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(name, 10)
    canvas.drawString(72, 720, text)
    canvas.save()
    page = PdfReader(out).pages[0]
    programs = []
    for font in page["/Resources"]["/Font"].values():
        descriptor = font.get_object().get("/FontDescriptor")
        if descriptor is not None:
            stream = descriptor.get_object()["/FontFile2"].get_object()
            cmap = font.get_object()["/ToUnicode"].get_object()
            widths = list(font.get_object()["/Widths"])
            programs.append(
                (bytes(stream._data), bytes(stream.get_data()), bytes(cmap._data), widths)
            )
    return programs


def test_documents_embed_the_same_font_program_as_plain_reportlab() -> None:
    # Stored (compressed) and decoded alike, also when the subset was kept from before.
    register()
    for text in ("Rudi Utomo", "Ani Lestari · sidik", "Rudi Utomo"):
        programs = embedded("SubsetsKeptDoc", text)
        assert len(programs) == 1
        assert programs == embedded("PlainDoc", text)


def test_a_second_document_embeds_the_kept_compressed_streams() -> None:
    # Guards the hook: reportlab names the program's stream "fontFile:<file>(<font>)".
    register()
    embedded("SubsetsKeptDoc", "Rencana aksi")
    before = fonts._KeptCompression._compressed.cache_info()
    embedded("SubsetsKeptDoc", "Rencana aksi")
    after = fonts._KeptCompression._compressed.cache_info()
    # The program and the ToUnicode map, compressed before.
    assert after.hits == before.hits + 2 and after.misses == before.misses
