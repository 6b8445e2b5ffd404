"""The period a satisfaction survey covers: a year, a semester, a triwulan or a month.

PermenPANRB 14/2017 asks for a survey at least once a year; many units run one per semester.
A period is written as a code: ``2026`` (the year), ``2026-S1``, ``2026-TW3`` or ``2026-M05``.
Codes sort in time order by :attr:`SurveyPeriod.sort_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import EvaluationScheme, Period, periods_for_year

_CODE = re.compile(r"(?P<year>\d{4})(?:[-/ ](?P<part>TW[1-4]|S[12]|M(?:0[1-9]|1[0-2])))?")


@dataclass(frozen=True)
class SurveyPeriod:
    """A survey period.

    Attributes:
        code: The normalised code, e.g. "2026-S1".
        label: E.g. "Semester I 2026", "Tahun 2026".
        start: First day.
        end: Last day.
    """

    code: str
    label: str
    start: date
    end: date

    @property
    def sort_key(self) -> tuple[date, int]:
        """Earlier first; a longer period (the year) before its parts that start with it."""
        return (self.start, -(self.end - self.start).days)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _part(year: int, part: str) -> Period:
    scheme = (
        EvaluationScheme.TRIWULAN
        if part.startswith("TW")
        else EvaluationScheme.SEMESTER
        if part.startswith("S")
        else EvaluationScheme.BULANAN
    )
    return next(period for period in periods_for_year(year, scheme) if period.code == part)


def parse_survey_period(text: str) -> SurveyPeriod:
    """Read a period code such as "2026", "2026-S1", "2026-TW3" or "2026-M05".

    Raises:
        ValidationError: the code is not one of those forms, or the year is not 2000 to 2100
            (field "period").
    """
    found = _CODE.fullmatch(text.strip().upper())
    if found is None:
        raise ValidationError(
            f"Periode survei '{text.strip()}' tidak dikenal. Tulis tahunnya (2026), atau tahun "
            "dengan semester, triwulan atau bulan: 2026-S1, 2026-TW3, 2026-M05.",
            field="period",
        )
    year = int(found["year"])
    if not 2000 <= year <= 2100:
        raise ValidationError(
            f"Tahun periode survei {year} tidak wajar; isi tahun 2000 sampai 2100.",
            field="period",
        )
    part = found["part"]
    if part is None:
        return SurveyPeriod(str(year), f"Tahun {year}", date(year, 1, 1), date(year, 12, 31))
    period = _part(year, part)
    return SurveyPeriod(f"{year}-{part}", f"{period.label} {year}", period.start, period.end)
