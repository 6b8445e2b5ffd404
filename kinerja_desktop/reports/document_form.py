"""Dokumen Evaluasi Kinerja Pegawai (periodic or annual), with the optional objection sections."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import EvaluationDocumentForm
from kinerja_desktop.reports.measured import LaidTable
from kinerja_desktop.reports.text import esc


def _periods(form: EvaluationDocumentForm) -> str:
    """The scheme's periods, every one but the current struck through (as the form does)."""
    parts = [
        f"<b>{esc(name)}</b>" if name == form.current_period else f"<strike>{esc(name)}</strike>"
        for name in form.period_names
    ]
    return "PERIODE: " + " / ".join(parts)


def _evaluation(form: EvaluationDocumentForm, width: float) -> Table:
    rows = [
        [p("4", styles.CELL_CENTER), markup("<b>EVALUASI KINERJA</b>"), ""],
        ["", markup("CAPAIAN KINERJA ORGANISASI"), p(form.capaian_organisasi or "-")],
        ["", markup("PREDIKAT KINERJA PEGAWAI"), markup(f"<b>{esc(form.predikat)}</b>")],
        [p("5", styles.CELL_CENTER), markup("<b>CATATAN/REKOMENDASI</b>"), ""],
        ["", p(form.notes or "-"), ""],
    ]
    for section in form.objection:
        rows.append([p(section.number, styles.CELL_CENTER), p(section.title, styles.CELL_BOLD), ""])
        rows.append(["", p(section.text or "-"), p(section.date_text)])
    commands: list[tuple[object, ...]] = [
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (1, 3), (2, 3)),
        ("SPAN", (1, 4), (2, 4)),
        ("BACKGROUND", (0, 0), (-1, 0), styles.SECTION_FILL),
        ("BACKGROUND", (0, 3), (-1, 3), styles.SECTION_FILL),
        # A section's title row never ends a page without what it heads.
        ("NOSPLIT", (0, 0), (-1, 2)),
        ("NOSPLIT", (0, 3), (-1, 4)),
    ]
    for index in range(len(form.objection)):
        row = 5 + 2 * index
        commands.append(("SPAN", (1, row), (2, row)))
        commands.append(("BACKGROUND", (0, row), (-1, row), styles.SECTION_FILL))
        commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
    table = LaidTable(
        rows,
        colWidths=[width * 0.06, width * 0.62, width * 0.32],
        splitInRow=blocks.split_in_row(),
    )
    table.setStyle(blocks.grid_style(0, commands))
    return table


def story(form: EvaluationDocumentForm, width: float) -> list[Flowable]:
    sections = [
        ("1", "PEGAWAI YANG DINILAI", form.pegawai),
        ("2", "PEJABAT PENILAI KINERJA", form.penilai),
        ("3", "ATASAN PEJABAT PENILAI KINERJA", form.atasan),
    ]
    return [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles("DOKUMEN EVALUASI KINERJA PEGAWAI"),
        markup(_periods(form), styles.SUBTITLE),
        Spacer(1, 4),
        blocks.period_line(form.letterhead.instansi.upper(), form.period_text, width),
        Spacer(1, 2),
        blocks.identity_sections(sections, width),
        _evaluation(form, width),
        blocks.signature_block(form.signatures, width),
    ]
