"""The hub's prefill package: only what a new installation starts from, for an OPD or all."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_prefill import PREFILL_KINDS
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.working_days import DayOffKind
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.handover.package import PackageRefusedError, read_package
from kinerja_desktop.services.hub.prefill import PrefillService, read_prefill
from kinerja_desktop.services.platform.signing import load_or_create_key
from kinerja_desktop.services.platform.startup import create_office

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=7)))
KECAMATAN = ("Pemerintah Kota Palembang", "Kecamatan Kertapati")


@pytest.fixture
def hub(services: AppServices) -> AppServices:
    """The demo office with days off and a scheme in two years (only 2026 is asked for)."""
    write_demo(services.database, today=TODAY)
    services.calendar.set_office_day(date(2026, 12, 24), DayOffKind.CUTI_BERSAMA, "Natal")
    services.calendar.set_office_day(date(2025, 12, 26), DayOffKind.CUTI_BERSAMA, "Natal")
    instansi = next(unit for unit in services.staff.units() if unit.parent_id is None)
    services.staff.set_appraisal_year(instansi.id, 2025, EvaluationScheme.SEMESTER)
    return services


def prefill(services: AppServices, tmp_path: Path) -> PrefillService:
    return PrefillService(services.database, tmp_path / "kunci", services.access)


def unit_paths(services: AppServices) -> dict[int, tuple[str, ...]]:
    units = {unit.id: unit for unit in services.staff.units()}

    def path(unit_id: int) -> tuple[str, ...]:
        unit = units[unit_id]
        return (*(path(unit.parent_id) if unit.parent_id else ()), unit.name)

    return {unit_id: path(unit_id) for unit_id in units}


def records(path: Path) -> dict[Kind, list[dict[str, Any]]]:
    package = read_package(path)
    found: dict[Kind, list[dict[str, Any]]] = {}
    for aggregate in package.aggregates:
        found.setdefault(aggregate.kind, []).append(dict(aggregate.content))
    return found


def test_an_opds_prefill_carries_its_register_and_the_years_settings_only(
    hub: AppServices, tmp_path: Path
) -> None:
    target = tmp_path / "isian-awal.zip"
    written = prefill(hub, tmp_path).export(target, year=2026, unit=KECAMATAN, now=NOW)

    found = records(target)
    assert set(found) <= PREFILL_KINDS
    assert set(found) >= {Kind.UNIT, Kind.EMPLOYEE, Kind.APPRAISAL_YEAR, Kind.ACTING}
    # The kecamatan's own people, and the officials above its head; nobody of the puskesmas.
    paths = unit_paths(hub)
    kecamatan = {
        person.nip
        for person in hub.staff.search_people("", 100)
        if paths[person.unit_id][:2] == KECAMATAN
    }
    # Everyone placed there, those who left included (the register keeps their history).
    carried = {person["nip"] for person in found[Kind.EMPLOYEE] if person["active"]}
    assert carried == kecamatan
    assert all(p["unit"][:2] == list(KECAMATAN) for p in found[Kind.EMPLOYEE])
    assert {tuple(u["path"]) for u in found[Kind.UNIT]} >= {KECAMATAN[:1], KECAMATAN}
    assert not any("Puskesmas Kertapati" in u["path"] for u in found[Kind.UNIT])
    assert {o["name"] for o in found[Kind.EXTERNAL_OFFICIAL]} >= {"Hendra Kurniawan"}
    # The year asked for: its scheme and its days off, not 2025's.
    assert [(y["year"], y["scheme"]) for y in found[Kind.APPRAISAL_YEAR]] == [(2026, "TRIWULAN")]
    assert [d["day"] for d in found[Kind.OFFICE_DAY_OFF]] == ["2026-12-24"]
    assert {tuple(p["unit"]) for p in found[Kind.ORG_PREDIKAT]} == {KECAMATAN}

    manifest = read_package(target).manifest
    assert manifest.purpose == "prefill" and manifest.is_prefill
    assert (manifest.scope_unit, manifest.scope_year) == (KECAMATAN, 2026)
    assert written.summary.office == "Kecamatan Kertapati"
    assert dict(written.summary.counts)[Kind.EMPLOYEE] == len(found[Kind.EMPLOYEE])
    assert any("Paket isian awal ditulis" in line for line in written.summary_lines())


def test_the_whole_offices_prefill_has_everyone_and_nothing_a_unit_writes(
    hub: AppServices, tmp_path: Path
) -> None:
    target = tmp_path / "semua.zip"
    prefill(hub, tmp_path).export(target, year=2026, now=NOW)
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        members = {name for name in archive.namelist() if name.startswith("records/")}
    assert manifest["purpose"] == "prefill"
    assert manifest["scope"] == {"unit": None, "year": 2026}
    assert members == {f"records/{kind.value}.jsonl" for kind in records(target)}
    assert not {name for name in archive.namelist() if name.startswith("evidence/")}
    assert {kind.value for kind in Kind} - {kind.value for kind in PREFILL_KINDS} >= {
        "skp",
        "period",
        "observation",
        "survey",
        "public_feedback",
        "audit_finding",
        "progress_entry",
        "leave_day",
        "development_item",
    }
    assert all(manifest["counts"][kind.value] == 0 for kind in Kind if kind not in PREFILL_KINDS)
    found = records(target)
    assert len(found[Kind.EMPLOYEE]) == hub.staff.count(active_only=False)
    assert len(found[Kind.EXTERNAL_OFFICIAL]) == 3
    summary = read_prefill(target)
    assert summary.office == "Pemerintah Kota Palembang"
    assert "semua unit, tahun 2026" in "\n".join(summary.lines())


def test_unknown_unit_and_year_out_of_range_are_refused(hub: AppServices, tmp_path: Path) -> None:
    service = prefill(hub, tmp_path)
    with pytest.raises(ValidationError, match="tidak ditemukan") as unknown:
        service.export(tmp_path / "x.zip", year=2026, unit=("Pemerintah Kota Palembang", "Dinas"))
    assert unknown.value.field == "unit"
    with pytest.raises(ValidationError, match="2000 dan 2100"):
        service.export(tmp_path / "x.zip", year=1999)
    assert not (tmp_path / "x.zip").exists()


@pytest.fixture(scope="module")
def hub_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo hub on a SQLite file, written once for the import tests."""
    path = tmp_path_factory.mktemp("hub") / "pemda.sqlite"
    opened = open_services(path, today=lambda: TODAY)
    write_demo(opened.database, today=TODAY)
    opened.close()
    return path


@pytest.fixture
def package(hub_file: Path, tmp_path: Path) -> Iterator[Path]:
    opened = open_services(hub_file, create=False, today=lambda: TODAY)
    target = tmp_path / "isian-awal.zip"
    prefill(opened, tmp_path).export(target, year=2026, now=NOW)
    opened.close()
    yield target


def register(services: AppServices) -> dict[str, tuple[Any, ...]]:
    """Per active person's NIP: name, unit path, penilai and atasan (person or official)."""
    paths = unit_paths(services)
    found = {}
    for person in services.staff.search_people("", 1000):
        appraisers = services.staff.appraisers(person.id, TODAY)
        found[person.nip] = (
            person.full_name,
            paths[person.unit_id],
            appraisers.penilai.nip if appraisers.penilai else None,
            appraisers.atasan_penilai.nip if appraisers.atasan_penilai else None,
            appraisers.penilai_official.name if appraisers.penilai_official else None,
            appraisers.atasan_official.name if appraisers.atasan_official else None,
        )
    return found


def test_importing_into_an_empty_office_gives_the_same_register_and_links(
    hub_file: Path, package: Path, services: AppServices, tmp_path: Path
) -> None:
    result = services.handover.apply(package, back_up=False, now=NOW)
    assert result.added > 0 and result.replaced == result.kept == 0
    hub = open_services(hub_file, create=False, today=lambda: TODAY)
    try:
        assert register(services) == register(hub)
        assert len(register(services)) == hub.staff.count()
        assert services.staff.count(active_only=False) == hub.staff.count(active_only=False)
        assert [(a.kind, a.start_date) for a in services.staff.acting_assignments()] == [
            (a.kind, a.start_date) for a in hub.staff.acting_assignments()
        ]
        # The same records: the office's own prefill is the hub's, digest for digest.
        again = tmp_path / "lagi.zip"
        prefill(services, tmp_path).export(again, year=2026, now=NOW)
        ours = {(a.kind, a.key, a.digest) for a in read_package(again).aggregates}
        assert ours == {(a.kind, a.key, a.digest) for a in read_package(package).aggregates}
    finally:
        hub.close()
    unit = next(unit for unit in services.staff.units() if unit.parent_id is not None)
    assert services.staff.scheme_for(unit.id, 2026) is EvaluationScheme.TRIWULAN
    # Nothing a unit writes itself came with it.
    assert services.evaluation.years() == []
    # Importing it again changes nothing: a prefill into an office that has it is a merge.
    preview = services.handover.preview(package)
    assert not preview.plan.new and not preview.plan.conflicts
    assert preview.manifest.purpose_text() == "paket isian awal Pemda"


def test_a_new_office_made_from_a_prefill_is_the_register(package: Path, tmp_path: Path) -> None:
    from kinerja_desktop.services.hub.prefill import start_from_prefill

    path = tmp_path / "kantor-baru" / "kinerja.sqlite"
    result = create_office(path, lambda made: start_from_prefill(made.handover, package))
    assert result.safety_backup is None and result.added > 0
    opened = open_services(path, create=False, today=lambda: TODAY)
    try:
        people = dict(read_prefill(package).counts)[Kind.EMPLOYEE]
        assert opened.staff.count(active_only=False) == people
    finally:
        opened.close()


def test_an_ordinary_package_is_not_taken_for_a_prefill(hub_file: Path, tmp_path: Path) -> None:
    from kinerja_desktop.services.hub.prefill import start_from_prefill

    opened = open_services(hub_file, create=False, today=lambda: TODAY)
    ordinary = tmp_path / "serah-terima.zip"
    opened.handover.export(ordinary, unit=KECAMATAN, year=2026, now=NOW)
    opened.close()
    assert read_package(ordinary).manifest.purpose is None
    with pytest.raises(PackageRefusedError, match="bukan paket isian awal"):
        read_prefill(ordinary)
    path = tmp_path / "baru" / "kinerja.sqlite"
    with pytest.raises(PackageRefusedError, match="bukan paket isian awal"):
        create_office(path, lambda made: start_from_prefill(made.handover, ordinary))
    assert not path.exists()


def _rewritten(source: Path, target: Path, **fields: Any) -> None:
    """``source`` with its manifest's ``fields`` changed, signed again with a fresh key."""
    from kinerja_desktop.services.handover.package import write_package

    package = read_package(source)
    with zipfile.ZipFile(source) as archive:
        header = json.loads(archive.read("manifest.json"))
    for name in ("format", "format_version", "public_key", "key_fingerprint", "members"):
        header.pop(name)
    header.pop("missing_evidence")
    write_package(
        target,
        header=header | fields,
        aggregates=package.aggregates,
        evidence_folder=target.parent,
        key=load_or_create_key(target.parent / "kunci-lain"),
    )


def test_a_purpose_this_app_does_not_know_is_refused(package: Path, tmp_path: Path) -> None:
    later = tmp_path / "lain.zip"
    _rewritten(package, later, purpose="arsip")
    with pytest.raises(PackageRefusedError, match="Perbarui aplikasi ini dulu"):
        read_package(later)


def test_a_prefill_that_carries_an_skp_is_refused(hub_file: Path, tmp_path: Path) -> None:
    opened = open_services(hub_file, create=False, today=lambda: TODAY)
    ordinary = tmp_path / "serah-terima.zip"
    opened.handover.export(ordinary, unit=KECAMATAN, year=2026, now=NOW)
    opened.close()
    posing = tmp_path / "menyamar.zip"
    _rewritten(ordinary, posing, purpose="prefill")
    with pytest.raises(PackageRefusedError, match="tidak termasuk isian awal"):
        read_package(posing)
