"""Backups: daily at start and thinned, to a chosen folder, restored with a preview."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from trust_helpers import add_people, digest, make_office, names, query

from kinerja_desktop.data import backup as backup_module
from kinerja_desktop.data.backup import BackupError
from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.domain.backup_rotation import BackupKind, BackupName
from kinerja_desktop.domain.errors import ReadOnlyError, StorageError, ValidationError
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.backup import preview_backup

pytestmark = pytest.mark.sqlite_only(reason="SQLite file backups (a server's: pg_dump)")


FIXTURES = Path(__file__).parents[2] / "fixtures" / "databases"
NOW = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    add_people(services, 3)
    return services


def backup_names(services: AppServices) -> list[str]:
    return [b.path.name for b in services.backups.backups()]


def test_automatic_backup_once_a_day(office: AppServices) -> None:
    first = office.backups.automatic_backup(NOW)
    assert first is not None
    assert first.name == "kantor_harian_20261130-090000.sqlite"
    assert office.backups.automatic_backup(NOW + timedelta(hours=5)) is None
    second = office.backups.automatic_backup(NOW + timedelta(days=1))
    assert second is not None
    assert backup_names(office) == [second.name, first.name]
    # A checked single file with the data: no journal beside it, no temporary left.
    assert query(first, "PRAGMA integrity_check") == [("ok",)]
    assert query(first, "PRAGMA journal_mode") == [("delete",)]
    assert names(first) == ["Pegawai 0", "Pegawai 1", "Pegawai 2"]
    assert sorted(p.name for p in first.parent.iterdir()) == sorted(backup_names(office))


def test_the_weeks_first_automatic_backup_is_fully_checked_the_others_quickly(
    office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[bool] = []
    real = backup_module.create_verified_backup

    def spy(source: Path, destination: Path, *, thorough: bool = True) -> Path:
        checks.append(thorough)
        return real(source, destination, thorough=thorough)

    monkeypatch.setattr(backup_module, "create_verified_backup", spy)
    for day in (0, 1, 2, 7):  # Monday, Tuesday, Wednesday, next Monday
        assert office.backups.automatic_backup(NOW + timedelta(days=day)) is not None
    assert checks == [True, False, False, True]
    for made in office.backups.backups():
        assert query(made.path, "PRAGMA integrity_check") == [("ok",)]


def test_an_automatic_backup_that_cannot_make_its_folder_is_a_storage_error(
    office: AppServices,
) -> None:
    (office.database_path.parent / "backups").write_text("bukan folder", encoding="utf-8")
    with pytest.raises(StorageError, match="Cadangan otomatis harian gagal dibuat"):
        office.backups.automatic_backup(NOW)


def test_automatic_backups_are_thinned_but_safety_backups_stay(office: AppServices) -> None:
    folder = office.database_path.parent / "backups"
    made = office.backups.automatic_backup(NOW - timedelta(days=400))
    assert made is not None
    for days in range(1, 400, 3):  # an old daily every three days
        name = BackupName("kantor", BackupKind.HARIAN, NOW - timedelta(days=days))
        shutil.copy(made, folder / name.file_name)
    safety = BackupName("kantor", BackupKind.SEBELUM_MIGRASI, NOW - timedelta(days=300))
    shutil.copy(made, folder / safety.file_name)
    other = folder / "kantor-lain_harian_20200101-000000.sqlite"  # another database's backup
    shutil.copy(made, other)

    office.backups.automatic_backup(NOW)

    kinds = [b.kind for b in office.backups.backups()]
    assert kinds.count(BackupKind.HARIAN) <= 7 + 4 + 12
    assert kinds.count(BackupKind.HARIAN) >= 12
    assert (folder / safety.file_name).exists()  # one of the five newest safety backups
    assert other.exists()
    assert office.backups.backups()[0].taken_at == NOW


def test_backup_to_a_folder_makes_a_named_checked_copy(office: AppServices, tmp_path: Path) -> None:
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    made = office.backups.backup_to(stick, NOW)
    again = office.backups.backup_to(stick, NOW)
    assert [made.name, again.name] == [
        "kantor_manual_20261130-090000.sqlite",
        "kantor_manual_20261130-090000-2.sqlite",
    ]
    assert names(made) == ["Pegawai 0", "Pegawai 1", "Pegawai 2"]
    assert sorted(p.name for p in stick.iterdir()) == sorted([made.name, again.name])


def test_backup_to_an_existing_file_is_refused(office: AppServices, tmp_path: Path) -> None:
    existing = tmp_path / "ada.sqlite"
    existing.write_bytes(b"jangan ditimpa")
    with pytest.raises(ValidationError, match="sudah ada"):
        office.backups.backup_to(existing)
    assert existing.read_bytes() == b"jangan ditimpa"


def test_a_failed_backup_leaves_no_partial_file(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module.os, "fsync", full_disk)
    target = tmp_path / "penuh"
    target.mkdir()
    with pytest.raises(StorageError, match="gagal dibuat"):
        office.backups.backup_to(target)
    assert list(target.iterdir()) == []


def test_backup_while_another_thread_writes(office: AppServices, tmp_path: Path) -> None:
    """T9: the backup API copies a consistent snapshot while a writer commits."""
    stop = threading.Event()

    def keep_writing() -> None:
        number = 10
        while not stop.is_set() and number < 60:
            add_people(office, 1, start=number)
            number += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        copies = [office.backups.backup_to(tmp_path / f"salinan-{n}.sqlite") for n in range(5)]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        assert query(copy, "PRAGMA integrity_check") == [("ok",)]
        people = query(copy, "SELECT count(*) FROM employees")[0][0]
        events = query(copy, "SELECT count(DISTINCT employee_id) FROM employment_events")[0][0]
        assert people == events  # every person came with their history, none half-written


# --- preview and restore ----------------------------------------------------------------------


def test_preview_names_the_date_and_counts(office: AppServices) -> None:
    made = office.backups.automatic_backup(NOW)
    assert made is not None
    preview = preview_backup(made)
    assert (preview.taken_at, preview.people, preview.skps, preview.predikats) == (NOW, 3, 0, 0)
    assert preview.lines() == (
        "Cadangan: kantor_harian_20261130-090000.sqlite",
        "Dibuat: 30 November 2026 pukul 09.00",
        "Isi: 3 pegawai, 0 SKP, 0 predikat kinerja",
    )


def foreign_sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE resep (nama TEXT)")
        connection.commit()
    return path


def newer_backup(office: AppServices, path: Path) -> Path:
    made = office.backups.backup_to(path)
    with closing(sqlite3.connect(made)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    return made


def empty_sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA user_version=0")
        connection.execute("VACUUM")
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda _o, p: p.write_bytes(bytes(range(256)) * 40) and p, "bukan berkas SQLite"),
        (
            lambda o, p: (
                p.write_bytes(o.backups.backup_to(p.parent / "b.sqlite").read_bytes()[:5000]) and p
            ),
            "rusak",
        ),
        (lambda _o, p: foreign_sqlite(p), "bukan milik Kinerja Desktop"),
        (newer_backup, "lebih baru"),
        (lambda _o, p: empty_sqlite(p), "kosong"),
        (lambda _o, p: p, "tidak ada"),
    ],
    ids=["random-bytes", "truncated", "foreign", "newer", "empty", "missing"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    office: AppServices, tmp_path: Path, make, words: str
) -> None:
    candidate = tmp_path / "cadangan.sqlite"
    make(office, candidate)
    before = names(office.database_path)

    with pytest.raises(ValidationError) as refused:
        office.backups.restore(candidate)

    assert words in refused.value.message
    assert "cadangan.sqlite" in refused.value.message
    assert names(office.database_path) == before
    assert not any(b.kind is BackupKind.SEBELUM_PEMULIHAN for b in office.backups.backups())


def test_restore_backs_up_first_and_swaps_the_content(office: AppServices) -> None:
    made = office.backups.automatic_backup(NOW)
    assert made is not None
    add_people(office, 2, start=10)
    assert office.staff.count() == 5

    result = office.backups.restore(made, NOW + timedelta(hours=1))

    assert office.staff.count() == 3  # the open services see the restored content at once
    assert result.preview.people == 3
    assert result.safety_backup.name == "kantor_sebelum-pemulihan_20261130-100000.sqlite"
    assert len(names(result.safety_backup)) == 5  # the state before the restore is kept
    add_people(office, 1, start=20)  # and the app keeps working on the restored file
    assert office.staff.count() == 4
    assert query(office.database_path, "PRAGMA integrity_check") == [("ok",)]
    assert [p.name for p in made.parent.iterdir() if p.name.startswith(".")] == []


def test_restore_of_an_older_backup_upgrades_it_on_the_way_in(
    office: AppServices, tmp_path: Path
) -> None:
    old = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "schema_0005.sqlite", old)
    people = query(old, "SELECT count(*) FROM employees")[0][0]
    before = digest(old)

    result = office.backups.restore(old)

    assert result.preview.older_schema
    assert query(office.database_path, "SELECT count(*) FROM employees")[0][0] == people
    assert query(office.database_path, "SELECT version_num FROM alembic_version") == [
        (head_revision(),)
    ]
    assert digest(old) == before  # the backup itself is never changed


def test_a_failed_restore_leaves_the_database_as_it_was(
    office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.services.platform import backup

    made = office.backups.automatic_backup(NOW)
    assert made is not None
    add_people(office, 1, start=10)

    def broken(_engine: object, _source: Path) -> None:
        raise BackupError("database or disk is full")

    monkeypatch.setattr(backup, "restore_into", broken)
    with pytest.raises(StorageError, match="basis data tidak diubah"):
        office.backups.restore(made)
    assert office.staff.count() == 4


def test_restore_into_a_read_only_database_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.data import sqlite_files

    make_office(db_path, 2)
    monkeypatch.setattr(sqlite_files, "can_write", lambda _path: False)
    services = open_services(db_path)
    try:
        assert services.read_only
        made = services.backups.backup_to(db_path.parent / "c.sqlite")
        with pytest.raises(ReadOnlyError, match="hanya-baca"):
            services.backups.restore(made)
    finally:
        services.close()
