"""A template paragraph filled with user text is the paragraph reportlab's parser makes of it."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab.platypus import SimpleDocTemplate, Table

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import styles
from kinerja_desktop.reports.cells import filled
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.measured import Para
from kinerja_desktop.reports.text import esc

#: The results table's two templates (`evaluation_form`).
TEMPLATES = ("{0}<br/><i>{1}:</i> {2}", "<i>Target {0}:</i> {1}<br/>{2}")
#: The ratings' and the signatures' templates, with one value or none.
SHORT = ("<b>{0}</b>", "<b><u>{0}</u></b>", "&nbsp;")

#: Values the parser keeps as they are, and values it changes (escapes, folds, normalises).
VALUES = (
    "Termutakhirnya basis data pelayanan unit kerja",
    "Rencana aksi Triwulan III",
    "775 Data",
    "98%",
    "1,7 Hari",
    "-",
    "Ω ünïcödé – “kutip” (a;b:c)",
    "A & B <b>",
    "dua  spasi",
    " di tepi ",
    "baris\nbaru",
    "tab\tdi",
    "x\xa0y",
    "cafe\u0301",
    "",
)


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def _pieces(paragraph: Para) -> list[dict[str, Any]]:
    return [dict(vars(frag)) for frag in paragraph.frags]


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_pieces_are_the_parsers(template: str) -> None:
    for style in (styles.CELL, styles.CELL_CENTER):
        for first in VALUES:
            for second in VALUES[:6]:
                for third in VALUES:
                    values = (first, second, third)
                    built = filled(template, values, style)
                    parsed = Para(template.format(*map(esc, values)), style)
                    assert _pieces(built) == _pieces(parsed), values
                    assert built.text == parsed.text
                    assert built.style is parsed.style


@pytest.mark.parametrize("template", SHORT)
def test_the_short_templates_are_the_parsers(template: str) -> None:
    for style in (styles.CELL, styles.SIGN):
        for value in VALUES:
            values = (value,) if "{0}" in template else ()
            built = filled(template, values, style)
            parsed = Para(template.format(*map(esc, values)), style)
            assert _pieces(built) == _pieces(parsed), values
            assert built.text == parsed.text


def test_plain_values_skip_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    filled(TEMPLATES[1], ("Triwulan III", "6 Dokumen", "8 Dokumen"), styles.CELL)  # the template
    parsed: list[str] = []
    original = Para.__init__

    def counting(self: Para, text: str, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("frags") is None:
            parsed.append(text)
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(Para, "__init__", counting)
    filled(TEMPLATES[1], ("Triwulan II", "100%", "98%"), styles.CELL)
    assert parsed == []
    filled(TEMPLATES[1], ("Triwulan II", "A & B", "98%"), styles.CELL)
    assert len(parsed) == 1


def test_pieces_are_not_shared_between_cells() -> None:
    one = filled(TEMPLATES[0], ("RHK satu", "Rencana aksi TW3", "rapat"), styles.CELL)
    two = filled(TEMPLATES[0], ("RHK dua", "Rencana aksi TW3", "survei"), styles.CELL)
    assert not {id(frag) for frag in one.frags} & {id(frag) for frag in two.frags}


def test_a_filled_cell_prints_as_the_parsed_one() -> None:
    values = ("Tersusunnya laporan kinerja triwulanan unit kerja", "Rencana aksi TW3", "rapat")
    pdfs = []
    for cell in (
        filled(TEMPLATES[0], values, styles.CELL),
        Para(TEMPLATES[0].format(*map(esc, values)), styles.CELL),
    ):
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, invariant=1).build([Table([[cell]], colWidths=[90])])
        pdfs.append(buffer.getvalue())
    assert pdfs[0] == pdfs[1]
