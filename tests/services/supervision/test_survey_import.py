"""The SKM answers file: a column nobody named is refused, and every problem of a row is listed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.answers import AnswerError
from kinerja_desktop.services.supervision.survey_import import read_answers

ITEMS = ";".join(f"U{n}" for n in range(1, 10))
GOOD = "4;4;3;4;3;3;4;3;3"


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "skm.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _xlsx(tmp_path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "skm.xlsx"
    workbook.save(path)
    return path


def _problems(path: Path) -> list[tuple[int, int | str]]:
    with pytest.raises(ValidationErrors) as raised:
        read_answers(path)
    found = []
    for error in raised.value.errors:
        assert isinstance(error, AnswerError), error.message
        assert error.message.startswith(f"Baris {error.line}, kolom {error.column}: ")
        found.append((error.line, error.column))
    return found


# (file text, every (row, column) reported)
ROW_CASES = [
    pytest.param(
        f"{ITEMS}\n4;4;;4;7;4;4;4;4\n",
        [(2, "U5")],
        id="an empty answer is no problem, a 7 is",
    ),
    pytest.param(
        f"{ITEMS}\n4;0;4;4;7;4;4;x;4\n",
        [(2, "U2"), (2, "U5"), (2, "U8")],
        id="three bad answers in one row, all listed",
    ),
    pytest.param(
        f"Jenis Kelamin;Umur;{ITEMS}\nX;7;4;4;4;4;4;4;4;4;9\n",
        [(2, "U9"), (2, "Jenis Kelamin"), (2, "Umur")],
        id="a bad answer, gender and age in one row",
    ),
    pytest.param(
        f"{ITEMS};;Pekerjaan\n{GOOD};3;Guru\n{GOOD};;Guru\n",
        [(2, "J")],
        id="a value under a blank heading between named columns",
    ),
    pytest.param(
        f"{ITEMS}\n{GOOD};4\n{GOOD}\n{GOOD};;;2\n",
        [(2, "J"), (4, "L")],
        id="values right of the last heading",
    ),
    pytest.param(
        f"{ITEMS};\n;;;;;;;;;4\n",
        [(2, "J"), (2, "U1")],
        id="answers shifted into a blank column leave the row without answers",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROW_CASES)
def test_every_problem_of_every_row_is_listed(
    tmp_path: Path, text: str, expected: list[tuple[int, str]]
) -> None:
    assert _problems(_csv(tmp_path, text)) == expected


def test_a_value_under_a_blank_heading_in_a_workbook_is_refused(tmp_path: Path) -> None:
    header = [f"U{n}" for n in range(1, 10)]
    path = _xlsx(tmp_path, [[*header[:4], None, *header[4:]], [4, 4, 4, 4, 2, 4, 4, 4, 4, 4]])
    assert _problems(path) == [(2, "E")]


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("U10", "'U10'"),
        ("Catatan", "'Catatan'"),
        ("Umr", "'Umr'"),
    ],
)
def test_an_unknown_heading_refuses_the_file_naming_it(
    tmp_path: Path, heading: str, named: str
) -> None:
    path = _csv(tmp_path, f"{ITEMS};{heading}\n{GOOD};4\n")
    with pytest.raises(ValidationError) as raised:
        read_answers(path)
    assert not isinstance(raised.value, ValidationErrors)
    assert f"punya kolom yang tidak dikenal: {named}" in raised.value.message


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (
            f"No;Tanggal;Jenis Kelamin;Umur;Pendidikan;Pekerjaan;{ITEMS}",
            f"1;2026-02-01;L;34;SMA;Guru;{GOOD}",
        ),
        (f"nomor;JK;Usia;{ITEMS}", f"1;P;40;{GOOD}"),
        (f"No. Urut;{ITEMS}", f"1;{GOOD}"),
    ],
)
def test_known_and_bookkeeping_columns_are_read(tmp_path: Path, header: str, row: str) -> None:
    imported = read_answers(_csv(tmp_path, f"{header}\n{row}\n"))
    assert [row.answers for row in imported.rows] == [(4, 4, 3, 4, 3, 3, 4, 3, 3)]


def test_the_list_stops_at_fifty_problems(tmp_path: Path) -> None:
    rows = "".join("9;9;9;9;9;9;9;9;9\n" for _ in range(10))
    assert len(_problems(_csv(tmp_path, f"{ITEMS}\n{rows}"))) == 50
