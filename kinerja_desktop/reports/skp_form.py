"""SKP (the plan): results and indicators, the behaviour block, then the Lampiran page.

An SKP with rencana aksi gets one more page, "Lampiran: Rencana Aksi" (`skp_plans_form`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak, Spacer

from kinerja_desktop.reports import blocks, skp_plans_form, styles
from kinerja_desktop.reports.blocks import p
from kinerja_desktop.reports.content import (
    EvaluationForm,
    EvaluationIndicatorLine,
    EvaluationResultLine,
    SkpForm,
    SkpIndicatorLine,
    SkpResultLine,
)

JPT = "JPT"


def plan_columns(form: SkpForm | EvaluationForm) -> tuple[list[str], list[float], int]:
    """The plan's header, relative widths, and how many leading columns belong to the RHK.

    The Evaluasi prints the same columns (`evaluation_form`) and adds its own after them.
    """
    if form.layout == JPT:
        return (
            ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"],
            [0.04, 0.32, 0.34, 0.14, 0.16],
            2,
        )
    if form.approach == "KUANTITATIF":
        return (
            [
                "NO",
                "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
                "RENCANA HASIL KERJA",
                "ASPEK",
                "INDIKATOR KINERJA INDIVIDU",
                "TARGET",
            ],
            [0.04, 0.22, 0.24, 0.09, 0.29, 0.12],
            3,
        )
    return (
        [
            "NO",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
        ],
        [0.04, 0.24, 0.26, 0.32, 0.14],
        3,
    )


def plan_rows(
    form: SkpForm | EvaluationForm, result: SkpResultLine | EvaluationResultLine, columns: int
) -> list[list[Flowable | str]]:
    """One row per indicator (one row of dashes without any), ``columns`` cells each."""
    lead: list[Flowable | str]
    if form.layout == JPT:
        lead = [p(result.number, styles.CELL_CENTER), p(result.text)]
    else:
        lead = [p(result.number, styles.CELL_CENTER), p(result.parent or "-"), p(result.text)]
    blank: list[Flowable | str] = [""] * len(lead)
    rows: list[list[Flowable | str]] = []
    lines: Sequence[SkpIndicatorLine | EvaluationIndicatorLine] = result.indicators
    if not lines:
        return [[*lead, *[p("-")] * (columns - len(lead))]]
    for index, line in enumerate(lines):
        head = lead if index == 0 else blank
        if form.layout == JPT:
            rows.append([*head, p(line.indicator), p(line.target), p(line.perspektif)])
        elif form.approach == "KUANTITATIF":
            rows.append([*head, p(line.aspek), p(line.indicator), p(line.target)])
        else:
            rows.append([*head, p(line.indicator), p(line.target)])
    return rows


def results_table(form: SkpForm, width: float) -> Flowable:
    header, fractions, lead = plan_columns(form)
    rows: list[list[Flowable | str]] = []
    sizes: list[int] = []
    extra: list[tuple[object, ...]] = []
    for title, results in (("A. UTAMA", form.main_results), ("B. TAMBAHAN", form.extra_results)):
        extra.extend(blocks.section_row_rules(len(rows) + 1))
        rows.append([p(title, styles.CELL_BOLD), *[""] * (len(header) - 1)])
        sizes.append(1)
        if not results:
            rows.append([p("-", styles.CELL_CENTER), *[""] * (len(header) - 1)])
            sizes.append(1)
        for result in results:
            group = plan_rows(form, result, len(header))
            rows.extend(group)
            sizes.append(len(group))
    extra.extend(blocks.grouped_rules(sizes, range(lead), 1))
    return blocks.data_table(header, rows, fractions, width, extra)


def behaviour_table(form: SkpForm, width: float) -> Flowable:
    rows: list[Sequence[Flowable | str]] = [
        [
            p(line.number, styles.CELL_CENTER),
            blocks.behaviour_cell(line.value, line.indicators),
            p(line.expectation or "-"),
        ]
        for line in form.behaviour
    ]
    return blocks.data_table(
        ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"], rows, [0.04, 0.56, 0.40], width
    )


def _header(form: SkpForm, width: float, title: str) -> list[Flowable]:
    return [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles(title, f"PENDEKATAN HASIL KERJA {form.approach}"),
        blocks.period_line(form.letterhead.instansi.upper(), form.period_text, width),
        Spacer(1, 2),
        blocks.identity_pair(form.pegawai, form.penilai, width),
    ]


def story(form: SkpForm, width: float) -> list[Flowable]:
    out = _header(form, width, "SASARAN KINERJA PEGAWAI")
    if form.status_note:
        out.append(p(form.status_note, styles.SMALL))
    out += [
        blocks.section("HASIL KERJA"),
        results_table(form, width),
        blocks.section("PERILAKU KERJA"),
        behaviour_table(form, width),
        blocks.signature_block(form.signatures, width),
        PageBreak(),
        *_header(form, width, "LAMPIRAN SASARAN KINERJA PEGAWAI"),
    ]
    for section in form.lampiran:
        out.append(blocks.section(section.title.upper()))
        out.extend(blocks.numbered_list(section.items))
    out.append(blocks.signature_block(form.signatures, width))
    if form.rencana_aksi is not None:
        out += [PageBreak(), *_header(form, width, "LAMPIRAN: RENCANA AKSI")]
        if form.rencana_aksi.note:
            out.append(p(form.rencana_aksi.note, styles.SMALL))
        out += [
            blocks.section("RENCANA AKSI DAN TARGET PERIODE"),
            skp_plans_form.plans_table(form.rencana_aksi, width),
            blocks.signature_block(form.signatures, width),
        ]
    return out
