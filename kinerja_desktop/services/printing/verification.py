"""Printed documents on record, and checking a sheet's code against the records now."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.reports.content import FormKind

#: A code as printed ("K7QX-M2PA-9R"), typed with or without dashes, any case.
_CODE = re.compile(r"^[0-9A-Z]{10}$")


def normal_code(text: str) -> str | None:
    """The code in its printed form, or None when ``text`` cannot be one."""
    raw = re.sub(r"[\s-]", "", text).upper()
    if not _CODE.match(raw):
        return None
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass(frozen=True)
class VerificationResult:
    """The answer for one code.

    Attributes:
        code: The code as printed.
        found: A document with this code was printed from this database.
        matches: The content rebuilt from the records now equals the printed content.
        form: Which form it was (None when not found).
        printed_on: The date in the place-and-date line.
        description: Who and what, e.g. "Evaluasi Kinerja Pegawai, Triwulan III 2026, ...".
        differences: What changed, one line per field (empty when it matches).
    """

    code: str
    found: bool
    matches: bool
    form: FormKind | None = None
    printed_on: date | None = None
    description: str = ""
    differences: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The answer as the command prints it."""
        if not self.found:
            return [f"Kode {self.code} tidak ditemukan di basis data ini."]
        assert self.printed_on is not None
        head = f"{self.description} (dicetak {format_date_id(self.printed_on)})"
        if self.matches:
            return [head, "COCOK: isi lembar sama dengan catatan saat ini."]
        return [
            head,
            "TIDAK COCOK: catatan sudah berubah sejak lembar ini dicetak.",
            *(f"- {line}" for line in self.differences),
        ]


def printed_content(content_json: str) -> dict[str, object]:
    data = json.loads(content_json)
    assert isinstance(data, dict)
    return data
