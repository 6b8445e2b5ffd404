"""The demo office: shape of the organisation, validity of every record, history, determinism."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop import demo
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.demo import DemoContext, plan_office, write_demo
from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.hierarchy import supervisor_cycle
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.nip import Nip, check_status
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import (
    ActingKind,
    Employee,
    EmploymentEventKind,
    StaffFields,
    UnitKind,
    validate_staff_fields,
)
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)
TABLES = ("units", "employees", "employment_events", "acting_assignments", "appraisal_years")


def _everyone(services: AppServices) -> list[Employee]:
    with services.database.reading() as session:
        return sorted(repo.all_employees(session), key=lambda person: person.id)


def _dump(database: Database) -> dict[str, list[tuple[object, ...]]]:
    with database.reading() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in TABLES
        }


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _check_tree(people: list[Employee]) -> None:
    """Every active person has an active penilai, except the camat and kepala puskesmas."""
    by_id = {person.id: person for person in people}
    for person in people:
        assert supervisor_cycle(person.id, person.penilai_id, lambda i: by_id[i].penilai_id) is None
        if not person.active:
            continue
        if person.penilai_id is None:
            assert person.jabatan.startswith(("Camat ", "Kepala Puskesmas ")), person
        else:
            penilai = by_id[person.penilai_id]
            assert penilai.active, person
            assert penilai.jabatan_kind in (JabatanKind.ADMINISTRATOR, JabatanKind.PENGAWAS)


def _check_records(people: list[Employee], today: date) -> None:
    """Every NIP is valid, unique, matches the status, and gives plausible ages."""
    assert len({person.nip for person in people}) == len(people)
    for person in people:
        nip = Nip.parse(person.nip)
        assert check_status(nip, person.status) is None
        assert nip.warnings() == []
        validate_staff_fields(
            StaffFields(
                nip=person.nip,
                name=person.name,
                status=person.status.value,
                golongan=person.golongan,
                jabatan=person.jabatan,
                jabatan_kind=person.jabatan_kind.value,
                gelar_depan=person.gelar_depan,
                gelar_belakang=person.gelar_belakang,
            )
        )
        assert 22 <= _age(nip.birth_date, today) <= 58, person
        if nip.appointment_month is None:  # PPPK: the NIP has only the year
            assert 20 <= nip.appointment_year - nip.birth_date.year <= 35, person
        else:
            appointed = date(nip.appointment_year, nip.appointment_month, 1)
            assert 20 <= _age(nip.birth_date, appointed) <= 35, person
            assert appointed <= today


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


# --- the default office ------------------------------------------------------------------------


def test_default_office_summary(services: AppServices) -> None:
    summary = write_demo(services.database, today=TODAY)

    assert summary.employees == 40
    assert summary.active == 39
    assert summary.pns + summary.pppk == 40
    assert summary.pppk >= 5
    assert summary.units == ("Kecamatan Kertapati", "Puskesmas Kertapati")
    text_ = str(summary)
    assert text_.startswith("Kantor contoh ditulis: 40 pegawai di 2 unit (Kecamatan Kertapati")
    assert "Pemerintah Kota Palembang" in text_
    assert "Plt. Kepala Seksi Kesejahteraan Sosial" in text_
    assert "Tahun penilaian 2026" in text_


def test_two_units_under_the_instansi(office: AppServices) -> None:
    units = office.staff.units()
    [instansi] = [unit for unit in units if unit.parent_id is None]
    assert instansi.name == "Pemerintah Kota Palembang"
    assert instansi.kind is UnitKind.INSTANSI
    assert {unit.city for unit in units} == {"Palembang"}
    top = {unit.name: unit for unit in units if unit.parent_id == instansi.id}
    assert set(top) == {"Kecamatan Kertapati", "Puskesmas Kertapati"}
    assert all(unit.kind is UnitKind.UNIT for unit in top.values())

    def below(name: str) -> set[str]:
        ids = office.staff.unit_with_descendants(top[name].id) - {top[name].id}
        return {unit.name for unit in units if unit.id in ids}

    assert {
        "Sekretariat",
        "Subbagian Umum dan Kepegawaian",
        "Subbagian Perencanaan dan Keuangan",
        "Seksi Pemerintahan",
        "Seksi Ketenteraman dan Ketertiban Umum",
        "Seksi Ekonomi dan Pembangunan",
        "Seksi Kesejahteraan Sosial",
        "Seksi Pelayanan Umum",
        "Kelurahan Kertapati",
    } <= below("Kecamatan Kertapati")
    assert {
        "Subbagian Tata Usaha",
        "Poli Umum",
        "KIA/KB",
        "Farmasi",
        "Laboratorium",
        "Promkes dan Kesling",
    } <= below("Puskesmas Kertapati")


def test_only_the_camat_and_the_kepala_puskesmas_have_no_penilai(office: AppServices) -> None:
    people = _everyone(office)
    heads = {person.jabatan: person for person in people if person.penilai_id is None}

    assert set(heads) == {"Camat Kertapati", "Kepala Puskesmas Kertapati"}
    camat, kapus = heads["Camat Kertapati"], heads["Kepala Puskesmas Kertapati"]
    assert camat.jabatan_kind is JabatanKind.ADMINISTRATOR
    assert camat.golongan in ("IV/a", "IV/b")
    assert kapus.gelar_depan == "dr."
    assert "'" in kapus.name  # a name written with an apostrophe, as in the sample file
    by_id = {person.id: person for person in people}
    sekcam = next(person for person in people if person.jabatan == "Sekretaris Kecamatan")
    assert sekcam.penilai_id == camat.id
    for person in people:
        if person.jabatan.startswith(("Kepala Seksi", "Lurah")):
            assert person.penilai_id == camat.id
        if person.jabatan.startswith("Kepala Subbagian"):
            expected = kapus if person.jabatan == "Kepala Subbagian Tata Usaha" else sekcam
            assert person.penilai_id == expected.id
        if person.jabatan_kind in (JabatanKind.PELAKSANA, JabatanKind.FUNGSIONAL):
            assert person.penilai_id is not None
            assert by_id[person.penilai_id].jabatan_kind is not JabatanKind.PELAKSANA


def test_the_tree_is_valid(office: AppServices) -> None:
    people = _everyone(office)
    _check_tree(people)
    appraised = Counter(person.penilai_id for person in people if person.active)
    kasi_pu = next(person for person in people if person.jabatan == "Kepala Seksi Pelayanan Umum")
    assert appraised[kasi_pu.id] == 8  # the kepala seksi of the product brief
    assert max(count for penilai, count in appraised.items() if penilai is not None) <= 15


def test_every_record_is_valid(office: AppServices) -> None:
    people = _everyone(office)
    _check_records(people, TODAY)
    statuses = Counter(person.status for person in people)
    assert statuses[EmploymentStatus.PNS] > statuses[EmploymentStatus.PPPK] > 0
    for person in people:
        if person.status is EmploymentStatus.PPPK:
            assert person.nip[12] == "2"
            assert person.golongan in ("V", "VII", "IX", "X")
    genders = Counter(Nip(person.nip).gender for person in people)
    assert genders[Gender.PRIA] > 0
    assert genders[Gender.WANITA] > 0


def test_degrees_and_genders_fit_the_jobs(office: AppServices) -> None:
    for person in _everyone(office):
        gender = Nip(person.nip).gender
        if person.jabatan.startswith("Dokter "):
            assert person.gelar_depan == "dr."
        if person.jabatan.startswith("Bidan"):
            assert gender is Gender.WANITA
            assert "Keb" in person.gelar_belakang
        if person.jabatan.startswith("Perawat Ahli"):
            assert "S.Kep." in person.gelar_belakang
        if person.name.startswith("Ni "):
            assert gender is Gender.WANITA
        if person.name.startswith("I "):
            assert gender is Gender.PRIA


def test_history(office: AppServices) -> None:
    people = _everyone(office)
    events = {person.id: office.staff.history(person.id) for person in people}
    assert all(history[0].kind is EmploymentEventKind.MASUK for history in events.values())
    kinds = Counter(event.kind for history in events.values() for event in history)
    assert kinds[EmploymentEventKind.MASUK] == 40
    assert kinds[EmploymentEventKind.MUTASI] == 1
    assert kinds[EmploymentEventKind.PENSIUN] == 1

    [retired] = [person for person in people if not person.active]
    assert events[retired.id][-1].kind is EmploymentEventKind.PENSIUN
    assert events[retired.id][-1].event_date <= TODAY
    assert _age(Nip(retired.nip).birth_date, TODAY) == 58

    [moved] = [p for p in people if any(e.kind is EmploymentEventKind.MUTASI for e in events[p.id])]
    joined, mutasi = events[moved.id]
    units = {unit.id: unit for unit in office.staff.units()}
    assert joined.to_unit_id == mutasi.from_unit_id
    assert mutasi.to_unit_id == moved.unit_id
    assert office.staff.instansi_of(mutasi.from_unit_id) == office.staff.instansi_of(moved.unit_id)
    assert units[mutasi.from_unit_id].name == "Subbagian Umum dan Kepegawaian"
    assert units[moved.unit_id].name == "Subbagian Tata Usaha"
    assert joined.event_date < mutasi.event_date <= TODAY


def test_the_newcomer_has_periods_from_1_june(office: AppServices) -> None:
    people = _everyone(office)
    [newcomer] = [
        person
        for person in people
        if office.staff.history(person.id)[0].event_date == date(2026, 6, 1)
    ]
    periods = office.staff.periods_for(newcomer.id, 2026)

    assert periods[0].start == date(2026, 6, 1)
    assert periods[0].code == "TW2"
    assert periods[-1].is_final
    assert (periods[-1].start, periods[-1].end) == (date(2026, 6, 1), date(2026, 12, 31))
    assert Nip(newcomer.nip).appointment_year == 2026


def test_the_plt_stands_in_for_the_absent_kepala_seksi(office: AppServices) -> None:
    [acting] = office.staff.acting_assignments()
    assert acting.kind is ActingKind.PLT
    assert acting.covers(TODAY)
    people = {person.id: person for person in _everyone(office)}
    absent = people[acting.for_employee_id]
    assert absent.jabatan == "Kepala Seksi Kesejahteraan Sosial"
    staff = office.staff.subordinates(absent.id)
    assert staff

    during = office.staff.appraisers(staff[0].id, TODAY)
    assert during.penilai is not None
    assert during.penilai.id == acting.acting_employee_id
    assert during.acting == acting
    assert during.atasan_penilai is not None
    assert during.atasan_penilai.jabatan == "Camat Kertapati"
    before = office.staff.appraisers(staff[0].id, date(2026, 1, 15))
    assert before.penilai is not None
    assert before.penilai.id == absent.id
    assert before.acting is None


def test_the_appraisal_year_uses_triwulan(office: AppServices) -> None:
    [year] = office.staff.appraisal_years()
    instansi = next(unit for unit in office.staff.units() if unit.parent_id is None)
    assert (year.instansi_id, year.year, year.scheme) == (
        instansi.id,
        2026,
        EvaluationScheme.TRIWULAN,
    )


# --- determinism --------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_database(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=7, today=TODAY)
        write_demo(other.database, seed=7, today=TODAY)
        assert _dump(services.database) == _dump(other.database)
    finally:
        other.close()


def test_a_different_seed_gives_other_people(services: AppServices, tmp_path: Path) -> None:
    other = open_services(tmp_path / "other.sqlite")
    try:
        write_demo(services.database, seed=1, today=TODAY)
        write_demo(other.database, seed=2, today=TODAY)
        first, second = _everyone(services), _everyone(other)
        assert [p.nip for p in first] != [p.nip for p in second]
        assert [p.name for p in first] != [p.name for p in second]
        assert [p.jabatan for p in first] == [p.jabatan for p in second]  # same office
    finally:
        other.close()


def test_smaller_offices_are_the_first_people_of_the_default_one() -> None:
    full = plan_office(40, seed=3, today=TODAY).people
    for count in range(1, 41):
        people = plan_office(count, seed=3, today=TODAY).people
        assert people == full[:count]
        seen: set[str] = set()
        for person in people:
            assert person.penilai is None or person.penilai in seen
            seen.add(person.key)
    assert plan_office(500, seed=3, today=TODAY).people[:40] == full


@pytest.mark.parametrize(
    "today",
    [date(2026, 1, 1), date(2026, 5, 31), date(2026, 6, 1), date(2026, 12, 31), date(2031, 2, 28)],
)
def test_plans_are_valid_for_any_seed_and_day(today: date) -> None:
    for seed in range(8):
        plan = plan_office(300, seed=seed, today=today)
        assert len({person.nip for person in plan.people}) == 300
        for person in plan.people:
            valid = validate_staff_fields(person.fields())
            assert valid.nip.gender is person.gender
            assert valid.nip.warnings() == []
            assert valid.nip.birth_date == person.birth_date
            assert 22 <= _age(person.birth_date, today) <= (57 if person.active else 58)
            if person.moved_on is not None:
                assert person.joined < person.moved_on <= today
            if person.left_on is not None:
                assert person.left_on <= today
            if person.joined != date(today.year, 6, 1):
                assert person.joined <= today


# --- refusing, sizes, extension -----------------------------------------------------------------


def test_refuses_a_database_with_employees(office: AppServices) -> None:
    before = _dump(office.database)

    with pytest.raises(ValidationError, match="sudah berisi 40 pegawai"):
        write_demo(office.database, seed=99, today=TODAY)

    assert _dump(office.database) == before


def test_refuses_a_register_with_one_person(services: AppServices) -> None:
    unit = services.staff.add_unit("Dinas Kesehatan", None)
    services.staff.create(
        StaffInput(
            StaffFields(
                nip="198503122010011003",
                name="Ahmad Fauzi",
                status="PNS",
                golongan="III/c",
                jabatan="Pengadministrasi Perkantoran",
                jabatan_kind="Pelaksana",
            ),
            unit_id=unit.id,
            penilai_id=None,
            effective_date=TODAY,
        )
    )
    before = _dump(services.database)

    with pytest.raises(ValidationError, match="sudah berisi 1 pegawai"):
        write_demo(services.database, today=TODAY)

    assert _dump(services.database) == before


@pytest.mark.parametrize("count", [0, -1, 100_001])
def test_refuses_a_count_out_of_range(services: AppServices, count: int) -> None:
    with pytest.raises(ValidationError, match="antara 1 dan 100000"):
        write_demo(services.database, employees=count, today=TODAY)
    assert services.staff.count(active_only=False) == 0


def test_one_employee(services: AppServices) -> None:
    summary = write_demo(services.database, employees=1, today=TODAY)

    [camat] = _everyone(services)
    assert camat.jabatan == "Camat Kertapati"
    assert camat.penilai_id is None
    assert summary.employees == 1
    assert summary.units == ("Kecamatan Kertapati",)
    assert summary.acting == ()
    assert services.staff.acting_assignments() == []
    assert [event.kind for event in services.staff.history(camat.id)] == [EmploymentEventKind.MASUK]
    assert str(summary).startswith("Kantor contoh ditulis: 1 pegawai di 1 unit")


def test_a_large_office_is_still_one_valid_tree(services: AppServices) -> None:
    summary = write_demo(services.database, employees=2000, today=TODAY)

    people = _everyone(services)
    assert len(people) == summary.employees == 2000
    _check_tree(people)
    _check_records(people, TODAY)
    heads = [person for person in people if person.penilai_id is None]
    units = services.staff.units()
    kecamatan = [unit for unit in units if unit.name.startswith("Kecamatan ")]
    assert len(heads) == 2 * len(kecamatan) == len(summary.heads)
    assert len(kecamatan) >= 10
    assert len({unit.name for unit in units if unit.kind is UnitKind.UNIT}) == 2 * len(kecamatan)
    appraised = Counter(person.penilai_id for person in people if person.penilai_id is not None)
    assert max(appraised.values()) <= 15
    supervisors = [count for count in appraised.values() if count > 2]  # not the sekcam
    assert 8 <= sum(supervisors) / len(supervisors) <= 15


def test_a_later_step_runs_in_the_same_transaction(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def add_note(ctx: DemoContext) -> None:
        seen.append(ctx.employee_ids["b0.camat"])
        ctx.notes.append("SKP contoh: 0 dokumen.")

    monkeypatch.setattr(demo, "DEMO_STEPS", [*demo.DEMO_STEPS, add_note])
    summary = write_demo(services.database, today=TODAY)

    assert str(summary).endswith("SKP contoh: 0 dokumen.")
    assert services.staff.get(seen[0]).jabatan == "Camat Kertapati"


def test_a_failing_step_leaves_nothing_written(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(ctx: DemoContext) -> None:
        raise ValidationError("gagal")

    monkeypatch.setattr(demo, "DEMO_STEPS", [*demo.DEMO_STEPS, fail])
    with pytest.raises(ValidationError):
        write_demo(services.database, today=TODAY)

    assert all(rows == [] for rows in _dump(services.database).values())
