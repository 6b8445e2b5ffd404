"""The Indeks Kepuasan Masyarakat (IKM) of a survey, computed as PermenPANRB 14/2017 says.

Reference §8: nine unsur answered 1 to 4. Per unsur, NRR = sum of the answers / the respondents
who answered it (an unanswered unsur is left out of that unsur's average, not counted as 0).
NRR tertimbang = NRR × 1/9; IKM = Σ NRR tertimbang × 25. Every step here is an exact
``Fraction``: the weight is never rounded to 0,111 or 0,11, which would shift results. Only the
published IKM is rounded, to two decimals, half up; the grade A–D is read from that published
value, because the official table is written in two decimals and has nothing between 64,99
and 65,00. The items, weight, conversion, rounding and grade table are reference data
(``kinerja_desktop/reference/skm.json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cache
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.reference_data import load

ITEM_COUNT = 9
LOWEST_ANSWER = 1
HIGHEST_ANSWER = 4

#: One respondent's answers to U1..U9; None where the unsur was left unanswered.
Answers = tuple[int | None, ...]


class SurveyItem(StrEnum):
    """The nine unsur of PermenPANRB 14/2017, in the official order."""

    U1 = "U1"
    U2 = "U2"
    U3 = "U3"
    U4 = "U4"
    U5 = "U5"
    U6 = "U6"
    U7 = "U7"
    U8 = "U8"
    U9 = "U9"

    @property
    def number(self) -> int:
        return int(self.value[1:])

    @property
    def label(self) -> str:
        """The unsur's official name, e.g. "Waktu Penyelesaian"."""
        return str(_skm()["items"][self.number - 1]["label"])


class ServiceGrade(StrEnum):
    """Mutu pelayanan, best first."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def performance(self) -> str:
        """Kinerja unit pelayanan for the grade, e.g. "Sangat Baik"."""
        return str(_grade_entry(self)["performance"])

    @property
    def label(self) -> str:
        """E.g. "A (Sangat Baik)"."""
        return f"{self.value} ({self.performance})"


@dataclass(frozen=True)
class GradeBand:
    """One row of the grade table, on the converted scale (25 to 100)."""

    grade: ServiceGrade
    minimum: Decimal
    maximum: Decimal


@dataclass(frozen=True)
class IkmRules:
    """The numbers of the formula and the grade table (from ``reference/skm.json``)."""

    weight: Fraction
    conversion: Fraction
    decimals: int
    nrr_decimals: int
    bands: tuple[GradeBand, ...]
    weakest_items: int


@cache
def _skm() -> dict[str, Any]:
    data: dict[str, Any] = load("skm")
    return data


def _grade_entry(grade: ServiceGrade) -> dict[str, Any]:
    return next(entry for entry in _skm()["grades"] if entry["grade"] == grade.value)


@cache
def default_rules() -> IkmRules:
    data = _skm()
    if data["rounding"] != "ROUND_HALF_UP":  # pragma: no cover - a data mistake
        raise ValueError("skm.json: only ROUND_HALF_UP is implemented")
    return IkmRules(
        weight=Fraction(data["weight"]),
        conversion=Fraction(data["conversion"]),
        decimals=int(data["decimals"]),
        nrr_decimals=int(data["nrr_decimals"]),
        bands=tuple(
            GradeBand(
                ServiceGrade(entry["grade"]), Decimal(entry["minimum"]), Decimal(entry["maximum"])
            )
            for entry in data["grades"]
        ),
        weakest_items=int(data["weakest_items"]),
    )


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Round an exact value to ``decimals`` places, halves away from zero, without floats."""
    scale = 10**decimals
    scaled = abs(value) * scale
    whole = int(scaled + Fraction(1, 2))  # floor of a non-negative number
    result = Decimal(whole).scaleb(-decimals)
    return -result if value < 0 else result


def grade_for(ikm: Decimal, rules: IkmRules | None = None) -> ServiceGrade:
    """The mutu pelayanan of a published IKM (two decimals, 25,00 to 100,00).

    Raises:
        ValidationError: the value is outside 25 to 100 (field "ikm").
    """
    rules = rules or default_rules()
    published = ikm.quantize(Decimal(1).scaleb(-rules.decimals))
    for band in rules.bands:
        if band.minimum <= published <= band.maximum:
            return band.grade
    raise ValidationError(
        f"Nilai IKM {format_decimal_id(published)} di luar rentang 25,00 sampai 100,00.",
        field="ikm",
    )


def format_decimal_id(value: Decimal) -> str:
    """Write a decimal the Indonesian way: 82,47."""
    return str(value).replace(".", ",")


@dataclass(frozen=True)
class ItemResult:
    """One unsur of a survey.

    Attributes:
        item: The unsur.
        answered: How many respondents answered it.
        total: The sum of their answers.
        nrr: Nilai rata-rata, exact (total / answered).
        weighted: NRR tertimbang, exact (NRR × weight).
        nrr_shown: NRR rounded for showing (three decimals).
        converted: NRR × 25 rounded to two decimals: the unsur's own score on the IKM scale.
        grade: The grade of ``converted``.
    """

    item: SurveyItem
    answered: int
    total: int
    nrr: Fraction
    weighted: Fraction
    nrr_shown: Decimal
    converted: Decimal
    grade: ServiceGrade


@dataclass(frozen=True)
class IkmResult:
    """A survey's index.

    Attributes:
        respondents: Respondents counted (each answered at least one unsur).
        items: The nine unsur in order.
        interval_value: Σ NRR tertimbang, exact (the "nilai interval", 1 to 4).
        exact: IKM before rounding (interval value × 25).
        ikm: The published IKM, two decimals.
        grade: Mutu pelayanan of ``ikm``.
        unanswered: Answers left empty, over all respondents and unsur.
    """

    respondents: int
    items: tuple[ItemResult, ...]
    interval_value: Fraction
    exact: Fraction
    ikm: Decimal
    grade: ServiceGrade
    unanswered: int

    @property
    def ikm_text(self) -> str:
        return format_decimal_id(self.ikm)

    def weakest(self, count: int | None = None) -> tuple[ItemResult, ...]:
        """The unsur with the lowest NRR, lowest first; items tied with the last one are kept.

        Args:
            count: How many to name (three by default, from the reference data).
        """
        wanted = default_rules().weakest_items if count is None else count
        ordered = sorted(self.items, key=lambda result: (result.nrr, result.item.number))
        if wanted <= 0:
            return ()
        chosen = ordered[:wanted]
        cut = chosen[-1].nrr
        chosen += [result for result in ordered[wanted:] if result.nrr == cut]
        return tuple(chosen)


def check_answers(answers: Sequence[int | None], respondent: int) -> Answers:
    """Return one respondent's answers as a tuple, after checking them.

    Raises:
        ValidationError: not nine answers, or an answer outside 1 to 4 (field "U1".."U9").
    """
    if len(answers) != ITEM_COUNT:
        raise ValidationError(
            f"Responden ke-{respondent} punya {len(answers)} jawaban; satu responden menjawab "
            f"{ITEM_COUNT} unsur (U1 sampai U9).",
            field="answers",
        )
    for index, answer in enumerate(answers):
        if answer is not None and (
            isinstance(answer, bool) or not LOWEST_ANSWER <= answer <= HIGHEST_ANSWER
        ):
            raise ValidationError(
                f"Responden ke-{respondent}, unsur U{index + 1}: jawaban {answer} tidak sah; "
                f"isi {LOWEST_ANSWER} sampai {HIGHEST_ANSWER}, atau kosongkan bila tidak dijawab.",
                field=f"U{index + 1}",
            )
    return tuple(answers)


def compute_ikm(
    responses: Sequence[Sequence[int | None]], rules: IkmRules | None = None
) -> IkmResult:
    """Compute NRR per unsur, the IKM and its grade, exactly.

    Respondents who left every unsur empty are not counted.

    Raises:
        ValidationError: an answer outside 1 to 4 (field "U1".."U9"), no respondent with an
            answer (field "responses"), or an unsur nobody answered (field "U1".."U9").
    """
    rules = rules or default_rules()
    totals = [0] * ITEM_COUNT
    counts = [0] * ITEM_COUNT
    respondents = 0
    unanswered = 0
    for number, raw in enumerate(responses, start=1):
        answers = check_answers(raw, number)
        if all(answer is None for answer in answers):
            continue
        respondents += 1
        for index, answer in enumerate(answers):
            if answer is None:
                unanswered += 1
            else:
                totals[index] += answer
                counts[index] += 1
    return ikm_from_totals(
        totals, counts, respondents=respondents, unanswered=unanswered, rules=rules
    )


def ikm_from_totals(
    totals: Sequence[int],
    counts: Sequence[int],
    *,
    respondents: int,
    unanswered: int = 0,
    rules: IkmRules | None = None,
) -> IkmResult:
    """Compute the IKM from each unsur's sum of answers and number of answers (U1..U9).

    The same result as :func:`compute_ikm` on the answers behind the sums; a database sums in
    SQL and calls this.

    Raises:
        ValidationError: no respondent (field "responses"), or an unsur nobody answered.
    """
    rules = rules or default_rules()
    if respondents == 0:
        raise ValidationError(
            "Survei ini belum punya responden; IKM dihitung setelah ada jawaban.",
            field="responses",
        )
    items = []
    for item in SurveyItem:
        index = item.number - 1
        if counts[index] == 0:
            raise ValidationError(
                f"Unsur {item.value} ({item.label}) belum dijawab oleh satu responden pun; "
                "IKM membutuhkan nilai kesembilan unsur.",
                field=item.value,
            )
        nrr = Fraction(totals[index], counts[index])
        converted = round_half_up(nrr * rules.conversion, rules.decimals)
        items.append(
            ItemResult(
                item=item,
                answered=counts[index],
                total=totals[index],
                nrr=nrr,
                weighted=nrr * rules.weight,
                nrr_shown=round_half_up(nrr, rules.nrr_decimals),
                converted=converted,
                grade=grade_for(converted, rules),
            )
        )
    interval_value = sum((result.weighted for result in items), Fraction(0))
    exact = interval_value * rules.conversion
    ikm = round_half_up(exact, rules.decimals)
    return IkmResult(
        respondents=respondents,
        items=tuple(items),
        interval_value=interval_value,
        exact=exact,
        ikm=ikm,
        grade=grade_for(ikm, rules),
        unanswered=unanswered,
    )
