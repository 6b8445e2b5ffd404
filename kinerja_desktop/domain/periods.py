"""Evaluation periods of a year: periodic ones (triwulan, semester or monthly) and AKHIR."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from kinerja_desktop.domain.dates import format_date_id, format_date_range_id, month_name_id
from kinerja_desktop.domain.errors import ValidationError

FINAL_CODE = "AKHIR"


class EvaluationScheme(StrEnum):
    """How often the periodic evaluation happens; the agency chooses (triwulan by default)."""

    TRIWULAN = "TRIWULAN"
    SEMESTER = "SEMESTER"
    BULANAN = "BULANAN"

    @property
    def label(self) -> str:
        """Indonesian label: "Triwulan", "Semester", "Bulanan"."""
        return self.value.capitalize()


DEFAULT_SCHEME = EvaluationScheme.TRIWULAN


@dataclass(frozen=True)
class Period:
    """One evaluation period.

    Attributes:
        code: "TW1".."TW4", "S1"/"S2", "M01".."M12", or "AKHIR".
        label: "Triwulan I", "Semester II", "Januari", or "Akhir".
        start: First day, inclusive.
        end: Last day, inclusive.
        is_final: True for AKHIR, the annual evaluation that gives the yearly predikat.
    """

    code: str
    label: str
    start: date
    end: date
    is_final: bool = False

    @property
    def range_text(self) -> str:
        """E.g. "1 Januari s.d. 31 Maret 2026"."""
        return format_date_range_id(self.start, self.end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


_ROMAN = ("I", "II", "III", "IV")


def periods_for_year(year: int, scheme: EvaluationScheme = DEFAULT_SCHEME) -> list[Period]:
    """Return the periodic periods of the year in order, then AKHIR (1 Jan–31 Dec).

    Raises:
        ValidationError: When the year is not 1 to 9999.
    """
    if not 1 <= year <= 9999:
        raise ValidationError(f"Tahun penilaian tidak valid: {year}.")
    if scheme is EvaluationScheme.TRIWULAN:
        periodic = [
            Period(f"TW{q}", f"Triwulan {_ROMAN[q - 1]}", *_months(year, 3 * q - 2, 3 * q))
            for q in range(1, 5)
        ]
    elif scheme is EvaluationScheme.SEMESTER:
        periodic = [
            Period(f"S{s}", f"Semester {_ROMAN[s - 1]}", *_months(year, 6 * s - 5, 6 * s))
            for s in range(1, 3)
        ]
    else:
        periodic = [
            Period(f"M{m:02d}", month_name_id(m), *_months(year, m, m)) for m in range(1, 13)
        ]
    final = Period(FINAL_CODE, "Akhir", date(year, 1, 1), date(year, 12, 31), is_final=True)
    return [*periodic, final]


def periods_for_span(year: int, scheme: EvaluationScheme, start: date, end: date) -> list[Period]:
    """Return the periods of someone evaluated only from ``start`` to ``end`` of the year.

    Used after joining, a mutation or a change of penilai mid-year: only periods overlapping
    [start, end] are kept, each clipped to it (AKHIR too, e.g. 1 Juni–31 Desember).

    Raises:
        ValidationError: When ``end`` is before ``start`` or the span leaves the year.
    """
    if end < start:
        raise ValidationError(
            f"Tanggal selesai ({format_date_id(end)}) tidak boleh sebelum tanggal mulai "
            f"({format_date_id(start)})."
        )
    if start.year != year or end.year != year:
        raise ValidationError(
            f"Rentang {format_date_range_id(start, end)} harus berada di dalam tahun {year}."
        )
    return [
        replace(period, start=max(period.start, start), end=min(period.end, end))
        for period in periods_for_year(year, scheme)
        if period.start <= end and start <= period.end
    ]


def find_period(year: int, scheme: EvaluationScheme, code: str) -> Period:
    """Return the period with this code (case-insensitive), for the whole year.

    Raises:
        ValidationError: For an unknown code; the message lists the valid ones.
    """
    periods = periods_for_year(year, scheme)
    wanted = code.strip().upper()
    for period in periods:
        if period.code == wanted:
            return period
    valid = ", ".join(period.code for period in periods)
    raise ValidationError(
        f"Kode periode '{code.strip()}' tidak dikenal untuk skema {scheme.label}. "
        f"Pilih salah satu: {valid}."
    )


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def period_label(code: str) -> str:
    """The label of a period code in any scheme ("TW3" → "Triwulan III"); the code if unknown."""
    for scheme in EvaluationScheme:
        for period in periods_for_year(2000, scheme):
            if period.code == code.strip().upper():
                return period.label
    return code
