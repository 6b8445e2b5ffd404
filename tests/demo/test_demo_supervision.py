"""The demo's supervision data: a year of the register, two SKM rounds, findings in every status."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.behaviour import ObservationSource
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackKind, FeedbackStatus
from kinerja_desktop.domain.supervision.findings import FindingStatus
from kinerja_desktop.services.app_services import AppServices, open_services

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def test_a_year_of_complaints_and_compliments(office: AppServices) -> None:
    entries = office.supervision.feedback.entries(today=TODAY)
    assert len(entries) >= 60
    assert min(e.received_on for e in entries) >= TODAY - timedelta(days=365)
    assert {e.kind for e in entries} == set(FeedbackKind)
    assert {e.status for e in entries} == set(FeedbackStatus)
    assert set(Channel) - {e.channel for e in entries} == {Channel.KIOS}
    assert all(e.ticket for e in entries if e.channel is Channel.SP4N_LAPOR)
    assert any(e.deadline.state.is_overdue for e in entries)
    linked = [e for e in entries if e.observation_id is not None]
    assert linked
    for entry in linked:
        assert entry.observation_id is not None
        observation = office.journal.get(entry.observation_id)
        assert observation.source is ObservationSource.MASYARAKAT
        assert observation.employee_id == entry.employee_id
        back = office.supervision.feedback.for_observation(observation.id, today=TODAY)
        assert back is not None and back.id == entry.id


def test_two_rounds_per_service_unit_with_a_few_hundred_respondents(office: AppServices) -> None:
    surveys = office.supervision.surveys.surveys()
    by_unit = Counter(survey.unit_id for survey in surveys)
    assert len(by_unit) >= 3 and set(by_unit.values()) == {2}
    assert all(150 <= survey.responses <= 400 for survey in surveys)
    assert sum(survey.running for survey in surveys) == len(by_unit)  # the kiosk has one each
    grades = {office.supervision.surveys.results(s.id).result.grade for s in surveys}
    assert len(grades) >= 2


def test_findings_in_every_status(office: AppServices) -> None:
    findings = office.supervision.findings.findings(today=TODAY)
    assert {f.status for f in findings} == set(FindingStatus)
    assert any(f.deadline.state.is_overdue for f in findings)
    for finding in findings:
        follow_ups = office.supervision.findings.follow_ups(finding.id)
        assert all(f.done_on >= finding.found_on for f in follow_ups)
        if finding.status is FindingStatus.SELESAI:
            assert follow_ups


def test_the_summary_mentions_supervision(services: AppServices) -> None:
    summary = write_demo(services.database, today=TODAY)
    assert any(line.startswith("Pengawasan: ") for line in str(summary).splitlines())


def test_same_seed_same_supervision_content(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    tables = ("public_feedback", "surveys", "survey_responses", "audit_findings")
    try:
        dumps = []
        for target in (services, other):
            write_demo(target.database, seed=5, today=TODAY)
            with target.database.reading() as session:
                dumps.append(
                    {
                        t: list(session.execute(text(f"SELECT * FROM {t} ORDER BY id")))
                        for t in tables
                    }
                )
        assert dumps[0] == dumps[1]
    finally:
        other.close()


def test_a_tiny_office_still_writes(services: AppServices) -> None:
    write_demo(services.database, employees=3, today=TODAY)
    assert services.supervision.dashboard.summary(TODAY).today == TODAY
