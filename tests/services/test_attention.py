"""The home page's attention items."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import ActingKind, EmploymentEventKind, StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.attention import Severity
from kinerja_desktop.services.staff_service import StaffInput

TODAY = date(2026, 11, 28)


def _add(services: AppServices, unit: int, nip: str, name: str, penilai: int | None) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", "Pelaksana")
    return services.staff.create(StaffInput(fields, unit, penilai, date(2020, 1, 2))).id


def _titles(services: AppServices) -> list[str]:
    return [item.title for item in services.attention.items(TODAY)]


def test_an_empty_office_only_asks_for_the_year(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    assert _titles(services) == ["Tahun penilaian 2026 untuk Pemkot belum diatur"]
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    assert _titles(services) == []


def test_people_without_penilai_are_flagged_but_not_the_head(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    _add(services, root.id, "198103042006042011", "Siti", head)
    lone = _add(services, root.id, "198906152014031001", "Rizky", None)
    (item,) = services.attention.items(TODAY)
    assert item.severity is Severity.PENTING
    assert item.title == "1 pegawai belum punya Pejabat Penilai"
    assert item.employee_ids == (lone,)


def test_staff_of_a_retired_penilai_and_ending_plt(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    kasi = _add(services, root.id, "198103042006042011", "Kasi", head)
    staf = _add(services, root.id, "198906152014031001", "Staf", kasi)
    services.staff.add_acting(
        kind=ActingKind.PLT,
        acting_employee_id=head,
        for_employee_id=kasi,
        start=date(2026, 11, 1),
        end=date(2026, 12, 5),
    )
    services.staff.end_service(kasi, EmploymentEventKind.PENSIUN, date(2026, 11, 1))
    items = services.attention.items(TODAY)
    assert [item.severity for item in items] == [Severity.PENTING, Severity.INFO]
    assert items[0].employee_ids == (staf,)
    assert items[1].title == "Plt. Kepala berakhir 5 Desember 2026"
