"""reports/keeping: signatures never alone on a page, headings never at a page's foot.

Each case slides the same content down the page a few points at a time, so every way a page
can end (before, inside or after the table, between the heading and its table, between the
table and the signatures) is printed and read back.
"""

from __future__ import annotations

import io

import pytest
from page_layout import lonely_signature_pages, page_lines, pages_ending_with_heading
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer
from test_evaluation_form import evaluation_form
from test_report_rendering import BOSS, HEAD, PERSON

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.content import Signature
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.keeping import arrange, keep_with_next
from kinerja_desktop.reports.render import render_pdf

#: A small page: a few rows fill it, so the sweeps below stay short.
PAGE = (160 * mm, 120 * mm)
MARGIN = 10 * mm
BOTTOM = 26 * mm  # room for a footer, as the forms leave (page_layout.FOOTER_TOP)
WIDTH = PAGE[0] - 2 * MARGIN
ROLES = {"Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,"}
SIGNATURES = (
    Signature("Pegawai yang Dinilai", PERSON.name, PERSON.nip),
    Signature("Pejabat Penilai Kinerja", BOSS.name, BOSS.nip, "Palembang, 28 November 2026"),
)
#: Offsets from the top of the page, 6 points apart (less than a row): every page end is met.
OFFSETS = range(0, int(PAGE[1] - MARGIN - BOTTOM) - 20, 6)


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def build(story: list[Flowable]) -> bytes:
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        invariant=1,
    )
    document.build(arrange(story))
    return out.getvalue()


def rows(count: int) -> Flowable:
    return blocks.data_table(
        ["NO", "URAIAN"],
        [[blocks.p(str(n)), blocks.p(f"Baris {n}")] for n in range(1, count + 1)],
        [0.1, 0.9],
        WIDTH,
    )


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("count", [1, 8])
def test_signatures_never_stand_alone_wherever_the_page_ends(count: int) -> None:
    for offset in OFFSETS:
        pdf = build(
            [
                Spacer(1, offset),
                rows(count),
                blocks.trailing("Jumlah: semua baris."),
                blocks.signature_block(SIGNATURES, WIDTH),
            ]
        )
        pages = page_lines(pdf)
        assert lonely_signature_pages(pages, ROLES) == [], (count, offset)
        last = texts(pdf)[-1]
        assert f"Baris {count}" in last and "Jumlah: semua baris." in last, (count, offset)


@pytest.mark.parametrize("count", [1, 12])
def test_a_heading_never_ends_a_page_wherever_it_falls(count: int) -> None:
    for offset in OFFSETS:
        pdf = build(
            [
                Spacer(1, offset),
                blocks.section("PERILAKU KERJA"),
                rows(count),
                blocks.signature_block(SIGNATURES, WIDTH),
            ]
        )
        pages = page_lines(pdf)
        assert pages_ending_with_heading(pages) == [], (count, offset)
        assert lonely_signature_pages(pages, ROLES) == [], (count, offset)
        heading_page = next(t for t in texts(pdf) if "PERILAKU KERJA" in t)
        assert "Baris 1" in heading_page, (count, offset)


def test_a_long_table_starts_under_its_heading_not_on_a_new_page() -> None:
    # reportlab's KeepTogether would move the heading and a table taller than the rest of
    # the page to the next page, leaving this one nearly empty.
    pdf = build([Spacer(1, 20 * mm), blocks.section("HASIL KERJA"), rows(30)])
    first = texts(pdf)[0]
    assert "HASIL KERJA" in first and "Baris 1" in first


def test_lines_signed_with_the_signatures_do_not_force_a_new_page() -> None:
    # Two groups kept together used to nest, and a nested KeepTogether always broke the page.
    pdf = build(
        [
            rows(2),
            keep_with_next(blocks.p("RATING PERILAKU KERJA", styles.CELL_BOLD)),
            keep_with_next(blocks.p("PREDIKAT KINERJA PEGAWAI", styles.CELL_BOLD)),
            blocks.signature_block(SIGNATURES, WIDTH),
        ]
    )
    assert len(texts(pdf)) == 1


def test_a_row_taller_than_the_room_left_goes_over_with_the_signatures() -> None:
    tall = blocks.data_table(["URAIAN"], [[blocks.p("Baris panjang " * 30)]], [1.0], WIDTH)
    opening = blocks.p("Pembuka")
    pdf = build([opening, Spacer(1, 45 * mm), tall, blocks.signature_block(SIGNATURES, WIDTH)])
    pages = texts(pdf)
    assert len(pages) == 2
    assert "Baris panjang" not in pages[0]
    assert "Baris panjang" in pages[1] and "Pejabat Penilai Kinerja," in pages[1]


def test_evaluation_ratings_share_the_page_with_the_last_behaviour_rows() -> None:
    pdf = render_pdf(evaluation_form())
    pages = texts(pdf)
    signed = next(page for page in pages if "Pejabat Penilai Kinerja," in page)
    assert "RATING PERILAKU KERJA" in signed and "PREDIKAT KINERJA PEGAWAI" in signed
    assert "Kolaboratif" in signed
    assert pages_ending_with_heading(page_lines(pdf)) == []
    assert HEAD.instansi.upper() in pages[0]
