"""Reading a hand-over record's JSON content field by field, noting what is not acceptable.

A package's content is whatever the installation that signed it wrote: a field can be missing,
of the wrong JSON type, a choice this app does not know, or a date that is not one. A
:class:`FieldReader` reads each field the way the record's checks need it, and notes a problem
(the field's path in the content and an Indonesian message) instead of raising, so that every
problem of a record is found. The value read is None when the field is not acceptable.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.periods import EvaluationScheme, Period, find_period

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")

#: A failing field: its path in the record's content, and why.
Problem = tuple[str, str]


class FieldReader:
    """Reads one JSON object (a record, or a part of one) and collects its problems.

    Args:
        content: The object; anything that is not one reads as empty.
        problems: The list shared by every reader of the same record.
        prefix: The object's path in the record ("rhks[0].ikis[1]."), for the field names.
    """

    def __init__(
        self, content: Any, problems: list[Problem] | None = None, prefix: str = ""
    ) -> None:
        self.content: Mapping[str, Any] = content if isinstance(content, Mapping) else {}
        self.problems: list[Problem] = [] if problems is None else problems
        self.prefix = prefix

    def add(self, name: str, message: str) -> None:
        self.problems.append((f"{self.prefix}{name}", message))

    def raw(self, name: str) -> Any:
        return self.content.get(name)

    def children(self, name: str) -> list[FieldReader]:
        """A reader for each object of the list ``name`` (a missing list reads as empty)."""
        value = self.content.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(name, "harus berupa daftar.")
            return []
        return [
            FieldReader(item, self.problems, f"{self.prefix}{name}[{index}].")
            for index, item in enumerate(value)
        ]

    def child(self, name: str) -> FieldReader | None:
        """A reader for the object ``name``, or None when it is absent (null)."""
        value = self.content.get(name)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.add(name, "harus berupa objek.")
            return None
        return FieldReader(value, self.problems, f"{self.prefix}{name}.")

    def text(self, name: str) -> str:
        """A text field; null reads as ""."""
        value = self.content.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(name, f"harus berupa teks, bukan {_json_type(value)}.")
            return ""
        return value

    def integer(
        self, name: str, lowest: int, highest: int, *, optional: bool = False
    ) -> int | None:
        value = self.content.get(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not lowest <= value <= highest:
            self.add(name, f"'{_shown(value)}' bukan bilangan bulat {lowest} sampai {highest}.")
            return None
        return value

    def flag(self, name: str) -> bool:
        value = self.content.get(name)
        if not isinstance(value, bool):
            self.add(name, f"'{_shown(value)}' bukan nilai ya/tidak (true/false).")
            return False
        return value

    def day(self, name: str, *, optional: bool = False) -> date | None:
        """An ISO date ("2026-03-31"); null is refused unless ``optional``."""
        value = self.content.get(name)
        if value is None and optional:
            return None
        try:
            if isinstance(value, str) and len(value) == 10:
                return date.fromisoformat(value)
        except ValueError:
            pass
        self.add(name, f"'{_shown(value)}' bukan tanggal (TTTT-BB-HH).")
        return None

    def choice(self, name: str, kind: type[_E], *, optional: bool = False) -> _E | None:
        """One of the values of ``kind``; null is refused unless ``optional``."""
        value = self.content.get(name)
        if value is None and optional:
            return None
        try:
            if isinstance(value, str):
                return kind(value)
        except ValueError:
            pass
        allowed = ", ".join(member.value for member in kind)
        self.add(name, f"'{_shown(value)}' bukan pilihan yang dikenal ({allowed}).")
        return None

    def not_after(self, name: str, day: date | None, today: date | None) -> None:
        """Note ``day`` when it is after ``today`` (the day the package was exported)."""
        if day is not None and today is not None and day > today:
            self.add(name, f"tanggal {day.isoformat()} sesudah paket dibuat ({today.isoformat()}).")

    def check(
        self,
        run: Callable[..., _T],
        *args: Any,
        field: str = "",
        renamed: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> _T | None:
        """Run the domain check ``run(*args, **kwargs)``, noting each error it raises.

        Each error is noted under ``field`` when given, else under its own field, written as
        the record's content names it (``renamed`` maps a form's field name to that).

        Returns:
            What the check returns, or None when it raised.
        """
        found: list[ValidationError]
        try:
            return run(*args, **kwargs)
        except ValidationErrors as errors:
            found = list(errors.errors)
        except ValidationError as single:
            found = [single]
        for error in found:
            name = field or error.field or ""
            self.add((renamed or {}).get(name, name), error.message)
        return None


_SCHEMES = tuple(EvaluationScheme)


@functools.lru_cache(maxsize=1024)
def find_any_period(year: int, code: str) -> Period | None:
    """The period ``code`` of ``year`` in whichever scheme has it (TW1, S2, M05, AKHIR).

    Cached: a package names the same few periods thousands of times.
    """
    for scheme in _SCHEMES:
        try:
            return find_period(year, scheme, code)
        except ValidationError:
            continue
    return None


def period_of(reader: FieldReader, name: str, year: int | None) -> Period | None:
    """Read a period code of ``year``; note a code no scheme has."""
    code = reader.text(name)
    if year is None:
        return None
    period = find_any_period(year, code) if code == code.strip().upper() else None
    if period is None:
        reader.add(
            name,
            f"kode periode '{code[:20]}' tidak dikenal (TW1–TW4, S1–S2, M01–M12 atau AKHIR).",
        )
    return period


def unit_path(reader: FieldReader, name: str, *, required: bool) -> None:
    """A unit by its path of names from the instansi."""
    path = reader.raw(name)
    if path is None and not required:
        return
    if (
        not isinstance(path, list)
        or not path
        or not all(isinstance(part, str) and part.strip() for part in path)
    ):
        reader.add(name, "unit kerja harus ditulis sebagai jalur nama dari instansi.")


def nip_reference(reader: FieldReader, name: str) -> None:
    """A reference to a person by NIP (null when nobody)."""
    if reader.raw(name) is not None:
        reader.check(lambda: Nip.parse(reader.text(name)), field=name)


def _json_type(value: Any) -> str:
    return {bool: "ya/tidak", int: "angka", float: "angka", list: "daftar", dict: "objek"}.get(
        type(value), "nilai lain"
    )


def _shown(value: Any) -> str:
    return "kosong" if value is None else str(value)[:40]
