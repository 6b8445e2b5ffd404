"""Typed text, cleaned and checked the same way in every form, import and hand-over package.

Every free-text field of the app goes through :func:`checked_text`, so a missing or too long
value is refused with the same sentence whichever screen it was typed in: "<Label> wajib
diisi." or "<Label> paling banyak <n> karakter (sekarang <m>).". The limits themselves are
data of each field, kept as named constants beside the rule that uses them.
"""

from __future__ import annotations

import unicodedata

from kinerja_desktop.domain.errors import ValidationError


def clean_text(value: str) -> str:
    """Normalise typed or imported text: NFC, no control characters, single spaces."""
    # Fast paths first: most names are plain ASCII, and an import cleans 100,000 cells.
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    if not value.isprintable():
        value = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in value)
    return " ".join(value.split())


def clean_lines(value: str) -> str:
    """Normalise text whose line breaks matter: each line as :func:`clean_text`, joined by LF.

    Blank lines inside are kept (they separate paragraphs); blank lines at either end are not.
    """
    return "\n".join(clean_text(line) for line in value.splitlines()).strip()


def checked_text(
    value: str,
    *,
    field: str | None,
    label: str,
    max_length: int | None,
    required: bool = True,
    multiline: bool = False,
    hint: str = "",
    errors: list[ValidationError] | None = None,
) -> str:
    """Clean a typed text and check it is given (when required) and not too long.

    Args:
        value: The text as typed or read.
        field: The input the message belongs to (None where the caller names the place).
        label: The field's name as the user sees it; every message starts with it.
        max_length: The most characters it may have after cleaning; None for no limit.
        required: Whether an empty text is refused.
        multiline: Keep line breaks (:func:`clean_lines`) instead of joining into one line.
        hint: What to write, added to the "wajib diisi" message.
        errors: When given, a problem is appended here instead of raised.

    Returns:
        The cleaned text, also when a problem was appended to ``errors``.

    Raises:
        ValidationError: The text is required and empty, or too long (without ``errors``).
    """
    text = clean_lines(value) if multiline else clean_text(value)
    problem: ValidationError | None = None
    if required and not text:
        ending = f": {hint}" if hint else "."
        problem = ValidationError(f"{label} wajib diisi{ending}", field=field)
    elif max_length is not None and len(text) > max_length:
        problem = ValidationError(
            f"{label} paling banyak {max_length} karakter (sekarang {len(text)}).", field=field
        )
    if problem is not None:
        if errors is None:
            raise problem
        errors.append(problem)
    return text
