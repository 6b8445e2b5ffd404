"""Survey answers from a CSV or XLSX file (layout in docs/ikm-format.md).

One respondent a row; columns ``U1`` to ``U9`` hold 1 to 4, or nothing for an unanswered unsur.
Optional profile columns: ``Jenis Kelamin`` (L/P), ``Umur``, ``Pendidikan``, ``Pekerjaan``.
Other columns are ignored. Every bad cell is reported with its row and column, and a file with
any bad cell is refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.staff import clean_text
from kinerja_desktop.domain.supervision.answers import AnswerError, parse_answer_cell
from kinerja_desktop.domain.supervision.ikm import Answers, SurveyItem
from kinerja_desktop.services.tabular import TableRow, header_key, read_table

#: Beyond this many bad cells the list stops (the file is refused either way).
MAX_ERRORS = 50
_GENDER_KEYS = ("jeniskelamin", "jk", "kelamin")
_AGE_KEYS = ("umur", "usia")
_GENDERS = {"l": "L", "laki": "L", "lakilaki": "L", "p": "P", "perempuan": "P", "wanita": "P"}


@dataclass(frozen=True)
class ImportedRow:
    line: int
    answers: Answers
    gender: str = ""
    age: int | None = None
    education: str = ""
    occupation: str = ""


@dataclass(frozen=True)
class ImportedAnswers:
    file_name: str
    rows: tuple[ImportedRow, ...]


def _first_key(has: set[str], keys: tuple[str, ...]) -> str | None:
    return next((key for key in keys if key in has), None)


def _gender(row: TableRow, key: str | None, heading: str) -> str:
    if key is None:
        return ""
    text = "".join(char for char in row.get(key).casefold() if char.isalpha())
    if not text:
        return ""
    if text in _GENDERS:
        return _GENDERS[text]
    raise AnswerError(
        f"Baris {row.line}, kolom {heading}: '{row.get(key)[:20]}' tidak dikenal; isi L atau P.",
        line=row.line,
        column=heading,
    )


def _age(row: TableRow, key: str | None, heading: str) -> int | None:
    if key is None or not row.get(key).strip():
        return None
    text = row.get(key).strip()
    if text.isdigit() and 10 <= int(text) <= 120:
        return int(text)
    raise AnswerError(
        f"Baris {row.line}, kolom {heading}: umur '{text[:20]}' tidak wajar; isi tahun, "
        "10 sampai 120, atau kosongkan.",
        line=row.line,
        column=heading,
    )


def read_answers(path: Path) -> ImportedAnswers:
    """Read and check every row of a survey file.

    Raises:
        ValidationError: the file cannot be read, or lacks columns (the message names them).
        ValidationErrors: bad cells, each an ``AnswerError`` naming its row and column; or
            rows without any answer; or a file without respondents.
    """
    table = read_table(path)
    missing = [item.value for item in SurveyItem if not table.has(item.value.casefold())]
    if missing:
        raise ValidationError(
            f"Berkas '{table.name}' tidak punya kolom {', '.join(missing)}. Baris pertama harus "
            "berisi judul kolom U1 sampai U9 (lihat docs/ikm-format.md).",
            field="file",
        )
    present = {header_key(column) for column in table.columns}
    gender_key = _first_key(present, _GENDER_KEYS)
    age_key = _first_key(present, _AGE_KEYS)
    headings = {key: table.heading(key) or key for key in present}
    rows: list[ImportedRow] = []
    errors: list[ValidationError] = []
    for row in table.rows:
        try:
            rows.append(_read_row(row, gender_key, age_key, headings))
        except AnswerError as error:
            errors.append(error)
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise ValidationErrors(errors)
    if not rows:
        raise ValidationErrors(
            [
                ValidationError(
                    f"Berkas '{table.name}' tidak berisi responden: di bawah baris judul belum "
                    "ada jawaban.",
                    field="file",
                )
            ]
        )
    return ImportedAnswers(table.name, tuple(rows))


def _read_row(
    row: TableRow, gender_key: str | None, age_key: str | None, headings: dict[str, str]
) -> ImportedRow:
    answers = tuple(
        parse_answer_cell(row.get(item.value.casefold()), line=row.line, column=item.value)
        for item in SurveyItem
    )
    if all(answer is None for answer in answers):
        raise AnswerError(
            f"Baris {row.line}, kolom U1: tidak ada satu pun jawaban U1 sampai U9; hapus baris "
            "ini atau isi jawabannya.",
            line=row.line,
            column="U1",
        )
    return ImportedRow(
        line=row.line,
        answers=answers,
        gender=_gender(row, gender_key, headings.get(gender_key or "", "")),
        age=_age(row, age_key, headings.get(age_key or "", "")),
        education=clean_text(row.get("pendidikan"))[:40],
        occupation=clean_text(row.get("pekerjaan"))[:60],
    )
