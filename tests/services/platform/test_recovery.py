"""A damaged file at start: moved aside (never deleted) and the newest good backup offered."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from trust_helpers import make_office, names

from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.platform.recovery import (
    restore_in_place_of_missing,
    set_aside_if_damaged,
)

pytestmark = pytest.mark.sqlite_only(reason="damages SQLite files and restores them from backups")


NOW = datetime(2026, 11, 30, 9, 0)


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def flip(data: bytes, offset: int) -> bytes:
    damaged = bytearray(data)
    damaged[offset] ^= 0xFF
    return bytes(damaged)


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "random-bytes": lambda _data: random.Random(3).randbytes(8192),
    "zeros": lambda _data: bytes(8192),
    "truncated": lambda data: data[: 3 * page_size(data)],
    "header-only": lambda data: data[:100],
    "flipped-magic": lambda data: flip(data, 0),
    "flipped-page-size": lambda data: flip(data, 16),
    "flipped-write-version": lambda data: flip(data, 18),
    "damaged-btree-page": lambda data: flip(data, page_size(data) + 1),
}


@pytest.fixture
def office_with_backups(db_path: Path) -> tuple[Path, Path]:
    """An office of 3 with two daily backups: a good older one, and a newer damaged one."""
    make_office(db_path, 3)
    services = open_services(db_path)
    try:
        good = services.backups.automatic_backup(NOW - timedelta(days=1))
        newer = services.backups.automatic_backup(NOW)
    finally:
        services.close()
    assert good is not None and newer is not None
    newer.write_bytes(newer.read_bytes()[:5000])  # a backup that went bad on the disk
    return db_path, good


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_file_is_moved_aside_and_the_newest_good_backup_offered(
    office_with_backups: tuple[Path, Path], damage: str
) -> None:
    path, good = office_with_backups
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"whatever was in the journal")
    damaged = path.read_bytes()

    found = set_aside_if_damaged(path, NOW)

    assert found is not None
    assert not path.exists()
    assert found.aside.name == "kantor.sqlite.rusak-20261130-090000"
    assert found.aside.read_bytes() == damaged  # moved, never changed or deleted
    assert found.aside.with_name(found.aside.name + "-wal").read_bytes() == (
        b"whatever was in the journal"
    )
    assert not wal.exists()  # no old journal waits for the file that takes its place
    assert found.backup is not None
    assert found.backup.path == good
    message = found.message()
    assert "rusak" in message
    assert "dipindahkan ke kantor.sqlite.rusak-20261130-090000" in message
    assert "29 November 2026 pukul 09.00" in message

    restore_in_place_of_missing(good, path)
    services = open_services(path, create=False)
    try:
        assert services.staff.count() == 3
    finally:
        services.close()


def test_no_good_backup_is_said_plainly(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(4096))
    found = set_aside_if_damaged(db_path, NOW)
    assert found is not None
    assert found.backup is None
    assert "Tidak ada cadangan yang baik" in found.message()


def test_moving_aside_twice_in_one_second_keeps_both(db_path: Path) -> None:
    db_path.write_bytes(b"satu" * 100)
    first = set_aside_if_damaged(db_path, NOW)
    db_path.write_bytes(b"dua" * 100)
    second = set_aside_if_damaged(db_path, NOW)
    assert first is not None and second is not None
    assert first.aside != second.aside
    assert first.aside.read_bytes() == b"satu" * 100
    assert second.aside.read_bytes() == b"dua" * 100


def test_healthy_missing_foreign_and_newer_files_stay_where_they_are(db_path: Path) -> None:
    assert set_aside_if_damaged(db_path) is None  # missing
    make_office(db_path, 1)
    assert set_aside_if_damaged(db_path) is None
    assert names(db_path) == ["Pegawai 0"]
    services = open_services(db_path)
    with services.database.transaction() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    services.close()
    assert set_aside_if_damaged(db_path) is None  # made by a newer app: not damage
    assert db_path.exists()


def test_restore_never_overwrites_an_existing_file(office_with_backups: tuple[Path, Path]) -> None:
    path, good = office_with_backups
    with pytest.raises(StorageError, match="sudah ada"):
        restore_in_place_of_missing(good, path)


@pytest.mark.parametrize("seed", range(60))
def test_random_damage_never_crashes_the_start(db_path: Path, seed: int) -> None:
    """T5: k random bytes flipped (k = 1..50): the file opens, or is moved aside; nothing else."""
    make_office(db_path, 5)
    data = bytearray(db_path.read_bytes())
    chance = random.Random(seed)
    for _ in range(chance.randint(1, 50)):
        data[chance.randrange(len(data))] ^= 1 << chance.randrange(8)
    db_path.write_bytes(bytes(data))

    found = set_aside_if_damaged(db_path)
    if found is not None:
        assert not db_path.exists()
        assert found.aside.read_bytes() == bytes(data)
        return
    try:
        services = open_services(db_path, create=False)
    except StorageError as error:
        assert error.message  # a clear refusal (e.g. a header that claims a newer app)
    else:
        services.close()
