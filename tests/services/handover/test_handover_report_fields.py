"""Hand-over packages carry the Catatan/Rekomendasi and the SKM report's data (migration 0015)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import content_of
from sqlalchemy import text

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.handover_checks import record_problems
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    build_aggregates,
    canonical_json,
    make_aggregate,
)
from kinerja_desktop.domain.supervision.survey_report import SurveyMethod
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.supervision.surveys import ActionInput, DetailsInput

EXPORTED_ON = date(2026, 11, 30)
NOTES = "Pertahankan ketepatan waktu.\nIkuti pelatihan analisis data."


def _rows(services: AppServices, sql: str) -> list[tuple[Any, ...]]:
    with services.database.reading() as session:
        return [tuple(row) for row in session.execute(text(sql))]


def _fill(source: AppServices) -> None:
    (skp_id, code), *_ = _rows(
        source,
        "SELECT skp_id, period_code FROM predikat_decisions WHERE NOT EXISTS (SELECT 1 FROM "
        "evaluation_seals s WHERE s.skp_id = predikat_decisions.skp_id AND s.period_code = "
        "predikat_decisions.period_code) ORDER BY id",
    )
    source.evaluation.set_notes(skp_id, code, NOTES)
    surveys = source.supervision.surveys
    survey = surveys.surveys()[0]
    surveys.set_details(
        survey.id,
        DetailsInput("1.250", (SurveyMethod.KIOS,), date(2026, 1, 5), date(2026, 6, 30)),
    )
    surveys.add_action(survey.id, ActionInput("U3", "Menambah loket", "Juli 2026", "Kapus"))
    surveys.add_action(survey.id, ActionInput("U1", "Papan persyaratan", "Juni 2026", "TU"))


def test_notes_and_survey_report_data_travel_whole(
    source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    _fill(source)
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    target.handover.apply(package)
    assert content_of(target) == content_of(source)
    assert _rows(target, "SELECT text FROM evaluation_notes") == [(NOTES,)]
    details = "SELECT population, methods, fieldwork_start, fieldwork_end FROM surveys"
    assert sorted(_rows(target, details), key=str) == sorted(_rows(source, details), key=str)
    plans = "SELECT item, program, schedule, responsible FROM survey_action_plans ORDER BY id"
    assert _rows(target, plans) == _rows(source, plans)

    # Taken again after the sender removed a line and the notes: the record is replaced.
    survey = source.supervision.surveys.surveys()[0]
    details_now = source.supervision.surveys.details(survey.id)
    source.supervision.surveys.remove_action(survey.id, details_now.actions[0].id)
    (skp_id, code), *_ = _rows(source, "SELECT skp_id, period_code FROM evaluation_notes")
    source.evaluation.set_notes(skp_id, code, "")
    source.supervision.surveys.set_details(survey.id, DetailsInput("", (), None, None))
    again = tmp_path / "paket-2.zip"
    source.handover.export(again)
    preview = target.handover.preview(again)
    target.handover.apply(again, {c.ref: Choice.TAKE_THEIRS for c in preview.plan.conflicts})
    assert _rows(target, plans) == _rows(source, plans)
    assert _rows(target, "SELECT count(*) FROM evaluation_notes") == [(0,)]
    assert sorted(_rows(target, details), key=str) == sorted(_rows(source, details), key=str)


def _survey_with(source: AppServices, **changes: Any) -> Aggregate:
    _fill(source)
    with source.database.reading() as session:
        records = build_aggregates(repo.read_all(session).tables)
    original = next(a for a in records if a.kind is Kind.SURVEY and "action_plans" in a.content)
    content = json.loads(canonical_json(original.content))
    for name, value in changes.items():
        if name == "action_item":
            content["action_plans"][0]["item"] = value
        else:
            content[name] = value
    return make_aggregate(Kind.SURVEY, json.loads(original.key), original.label, content, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"population": 0}, "population"),
        ({"population": "banyak"}, "population"),
        ({"methods": "KIOS,POS"}, "methods"),
        ({"fieldwork_start": "2026-07-01"}, "fieldwork_end"),
        ({"action_item": "U10"}, "action_plans[0].item"),
    ],
)
def test_a_survey_with_bad_report_data_is_refused_naming_the_field(
    source: AppServices, change: dict[str, Any], field: str
) -> None:
    problems = record_problems([_survey_with(source, **change)], EXPORTED_ON)
    assert any(f"kolom {field}" in problem for problem in problems), problems
