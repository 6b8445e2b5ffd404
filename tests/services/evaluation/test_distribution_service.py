"""The unit's spread of staff predikat against the Kurva Distribusi, through the service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from raw_database import raw_connect

from kinerja_desktop.data.behaviour_models import PredikatRow
from kinerja_desktop.data.repositories.skp import skp_for
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.staff import EmploymentEventKind, StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.distribution import (
    ASK_FOR_ORG_PREDIKAT,
    DistributionService,
)
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
SB, B, BP = Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN
K, SK = Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG


@dataclass(frozen=True)
class Office:
    services: AppServices
    distribution: DistributionService
    unit_id: int
    sub_unit_id: int
    other_unit_id: int


@pytest.fixture
def office(services: AppServices) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    sub = services.staff.add_unit("Kelurahan Kemang Agung", unit.id)
    other = services.staff.add_unit("Kecamatan Ilir Barat I", root.id)
    return Office(
        services,
        DistributionService(services.database, AccessGuard.system(services.database)),
        unit.id,
        sub.id,
        other.id,
    )


_counter = iter(range(1, 10_000))


def add_person(office: Office, unit_id: int, predikat: Predikat | None, *, skp: bool = True) -> int:
    """Create a person in ``unit_id``; with an SKP and a decided TW1 predikat when given."""
    n = next(_counter)
    nip = f"199001012015011{n % 999 + 1:03d}"
    fields = StaffFields(nip, f"Pegawai {n:04d}", "PNS", "III/a", "Analis", "Pelaksana")
    person = office.services.staff.create(
        StaffInput(fields=fields, unit_id=unit_id, penilai_id=None, effective_date=date(2020, 1, 2))
    )
    if skp:
        created = office.services.skp.create(person.id, YEAR, Pendekatan.KUANTITATIF)
        if predikat is not None:
            decide(office, created.id, predikat)
    return person.id


def decide(office: Office, skp_id: int, predikat: Predikat, period: str = "TW1") -> None:
    with office.services.database.transaction() as session:
        session.add(
            PredikatRow(
                skp_id=skp_id,
                period_code=period,
                hasil="SESUAI",
                perilaku="SESUAI",
                computed=predikat.value,
                final=predikat.value,
                override_reason="",
                decided_on=date(YEAR, 4, 10),
            )
        )


def fill(
    office: Office, spread: Sequence[tuple[Predikat, int]], unit_id: int | None = None
) -> None:
    for predikat, count in spread:
        for _ in range(count):
            add_person(office, unit_id or office.unit_id, predikat)


def test_without_org_predikat_the_check_asks_for_it(office: Office) -> None:
    fill(office, [(B, 3), (BP, 1)])

    result = office.distribution.check(office.unit_id, YEAR, "tw1")

    assert result.org is None
    assert result.report is None
    assert result.message == ASK_FOR_ORG_PREDIKAT
    assert result.period_code == "TW1"
    assert result.counts[B] == 3
    assert result.counts[BP] == 1
    assert result.total == 4


def test_counts_only_decided_predikat_of_the_unit_and_its_sub_units(office: Office) -> None:
    fill(office, [(B, 2)])
    fill(office, [(SB, 1)], office.sub_unit_id)
    fill(office, [(K, 5)], office.other_unit_id)  # another unit: not counted
    undecided = add_person(office, office.unit_id, None)
    no_skp = add_person(office, office.sub_unit_id, None, skp=False)
    ended = add_person(office, office.unit_id, None, skp=False)
    office.services.staff.end_service(ended, EmploymentEventKind.PENSIUN, date(2025, 12, 31))

    result = office.distribution.check(office.unit_id, YEAR, "TW1")

    assert dict(result.counts) == {SB: 1, B: 2, BP: 0, K: 0, SK: 0}
    assert {person.employee_id for person in result.undecided} == {
        undecided,
        no_skp,
    }
    assert [p.has_skp for p in result.undecided if p.employee_id == no_skp] == [False]


def test_predikat_of_another_period_is_not_counted(office: Office) -> None:
    person = add_person(office, office.unit_id, None)
    skp_id = _skp_id(office, person)
    decide(office, skp_id, SB, "TW2")

    result = office.distribution.check(office.unit_id, YEAR, "TW1")

    assert result.total == 0
    assert [p.employee_id for p in result.undecided] == [person]


def test_follows_the_curve_without_findings(office: Office) -> None:
    fill(office, [(SB, 2), (B, 6), (BP, 2)])
    office.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.BAIK, date(YEAR, 4, 15)
    )

    result = office.distribution.check(office.unit_id, YEAR, "TW1")

    assert result.org is not None and result.org.predikat is OrgPredikat.BAIK
    assert result.message == ""
    assert result.report is not None
    assert result.report.ok
    assert result.report.notes == ()


def test_each_breach_is_reported_with_its_numbers(office: Office) -> None:
    # Baik: at most 70% Baik, and there must be Butuh Perbaikan and/or Kurang/Misconduct.
    fill(office, [(SB, 2), (B, 8)])
    office.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.BAIK, date(YEAR, 4, 15), note="Rapat pimpinan"
    )

    result = office.distribution.check(office.unit_id, YEAR, "TW1")

    assert result.report is not None
    messages = [finding.message for finding in result.report.findings]
    assert messages == [
        "Baik 8 dari 10 pegawai (80%), batas paling banyak 70% (7 orang).",
        "Butuh Perbaikan dan/atau Kurang/Misconduct 0 dari 10 pegawai (0%), harus ada paling "
        "sedikit 1 orang.",
    ]
    assert result.org is not None and result.org.note == "Rapat pimpinan"


def test_sangat_kurang_forbids_sangat_baik(office: Office) -> None:
    fill(office, [(SK, 7), (K, 2), (SB, 1)])
    office.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.SANGAT_KURANG, date(YEAR, 4, 15)
    )

    report = office.distribution.check(office.unit_id, YEAR, "TW1").report

    assert report is not None
    assert [f.message for f in report.findings] == [
        "Sangat Baik 1 dari 10 pegawai (10%), seharusnya tidak ada."
    ]


def test_small_unit_follows_the_rounding_rule(office: Office) -> None:
    # Five people in a unit rated Butuh Perbaikan: min. 60% BP is 3 people (rounded up), and
    # "at most 10% Sangat Baik" still allows one person.
    fill(office, [(BP, 2), (B, 2), (SB, 1)])
    office.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.BUTUH_PERBAIKAN, date(YEAR, 4, 15)
    )

    report = office.distribution.check(office.unit_id, YEAR, "TW1").report

    assert report is not None
    assert [f.message for f in report.findings] == [
        "Butuh Perbaikan 2 dari 5 pegawai (40%), batas paling sedikit 60% (3 orang)."
    ]
    assert report.notes[0].startswith("Unit kecil (5 pegawai)")
    assert report.allowed[SB].maximum == 1


def test_org_predikat_is_replaced_not_duplicated(office: Office, db_path: Path) -> None:
    distribution = office.distribution
    distribution.set_org_predikat(office.unit_id, YEAR, "TW1", OrgPredikat.BAIK, date(YEAR, 4, 1))
    distribution.set_org_predikat(
        office.unit_id, YEAR, "tw1", OrgPredikat.ISTIMEWA, date(YEAR, 4, 2)
    )

    record = distribution.org_predikat(office.unit_id, YEAR, "TW1")

    assert record is not None
    assert (record.predikat, record.recorded_on) == (OrgPredikat.ISTIMEWA, date(YEAR, 4, 2))
    with raw_connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM org_predikats").fetchone() == (1,)


def test_unknown_period_and_unit_are_refused(office: Office) -> None:
    with pytest.raises(ValidationError, match="Kode periode 'TW9' tidak dikenal") as caught:
        office.distribution.set_org_predikat(
            office.unit_id, YEAR, "TW9", OrgPredikat.BAIK, date(YEAR, 4, 1)
        )
    assert caught.value.field == "period"
    with pytest.raises(NotFoundError):
        office.distribution.check(9999, YEAR, "TW1")
    assert office.distribution.org_predikat(office.unit_id, YEAR, "TW1") is None


def _skp_id(office: Office, employee_id: int) -> int:
    with office.services.database.reading() as session:
        row = skp_for(session, employee_id, YEAR)
        assert row is not None
        return row.id
