"""The domain checks of a package's supervision registers: surveys, complaints, audit findings.

Each function reads one aggregate's content (as ``domain.handover_registers`` writes it) and
returns its problems as (field, message), calling the checks the supervision services apply
when a user types the entry: :func:`~domain.supervision.ikm.check_answers` per respondent,
:func:`~domain.supervision.complaints.validate_feedback` and ``check_status_change`` for a
complaint or compliment, :func:`~domain.supervision.findings.validate_finding`,
``check_follow_up`` and ``check_status`` for an audit finding.

``today`` is the day the package was exported: nothing it carries can have happened later.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kinerja_desktop.domain.handover_fields import FieldReader, Problem, nip_reference, unit_path
from kinerja_desktop.domain.supervision.answers import AGE_HIGHEST, AGE_LOWEST, GENDERS
from kinerja_desktop.domain.supervision.complaints import (
    FeedbackFields,
    FeedbackStatus,
    check_status_change,
    validate_feedback,
)
from kinerja_desktop.domain.supervision.findings import (
    FindingFields,
    FindingStatus,
    check_follow_up,
    check_status,
    validate_finding,
)
from kinerja_desktop.domain.supervision.ikm import SurveyItem, check_answers
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period
from kinerja_desktop.domain.supervision.survey_report import (
    POPULATION_MAX,
    check_fieldwork,
    checked_action_plan,
    parse_methods,
)

#: How a respondent's answers were recorded (table survey_responses).
_RESPONSE_SOURCES = ("KETIK", "IMPOR", "KIOS")
#: A respondent's answer columns, U1 to U9 in order.
_ANSWER_KEYS = tuple(item.value.casefold() for item in SurveyItem)


def survey_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A survey (SKM) and its respondents."""
    survey = FieldReader(content)
    survey.check(lambda: parse_survey_period(survey.text("period_code")), field="period_code")
    unit_path(survey, "unit", required=True)
    opened = survey.day("opened_on")
    survey.not_after("opened_on", opened, today)
    closed = survey.day("closed_on", optional=True)
    if opened is not None and closed is not None and closed < opened:
        survey.add("closed_on", "survei ditutup sebelum dibuka.")
    for number, response in enumerate(survey.children("responses"), start=1):
        answers = [response.raw(key) for key in _ANSWER_KEYS]
        if not all(answer is None or isinstance(answer, int) for answer in answers):
            response.add("u1", f"jawaban responden ke-{number} harus angka 1 sampai 4.")
        elif all(answer is None for answer in answers):
            response.add("u1", f"responden ke-{number} tidak menjawab satu unsur pun.")
        else:
            response.check(check_answers, answers, number)
        if response.text("gender") not in GENDERS:
            response.add("gender", f"'{response.text('gender')[:20]}' bukan L atau P.")
        response.integer("age", AGE_LOWEST, AGE_HIGHEST, optional=True)
        if response.text("source") not in _RESPONSE_SOURCES:
            response.add("source", f"'{response.text('source')[:20]}' bukan cara pengisian.")
        response.not_after("answered_on", response.day("answered_on", optional=True), today)
        nip_reference(response, "served_by")
    _report_fields(survey)
    return survey.problems


def _report_fields(survey: FieldReader) -> None:
    """The report's population, method, fieldwork days and RTL, when the survey has them."""
    survey.integer("population", 1, POPULATION_MAX, optional=True)
    if "methods" in survey.content:
        survey.check(parse_methods, survey.text("methods"))
    start = survey.day("fieldwork_start", optional=True)
    end = survey.day("fieldwork_end", optional=True)
    survey.check(check_fieldwork, start, end)
    for plan in survey.children("action_plans"):
        plan.check(
            checked_action_plan,
            plan.text("item"),
            plan.text("program"),
            plan.text("schedule"),
            plan.text("responsible"),
        )


def feedback_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A complaint, suggestion or compliment with its status and dates."""
    entry = FieldReader(content)
    received = entry.day("received_on")
    status = entry.choice("status", FeedbackStatus)
    unit_path(entry, "unit", required=False)
    nip_reference(entry, "employee")
    if received is None:
        return entry.problems
    fields = FeedbackFields(
        kind=entry.text("kind"),
        channel=entry.text("channel"),
        received_on=received,
        text=entry.text("text"),
        ticket=entry.text("ticket"),
        category=entry.text("category"),
        reporter=entry.text("reporter"),
        respond_by=entry.day("respond_by", optional=True),
        resolve_by=entry.day("resolve_by", optional=True),
    )
    entry.check(lambda: validate_feedback(fields, today or date.max))
    for name in ("verified_on", "follow_up_on", "closed_on"):
        entry.not_after(name, entry.day(name, optional=True), today)
    if status is not None and status is not FeedbackStatus.DITERIMA:
        changed = entry.day("closed_on", optional=True) or received
        entry.check(
            lambda: check_status_change(
                FeedbackStatus.DITERIMA,
                status,
                changed_on=changed,
                received_on=received,
                resolution=entry.text("resolution"),
                today=today or date.max,
            ),
            renamed={"changed_on": "closed_on"},
        )
    if status is FeedbackStatus.SELESAI and entry.raw("closed_on") is None:
        entry.add("closed_on", "entri yang selesai harus punya tanggal selesai.")
    return entry.problems


def finding_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """An audit finding with its follow-ups and status."""
    finding = FieldReader(content)
    found = finding.day("found_on")
    status = finding.choice("status", FindingStatus)
    unit_path(finding, "unit", required=False)
    nip_reference(finding, "employee")
    if found is None:
        return finding.problems
    fields = FindingFields(
        source=finding.text("source"),
        found_on=found,
        title=finding.text("title"),
        condition=finding.text("condition"),
        recommendation=finding.text("recommendation"),
        criterion=finding.text("criterion"),
        cause=finding.text("cause"),
        reference=finding.text("reference"),
        due_on=finding.day("due_on"),
    )
    finding.check(lambda: validate_finding(fields, today or date.max))
    follow_ups = finding.children("follow_ups")
    for item in follow_ups:
        done = item.day("done_on")
        if done is not None:
            item.check(
                check_follow_up, done, item.text("action"), found_on=found, today=today or date.max
            )
    if status is not None:
        finding.check(
            lambda: check_status(
                status, follow_ups=len(follow_ups), note=finding.text("status_note")
            ),
            field="status",
        )
    closed = finding.day("closed_on", optional=True)
    if closed is not None and closed < found:
        finding.add("closed_on", "temuan ditutup sebelum tanggal temuannya.")
    finding.not_after("closed_on", closed, today)
    return finding.problems
