"""Evaluasi Kinerja Pegawai of one period: realisation and feedback, ratings, predikat."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import EvaluationForm, EvaluationResultLine
from kinerja_desktop.reports.keeping import keep_with_next, keep_with_previous
from kinerja_desktop.reports.text import esc

KUANTITATIF = "KUANTITATIF"


def _columns(form: EvaluationForm) -> tuple[list[str], list[float]]:
    if form.approach == KUANTITATIF:
        return (
            [
                "NO",
                "RENCANA HASIL KERJA",
                "ASPEK",
                "INDIKATOR KINERJA INDIVIDU",
                "TARGET",
                "REALISASI BERDASARKAN BUKTI DUKUNG",
                "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
            ],
            [0.04, 0.2, 0.08, 0.2, 0.1, 0.17, 0.21],
        )
    return (
        [
            "NO",
            "RENCANA HASIL KERJA",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ],
        [0.04, 0.22, 0.22, 0.12, 0.18, 0.22],
    )


def _rows(
    form: EvaluationForm, result: EvaluationResultLine, columns: int
) -> list[list[Flowable | str]]:
    rhk: list[Flowable] = [p(result.text)]
    if result.parent:
        rhk.insert(0, p(f"Intervensi: {result.parent}", styles.SMALL))
    feedback = p(result.feedback or "-")
    lines = result.indicators
    if not lines:
        return [[p(result.number, styles.CELL_CENTER), rhk, *[p("-")] * (columns - 3), feedback]]
    rows: list[list[Flowable | str]] = []
    for index, line in enumerate(lines):
        first = index == 0
        lead: list[Flowable | str | list[Flowable]] = (
            [p(result.number, styles.CELL_CENTER), rhk] if first else ["", ""]
        )
        middle = [p(line.indicator), p(line.target), p(line.realisation or "-")]
        if form.approach == KUANTITATIF:
            middle.insert(0, p(line.aspek))
        rows.append([*lead, *middle, feedback if first else ""])
    return rows


def results_table(form: EvaluationForm, width: float) -> Flowable:
    header, fractions = _columns(form)
    columns = len(header)
    rows: list[list[Flowable | str]] = []
    sizes: list[int] = []
    extra: list[tuple[object, ...]] = []
    for title, results in (("A. UTAMA", form.main_results), ("B. TAMBAHAN", form.extra_results)):
        extra.extend(blocks.section_row_rules(len(rows) + 1))
        rows.append([p(title, styles.CELL_BOLD), *[""] * (columns - 1)])
        sizes.append(1)
        if not results:
            rows.append([p("-", styles.CELL_CENTER), *[""] * (columns - 1)])
            sizes.append(1)
        for result in results:
            group = _rows(form, result, columns)
            rows.extend(group)
            sizes.append(len(group))
    extra.extend(blocks.grouped_rules(sizes, (0, 1, columns - 1), 1))
    return blocks.data_table(header, rows, fractions, width, extra)


def rating_line(label: str, value: str, width: float) -> Table:
    table = Table(
        [[markup(f"<b>{label}</b>"), markup(f"<b>{esc(value.upper())}</b>")]],
        colWidths=[width * 0.3, width * 0.7],
        spaceBefore=4,
    )
    table.setStyle(blocks.grid_style(0, [("BACKGROUND", (0, 0), (0, 0), styles.SECTION_FILL)]))
    return table


def behaviour_table(form: EvaluationForm, width: float) -> Flowable:
    rows: list[Sequence[Flowable | str]] = [
        [
            p(line.number, styles.CELL_CENTER),
            blocks.behaviour_cell(line.value, line.indicators),
            p(line.expectation or "-"),
            p(line.feedback or "-"),
        ]
        for line in form.behaviour
    ]
    return blocks.data_table(
        [
            "NO",
            "PERILAKU KERJA",
            "EKSPEKTASI KHUSUS PIMPINAN",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ],
        rows,
        [0.04, 0.44, 0.24, 0.28],
        width,
    )


def story(form: EvaluationForm, width: float) -> list[Flowable]:
    return [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles("EVALUASI KINERJA PEGAWAI", f"PERIODE: {form.period_label.upper()}"),
        blocks.period_line(form.letterhead.instansi.upper(), form.period_text, width),
        Spacer(1, 2),
        blocks.identity_pair(form.pegawai, form.penilai, width),
        blocks.section("HASIL KERJA"),
        results_table(form, width),
        # Each rating stays on the page with the end of the table it rates, and the ratings
        # of behaviour and the predikat on the page with the signatures they are signed with.
        keep_with_previous(rating_line("RATING HASIL KERJA", form.rating_hasil, width)),
        blocks.section("PERILAKU KERJA"),
        behaviour_table(form, width),
        keep_with_next(rating_line("RATING PERILAKU KERJA", form.rating_perilaku, width)),
        keep_with_next(rating_line("PREDIKAT KINERJA PEGAWAI", form.predikat, width)),
        blocks.signature_block(form.signatures, width),
    ]
