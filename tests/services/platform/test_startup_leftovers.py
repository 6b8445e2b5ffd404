"""Temporary files of a killed backup, restore or save are removed at the next start, and
only by the process that holds the one-writer lock (issue 12)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from trust_helpers import make_office

from kinerja_desktop.data.backup import backup_folder
from kinerja_desktop.data.leftovers import QUIET_BEFORE_REMOVAL
from kinerja_desktop.domain.errors import LockedError
from kinerja_desktop.services.platform.startup import open_office

NOW = datetime(2026, 11, 30, 9, 0)
LONG_AGO = NOW - QUIET_BEFORE_REMOVAL - timedelta(minutes=5)

#: A backup killed after its copy was written, checked and synced, just before the rename.
KILLED_BACKUP = """
import sys, time
from pathlib import Path
from kinerja_desktop.data import backup
from kinerja_desktop.domain.backup_rotation import BackupKind

def stop_here(*_args):
    print("ready", flush=True)
    time.sleep(60)

backup.os.replace = stop_here
backup.backup_before(Path(sys.argv[1]), BackupKind.HARIAN)
"""

HOLDER = """
import sys, time
from pathlib import Path
from kinerja_desktop.data.lock import acquire_lock
acquire_lock(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(60)
"""


def run_until_ready(script: str, database: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(database)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


def written_at(path: Path, moment: datetime) -> Path:
    stamp = moment.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def litter(path: Path, moment: datetime = LONG_AGO) -> Path:
    path.write_bytes(b"sisa")
    return written_at(path, moment)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "kantor"
    folder.mkdir()
    return make_office(folder / "kantor.sqlite", 2)


@pytest.fixture
def leftovers(office: Path) -> Iterator[list[Path]]:
    """What killed writers leave: a real killed backup, and the other temporary names."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX only")
    killed = run_until_ready(KILLED_BACKUP, office)
    kill(killed)
    backups = backup_folder(office)
    (part,) = backups.glob("*.part")
    written_at(part, LONG_AGO)
    folder = office.parent
    yield [
        part,
        litter(backups / ".pemulihan-kantor_sebelum-pemulihan_20261129-080000.sqlite"),
        litter(backups / ".pemulihan-kantor_sebelum-pemulihan_20261129-080000.sqlite-wal"),
        litter(backups / "kantor_harian_20261128-080000.sqlite.part-journal"),
        litter(folder / "kantor.sqlite.part"),
        litter(folder / ".kantor.sqlite.segel.0a1b2c3d.tmp"),
        litter(folder / "kantor.sqlite.lock.4242.tmp"),
        litter(folder / ".kantor.sqlite.baru-0a1b2c3d"),
        litter(folder / ".kantor.sqlite.baru-0a1b2c3d-wal"),
    ]


def test_a_start_holding_the_lock_removes_what_killed_writers_left(
    office: Path, leftovers: list[Path]
) -> None:
    backups = backup_folder(office)
    folder = office.parent
    kept = [
        # Another database's backup in the shared folder, and files that are not ours.
        litter(backups / "lain_harian_20261128-080000.sqlite.part"),
        litter(folder / "catatan.part"),
        litter(folder / "kantor.sqlite.segel"),
        # A backup the lockless `backup` command is writing right now.
        litter(backups / "kantor_manual_20261130-085900.sqlite.part", NOW - timedelta(minutes=1)),
    ]
    services = open_office(office, now=NOW)
    try:
        assert services.staff.count() == 2
    finally:
        services.close()
    assert [path.name for path in leftovers if path.exists()] == []
    assert [path.name for path in kept if not path.exists()] == []


def test_leftovers_stay_while_another_process_holds_the_lock(
    office: Path, leftovers: list[Path]
) -> None:
    holder = run_until_ready(HOLDER, office)
    try:
        with pytest.raises(LockedError):
            open_office(office, now=NOW)
        # Its running backup may be any of these: nothing is removed.
        assert [path.name for path in leftovers if not path.exists()] == []
    finally:
        kill(holder)
