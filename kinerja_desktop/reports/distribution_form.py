"""Penetapan Predikat Kinerja: the unit's spread of predikat with its curve, for the unit head."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import CurvePoint, DistributionForm
from kinerja_desktop.reports.fonts import BOLD, FAMILY
from kinerja_desktop.reports.text import esc, normal

BAR = colors.Color(0.45, 0.55, 0.7)
CURVE = colors.Color(0.75, 0.2, 0.2)


#: Room between a bar (or the curve) and the count above it; the count's size.
LABEL_GAP = 3
LABEL_SIZE = 8


def value_label(drawing: Drawing, centre: float, baseline: float, text: str) -> None:
    """A count on a white patch, drawn over the bars and the curve so neither strikes it."""
    half = stringWidth(text, BOLD, LABEL_SIZE) / 2 + 1.5
    drawing.add(
        Rect(
            centre - half,
            baseline - 2,
            2 * half,
            LABEL_SIZE + 2,
            fillColor=colors.white,
            strokeColor=None,
        )
    )
    drawing.add(
        String(centre, baseline, text, fontName=BOLD, fontSize=LABEL_SIZE, textAnchor="middle")
    )


def curve(points: Sequence[CurvePoint], width: float, height: float = 70 * mm) -> Drawing:
    """Bars: people per predikat; line: the curve's expected people."""
    drawing = Drawing(width, height)
    left, bottom, top = 16 * mm, 16 * mm, height - 8 * mm
    plot_w = width - left - 6 * mm
    peak = max([1.0, *(pt.count for pt in points), *(pt.expected_people for pt in points)])
    scale = (top - bottom) / peak
    drawing.add(Line(left, bottom, left + plot_w, bottom))
    drawing.add(Line(left, bottom, left, top))
    step = max(1, round(peak / 5))
    tick = 0
    while tick <= peak:
        y = bottom + tick * scale
        drawing.add(Line(left - 2, y, left, y))
        drawing.add(
            String(left - 4, y - 3, str(tick), fontName=FAMILY, fontSize=7, textAnchor="end")
        )
        tick += step
    # Above the highest count a bar or the curve can carry (top + LABEL_GAP + LABEL_SIZE).
    drawing.add(String(left - 4, top + 14, "Frekuensi Pegawai", fontName=FAMILY, fontSize=7))
    slot = plot_w / max(1, len(points))
    centres = [left + slot * (index + 0.5) for index in range(len(points))]
    highs: list[float] = []  # the top of each bar, then of the bar or the curve
    for centre, point in zip(centres, points, strict=True):
        bar_h = point.count * scale
        highs.append(bottom + bar_h)
        drawing.add(
            Rect(centre - slot * 0.3, bottom, slot * 0.6, bar_h, fillColor=BAR, strokeColor=None)
        )
        drawing.add(
            String(
                centre,
                bottom - 10,
                normal(point.predikat),
                fontName=FAMILY,
                fontSize=7,
                textAnchor="middle",
            )
        )
    if any(point.expected_people for point in points):
        coords: list[float] = []
        for centre, point in zip(centres, points, strict=True):
            y = bottom + point.expected_people * scale
            coords.extend([centre, y])
        drawing.add(PolyLine(coords, strokeColor=CURVE, strokeWidth=1.5))
        # Each count stands above its curve point too, never on the line.
        highs = [max(high, coords[2 * i + 1]) for i, high in enumerate(highs)]
    for centre, high, point in zip(centres, highs, points, strict=True):
        value_label(drawing, centre, high + LABEL_GAP, str(point.count))
    drawing.add(Rect(left, 3, 8, 5, fillColor=BAR, strokeColor=None))
    drawing.add(String(left + 11, 3, "Jumlah pegawai", fontName=FAMILY, fontSize=7))
    drawing.add(
        Line(
            left + 70 * mm / 2,
            5.5,
            left + 70 * mm / 2 + 10,
            5.5,
            strokeColor=CURVE,
            strokeWidth=1.5,
        )
    )
    drawing.add(
        String(left + 70 * mm / 2 + 13, 3, "Kurva distribusi (acuan)", fontName=FAMILY, fontSize=7)
    )
    return drawing


def _people(form: DistributionForm, width: float) -> Flowable:
    """The named list: one row a person, the header repeated on each page it runs over."""
    rows = [
        [
            p(person.number, styles.CELL_CENTER),
            markup(f"{esc(person.name)}<br/>NIP. {esc(person.nip)}"),
            p(person.jabatan),
            p(person.predikat, styles.CELL_CENTER),
        ]
        for person in form.people
    ]
    return blocks.data_table(
        ["NO", "NAMA / NIP", "JABATAN", "PREDIKAT KINERJA PEGAWAI"],
        rows,
        [0.06, 0.36, 0.36, 0.22],
        width,
    )


def story(form: DistributionForm, width: float) -> list[Flowable]:
    rows = [
        [
            p(point.predikat),
            p(str(point.count), styles.CELL_CENTER),
            p(point.percent, styles.CELL_CENTER),
            p(point.expected_percent, styles.CELL_CENTER),
        ]
        for point in form.points
    ]
    rows.append([p("JUMLAH", styles.CELL_BOLD), p(str(form.total), styles.CELL_CENTER), "", ""])
    out: list[Flowable] = [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles(
            "PENETAPAN PREDIKAT KINERJA PEGAWAI",
            f"{form.unit.upper()} · {form.period_label.upper()} {form.year}",
        ),
        p(f"CAPAIAN KINERJA ORGANISASI: {form.org_predikat}", styles.CELL_BOLD),
        blocks.section(form.curve_title),
        curve(form.points, width),
        blocks.trailing(form.curve_note),
        Spacer(1, 3),
        blocks.data_table(
            ["PREDIKAT KINERJA PEGAWAI", "JUMLAH", "PERSENTASE", "KURVA (ACUAN)"],
            rows,
            [0.4, 0.2, 0.2, 0.2],
            width,
        ),
    ]
    if form.people:
        out.append(blocks.section("DAFTAR PEGAWAI DAN PREDIKAT KINERJA YANG DITETAPKAN"))
        out.append(_people(form, width))
    if form.findings:
        out.append(blocks.section("CATATAN TERHADAP KURVA DISTRIBUSI"))
        out.extend(blocks.numbered_list(form.findings))
    if form.undecided:
        out.append(blocks.section("PEGAWAI YANG PREDIKATNYA BELUM DITETAPKAN"))
        out.extend(blocks.numbered_list(form.undecided))
    out.append(blocks.signature_block(form.signatures, width))
    return out
