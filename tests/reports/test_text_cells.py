"""TextCell and plain table strings print exactly where a one-line Paragraph would."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.cells import TextCell
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.text import esc


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def positions(flowable: object, width: float = 200) -> list[tuple[str, float, float]]:
    """Each drawn text with its x and y on the page, via pypdf's text visitor."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=1)
    document.build([Table([[flowable]], colWidths=[width])])
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        # Where on the page: the text matrix's origin in the page's coordinates.
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((text.strip(), round(x, 2), round(y, 2)))

    PdfReader(buffer).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    "style", [styles.CELL, styles.CELL_BOLD, styles.CELL_CENTER, styles.HEAD, styles.TITLE]
)
def test_one_line_is_drawn_where_the_paragraph_draws_it(style: ParagraphStyle) -> None:
    text = "19810628 201301 1 011 & <b>"
    cell = TextCell(text, esc(text), style)
    paragraph = Paragraph(esc(text), style)
    assert cell.wrap(200, 500) == paragraph.wrap(200, 500)
    drawn = positions(cell)
    assert " ".join(t for t, _, _ in drawn) == text
    assert drawn == positions(Paragraph(esc(text), style))


def test_text_longer_than_the_cell_wraps_as_a_paragraph() -> None:
    text = "Hasil kerja yang cukup panjang untuk dua baris di sel yang sempit"
    cell = TextCell(text, esc(text), styles.CELL)
    paragraph = Paragraph(esc(text), styles.CELL)
    assert not cell.fits(80)
    assert cell.wrap(80, 500) == paragraph.wrap(80, 500)
    assert cell.height > styles.CELL.leading
    assert [t for t, _, _ in positions(cell, 80)] == [t for t, _, _ in positions(paragraph, 80)]
    # The same cell still prints on one line where it is given the room.
    assert cell.fits(400)
    assert cell.wrap(400, 500)[1] == styles.CELL.leading


@pytest.mark.parametrize(
    ("text", "one_line"),
    [("3", True), ("a  b\tc", True), ("", False), ("dua\nbaris", False)],
)
def test_what_may_be_a_single_line(text: str, one_line: bool) -> None:
    cell = TextCell(text, esc(text), styles.CELL)
    assert cell.fits(300) is one_line


def test_a_line_taller_than_the_room_does_not_fit_and_is_not_split() -> None:
    cell = TextCell("3", "3", styles.CELL)
    assert cell.split(100, 5) == []
    assert cell.split(100, 50) == [cell]


def test_grid_cells_that_fit_become_plain_strings_with_their_font_and_alignment() -> None:
    long = "Rencana hasil kerja yang tidak muat dalam satu baris kolom sempit ini"
    data: list[list[object]] = [
        [blocks.markup("NO", styles.HEAD), blocks.p("Nama")],
        [blocks.p("1", styles.CELL_CENTER), blocks.p(long)],
        [blocks.p("Tebal", styles.CELL_BOLD), blocks.p("kecil", styles.SMALL)],
    ]
    commands = blocks.plain_strings(data, [60, 100])
    assert data[0][0] == "NO" and data[1][0] == "1" and data[2][0] == "Tebal"
    assert data[0][1] == "Nama"
    assert isinstance(data[1][1], TextCell)  # too long: stays a paragraph-like cell
    assert isinstance(data[2][1], TextCell)  # another style: left as it was
    assert ("ALIGN", (0, 0), (0, 0), "CENTER") in commands
    assert ("ALIGN", (0, 1), (0, 1), "CENTER") in commands
    fonts = {command[1]: command[3] for command in commands if command[0] == "FONT"}
    assert fonts[(0, 2)].endswith("-Bold") and fonts[(0, 0)].endswith("-Bold")
    assert not fonts[(1, 0)].endswith("-Bold")


def test_neighbouring_plain_cells_of_a_style_share_one_command() -> None:
    def row() -> list[object]:
        return [
            blocks.p("1", styles.CELL_CENTER),
            blocks.p("2", styles.CELL_CENTER),
            blocks.p("Tebal", styles.CELL_BOLD),
            blocks.p("3", styles.CELL_CENTER),
            blocks.p("4", styles.CELL),
        ]

    data = [row(), row()]
    commands = blocks.plain_strings(data, [40] * 5)
    assert data[1] == ["1", "2", "Tebal", "3", "4"]
    font, bold = styles.CELL.fontName, styles.CELL_BOLD.fontName
    size, leading = styles.CELL.fontSize, styles.CELL.leading
    assert commands[:5] == [
        ("FONT", (0, 0), (1, 0), font, size, leading),
        ("FONT", (2, 0), (2, 0), bold, size, leading),
        ("FONT", (3, 0), (4, 0), font, size, leading),
        ("ALIGN", (0, 0), (1, 0), "CENTER"),
        ("ALIGN", (3, 0), (3, 0), "CENTER"),
    ]
    assert len(commands) == 10  # the second row's own five
    # Drawn, each string has the font and place of its one-line paragraph.
    grid = blocks.grid_style(0, commands)
    table = Table(data, colWidths=[40] * 5, style=grid)
    cells = Table([row(), row()], colWidths=[40] * 5, style=blocks.grid_style(0))
    assert fonts_drawn(table) == fonts_drawn(cells)
    assert layout(table) == layout(cells)


def layout(table: Table) -> list[tuple[str, float, float]]:
    """Each drawn text with its x and y on the page."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([table])
    found: list[tuple[str, float, float]] = []

    def visit(text: str, _cm: object, tm: Any, _font: object, _size: float) -> None:
        if text.strip():
            found.append((text.strip(), round(tm[4], 3), round(tm[5], 3)))

    PdfReader(buffer).pages[0].extract_text(visitor_text=visit)
    return found


def fonts_drawn(table: Table) -> list[tuple[str, str, float]]:
    """Each drawn text with its font's name and size, in drawing order."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([table])
    found: list[tuple[str, str, float]] = []

    def visit(text: str, _cm: object, _tm: object, font: Any, size: float) -> None:
        if text.strip():
            found.append((text.strip(), str(font["/BaseFont"]).split("+")[-1].lstrip("/"), size))

    PdfReader(buffer).pages[0].extract_text(visitor_text=visit)
    return found


def test_a_drawn_line_leaves_the_table_its_own_font() -> None:
    # The table sets its font once for its plain string cells and draws the bold cells
    # between them; each string must still come out in the table's font.
    bold = TextCell("Tebal", "Tebal", styles.HEAD)
    table = Table([["satu", bold, "dua"], [TextCell("3", "3", styles.CELL), "empat", "lima"]])
    table.setStyle([("FONT", (0, 0), (-1, -1), "Times-Roman", 11)])
    drawn = fonts_drawn(table)
    assert [text for text, _, _ in drawn] == ["satu", "Tebal", "dua", "3", "empat", "lima"]
    fonts = {text: (font, size) for text, font, size in drawn}
    assert fonts["Tebal"] == ("DejaVuSansCondensed-Bold", styles.HEAD.fontSize)
    assert fonts["3"] == ("DejaVuSansCondensed", styles.CELL.fontSize)
    for text in ("satu", "dua", "empat", "lima"):
        assert fonts[text] == ("Times-Roman", 11)


@pytest.mark.parametrize(
    "text",
    [
        "Persentase layanan yang diselesaikan sesuai standar pelayanan minimal kelurahan",
        "Rata-rata waktu  penyelesaian\tsurat",  # whitespace to fold: parsed
        "Surat & laporan <b> yang diterbitkan tepat waktu sesuai dengan jadwal",  # entities
        "Pemutakhiran data\u00a0keluarga dan kependudukan yang tervalidasi di kelurahan",
    ],
)
@pytest.mark.parametrize("style", [styles.CELL, styles.CELL_BOLD, styles.HEAD, styles.SMALL])
def test_a_wrapping_cell_is_the_paragraph_its_markup_parses_to(
    text: str, style: ParagraphStyle
) -> None:
    cell = TextCell(text, esc(text), style)
    assert not cell.fits(90)
    parsed = Paragraph(esc(text), style)
    # The same pieces (before wrapping, which turns them into words).
    assert [f.__dict__ for f in cell._fallback().frags] == [f.__dict__ for f in parsed.frags]
    assert cell.wrap(90, 500) == parsed.wrap(90, 500)
    assert positions(cell, 90) == positions(Paragraph(esc(text), style), 90)
