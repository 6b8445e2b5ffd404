"""Text clean-up shared by the form and the importer."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.domain.text import clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Siti   Rahmawati ", "Siti Rahmawati"),
        ("Nur'aini\tHasanah", "Nur'aini Hasanah"),
        ("Ni\u00a0Luh\u200bPutu", "Ni Luh Putu"),  # no-break and zero-width spaces
        ("Jose\u0301 Situmorang", "Jos\u00e9 Situmorang"),  # combining accent composed (NFC)
        ("line\r\nbreak", "line break"),
        ("\x00bell\x07", "bell"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("parts", "printed"),
    [
        (("Nur'aini Hasanah", "dr.", "M.Kes."), "dr. Nur'aini Hasanah, M.Kes."),
        (("Ahmad Fauzi", "", "S.STP., M.Si."), "Ahmad Fauzi, S.STP., M.Si."),
        (("Muhammad Iqbal", "", ""), "Muhammad Iqbal"),
    ],
)
def test_full_name_as_printed_on_forms(parts: tuple[str, str, str], printed: str) -> None:
    assert full_name(*parts) == printed
