"""A small office for the daily progress tests (services and UI), written through the services.

Kecamatan Kertapati with its Seksi Pelayanan: Ahmad Fauzi (camat) appraises Siti Rahmawati,
who appraises Rizky Pratama and Dewi Lestari (in the seksi). Rizky and Dewi each have a 2026 SKP
with two RHK. Today is Wednesday 18 March 2026; Nyepi is on Thursday 19 March.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.domain.access import Principal, Role
from kinerja_desktop.domain.progress import EntryInput
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 3, 18)

PEOPLE = (
    # nip, name, status, golongan, jabatan, kind, penilai, in the seksi
    ("197805122003121002", "Ahmad Fauzi", "PNS", "IV/a", "Camat", "Administrator", None, False),
    ("198103042006042011", "Siti Rahmawati", "PNS", "III/d", "Kepala Seksi", "Pengawas", 0, True),
    (
        "198906152014031001",
        "Rizky Pratama",
        "PNS",
        "III/b",
        "Pranata Komputer",
        "Fungsional",
        1,
        True,
    ),
    ("199202282019032014", "Dewi Lestari", "PNS", "II/d", "Pengadministrasi", "Pelaksana", 1, True),
)


@dataclass(frozen=True)
class Office:
    services: AppServices
    unit: int
    seksi: int
    ahmad: int
    siti: int
    rizky: int
    dewi: int
    #: The RHK ids of Rizky's and Dewi's SKP 2026.
    rizky_rhks: tuple[int, int]
    dewi_rhks: tuple[int, int]

    def sign_in(self, who: int | None, role: Role = Role.PENILAI) -> None:
        """Act as the person ``who`` (None: the admin) from now on."""
        self.services.access.sign_in(
            Principal(f"user{who or 0}", "Pengguna", role, employee_id=who)
        )


def add_skp(services: AppServices, employee_id: int) -> tuple[int, int]:
    """A 2026 SKP draft with two RHK for the person; returns the RHK ids."""
    created = services.skp.create(employee_id, 2026, Pendekatan.KUANTITATIF)
    rhks = tuple(
        RhkDraft(
            text=text,
            kind=RhkKind.UTAMA,
            indicators=(
                IkiDraft(
                    indicator=f"{unit} selesai", target="100", unit=unit, aspek=Aspek.KUANTITAS
                ),
            ),
            parent_text="Sasaran kecamatan",
        )
        for text, unit in (
            ("Terlayaninya administrasi kependudukan", "berkas"),
            ("Tersusunnya laporan bulanan", "laporan"),
        )
    )
    saved = services.skp.save(created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, rhks))
    first, second = saved.rhks
    return first.id, second.id


def build_office(services: AppServices) -> Office:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    seksi = services.staff.add_unit("Seksi Pelayanan", unit.id)
    ids: list[int] = []
    for nip, name, status, golongan, jabatan, kind, penilai, in_seksi in PEOPLE:
        person = services.staff.create(
            StaffInput(
                fields=StaffFields(nip, name, status, golongan, jabatan, kind),
                unit_id=seksi.id if in_seksi else unit.id,
                penilai_id=ids[penilai] if penilai is not None else None,
                effective_date=date(2020, 1, 2),
            )
        )
        ids.append(person.id)
    return Office(
        services,
        unit.id,
        seksi.id,
        *ids,
        rizky_rhks=add_skp(services, ids[2]),
        dewi_rhks=add_skp(services, ids[3]),
    )


def entry(
    rhk_id: int, day: date, start: str = "08.00", end: str = "10.00", **more: str
) -> EntryInput:
    """A good entry; ``more`` replaces any typed text."""
    fields = {
        "activity": "Memverifikasi berkas KTP",
        "realisation": "12",
        "unit": "berkas",
        "data_source": "SIAK",
        "evidence_link": "",
    }
    fields.update(more)
    return EntryInput(rhk_id=rhk_id, day=day, start=start, end=end, **fields)


@pytest.fixture
def progress_office(db_path: Path) -> Iterator[Office]:
    """The office above in a fresh file, with today fixed at ``TODAY``."""
    services = open_services(db_path, today=lambda: TODAY)
    try:
        yield build_office(services)
    finally:
        services.close()
