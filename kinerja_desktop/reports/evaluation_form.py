"""Evaluasi Kinerja Pegawai of one period: realisation and feedback, ratings, predikat."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.reports import blocks, distribution_form, skp_form, styles
from kinerja_desktop.reports.blocks import p
from kinerja_desktop.reports.cells import filled
from kinerja_desktop.reports.content import (
    EvaluationForm,
    EvaluationIndicatorLine,
    EvaluationResultLine,
)
from kinerja_desktop.reports.keeping import keep_with_next, keep_with_previous
from kinerja_desktop.reports.measured import LaidTable

#: What the Evaluasi adds to the plan's columns (`skp_form.plan_columns`), and their widths.
_ADDED = (
    "REALISASI BERDASARKAN BUKTI DUKUNG",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
)
_ADDED_WIDTHS = (0.16, 0.19)
NOT_SET = "Belum ditetapkan"
NO_CURVE = (
    "Kurva distribusi belum dapat digambar: predikat kinerja organisasi periode ini belum dicatat."
)


def _columns(form: EvaluationForm) -> tuple[list[str], list[float], int]:
    """Header, relative widths, and how many leading columns belong to the RHK."""
    header, fractions, lead = skp_form.plan_columns(form)
    # The plan's columns but the number share what the two added columns leave.
    scale = (1 - fractions[0] - sum(_ADDED_WIDTHS)) / (1 - fractions[0])
    widths = [fractions[0], *(f * scale for f in fractions[1:]), *_ADDED_WIDTHS]
    return [*header, *_ADDED], widths, lead


def _with_plan(text: str, label: str, planned: str) -> Flowable:
    """A cell's text with the period's plan under it, labelled ("Rencana aksi ...: ...")."""
    if not planned:
        return p(text or "-")
    return filled("{0}<br/><i>{1}:</i> {2}", (text or "-", label, planned), styles.CELL)


def _realisation(form: EvaluationForm, line: EvaluationIndicatorLine) -> Flowable:
    """The realisation, under the period's target when the period has one (issue 17)."""
    if not line.period_target:
        return p(line.realisation or "-")
    return filled(
        "<i>Target {0}:</i> {1}<br/>{2}",
        (form.period_label, line.period_target, line.realisation or "-"),
        styles.CELL,
    )


def _bold(text: str) -> Flowable:
    return filled("<b>{0}</b>", (text,), styles.CELL)


def _rows(form: EvaluationForm, result: EvaluationResultLine) -> list[list[Flowable | str]]:
    planned = len(skp_form.plan_columns(form)[0])
    rows = skp_form.plan_rows(form, result, planned)
    if result.rencana_aksi:
        # The RHK's cell (the last of the lead) carries the period's rencana aksi.
        lead = 2 if form.layout == skp_form.JPT else 3
        label = f"Rencana aksi {form.period_label}"
        rows[0][lead - 1] = _with_plan(result.text, label, result.rencana_aksi)
    feedback = p(result.feedback or "-")
    if not result.indicators:
        return [[*rows[0], p("-"), feedback]]
    return [
        [*row, _realisation(form, line), feedback if index == 0 else ""]
        for index, (row, line) in enumerate(zip(rows, result.indicators, strict=True))
    ]


def results_table(form: EvaluationForm, width: float) -> Flowable:
    header, fractions, lead = _columns(form)
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
            group = _rows(form, result)
            rows.extend(group)
            sizes.append(len(group))
    extra.extend(blocks.grouped_rules(sizes, (*range(lead), columns - 1), 1))
    return blocks.data_table(header, rows, fractions, width, extra)


def rating_line(label: str, value: str, width: float) -> Table:
    table = LaidTable(
        [[_bold(label), _bold(value.upper())]],
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


def _organisation(form: EvaluationForm, width: float) -> list[Flowable]:
    """JPT only: the organisation's predikat and its Pola Distribusi, as the Lampiran has them."""
    out: list[Flowable] = [
        Spacer(1, 4),
        rating_line("CAPAIAN KINERJA ORGANISASI", form.capaian_organisasi or NOT_SET, width),
        blocks.section("POLA DISTRIBUSI"),
    ]
    if form.points:
        out.append(distribution_form.curve(form.points, width, 60 * mm))
    else:
        out.append(p(NO_CURVE, styles.SMALL))
    return out


def story(form: EvaluationForm, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles(
            "EVALUASI KINERJA PEGAWAI",
            f"PENDEKATAN HASIL KERJA {form.approach.upper()}",
            f"PERIODE: {form.period_label.upper()}",
        ),
        blocks.period_line(form.letterhead.instansi.upper(), form.period_text, width),
        Spacer(1, 2),
        blocks.identity_pair(form.pegawai, form.penilai, width),
    ]
    if form.layout == skp_form.JPT:
        out += _organisation(form, width)
    return [
        *out,
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
