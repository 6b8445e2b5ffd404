"""The staff register's use cases against a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import (
    NotFoundError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import ActingKind, EmploymentEventKind, StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import SortKey, StaffFilter, StaffInput


@pytest.fixture
def units(services: AppServices) -> tuple[int, int, int]:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    kecamatan = services.staff.add_unit("Kecamatan Kertapati", root.id)
    seksi = services.staff.add_unit("Seksi Pemerintahan", kecamatan.id)
    return root.id, kecamatan.id, seksi.id


def _person(
    services: AppServices,
    unit_id: int,
    nip: str,
    name: str,
    *,
    penilai_id: int | None = None,
    joined: date = date(2020, 1, 2),
) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", "Pelaksana")
    created = services.staff.create(
        StaffInput(fields=fields, unit_id=unit_id, penilai_id=penilai_id, effective_date=joined)
    )
    return created.id


def test_unit_kinds_follow_the_tree(services: AppServices, units) -> None:
    kinds = {unit.name: unit.kind.value for unit in services.staff.units()}
    assert kinds == {
        "Pemerintah Kota Palembang": "INSTANSI",
        "Kecamatan Kertapati": "UNIT",
        "Seksi Pemerintahan": "SUB_UNIT",
    }
    assert services.staff.unit_with_descendants(units[1]) == frozenset(units[1:])


def test_duplicate_unit_name_under_one_parent_is_refused(services: AppServices, units) -> None:
    with pytest.raises(ValidationError, match="sudah ada"):
        services.staff.add_unit("Seksi Pemerintahan", units[1])


def test_create_records_joining_and_normalises_text(services: AppServices, units) -> None:
    fields = StaffFields(
        " 19850312 201001 1 003 ", "  Nur'aini   Hasanah ", "pns", "iii/b", "Bidan", "JF"
    )
    person = services.staff.create(StaffInput(fields, units[1], None, date(2026, 6, 1)))
    assert (person.nip, person.name, person.golongan) == (
        "198503122010011003",
        "Nur'aini Hasanah",
        "III/b",
    )
    assert [(e.kind, e.event_date) for e in services.staff.history(person.id)] == [
        (EmploymentEventKind.MASUK, date(2026, 6, 1))
    ]


def test_every_wrong_field_is_reported_and_nothing_saved(services: AppServices, units) -> None:
    fields = StaffFields("123", "", "Honorer", "III/b", "", "Kepala")
    with pytest.raises(ValidationErrors) as caught:
        services.staff.create(StaffInput(fields, units[1], None))
    assert set(caught.value.by_field()) == {"nip", "name", "status", "jabatan", "jenis_jabatan"}
    assert services.staff.count() == 0


def test_same_nip_twice_is_refused(services: AppServices, units) -> None:
    _person(services, units[1], "198503122010011003", "Ani")
    with pytest.raises(ValidationErrors, match="sudah dipakai oleh Ani"):
        _person(services, units[1], "198503122010011003", "Budi")


def test_a_supervisor_cycle_is_refused(services: AppServices, units) -> None:
    a = _person(services, units[1], "197805122003121002", "Ahmad")
    b = _person(services, units[1], "198103042006042011", "Siti", penilai_id=a)
    c = _person(services, units[1], "198906152014031001", "Rizky", penilai_id=b)
    ahmad = services.staff.get(a)
    fields = StaffFields(ahmad.nip, ahmad.name, "PNS", "III/a", "Analis", "Pelaksana")
    with pytest.raises(ValidationErrors) as caught:
        services.staff.update(a, ahmad.version, StaffInput(fields, units[1], c))
    assert caught.value.by_field()["penilai"] == (
        "Rantai penilai berputar: Ahmad → Rizky → Siti → Ahmad. Pilih Pejabat Penilai lain."
    )
    assert services.staff.get(a).penilai_id is None


def test_a_stale_edit_is_refused(services: AppServices, units) -> None:
    person_id = _person(services, units[1], "198503122010011003", "Ani")
    old = services.staff.get(person_id)
    fields = StaffFields(old.nip, "Ani Lestari", "PNS", "III/a", "Analis", "Pelaksana")
    services.staff.update(person_id, old.version, StaffInput(fields, units[1], None))
    stale = StaffFields(old.nip, "Ani Maryani", "PNS", "III/a", "Analis", "Pelaksana")
    with pytest.raises(StaleEditError):
        services.staff.update(person_id, old.version, StaffInput(stale, units[1], None))
    assert services.staff.get(person_id).name == "Ani Lestari"


def test_moving_units_records_a_mutasi(services: AppServices, units) -> None:
    person_id = _person(services, units[1], "198503122010011003", "Ani")
    person = services.staff.get(person_id)
    fields = StaffFields(person.nip, person.name, "PNS", "III/a", "Analis", "Pelaksana")
    services.staff.update(
        person_id, person.version, StaffInput(fields, units[2], None, date(2026, 4, 1))
    )
    moves = [e for e in services.staff.history(person_id) if e.kind is EmploymentEventKind.MUTASI]
    assert [(m.from_unit_id, m.to_unit_id, m.event_date) for m in moves] == [
        (units[1], units[2], date(2026, 4, 1))
    ]


def test_retiring_keeps_the_record_and_its_history(services: AppServices, units) -> None:
    person_id = _person(services, units[1], "196601011988031001", "Pak Tua")
    services.staff.end_service(person_id, EmploymentEventKind.PENSIUN, date(2026, 2, 1), "BUP")
    assert not services.staff.get(person_id).active
    assert services.staff.count() == 0
    assert services.staff.count(active_only=False) == 1
    assert services.staff.find_ids(StaffFilter()) == []
    assert services.staff.find_ids(StaffFilter(include_inactive=True)) == [person_id]
    services.staff.reactivate(person_id, date(2026, 3, 1))
    kinds = [e.kind for e in services.staff.history(person_id)]
    assert kinds == [
        EmploymentEventKind.MASUK,
        EmploymentEventKind.PENSIUN,
        EmploymentEventKind.AKTIF_KEMBALI,
    ]
    with pytest.raises(ValidationError):
        services.staff.end_service(person_id, EmploymentEventKind.MASUK, date(2026, 4, 1))


def test_atasan_is_derived_and_plt_stands_in(services: AppServices, units) -> None:
    camat = _person(services, units[1], "197805122003121002", "Camat")
    sekcam = _person(services, units[1], "198103042006042011", "Sekcam", penilai_id=camat)
    staf = _person(services, units[1], "198906152014031001", "Staf", penilai_id=sekcam)
    other = _person(services, units[1], "199202282019032014", "Kasi Lain", penilai_id=camat)
    normal = services.staff.appraisers(staf, date(2026, 5, 1))
    assert (normal.penilai.name, normal.atasan_penilai.name, normal.acting) == (  # type: ignore[union-attr]
        "Sekcam",
        "Camat",
        None,
    )
    services.staff.add_acting(
        kind=ActingKind.PLH,
        acting_employee_id=other,
        for_employee_id=sekcam,
        start=date(2026, 5, 1),
        end=date(2026, 5, 31),
    )
    during = services.staff.appraisers(staf, date(2026, 5, 15))
    assert during.penilai.name == "Kasi Lain"  # type: ignore[union-attr]
    assert during.atasan_penilai.name == "Camat"  # type: ignore[union-attr]
    assert during.acting is not None and during.acting.kind is ActingKind.PLH
    after = services.staff.appraisers(staf, date(2026, 6, 1))
    assert after.penilai.name == "Sekcam"  # type: ignore[union-attr]


def test_acting_dates_must_be_in_order(services: AppServices, units) -> None:
    a = _person(services, units[1], "197805122003121002", "A")
    b = _person(services, units[1], "198103042006042011", "B")
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        services.staff.add_acting(
            kind=ActingKind.PLT,
            acting_employee_id=a,
            for_employee_id=b,
            start=date(2026, 5, 2),
            end=date(2026, 5, 1),
        )


@pytest.mark.parametrize(
    ("scheme", "joined", "expected"),
    [
        (EvaluationScheme.TRIWULAN, date(2020, 1, 2), ["TW1", "TW2", "TW3", "TW4", "AKHIR"]),
        (EvaluationScheme.TRIWULAN, date(2026, 6, 1), ["TW2", "TW3", "TW4", "AKHIR"]),
        (EvaluationScheme.SEMESTER, date(2026, 8, 15), ["S2", "AKHIR"]),
        (EvaluationScheme.BULANAN, date(2026, 12, 1), ["M12", "AKHIR"]),
    ],
)
def test_periods_follow_the_instansi_scheme_and_joining_date(
    services: AppServices, units, scheme, joined, expected
) -> None:
    services.staff.set_appraisal_year(units[0], 2026, scheme)
    person_id = _person(services, units[2], "198503122010011003", "Ani", joined=joined)
    periods = services.staff.periods_for(person_id, 2026)
    assert [period.code for period in periods] == expected
    assert periods[-1].start == max(joined, date(2026, 1, 1))


def test_leaving_mid_year_ends_the_annual_period(services: AppServices, units) -> None:
    person_id = _person(services, units[1], "196601011988031001", "Pak Tua")
    services.staff.end_service(person_id, EmploymentEventKind.PENSIUN, date(2026, 5, 31))
    periods = services.staff.periods_for(person_id, 2026)
    assert [p.code for p in periods] == ["TW1", "TW2", "AKHIR"]
    assert periods[-1].end == date(2026, 5, 31)


def test_scheme_is_set_per_instansi_only(services: AppServices, units) -> None:
    with pytest.raises(ValidationError, match="per instansi"):
        services.staff.set_appraisal_year(units[1], 2026, EvaluationScheme.SEMESTER)
    services.staff.set_appraisal_year(units[0], 2026, EvaluationScheme.SEMESTER)
    services.staff.set_appraisal_year(units[0], 2026, EvaluationScheme.BULANAN)
    assert [(y.year, y.scheme) for y in services.staff.appraisal_years()] == [
        (2026, EvaluationScheme.BULANAN)
    ]


def test_search_words_all_must_match_and_sort_is_sql(services: AppServices, units) -> None:
    _person(services, units[1], "197805122003121002", "Ahmad Fauzi")
    _person(services, units[2], "198103042006042011", "Siti Rahmawati")
    _person(services, units[2], "198906152014031001", "Rizky Ahmad")

    def names(**kwargs: object) -> list[str]:
        ids = services.staff.find_ids(StaffFilter(**kwargs))  # type: ignore[arg-type]
        return [row.name for row in services.staff.list_rows(ids)]

    assert names(text="ahmad") == ["Ahmad Fauzi", "Rizky Ahmad"]
    assert names(text="ahmad pemerintahan") == ["Rizky Ahmad"]
    assert names(text="19810304") == ["Siti Rahmawati"]
    assert names(text="100%") == []  # LIKE wildcards are taken literally
    assert names(sort=SortKey.NIP, descending=True) == [
        "Rizky Ahmad",
        "Siti Rahmawati",
        "Ahmad Fauzi",
    ]
    assert names(unit_ids=frozenset({units[2]})) == ["Rizky Ahmad", "Siti Rahmawati"]


def test_missing_person_gives_a_clear_error(services: AppServices) -> None:
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        services.staff.get(999)


def test_supervisor_tree_nests_staff_under_their_penilai(services: AppServices, units) -> None:
    camat = _person(services, units[1], "197805122003121002", "Camat")
    sekcam = _person(services, units[1], "198103042006042011", "Sekcam", penilai_id=camat)
    _person(services, units[2], "198906152014031001", "Staf", penilai_id=sekcam)
    (root,) = services.staff.supervisor_tree()
    assert root.employee.name == "Camat"
    assert [child.employee.name for child in root.children] == ["Sekcam"]
    assert [leaf.employee.name for leaf in root.children[0].children] == ["Staf"]
    # Within one sub-unit, a person whose penilai is elsewhere becomes a root.
    (only,) = services.staff.supervisor_tree(frozenset({units[2]}))
    assert only.employee.name == "Staf"


@pytest.mark.parametrize(
    ("joined", "events", "year", "expected"),
    [
        (None, [], 2026, ["TW1", "TW2", "TW3", "TW4", "AKHIR"]),  # imported: no history
        (date(2026, 6, 1), [], 2025, []),  # joins after the year
        (date(2026, 6, 1), [], 2027, ["TW1", "TW2", "TW3", "TW4", "AKHIR"]),
        (date(2020, 1, 2), [("PENSIUN", date(2024, 5, 31))], 2025, []),  # left before it
        (
            date(2020, 1, 2),
            [("PENSIUN", date(2024, 5, 31)), ("AKTIF_KEMBALI", date(2025, 8, 1))],
            2025,
            ["TW3", "TW4", "AKHIR"],
        ),
        (None, [("BERHENTI", date(2026, 2, 15))], 2026, ["TW1", "AKHIR"]),
    ],
)
def test_periods_read_the_whole_history(
    services: AppServices, units, joined, events, year, expected
) -> None:
    fields = StaffFields("198503122010011003", "Ani", "PNS", "III/a", "Analis", "Pelaksana")
    person = services.staff.create(StaffInput(fields, units[1], None, joined)).id
    for kind, day in events:
        if kind == "AKTIF_KEMBALI":
            services.staff.reactivate(person, day)
        else:
            services.staff.end_service(person, EmploymentEventKind(kind), day)
    assert [period.code for period in services.staff.periods_for(person, year)] == expected


def test_an_existing_colleague_is_added_without_a_joining_date(
    services: AppServices, units
) -> None:
    fields = StaffFields("198503122010011003", "Ani", "PNS", "III/a", "Analis", "Pelaksana")
    person = services.staff.create(StaffInput(fields, units[1], None))
    assert services.staff.history(person.id) == []
