"""reports/: content dataclasses in, PDF out; text extracted back with pypdf."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.canvas import Verification
from kinerja_desktop.reports.content import (
    BehaviourLine,
    CompetenceRatingForm,
    CompetenceRatingLine,
    Letterhead,
    ListSection,
    PersonBlock,
    Signature,
    SkpForm,
    SkpIndicatorLine,
    SkpResultLine,
    canonical_json,
    digest_of,
)
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.reports.render import render_pdf
from kinerja_desktop.reports.text import esc

MM = 72 / 25.4


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFC", page.extract_text() or "") for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapped lines compare equal to the original."""
    return "".join(unicodedata.normalize("NFC", text).split())


PERSON = PersonBlock(
    name="Rina Marlina, S.Kom.",
    nip="19850312 201001 2 003",
    pangkat="Penata, III/c",
    jabatan="Analis Kebijakan",
    unit="Seksi Pemerintahan, Kecamatan Kertapati",
)
BOSS = PersonBlock(
    name="Drs. H. Ahmad Fauzi, M.Si.",
    nip="19700101 199503 1 001",
    pangkat="Pembina, IV/a",
    jabatan="Camat",
    unit="Kecamatan Kertapati",
)
HEAD = Letterhead("Pemerintah Kota Palembang", "Kecamatan Kertapati")


def signatures(pegawai: PersonBlock = PERSON) -> tuple[Signature, ...]:
    return (
        Signature("Pegawai yang Dinilai", pegawai.name, pegawai.nip),
        Signature("Pejabat Penilai Kinerja", BOSS.name, BOSS.nip, "Palembang, 28 November 2026"),
    )


def competence_form(pegawai: PersonBlock = PERSON, reason: str = "Baik") -> CompetenceRatingForm:
    return CompetenceRatingForm(
        letterhead=HEAD,
        year=2026,
        date_text="TANGGAL PENILAIAN: 28 NOVEMBER 2026",
        pegawai=pegawai,
        penilai=BOSS,
        lines=(CompetenceRatingLine("1", "Integritas", "3", reason),),
        signatures=signatures(pegawai),
    )


def skp_form(results: int) -> SkpForm:
    lines = tuple(
        SkpResultLine(
            number=str(n),
            parent=f"RHK pimpinan nomor {n}",
            text=f"Hasil kerja nomor {n} tersusun dan dilaporkan tepat waktu",
            indicators=tuple(
                SkpIndicatorLine(aspek, f"Indikator {aspek.lower()} hasil {n}", "12 Dokumen", "")
                for aspek in ("Kuantitas", "Kualitas", "Waktu")
            ),
        )
        for n in range(1, results + 1)
    )
    return SkpForm(
        letterhead=HEAD,
        year=2026,
        approach="KUANTITATIF",
        layout="JA_JF",
        period_text="PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026",
        status_note="Disepakati 8 Januari 2026.",
        pegawai=PERSON,
        penilai=BOSS,
        main_results=lines,
        extra_results=(),
        behaviour=(BehaviourLine("1", "Berorientasi Pelayanan", ("a", "b", "c"), "Ramah & cepat"),),
        lampiran=(ListSection("Dukungan Sumber Daya", ("Laptop", "Internet")),),
        signatures=signatures(),
    )


@pytest.mark.parametrize(
    ("raw", "markup"),
    [
        ("A & B", "A &amp; B"),
        ("<b>tebal</b>", "&lt;b&gt;tebal&lt;/b&gt;"),
        ("Nur'aini", "Nur'aini"),
        ("e\u0301", "\u00e9"),  # combining acute composed (NFC)
        ("baris 1\nbaris 2", "baris 1<br/>baris 2"),
    ],
)
def test_user_text_is_escaped_and_normalised(raw: str, markup: str) -> None:
    assert esc(raw) == markup


DIFFICULT_NAMES = [
    "Nur'aini O'Brien",
    "Budi & Sons <b>Tebal</b>",
    "Jose\u0301 Ma\u0301rquez",  # combining diacritics
    "Ṣalāḥ ad-Dīn Ǧ",  # precomposed letters outside Latin-1
    "Muhammad " + "Abdurrahman " * 9 + "Wahid",  # 120 characters with spaces
    "A" * 120,  # 120 characters without a space to break at
]


@pytest.mark.parametrize("name", DIFFICULT_NAMES, ids=range(len(DIFFICULT_NAMES)))
def test_difficult_names_print_exactly(name: str) -> None:
    pegawai = replace(PERSON, name=name)
    text = "\n".join(pages_text(render_pdf(competence_form(pegawai, reason=name))))
    # Once in the identity block, once under the signature, once as the reason.
    assert squeeze(text).count(squeeze(name)) >= 3


def test_multi_page_skp_repeats_headers_and_numbers_pages() -> None:
    pdf = render_pdf(skp_form(results=30), Paper.A4, Verification("ABCD-EFGH-JK", "0" * 64))
    pages = pages_text(pdf)
    total = len(pages)
    assert total >= 4
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
        assert "Kode verifikasi: ABCD-EFGH-JK" in page
    results_pages = [page for page in pages if "Hasil kerja nomor" in page]
    assert len(results_pages) >= 3
    for page in results_pages:  # the table header repeats on every page it spans
        assert "INDIKATOR KINERJA INDIVIDU" in page
    assert "Hasil kerja nomor 30" in pages[-3] + pages[-2]
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in pages[-1]
    assert "Ramah & cepat" in "".join(pages)


@pytest.mark.parametrize(
    ("paper", "width_mm", "height_mm"), [(Paper.A4, 297, 210), (Paper.F4, 330, 215)]
)
def test_paper_sizes_landscape_skp(paper: Paper, width_mm: int, height_mm: int) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(skp_form(results=2), paper)))
    box = reader.pages[0].mediabox
    assert round(float(box.width) / MM) == width_mm
    assert round(float(box.height) / MM) == height_mm


def test_f4_holds_more_than_a4() -> None:
    long_form = skp_form(results=30)
    a4 = len(PdfReader(io.BytesIO(render_pdf(long_form, Paper.A4))).pages)
    f4 = len(PdfReader(io.BytesIO(render_pdf(long_form, Paper.F4))).pages)
    assert f4 < a4


def test_a_cell_longer_than_a_page_is_split_not_lost() -> None:
    reason = " ".join(f"kata{n}" for n in range(2500))
    pages = pages_text(render_pdf(competence_form(reason=reason)))
    assert len(pages) >= 2
    assert "kata2499" in "".join(pages)


def test_the_font_is_embedded() -> None:
    pdf = render_pdf(competence_form())
    assert b"/FontFile2" in pdf
    assert b"DejaVuSansCondensed" in pdf


def test_digest_follows_the_content() -> None:
    first = canonical_json(competence_form())
    assert first == canonical_json(competence_form())
    changed = canonical_json(competence_form(reason="Lain"))
    assert digest_of(first) != digest_of(changed)
    assert len(digest_of(first)) == 64


def test_the_qr_code_has_its_three_finder_patterns() -> None:
    from kinerja_desktop.reports.canvas import qr_modules

    modules = qr_modules(Verification("ABCD-EFGH-JK", "0" * 64).payload)
    size = len(modules)
    assert size >= 21 and (size - 17) % 4 == 0
    assert all(len(row) == size for row in modules)
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        ring = [modules[top][left + i] for i in range(7)] + [
            modules[top + 6][left + i] for i in range(7)
        ]
        assert all(ring)
        assert not modules[top + 1][left + 1]
        assert all(modules[top + 2 + r][left + 2 + c] for r in range(3) for c in range(3))
