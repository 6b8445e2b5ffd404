"""reports/measured: a paragraph and a table keep their layout per width and print the same."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import measured, styles
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.measured import LaidTable, Para

TEXT = (
    "Terselenggaranya pelayanan administrasi umum dan kependudukan di Kelurahan Kuto Agung "
    "dengan <i>tepat waktu</i> &amp; sesuai standar pelayanan yang berlaku"
)


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def count_breaks(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the width of every line breaking any paragraph does from now on."""
    widths: list[float] = []
    original = Paragraph.breakLines

    def spy(self: Paragraph, width: Any) -> Any:
        widths.append(width[-1])
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", spy)
    return widths


def lines(paragraph: Paragraph) -> list[str]:
    return [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]


def test_a_paragraph_breaks_its_lines_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    breaks = count_breaks(monkeypatch)
    para = Para(TEXT, styles.CELL)
    narrow = para.wrap(120, 500)
    assert para.wrap(120, 80) == narrow  # another height: the same lines
    assert para.wrap(120 + 1e-9, 500) == narrow  # a span's width, off in the last bits
    assert len(breaks) == 1
    wide = para.wrap(300, 500)
    assert wide[1] < narrow[1]
    assert para.wrap(120, 500) == narrow  # back to the first width: restored, not broken
    assert len(breaks) == 2
    # What it keeps is what a new paragraph finds at that width.
    fresh = Paragraph(TEXT, styles.CELL)
    assert fresh.wrap(120, 500) == narrow
    assert para.height == fresh.height and para.width == fresh.width


def test_a_kept_wrap_splits_as_the_paragraph_would() -> None:
    para, fresh = Para(TEXT, styles.CELL), Paragraph(TEXT, styles.CELL)
    para.wrap(300, 500)
    para.wrap(120, 500)
    fresh.wrap(120, 500)
    kept = [part.wrap(120, 500) for part in para.split(120, 25)]
    assert kept == [part.wrap(120, 500) for part in fresh.split(120, 25)]
    assert len(kept) == 2


def table_data(cls: type[Paragraph], rows: int) -> list[list[Any]]:
    return [
        [str(row), cls(f"{row}. {TEXT}", styles.CELL), cls(TEXT[: 20 + row], styles.CELL)]
        for row in range(rows)
    ]


COMMANDS = [
    ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("SPAN", (0, 2), (0, 4)),
    ("SPAN", (2, 6), (2, 7)),
]


def test_a_table_lays_its_cells_out_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    breaks = count_breaks(monkeypatch)
    table = LaidTable(table_data(Para, 12), colWidths=[30, 200, 150], repeatRows=1)
    table.setStyle(TableStyle(COMMANDS))
    size = table.wrap(380, 10_000)
    first = len(breaks)
    assert first == 2 * 12 - 1  # every paragraph once (one lies under a span)
    assert table.wrap(380, 10_000) == size
    parts = table.split(380, size[1] / 2)
    assert len(parts) == 2 and all(isinstance(part, LaidTable) for part in parts)
    assert len(breaks) == first  # the split measured nothing again
    # A long table with spans is measured only to a page's end (reportlab stops there once
    # the spans are done); offered more room, it is measured again.
    long = LaidTable(table_data(Para, 40), colWidths=[30, 200, 150])
    long.setStyle(TableStyle(COMMANDS))
    _, short = long.wrap(380, 100)
    _, whole = long.wrap(380, 10_000)
    assert whole > short


def pdf(table: Table) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build([table])
    return out.getvalue()


def test_a_laid_table_prints_exactly_what_a_table_prints() -> None:
    # Long enough for three pages: the splits, the repeated header and the spans all print.
    tables = []
    for table_class, cell_class in ((Table, Paragraph), (LaidTable, Para)):
        table = table_class(table_data(cell_class, 60), colWidths=[30, 220, 160], repeatRows=1)
        table.setStyle(TableStyle(COMMANDS))
        tables.append(table)
    plain, laid = (pdf(table) for table in tables)
    assert plain.count(b"/Type /Page\n") >= 3
    assert laid == plain


PLAIN = "Memahami dan memenuhi kebutuhan masyarakat sesuai standar pelayanan yang berlaku"


def test_paragraphs_of_the_same_plain_text_share_their_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measured, "_SHARED", {})  # nothing kept by earlier tests
    breaks = count_breaks(monkeypatch)
    first, second = Para(PLAIN, styles.CELL), Para(PLAIN, styles.CELL)
    assert second.wrap(101.5, 500) == first.wrap(101.5, 500)
    assert len(breaks) == 1  # the second took the first's lines
    fresh = Paragraph(PLAIN, styles.CELL)
    assert fresh.wrap(101.5, 500) == second.wrap(101.5, 500)
    assert lines(second) == lines(fresh) and len(lines(fresh)) > 1
    # Another style, another width or another text breaks its own lines.
    Para(PLAIN, styles.CELL_BOLD).wrap(101.5, 500)
    Para(PLAIN, styles.CELL).wrap(140.5, 500)
    Para(PLAIN + " juga", styles.CELL).wrap(101.5, 500)
    assert len(breaks) == 5  # the fresh paragraph's and these three
    # Richer lines (pieces in italics) are shared too, but not in a justified style.
    Para(TEXT, styles.CELL).wrap(101.5, 500)
    Para(TEXT, styles.CELL).wrap(101.5, 500)
    assert len(breaks) == 6
    justified = ParagraphStyle("justified", parent=styles.CELL, alignment=TA_JUSTIFY)
    Para(TEXT, justified).wrap(101.5, 500)
    Para(TEXT, justified).wrap(101.5, 500)
    assert len(breaks) == 8


def test_a_paragraph_splits_richer_shared_lines_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measured, "_SHARED", {})
    first, second = Para(TEXT, styles.CELL), Para(TEXT, styles.CELL)
    first.wrap(80, 500)
    second.wrap(80, 500)
    assert second.blPara is first.blPara and first.blPara.kind == 1
    before = [[word.text for word in line.words] for line in first.blPara.lines]
    fresh = Paragraph(TEXT, styles.CELL)
    fresh.wrap(80, 500)
    parts = second.split(80, 25)
    assert [part.wrap(80, 500) for part in parts] == [
        part.wrap(80, 500) for part in fresh.split(80, 25)
    ]
    # reportlab's split added a space to the last piece of a line: in the second's own lines.
    assert [[word.text for word in line.words] for line in first.blPara.lines] == before


def test_shared_breaks_print_and_split_as_a_paragraph_of_its_own() -> None:
    tables = []
    for table_class, cell_class in ((Table, Paragraph), (LaidTable, Para)):
        rows = [
            [cell_class(PLAIN, styles.CELL), cell_class(f"{n}. {PLAIN}", styles.CELL)]
            for n in range(40)
        ]
        table = table_class(rows, colWidths=[110, 150])
        table.setStyle(TableStyle(COMMANDS[:2]))
        tables.append(table)
    plain, laid = (pdf(table) for table in tables)
    assert plain.count(b"/Type /Page\n") >= 2
    assert laid == plain
    para = Para(PLAIN, styles.CELL)
    para.wrap(60, 500)
    parts = para.split(60, 25)
    fresh = Paragraph(PLAIN, styles.CELL)
    fresh.wrap(60, 500)
    assert [part.wrap(60, 500) for part in parts] == [
        part.wrap(60, 500) for part in fresh.split(60, 25)
    ]
