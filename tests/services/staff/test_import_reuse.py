"""Apply after a preview: the file's own checks are kept, the database's always run again."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.tabular import Table
from kinerja_desktop.services.staff.importing import ImportAction, StaffImportService
from kinerja_desktop.services.staff.importing import service as import_service
from kinerja_desktop.services.staff.importing.parsing import ParsedFile
from kinerja_desktop.services.staff.service import StaffInput

SAMPLE = Path(__file__).parents[2] / "samples" / "pegawai-contoh.csv"
SITI = "198103042006042011"  # line 3 of the sample, golongan III/d
NEW_NIP = "199104202015031002"  # not in the sample


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def changed_list(path: Path) -> Path:
    """The sample with one update (Siti's golongan) and one new person."""
    rows = sample_rows()
    rows[1]["Golongan"] = "IV/a"
    rows.append({**rows[1], "NIP": NEW_NIP, "Nama": "Fajar Nugroho", "NIP Penilai": SITI})
    return write_rows(path, rows)


def importer_of(services: AppServices) -> StaffImportService:
    return StaffImportService(services.database, AccessGuard.system(services.database))


def register(services: AppServices) -> dict[str, tuple[object, ...]]:
    """Each person by NIP: what the import writes, with the unit and penilai by name."""
    with services.database.reading() as session:
        people = repo.all_employees(session)
        units = {unit.id: unit.name for unit in repo.all_units(session)}
    names = {person.id: person.name for person in people}
    return {
        person.nip: (
            person.name,
            person.golongan,
            person.jabatan,
            units[person.unit_id],
            names.get(person.penilai_id) if person.penilai_id else None,
            person.version,
        )
        for person in people
    }


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of each file whose rows were checked on their own (`parse_file`)."""
    seen: list[str] = []
    parse = import_service.parse_file

    def counted(table: Table) -> ParsedFile:
        seen.append(table.name)
        return parse(table)

    monkeypatch.setattr(import_service, "parse_file", counted)
    return seen


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppServices]:
    """A second office, to compare an apply after a preview with one without."""
    opened = open_services(tmp_path / "fresh.sqlite")
    yield opened
    opened.close()


def test_an_unchanged_file_is_applied_as_a_fresh_apply_would(
    services: AppServices, fresh: AppServices, tmp_path: Path, parses: list[str]
) -> None:
    for office in (services, fresh):
        importer_of(office).apply(SAMPLE, skip_invalid=False)
    path = changed_list(tmp_path / "pegawai.csv")
    importer = importer_of(services)
    parses.clear()

    preview = importer.preview(path)
    kept = importer.apply(path, skip_invalid=False)
    assert parses == ["pegawai.csv"]  # the apply used the preview's checks of the rows

    again = importer_of(fresh).apply(path, skip_invalid=False)
    assert parses == ["pegawai.csv", "pegawai.csv"]
    assert kept == again
    assert (kept.created, kept.updated, kept.unchanged) == (1, 1, 10)
    assert preview.count(ImportAction.NEW) == 1
    assert register(services) == register(fresh)
    assert register(services)[NEW_NIP][4] == "Siti Rahmawati"


def test_a_file_changed_after_the_preview_is_checked_again(
    services: AppServices, tmp_path: Path, parses: list[str]
) -> None:
    importer = importer_of(services)
    importer.apply(SAMPLE, skip_invalid=False)
    path = changed_list(tmp_path / "pegawai.csv")
    importer.preview(path)
    status = path.stat()
    # Same size and the same modification time: only the bytes tell the files apart.
    path.write_bytes(path.read_bytes().replace(b"IV/a", b"IV/b"))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size
    parses.clear()

    result = importer.apply(path, skip_invalid=False)

    assert parses == ["pegawai.csv"]
    changes = {person.nip: person.changes for person in result.updates}
    assert changes[SITI] == ("Golongan: III/d → IV/b",)
    others = {change for nip, found in changes.items() if nip != SITI for change in found}
    assert others == {"Golongan: IV/a → IV/b"}  # the sample's IV/a, changed by the same edit
    assert register(services)[SITI][1] == "IV/b"


def test_a_file_made_invalid_after_the_preview_is_refused(
    services: AppServices, tmp_path: Path
) -> None:
    importer = importer_of(services)
    path = changed_list(tmp_path / "pegawai.csv")
    assert importer.preview(path).importable(skip_invalid=False)
    path.write_bytes(path.read_bytes().replace(b"IV/a", b"IV/z"))

    with pytest.raises(ValidationError) as refused:
        importer.apply(path, skip_invalid=False)

    assert "Baris 3, kolom 'Golongan'" in refused.value.message
    assert register(services) == {}


def test_a_person_added_after_the_preview_is_updated_not_added_twice(
    services: AppServices, tmp_path: Path, parses: list[str]
) -> None:
    importer = importer_of(services)
    importer.apply(SAMPLE, skip_invalid=False)
    path = changed_list(tmp_path / "pegawai.csv")
    preview = importer.preview(path)
    assert [row.action for row in preview.rows if row.nip == NEW_NIP] == [ImportAction.NEW]
    # Meanwhile someone types the new person in by hand, with another golongan.
    unit = services.staff.add_unit("Dinas Kesehatan", None)
    services.staff.create(
        StaffInput(
            StaffFields(
                nip=NEW_NIP,
                name="Fajar Nugroho",
                status="PNS",
                golongan="III/a",
                jabatan="Kepala Seksi Pelayanan",
                jabatan_kind="PENGAWAS",
            ),
            unit_id=unit.id,
            penilai_id=None,
        )
    )
    parses.clear()

    result = importer.apply(path, skip_invalid=False)

    assert parses == []
    assert (result.created, result.updated) == (0, 2)
    fajar = next(person for person in result.updates if person.nip == NEW_NIP)
    assert "Golongan: III/a → IV/a" in fajar.changes
    assert register(services)[NEW_NIP][1:5] == (
        "IV/a",
        sample_rows()[1]["Jabatan"],
        sample_rows()[1]["Unit Kerja"].split(">")[-1].strip(),
        "Siti Rahmawati",
    )


def test_a_penilai_loop_made_after_the_preview_is_caught(
    services: AppServices, tmp_path: Path, parses: list[str]
) -> None:
    importer = importer_of(services)
    importer.apply(SAMPLE, skip_invalid=False)
    ahmad = sample_rows()[0]
    fields = StaffFields(
        nip=NEW_NIP,
        name="Fajar Nugroho",
        status="PNS",
        golongan="IV/b",
        jabatan="Kepala Dinas",
        jabatan_kind="JPT",
    )
    unit = services.staff.add_unit("Dinas Kesehatan", None)
    fajar = services.staff.create(StaffInput(fields, unit_id=unit.id, penilai_id=None))
    path = write_rows(tmp_path / "pegawai.csv", [{**ahmad, "NIP Penilai": NEW_NIP}])
    assert importer.preview(path).importable(skip_invalid=False)
    # Meanwhile Ahmad becomes Fajar's penilai: Ahmad -> Fajar -> Ahmad once the file is written.
    found = services.staff.find_by_nip(ahmad["NIP"])
    assert found is not None
    services.staff.update(
        fajar.id, fajar.version, StaffInput(fields, unit_id=unit.id, penilai_id=found.id)
    )
    before = register(services)
    parses.clear()

    with pytest.raises(ValidationError, match="Rantai penilai berputar"):
        importer.apply(path, skip_invalid=True)

    assert parses == []  # the rows' own checks were kept; the loop check ran again
    assert register(services) == before
