"""The Evaluasi Kinerja Pegawai as the Lampiran of PermenPANRB 6/2022 lays it out."""

from __future__ import annotations

import pytest
from test_report_rendering import BOSS, HEAD, PERSON, signatures

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.content import (
    BehaviourLine,
    EvaluationForm,
    EvaluationIndicatorLine,
    EvaluationResultLine,
)
from kinerja_desktop.reports.fonts import register_fonts

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
