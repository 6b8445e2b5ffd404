"""Survey answers from a CSV or XLSX file (layout in docs/ikm-format.md).

One respondent a row; columns ``U1`` to ``U9`` hold 1 to 4, or nothing for an unanswered unsur.
Optional profile columns: ``Jenis Kelamin`` (L/P), ``Umur``, ``Pendidikan``, ``Pekerjaan``;
a row number (``No``) and a date (``Tanggal``) are allowed and ignored. Any other heading, and
any value under a column without a heading, is refused: its contents would silently not count
(a ``U10`` typed for ``U1``, an answer pasted one column too far). Every bad cell is reported
with its row and column, all of a row's problems, and a file with any is refused whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.answers import (
    AGE_HIGHEST,
    AGE_LOWEST,
    AnswerError,
    parse_answer_cell,
)
from kinerja_desktop.domain.supervision.ikm import Answers, SurveyItem
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.platform.tabular import (
    Table,
    TableRow,
    column_letter,
    header_key,
    read_table,
)

_T = TypeVar("_T")
#: Beyond this many bad cells the list stops (the file is refused either way).
MAX_ERRORS = 50
_GENDER_KEYS = ("jeniskelamin", "jk", "kelamin")
_AGE_KEYS = ("umur", "usia")
_PROFILE_KEYS = ("pendidikan", "pekerjaan")
#: Bookkeeping columns a recap sheet often has; read and ignored (they hold no answer).
_IGNORED_KEYS = ("no", "nomor", "nourut", "tanggal")
_KNOWN_KEYS = frozenset(
    [item.value.casefold() for item in SurveyItem]
    + list(_GENDER_KEYS + _AGE_KEYS + _PROFILE_KEYS + _IGNORED_KEYS)
)
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
    if text.isdigit() and AGE_LOWEST <= int(text) <= AGE_HIGHEST:
        return int(text)
    raise AnswerError(
        f"Baris {row.line}, kolom {heading}: umur '{text[:20]}' tidak wajar; isi tahun, "
        f"{AGE_LOWEST} sampai {AGE_HIGHEST}, atau kosongkan.",
        line=row.line,
        column=heading,
    )


def read_answers(path: Path) -> ImportedAnswers:
    """Read and check every row of a survey file.

    Raises:
        ValidationError: the file cannot be read, lacks columns or has a column it does not
            know (the message names them).
        ValidationErrors: bad cells, each an ``AnswerError`` naming its row and column (every
            problem of a row, up to MAX_ERRORS in all); or rows without any answer; or a
            file without respondents.
    """
    table = read_table(path)
    _check_columns(table)
    present = {header_key(column) for column in table.columns}
    gender_key = _first_key(present, _GENDER_KEYS)
    age_key = _first_key(present, _AGE_KEYS)
    headings = {key: table.heading(key) or key for key in present}
    rows: list[ImportedRow] = []
    errors: list[ValidationError] = []
    for row in table.rows:
        read, problems = _read_row(row, gender_key, age_key, headings)
        if read is not None:
            rows.append(read)
        errors += problems
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise ValidationErrors(errors[:MAX_ERRORS])
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


def _check_columns(table: Table) -> None:
    """Refuse a file without U1 to U9, or with a heading this format does not know."""
    missing = [item.value for item in SurveyItem if not table.has(item.value.casefold())]
    if missing:
        raise ValidationError(
            f"Berkas '{table.name}' tidak punya kolom {', '.join(missing)}. Baris pertama harus "
            "berisi judul kolom U1 sampai U9 (lihat docs/ikm-format.md).",
            field="file",
        )
    unknown = [f"'{column}'" for column in table.columns if header_key(column) not in _KNOWN_KEYS]
    if unknown:
        raise ValidationError(
            f"Berkas '{table.name}' punya kolom yang tidak dikenal: {', '.join(unknown)}. "
            "Isinya tidak akan terbaca, jadi berkas ditolak: hapus kolom itu atau perbaiki "
            "judulnya. Kolom yang dikenal: U1 sampai U9, Jenis Kelamin (JK), Umur (Usia), "
            "Pendidikan, Pekerjaan, serta No dan Tanggal (diabaikan).",
            field="file",
        )


def _read_row(
    row: TableRow, gender_key: str | None, age_key: str | None, headings: dict[str, str]
) -> tuple[ImportedRow | None, list[AnswerError]]:
    """Read one row; return it (None when it has a problem) and every problem it has."""
    problems = [_unnamed_cell(row.line, number, text) for number, text in row.unnamed]
    answers: list[int | None] = []
    for item in SurveyItem:
        try:
            answers.append(
                parse_answer_cell(row.get(item.value.casefold()), line=row.line, column=item.value)
            )
        except AnswerError as error:
            problems.append(error)
            answers.append(None)
    if all(answer is None for answer in answers) and len(problems) == len(row.unnamed):
        problems.append(
            AnswerError(
                f"Baris {row.line}, kolom U1: tidak ada satu pun jawaban U1 sampai U9; hapus "
                "baris ini atau isi jawabannya.",
                line=row.line,
                column="U1",
            )
        )
    gender = _collect(
        problems, lambda: _gender(row, gender_key, headings.get(gender_key or "", ""))
    )
    age = _collect(problems, lambda: _age(row, age_key, headings.get(age_key or "", "")))
    if problems:
        return None, problems
    return (
        ImportedRow(
            line=row.line,
            answers=tuple(answers),
            gender=gender or "",
            age=age,
            education=clean_text(row.get("pendidikan"))[:40],
            occupation=clean_text(row.get("pekerjaan"))[:60],
        ),
        [],
    )


def _collect(problems: list[AnswerError], read: Callable[[], _T]) -> _T | None:
    try:
        return read()
    except AnswerError as error:
        problems.append(error)
        return None


def _unnamed_cell(line: int, number: int, text: str) -> AnswerError:
    """A value under a column without a heading: it would count for nothing."""
    letter = column_letter(number)
    return AnswerError(
        f"Baris {line}, kolom {letter}: '{text[:20]}' ada di kolom tanpa judul, jadi tidak "
        "terbaca. Beri judul kolom itu (mis. U1 sampai U9) atau hapus isinya; mungkin ada "
        "pemisah (koma atau titik koma) di dalam isian yang tidak diapit tanda kutip.",
        line=line,
        column=letter,
    )
