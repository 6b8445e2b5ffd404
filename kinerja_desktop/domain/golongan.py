"""Golongan (grade) and pangkat (rank name): PNS I/a..IV/e (PP 99/2000), PPPK I..XVII."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError

_FIELD = "golongan"

_PNS_PANGKAT: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)

_ROMAN = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip
_ARABIC_TO_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}

_PREFIX = re.compile(r"^(?:GOLONGAN|GOL)\b\.?\s*")
_PNS_CODE = re.compile(r"(IV|III|II|I|\d)[/.-]?([A-Z])")


@dataclass(frozen=True)
class Golongan:
    """One golongan of one employment status.

    Attributes:
        code: Canonical code, "III/b" for PNS or "IX" for PPPK.
        status: PNS or PPPK.
        pangkat: The rank name for PNS ("Penata Muda Tingkat I"); None for PPPK.
        rank: 1 for the lowest golongan of the status, up to 17; compare only within a status.
    """

    code: str
    status: EmploymentStatus
    pangkat: str | None
    rank: int

    @property
    def display(self) -> str:
        """As printed under PANGKAT/GOL RUANG: "Penata Muda Tingkat I, III/b" or "IX"."""
        return f"{self.pangkat}, {self.code}" if self.pangkat else self.code

    def __str__(self) -> str:
        return self.display


_PNS = tuple(
    Golongan(code, EmploymentStatus.PNS, pangkat, rank)
    for rank, (code, pangkat) in enumerate(_PNS_PANGKAT, start=1)
)
_PPPK = tuple(
    Golongan(code, EmploymentStatus.PPPK, None, rank) for rank, code in enumerate(_ROMAN, start=1)
)
_PNS_BY_KEY = {g.code.upper().replace("/", ""): g for g in _PNS}


def golongan_choices(status: EmploymentStatus) -> list[Golongan]:
    """Return all golongan of a status, lowest first."""
    return list(_PNS if status is EmploymentStatus.PNS else _PPPK)


# Remembered: a staff list repeats the same few values over thousands of rows.
@functools.lru_cache(maxsize=4096)
def parse_golongan(text: str, status: EmploymentStatus) -> Golongan:
    """Read a golongan as typed or imported, tolerating common spellings.

    PNS: "III/b", "iii/b", "III b", "IIIb", "III-b", "III.b", "3b", "3/b". PPPK: "IX", "ix", "9".
    A leading "Gol."/"Golongan" is ignored.

    Raises:
        ValidationError: With field "golongan" and an Indonesian message saying what is wrong.
    """
    shown = " ".join(text.split())
    if not shown:
        raise ValidationError("Golongan belum diisi.", field=_FIELD)
    key = re.sub(r"\s+", "", _PREFIX.sub("", shown.upper()))
    if status is EmploymentStatus.PNS:
        return _parse_pns(shown, key)
    return _parse_pppk(shown, key)


def _parse_pns(shown: str, key: str) -> Golongan:
    if match := _PNS_CODE.fullmatch(key):
        found = _PNS_BY_KEY.get(_ARABIC_TO_ROMAN.get(match[1], match[1]) + match[2])
        if found is not None:
            return found
    number = _pppk_number(key)
    if number is not None and 1 <= number <= 4:
        raise ValidationError(
            f"Golongan PNS harus lengkap dengan ruang, misalnya {_ROMAN[number - 1]}/a; "
            f"yang diisi '{shown}'.",
            field=_FIELD,
        )
    if number is not None and 1 <= number <= len(_ROMAN):
        raise ValidationError(
            f"Golongan '{shown}' adalah golongan PPPK, sedangkan pegawai ini PNS "
            "(I/a sampai IV/e).",
            field=_FIELD,
        )
    raise ValidationError(
        f"Golongan '{shown}' tidak dikenal untuk PNS (I/a sampai IV/e).", field=_FIELD
    )


def _parse_pppk(shown: str, key: str) -> Golongan:
    number = _pppk_number(key)
    if number is not None and 1 <= number <= len(_ROMAN):
        return _PPPK[number - 1]
    if (match := _PNS_CODE.fullmatch(key)) and match[2] in "ABCDE":
        raise ValidationError(
            f"Golongan '{shown}' adalah golongan PNS, sedangkan pegawai ini PPPK; "
            "golongan PPPK I sampai XVII tanpa ruang.",
            field=_FIELD,
        )
    raise ValidationError(f"Golongan PPPK harus I sampai XVII; yang diisi '{shown}'.", field=_FIELD)


def _pppk_number(key: str) -> int | None:
    """Return the number of a Roman or Arabic golongan without ruang, or None."""
    if key.isascii() and key.isdigit():
        return int(key)
    if key in _ROMAN:
        return _ROMAN.index(key) + 1
    return None
