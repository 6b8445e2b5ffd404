"""The 18-digit NIP of a civil servant (Perka BKN 22/2007), for PNS and PPPK.

Layout: digits 1–8 birth date (YYYYMMDD); 9–12 year of first appointment (TMT); 13–14 its month
for PNS (01–12), or for PPPK a '2' then the appointment round (1–9); 15 gender (1 pria,
2 wanita); 16–18 serial (001–999). There is no check digit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.dates import format_date_id, month_name_id
from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.errors import ValidationError

NIP_LENGTH = 18
MIN_AGE_AT_APPOINTMENT = 18
MAX_AGE_AT_APPOINTMENT_PNS = 46
# PP 49/2018 Pasal 16: a PPPK may be appointed up to one year before the retirement age of the
# position (at most 65), so older appointments are normal and must not be flagged.
MAX_AGE_AT_APPOINTMENT_PPPK = 64

_FIELD = "nip"
# Characters accepted between digit groups: spaces, tabs, non-breaking spaces, hyphens.
_SEPARATORS = re.compile(r"[\s\u00a0\u2007\u202f\-\u2010\u2011\u2012\u2013]+")
# What a spreadsheet shows after turning a NIP into a number: "1.98503E+17", "1,98503E+17",
# "198503122010011003.0".
_SPREADSHEET_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+|\d+[.,]0+")
_SPREADSHEET_HINT = (
    "Jika NIP disalin dari spreadsheet, format kolom NIP sebagai Teks lalu ketik ulang NIP-nya."
)


@dataclass(frozen=True)
class Nip:
    """A valid NIP; build it with `Nip.parse` from typed or imported text.

    Attributes:
        digits: Exactly 18 ASCII digits, no separators.
    """

    digits: str

    def __post_init__(self) -> None:
        _validated(self.digits)

    @classmethod
    def parse(cls, text: str) -> Nip:
        """Read a NIP as typed or imported.

        Spaces, tabs, non-breaking spaces and hyphens between digit groups are dropped
        ("19850312 201001 1 003"), and a leading apostrophe (a spreadsheet's text marker) is
        stripped.

        Raises:
            ValidationError: With field "nip" and an Indonesian message saying what is wrong.
        """
        return cls(_normalize(text))

    @property
    def kind(self) -> EmploymentStatus:
        """PPPK when digit 13 is '2', otherwise PNS."""
        return EmploymentStatus.PPPK if self.digits[12] == "2" else EmploymentStatus.PNS

    @property
    def birth_date(self) -> date:
        return _birth_date(self.digits)

    @property
    def appointment_year(self) -> int:
        return int(self.digits[8:12])

    @property
    def appointment_month(self) -> int | None:
        """Month of first appointment (TMT) for PNS; None for PPPK, whose NIP has no month."""
        return None if self.kind is EmploymentStatus.PPPK else int(self.digits[12:14])

    @property
    def appointment_round(self) -> int | None:
        """PPPK appointment round (digit 14); None for PNS."""
        return int(self.digits[13]) if self.kind is EmploymentStatus.PPPK else None

    @property
    def gender(self) -> Gender:
        return Gender.PRIA if self.digits[14] == "1" else Gender.WANITA

    @property
    def serial(self) -> int:
        return int(self.digits[15:])

    @property
    def formatted(self) -> str:
        """Grouped 8-6-1-3 as on official forms, e.g. "19850312 201001 1 003"."""
        d = self.digits
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"

    def __str__(self) -> str:
        return self.digits

    def warnings(self) -> list[str]:
        """Return doubts that do not make the NIP invalid, in Indonesian (empty when none).

        Checks that the appointment is not before the birth date and that the age at appointment
        is plausible: 18–46 for PNS, 18–64 for PPPK. For PPPK only the year is known, so the age
        is the one reached during the appointment year.
        """
        born = self.birth_date
        month = self.appointment_month
        if month is None:
            appointed = str(self.appointment_year)
            before_birth = self.appointment_year < born.year
            age = self.appointment_year - born.year
            upper = MAX_AGE_AT_APPOINTMENT_PPPK
        else:
            appointed = f"{month_name_id(month)} {self.appointment_year}"
            before_birth = (self.appointment_year, month) < (born.year, born.month)
            age = self.appointment_year - born.year - ((month, 1) < (born.month, born.day))
            upper = MAX_AGE_AT_APPOINTMENT_PNS
        if before_birth:
            return [
                f"Pengangkatan pada NIP ({appointed}) lebih awal dari tanggal lahir "
                f"({format_date_id(born)}). Periksa kembali NIP."
            ]
        if not MIN_AGE_AT_APPOINTMENT <= age <= upper:
            return [
                f"Umur saat pengangkatan menurut NIP {age} tahun, di luar kisaran wajar "
                f"{MIN_AGE_AT_APPOINTMENT}–{upper} tahun untuk {self.kind}. Periksa kembali NIP."
            ]
        return []


def check_status(nip: Nip, status: EmploymentStatus) -> ValidationError | None:
    """Return an error (field "nip") when the NIP belongs to the other employment status."""
    if nip.kind is status:
        return None
    if nip.kind is EmploymentStatus.PPPK:
        reason = "NIP PPPK (digit 13 = 2)"
    else:
        reason = "NIP PNS (digit 13–14 adalah bulan pengangkatan)"
    return ValidationError(
        f"NIP {nip} adalah {reason}, tetapi status pegawai diisi {status}. "
        "Periksa kembali NIP atau status pegawai.",
        field=_FIELD,
    )


def _normalize(text: str) -> str:
    if text.isascii() and text.isdigit():
        return text  # digits only, as nearly every list has them: nothing to drop
    cleaned = text.strip().lstrip("'\u2018\u2019").strip()
    if not cleaned:
        raise ValidationError("NIP belum diisi.", field=_FIELD)
    if _SPREADSHEET_NUMBER.fullmatch(cleaned):
        raise ValidationError(
            f"NIP '{cleaned}' sudah diubah spreadsheet menjadi angka sehingga digitnya hilang. "
            "Format kolom NIP sebagai Teks, lalu ketik ulang NIP-nya.",
            field=_FIELD,
        )
    return _SEPARATORS.sub("", cleaned)


@functools.lru_cache(maxsize=1 << 16)
def _validated(digits: str) -> None:
    """`_validate`, remembered for the NIPs that pass (a refusal is raised every time).

    A staff list names most NIPs twice or more (the person's own, then as someone's penilai).
    """
    _validate(digits)


def _validate(digits: str) -> None:
    all_digits = digits.isascii() and digits.isdigit()
    wrong = None if all_digits else next((c for c in digits if c not in "0123456789"), None)
    if wrong is not None:
        raise ValidationError(
            f"NIP hanya boleh berisi angka (spasi atau tanda hubung sebagai pemisah boleh); "
            f"ditemukan '{wrong}'.",
            field=_FIELD,
        )
    if len(digits) != NIP_LENGTH:
        raise ValidationError(
            f"NIP harus 18 digit angka; yang diisi {len(digits)} digit.", field=_FIELD
        )
    try:
        _birth_date(digits)
    except ValueError:
        raise ValidationError(
            f"Tanggal lahir pada NIP (digit 1–8) tidak valid: {digits[:8]}.", field=_FIELD
        ) from None
    month_code = int(digits[12:14])
    if not (1 <= month_code <= 12 or 21 <= month_code <= 29):
        raise ValidationError(
            "Digit 13–14 NIP harus bulan pengangkatan 01 sampai 12 (PNS) atau 21 sampai 29 "
            f"(PPPK); yang diisi {digits[12:14]}.",
            field=_FIELD,
        )
    if digits[14] not in "12":
        raise ValidationError(
            f"Digit 15 NIP (jenis kelamin) harus 1 atau 2; yang diisi {digits[14]}.",
            field=_FIELD,
        )
    if digits[15:] == "000":
        raise ValidationError(
            f"Nomor urut NIP (digit 16–18) tidak boleh 000. {_SPREADSHEET_HINT}", field=_FIELD
        )


def _birth_date(digits: str) -> date:
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
