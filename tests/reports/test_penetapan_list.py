"""The penetapan's named list runs over pages with its header repeated (issue 13)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.content import (
    CurvePoint,
    DistributionForm,
    Letterhead,
    RatedPerson,
    Signature,
)
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.reports.render import render_pdf

HEADER = "NAMA / NIP"


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def _form(people: int) -> DistributionForm:
    return DistributionForm(
        letterhead=Letterhead("Pemerintah Kota Palembang", "Kecamatan Kertapati"),
        year=2026,
        period_label="Triwulan III",
        unit="Kecamatan Kertapati",
        org_predikat="BAIK",
        curve_title="KURVA DISTRIBUSI",
        points=(CurvePoint("Baik", people, "100%", "70%", people * 0.7),),
        curve_note="",
        total=people,
        findings=(),
        undecided=(),
        people=tuple(
            RatedPerson(
                str(n),
                f"Pegawai Nomor {n:03d}",
                "19850312 201001 2 003",
                "Pengadministrasi",
                "Baik",
            )
            for n in range(1, people + 1)
        ),
        signatures=(Signature("Camat", "Drs. Ahmad Fauzi", "19700101 199503 1 001"),),
    )


def test_a_long_list_repeats_its_header_on_every_page_it_runs_over() -> None:
    pages = [
        unicodedata.normalize("NFC", page.extract_text() or "")
        for page in PdfReader(io.BytesIO(render_pdf(_form(120), Paper.A4))).pages
    ]
    with_people = [page for page in pages if "Pegawai Nomor" in page]
    assert len(with_people) >= 3
    assert all(HEADER in page for page in with_people)
    text = "\n".join(pages)
    assert all(f"Pegawai Nomor {n:03d}" in text for n in range(1, 121))
