"""Roles enforced in the services: each account reads and changes only its own people.

The demo office (Kecamatan and Puskesmas Kertapati): Dewi Zubaidah appraises the nine people of
Seksi Pelayanan Umum; her penilai is the camat, Novri Alamsyah. Yudi Fikri appraises two people
of the puskesmas' Tata Usaha; the kepala puskesmas is Nur'aini Rosita.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from raw_database import raw_connect

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.access import AccessDeniedError, Role
from kinerja_desktop.domain.accounts import AccountFields
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.domain.staff import ActingKind
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    FeedbackFields,
    FeedbackKind,
    FeedbackStatus,
)
from kinerja_desktop.domain.supervision.findings import FindingFields, FindingSource, FindingStatus
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.evaluation.journal import JournalFilter
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.staff.service import StaffFilter
from kinerja_desktop.services.supervision.feedback import FeedbackInput
from kinerja_desktop.services.supervision.findings import FindingInput
from kinerja_desktop.services.supervision.kiosk import KioskSubmission
from kinerja_desktop.services.supervision.surveys import ActionInput, DetailsInput

TODAY = date(2026, 11, 28)
PASSWORD = "sandi2026"
#: Cheap parameters: these tests are about who may do what, not about the hash's cost.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "kantor.sqlite"
    services = open_services(path)
    try:
        write_demo(services.database, today=TODAY)
    finally:
        services.close()
    return path


@pytest.fixture
def office(demo_file: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "kantor.sqlite"
    shutil.copy(demo_file, path)
    services = open_services(path, create=False, today=lambda: TODAY)
    yield services
    services.close()


def _query(office: AppServices, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = raw_connect(office.database_path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def person(office: AppServices, name: str) -> int:
    ((found,),) = _query(office, "SELECT id FROM employees WHERE name = ?", name)
    return int(str(found))


def staff_of(office: AppServices, name: str) -> set[str]:
    """The active people whose penilai is ``name``, straight from the file."""
    rows = _query(
        office,
        "SELECT e.name FROM employees e JOIN employees p ON p.id = e.penilai_id "
        "WHERE p.name = ? AND e.active",
        name,
    )
    return {str(row[0]) for row in rows}


def accounts(office: AppServices) -> AccountService:
    return AccountService(office.database, office.access, hasher=FAST)


def sign_in_as(office: AppServices, role: Role, name: str | None) -> None:
    """Create an account for ``name`` (as the system) and sign it in."""
    service = accounts(office)
    service.sign_out()
    employee = person(office, name) if name else None
    user = f"u{employee or 0}{role.value.lower()[:3]}"
    if user not in {account.user_name for account in service.accounts()}:
        service.add(AccountFields(user, name or "Admin", role, employee), PASSWORD, PASSWORD)
    service.sign_in(user, PASSWORD)


def skp_of(office: AppServices, name: str) -> int:
    rows = _query(
        office,
        "SELECT skps.id FROM skps JOIN employees ON employees.id = skps.employee_id "
        "WHERE employees.name = ? ORDER BY skps.year DESC",
        name,
    )
    return int(str(rows[0][0]))


def everyone(office: AppServices) -> set[str]:
    return {str(row[0]) for row in _query(office, "SELECT name FROM employees WHERE active")}


def visible_names(office: AppServices) -> set[str]:
    ids = office.staff.find_ids(StaffFilter())
    return {row.name for row in office.staff.list_rows(ids)}


def test_without_an_account_the_system_sees_everyone(office: AppServices) -> None:
    assert visible_names(office) == everyone(office)
    assert office.access.principal.is_system


def test_a_penilai_sees_only_their_staff_and_themselves(office: AppServices) -> None:
    hers = staff_of(office, "Dewi Zubaidah")
    assert len(hers) >= 5
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    assert visible_names(office) == hers | {"Dewi Zubaidah"}
    holders = {holder.employee_id for holder in office.evaluation.people(TODAY.year)}
    assert holders == {person(office, name) for name in hers | {"Dewi Zubaidah"}}
    printable = {name.split(",")[0] for _, _, name in office.printing.people(TODAY.year)}
    assert printable == hers | {"Dewi Zubaidah"}
    assert office.staff.search_people("Rustandi") == []
    assert [p.name for p in office.staff.search_people("Aidil")] == ["Aidil Fauzi"]
    office.access.sign_out()
    dede = office.staff.get(person(office, "Dede Rustandi"))
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    assert office.staff.find_by_nip(str(dede.nip)) is None


def test_a_penilai_cannot_read_or_write_a_colleagues_staff(office: AppServices) -> None:
    colleague_staff = person(office, "Dede Rustandi")
    skp_id = skp_of(office, "Dede Rustandi")
    own_skp = skp_of(office, "Aidil Fauzi")
    noted = office.journal.record(
        colleague_staff,
        TODAY,
        BehaviourValue.AKUNTABEL,
        ObservationSign.POSITIF,
        "Datang tepat waktu.",
        today=TODAY,
    )
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")

    assert office.skp.by_id(own_skp).id == own_skp  # her own staff: fine
    refused: list[Callable[[], object]] = [
        lambda: office.staff.get(colleague_staff),
        lambda: office.staff.profile(colleague_staff, TODAY),
        lambda: office.skp.get(colleague_staff, TODAY.year),
        lambda: office.skp.by_id(skp_id),
        lambda: office.skp.create(colleague_staff, TODAY.year + 1),
        lambda: office.evaluation.periods(skp_id),
        lambda: office.behaviour.period_view(skp_id, "TW1"),
        lambda: office.dialogue.view(skp_id, "TW1", TODAY),
        lambda: office.competence.profile(colleague_staff, TODAY),
        lambda: office.development.plan(colleague_staff, TODAY.year, TODAY),
        lambda: office.journal.entries(JournalFilter(employee_id=colleague_staff)),
        lambda: office.journal.record(
            colleague_staff,
            TODAY,
            BehaviourValue.AKUNTABEL,
            ObservationSign.POSITIF,
            "Datang tepat waktu.",
            today=TODAY,
        ),
        lambda: office.journal.remove(noted.id, "Salah catat"),
        lambda: office.journal.update(
            noted.id,
            reason="Salah catat",
            employee_id=colleague_staff,
            observed_on=TODAY,
            value=BehaviourValue.AKUNTABEL,
            sign=ObservationSign.NEGATIF,
            text="Terlambat.",
            today=TODAY,
        ),
        lambda: office.printing.build(
            PrintRequest(FormKind.SKP, TODAY.year, TODAY, employee_id=colleague_staff)
        ),
        lambda: office.seals.sign_evaluation(skp_id, "TW1", TODAY, today=TODAY),
    ]
    count_before = _query(office, "SELECT count(*) FROM observations")
    for attempt in refused:
        with pytest.raises(AccessDeniedError, match="Dede Rustandi"):
            attempt()
    assert _query(office, "SELECT count(*) FROM observations") == count_before
    # Lists leave the colleague's people out rather than refusing.
    entries = office.journal.entries(JournalFilter())
    assert entries and {e.employee_id for e in entries} <= {
        person(office, name) for name in staff_of(office, "Dewi Zubaidah") | {"Dewi Zubaidah"}
    }


def test_reopening_needs_the_atasan_not_the_penilai(office: AppServices) -> None:
    skp_id = skp_of(office, "Aidil Fauzi")
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    skp = office.skp.by_id(skp_id)
    assert skp.locked
    with pytest.raises(AccessDeniedError, match="atasan pejabat penilai"):
        office.skp.start_revision(skp_id, skp.version, "Target salah ketik")
    assert office.skp.by_id(skp_id).locked

    sign_in_as(office, Role.PENILAI, "Novri Alamsyah")  # Dewi's penilai: Aidil's atasan
    reopened = office.skp.start_revision(skp_id, skp.version, "Target salah ketik")
    assert not reopened.locked
    entry = office.seals.history(f"skp:{skp_id}")[-1]
    assert entry.fields.actor == f"u{person(office, 'Novri Alamsyah')}pen"


def test_a_kepala_unit_sees_the_unit_and_below_but_not_another_unit(office: AppServices) -> None:
    puskesmas_people = {
        str(row[0])
        for row in _query(office, "SELECT name FROM employees WHERE unit_id >= 12 AND active")
    }
    sign_in_as(office, Role.KEPALA_UNIT, "Nur'aini Rosita")
    seen = visible_names(office)
    assert {"Nur'aini Rosita", "Yudi Fikri", "Dede Rustandi", "Yoga Wibowo"} <= seen
    assert seen == puskesmas_people
    assert "Aidil Fauzi" not in seen
    unit_names = {unit.name for unit in office.staff.units()}
    assert "Puskesmas Kertapati" in unit_names and "Seksi Pelayanan Umum" not in unit_names
    with pytest.raises(AccessDeniedError):
        office.staff.get(person(office, "Aidil Fauzi"))
    kecamatan = next(u.id for u in _all_units(office) if u.name == "Kecamatan Kertapati")
    puskesmas = next(u.id for u in _all_units(office) if u.name == "Puskesmas Kertapati")
    with pytest.raises(AccessDeniedError, match="unit"):
        office.distribution.check(kecamatan, TODAY.year, "TW1")
    assert office.distribution.check(puskesmas, TODAY.year, "TW1") is not None
    overview = office.development_overview.unit(TODAY.year, TODAY)
    assert {line.person.name for line in overview.people} <= seen


def _all_units(office: AppServices) -> list[object]:
    principal = office.access.principal
    office.access.sign_out()
    try:
        return list(office.staff.units())
    finally:
        office.access.sign_in(principal)


def test_a_plt_sees_the_absent_officials_staff_only_on_their_dates(office: AppServices) -> None:
    today = TODAY
    office.staff.add_acting(
        kind=ActingKind.PLH,
        acting_employee_id=person(office, "Yudi Fikri"),
        for_employee_id=person(office, "Dewi Zubaidah"),
        start=today - timedelta(days=1),
        end=today + timedelta(days=1),
    )
    office.staff.add_acting(
        kind=ActingKind.PLH,
        acting_employee_id=person(office, "Yudi Fikri"),
        for_employee_id=person(office, "Theresia Manurung"),
        start=today - timedelta(days=30),
        end=today - timedelta(days=2),
    )
    sign_in_as(office, Role.PENILAI, "Yudi Fikri")
    seen = visible_names(office)
    assert "Aidil Fauzi" in seen  # Dewi's staff while he stands in for her
    assert "Mas'ud Ridho" not in seen  # Theresia's staff: that assignment has ended


def test_home_page_items_name_only_the_accounts_people(office: AppServices) -> None:
    everyone = office.attention.items(TODAY)
    sign_in_as(office, Role.PENILAI, "Yudi Fikri")
    mine = office.attention.items(TODAY)
    allowed = {person(office, n) for n in ("Yudi Fikri", "Dede Rustandi", "Eni Sulistyowati")}
    for item in mine:
        assert set(item.employee_ids) <= allowed
    assert len(mine) <= len(everyone)


@pytest.mark.parametrize("role", [Role.PENILAI, Role.KEPALA_UNIT])
def test_office_level_actions_need_admin(office: AppServices, role: Role, tmp_path: Path) -> None:
    backup = office.backups.backup_to(tmp_path / "salinan.sqlite")
    sign_in_as(office, role, "Nur'aini Rosita")
    refused: list[Callable[[], object]] = [
        lambda: office.backups.restore(backup),
        lambda: office.backups.backup_to(tmp_path / "lagi.sqlite"),
        lambda: office.handover.preview(tmp_path / "paket.zip"),
        lambda: office.handover.export(tmp_path / "paket.zip"),
        lambda: office.importer.preview(tmp_path / "pegawai.csv"),
        office.accounts.accounts,
        lambda: office.staff.add_unit("Unit Baru", None),
    ]
    for attempt in refused:
        with pytest.raises(AccessDeniedError, match="Hanya admin"):
            attempt()
    assert not (tmp_path / "lagi.sqlite").exists()

    sign_in_as(office, Role.ADMIN, None)
    assert visible_names(office) == everyone(office)
    assert office.accounts.accounts()


def test_signing_out_returns_to_the_system(office: AppServices) -> None:
    sign_in_as(office, Role.PENILAI, "Yudi Fikri")
    assert visible_names(office) == staff_of(office, "Yudi Fikri") | {"Yudi Fikri"}
    office.accounts.sign_out()
    assert visible_names(office) == everyone(office)


def test_a_refusal_is_a_domain_error_with_an_indonesian_message(office: AppServices) -> None:
    sign_in_as(office, Role.PENILAI, "Yudi Fikri")
    with pytest.raises(DomainError) as caught:
        office.staff.get(person(office, "Aidil Fauzi"))
    assert "tidak berwenang" in caught.value.message


# --- every role against every action: a matrix through the real services ------------------------

ROLES = {
    "admin": (Role.ADMIN, None),
    "camat (kepala unit above Aidil)": (Role.KEPALA_UNIT, "Novri Alamsyah"),
    "kepala puskesmas (another unit)": (Role.KEPALA_UNIT, "Nur'aini Rosita"),
    "Dewi (Aidil's penilai)": (Role.PENILAI, "Dewi Zubaidah"),
    "Novri as penilai (Aidil's atasan)": (Role.PENILAI, "Novri Alamsyah"),
    "Yudi (a colleague's penilai)": (Role.PENILAI, "Yudi Fikri"),
}
Y, N = True, False
#: role -> (view, edit, sign, reopen, office-level) on Aidil Fauzi's records.
MATRIX = {
    "admin": (Y, Y, Y, Y, Y),
    "camat (kepala unit above Aidil)": (Y, Y, Y, Y, N),
    "kepala puskesmas (another unit)": (N, N, N, N, N),
    "Dewi (Aidil's penilai)": (Y, Y, Y, N, N),
    "Novri as penilai (Aidil's atasan)": (Y, Y, N, Y, N),
    "Yudi (a colleague's penilai)": (N, N, N, N, N),
}


def _actions(office: AppServices, tmp_path: Path) -> list[Callable[[], object]]:
    aidil = person(office, "Aidil Fauzi")
    skp_id = skp_of(office, "Aidil Fauzi")
    version = _query(office, "SELECT version FROM skps WHERE id = ?", skp_id)[0][0]
    return [
        lambda: office.skp.by_id(skp_id),
        lambda: office.journal.record(
            aidil,
            TODAY,
            BehaviourValue.AKUNTABEL,
            ObservationSign.POSITIF,
            "Menyelesaikan laporan tepat waktu.",
            today=TODAY,
        ),
        lambda: office.seals.sign_evaluation(skp_id, "TW1", TODAY, today=TODAY),
        lambda: office.skp.start_revision(skp_id, int(str(version)), "Target salah ketik"),
        lambda: office.handover.preview(tmp_path / "tidak-ada.zip"),
    ]


@pytest.mark.parametrize("action", range(5), ids=["view", "edit", "sign", "reopen", "office"])
@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_against_every_action(
    office: AppServices, tmp_path: Path, role: str, action: int
) -> None:
    kind, name = ROLES[role]
    attempt = _actions(office, tmp_path)[action]
    sign_in_as(office, kind, name)
    allowed = MATRIX[role][action]
    try:
        attempt()
    except AccessDeniedError:
        assert not allowed, f"{role} was refused"
    except DomainError:
        assert allowed, f"{role} got past the access check"  # refused by a rule, not access
    else:
        assert allowed, f"{role} was let through"


def test_a_signed_evaluation_is_reopened_by_the_atasan_not_the_penilai(
    office: AppServices,
) -> None:
    dewi = person(office, "Dewi Zubaidah")
    rows = _query(
        office,
        "SELECT d.skp_id, d.period_code FROM predikat_decisions d "
        "JOIN skps s ON s.id = d.skp_id JOIN employees e ON e.id = s.employee_id "
        "WHERE e.penilai_id = ? ORDER BY d.id LIMIT 1",
        dewi,
    )
    skp_id, code = int(str(rows[0][0])), str(rows[0][1])
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    office.seals.sign_evaluation(skp_id, code, TODAY, today=TODAY)  # the penilai signs
    with pytest.raises(AccessDeniedError, match="atasan pejabat penilai"):
        office.seals.reopen_evaluation(skp_id, code, "Nilai salah ketik")
    assert office.seals.signed_on(skp_id, code) == TODAY

    sign_in_as(office, Role.PENILAI, "Novri Alamsyah")  # the atasan
    office.seals.reopen_evaluation(skp_id, code, "Nilai salah ketik")
    assert office.seals.signed_on(skp_id, code) is None
    entries = office.seals.history(f"evaluasi:{skp_id}:{code}")
    assert [e.fields.actor for e in entries[-2:]] == [
        f"u{dewi}pen",
        f"u{person(office, 'Novri Alamsyah')}pen",
    ]


def test_a_print_batch_leaves_out_the_people_the_account_may_not_see(office: AppServices) -> None:
    theirs = PrintRequest(
        FormKind.SKP, TODAY.year, TODAY, employee_id=person(office, "Dede Rustandi")
    )
    mine = PrintRequest(FormKind.SKP, TODAY.year, TODAY, employee_id=person(office, "Aidil Fauzi"))
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    refused, prepared = office.printing.prepare_many([theirs, mine])
    assert isinstance(refused, AccessDeniedError)
    assert not isinstance(prepared, DomainError)
    assert prepared.request == mine


def test_the_register_and_findings_show_a_penilai_only_their_own_people(
    office: AppServices,
) -> None:
    supervision = office.supervision
    entries = supervision.feedback.entries()
    named = [entry for entry in entries if entry.employee_id is not None]
    findings = [f for f in supervision.findings.findings(today=TODAY) if f.employee_id is not None]
    assert named and findings  # the demo names people in both

    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    mine = {person(office, name) for name in staff_of(office, "Dewi Zubaidah") | {"Dewi Zubaidah"}}
    shown = supervision.feedback.entries()
    assert all(entry.employee_id in mine for entry in shown if entry.employee_id)
    # Entries about a service unit, naming nobody, show for the units she and her staff work in.
    units = {
        int(str(row[0]))
        for row in _query(
            office,
            "SELECT DISTINCT unit_id FROM employees WHERE id IN "
            f"({','.join(str(i) for i in mine)})",
        )
    }
    about_units = [entry for entry in shown if entry.employee_id is None]
    assert about_units and {entry.unit_id for entry in about_units} <= units
    assert len(about_units) < sum(1 for entry in entries if entry.employee_id is None)
    other = next(entry for entry in named if entry.employee_id not in mine)
    with pytest.raises(AccessDeniedError):
        supervision.feedback.get(other.id)
    if other.observation_id is None:
        with pytest.raises(AccessDeniedError):
            supervision.feedback.to_observation(other.id, today=TODAY)
    assert all(
        finding.employee_id is None or finding.employee_id in mine
        for finding in supervision.findings.findings(today=TODAY)
    )
    summary = supervision.dashboard.summary(TODAY)
    assert all(repeated.employee_id in mine for repeated in summary.repeated)


# --- the supervision registers: complaints, findings, surveys ------------------------------------


def _as_system(office: AppServices, make: Callable[[], int]) -> int:
    principal = office.access.principal
    office.access.sign_out()
    try:
        return make()
    finally:
        office.access.sign_in(principal)


def _complaint(office: AppServices, name: str, text: str = "Petugas tidak ramah.") -> int:
    employee = person(office, name)
    ((unit,),) = _query(office, "SELECT unit_id FROM employees WHERE id = ?", employee)
    data = FeedbackInput(
        FeedbackFields(FeedbackKind.PENGADUAN, Channel.LANGSUNG, TODAY, text),
        unit_id=int(str(unit)),
        employee_id=employee,
    )
    return _as_system(office, lambda: office.supervision.feedback.record(data, TODAY).id)


def _finding(office: AppServices, name: str) -> int:
    data = FindingInput(
        FindingFields(
            FindingSource.INSPEKTORAT,
            TODAY,
            "Daftar hadir tidak lengkap",
            "Daftar hadir Oktober tidak ditandatangani.",
            "Lengkapi daftar hadir.",
        ),
        employee_id=person(office, name),
    )
    return _as_system(office, lambda: office.supervision.findings.record(data, TODAY).id)


def _survey_of(office: AppServices, name: str) -> int:
    ((unit,),) = _query(office, "SELECT unit_id FROM employees WHERE name = ?", name)
    return _as_system(
        office, lambda: office.supervision.surveys.open_survey(int(str(unit)), "2026-S2", TODAY).id
    )


def test_a_penilai_cannot_touch_complaints_findings_or_surveys_beyond_their_people(
    office: AppServices, tmp_path: Path
) -> None:
    about_dede = _complaint(office, "Dede Rustandi")
    about_dewi = _complaint(office, "Dewi Zubaidah")
    finding = _finding(office, "Dewi Zubaidah")
    puskesmas_survey = _survey_of(office, "Dede Rustandi")
    own_survey = _survey_of(office, "Dewi Zubaidah")
    answers = tmp_path / "jawaban.csv"
    answers.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    feedback, audit, surveys = (
        office.supervision.feedback,
        office.supervision.findings,
        office.supervision.surveys,
    )
    top = "\n".join(["444444444"] * 50)
    sign_in_as(office, Role.PENILAI, "Dewi Zubaidah")
    changed = FeedbackInput(
        FeedbackFields(FeedbackKind.APRESIASI, Channel.LANGSUNG, TODAY, "Ramah sekali.")
    )
    refused: list[tuple[Callable[[], object], str]] = [
        (lambda: feedback.get(about_dede), "Dede Rustandi"),
        (lambda: feedback.remove(about_dede, "Tercatat dua kali"), "Dede Rustandi"),
        (lambda: feedback.update(about_dede, changed, TODAY), "Dede Rustandi"),
        (lambda: feedback.remove(about_dewi, "Tercatat dua kali"), "diri Anda sendiri"),
        (lambda: feedback.update(about_dewi, changed, TODAY), "diri Anda sendiri"),
        (lambda: feedback.move(about_dewi, FeedbackStatus.DIVERIFIKASI, today=TODAY), "sendiri"),
        (
            lambda: audit.add_follow_up(finding, TODAY, "Sudah dilengkapi.", today=TODAY),
            "diri Anda sendiri",
        ),
        (
            lambda: audit.set_status(finding, FindingStatus.TIDAK_DAPAT, note="x", today=TODAY),
            "sendiri",
        ),
        (lambda: surveys.add_typed(puskesmas_survey, top, today=TODAY), "survei unit"),
        (lambda: surveys.add_typed(own_survey, top, today=TODAY), "survei unit"),
        (lambda: surveys.import_file(puskesmas_survey, answers, today=TODAY), "survei unit"),
        (lambda: surveys.results(puskesmas_survey), "survei unit"),
        (lambda: surveys.details(puskesmas_survey), "survei unit"),
        (lambda: surveys.set_details(own_survey, DetailsInput("100", (), None, None)), "survei"),
        (lambda: surveys.add_action(own_survey, ActionInput("U1", "a", "b", "c")), "survei"),
        (lambda: audit.link_targets(person(office, "Dede Rustandi"), TODAY.year), "Dede"),
    ]
    # The demo fills in the report data of one round; nothing may be added to it.
    counts = (
        "SELECT (SELECT count(*) FROM survey_responses),"
        " (SELECT count(*) FROM survey_action_plans),"
        " (SELECT count(*) FROM surveys WHERE population IS NOT NULL)"
    )
    before = _query(office, counts)
    for attempt, words in refused:
        with pytest.raises(AccessDeniedError, match=words):
            attempt()
    assert _query(office, counts) == before
    assert _query(office, "SELECT population FROM surveys WHERE id = ?", own_survey) != [(100,)]
    assert _query(
        office, "SELECT count(*) FROM public_feedback WHERE id IN (?, ?)", about_dede, about_dewi
    ) == [(2,)]
    # What she may see, she may read: the complaint about herself, her own unit's survey.
    assert feedback.get(about_dewi).allowed == {SupervisionAction.READ}
    assert surveys.get(own_survey).unit_id


def test_deleting_a_complaint_leaves_an_audit_entry(office: AppServices) -> None:
    entry = _complaint(office, "Aidil Fauzi", "Antrean tidak dilayani.")
    sign_in_as(office, Role.KEPALA_UNIT, "Novri Alamsyah")
    office.supervision.feedback.remove(entry, "Tercatat dua kali")
    last = office.seals.history(f"register:{entry}")[-1]
    assert last.fields.action is SealAction.REGISTER_DIHAPUS
    assert last.fields.actor == f"u{person(office, 'Novri Alamsyah')}kep"
    assert "Aidil Fauzi" in last.fields.label and "Antrean tidak dilayani." in last.fields.label
    assert last.fields.reason == "Tercatat dua kali"
    assert office.seals.verify().healthy


@pytest.mark.parametrize("reason", ["", "   \n\t", "x" * 2001])
def test_deleting_a_complaint_needs_a_reason(office: AppServices, reason: str) -> None:
    entry = _complaint(office, "Aidil Fauzi")
    sign_in_as(office, Role.KEPALA_UNIT, "Novri Alamsyah")
    before = office.seals.history(f"register:{entry}")
    with pytest.raises(ValidationError, match=r"[Aa]lasan") as refused:
        office.supervision.feedback.remove(entry, reason)
    assert refused.value.field == "reason"
    assert office.supervision.feedback.get(entry).id == entry  # still there
    assert office.seals.history(f"register:{entry}") == before  # and nothing logged


def test_the_kiosk_adds_answers_for_the_unit_head_who_started_it(office: AppServices) -> None:
    survey = _survey_of(office, "Dede Rustandi")
    sign_in_as(office, Role.KEPALA_UNIT, "Nur'aini Rosita")
    assert office.supervision.surveys.may(
        SupervisionAction.RECORD, office.supervision.surveys.get(survey).unit_id
    )
    info = office.supervision.kiosk.submit(survey, KioskSubmission([4] * 9), TODAY)
    assert info.responses == 1
    sign_in_as(office, Role.PENILAI, "Yudi Fikri")  # the puskesmas' own penilai enters nothing
    with pytest.raises(AccessDeniedError, match="survei"):
        office.supervision.kiosk.submit(survey, KioskSubmission([4] * 9), TODAY)


#: role -> (read, record, correct, close, delete) of a complaint about Aidil, and survey answers
#: for his unit.
SUPERVISION_MATRIX = {
    "admin": (Y, Y, Y, Y, Y, Y),
    "camat (kepala unit above Aidil)": (Y, Y, Y, Y, Y, Y),
    "kepala puskesmas (another unit)": (N, N, N, N, N, N),
    "Dewi (Aidil's penilai)": (Y, Y, Y, Y, N, N),
    "Novri as penilai (Aidil's atasan)": (Y, Y, Y, Y, N, N),
    "Yudi (a colleague's penilai)": (N, N, N, N, N, N),
}


def _supervision_actions(office: AppServices) -> list[Callable[[], object]]:
    entry = _complaint(office, "Aidil Fauzi")
    survey = _survey_of(office, "Aidil Fauzi")
    current = _as_system(office, lambda: office.supervision.feedback.get(entry).unit_id or 0)
    data = FeedbackInput(
        FeedbackFields(FeedbackKind.PENGADUAN, Channel.TELEPON_WA, TODAY, "Lama menunggu."),
        unit_id=current,
        employee_id=person(office, "Aidil Fauzi"),
    )
    feedback = office.supervision.feedback
    return [
        lambda: feedback.get(entry),
        lambda: feedback.record(data, TODAY),
        lambda: feedback.update(entry, data, TODAY),
        lambda: feedback.move(entry, FeedbackStatus.DIVERIFIKASI, on=TODAY, today=TODAY),
        lambda: feedback.remove(entry, "Tercatat dua kali"),
        lambda: office.supervision.surveys.add_typed(survey, "444444444", today=TODAY),
    ]


@pytest.mark.parametrize(
    "action", range(6), ids=["read", "record", "correct", "close", "delete", "survey"]
)
@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_against_every_supervision_action(
    office: AppServices, role: str, action: int
) -> None:
    kind, name = ROLES[role]
    attempt = _supervision_actions(office)[action]
    sign_in_as(office, kind, name)
    allowed = SUPERVISION_MATRIX[role][action]
    try:
        attempt()
    except AccessDeniedError:
        assert not allowed, f"{role} was refused"
    else:
        assert allowed, f"{role} was let through"
