"""Officials outside the register: kept, checked, chosen as penilai or atasan, never lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.domain.access import AccessDeniedError, Principal, Role
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import StaleEditError, ValidationError, ValidationErrors
from kinerja_desktop.domain.officials import OfficialFields, OfficialKind
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.staff import ActingKind, StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput

DAY = date(2026, 5, 4)
SEKDA = OfficialFields(
    nip="19700101 199503 1 001",
    name="Ratu Dewa",
    golongan="IV/d",
    jabatan="Sekretaris Daerah",
    instansi="Pemerintah Kota Palembang",
    gelar_depan="Drs. H.",
    gelar_belakang="M.Si.",
)
KADIS = OfficialFields(
    nip="197205052000031002",
    name="Fauziah",
    golongan="IV/c",
    jabatan="Kepala Dinas Kesehatan",
    instansi="Dinas Kesehatan Kota Palembang",
    gelar_depan="dr.",
)


@pytest.fixture
def unit_id(services: AppServices) -> int:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    return services.staff.add_unit("Kecamatan Kertapati", root.id).id


def _input(
    unit_id: int,
    nip: str,
    name: str,
    jabatan: str = "Analis",
    *,
    penilai_id: int | None = None,
    penilai_official_id: int | None = None,
    atasan_official_id: int | None = None,
) -> StaffInput:
    return StaffInput(
        StaffFields(nip, name, "PNS", "III/a", jabatan, "Pelaksana"),
        unit_id,
        penilai_id,
        penilai_official_id=penilai_official_id,
        atasan_official_id=atasan_official_id,
    )


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"nip": "123"}, {"nip"}),
        ({"name": " ", "jabatan": "", "instansi": ""}, {"name", "jabatan", "instansi"}),
        # A PPPK NIP (digit 13 is 2) with a PNS golongan: the NIP decides the status.
        ({"nip": "198501012021211001", "golongan": "III/c"}, {"golongan"}),
        ({"golongan": "Z"}, {"golongan"}),
        ({"gelar_depan": "x" * 61}, {"gelar_depan"}),
    ],
)
def test_every_wrong_field_is_named_and_nothing_is_saved(
    services: AppServices, change: dict[str, str], fields: set[str]
) -> None:
    with pytest.raises(ValidationErrors) as caught:
        services.officials.add(replace(SEKDA, **change))
    assert set(caught.value.by_field()) == fields
    assert all(message for message in caught.value.by_field().values())
    assert services.officials.officials() == []


def test_an_official_is_kept_as_typed_with_the_status_the_nip_shows(
    services: AppServices,
) -> None:
    added = services.officials.add(SEKDA)
    pppk = services.officials.add(replace(KADIS, nip="198501012021211001", golongan="ix"))
    assert (added.nip, added.full_name, added.golongan, added.status) == (
        "197001011995031001",
        "Drs. H. Ratu Dewa, M.Si.",
        "IV/d",
        EmploymentStatus.PNS,
    )
    assert (pppk.status, pppk.golongan) == (EmploymentStatus.PPPK, "IX")
    assert added.label.endswith("(luar kantor)")
    assert [o.name for o in services.officials.officials()] == ["Fauziah", "Ratu Dewa"]


def test_a_nip_is_recorded_once_and_not_for_someone_in_the_register(
    services: AppServices, unit_id: int
) -> None:
    services.officials.add(SEKDA)
    with pytest.raises(ValidationErrors, match=r"sudah dicatat untuk Drs\. H\. Ratu Dewa"):
        services.officials.add(replace(KADIS, nip=SEKDA.nip))
    services.staff.create(_input(unit_id, "198001012005011001", "Camat Satu"))
    with pytest.raises(ValidationErrors, match="pegawai di daftar kantor ini"):
        services.officials.add(replace(KADIS, nip="198001012005011001"))


def test_a_correction_needs_the_version_it_was_read_at(services: AppServices) -> None:
    added = services.officials.add(SEKDA)
    updated = services.officials.update(added.id, added.version, replace(SEKDA, golongan="IV/e"))
    assert updated.golongan == "IV/e"
    with pytest.raises(StaleEditError):
        services.officials.update(added.id, added.version, SEKDA)
    assert services.officials.get(added.id).golongan == "IV/e"


def test_the_chosen_penilai_and_the_atasan_above_come_from_outside(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    kadis = services.officials.add(KADIS)
    camat = services.staff.create(
        _input(unit_id, "198001012005011001", "Camat", "Camat", penilai_official_id=sekda.id)
    )
    kasi = services.staff.create(
        _input(unit_id, "198502022010011002", "Kasi", "Kepala Seksi", penilai_id=camat.id)
    )
    staf = services.staff.create(
        _input(
            unit_id,
            "199003032015031003",
            "Staf",
            penilai_official_id=sekda.id,
            atasan_official_id=kadis.id,
        )
    )

    of_camat = services.staff.appraisers(camat.id, DAY)
    assert (of_camat.penilai, of_camat.penilai_official) == (None, sekda)
    assert (of_camat.atasan_penilai, of_camat.atasan_official) == (None, None)
    # The kasi's atasan is the camat's penilai: outside the register.
    of_kasi = services.staff.appraisers(kasi.id, DAY)
    assert of_kasi.penilai == camat
    assert (of_kasi.atasan_penilai, of_kasi.atasan_official) == (None, sekda)
    of_staf = services.staff.appraisers(staf.id, DAY)
    assert (of_staf.penilai_official, of_staf.atasan_official) == (sekda, kadis)


def test_a_penilai_is_of_one_kind_and_must_exist(services: AppServices, unit_id: int) -> None:
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(_input(unit_id, "198001012005011001", "Camat"))
    with pytest.raises(ValidationErrors) as caught:
        services.staff.create(
            _input(
                unit_id,
                "198502022010011002",
                "Kasi",
                penilai_id=camat.id,
                penilai_official_id=sekda.id,
                atasan_official_id=sekda.id + 99,
            )
        )
    assert set(caught.value.by_field()) == {"penilai", "atasan"}
    assert "tidak keduanya" in caught.value.by_field()["penilai"]
    with pytest.raises(ValidationErrors, match="tidak keduanya"):
        services.staff.update(
            camat.id,
            camat.version,
            _input(unit_id, camat.nip, "Camat", penilai_id=camat.id, penilai_official_id=sekda.id),
        )
    assert services.staff.count() == 1
    assert services.staff.appraisers(camat.id, DAY).penilai_official is None


def test_deleting_an_official_someone_still_chose_is_refused_naming_them(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(
        _input(unit_id, "198001012005011001", "Camat", penilai_official_id=sekda.id)
    )
    services.staff.create(
        _input(unit_id, "198502022010011002", "Lurah", atasan_official_id=sekda.id)
    )
    with pytest.raises(ValidationError) as caught:
        services.officials.delete(sekda.id)
    message = caught.value.message
    assert "Camat (NIP 198001012005011001) sebagai Pejabat Penilai" in message
    assert "Lurah (NIP 198502022010011002) sebagai Atasan Pejabat Penilai" in message
    assert services.officials.officials() == [sekda]

    camat = services.staff.get(camat.id)
    services.staff.update(camat.id, camat.version, _input(unit_id, camat.nip, "Camat"))
    lurah = services.staff.find_by_nip("198502022010011002")
    assert lurah is not None
    services.staff.update(lurah.id, lurah.version, _input(unit_id, lurah.nip, "Lurah"))
    services.officials.delete(sekda.id)
    assert services.officials.officials() == []


def test_writes_report_the_staff_topic(services: AppServices) -> None:
    heard: list[frozenset[Topic]] = []
    services.database.subscribe(heard.append)
    added = services.officials.add(SEKDA)
    services.officials.update(added.id, added.version, replace(SEKDA, golongan="IV/e"))
    services.officials.delete(added.id)
    assert heard == [frozenset({Topic.STAFF})] * 3


def test_only_admin_or_a_kepala_unit_keeps_the_list(services: AppServices) -> None:
    services.access.sign_in(Principal("penilai", "Penilai", Role.PENILAI))
    with pytest.raises(AccessDeniedError, match="admin atau kepala unit"):
        services.officials.add(SEKDA)
    services.access.sign_out()
    assert services.officials.officials() == []


def test_a_plt_for_the_penilai_keeps_the_atasan_outside(
    services: AppServices, unit_id: int
) -> None:
    """A Plt standing in for the camat appraises the kasi; the sekda stays the atasan."""
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(
        _input(unit_id, "198001012005011001", "Camat", "Camat", penilai_official_id=sekda.id)
    )
    sekcam = services.staff.create(
        _input(unit_id, "198103032006041002", "Sekcam", "Sekretaris Kecamatan")
    )
    kasi = services.staff.create(_input(unit_id, "198502022010011002", "Kasi", penilai_id=camat.id))
    services.staff.add_acting(
        kind=ActingKind.PLT,
        acting_employee_id=sekcam.id,
        for_employee_id=camat.id,
        start=date(2026, 5, 1),
        end=date(2026, 5, 31),
    )
    of_kasi = services.staff.appraisers(kasi.id, DAY)
    assert of_kasi.penilai == services.staff.get(sekcam.id)
    assert of_kasi.atasan_official == sekda


def test_a_staff_list_naming_a_register_penilai_replaces_the_outside_one(
    services: AppServices, sample_csv: Path
) -> None:
    services.importer.apply(sample_csv, skip_invalid=False)
    sekda = services.officials.add(SEKDA)
    siti = services.staff.find_by_nip("198103042006042011")
    assert siti is not None
    services.staff.update(
        siti.id,
        siti.version,
        StaffInput(
            StaffFields(siti.nip, siti.name, "PNS", siti.golongan, siti.jabatan, "Pengawas"),
            siti.unit_id,
            None,
            penilai_official_id=sekda.id,
        ),
    )

    # The file still names the camat as her penilai: the import takes it, whole.
    services.importer.apply(sample_csv, skip_invalid=False)

    appraisers = services.staff.appraisers(siti.id, DAY)
    assert appraisers.penilai is not None and appraisers.penilai.nip == "197805122003121002"
    assert appraisers.penilai_official is None


def test_a_penilai_can_change_between_outside_and_register(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(_input(unit_id, "198001012005011001", "Camat"))
    kasi = services.staff.create(
        _input(unit_id, "198502022010011002", "Kasi", penilai_official_id=sekda.id)
    )
    kasi = services.staff.update(
        kasi.id, kasi.version, _input(unit_id, kasi.nip, "Kasi", penilai_id=camat.id)
    )
    assert services.staff.appraisers(kasi.id, DAY).penilai == camat
    services.staff.update(
        kasi.id, kasi.version, _input(unit_id, kasi.nip, "Kasi", penilai_official_id=sekda.id)
    )
    appraisers = services.staff.appraisers(kasi.id, DAY)
    assert (appraisers.penilai, appraisers.penilai_official) == (None, sekda)


def test_someone_appraised_from_outside_is_not_flagged_without_penilai(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    services.staff.create(_input(unit_id, "198001012005011001", "Lone"))
    outside = services.staff.create(
        _input(unit_id, "198502022010011002", "Kepala", penilai_official_id=sekda.id)
    )
    (item,) = [item for item in services.attention.items(DAY) if "Pejabat Penilai" in item.title]
    assert item.title == "1 pegawai belum punya Pejabat Penilai"
    assert outside.id not in item.employee_ids


def test_an_objection_goes_to_the_atasan_outside_the_register(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(
        _input(unit_id, "198001012005011001", "Camat", penilai_official_id=sekda.id)
    )
    kasi = services.staff.create(_input(unit_id, "198502022010011002", "Kasi", penilai_id=camat.id))
    skp = services.skp.create(kasi.id, 2026, Pendekatan.KUANTITATIF)

    view = services.dialogue.view(skp.id, "TW1", DAY)

    assert view.atasan_penilai is None
    assert view.atasan_name == sekda.label


def test_the_staff_list_names_a_penilai_outside_the_register(
    services: AppServices, unit_id: int
) -> None:
    sekda = services.officials.add(SEKDA)
    camat = services.staff.create(
        _input(unit_id, "198001012005011001", "Camat", penilai_official_id=sekda.id)
    )
    kasi = services.staff.create(_input(unit_id, "198502022010011002", "Kasi", penilai_id=camat.id))
    rows = {row.id: row.penilai_name for row in services.staff.list_rows([camat.id, kasi.id])}
    assert rows == {camat.id: "Ratu Dewa (luar kantor)", kasi.id: "Camat"}


WALI_KOTA = OfficialFields(
    nip="",
    name="Rahmat Hidayat",
    golongan="",
    jabatan="Wali Kota Palembang",
    instansi="Pemerintah Kota Palembang",
    gelar_depan="H.",
    kind="PEJABAT_NEGARA",
)


def test_a_wali_kota_is_kept_without_nip_and_is_the_camat_s_atasan(
    services: AppServices, unit_id: int
) -> None:
    wali_kota = services.officials.add(WALI_KOTA)
    sekda = services.officials.add(SEKDA)
    assert (wali_kota.kind, wali_kota.nip, wali_kota.status, wali_kota.golongan) == (
        OfficialKind.PEJABAT_NEGARA,
        None,
        None,
        None,
    )
    camat = services.staff.create(
        _input(
            unit_id,
            "198001012005011001",
            "Camat",
            "Camat",
            penilai_official_id=sekda.id,
            atasan_official_id=wali_kota.id,
        )
    )
    of_camat = services.staff.appraisers(camat.id, DAY)
    assert (of_camat.penilai_official, of_camat.atasan_official) == (sekda, wali_kota)
    # Corrected into an ASN it needs a NIP again, and nothing changes.
    with pytest.raises(ValidationErrors) as caught:
        services.officials.update(wali_kota.id, wali_kota.version, replace(WALI_KOTA, kind="ASN"))
    assert set(caught.value.by_field()) == {"nip"}
    assert services.officials.get(wali_kota.id) == wali_kota


def test_two_pejabat_negara_without_nip_are_told_apart_by_name_jabatan_and_instansi(
    services: AppServices,
) -> None:
    first = services.officials.add(WALI_KOTA)
    with pytest.raises(ValidationErrors) as caught:
        services.officials.add(WALI_KOTA)
    assert caught.value.by_field() == {
        "name": "H. Rahmat Hidayat, Wali Kota Palembang (Pemerintah Kota Palembang) sudah "
        "dicatat sebagai pejabat negara."
    }
    # Another wali kota (the next one) and a wakil with the same name are different people.
    services.officials.add(replace(WALI_KOTA, name="Dewi Anggraini"))
    services.officials.add(replace(WALI_KOTA, jabatan="Wakil Wali Kota Palembang"))
    # Correcting one keeps it the same record: no clash with itself.
    services.officials.update(first.id, first.version, replace(WALI_KOTA, gelar_depan="Dr. H."))
    assert len(services.officials.officials()) == 3
