"""The demo's competences and development plans: standards, gaps, plans in every status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.development import ItemStatus
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.development.service import proposal_key

TODAY = date(2026, 11, 28)
TABLES = ("job_standards", "technical_competences", "competence_ratings", "development_items")


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def test_some_jabatan_have_standards_and_the_rest_keep_the_defaults(office: AppServices) -> None:
    people = office.staff.search_people("", 100)
    lines = [
        line
        for person in people
        for line in office.competence.profile(person.id, TODAY).lines
        if line.required is not None
    ]
    assert any(line.is_default for line in lines)
    assert any(not line.is_default for line in lines)
    clerk = next(p for p in people if p.jabatan == "Pengadministrasi Perkantoran")
    codes = [line.competence.code for line in office.competence.profile(clerk.id, TODAY).lines]
    assert "T.ARSIP" in codes  # the job's own teknis competence


def test_ratings_have_reasons_some_below_the_standard_and_some_history(
    office: AppServices,
) -> None:
    overview = office.development_overview.unit(TODAY.year, TODAY)
    assert sum(line.below_standard for line in overview.people) >= 5
    assert all(line.jpm is not None for line in overview.people)
    with office.database.reading() as session:
        repeated = session.execute(
            text(
                "SELECT count(*) FROM (SELECT employee_id, competence_code FROM competence_ratings"
                " GROUP BY 1, 2 HAVING count(*) > 1)"
            )
        ).scalar_one()
        empty_reasons = session.execute(
            text("SELECT count(*) FROM competence_ratings WHERE trim(reason) = ''")
        ).scalar_one()
    assert repeated > 0 and empty_reasons == 0


def test_plans_in_every_status_with_follow_up(office: AppServices) -> None:
    overview = office.development_overview.unit(TODAY.year, TODAY)
    items = [entry for _line, entry in overview.items]
    assert {entry.item.status for entry in items} == set(ItemStatus)
    assert any(entry.overdue for entry in items)
    assert any(entry.needs_review for entry in items)
    assert len(overview.lapsed) == 1
    assert any(line.plan.shortfall == 0 for line in overview.people)  # someone reached 20 JP
    done = [entry for entry in items if entry.item.status is ItemStatus.SELESAI]
    assert all(entry.evidence_note and entry.outcome for entry in done)


def test_accepted_proposals_are_not_proposed_again(office: AppServices) -> None:
    overview = office.development_overview.unit(TODAY.year, TODAY)
    accepted = [
        (line.person.id, entry.proposal_key)
        for line, entry in overview.items
        if entry.proposal_key and entry.item.status is not ItemStatus.DIBATALKAN
    ]
    assert len(accepted) >= 5
    for employee_id, key in accepted[:10]:
        proposed = office.development.proposals(employee_id, TODAY.year)
        assert key not in {proposal_key(p) for p in proposed}


def test_the_same_seed_gives_the_same_plans(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=5, today=TODAY)
        write_demo(other.database, seed=5, today=TODAY)
        for table in TABLES:
            assert _rows(services, table) == _rows(other, table), table
            assert _rows(services, table), table
    finally:
        other.close()


def test_early_in_the_year_and_one_person(services: AppServices) -> None:
    write_demo(services.database, employees=1, today=date(2026, 1, 3))
    assert _rows(services, "competence_ratings")  # the camat is rated too


def _rows(services: AppServices, table: str) -> list[tuple[object, ...]]:
    with services.database.reading() as session:
        return [tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
