"""The demo's Perilaku Kerja: journal, ratings, predikat, weak spot, keberatan, distribution."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select, text

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    DialogueRow,
    ObservationRow,
    OrgPredikatRow,
    PredikatRow,
)
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.skp_models import ResultRatingRow, SkpRow
from kinerja_desktop.demo import behaviour_demo, write_demo
from kinerja_desktop.domain.behaviour import ObservationSign, ObservationSource
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.objection import objection_deadline
from kinerja_desktop.domain.predikat import Predikat, predikat_for
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.evaluation.journal import weak_spot_check
from kinerja_desktop.services.evaluation.records import RatingSource

TODAY = date(2026, 11, 28)
YEAR = 2026
CODES = ("TW1", "TW2", "TW3")
TABLES = (
    "observations",
    "behaviour_feedback",
    "result_ratings",
    "behaviour_ratings",
    "predikat_decisions",
    "dialogues",
    "org_predikats",
)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def _people(services: AppServices) -> list[Employee]:
    with services.database.reading() as session:
        return staff_repo.all_employees(session, active_only=True)


def _skp_ids(services: AppServices) -> dict[int, int]:
    """SKP id by employee id."""
    with services.database.reading() as session:
        rows = session.execute(select(SkpRow.employee_id, SkpRow.id).where(SkpRow.year == YEAR))
        return {employee_id: skp_id for employee_id, skp_id in rows}


def _ended(services: AppServices, employee_id: int) -> list[str]:
    return [
        period.code
        for period in services.staff.periods_for(employee_id, YEAR)
        if not period.is_final and period.end < TODAY
    ]


def _rows(services: AppServices, model: type[Any]) -> list[Any]:
    """Every row of ``model``, as plain objects that outlive the session."""
    with services.database.reading() as session:
        columns = [column.key for column in model.__table__.columns]
        return [
            SimpleNamespace(**{key: getattr(row, key) for key in columns})
            for row in session.scalars(select(model).order_by(model.id))
        ]


def _weak_officer(services: AppServices) -> Employee:
    people = [p for p in _people(services) if p.jabatan == behaviour_demo.WEAK_SPOT_JOB]
    spotted = [
        p
        for p in people
        if any(spot.value is not None for spot in services.journal.weak_spots(p.id, YEAR))
    ]
    assert len(spotted) == 1, [p.jabatan for p in spotted]
    return spotted[0]


def _rated_low_officer(services: AppServices) -> Employee:
    people = [p for p in _people(services) if p.jabatan == behaviour_demo.WEAK_SPOT_JOB]
    spotted = [
        p
        for p in people
        if any(spot.value is None for spot in services.journal.weak_spots(p.id, YEAR))
    ]
    assert len(spotted) == 1, [p.jabatan for p in spotted]
    return spotted[0]


# --- the journal ----------------------------------------------------------------------------------


def test_everyone_has_journal_entries_in_each_ended_period(office: AppServices) -> None:
    rows = _rows(office, ObservationRow)
    people = _people(office)
    for person in people:
        periods = [
            period
            for period in office.staff.periods_for(person.id, YEAR)
            if not period.is_final and period.end < TODAY
        ]
        assert periods, person.jabatan
        mine = [row for row in rows if row.employee_id == person.id]
        for period in periods:
            assert any(period.contains(row.observed_on) for row in mine), (person.jabatan, period)
        assert all(row.observed_on < TODAY for row in mine)
    assert 200 <= len(rows) <= 500  # a few hundred for the 40-person office
    signs = Counter(ObservationSign(row.sign) for row in rows)
    assert signs[ObservationSign.POSITIF] > 3 * signs[ObservationSign.NEGATIF]
    assert signs[ObservationSign.NEGATIF] > signs[ObservationSign.NETRAL] > 0
    sources = Counter(ObservationSource(row.source) for row in rows)
    assert set(sources) == set(ObservationSource)
    assert sources[ObservationSource.LANGSUNG] > len(rows) // 2
    assert {BehaviourValue(row.value_code) for row in rows} == set(BehaviourValue)
    assert not any(row.serious for row in rows)
    assert all(row.text and "{" not in row.text for row in rows)


def test_feedback_per_value_is_the_draft_from_the_journal(office: AppServices) -> None:
    skp_ids = _skp_ids(office)
    person = _weak_officer(office)
    view = office.behaviour.period_view(skp_ids[person.id], "TW2")
    for value in view.values:
        assert value.stored, value.label
        if value.entries:
            assert value.stored == value.draft
    assert "Yang perlu dikembangkan" in view.value(BehaviourValue.BERORIENTASI_PELAYANAN).stored
    count = len(_rows(office, BehaviourFeedbackRow))
    periods = sum(len(_ended(office, employee)) for employee in skp_ids)
    assert count == periods * len(BehaviourValue)


def test_the_weak_spot_is_found_for_the_administration_officer(office: AppServices) -> None:
    person = _weak_officer(office)
    spots = office.journal.weak_spots(person.id, YEAR)
    assert len(spots) == 1
    [spot] = spots
    assert spot.value is BehaviourValue.BERORIENTASI_PELAYANAN
    assert spot.indicator == 2
    assert spot.periods == ("Triwulan I", "Triwulan II")
    [report] = office.journal.weak_spot_reports(person.id, YEAR)
    assert "Ramah, cekatan, solutif, dan dapat diandalkan" in report.title
    rated_low = _rated_low_officer(office)
    for other in _people(office):
        if other.id not in (person.id, rated_low.id):
            assert office.journal.weak_spots(other.id, YEAR) == [], other.jabatan


def test_a_weak_spot_from_ratings_alone(office: AppServices) -> None:
    """The seed's own example: a clerk repeatedly rated low on speed of service."""
    person = _rated_low_officer(office)
    [spot] = office.journal.weak_spots(person.id, YEAR)
    assert spot.value is None
    assert spot.periods == ("Triwulan I", "Triwulan II")
    assert "Rating Perilaku Kerja di bawah ekspektasi" in spot.action
    skp_id = _skp_ids(office)[person.id]
    for code in ("TW1", "TW2"):
        view = office.behaviour.period_view(skp_id, code)
        assert view.rating is not None and view.rating.final is Rating.DI_BAWAH
        assert view.rating.reason == behaviour_demo.RATED_LOW_REASON
        assert all(
            entry.sign is not ObservationSign.NEGATIF
            for value in view.values
            for entry in value.entries
        )
        assert view.predikat.decision is not None and not view.predikat.outdated
    [report] = office.journal.weak_spot_reports(person.id, YEAR)
    assert report.entries == ()
    with office.database.reading() as session:
        items = weak_spot_check(session, TODAY)
    assert any(item.employee_ids == (person.id,) for item in items)


# --- ratings and predikat -------------------------------------------------------------------------


def test_ratings_are_the_proposals_of_the_app(office: AppServices) -> None:
    skp_ids = _skp_ids(office)
    hasil: Counter[Rating] = Counter()
    perilaku: Counter[Rating] = Counter()
    heads = 0
    for employee_id, skp_id in skp_ids.items():
        for code in _ended(office, employee_id):
            evaluation = office.evaluation.evaluation(skp_id, code)
            assert evaluation.proposal is not None
            decision = evaluation.decision
            assert decision is not None, (employee_id, code)
            # A unit head's rating follows the unit's organisation predikat (SE MenPANRB 3/2023).
            head = evaluation.unit_head is not None
            assert decision.source is (RatingSource.ORGANISASI if head else RatingSource.PROPOSAL)
            assert not evaluation.warnings
            heads += head
            assert decision.final is decision.proposed is evaluation.proposal.rating
            assert decision.proposed_reasons == evaluation.proposal.reasons
            assert not evaluation.decision_outdated
            view = office.behaviour.period_view(skp_id, code)
            assert view.rating is not None
            if view.rating.reason != behaviour_demo.RATED_LOW_REASON:
                assert view.rating.final is view.rating.proposed is view.proposal.rating
            assert not view.rating_outdated
            assert view.predikat.decision is not None
            assert not view.predikat.outdated
            assert view.period.end < view.rating.decided_on < TODAY
            hasil[decision.final] += 1
            perilaku[view.rating.final] += 1
    assert heads  # the Camat and the Kepala Puskesmas
    assert hasil[Rating.DI_ATAS] and hasil[Rating.DI_BAWAH]
    assert perilaku[Rating.DI_ATAS] and perilaku[Rating.DI_BAWAH]
    assert perilaku[Rating.SESUAI] > perilaku[Rating.DI_ATAS] + perilaku[Rating.DI_BAWAH]


def test_predikat_follows_the_matrix_except_one_override(office: AppServices) -> None:
    rows = _rows(office, PredikatRow)
    results = {(row.skp_id, row.period_code): row.final for row in _rows(office, ResultRatingRow)}
    behaviour = {
        (row.skp_id, row.period_code): row.final for row in _rows(office, BehaviourRatingRow)
    }
    assert len(rows) == len(results) == len(behaviour)
    overridden = []
    for row in rows:
        key = (row.skp_id, row.period_code)
        assert (row.hasil, row.perilaku) == (results[key], behaviour[key])
        computed = predikat_for(Rating(row.hasil), Rating(row.perilaku))
        assert row.computed == computed.value
        if row.final != row.computed:
            overridden.append(row)
        else:
            assert row.override_reason == ""
    [override] = overridden
    assert override.override_reason.strip()
    assert (override.computed, override.final) == ("BAIK", "SANGAT_BAIK")
    assert override.period_code == "TW3"
    finals = Counter(Predikat(row.final) for row in rows)
    assert finals[Predikat.SANGAT_BAIK] and finals[Predikat.BAIK]
    assert finals[Predikat.BUTUH_PERBAIKAN] + finals[Predikat.KURANG_MISCONDUCT] > 0


# --- dialogue -------------------------------------------------------------------------------------


def test_one_keberatan_on_time_explained_and_decided(office: AppServices) -> None:
    dialogues = _rows(office, DialogueRow)
    objections = [row for row in dialogues if row.objection_on is not None]
    assert len(objections) == 1
    [row] = objections
    person = _weak_officer(office)
    assert row.skp_id == _skp_ids(office)[person.id]
    assert row.period_code == "TW2"

    dialogue = office.dialogue.view(row.skp_id, row.period_code, TODAY)
    assert dialogue.result_received_on is not None
    assert dialogue.objection_on is not None
    assert dialogue.result_received_on < dialogue.objection_on
    assert dialogue.objection_on <= objection_deadline(dialogue.result_received_on)
    assert not dialogue.objection_late
    assert "dalam batas waktu" in dialogue.objection_note
    assert dialogue.explanation and dialogue.explanation_on is not None
    assert dialogue.decided and dialogue.decision_on is not None
    assert dialogue.objection_on <= dialogue.explanation_on <= dialogue.decision_on < TODAY
    assert dialogue.atasan_penilai is not None
    assert dialogue.atasan_penilai.jabatan == "Camat Kertapati"
    predikat = office.behaviour.period_view(row.skp_id, "TW2").predikat.decision
    assert predikat is not None
    assert predikat.final.label in dialogue.objection
    assert predikat.final.label in dialogue.decision


def test_some_people_wrote_a_self_assessment(office: AppServices) -> None:
    dialogues = _rows(office, DialogueRow)
    assert 10 <= len(dialogues) <= 60
    assert all(row.self_assessment and "{" not in row.self_assessment for row in dialogues)
    assert all(row.talk_on is not None and row.talk_on < TODAY for row in dialogues)
    assert len({row.skp_id for row in dialogues}) < len(_skp_ids(office))


# --- the distribution -----------------------------------------------------------------------------


def test_each_unit_gets_a_distribution_report(office: AppServices) -> None:
    units = {unit.name: unit for unit in office.staff.units()}
    recorded = _rows(office, OrgPredikatRow)
    assert len(recorded) == 2 * len(CODES)
    for name in ("Kecamatan Kertapati", "Puskesmas Kertapati"):
        for code in CODES:
            check = office.distribution.check(units[name].id, YEAR, code)
            assert check.org is not None
            assert check.report is not None, (name, code)
            # Only someone who had not joined yet in the period (the joiner of 1 June).
            assert all(code not in _ended(office, u.employee_id) for u in check.undecided)
            assert check.total > 5
            assert check.report.findings or check.report.ok


def test_earlier_in_the_year_only_ended_periods(services: AppServices) -> None:
    summary = write_demo(services.database, today=date(YEAR, 4, 2))
    with services.database.reading() as session:
        codes = set(session.scalars(select(BehaviourRatingRow.period_code).distinct()))
        days = list(session.scalars(select(ObservationRow.observed_on)))
        objections = session.scalars(select(DialogueRow).where(DialogueRow.objection != ""))
        assert list(objections) == []
    assert codes == {"TW1"}
    assert max(days) <= date(YEAR, 3, 31)
    assert "0 perilaku lemah berulang" in str(summary)


def test_no_ended_period_writes_nothing(services: AppServices) -> None:
    summary = write_demo(services.database, today=date(YEAR, 1, 5))
    dump = _dump(services)
    assert all(rows == [] for rows in dump.values())
    assert "belum ada periode evaluasi yang berakhir" in str(summary)


# --- summary, sizes, determinism ------------------------------------------------------------------


def test_the_summary_mentions_the_behaviour(services: AppServices) -> None:
    summary = write_demo(services.database, today=TODAY)
    (last,) = [line for line in str(summary).splitlines() if line.startswith("Perilaku Kerja")]
    assert last.startswith("Perilaku Kerja 2026: ")
    assert "2 perilaku lemah berulang, 1 keberatan" in last
    assert "(1 predikat berbeda dari matriks)" in last
    assert last.endswith("predikat organisasi 2 unit.")


def test_one_person(services: AppServices) -> None:
    write_demo(services.database, employees=1, today=TODAY)
    dump = _dump(services)
    assert len(dump["behaviour_ratings"]) == len(dump["predikat_decisions"]) == 3
    assert len(dump["org_predikats"]) == 3


def test_a_large_office_keeps_the_journal_short(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(behaviour_demo, "LARGE_FROM", 40)
    write_demo(services.database, today=TODAY)
    rows = _rows(services, ObservationRow)
    per_period: Counter[tuple[int, int]] = Counter()
    for row in rows:
        per_period[(row.employee_id, (row.observed_on.month - 1) // 3)] += 1
    weak = _weak_officer(services)
    assert max(n for (employee, _), n in per_period.items() if employee != weak.id) <= 2


def test_the_same_seed_gives_the_same_content(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=7, today=TODAY)
        write_demo(other.database, seed=7, today=TODAY)
        first = _dump(services)
        assert first == _dump(other)
        assert all(first[table] for table in TABLES)
    finally:
        other.close()


def test_a_different_seed_gives_another_journal(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=1, today=TODAY)
        write_demo(other.database, seed=2, today=TODAY)
        assert _dump(services)["observations"] != _dump(other)["observations"]
    finally:
        other.close()


def _dump(services: AppServices) -> dict[str, list[tuple[object, ...]]]:
    with services.database.reading() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in TABLES
        }
