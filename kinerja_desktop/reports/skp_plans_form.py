"""The SKP's "Lampiran: Rencana Aksi" table: each RHK's plan, period by period (issue 17)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import PlanPeriodLine, PlanTargetLine, SkpPlans
from kinerja_desktop.reports.text import esc

HEADER = ["NO", "RENCANA HASIL KERJA", "PERIODE", "RENCANA AKSI", "TARGET PERIODE"]
WIDTHS = [0.04, 0.26, 0.11, 0.31, 0.28]
#: The RHK's number and text span its periods.
_LEAD = 2


def _target(line: PlanTargetLine) -> Flowable:
    """The indicator in italics, then its target: "Jumlah dokumen: 3 Dokumen (kumulatif)"."""
    figure = f"{esc(line.target)} ({esc(line.scale)})" if line.target else "-"
    return markup(f"<i>{esc(line.indicator)}:</i> {figure}")


def _period_row(period: PlanPeriodLine) -> list[Flowable | str]:
    targets: Flowable | list[Flowable] = (
        [_target(line) for line in period.targets] if period.targets else p("-")
    )
    return [
        p(period.period_label),
        p(period.rencana_aksi or "-"),
        targets,  # a cell may hold several paragraphs
    ]


def plans_table(plans: SkpPlans, width: float) -> Flowable:
    """Section rows "A. UTAMA" and "B. TAMBAHAN", then one row per RHK and planned period."""
    columns = len(HEADER)
    rows: list[list[Flowable | str]] = []
    sizes: list[int] = []
    extra: list[tuple[object, ...]] = []
    for title, results in (("A. UTAMA", plans.main_results), ("B. TAMBAHAN", plans.extra_results)):
        extra.extend(blocks.section_row_rules(len(rows) + 1))
        rows.append([p(title, styles.CELL_BOLD), *[""] * (columns - 1)])
        sizes.append(1)
        if not results:
            rows.append([p("-", styles.CELL_CENTER), *[""] * (columns - 1)])
            sizes.append(1)
        for result in results:
            lead: list[Flowable | str] = [p(result.number, styles.CELL_CENTER), p(result.text)]
            group = [
                [*(lead if index == 0 else ["", ""]), *_period_row(period)]
                for index, period in enumerate(result.periods)
            ] or [[*lead, p("-"), p("-"), p("-")]]
            rows.extend(group)
            sizes.append(len(group))
    extra.extend(blocks.grouped_rules(sizes, range(_LEAD), 1))
    return blocks.data_table(HEADER, rows, WIDTHS, width, extra)
