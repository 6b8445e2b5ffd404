"""Rencana Pengembangan Kompetensi: the competence gaps and the plan that answers them."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import p
from kinerja_desktop.reports.content import DevelopmentForm


def story(form: DevelopmentForm, width: float) -> list[Flowable]:
    gap_rows = [
        [
            p(g.number, styles.CELL_CENTER),
            p(g.competence),
            p(g.kind),
            p(g.required, styles.CELL_CENTER),
            p(g.held, styles.CELL_CENTER),
            p(g.gap, styles.CELL_CENTER),
        ]
        for g in form.gaps
    ] or [[p("Belum ada kompetensi yang dinilai."), "", "", "", "", ""]]
    gap_extra = [("SPAN", (0, 1), (-1, 1))] if not form.gaps else []
    plan_rows = [
        [
            p(i.number, styles.CELL_CENTER),
            p(i.addresses),
            p(i.title),
            p(i.path),
            p(i.jp, styles.CELL_CENTER),
            p(i.schedule),
            p(i.status),
        ]
        for i in form.items
    ] or [[p("Belum ada kegiatan pengembangan."), "", "", "", "", "", ""]]
    plan_extra = [("SPAN", (0, 1), (-1, 1))] if not form.items else []
    return [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles("RENCANA PENGEMBANGAN KOMPETENSI PEGAWAI", f"TAHUN {form.year}"),
        blocks.identity_pair(form.pegawai, form.penilai, width),
        blocks.section("A. KESENJANGAN KOMPETENSI"),
        blocks.data_table(
            ["NO", "KOMPETENSI", "JENIS", "STANDAR", "DIMILIKI", "KESENJANGAN"],
            gap_rows,
            [0.04, 0.4, 0.2, 0.12, 0.12, 0.12],
            width,
            gap_extra,
        ),
        blocks.trailing(form.jpm),
        blocks.section("B. RENCANA KEGIATAN PENGEMBANGAN"),
        blocks.data_table(
            ["NO", "YANG DIKEMBANGKAN", "KEGIATAN", "JALUR", "JP", "JADWAL", "STATUS"],
            plan_rows,
            [0.04, 0.22, 0.26, 0.14, 0.06, 0.16, 0.12],
            width,
            plan_extra,
        ),
        Spacer(1, 3),
        blocks.trailing(form.jp_summary, styles.CELL_BOLD),
        blocks.signature_block(form.signatures, width),
    ]
