"""A small office for widget tests, written through the real services."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput

PEOPLE = [
    # nip, name, status, golongan, jabatan, kind, penilai index
    ("197805122003121002", "Ahmad Fauzi", "PNS", "IV/a", "Camat Kertapati", "Administrator", None),
    ("198103042006042011", "Siti Rahmawati", "PNS", "III/d", "Sekretaris Kecamatan", "Pengawas", 0),
    (
        "198906152014031001",
        "Rizky Pratama",
        "PNS",
        "III/b",
        "Pranata Komputer Ahli Pertama",
        "Fungsional",
        1,
    ),
    (
        "199202282019032014",
        "Dewi Lestari",
        "PNS",
        "II/d",
        "Pengadministrasi Perkantoran",
        "Pelaksana",
        1,
    ),
    (
        "199507092022211005",
        "Muhammad Iqbal",
        "PPPK",
        "V",
        "Operator Layanan Operasional",
        "Pelaksana",
        1,
    ),
]


@pytest.fixture
def office(services: AppServices) -> AppServices:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    ids: list[int] = []
    for nip, name, status, golongan, jabatan, kind, penilai in PEOPLE:
        person = services.staff.create(
            StaffInput(
                fields=StaffFields(nip, name, status, golongan, jabatan, kind),
                unit_id=unit.id,
                penilai_id=ids[penilai] if penilai is not None else None,
                effective_date=date(2020, 1, 2),
            )
        )
        ids.append(person.id)
    return services
