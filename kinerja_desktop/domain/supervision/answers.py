"""Survey answers as typed from paper questionnaires, or read from a spreadsheet cell.

Keyboard entry: one respondent a line, the nine answers U1..U9 as digits 1 to 4 in order
("334343433"). A ``-`` marks an unsur the respondent left empty. Spaces are ignored, so
"334 343 433" reads the same. Nothing else is accepted: a 5, a 0 or a letter is refused with
its line and column (the character's position in the line, counting from 1), because a typo
silently read as "unanswered" would change the index.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.ikm import (
    HIGHEST_ANSWER,
    ITEM_COUNT,
    LOWEST_ANSWER,
    Answers,
)

EMPTY_MARK = "-"
#: A respondent's age in years, when given: the range a survey file and a package may hold.
AGE_LOWEST, AGE_HIGHEST = 10, 120
#: A respondent's gender as stored: not given, laki-laki, perempuan.
GENDERS = ("", "L", "P")
_DIGITS = {str(value): value for value in range(LOWEST_ANSWER, HIGHEST_ANSWER + 1)}


class AnswerError(ValidationError):
    """An answer that cannot be read, with where it is.

    Attributes:
        line: The line (keyboard entry) or spreadsheet row, counting from 1.
        column: The character position in the line (from 1), or the column heading ("U3").
    """

    def __init__(self, message: str, *, line: int, column: int | str) -> None:
        super().__init__(message, field="answers")
        self.line = line
        self.column = column


@dataclass(frozen=True)
class ParsedLine:
    """One respondent read from a line of keyboard entry."""

    line: int
    answers: Answers


def parse_answer_line(text: str, line: int = 1) -> Answers:
    """Read one respondent's nine answers from a typed line.

    Raises:
        AnswerError: a character that is not 1 to 4, ``-`` or a space; fewer or more than nine
            answers; or nothing but ``-`` (the message names the line and column).
    """
    answers: list[int | None] = []
    last_column = 0
    for column, char in enumerate(text, start=1):
        if char in " \t":
            continue
        if char == EMPTY_MARK:
            answers.append(None)
        elif char in _DIGITS:
            answers.append(_DIGITS[char])
        else:
            raise AnswerError(
                f"Baris {line}, kolom {column}: '{char}' bukan jawaban. Isi angka "
                f"{LOWEST_ANSWER} sampai {HIGHEST_ANSWER}, atau '{EMPTY_MARK}' untuk unsur "
                "yang tidak dijawab.",
                line=line,
                column=column,
            )
        last_column = column
        if len(answers) > ITEM_COUNT:
            raise AnswerError(
                f"Baris {line}, kolom {column}: lebih dari {ITEM_COUNT} jawaban. Satu baris "
                f"untuk satu responden, {ITEM_COUNT} jawaban (U1 sampai U9).",
                line=line,
                column=column,
            )
    if len(answers) < ITEM_COUNT:
        raise AnswerError(
            f"Baris {line}, kolom {last_column + 1}: baru {len(answers)} jawaban; satu "
            f"responden menjawab {ITEM_COUNT} unsur (U1 sampai U9). Unsur yang tidak dijawab "
            f"ditulis '{EMPTY_MARK}'.",
            line=line,
            column=last_column + 1,
        )
    if all(answer is None for answer in answers):
        raise AnswerError(
            f"Baris {line}, kolom 1: tidak ada satu pun jawaban; lewati kuesioner yang kosong.",
            line=line,
            column=1,
        )
    return tuple(answers)


def parse_answer_lines(text: str) -> list[ParsedLine]:
    """Read many typed lines; blank lines are skipped.

    Raises:
        ValidationErrors: every line that cannot be read, each an ``AnswerError``.
    """
    parsed: list[ParsedLine] = []
    errors: list[ValidationError] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            parsed.append(ParsedLine(number, parse_answer_line(raw, number)))
        except AnswerError as error:
            errors.append(error)
    if errors:
        raise ValidationErrors(errors)
    return parsed


def parse_answer_cell(text: str, *, line: int, column: str) -> int | None:
    """Read one spreadsheet cell: "" is unanswered, otherwise exactly one of 1 to 4.

    Raises:
        AnswerError: anything else, naming the row and the column heading.
    """
    value = text.strip()
    if not value:
        return None
    if value in _DIGITS:
        return _DIGITS[value]
    raise AnswerError(
        f"Baris {line}, kolom {column}: '{value[:20]}' bukan jawaban. Isi angka "
        f"{LOWEST_ANSWER} sampai {HIGHEST_ANSWER}, atau kosongkan bila tidak dijawab.",
        line=line,
        column=column,
    )


def answers_text(answers: Answers) -> str:
    """Write answers back the way they are typed: "33434-433"."""
    return "".join(EMPTY_MARK if answer is None else str(answer) for answer in answers)
