"""The SKP's "Lampiran: Rencana Aksi" table: each RHK's plan, period by period (issue 17)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import PlanPeriodLine, PlanTargetLine, SkpPlans
from kinerja_desktop.reports.text import esc

HEADER = ["PERIODE", "RENCANA AKSI", "TARGET PERIODE"]
WIDTHS = [0.12, 0.42, 0.46]


def _target(line: PlanTargetLine) -> str:
    """The indicator in italics, then its target: "Jumlah dokumen: 3 Dokumen (kumulatif)"."""
    figure = f"{esc(line.target)} ({esc(line.scale)})" if line.target else "-"
    return f"<i>{esc(line.indicator)}:</i> {figure}"


def _period_row(period: PlanPeriodLine) -> list[Flowable | str]:
    # One paragraph of lines, not a paragraph each: a table measures a list of flowables in
    # a cell again every time it draws or splits, which cost more than the page's text.
    targets = "<br/>".join(_target(line) for line in period.targets)
    return [
        p(period.period_label),
        p(period.rencana_aksi or "-"),
        markup(targets) if targets else p("-"),
    ]


def _heading_row(row: int) -> list[tuple[object, ...]]:
    """An RHK's row spans the table and stays with its first period (the row after it)."""
    return [("SPAN", (0, row), (-1, row)), ("NOSPLIT", (0, row), (-1, row + 1))]


def plans_table(plans: SkpPlans, width: float) -> Flowable:
    """Section rows "A. UTAMA" and "B. TAMBAHAN"; each RHK's row, then one row per period.

    The RHK heads its periods in a row of its own rather than a column spanning them: a span
    never breaks across pages, and a year of monthly plans is taller than a page.
    """
    columns = len(HEADER)
    rows: list[list[Flowable | str]] = []
    extra: list[tuple[object, ...]] = []
    for title, results in (("A. UTAMA", plans.main_results), ("B. TAMBAHAN", plans.extra_results)):
        extra.extend(blocks.section_row_rules(len(rows) + 1))
        rows.append([p(title, styles.CELL_BOLD), *[""] * (columns - 1)])
        if not results:
            rows.append([p("-", styles.CELL_CENTER), *[""] * (columns - 1)])
        for result in results:
            extra.extend(_heading_row(len(rows) + 1))
            rows.append([p(f"{result.number}. {result.text}", styles.CELL_BOLD), "", ""])
            rows.extend(_period_row(period) for period in result.periods)
            if not result.periods:
                rows.append([p("-"), p("-"), p("-")])
    return blocks.data_table(HEADER, rows, WIDTHS, width, extra)
