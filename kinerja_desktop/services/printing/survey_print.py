"""The survey report (laporan SKM) of a service unit and period, from ``SurveyService.report``.

A request names the unit (``unit_id``) and the survey period code (``period_code``, e.g.
"2026-S1"); ``employee_id``, when given, is the signer instead of the unit head. Everything is
read in the form's one read transaction: the report, the exact results (for NRR tertimbang),
the respondents' profile and the unit's earlier surveys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kinerja_desktop.data.repositories.surveys import StoredResponse
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.domain.supervision.ikm import format_decimal_id, round_half_up
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period
from kinerja_desktop.domain.supervision.survey_report import count_text
from kinerja_desktop.reports.content import (
    ActionPlanLine,
    GradeLine,
    ProfileLine,
    Signature,
    SurveyItemLine,
    SurveyReportForm,
    TrendLine,
)
from kinerja_desktop.services.printing.people import Places
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.snapshot import Sources
from kinerja_desktop.services.supervision.surveys import (
    SurveyDetails,
    SurveyInfo,
    TrendPoint,
)

#: NRR tertimbang as printed; the interval value (Σ) with one more, as the NI column has it.
WEIGHTED_DECIMALS = 3
INTERVAL_DECIMALS = 4
NOT_FILLED = "Tidak diisi"
#: Age bands of the profile: (lowest age, label); the last band has no upper end.
AGE_BANDS = (
    (0, "Di bawah 20 tahun"),
    (20, "20–29 tahun"),
    (30, "30–39 tahun"),
    (40, "40–49 tahun"),
    (50, "50–59 tahun"),
    (60, "60 tahun ke atas"),
)
GENDERS = (("L", "Laki-laki"), ("P", "Perempuan"))


def survey_code(year: int, period_code: str) -> str:
    """The survey period of a print request: "2026" for the year, "2026-S1" for a part.

    Raises:
        ValidationError: not a survey period (field "period").
    """
    code = period_code.strip().upper()
    text = str(year) if code in ("", "AKHIR", str(year)) else code
    if not text.startswith(f"{year}"):
        text = f"{year}-{text}"
    return parse_survey_period(text).code


def find_survey(sources: Sources, unit_id: int, code: str) -> SurveyInfo:
    """The unit's survey of that period.

    Raises:
        ValidationError: the unit has no survey for the period (field "period").
    """
    for info in sources.surveys.surveys(unit_id):
        if info.period.code == code:
            return info
    period = parse_survey_period(code)
    raise ValidationError(
        f"Belum ada survei kepuasan masyarakat untuk unit ini pada {period.label}.",
        field="period",
    )


def _percent(count: int, total: int) -> str:
    if not total:
        return "0%"
    value = (Decimal(count) * 100 / total).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{format_decimal_id(value)}%"


def _group(
    title: str, values: Iterable[str], order: Sequence[str], total: int
) -> list[ProfileLine]:
    """Counts of one characteristic, in ``order`` then the others by name; "" is not filled."""
    counts = Counter(values)
    if not any(counts[key] for key in counts if key):
        return []  # nobody filled it: left out of the report
    keys = [key for key in order if counts[key]]
    keys += sorted(key for key in counts if key and key not in order)
    lines = [
        ProfileLine(title, key, str(counts[key]), _percent(counts[key], total)) for key in keys
    ]
    if counts[""]:
        lines.append(ProfileLine(title, NOT_FILLED, str(counts[""]), _percent(counts[""], total)))
    return lines


def _age_band(age: int | None) -> str:
    if age is None:
        return ""
    return next(label for lowest, label in reversed(AGE_BANDS) if age >= lowest)


def profile_lines(responses: Sequence[StoredResponse]) -> tuple[ProfileLine, ...]:
    """The respondents' profile (gender, age, education, occupation): what was filled in."""
    data = [
        response.data for response in responses if any(a is not None for a in response.data.answers)
    ]
    total = len(data)
    genders = dict(GENDERS)
    lines = _group(
        "Jenis kelamin",
        (genders.get(row.gender, row.gender) for row in data),
        [label for _, label in GENDERS],
        total,
    )
    lines += _group(
        "Usia", (_age_band(row.age) for row in data), [label for _, label in AGE_BANDS], total
    )
    lines += _group(
        "Pendidikan",
        (row.education.strip() for row in data),
        ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"],
        total,
    )
    lines += _group("Pekerjaan", (row.occupation.strip() for row in data), [], total)
    return tuple(lines)


def _signed_difference(value: Decimal) -> str:
    text = format_decimal_id(value)
    return f"+{text}" if value > 0 else text


def trend_lines(points: Sequence[TrendPoint], until: SurveyInfo) -> tuple[TrendLine, ...]:
    """The unit's surveys up to and including ``until`` that have an IKM, oldest first."""
    lines: list[TrendLine] = []
    previous: Decimal | None = None
    for point in points:
        if point.period.sort_key > until.period.sort_key or point.ikm is None:
            continue
        change = "" if previous is None else _signed_difference(point.ikm.ikm - previous)
        lines.append(
            TrendLine(
                period=point.period.label,
                respondents=str(point.respondents),
                ikm=point.ikm.ikm_text,
                grade=point.ikm.grade.value,
                change=change,
            )
        )
        previous = point.ikm.ikm
        if point.survey_id == until.id:
            break
    return tuple(lines)


def grade_lines() -> tuple[GradeLine, ...]:
    """The conversion table of ``reference/skm.json``, worst grade first."""
    rows = sorted(load("skm")["grades"], key=lambda entry: Decimal(entry["minimum"]))
    return tuple(
        GradeLine(
            perception=str(index),
            interval=str(entry["ni"]).replace(" - ", " – "),
            converted=f"{_comma(entry['minimum'])} – {_comma(entry['maximum'])}",
            grade=str(entry["grade"]),
            performance=str(entry["performance"]),
        )
        for index, entry in enumerate(rows, start=1)
    )


def _comma(number: str) -> str:
    return number.replace(".", ",")


def _weighted(value: Fraction, decimals: int) -> str:
    return format_decimal_id(round_half_up(value, decimals))


def fieldwork_text(details: SurveyDetails) -> str:
    """The fieldwork days as far as they are recorded; "" when neither is."""
    start, end = details.fieldwork_start, details.fieldwork_end
    if start is not None and end is not None:
        return format_date_range_id(start, end)
    if start is not None:
        return f"mulai {format_date_id(start)}"
    return f"sampai {format_date_id(end)}" if end is not None else ""


def sample_status(details: SurveyDetails) -> str:
    """Whether the round reached its minimum sample, in words ("" without a population)."""
    sample = details.sample
    if sample is None:
        return ""
    if sample.reached:
        return "Memenuhi sampel minimum"
    short = sample.minimum - sample.respondents
    return f"Belum memenuhi sampel minimum (kurang {count_text(short)} responden)"


def action_lines(details: SurveyDetails) -> tuple[ActionPlanLine, ...]:
    return tuple(
        ActionPlanLine(
            number=str(number),
            item=f"{line.item.value} {line.item.label}",
            program=line.program,
            schedule=line.schedule,
            responsible=line.responsible,
        )
        for number, line in enumerate(details.actions, start=1)
    )


def build_survey(sources: Sources, request: PrintRequest, logo: bytes | None) -> SurveyReportForm:
    """The survey report; the signer is ``request.employee_id`` or the unit's head.

    Raises:
        ValidationError: no survey for the unit and period, no respondents yet, or an unsur
            nobody answered.
        NotFoundError: the unit or the signer does not exist.
    """
    assert request.unit_id is not None
    survey = find_survey(sources, request.unit_id, request.period_code)
    report = sources.surveys.report(
        survey.id, signer_id=request.employee_id, today=request.printed_on
    )
    exact = sources.surveys.results(survey.id).result
    places = Places.read(sources)
    items = tuple(
        SurveyItemLine(
            code=item.code,
            label=item.label,
            answered=str(item.answered),
            nrr=item.nrr,
            weighted=_weighted(result.weighted, WEIGHTED_DECIMALS),
            converted=item.converted,
            grade=item.grade,
        )
        for item, result in zip(report.items, exact.items, strict=True)
    )
    weakest = tuple(
        f"{result.item.value} {result.item.label} (NRR {format_decimal_id(result.nrr_shown)})"
        for result in exact.weakest()
    )
    signer = Signature(
        role=report.signer_jabatan or "Kepala Unit Layanan",
        name=report.signer_name or "(belum ditentukan)",
        nip=report.signer_nip,
        place_date=report.place_date,
    )
    return SurveyReportForm(
        letterhead=places.letterhead(request.unit_id, logo),
        unit=report.unit,
        period=report.period,
        period_range=report.period_range,
        respondents=str(report.respondents),
        methods="; ".join(method.label for method in report.details.methods),
        fieldwork=fieldwork_text(report.details),
        population=(
            f"{count_text(report.details.population)} orang"
            if report.details.population is not None
            else ""
        ),
        minimum_sample=(
            f"{count_text(report.details.sample.minimum)} responden"
            if report.details.sample is not None
            else ""
        ),
        sample_status=sample_status(report.details),
        profile=profile_lines(sources.surveys.responses(survey.id)),
        items=items,
        interval_value=_weighted(exact.interval_value, INTERVAL_DECIMALS),
        ikm=report.ikm,
        grade=report.grade,
        performance=report.performance,
        weakest=weakest,
        grades=grade_lines(),
        trend=trend_lines(sources.surveys.trend(request.unit_id), survey),
        actions=action_lines(report.details),
        signatures=(signer,),
    )
