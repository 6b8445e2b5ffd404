"""One check of typed text: cleaning, required, length, and the one message for each."""

from __future__ import annotations

from typing import Any

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.text import checked_text, clean_lines


@pytest.mark.parametrize(
    ("typed", "options", "cleaned"),
    [
        ("  Budi   Santoso ", {}, "Budi Santoso"),
        ("Budi\tSantoso\x00", {}, "Budi Santoso"),
        ("Cafe\u0301", {}, "Caf\u00e9"),
        ("satu\ndua", {}, "satu dua"),
        ("", {"required": False}, ""),
        ("x" * 20, {}, "x" * 20),
        (" satu  baris \r\n\r\n  dua\r ", {"multiline": True}, "satu baris\n\ndua"),
        ("\n\n satu \n\n", {"multiline": True}, "satu"),
    ],
)
def test_text_is_cleaned(typed: str, options: dict[str, Any], cleaned: str) -> None:
    assert checked_text(typed, field="f", label="Nama", max_length=20, **options) == cleaned


@pytest.mark.parametrize(
    ("typed", "options", "message"),
    [
        ("", {}, "Nama wajib diisi."),
        ("  \t ", {}, "Nama wajib diisi."),
        ("\n \n", {"multiline": True}, "Nama wajib diisi."),
        ("", {"hint": "tuliskan nama lengkap."}, "Nama wajib diisi: tuliskan nama lengkap."),
        ("x" * 11, {}, "Nama paling banyak 10 karakter (sekarang 11)."),
        ("x" * 11, {"required": False}, "Nama paling banyak 10 karakter (sekarang 11)."),
        ("a\n" * 6, {"multiline": True}, "Nama paling banyak 10 karakter (sekarang 11)."),
    ],
)
def test_a_missing_or_long_text_is_refused_naming_its_field(
    typed: str, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        checked_text(typed, field="name", label="Nama", max_length=10, **options)

    assert (raised.value.message, raised.value.field) == (message, "name")


def test_the_length_counts_the_cleaned_text() -> None:
    assert checked_text("  " + "x" * 10 + "   ", field="f", label="Nama", max_length=10) == "x" * 10


def test_no_limit_takes_any_length() -> None:
    assert checked_text("x" * 100_000, field="f", label="Nama", max_length=None) == "x" * 100_000


def test_problems_are_collected_when_asked_and_the_cleaned_text_still_returned() -> None:
    errors: list[ValidationError] = []

    missing = checked_text(" ", field="a", label="Judul", max_length=5, errors=errors)
    long = checked_text(" abcdef ", field="b", label="Kode", max_length=5, errors=errors)
    fine = checked_text(" abc ", field="c", label="Sebab", max_length=5, errors=errors)

    assert (missing, long, fine) == ("", "abcdef", "abc")
    assert [(e.field, e.message) for e in errors] == [
        ("a", "Judul wajib diisi."),
        ("b", "Kode paling banyak 5 karakter (sekarang 6)."),
    ]


def test_clean_lines_keeps_paragraphs() -> None:
    assert clean_lines("Satu.\n\nDua  kata.\n") == "Satu.\n\nDua kata."
