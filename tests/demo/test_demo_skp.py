"""The demo SKPs: one agreed SKP per person, the cascade, versions, realisation and its spread."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.skp_models import (
    PeriodTargetRow,
    RealisationRow,
    RencanaAksiRow,
    RhkFeedbackRow,
    SkpRow,
    SkpVersionRow,
)
from kinerja_desktop.demo import jobs, skp_demo, skp_texts, write_demo
from kinerja_desktop.domain.achievement import (
    ResultLevel,
    achievement,
    level_of,
    propose_rating,
    result_achievement,
)
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import (
    TEXT_MAX,
    UNIT_MAX,
    Aspek,
    LampiranKind,
    Pendekatan,
    RhkKind,
    SkpLayout,
    SkpStatus,
    check_complete,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import (
    IkiView,
    SkpVersionInfo,
    SkpView,
    format_quantity,
    to_json,
)
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.app_services import AppServices, open_services

TODAY = date(2026, 11, 28)
YEAR = 2026
SKP_TABLES = (
    "skps",
    "rhks",
    "ikis",
    "skp_lampiran",
    "skp_expectations",
    "skp_versions",
    "realisations",
    "rhk_feedback",
)
KQW = (Aspek.KUANTITAS, Aspek.KUALITAS, Aspek.WAKTU)


def _people(services: AppServices, *, active_only: bool = True) -> list[Employee]:
    with services.database.reading() as session:
        people = staff_repo.all_employees(session, active_only=active_only)
    return sorted(people, key=lambda person: person.id)


def _skps(services: AppServices) -> dict[int, SkpView]:
    """Each active person's SKP of the year, opened the way the app opens it."""
    found = {}
    for person in _people(services):
        view = services.skp.get(person.id, YEAR)
        assert view is not None, person
        found[person.id] = view
    return found


def _ended(services: AppServices, employee_id: int, today: date = TODAY) -> list[Period]:
    periods = services.staff.periods_for(employee_id, YEAR)
    return [period for period in periods if not period.is_final and period.end < today]


@dataclass(frozen=True)
class Value:
    value: Decimal | None
    text: str


@dataclass(frozen=True)
class Feedback:
    feedback: str
    assessment: str | None


def _realisations(database: Database) -> dict[int, dict[str, Value]]:
    """Realisation values by indicator id, then period code."""
    found: dict[int, dict[str, Value]] = {}
    with database.reading() as session:
        for row in session.scalars(select(RealisationRow)):
            found.setdefault(row.iki_id, {})[row.period_code] = Value(row.value, row.text)
    return found


def _period_targets(database: Database) -> dict[tuple[int, str], Decimal]:
    """The period targets by (indicator id, period code)."""
    with database.reading() as session:
        return {
            (row.iki_id, row.period_code): row.target
            for row in session.scalars(select(PeriodTargetRow))
        }


def _feedback(database: Database) -> dict[tuple[int, str], Feedback]:
    with database.reading() as session:
        return {
            (row.rhk_id, row.period_code): Feedback(row.feedback, row.assessment)
            for row in session.scalars(select(RhkFeedbackRow))
        }


def _dump(database: Database) -> dict[str, list[tuple[object, ...]]]:
    with database.reading() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in SKP_TABLES
        }


def _proposal(
    view: SkpView,
    period_code: str,
    values: dict[int, dict[str, Value]],
    feedback: dict[tuple[int, str], Feedback],
    targets: dict[tuple[int, str], Decimal],
) -> Rating:
    """The Rating Hasil Kerja the domain rule proposes from the RHK levels of one period."""
    results = []
    for number, rhk in enumerate(view.rhks, start=1):
        if view.pendekatan is Pendekatan.KUALITATIF:
            assessment = feedback[(rhk.id, period_code)].assessment
            assert assessment is not None
            level = Rating(assessment)
        else:
            percents = []
            for iki in rhk.indicators:
                value = values[iki.id][period_code].value
                # Measured against the period's target (issue 17), as the evaluation does.
                target = targets[(iki.id, period_code)]
                assert value is not None
                percents.append(achievement(target, value, lower_is_better=iki.lower_is_better))
            level = level_of(result_achievement(percents))
        results.append(ResultLevel(rhk.kind, level, f"RHK {number}"))
    return propose_rating(results).rating


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


# --- the plan: one agreed SKP each, cascading from the heads ----------------------------------


def test_every_active_person_has_one_agreed_skp(office: AppServices) -> None:
    people = _people(office)
    skps = _skps(office)
    with office.database.reading() as session:
        counts = Counter(
            session.scalars(select(SkpRow.employee_id).where(SkpRow.year == YEAR)).all()
        )
        assert skp_repo.people_without_skp(session, YEAR) == []
        assert skp_repo.people_with_draft_skp(session, YEAR) == []
    assert set(counts) == {person.id for person in people}
    assert set(counts.values()) == {1}
    retired = [person for person in _people(office, active_only=False) if not person.active]
    assert [office.skp.get(person.id, YEAR) for person in retired] == [None]

    for person in people:
        view = skps[person.id]
        assert view.status is SkpStatus.DISEPAKATI
        assert view.locked
        assert (view.revision, view.revision_reason) == (1, "")
        assert view.layout is SkpLayout.JA_JF  # nobody in the demo office is a JPT
        span = office.staff.periods_for(person.id, YEAR)[-1]
        assert (view.period_start, view.period_end) == (span.start, span.end)
        assert view.agreed_on is not None
        assert view.period_start <= view.agreed_on <= TODAY
        if view.period_start == date(YEAR, 1, 1):
            assert view.agreed_on.month == 1 and view.agreed_on.day <= 20
        assert view.agreed_on.weekday() < 5


def test_the_joiner_has_an_skp_over_the_partial_period(office: AppServices) -> None:
    skps = _skps(office)
    [joiner] = [view for view in skps.values() if view.period_start != date(YEAR, 1, 1)]

    assert joiner.period_start == date(YEAR, 6, 1)
    assert joiner.period_end == date(YEAR, 12, 31)
    assert joiner.agreed_on is not None
    assert date(YEAR, 6, 1) <= joiner.agreed_on <= date(YEAR, 6, 8)
    assert office.staff.history(joiner.employee_id)[0].event_date == date(YEAR, 6, 1)


def test_heads_serve_the_renstra_and_everyone_else_serves_their_penilai(
    office: AppServices,
) -> None:
    _check_cascade(office)


def _check_cascade(office: AppServices) -> None:
    people = {person.id: person for person in _people(office)}
    skps = _skps(office)
    heads = [person for person in people.values() if person.penilai_id is None]
    assert {person.jabatan for person in heads} == {"Camat Kertapati", "Kepala Puskesmas Kertapati"}

    for head in heads:
        for rhk in skps[head.id].rhks:
            assert rhk.parent_rhk_id is None
            assert rhk.parent_text.startswith(
                ("Sasaran Renstra", "Perjanjian Kinerja", "Sasaran RPJMD")
            ), rhk
    camat = next(head for head in heads if head.jabatan.startswith("Camat"))
    kapus = next(head for head in heads if head.jabatan.startswith("Kepala Puskesmas"))
    assert all("Kertapati" in rhk.parent_text for rhk in skps[camat.id].rhks)
    assert all("Dinas Kesehatan" in rhk.parent_text for rhk in skps[kapus.id].rhks)

    served: Counter[int] = Counter()
    for person in people.values():
        if person.penilai_id is None:
            continue
        supervisor = skps[person.penilai_id]
        main_of_supervisor = {rhk.id: rhk for rhk in supervisor.rhks if rhk.kind is RhkKind.UTAMA}
        options = {option.id for option in office.skp.supervisor_options(person.id, YEAR)}
        for rhk in skps[person.id].rhks:
            if rhk.kind is RhkKind.UTAMA:
                assert rhk.parent_rhk_id in main_of_supervisor, (person.jabatan, rhk.text)
                assert rhk.parent_rhk_id in options
                assert rhk.parent_label == main_of_supervisor[rhk.parent_rhk_id].text
                assert rhk.parent_text == ""
                served[rhk.parent_rhk_id] += 1
            else:
                assert (rhk.parent_rhk_id, rhk.parent_text) == (None, "")
    kasi_pu = next(p for p in people.values() if p.jabatan == "Kepala Seksi Pelayanan Umum")
    assert len([rhk for rhk in skps[kasi_pu.id].rhks if served[rhk.id]]) >= 2  # a real cascade


def test_every_skp_could_have_been_agreed_in_the_app(office: AppServices) -> None:
    """The service's own completeness rule accepts each demo SKP as it stands."""
    for person in _people(office):
        view = office.skp.get(person.id, YEAR)
        assert view is not None
        content = validate_skp(view.to_draft())
        needs_cascade = bool(office.skp.supervisor_options(person.id, YEAR))
        assert needs_cascade is (person.penilai_id is not None)
        check_complete(content, view.layout, needs_cascade=needs_cascade)


def test_rhk_and_indicators(office: AppServices) -> None:
    people = {person.id: person for person in _people(office)}
    skps = _skps(office)
    kinds: Counter[RhkKind] = Counter()
    approaches: Counter[Pendekatan] = Counter()
    for employee_id, view in skps.items():
        person = people[employee_id]
        structural = person.jabatan_kind in (JabatanKind.ADMINISTRATOR, JabatanKind.PENGAWAS)
        assert (4 if structural else 2) <= len(view.rhks) <= 5, person.jabatan
        assert view.rhks[0].kind is RhkKind.UTAMA
        assert len({rhk.text for rhk in view.rhks}) == len(view.rhks)
        approaches[view.pendekatan] += 1
        for rhk in view.rhks:
            kinds[rhk.kind] += 1
            assert len(rhk.text) <= TEXT_MAX
            assert "{" not in rhk.text
            assert tuple(iki.aspek for iki in rhk.indicators) == KQW
            assert all(iki.perspektif is None for iki in rhk.indicators)
            for iki in rhk.indicators:
                if view.pendekatan is Pendekatan.KUANTITATIF:
                    assert iki.target is not None
                    assert iki.target > 0
                    assert 0 < len(iki.unit) <= UNIT_MAX
                else:
                    assert iki.target is None
                    assert iki.target_text
            waktu = rhk.indicators[2]
            assert waktu.lower_is_better
        assert set(view.lampiran) == set(LampiranKind)
        assert all(view.lampiran.values())
        assert 2 <= len(view.expectations) <= 3
    assert kinds[RhkKind.UTAMA] > 3 * kinds[RhkKind.TAMBAHAN] > 0
    assert 1 <= approaches[Pendekatan.KUALITATIF] <= 5
    texts = {rhk.text for view in skps.values() for rhk in view.rhks}
    assert (
        "Terselenggaranya Pelayanan Administrasi Terpadu Kecamatan (PATEN) sesuai standar "
        "pelayanan" in texts
    )


def test_texts_fit_each_jabatan() -> None:
    """Every job of the demo office has its own main RHK, each with Kuantitas/Kualitas/Waktu."""
    families = set()
    for key in jobs.JOBS:
        family = key
        for suffix in ("_ap", "_am", "_terampil", "_pemula"):
            family = family.removesuffix(suffix)
        families.add(family)
    assert families <= set(skp_texts.FAMILY_RHK)
    tables = [
        *skp_texts.FAMILY_RHK.values(),
        skp_texts.HEAD_EXTRA,
        skp_texts.KECAMATAN_EXTRA,
        skp_texts.PUSKESMAS_EXTRA,
        skp_texts.TAMBAHAN_KECAMATAN,
        skp_texts.TAMBAHAN_PUSKESMAS,
    ]
    for table in tables:
        assert len(table) >= 4
        for rhk in table:
            assert tuple(iki.aspek for iki in rhk.indicators) == KQW, rhk.text
            assert all(iki.target > 0 for iki in rhk.indicators), rhk.text
            assert rhk.indicators[0].indicator.startswith("Jumlah "), rhk.text
            assert rhk.indicators[2].indicator.startswith(("Waktu ", "Rata-rata waktu ")), rhk.text
    heads = ("camat", "kapus")
    for head in heads:
        assert all(rhk.parent_text for rhk in skp_texts.FAMILY_RHK[head])


# --- agreed versions ----------------------------------------------------------------------------


def test_the_agreed_version_is_the_current_content(office: AppServices) -> None:
    _check_versions(office)


def _check_versions(office: AppServices) -> None:
    skps = _skps(office)
    with office.database.reading() as session:
        stored = {
            row.skp_id: (row.revision, row.agreed_on, row.reason, row.content_json)
            for row in session.scalars(select(SkpVersionRow))
        }
    assert set(stored) == {view.id for view in skps.values()}
    for view in skps.values():
        revision, agreed_on, reason, content_json = stored[view.id]
        assert (revision, agreed_on, reason) == (1, view.agreed_on, "")
        assert content_json == to_json(view)
        assert office.skp.versions(view.id) == [SkpVersionInfo(1, agreed_on, "")]
        assert office.skp.version(view.id, 1) == view


# --- realisation --------------------------------------------------------------------------------


def test_realisation_exists_exactly_for_the_ended_periods(office: AppServices) -> None:
    values = _realisations(office.database)
    feedback = _feedback(office.database)
    skps = _skps(office)
    seen_codes = set()
    for employee_id, view in skps.items():
        ended = {period.code for period in _ended(office, employee_id)}
        seen_codes |= ended
        for rhk in view.rhks:
            for iki in rhk.indicators:
                assert set(values.pop(iki.id)) == ended
        rhk_ids = {rhk.id for rhk in view.rhks}
        assert {code for rhk, code in feedback if rhk in rhk_ids} <= ended
    assert values == {}  # no realisation for anything else
    assert seen_codes == {"TW1", "TW2", "TW3"}
    with office.database.reading() as session:
        units = [unit.id for unit in office.staff.units()]
        assert skp_repo.people_missing_realisation(session, YEAR, "TW3", units) == []


def test_the_joiner_is_realised_from_joining(office: AppServices) -> None:
    skps = _skps(office)
    [joiner] = [view for view in skps.values() if view.period_start != date(YEAR, 1, 1)]
    values = _realisations(office.database)
    iki = joiner.rhks[0].indicators[0]
    assert set(values[iki.id]) == {"TW2", "TW3"}


def test_values_match_the_approach(office: AppServices) -> None:
    values = _realisations(office.database)
    feedback = _feedback(office.database)
    for view in _skps(office).values():
        for rhk in view.rhks:
            for iki in rhk.indicators:
                for row in values[iki.id].values():
                    if view.pendekatan is Pendekatan.KUALITATIF:
                        assert row.value is None
                        assert row.text
                    else:
                        assert row.value is not None
                        assert row.value >= 0
                        if iki.unit == "%" and not iki.lower_is_better:
                            assert row.value <= 100
                        if iki.aspek is Aspek.KUANTITAS:
                            assert row.value == row.value.to_integral_value()
                        assert "E" not in str(row.value)
            if view.pendekatan is Pendekatan.KUALITATIF:
                for period in _ended(office, view.employee_id):
                    assert feedback[(rhk.id, period.code)].assessment is not None


def test_the_spread_has_stories_above_meeting_and_below(office: AppServices) -> None:
    values = _realisations(office.database)
    targets = _period_targets(office.database)
    feedback = _feedback(office.database)
    skps = _skps(office)
    last: Counter[Rating] = Counter()
    for employee_id, view in skps.items():
        periods = _ended(office, employee_id)
        proposals = [_proposal(view, period.code, values, feedback, targets) for period in periods]
        assert len(set(proposals)) == 1, (view.employee_id, proposals)  # the story holds
        last[proposals[-1]] += 1

    assert last[Rating.DI_ATAS] >= 3
    assert last[Rating.DI_BAWAH] >= 2
    assert last[Rating.SESUAI] > last[Rating.DI_ATAS] + last[Rating.DI_BAWAH]


def test_feedback_is_development_minded(office: AppServices) -> None:
    values = _realisations(office.database)
    targets = _period_targets(office.database)
    feedback = _feedback(office.database)
    skps = _skps(office)
    below_without_feedback = 0
    written = [(code, row) for (_rhk, code), row in feedback.items() if row.feedback]
    assert len(written) >= 20
    labels = {"TW1": "Triwulan I", "TW2": "Triwulan II", "TW3": "Triwulan III"}
    for code, row in written:
        assert "{" not in row.feedback
        assert labels[code] in row.feedback
    for view in skps.values():
        if view.pendekatan is Pendekatan.KUALITATIF:
            continue
        for rhk in view.rhks:
            for code, row in ((c, feedback.get((rhk.id, c))) for c in labels):
                if code not in values[rhk.indicators[0].id]:
                    continue
                percents = [
                    achievement(
                        targets[(iki.id, code)],
                        values[iki.id][code].value or Decimal(0),
                        lower_is_better=iki.lower_is_better,
                    )
                    for iki in rhk.indicators
                ]
                if level_of(result_achievement(percents)) is Rating.DI_BAWAH:
                    below_without_feedback += row is None or not row.feedback
    assert below_without_feedback == 0
    assert any("perlu dikembangkan" in row.feedback for _code, row in written)


@pytest.mark.parametrize(
    ("today", "codes"),
    [(date(2026, 1, 2), set()), (date(2026, 4, 1), {"TW1"}), (date(2026, 7, 1), {"TW1", "TW2"})],
)
def test_earlier_in_the_year(services: AppServices, today: date, codes: set[str]) -> None:
    summary = write_demo(services.database, today=today)
    people = _people(services)
    skps = {person.id: services.skp.get(person.id, YEAR) for person in people}
    joined = [
        person for person in people if services.staff.history(person.id)[0].event_date <= today
    ]
    assert {employee for employee, view in skps.items() if view is not None} == {
        person.id for person in joined
    }
    for view in skps.values():
        if view is not None:
            assert view.agreed_on is not None
            assert view.agreed_on <= today
    with services.database.reading() as session:
        found = set(session.scalars(select(RealisationRow.period_code).distinct()))
    assert found == codes
    assert f"SKP {YEAR}: {len(joined)} SKP disepakati" in str(summary)


# --- sizes, determinism ---------------------------------------------------------------------------


def test_the_summary_mentions_the_skps(services: AppServices) -> None:
    summary = write_demo(services.database, today=TODAY)
    skp_line = next(line for line in str(summary).splitlines() if line.startswith("SKP 2026:"))
    assert skp_line.endswith("realisasi Triwulan I, Triwulan II, Triwulan III sudah diisi.")
    assert "SKP 2026: 39 SKP disepakati" in str(summary)


def test_one_person(services: AppServices) -> None:
    write_demo(services.database, employees=1, today=TODAY)
    [camat] = _people(services)
    view = services.skp.get(camat.id, YEAR)
    assert view is not None
    assert all(rhk.parent_text for rhk in view.rhks)


def test_a_large_office_has_long_skps(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From LONG_SKP_FROM people on (a load test), SKPs have about ten RHK."""
    monkeypatch.setattr(skp_demo, "LONG_SKP_FROM", 40)
    write_demo(services.database, today=TODAY)
    skps = _skps(services)
    counts = [len(view.rhks) for view in skps.values()]
    assert min(counts) >= 9
    assert max(counts) <= 11
    for view in skps.values():
        kinds = Counter(rhk.kind for rhk in view.rhks)
        assert kinds[RhkKind.UTAMA] > kinds[RhkKind.TAMBAHAN] >= 2
        assert len({rhk.text for rhk in view.rhks}) == len(view.rhks)
    _check_versions(services)
    _check_cascade(services)


def test_the_same_seed_gives_the_same_skps(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=7, today=TODAY)
        write_demo(other.database, seed=7, today=TODAY)
        first = _dump(services.database)
        assert first == _dump(other.database)
        assert all(first[table] for table in SKP_TABLES)
    finally:
        other.close()


def test_a_different_seed_gives_other_skps(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=1, today=TODAY)
        write_demo(other.database, seed=2, today=TODAY)
        assert _dump(services.database)["realisations"] != _dump(other.database)["realisations"]
    finally:
        other.close()


# --- rencana aksi and period targets (issue 17) --------------------------------------------------


def test_every_rhk_has_a_rencana_aksi_and_every_number_a_period_target(
    office: AppServices,
) -> None:
    with office.database.reading() as session:
        actions = {
            (r.rhk_id, r.period_code): r.text for r in session.scalars(select(RencanaAksiRow))
        }
        targets = {
            (t.iki_id, t.period_code): t.target for t in session.scalars(select(PeriodTargetRow))
        }
    for employee_id, view in _skps(office).items():
        periods = [p for p in office.staff.periods_for(employee_id, YEAR) if not p.is_final]
        for rhk in view.rhks:
            for period in periods:
                text = actions[(rhk.id, period.code)]
                assert text.endswith(".") and len(text) <= 1000
                for iki in rhk.indicators:
                    if view.pendekatan is Pendekatan.KUALITATIF:
                        assert (iki.id, period.code) not in targets
                        continue
                    target = targets[(iki.id, period.code)]
                    assert iki.target is not None and 0 < target <= iki.target
                    if iki.aspek is Aspek.KUANTITAS and not iki.lower_is_better:
                        assert target == target.to_integral_value()
                counted = [i for i in rhk.indicators if i.indicator.startswith("Jumlah ")]
                if counted and view.pendekatan is Pendekatan.KUANTITATIF:
                    figure = format_quantity(targets[(counted[0].id, period.code)], counted[0].unit)
                    assert text.endswith(f"; target {figure} pada {period.label}."), text
    # Triwulan: a count of 12 a year is 3 a quarter.
    assert skp_demo._period_target(_iki(Aspek.KUANTITAS, "12", "Dokumen"), 3) == Decimal(3)
    assert skp_demo._period_target(_iki(Aspek.KUANTITAS, "2", "Dokumen"), 3) == Decimal(1)
    assert skp_demo._period_target(_iki(Aspek.WAKTU, "12", "Bulan", lower=True), 3) == Decimal(3)
    assert skp_demo._period_target(_iki(Aspek.KUALITAS, "90", "%"), 3) == Decimal(90)
    assert skp_demo._period_target(_iki(Aspek.WAKTU, "3", "Hari", lower=True), 3) == Decimal(3)


def _iki(aspek: Aspek, target: str, unit: str, *, lower: bool = False) -> IkiView:
    return IkiView(0, "Jumlah dokumen", Decimal(target), unit, "", lower, aspek, None)


def test_the_periodic_evaluations_read_against_the_period_targets(office: AppServices) -> None:
    for employee_id, view in list(_skps(office).items())[:8]:
        if view.pendekatan is not Pendekatan.KUANTITATIF:
            continue
        for period in _ended(office, employee_id):
            evaluation = office.evaluation.evaluation(view.id, period.code)
            if evaluation.unit_head is not None:
                continue  # a head's rating follows the unit's predikat (SE MenPANRB 3/2023)
            assert all(rhk.rencana_aksi for rhk in evaluation.rhks)
            for rhk in evaluation.rhks:
                for indicator in rhk.indicators:
                    assert indicator.period_target is not None
                    assert indicator.achievement is not None
            assert evaluation.proposal is not None
            assert any("target periode (rencana aksi)" in r for r in evaluation.proposal.reasons)
