"""Format B.1.9: Evaluasi Kompetensi Pegawai sebagai Tindak Lanjut Bimbingan Kinerja."""

from __future__ import annotations

from reportlab.platypus import Flowable

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import p
from kinerja_desktop.reports.content import CompetenceRatingForm


def story(form: CompetenceRatingForm, width: float) -> list[Flowable]:
    rows = [
        [
            p(line.number, styles.CELL_CENTER),
            p(line.competence),
            p(line.level, styles.CELL_CENTER),
            p(line.reason or "-"),
        ]
        for line in form.lines
    ] or [[p("Belum ada kompetensi yang dinilai."), "", "", ""]]
    extra = [("SPAN", (0, 1), (-1, 1))] if not form.lines else []
    return [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles(
            "EVALUASI KOMPETENSI PEGAWAI",
            "SEBAGAI TINDAK LANJUT BIMBINGAN KINERJA",
            f"TAHUN {form.year}",
        ),
        blocks.identity_pair(form.pegawai, form.penilai, width),
        blocks.section(form.date_text),
        blocks.data_table(
            ["NO", "KOMPETENSI PEGAWAI", "NILAI (SKALA 1-5)", "ALASAN"],
            rows,
            [0.05, 0.35, 0.14, 0.46],
            width,
            extra,
        ),
        blocks.signature_block(form.signatures, width),
    ]
