"""Which temporary files count as a killed writer's leftovers: by name, by place, by age."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.data.leftovers import QUIET_BEFORE_REMOVAL, leftover_files, remove_leftovers
from kinerja_desktop.data.lock import acquire_lock

NOW = datetime(2026, 11, 30, 9, 0)
OLD = NOW - QUIET_BEFORE_REMOVAL - timedelta(seconds=1)
FRESH = NOW - QUIET_BEFORE_REMOVAL + timedelta(seconds=1)

CASES = [
    # (folder, name, last written, a leftover?)
    (".", "kantor.sqlite.part", OLD, True),
    (".", "kantor.sqlite.part-journal", OLD, True),
    (".", "kantor.sqlite.part", FRESH, False),  # maybe a writer that is still running
    (".", ".kantor.sqlite.segel.0a1b2c3d.tmp", OLD, True),
    (".", "kantor.sqlite.lock.4242.tmp", OLD, True),
    (".", ".kantor.sqlite.baru-0a1b2c3d", OLD, True),
    (".", ".kantor.sqlite.baru-0a1b2c3d-wal", OLD, True),
    (".", "kantor.sqlite", OLD, False),
    (".", "kantor.sqlite-wal", OLD, False),  # saved data, never touched
    (".", "kantor.sqlite.segel", OLD, False),
    (".", "kantor.sqlite.lock", OLD, False),
    (".", "lain.sqlite.part", OLD, False),  # another database's
    (".", "catatan.part", OLD, False),
    (".", ".laporan.pdf.0a1b2c3d.tmp", OLD, False),  # not this database's name
    ("backups", "kantor_harian_20261129-090000.sqlite.part", OLD, True),
    ("backups", "kantor_harian_20261129-090000.sqlite.part-journal", OLD, True),
    ("backups", ".pemulihan-kantor_sebelum-pemulihan_20261129-090000.sqlite", OLD, True),
    ("backups", ".pemulihan-kantor_sebelum-pemulihan_20261129-090000.sqlite-shm", OLD, True),
    ("backups", ".pemulihan-kantor_sebelum-pemulihan_20261129-090000.sqlite.part", OLD, True),
    ("backups", "kantor_harian_20261129-090000.sqlite", OLD, False),  # a backup
    ("backups", "kantor_manual_20261130-085959.sqlite.part", FRESH, False),
    ("backups", "lain_harian_20261129-090000.sqlite.part", OLD, False),
    ("backups", "catatan.part", OLD, False),
]


@pytest.mark.parametrize(("folder", "name", "written", "leftover"), CASES)
def test_a_leftover_is_known_by_its_name_place_and_age(
    tmp_path: Path, folder: str, name: str, written: datetime, leftover: bool
) -> None:
    database = tmp_path / "kantor.sqlite"
    path = tmp_path / folder / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"x")
    os.utime(path, (written.timestamp(), written.timestamp()))
    assert (path in leftover_files(database, NOW)) is leftover


def test_only_the_lock_of_this_database_removes_them(tmp_path: Path) -> None:
    database = tmp_path / "kantor.sqlite"
    part = tmp_path / "kantor.sqlite.part"
    part.write_bytes(b"x")
    os.utime(part, (OLD.timestamp(), OLD.timestamp()))
    other = acquire_lock(tmp_path / "lain.sqlite", now=NOW, booted=lambda: None)
    try:
        with pytest.raises(ValueError):
            remove_leftovers(database, other, NOW)
    finally:
        other.release()
    assert part.exists()
    mine = acquire_lock(database, now=NOW, booted=lambda: None)
    try:
        assert remove_leftovers(database, mine, NOW) == (part,)
    finally:
        mine.release()
    assert not part.exists()
