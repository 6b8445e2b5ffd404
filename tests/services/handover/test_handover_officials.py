"""Officials outside the register travel in hand-over packages with the people who chose them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import content_of, resigned

from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.domain.officials import ExternalOfficial, OfficialFields, OfficialKind
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import PackageRefusedError
from kinerja_desktop.services.platform.health import check_database
from kinerja_desktop.services.staff.service import StaffInput

SEKDA = OfficialFields(
    "197001011995031001", "Ratu Dewa", "IV/d", "Sekretaris Daerah", "Pemerintah Kota", "Drs."
)
UNUSED = OfficialFields(
    "197205052000031002", "Fauziah", "IV/c", "Kepala Dinas Kesehatan", "Dinas Kesehatan", "dr."
)


def _choose_for_the_camat(services: AppServices) -> ExternalOfficial:
    """The demo's camat gets the sekda as penilai; one more official nobody chose."""
    sekda = services.officials.add(SEKDA)
    services.officials.add(UNUSED)
    with sqlite3.connect(services.database_path) as raw:
        (camat_id,) = raw.execute(
            "SELECT id FROM employees WHERE jabatan LIKE 'Camat%' ORDER BY id LIMIT 1"
        ).fetchone()
    camat = services.staff.get(camat_id)
    services.staff.update(
        camat.id,
        camat.version,
        StaffInput(
            StaffFields(
                camat.nip,
                camat.name,
                camat.status.value,
                camat.golongan,
                camat.jabatan,
                camat.jabatan_kind.value,
                camat.gelar_depan,
                camat.gelar_belakang,
            ),
            camat.unit_id,
            None,
            penilai_official_id=sekda.id,
        ),
    )
    return sekda


def _chosen(services: AppServices) -> list[tuple[Any, ...]]:
    with sqlite3.connect(services.database_path) as raw:
        return raw.execute(
            "SELECT e.nip, o.nip, o.name FROM employees e "
            "JOIN external_officials o ON o.id = e.penilai_official_id ORDER BY e.nip"
        ).fetchall()


def test_the_whole_office_carries_every_official_and_the_choices(
    source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    before = content_of(source)
    _choose_for_the_camat(source)
    after = content_of(source)
    # Only the camat's record changed: everyone else keeps the digest an older package had.
    changed = {key for key in before if before[key] != after.get(key)}
    assert [kind for kind, _ in changed] == ["employee"]
    package = tmp_path / "paket.zip"
    source.handover.export(package)

    target.handover.apply(package)

    assert content_of(target) == content_of(source)
    # The demo's own three (the heads' appraisers), the camat's new one and the one nobody chose.
    names = {o.name for o in target.officials.officials()}
    assert names == {
        "Hendra Kurniawan",
        "Lestari Wulandari",
        "Yudha Pratama",
        "Ratu Dewa",
        "Fauziah",
    }
    assert _chosen(target) == _chosen(source) != []
    target.close()
    report = check_database(target.database_path)
    assert report.healthy, report.lines


def test_a_unit_package_carries_the_official_its_people_refer_to(
    source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    _choose_for_the_camat(source)
    package = tmp_path / "seksi.zip"
    unit = source.handover.find_unit("Seksi Pemerintahan")
    source.handover.export(package, unit=unit, year=2026)

    target.handover.apply(package)

    # The camat comes as the penilai above the seksi, and his penilai with him; not the
    # others (the kepala puskesmas's, the one nobody chose).
    assert [o.name for o in target.officials.officials()] == ["Ratu Dewa"]
    assert _chosen(target) == [row for row in _chosen(source) if row[2] == "Ratu Dewa"] != []


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        (Kind.EXTERNAL_OFFICIAL, {"nip": "123"}, "kolom nip"),
        (Kind.EXTERNAL_OFFICIAL, {"name": "=HYPERLINK()"}, "rumus spreadsheet"),
        (Kind.EXTERNAL_OFFICIAL, {"status": "PPPK"}, "kolom status"),
        (Kind.EMPLOYEE, {"penilai_official": "12"}, "kolom penilai_official"),
        (Kind.EMPLOYEE, {"penilai": "197805122003121002"}, "sekaligus"),
    ],
)
def test_a_package_with_a_wrong_official_is_refused_whole(
    source: AppServices,
    target: AppServices,
    tmp_path: Path,
    kind: Kind,
    change: dict[str, str],
    message: str,
) -> None:
    _choose_for_the_camat(source)
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    bad = resigned(
        package,
        tmp_path,
        kind,
        lambda content: content.update(change),
        where=lambda content: kind is not Kind.EMPLOYEE or "penilai_official" in content,
    )

    with pytest.raises(PackageRefusedError, match=message):
        target.handover.preview(bad)
    assert target.officials.officials() == []


WALI_KOTA = OfficialFields(
    "",
    "Rahmat Hidayat",
    "",
    "Wali Kota Palembang",
    "Pemerintah Kota Palembang",
    "H.",
    "",
    "PEJABAT_NEGARA",
)


def _wali_kota_as_the_camat_s_atasan(services: AppServices) -> ExternalOfficial:
    sekda = _choose_for_the_camat(services)
    wali_kota = services.officials.add(WALI_KOTA)
    with sqlite3.connect(services.database_path) as raw:
        raw.execute(
            "UPDATE employees SET atasan_official_id = ? WHERE penilai_official_id = ?",
            (wali_kota.id, sekda.id),
        )
    return wali_kota


def test_a_wali_kota_without_nip_travels_with_the_camat_who_chose_them(
    source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    before = content_of(source)
    _wali_kota_as_the_camat_s_atasan(source)
    after = content_of(source)
    # The officials recorded before keep their digests: "kind" is carried only when set.
    assert all(
        after[key] == value for key, value in before.items() if key[0] == "external_official"
    )
    wali_kota_key = (
        "external_official",
        '["Rahmat Hidayat","Wali Kota Palembang","Pemerintah Kota Palembang"]',
    )
    assert wali_kota_key in after
    package = tmp_path / "paket.zip"
    source.handover.export(package, unit=source.handover.find_unit("Seksi Pemerintahan"), year=2026)

    target.handover.apply(package)

    (carried,) = [o for o in target.officials.officials() if o.nip is None]
    assert (carried.kind, carried.full_name, carried.golongan) == (
        OfficialKind.PEJABAT_NEGARA,
        "H. Rahmat Hidayat",
        None,
    )
    with sqlite3.connect(target.database_path) as raw:
        chosen = raw.execute(
            "SELECT o.name FROM employees e "
            "JOIN external_officials o ON o.id = e.atasan_official_id"
        ).fetchall()
    assert chosen == [("Rahmat Hidayat",)]
    # The same record on both sides: known by name, jabatan and instansi, with the same digest.
    assert content_of(target)[wali_kota_key] == after[wali_kota_key]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"nip": "197001011995031001"}, "kolom nip"),
        ({"golongan": "IV/e"}, "kolom golongan"),
        ({"status": "PNS"}, "kolom status"),
        ({"kind": "RAJA"}, "kolom kind"),
    ],
)
def test_a_package_with_a_wrong_pejabat_negara_is_refused_whole(
    source: AppServices,
    target: AppServices,
    tmp_path: Path,
    change: dict[str, str],
    message: str,
) -> None:
    _wali_kota_as_the_camat_s_atasan(source)
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    bad = resigned(
        package,
        tmp_path,
        Kind.EXTERNAL_OFFICIAL,
        lambda content: content.update(change),
        where=lambda content: content.get("kind") == "PEJABAT_NEGARA",
    )

    with pytest.raises(PackageRefusedError, match=message):
        target.handover.preview(bad)
    assert target.officials.officials() == []
