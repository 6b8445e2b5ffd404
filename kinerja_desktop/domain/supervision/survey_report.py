"""What the SKM report says beyond the results (PermenPANRB 14/2017): sample, method, RTL.

- The **minimum sample** for the service's population is read from the Krejcie-Morgan table
  (``reference/skm_sample.json``, with its source): a population between two rows takes the
  next larger row's sample (but never more than the population), ten or fewer people are
  surveyed whole, and above the last row its sample holds.
- The **method**: how the answers were collected (tatap muka, kiosk, online), one or more.
- The **rencana tindak lanjut** (RTL): per unsur, the program, when, and who is responsible.

Every check raises :class:`ValidationError` (or :class:`ValidationErrors`) naming the field.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.domain.text import checked_text

#: Longest texts of an RTL line (the columns are sized to them).
PROGRAM_MAX = 1000
SCHEDULE_MAX = 100
RESPONSIBLE_MAX = 200
#: A population above this is surely a typing slip (more than any region's people).
POPULATION_MAX = 100_000_000


class SurveyMethod(StrEnum):
    """How a survey's answers were collected, in the order the report lists them."""

    TATAP_MUKA = "TATAP_MUKA"
    KIOS = "KIOS"
    ONLINE = "ONLINE"

    @property
    def label(self) -> str:
        return {
            "TATAP_MUKA": "Tatap muka (kuesioner kertas)",
            "KIOS": "Kios/anjungan di tempat layanan",
            "ONLINE": "Daring (online)",
        }[self.value]


def methods_code(methods: Iterable[SurveyMethod]) -> str:
    """The stored form: codes in declared order, comma-separated ("" for none)."""
    chosen = set(methods)
    return ",".join(method.value for method in SurveyMethod if method in chosen)


def parse_methods(code: str) -> tuple[SurveyMethod, ...]:
    """The methods of a stored code.

    Raises:
        ValidationError: an unknown method (field "methods").
    """
    found: set[SurveyMethod] = set()
    for part in code.split(","):
        if not part.strip():
            continue
        try:
            found.add(SurveyMethod(part.strip()))
        except ValueError:
            raise ValidationError(
                f"Metode survei '{part.strip()}' tidak dikenal.", field="methods"
            ) from None
    return tuple(method for method in SurveyMethod if method in found)


@cache
def _table() -> tuple[tuple[int, ...], tuple[int, ...]]:
    rows = sorted((int(r["population"]), int(r["sample"])) for r in load("skm_sample")["rows"])
    return tuple(n for n, _ in rows), tuple(s for _, s in rows)


def minimum_sample(population: int) -> int:
    """The fewest respondents the Krejcie-Morgan table asks of ``population`` people.

    Raises:
        ValueError: ``population`` is not positive.
    """
    if population < 1:
        raise ValueError("population must be positive")
    populations, samples = _table()
    if population <= populations[0]:
        return population
    index = bisect.bisect_left(populations, population)
    # The next larger row never asks for more people than there are.
    return min(population, samples[min(index, len(samples) - 1)])


def count_text(number: int) -> str:
    """A whole number the Indonesian way: 1.250."""
    return f"{number:,}".replace(",", ".")


@dataclass(frozen=True)
class SampleCheck:
    """Whether a round reached the minimum sample for its population."""

    population: int
    minimum: int
    respondents: int

    @property
    def reached(self) -> bool:
        return self.respondents >= self.minimum


def sample_check(population: int | None, respondents: int) -> SampleCheck | None:
    """The check, or None while the population is not recorded."""
    if population is None:
        return None
    return SampleCheck(population, minimum_sample(population), respondents)


def parse_population(text: str) -> int | None:
    """The population as typed ("1.250" or "1250"); None when left empty.

    Raises:
        ValidationError: not a whole number above 0 (field "population").
    """
    raw = text.strip().replace(".", "").replace(" ", "")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1 or int(raw) > POPULATION_MAX:
        raise ValidationError(
            f"Populasi harus bilangan bulat lebih dari 0, mis. 1250; yang diisi '{text.strip()}'.",
            field="population",
        )
    return int(raw)


def check_fieldwork(start: date | None, end: date | None) -> None:
    """Refuse an end before the start (either may be unknown).

    Raises:
        ValidationError: the end is before the start (field "fieldwork_end").
    """
    if start is not None and end is not None and end < start:
        raise ValidationError(
            "Tanggal akhir pengumpulan data tidak boleh sebelum tanggal mulainya.",
            field="fieldwork_end",
        )


@dataclass(frozen=True)
class ActionPlan:
    """One RTL line, cleaned and checked."""

    item: SurveyItem
    program: str
    schedule: str
    responsible: str


def checked_action_plan(item: str, program: str, schedule: str, responsible: str) -> ActionPlan:
    """Clean and check an RTL line as typed; every problem at once.

    Raises:
        ValidationErrors: each field at fault ("item", "program", "schedule", "responsible").
    """
    errors: list[ValidationError] = []
    unsur: SurveyItem | None = None
    try:
        unsur = SurveyItem(item.strip().upper())
    except ValueError:
        errors.append(ValidationError("Unsur wajib dipilih (U1 sampai U9).", field="item"))
    texts = [
        checked_text(value, field=name, label=label, max_length=limit, errors=errors)
        for value, name, label, limit in (
            (program, "program", "Program/kegiatan", PROGRAM_MAX),
            (schedule, "schedule", "Waktu", SCHEDULE_MAX),
            (responsible, "responsible", "Penanggung jawab", RESPONSIBLE_MAX),
        )
    ]
    if errors or unsur is None:
        raise ValidationErrors(errors)
    return ActionPlan(unsur, *texts)
