"""Typed survey answers and survey periods."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.answers import (
    AnswerError,
    answers_text,
    parse_answer_cell,
    parse_answer_line,
    parse_answer_lines,
)
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("334343433", (3, 3, 4, 3, 4, 3, 4, 3, 3)),
        ("334 343 433", (3, 3, 4, 3, 4, 3, 4, 3, 3)),
        ("1234-4321", (1, 2, 3, 4, None, 4, 3, 2, 1)),
        ("  111111111  ", (1,) * 9),
    ],
)
def test_line_reads_nine_answers(text: str, answers: tuple[int | None, ...]) -> None:
    assert parse_answer_line(text) == answers


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("334353433", 5, "'5' bukan jawaban"),
        ("0", 1, "'0' bukan jawaban"),
        ("33434x433", 6, "'x' bukan jawaban"),
        ("3343", 5, "baru 4 jawaban"),
        ("", 1, "baru 0 jawaban"),
        ("3333333333", 10, "lebih dari 9"),
        ("--- --- ---", 1, "tidak ada satu pun jawaban"),
    ],
)
def test_bad_line_names_line_and_column(text: str, column: int, words: str) -> None:
    with pytest.raises(AnswerError) as raised:
        parse_answer_line(text, line=7)
    assert (raised.value.line, raised.value.column) == (7, column)
    assert f"Baris 7, kolom {column}" in raised.value.message
    assert words in raised.value.message


def test_many_lines_skip_blanks_and_list_every_bad_line() -> None:
    parsed = parse_answer_lines("444444444\n\n333333333\n")
    assert [(p.line, p.answers[0]) for p in parsed] == [(1, 4), (3, 3)]
    with pytest.raises(ValidationErrors) as raised:
        parse_answer_lines("444444444\n44444\n444444445\n")
    assert [e.message.split(":")[0] for e in raised.value.errors] == [
        "Baris 2, kolom 6",
        "Baris 3, kolom 9",
    ]


@pytest.mark.parametrize(("text", "value"), [("", None), (" 3 ", 3), ("1", 1), ("4", 4)])
def test_cell_reads_one_answer(text: str, value: int | None) -> None:
    assert parse_answer_cell(text, line=2, column="U1") == value


@pytest.mark.parametrize("text", ["5", "0", "3.5", "baik", "33"])
def test_bad_cell_names_row_and_column(text: str) -> None:
    with pytest.raises(AnswerError, match="Baris 4, kolom U7"):
        parse_answer_cell(text, line=4, column="U7")


def test_answers_text_round_trips() -> None:
    assert answers_text(parse_answer_line("1234-4321")) == "1234-4321"


@pytest.mark.parametrize(
    ("code", "normal", "label", "start", "end"),
    [
        ("2026", "2026", "Tahun 2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-s1", "2026-S1", "Semester I 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-TW3", "2026-TW3", "Triwulan III 2026", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026/M02", "2026-M02", "Februari 2026", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_survey_periods(code: str, normal: str, label: str, start: date, end: date) -> None:
    period = parse_survey_period(code)
    assert (period.code, period.label, period.start, period.end) == (normal, label, start, end)


@pytest.mark.parametrize("code", ["26", "2026-S3", "2026-TW5", "semester 1", "1999", ""])
def test_bad_survey_period_is_refused(code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_survey_period(code)
    assert raised.value.field == "period"


def test_periods_sort_in_time_order_year_first() -> None:
    codes = ["2026-S2", "2025", "2026-S1", "2026"]
    ordered = sorted((parse_survey_period(c) for c in codes), key=lambda p: p.sort_key)
    assert [p.code for p in ordered] == ["2025", "2026", "2026-S1", "2026-S2"]
