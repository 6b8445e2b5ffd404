"""The Evaluasi Kinerja Pegawai as the Lampiran of PermenPANRB 6/2022 lays it out."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

import pytest
from test_report_rendering import BOSS, HEAD, PERSON, pages_text, signatures, squeeze

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import evaluation_form as evaluation_form_module
from kinerja_desktop.reports.content import (
    BehaviourLine,
    CurvePoint,
    EvaluationForm,
    EvaluationIndicatorLine,
    EvaluationResultLine,
    canonical_json,
)
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.render import render_pdf

VALUES = (
    "Berorientasi Pelayanan",
    "Akuntabel",
    "Kompeten",
    "Harmonis",
    "Loyal",
    "Adaptif",
    "Kolaboratif",
)


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def evaluation_form(results: int = 3, approach: str = "KUANTITATIF") -> EvaluationForm:
    lines = tuple(
        EvaluationResultLine(
            number=str(n),
            parent=f"RHK pimpinan nomor {n}",
            text=f"Hasil kerja nomor {n} tersusun dan dilaporkan tepat waktu",
            indicators=tuple(
                EvaluationIndicatorLine(aspek, f"Indikator {aspek.lower()} {n}", "12", "12")
                for aspek in ("Kuantitas", "Kualitas", "Waktu")
            ),
            feedback="Sesuai ekspektasi, pertahankan.",
        )
        for n in range(1, results + 1)
    )
    return EvaluationForm(
        letterhead=HEAD,
        year=2026,
        period_label="Triwulan III",
        period_text="PERIODE PENILAIAN: 1 JULI S.D. 30 SEPTEMBER 2026",
        approach=approach,
        pegawai=PERSON,
        penilai=BOSS,
        main_results=lines,
        extra_results=(),
        rating_hasil="Sesuai Ekspektasi",
        behaviour=tuple(
            BehaviourLine(
                str(n),
                value,
                ("Indikator satu", "Indikator dua", "Indikator tiga"),
                "Ekspektasi pimpinan",
                "Umpan balik berkelanjutan sesuai bukti dukung periode ini.",
            )
            for n, value in enumerate(VALUES, start=1)
        ),
        rating_perilaku="Sesuai Ekspektasi",
        predikat="Baik",
        signatures=signatures(),
    )


PERSPEKTIF = ("Penerima Layanan", "Proses Bisnis", "Anggaran")


def jpt_form(points: tuple[CurvePoint, ...] = ()) -> EvaluationForm:
    base = evaluation_form(results=2)
    results = tuple(
        replace(
            result,
            parent="",
            indicators=tuple(
                replace(line, aspek="", perspektif=perspektif)
                for line, perspektif in zip(
                    result.indicators,
                    ("Penerima Layanan", "Proses Bisnis", "Anggaran"),
                    strict=True,
                )
            ),
        )
        for result in base.main_results
    )
    return replace(
        base,
        layout="JPT",
        main_results=results,
        capaian_organisasi="BAIK" if points else "",
        points=points,
    )


def text_of(form: EvaluationForm) -> str:
    return one_line("\n".join(pages_text(render_pdf(form))))


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("approach", ["KUANTITATIF", "KUALITATIF"])
def test_the_subtitle_names_the_pendekatan_of_the_skp(approach: str) -> None:
    text = text_of(evaluation_form(approach=approach))
    assert (
        f"EVALUASI KINERJA PEGAWAI PENDEKATAN HASIL KERJA {approach} PERIODE: TRIWULAN III" in text
    )


def headers_in_order(text: str, headers: list[str]) -> bool:
    """Whether every header is printed, one after the other (wrapped lines compare equal)."""
    flat = squeeze(text)
    places = [flat.find(squeeze(header)) for header in headers]
    return -1 not in places and places == sorted(places)


LEADER = "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"
IKI = "INDIKATOR KINERJA INDIVIDU"
REALISASI = "REALISASI BERDASARKAN BUKTI DUKUNG"


@pytest.mark.parametrize(
    ("approach", "headers"),
    [
        ("KUANTITATIF", ["NO", LEADER, "RENCANA HASIL KERJA", "ASPEK", IKI, "TARGET", REALISASI]),
        ("KUALITATIF", ["NO", LEADER, "RENCANA HASIL KERJA", IKI, "TARGET", REALISASI]),
    ],
)
def test_the_intervened_leader_rhk_has_its_own_column(approach: str, headers: list[str]) -> None:
    text = text_of(evaluation_form(approach=approach))
    assert headers_in_order(text, headers)
    assert ("ASPEK" in text) is (approach == "KUANTITATIF")
    # The leader's RHK stands in its own cell before the RHK, no longer as a note inside it.
    assert "Intervensi:" not in text
    assert "1 RHK pimpinan nomor 1 Hasil kerja nomor 1" in text


def test_jpt_prints_perspektif_organisation_and_its_curve() -> None:
    points = tuple(
        CurvePoint(name, count, "", "", expected)
        for name, count, expected in (
            ("Sangat Kurang", 0, 0.2),
            ("Kurang/Misconduct", 1, 0.5),
            ("Butuh Perbaikan", 2, 1.3),
            ("Baik", 6, 6.5),
            ("Sangat Baik", 1, 1.5),
        )
    )
    text = text_of(jpt_form(points))
    assert headers_in_order(
        text, ["NO", "RENCANA HASIL KERJA", IKI, "TARGET", "PERSPEKTIF", REALISASI]
    )
    assert "PIMPINAN YANG DIINTERVENSI" not in text
    assert "ASPEK" not in text
    for perspektif in PERSPEKTIF:
        assert perspektif in text
    assert "CAPAIAN KINERJA ORGANISASI BAIK" in text
    assert "POLA DISTRIBUSI" in text
    assert "Kurang/Misconduct" in text  # the curve's axis
    # The organisation comes before the results, as on the Lampiran.
    assert text.index("POLA DISTRIBUSI") < text.index("A. UTAMA")


def test_jpt_without_an_organisation_predikat_says_so() -> None:
    text = text_of(jpt_form())
    assert "CAPAIAN KINERJA ORGANISASI BELUM DITETAPKAN" in text
    assert one_line(evaluation_form_module.NO_CURVE) in text


def test_ja_jf_prints_no_organisation_block() -> None:
    text = text_of(evaluation_form())
    assert "POLA DISTRIBUSI" not in text and "CAPAIAN KINERJA ORGANISASI" not in text


def test_sheets_printed_before_the_new_fields_still_verify() -> None:
    # The digest is of the content's JSON: a JA/JF evaluasi printed before the JPT layout,
    # perspektif and the organisation's curve existed has none of their keys. Shaped like
    # that sheet, the content rebuilt now gives the same JSON.
    form = evaluation_form()
    before = asdict(form)
    for key in ("layout", "capaian_organisasi", "points"):
        before.pop(key)
    for result in before["main_results"]:
        for line in result["indicators"]:
            line.pop("perspektif")
    before["letterhead"].pop("logo")
    old_sheet = json.loads(json.dumps(before))
    assert json.loads(canonical_json(form, shaped_like=old_sheet))["content"] == old_sheet
    now = json.loads(canonical_json(form))["content"]
    assert now["layout"] == "JA_JF" and "perspektif" in now["main_results"][0]["indicators"][0]
    jpt = json.loads(canonical_json(jpt_form()))["content"]
    assert jpt["layout"] == "JPT"
    assert jpt["main_results"][0]["indicators"][0]["perspektif"] == "Penerima Layanan"
