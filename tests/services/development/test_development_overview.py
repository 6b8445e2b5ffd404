"""The unit's development view and the training-plan workbook for the personnel office."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.development import LearningPath
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.development.overview import DevelopmentOverviewService
from kinerja_desktop.services.development.service import DevelopmentService, ItemInput
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 7, 10)
CLERK = "Pengadministrasi Perkantoran"


class Office:
    def __init__(self, services: AppServices) -> None:
        staff = services.staff
        instansi = staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
        self.kecamatan = staff.add_unit("Kecamatan Kertapati", instansi.id)
        self.seksi = staff.add_unit("Seksi Pelayanan", self.kecamatan.id)
        self.puskesmas = staff.add_unit("Puskesmas Kertapati", instansi.id)
        self.dewi = self._person(services, "199202282019032014", "Dewi Lestari", self.seksi.id)
        self.agus = self._person(services, "198805122015031002", "Agus Salim", self.kecamatan.id)
        self.rina = self._person(services, "199001012020122003", "Rina Wati", self.puskesmas.id)

    @staticmethod
    def _person(services: AppServices, nip: str, name: str, unit_id: int) -> int:
        fields = StaffFields(nip, name, "PNS", "II/d", CLERK, "Pelaksana")
        person = services.staff.create(
            StaffInput(fields=fields, unit_id=unit_id, penilai_id=None, effective_date=None)
        )
        return person.id


@pytest.fixture
def office(services: AppServices) -> Office:
    return Office(services)


def _item(title: str, jp: str, **changes: object) -> ItemInput:
    fields: dict[str, object] = {
        "addresses": "Kompetensi M.03 Komunikasi",
        "title": title,
        "path": LearningPath.PELATIHAN_MANAJERIAL,
        "jp": jp,
    }
    fields.update(changes)
    return ItemInput(**fields)  # type: ignore[arg-type]


def _fill(services: AppServices, office: Office) -> None:
    competence = CompetenceService(services.database, AccessGuard.system(services.database))
    development = DevelopmentService(
        services.database, AccessGuard.system(services.database), services.journal
    )
    for code in ("M.01", "M.03"):
        competence.set_standard(CLERK, code, 3)
    competence.rate(office.dewi, "M.03", 1, "Laporan sering terlambat", date(2026, 3, 1))
    competence.rate(office.dewi, "M.01", 2, "Perlu diingatkan", date(2026, 3, 1))
    competence.rate(office.agus, "M.03", 2, "Cukup", date(2026, 3, 1))
    competence.rate(office.agus, "M.01", 3, "Konsisten", date(2026, 3, 1))
    competence.rate(office.rina, "M.03", 3, "Baik", date(2026, 3, 1))
    first = date(2026, 2, 2)
    development.add_item(
        office.dewi,
        2026,
        _item("Pelatihan komunikasi", "12,5", status="SELESAI", start=first, end=date(2026, 2, 6)),
        today=first,
    )
    development.add_item(
        office.dewi, 2026, _item("Coaching laporan", "4", end=date(2026, 5, 30)), today=first
    )
    development.add_item(
        office.agus, 2026, _item("Bimtek surat", "8", end=date(2026, 3, 1)), today=first
    )
    development.add_item(office.agus, 2026, _item("Seminar", "2", status="DIBATALKAN"), today=first)
    development.add_item(office.rina, 2025, _item("Tahun lalu", "20"), today=first)


def test_the_unit_view_counts_needs_jp_and_follow_up(services: AppServices, office: Office) -> None:
    _fill(services, office)
    overview = DevelopmentOverviewService(
        services.database, AccessGuard.system(services.database)
    ).unit(2026, TODAY)

    assert [line.person.name for line in overview.people] == [
        "Agus Salim",
        "Dewi Lestari",
        "Rina Wati",
    ]
    agus, dewi, rina = overview.people
    assert (dewi.below_standard, agus.below_standard, rina.below_standard) == (2, 1, 0)
    assert dewi.jp.done == Decimal("12.5") and dewi.plan.shortfall == Decimal("7.5")
    assert dewi.completion == Decimal(1) / Decimal(2)
    assert (dewi.overdue, dewi.to_review) == (1, 1)  # ended 30 May; TW III began 1 July
    assert agus.plan.lapsed and not dewi.plan.lapsed
    assert [line.person.name for line in overview.lapsed] == ["Agus Salim"]
    assert agus.completion == Decimal(0)
    assert rina.completion is None and rina.plan.items == ()  # 2025's plan is not this year's
    assert dewi.unit_name == "Seksi Pelayanan"

    communication, integrity = overview.needs[:2]
    assert (communication.competence.code, communication.people_below) == ("M.03", 2)
    assert (communication.levels_short, communication.rated) == (3, 3)
    assert (integrity.competence.code, integrity.people_below, integrity.levels_short) == (
        "M.01",
        1,
        1,
    )
    assert all(need.people_below == 0 for need in overview.needs[2:])


def test_a_unit_includes_the_units_below_it(services: AppServices, office: Office) -> None:
    _fill(services, office)
    service = DevelopmentOverviewService(services.database, AccessGuard.system(services.database))
    kecamatan = service.unit(2026, TODAY, office.kecamatan.id)
    assert kecamatan.scope == "Kecamatan Kertapati"
    assert {line.person.name for line in kecamatan.people} == {"Agus Salim", "Dewi Lestari"}
    assert [line.person.name for line in service.unit(2026, TODAY, office.puskesmas.id).people] == [
        "Rina Wati"
    ]


def test_the_training_plan_workbook(services: AppServices, office: Office, tmp_path: Path) -> None:
    _fill(services, office)
    service = DevelopmentOverviewService(services.database, AccessGuard.system(services.database))
    target = tmp_path / "rencana.xlsx"
    assert service.export_xlsx(service.unit(2026, TODAY), target, today=TODAY) == target

    workbook = load_workbook(target)
    assert workbook.properties.description == f"Dibuat {format_date_id(TODAY)}"
    assert workbook.sheetnames == ["Rencana Pengembangan", "Rekap Pegawai", "Kebutuhan Kompetensi"]
    plan = [row for row in workbook["Rencana Pengembangan"].iter_rows(values_only=True)]
    assert plan[0][:3] == ("No", "NIP", "Nama")
    assert len(plan) == 1 + 4  # Rina's 2025 item is not in 2026's plan
    by_title = {row[6]: row for row in plan[1:]}
    coaching = by_title["Coaching laporan"]
    assert coaching[1] == "199202282019032014"  # text, not a number
    assert coaching[12] == 4
    assert coaching[13] == "Direncanakan (terlambat)"
    assert by_title["Pelatihan komunikasi"][12] == 12.5
    assert by_title["Pelatihan komunikasi"][8] == "Klasikal"
    people = list(workbook["Rekap Pegawai"].iter_rows(values_only=True))
    agus = next(row for row in people if row[2] == "Agus Salim")
    assert agus[16] == "Ya"  # plan lapsed
    needs = list(workbook["Kebutuhan Kompetensi"].iter_rows(values_only=True))
    assert needs[1][:5] == ("M.03", needs[1][1], needs[1][2], 2, 3)


def test_an_unwritable_target_is_named(
    services: AppServices, office: Office, tmp_path: Path
) -> None:
    service = DevelopmentOverviewService(services.database, AccessGuard.system(services.database))
    target = tmp_path / "tidak-ada" / "rencana.xlsx"
    with pytest.raises(ValidationError, match=r"rencana\.xlsx"):
        service.export_xlsx(service.unit(2026, TODAY), target, today=TODAY)
    assert not target.exists()


def _development_titles(services: AppServices, today: date) -> dict[str, str]:
    keys = ("pengembangan", " JP ")
    return {
        item.title: item.detail
        for item in services.attention.items(today)
        if any(key in item.title for key in keys)
    }


def test_beranda_flags_lapsed_plans_overdue_items_and_reviews(
    services: AppServices, office: Office
) -> None:
    _fill(services, office)
    assert _development_titles(services, date(2026, 2, 20)) == {}
    assert _development_titles(services, TODAY) == {
        "Rencana pengembangan terhenti (untuk kepala unit): 1 pegawai": "Agus Salim",
        "Kegiatan pengembangan terlambat: 1 pegawai": "Dewi Lestari",
        "Periode baru: tinjau rencana pengembangan 2 pegawai": "Agus Salim, Dewi Lestari",
    }
    reminder = _development_titles(services, date(2026, 10, 1))
    assert reminder["Belum mencapai 20 JP tahun ini: 3 pegawai"] == (
        "Agus Salim, Dewi Lestari, Rina Wati"
    )


def _pppk(services: AppServices, office: Office) -> int:
    fields = StaffFields("199501012024211001", "Putri Ayu", "PPPK", "IX", CLERK, "Pelaksana")
    return services.staff.create(
        StaffInput(fields=fields, unit_id=office.seksi.id, penilai_id=None, effective_date=None)
    ).id


def test_a_pppk_is_not_held_to_the_pns_20_jp(
    services: AppServices, office: Office, tmp_path: Path
) -> None:
    _fill(services, office)
    putri = _pppk(services, office)

    plan = services.development.plan(putri, 2026, TODAY)
    assert (plan.minimum, plan.shortfall, plan.minimum_text) == (None, 0, "ketentuan PPPK")
    reminder = _development_titles(services, date(2026, 10, 1))
    assert reminder["Belum mencapai 20 JP tahun ini: 3 pegawai"] == (
        "Agus Salim, Dewi Lestari, Rina Wati"
    )
    service = DevelopmentOverviewService(services.database, AccessGuard.system(services.database))
    overview = service.unit(2026, TODAY)
    line = next(line for line in overview.people if line.person.id == putri)
    assert line.plan.shortfall == 0
    target = service.export_xlsx(overview, tmp_path / "rencana.xlsx", today=TODAY)
    workbook = load_workbook(target, read_only=True)
    try:  # a read-only workbook holds its file open until closed
        rows = list(workbook["Rekap Pegawai"].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = list(rows[0])
    putri_row = next(row for row in rows if row[header.index("Nama")] == "Putri Ayu")
    assert putri_row[header.index("Minimum JP")] == "ketentuan PPPK"
    assert putri_row[header.index("Kekurangan JP")] in ("", None)
