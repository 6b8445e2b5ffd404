"""Small builders shared by the forms: letterhead, identity blocks, tables, signatures."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    Spacer,
    Table,
    TableStyle,
)

from kinerja_desktop.reports import styles
from kinerja_desktop.reports.cells import TextCell, filled
from kinerja_desktop.reports.content import Letterhead, PersonBlock, Signature
from kinerja_desktop.reports.fonts import BOLD, FAMILY
from kinerja_desktop.reports.keeping import keep_with_next, keep_with_previous
from kinerja_desktop.reports.measured import LaidTable, Para
from kinerja_desktop.reports.text import esc, normal

#: Whether a table row taller than a page may be split inside the row (see `rows_may_split`).
_SPLIT_IN_ROW: ContextVar[bool] = ContextVar("split_in_row", default=False)

#: Room for a wet signature and a stamp between the role and the name.
SIGNING_SPACE = 22 * mm
LOGO_SIZE = 18 * mm


def p(text: str, style: ParagraphStyle = styles.CELL) -> Flowable:
    """A paragraph of user text (escaped); a single drawn line when it fits (`TextCell`)."""
    return TextCell(normal(text), esc(text), style)


def markup(text: str, style: ParagraphStyle = styles.CELL) -> Flowable:
    """A paragraph of the app's own markup (labels only; never user text)."""
    if "<" in text or "&" in text:
        return Para(text, style)
    return TextCell(text, text, style)


@contextmanager
def rows_may_split() -> Iterator[None]:
    """Let rows split inside themselves while building tables in this block.

    Rows are kept whole by default (it reads better); a cell with more text than a page holds
    would then not fit anywhere, so the renderer builds again inside this block.
    """
    token = _SPLIT_IN_ROW.set(True)
    try:
        yield
    finally:
        _SPLIT_IN_ROW.reset(token)


def split_in_row() -> int:
    """The ``splitInRow`` value for tables built now (see `rows_may_split`)."""
    return int(_SPLIT_IN_ROW.get())


def letterhead(head: Letterhead, width: float) -> Flowable:
    lines = [p(head.instansi.upper(), styles.LETTERHEAD)]
    if head.unit and head.unit != head.instansi:
        lines.append(p(head.unit.upper(), styles.LETTERHEAD_SUB))
    if head.logo is None:
        table = LaidTable([[lines]], colWidths=[width])
    else:
        logo = Image(io.BytesIO(head.logo), width=LOGO_SIZE, height=LOGO_SIZE, kind="proportional")
        table = LaidTable(
            [[logo, lines, ""]], colWidths=[LOGO_SIZE + 4 * mm, None, LOGO_SIZE + 4 * mm]
        )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, styles.GRID),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def titles(*lines: str) -> list[Flowable]:
    """The form's title (first line, large) and subtitles; these are the app's own words."""
    out: list[Flowable] = [Spacer(1, 3 * mm)]
    for index, line in enumerate(lines):
        out.append(p(line, styles.TITLE if index == 0 else styles.SUBTITLE))
    out.append(Spacer(1, 3 * mm))
    return out


#: Left plus right padding of a grid table's cells (see `grid_style`).
GRID_PADDING = 6

#: How a one-line cell of each paragraph style is drawn as a plain table string.
_PLAIN: dict[int, tuple[str, str]] = {
    id(styles.CELL): (FAMILY, "LEFT"),
    id(styles.CELL_BOLD): (BOLD, "LEFT"),
    id(styles.CELL_CENTER): (FAMILY, "CENTER"),
    id(styles.HEAD): (BOLD, "CENTER"),
}


def plain_strings(data: list[list[Any]], widths: Sequence[float]) -> list[tuple[object, ...]]:
    """Turn a grid table's one-line cells into plain strings; return the commands they need.

    A table draws a string cell itself, without wrapping, measuring or moving the canvas for
    a flowable: the cheapest way to print the many short cells of a form. The string lands
    where the one-line paragraph would (same font, size, leading, alignment, baseline), so
    the sheet prints the same; a cell that needs two lines, or another style, stays as it was.
    The commands name the cells they change, so other cells (the empty ones too) keep their
    metrics; neighbours in a row that take the same font or alignment share one command
    (reportlab's table handles a command per range as cheaply as one per cell).
    """
    commands: list[tuple[object, ...]] = []
    for r, row in enumerate(data):
        fonts: list[list[Any]] = []
        aligns: list[list[Any]] = []
        for c, cell in enumerate(row):
            if not isinstance(cell, TextCell):
                continue
            plain = _PLAIN.get(id(cell.style))
            if plain is None or not cell.fits(widths[c] - GRID_PADDING):
                continue
            font, align = plain
            row[c] = cell.text
            style = cell.style
            _widen(fonts, c, (font, style.fontSize, style.leading))
            if align != "LEFT":
                _widen(aligns, c, (align,))
        commands.extend(("FONT", (first, r), (last, r), *values) for first, last, values in fonts)
        commands.extend(("ALIGN", (first, r), (last, r), *values) for first, last, values in aligns)
    return commands


def _widen(ranges: list[list[Any]], column: int, values: tuple[object, ...]) -> None:
    """Add ``column`` to the last range of a row if it is its neighbour with the same values."""
    if ranges and ranges[-1][1] == column - 1 and ranges[-1][2] == values:
        ranges[-1][1] = column
    else:
        ranges.append([column, column, values])


def grid_style(header_rows: int = 1, extra: Sequence[tuple[object, ...]] = ()) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), styles.HEADER_FILL))
        commands.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
    commands.extend(extra)
    return TableStyle(commands)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    fractions: Sequence[float],
    width: float,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A ruled table whose header repeats on every page; cells should be paragraphs."""
    widths = [width * f / sum(fractions) for f in fractions]
    data: list[list[Flowable | str]] = [[markup(h, styles.HEAD) for h in header]]
    data.extend(list(row) for row in rows)
    plain = plain_strings(data, widths)
    table = LaidTable(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=split_in_row())
    table.setStyle(grid_style(1, [*extra, *plain]))
    return table


def _person_rows(person: PersonBlock | None) -> list[tuple[str, str]]:
    if person is None:
        return [
            ("NAMA", "-"),
            ("NIP", "-"),
            ("PANGKAT/GOL RUANG", "-"),
            ("JABATAN", "-"),
            ("UNIT KERJA", "-"),
        ]
    return [
        ("NAMA", person.name),
        ("NIP", person.nip or "-"),
        ("PANGKAT/GOL RUANG", person.pangkat or "-"),
        ("JABATAN", person.jabatan),
        ("UNIT KERJA", person.unit),
    ]


def identity_pair(pegawai: PersonBlock, penilai: PersonBlock | None, width: float) -> Table:
    """The two-column identity table: PEGAWAI YANG DINILAI | PEJABAT PENILAI KINERJA."""
    left, right = _person_rows(pegawai), _person_rows(penilai)
    data: list[list[Flowable | str]] = [
        [
            markup("NO", styles.HEAD),
            markup("PEGAWAI YANG DINILAI", styles.HEAD),
            "",
            markup("NO", styles.HEAD),
            markup("PEJABAT PENILAI KINERJA", styles.HEAD),
            "",
        ]
    ]
    for index, ((l_label, l_value), (r_label, r_value)) in enumerate(zip(left, right, strict=True)):
        data.append(
            [
                p(str(index + 1), styles.CELL_CENTER),
                markup(l_label),
                p(l_value),
                p(str(index + 1), styles.CELL_CENTER),
                markup(r_label),
                p(r_value),
            ]
        )
    widths = [width * f for f in (0.04, 0.14, 0.32, 0.04, 0.14, 0.32)]
    plain = plain_strings(data, widths)
    table = LaidTable(data, colWidths=widths)
    table.setStyle(grid_style(1, [("SPAN", (1, 0), (2, 0)), ("SPAN", (4, 0), (5, 0)), *plain]))
    return table


def identity_sections(
    sections: Sequence[tuple[str, str, PersonBlock | None]], width: float
) -> Table:
    """Numbered identity sections stacked, as the Dokumen Evaluasi prints them."""
    data: list[list[Flowable | str]] = []
    commands: list[tuple[object, ...]] = []
    for number, title, person in sections:
        start = len(data)
        data.append([p(number, styles.CELL_CENTER), markup(title, styles.CELL_BOLD), ""])
        commands.append(("SPAN", (1, start), (2, start)))
        commands.append(("BACKGROUND", (0, start), (-1, start), styles.SECTION_FILL))
        for label, value in _person_rows(person):
            data.append(["", markup(label), p(value)])
    widths = [width * f for f in (0.06, 0.28, 0.66)]
    commands.extend(plain_strings(data, widths))
    table = LaidTable(data, colWidths=widths, repeatRows=0)
    table.setStyle(grid_style(0, commands))
    return table


def _signature_cell(signature: Signature) -> list[Flowable]:
    cell: list[Flowable] = []
    # An empty line keeps both columns' names on one level.
    cell.append(
        p(signature.place_date, styles.SIGN)
        if signature.place_date
        else filled("&nbsp;", (), styles.SIGN)
    )
    role = f"{signature.note} {signature.role}".strip() if signature.note else signature.role
    cell.append(p(role + ",", styles.SIGN))
    cell.append(Spacer(1, SIGNING_SPACE))
    cell.append(filled("<b><u>{0}</u></b>", (signature.name,), styles.SIGN))
    if signature.nip is not None:  # a pejabat negara has no NIP line at all
        cell.append(p(f"NIP. {signature.nip}" if signature.nip else "NIP. -", styles.SIGN))
    return cell


def signature_block(signatures: Sequence[Signature], width: float) -> Flowable:
    """Signature columns side by side (two per row), never alone on a page (`keeping`).

    Its rows (three or four signers take two) are never split across pages.
    """
    columns = 2
    rows: list[list[object]] = []
    cells = [_signature_cell(s) for s in signatures]
    if len(cells) == 1:
        cells = [[Spacer(1, 1)], *cells]  # a single signer stands on the right
    for start in range(0, len(cells), columns):
        row: list[object] = list(cells[start : start + columns])
        row.extend([""] * (columns - len(row)))
        rows.append(row)
    table = LaidTable(rows, colWidths=[width / columns] * columns, spaceBefore=5 * mm)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 14),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("NOSPLIT", (0, 0), (-1, -1)),
            ]
        )
    )
    return keep_with_previous(table)


def period_line(left: str, right: str, width: float) -> Table:
    """The instansi on the left and "PERIODE PENILAIAN: ..." on the right."""
    table = LaidTable(
        [[p(left, styles.CELL_BOLD), p(right, styles.CELL_BOLD)]],
        colWidths=[width * 0.5, width * 0.5],
    )
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def trailing(text: str, style: ParagraphStyle = styles.SMALL) -> Flowable:
    """A line about what precedes it (a table's note or sum); it never starts a page alone."""
    return keep_with_previous(p(text, style))


def section(title: str) -> Flowable:
    """A section heading; it never ends a page (`keeping`)."""
    return keep_with_next(p(title, styles.SECTION))


def numbered_list(items: Sequence[str]) -> list[Flowable]:
    """Items as "1. ...", or a dash when there are none."""
    if not items:
        return [p("-")]
    return [p(f"{index}. {item}") for index, item in enumerate(items, start=1)]


def behaviour_cell(value: str, indicators: Sequence[str]) -> list[Flowable]:
    cell: list[Flowable] = [p(value, styles.CELL_BOLD)]
    cell.extend(p(f"{index}. {text}") for index, text in enumerate(indicators, start=1))
    return cell


def section_row_rules(row: int) -> list[tuple[object, ...]]:
    """A table row heading the rows below it ("B. TAMBAHAN"): spanned and shaded.

    It is kept with the row after it, so it never ends a page.
    """
    return [
        ("SPAN", (0, row), (-1, row)),
        ("BACKGROUND", (0, row), (-1, row), styles.SECTION_FILL),
        ("NOSPLIT", (0, row), (-1, row + 1)),
    ]


def grouped_rules(
    group_sizes: Sequence[int], grouped: Sequence[int], first_row: int
) -> list[tuple[object, ...]]:
    """Spans for result rows: an RHK's number and text (and feedback) span its indicators.

    Each group is an RHK with one row per indicator; its text stands in the group's first row
    and the ``grouped`` columns span the group. reportlab never breaks a page inside a span,
    so an RHK stays on one page with its indicators and every page's part is fully ruled.
    """
    commands: list[tuple[object, ...]] = []
    row = first_row
    for size in group_sizes:
        if size > 1:
            commands.extend(("SPAN", (c, row), (c, row + size - 1)) for c in grouped)
        row += size
    return commands
