"""The supervision registers as hand-over aggregates: surveys, complaints, audit findings.

Natural keys, since ids differ per installation:

- a survey (SKM) by its service unit's path and its period code; its responses are part of it;
- a complaint, suggestion or compliment by its service unit's path, the day it came in, the
  channel, and the SP4N-LAPOR! ticket or, without one, the first 16 hex of the digest of what
  came in (kind, reporter, text), so that following it up does not change its key;
- an audit finding by its unit's path, the day it was found and the first 16 hex of the digest
  of what the auditor wrote (source, report number, title); its follow-ups and its links are
  part of it.

References are natural keys too: a person by NIP, a journal observation by the observation's
key, an RHK by ``{nip, year, rhk}`` as the SKP's own parent links are written, the survey a
kiosk entry came with by the survey's key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    Kind,
    Row,
    Tables,
    digest_of,
    make_aggregate,
    plain_fields,
    sorted_rows,
    under,
    year_of,
    years_overlap,
)

#: The tables this module reads.
REGISTER_TABLES = (
    "public_feedback",
    "surveys",
    "survey_responses",
    "survey_action_plans",
    "audit_findings",
    "audit_follow_ups",
    "audit_links",
)


class Lookup(Protocol):
    """What the registers need from the appraisal records' index."""

    def path(self, unit_id: int | None) -> list[str] | None: ...

    def nip(self, employee_id: int | None) -> str | None: ...

    def rhk_link(self, rhk_id: int) -> dict[str, Any]: ...

    def skp_of_rhk(self, rhk_id: int) -> int: ...


#: The survey report's fields (migration 0015) and their value while nothing is recorded.
SURVEY_REPORT_FIELDS: Mapping[str, Any] = {
    "population": None,
    "methods": "",
    "fieldwork_start": None,
    "fieldwork_end": None,
}
#: A survey's rencana tindak lanjut (``survey_action_plans``), in the order it was written.
ACTION_PLANS = "action_plans"


@dataclass
class RegisterSelection:
    """The register rows in scope, and what they refer to (carried so references resolve)."""

    feedback: list[Row] = field(default_factory=list)
    surveys: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)
    responses: dict[int, list[Row]] = field(default_factory=dict)
    action_plans: dict[int, list[Row]] = field(default_factory=dict)
    follow_ups: dict[int, list[Row]] = field(default_factory=dict)
    links: dict[int, list[Row]] = field(default_factory=dict)
    people: set[int] = field(default_factory=set)
    observations: set[int] = field(default_factory=set)
    skps: set[int] = field(default_factory=set)
    units: set[int] = field(default_factory=set)


def _grouped(rows: Sequence[Row], column: str) -> dict[int, list[Row]]:
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row[column]].append(row)
    return grouped


def select_registers(
    tables: Tables,
    lookup: Lookup,
    unit_path: Sequence[str] | None,
    year: int | None,
    scope_people: set[int],
) -> RegisterSelection:
    """The register entries of a unit (with everything under it) and a year.

    An entry without a unit belongs to the unit of the person it names. Complaints and
    findings go with every year they were open in; a survey with the year of its period.
    """

    def in_scope(row: Row) -> bool:
        if unit_path is None:
            return True
        if row["unit_id"] is not None:
            return under(lookup.path(row["unit_id"]), unit_path)
        return row["employee_id"] in scope_people

    chosen = RegisterSelection()
    chosen.feedback = [
        row
        for row in tables["public_feedback"]
        if in_scope(row) and years_overlap(row["received_on"], row["closed_on"], year)
    ]
    kiosk_surveys = {row["survey_id"] for row in chosen.feedback if row["survey_id"] is not None}
    chosen.surveys = [
        row
        for row in tables["surveys"]
        if row["id"] in kiosk_surveys
        or (
            under(lookup.path(row["unit_id"]), unit_path)
            and year in (None, year_of(row["period_code"]))
        )
    ]
    chosen.findings = [
        row
        for row in tables["audit_findings"]
        if in_scope(row) and years_overlap(row["found_on"], row["closed_on"], year)
    ]
    surveys = {row["id"] for row in chosen.surveys}
    findings = {row["id"] for row in chosen.findings}
    responses = _grouped(tables["survey_responses"], "survey_id")
    follow_ups = _grouped(tables["audit_follow_ups"], "finding_id")
    links = _grouped(tables["audit_links"], "finding_id")
    chosen.responses = {survey: responses.get(survey, []) for survey in surveys}
    plans = _grouped(tables["survey_action_plans"], "survey_id")
    chosen.action_plans = {survey: plans.get(survey, []) for survey in surveys}
    chosen.follow_ups = {finding: follow_ups.get(finding, []) for finding in findings}
    chosen.links = {finding: links.get(finding, []) for finding in findings}
    _add_references(chosen, lookup)
    return chosen


def _add_references(chosen: RegisterSelection, lookup: Lookup) -> None:
    """The people, observations, SKPs and units that the chosen entries name."""
    for row in [*chosen.feedback, *chosen.findings]:
        if row["employee_id"] is not None:
            chosen.people.add(row["employee_id"])
    for rows in chosen.responses.values():
        chosen.people |= {row["served_by_id"] for row in rows if row["served_by_id"] is not None}
    chosen.observations = {
        row["observation_id"] for row in chosen.feedback if row["observation_id"] is not None
    }
    for rows in chosen.links.values():
        for link in rows:
            if link["observation_id"] is not None:
                chosen.observations.add(link["observation_id"])
            if link["rhk_id"] is not None:
                chosen.skps.add(lookup.skp_of_rhk(link["rhk_id"]))
    for row in [*chosen.feedback, *chosen.surveys, *chosen.findings]:
        if row["unit_id"] is not None:
            chosen.units.add(row["unit_id"])


def build_registers(
    chosen: RegisterSelection, lookup: Lookup, observation_keys: Mapping[int, list[Any]]
) -> list[Aggregate]:
    """The aggregates of the chosen register entries, surveys first (complaints name them).

    Args:
        chosen: From :func:`select_registers`.
        lookup: Unit paths, NIPs and RHK links of the same database.
        observation_keys: The natural key of every carried observation, by row id.
    """
    survey_keys = {
        row["id"]: [lookup.path(row["unit_id"]), row["period_code"]] for row in chosen.surveys
    }
    found = [
        _survey(row, chosen.responses[row["id"]], chosen.action_plans[row["id"]], lookup)
        for row in chosen.surveys
    ]
    found += [
        _feedback(row, lookup, observation_keys, survey_keys)
        for row in sorted(chosen.feedback, key=lambda row: row["id"])
    ]
    found += [
        _finding(
            row, chosen.follow_ups[row["id"]], chosen.links[row["id"]], lookup, observation_keys
        )
        for row in sorted(chosen.findings, key=lambda row: row["id"])
    ]
    return found


def _survey(row: Row, responses: Sequence[Row], plans: Sequence[Row], lookup: Lookup) -> Aggregate:
    unit = lookup.path(row["unit_id"])
    answers = [
        {
            **plain_fields(item, "survey_id", "served_by_id"),
            "served_by": lookup.nip(item["served_by_id"]),
        }
        for item in responses
    ]
    # The report's fields and plan are there only when recorded, so a survey without them
    # keeps the content (and digest) it had before they existed.
    unset = [name for name, empty in SURVEY_REPORT_FIELDS.items() if row.get(name) == empty]
    content = {
        **plain_fields(row, "unit_id", *unset),
        "unit": unit,
        "responses": sorted_rows(answers),
    }
    if plans:
        content[ACTION_PLANS] = [plain_fields(plan, "survey_id") for plan in plans]
    label = f"SKM {' / '.join(unit or [])} {row['period_code']} ({len(answers)} responden)"
    return make_aggregate(Kind.SURVEY, [unit, row["period_code"]], label, content, row["id"])


def feedback_key_part(row: Row) -> str:
    """The ticket, or what came in: stays the same while the entry is followed up."""
    if row["ticket"]:
        return str(row["ticket"])
    return digest_of({"kind": row["kind"], "reporter": row["reporter"], "text": row["text"]})[:16]


def _feedback(
    row: Row,
    lookup: Lookup,
    observation_keys: Mapping[int, list[Any]],
    survey_keys: Mapping[int, list[Any]],
) -> Aggregate:
    unit = lookup.path(row["unit_id"])
    observation = row["observation_id"]
    survey = row["survey_id"]
    content = {
        **plain_fields(row, "unit_id", "employee_id", "observation_id", "survey_id"),
        "unit": unit,
        "employee": lookup.nip(row["employee_id"]),
        "observation": None if observation is None else observation_keys[observation],
        "survey": None if survey is None else survey_keys[survey],
    }
    key = [unit, row["received_on"], row["channel"], feedback_key_part(row)]
    label = f"{row['kind'].capitalize()} {row['received_on']}: {row['text'][:60]}"
    return make_aggregate(Kind.PUBLIC_FEEDBACK, key, label, content, row["id"])


def finding_key_part(row: Row) -> str:
    """What the auditor wrote down; following the finding up does not change it."""
    return digest_of(
        {"source": row["source"], "reference": row["reference"], "title": row["title"]}
    )[:16]


def _finding(
    row: Row,
    follow_ups: Sequence[Row],
    links: Sequence[Row],
    lookup: Lookup,
    observation_keys: Mapping[int, list[Any]],
) -> Aggregate:
    unit = lookup.path(row["unit_id"])
    targets: list[dict[str, Any]] = [
        {"rhk": lookup.rhk_link(link["rhk_id"])}
        if link["rhk_id"] is not None
        else {"observation": observation_keys[link["observation_id"]]}
        for link in links
    ]
    content = {
        **plain_fields(row, "unit_id", "employee_id"),
        "unit": unit,
        "employee": lookup.nip(row["employee_id"]),
        "follow_ups": sorted_rows(follow_ups, "finding_id"),
        "links": sorted_rows(targets),
    }
    key = [unit, row["found_on"], finding_key_part(row)]
    label = f"Temuan {row['source']} {row['found_on']}: {row['title'][:60]}"
    return make_aggregate(Kind.AUDIT_FINDING, key, label, content, row["id"])
