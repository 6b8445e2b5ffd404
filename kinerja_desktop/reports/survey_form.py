"""Laporan Survei Kepuasan Masyarakat: one service unit and period, signed by the unit head.

The layout follows how units publish their SKM under PermenPANRB 14/2017 (reference §8): the
survey's data (method, fieldwork days, population, the Krejcie-Morgan minimum sample and
whether the respondents reach it) and respondents, NRR per unsur with its weight, the IKM with
its mutu pelayanan and the unit's kinerja, the conversion table the grade is read from, the
unsur to improve with the unit's rencana tindak lanjut, and the index over its earlier surveys.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.reports import blocks, styles
from kinerja_desktop.reports.blocks import markup, p
from kinerja_desktop.reports.content import ProfileLine, SurveyReportForm
from kinerja_desktop.reports.measured import LaidTable
from kinerja_desktop.reports.text import esc

BASIS = (
    "Dasar: Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
    "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik."
)
FORMULA = (
    "NRR = jumlah nilai unsur ÷ jumlah responden yang menjawab unsur itu; NRR tertimbang = "
    "NRR × 1/9; IKM = Σ NRR tertimbang × 25. Dihitung tanpa pembulatan; hanya IKM dibulatkan "
    "ke dua desimal."
)


NOT_RECORDED = "Belum diisi"
SAMPLE_BASIS = (
    "Sampel minimum menurut tabel Krejcie dan Morgan (1970) untuk jumlah populasi penerima "
    "layanan, sebagaimana dirujuk PermenPANRB 14/2017."
)


def _facts(form: SurveyReportForm, width: float) -> Table:
    respondents = f"{form.respondents} orang"
    if form.sample_status:
        respondents += f" — {form.sample_status}"
    rows = [
        [markup("Unit layanan"), p(form.unit)],
        [markup("Periode survei"), p(f"{form.period} ({form.period_range})")],
        [markup("Metode survei"), p(form.methods or NOT_RECORDED)],
        [markup("Waktu pengumpulan data"), p(form.fieldwork or NOT_RECORDED)],
        [markup("Populasi penerima layanan"), p(form.population or NOT_RECORDED)],
        [markup("Sampel minimum"), p(form.minimum_sample or "-")],
        [markup("Jumlah responden"), p(respondents)],
    ]
    table = LaidTable(rows, colWidths=[width * 0.28, width * 0.72])
    table.setStyle(blocks.grid_style(0, [("BACKGROUND", (0, 0), (0, -1), styles.SECTION_FILL)]))
    return table


def _profile_table(lines: Sequence[ProfileLine], width: float) -> Flowable:
    """One characteristic after another: its title row, then a row per category."""
    rows: list[list[Flowable | str]] = []
    extra: list[tuple[object, ...]] = []
    previous = None
    for line in lines:
        if line.group != previous:
            title_row = len(rows) + 1  # row 0 is the header
            extra.append(("SPAN", (0, title_row), (-1, title_row)))
            extra.append(("BACKGROUND", (0, title_row), (-1, title_row), styles.SECTION_FILL))
            rows.append([p(line.group, styles.CELL_BOLD), "", ""])
            previous = line.group
        rows.append(
            [
                p(line.category),
                p(line.count, styles.CELL_CENTER),
                p(line.percent, styles.CELL_CENTER),
            ]
        )
    return blocks.data_table(
        ["KATEGORI", "JUMLAH", "PERSENTASE"], rows, [0.56, 0.2, 0.24], width, extra
    )


def _profile(form: SurveyReportForm, width: float) -> Flowable:
    """The profile in two columns of tables, whole characteristics on each side."""
    groups: list[list[ProfileLine]] = []
    for line in form.profile:
        if not groups or groups[-1][0].group != line.group:
            groups.append([])
        groups[-1].append(line)
    total = sum(len(group) + 1 for group in groups)
    left: list[ProfileLine] = []
    taken = 0
    while groups and (not left or taken + len(groups[0]) / 2 <= total / 2):
        group = groups.pop(0)
        left.extend(group)
        taken += len(group) + 1
    right = [line for group in groups for line in group]
    half = width * 0.49
    cells: list[Flowable | str] = [_profile_table(left, half)]
    cells.append(_profile_table(right, half) if right else "")
    outer = LaidTable([cells], colWidths=[width / 2, width / 2])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return outer


def _items(form: SurveyReportForm, width: float) -> Flowable:
    rows: list[list[Flowable | str]] = [
        [
            p(line.code, styles.CELL_CENTER),
            p(line.label),
            p(line.answered, styles.CELL_CENTER),
            p(line.nrr, styles.CELL_CENTER),
            p(line.weighted, styles.CELL_CENTER),
            p(line.converted, styles.CELL_CENTER),
            p(line.grade, styles.CELL_CENTER),
        ]
        for line in form.items
    ]
    last = len(rows)
    rows.append(
        [
            markup("<b>Jumlah NRR tertimbang (nilai interval)</b>"),
            "",
            "",
            "",
            markup(f"<b>{esc(form.interval_value)}</b>", styles.CELL_CENTER),
            "",
            "",
        ]
    )
    rows.append(
        [
            markup("<b>IKM unit pelayanan (nilai interval × 25)</b>"),
            "",
            "",
            "",
            "",
            markup(f"<b>{esc(form.ikm)}</b>", styles.CELL_CENTER),
            markup(f"<b>{esc(form.grade)}</b>", styles.CELL_CENTER),
        ]
    )
    extra: list[tuple[object, ...]] = [
        ("SPAN", (0, last + 1), (3, last + 1)),
        ("SPAN", (0, last + 2), (4, last + 2)),
        ("BACKGROUND", (0, last + 1), (-1, last + 2), styles.SECTION_FILL),
    ]
    return blocks.data_table(
        [
            "KODE",
            "UNSUR PELAYANAN",
            "RESPONDEN MENJAWAB",
            "NRR",
            "NRR TERTIMBANG",
            "NILAI (×25)",
            "MUTU",
        ],
        rows,
        [0.07, 0.37, 0.12, 0.1, 0.12, 0.12, 0.1],
        width,
        extra,
    )


def _index(form: SurveyReportForm, width: float) -> Table:
    table = LaidTable(
        [
            [
                markup("<b>INDEKS KEPUASAN MASYARAKAT (IKM)</b>", styles.CELL_CENTER),
                markup("<b>MUTU PELAYANAN</b>", styles.CELL_CENTER),
                markup("<b>KINERJA UNIT PELAYANAN</b>", styles.CELL_CENTER),
            ],
            [
                markup(f"<b>{esc(form.ikm)}</b>", styles.TITLE),
                markup(f"<b>{esc(form.grade)}</b>", styles.TITLE),
                markup(f"<b>{esc(form.performance.upper())}</b>", styles.TITLE),
            ],
        ],
        colWidths=[width / 3] * 3,
    )
    table.setStyle(
        blocks.grid_style(
            1, [("VALIGN", (0, 1), (-1, 1), "MIDDLE"), ("TOPPADDING", (0, 1), (-1, 1), 5)]
        )
    )
    return table


def _grade_table(form: SurveyReportForm, width: float) -> Flowable:
    rows = [
        [
            p(cell, styles.CELL_CENTER)
            for cell in (line.perception, line.interval, line.converted, line.grade)
        ]
        + [p(line.performance, styles.CELL_CENTER)]
        for line in form.grades
    ]
    return blocks.data_table(
        [
            "NILAI PERSEPSI",
            "NILAI INTERVAL (NI)",
            "NILAI INTERVAL KONVERSI (NIK)",
            "MUTU PELAYANAN",
            "KINERJA UNIT PELAYANAN",
        ],
        rows,
        [0.14, 0.22, 0.26, 0.16, 0.22],
        width,
    )


def _actions(form: SurveyReportForm, width: float) -> list[Flowable]:
    if not form.actions:
        return [p("Rencana tindak lanjut belum diisi.")]
    rows = [
        [
            p(line.number, styles.CELL_CENTER),
            p(line.item),
            p(line.program),
            p(line.schedule),
            p(line.responsible),
        ]
        for line in form.actions
    ]
    return [
        blocks.data_table(
            ["NO", "UNSUR", "PROGRAM/KEGIATAN", "WAKTU", "PENANGGUNG JAWAB"],
            rows,
            [0.06, 0.22, 0.36, 0.14, 0.22],
            width,
        )
    ]


def _trend(form: SurveyReportForm, width: float) -> Flowable:
    rows = [
        [
            p(line.period),
            p(line.respondents, styles.CELL_CENTER),
            p(line.ikm, styles.CELL_CENTER),
            p(line.grade, styles.CELL_CENTER),
            p(line.change or "-", styles.CELL_CENTER),
        ]
        for line in form.trend
    ]
    return blocks.data_table(
        ["PERIODE SURVEI", "RESPONDEN", "IKM", "MUTU", "PERUBAHAN"],
        rows,
        [0.36, 0.16, 0.16, 0.16, 0.16],
        width,
    )


def story(form: SurveyReportForm, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        blocks.letterhead(form.letterhead, width),
        *blocks.titles(
            "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT",
            form.unit.upper(),
            f"PERIODE {form.period.upper()}",
        ),
        _facts(form, width),
        p(BASIS, styles.SMALL),
    ]
    if form.minimum_sample:
        out.append(p(SAMPLE_BASIS, styles.SMALL))
    letter = iter("ABCDEFG")
    if form.profile:
        out += [blocks.section(f"{next(letter)}. PROFIL RESPONDEN"), _profile(form, width)]
    out += [
        blocks.section(f"{next(letter)}. NILAI PER UNSUR PELAYANAN"),
        _items(form, width),
        p(FORMULA, styles.SMALL),
        KeepTogether(
            [
                blocks.section(f"{next(letter)}. INDEKS KEPUASAN MASYARAKAT"),
                _index(form, width),
                Spacer(1, 3),
                _grade_table(form, width),
            ]
        ),
        blocks.section(f"{next(letter)}. UNSUR YANG PERLU DIPERBAIKI (NRR TERENDAH)"),
        *blocks.numbered_list(form.weakest),
        blocks.section(f"{next(letter)}. RENCANA TINDAK LANJUT"),
        *_actions(form, width),
    ]
    if len(form.trend) > 1:
        out += [
            blocks.section(f"{next(letter)}. PERKEMBANGAN IKM UNIT LAYANAN"),
            _trend(form, width),
        ]
    out.append(blocks.signature_block(form.signatures, width))
    return out
