"""The one-writer lock file, and where a database file sits (local, network, removable)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.data import lock as lock_module
from kinerja_desktop.data.location import Location, classify_linux
from kinerja_desktop.data.lock import (
    STALE_ELSEWHERE_AFTER,
    LockHolder,
    acquire_lock,
    lock_path,
    this_host,
)
from kinerja_desktop.domain.errors import LockedError

NOW = datetime(2026, 11, 30, 9, 0)
#: This computer started a day before NOW: every lock written "now" in a test is after it,
#: whatever the real clock and boot time of the machine running the tests.
BOOTED = NOW - timedelta(days=1)


def acquire(
    database: Path, *, take_over: bool = False, booted: datetime | None = BOOTED
) -> lock_module.DatabaseLock:
    """The lock at NOW on a computer that booted at ``booted``: no real clock involved."""
    return acquire_lock(database, take_over=take_over, now=NOW, booted=lambda: booted)


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def write_lock(database: Path, pid: int, host: str, started: datetime) -> None:
    lock_path(database).write_text(
        LockHolder(pid, host, "budi", started).to_json(), encoding="utf-8"
    )


def test_lock_names_the_holder_and_is_released(db_path: Path) -> None:
    held = acquire(db_path)
    content = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
    assert content["pid"] == os.getpid()
    assert content["host"] == this_host()
    assert content["started"] == "2026-11-30T09:00:00"

    with pytest.raises(LockedError) as second:
        acquire(db_path)
    assert f"proses {os.getpid()}" in second.value.message
    assert f"di komputer {this_host()}" in second.value.message
    assert "30 November 2026 pukul 09.00" in second.value.message
    assert not second.value.stale

    held.release()
    assert not lock_path(db_path).exists()
    acquire(db_path).release()


def test_release_leaves_someone_elses_lock_alone(db_path: Path) -> None:
    held = acquire(db_path)
    write_lock(db_path, 1, "PC-LAIN", NOW)  # someone took it over meanwhile
    held.release()
    assert lock_path(db_path).exists()


def test_a_lock_of_a_dead_process_on_this_computer_is_replaced(db_path: Path) -> None:
    write_lock(db_path, dead_pid(), this_host(), NOW)
    acquire(db_path).release()


def test_a_lock_from_before_the_last_boot_is_replaced(db_path: Path) -> None:
    write_lock(db_path, os.getppid(), this_host(), BOOTED - timedelta(hours=1))  # a live pid
    acquire(db_path).release()


def test_a_live_lock_is_kept_when_the_boot_time_is_unknown(db_path: Path) -> None:
    write_lock(db_path, os.getppid(), this_host(), BOOTED - timedelta(hours=1))  # a live pid
    with pytest.raises(LockedError, match="sedang dipakai"):
        acquire(db_path, booted=None)


@pytest.mark.parametrize(
    ("age", "stale"),
    [(timedelta(hours=1), False), (STALE_ELSEWHERE_AFTER + timedelta(minutes=1), True)],
)
def test_a_lock_from_another_computer(db_path: Path, age: timedelta, stale: bool) -> None:
    write_lock(db_path, 4242, "PC-TU", NOW - age)
    with pytest.raises(LockedError) as locked:
        acquire(db_path)
    assert "di komputer PC-TU" in locked.value.message
    assert locked.value.stale is stale
    if stale:
        assert "Ambil alih hanya bila" in locked.value.message
        held = acquire(db_path, take_over=True)  # the user confirmed
        assert held.holder.pid == os.getpid()
        held.release()
    else:
        with pytest.raises(LockedError):
            acquire(db_path, take_over=True)  # a fresh lock is never taken


def test_an_unreadable_lock_is_respected_briefly_then_replaced(db_path: Path) -> None:
    lock_path(db_path).write_text("{half", encoding="utf-8")
    with pytest.raises(LockedError, match="tidak terbaca"):
        acquire(db_path)
    old = NOW.timestamp() - 120
    os.utime(lock_path(db_path), (old, old))
    acquire(db_path).release()


MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
//server/data /home/budi/kantor cifs rw 0 0
server:/export /mnt/nfs nfs4 rw 0 0
budi@host:/x /home/budi/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/budi/FLASHDISK vfat rw 0 0
/dev/sdc1 /run/media/siti/USB\\040DISK exfat rw 0 0
/dev/sdd1 /mediaserver ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("/home/budi/kinerja.sqlite", Location.LOCAL),
        ("/home/budi/kantor/kinerja.sqlite", Location.NETWORK),
        ("/home/budi/kantor", Location.NETWORK),
        ("/home/budi/kantorlain/kinerja.sqlite", Location.LOCAL),  # a prefix, not a parent
        ("/mnt/nfs/a/kinerja.sqlite", Location.NETWORK),
        ("/home/budi/remote/kinerja.sqlite", Location.NETWORK),
        ("/media/budi/FLASHDISK/kinerja.sqlite", Location.REMOVABLE),
        ("/run/media/siti/USB DISK/kinerja.sqlite", Location.REMOVABLE),
        ("/mediaserver/kinerja.sqlite", Location.LOCAL),
        ("/tmp/kinerja.sqlite", Location.LOCAL),
    ],
)
def test_classify_linux_mounts(path: str, where: Location) -> None:
    assert classify_linux(path, MOUNTS) is where


@pytest.mark.parametrize(
    ("where", "words"),
    [
        (Location.NETWORK, "folder jaringan"),
        (Location.REMOVABLE, "flashdisk"),
        (Location.LOCAL, None),
    ],
)
def test_the_opened_office_carries_the_location_warning(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, where: Location, words: str | None
) -> None:
    from kinerja_desktop.data import location
    from kinerja_desktop.services.platform.startup import open_office

    monkeypatch.setattr(location, "classify", lambda _path: where)
    services = open_office(db_path)
    try:
        if words is None:
            assert services.warnings == ()
        else:
            [warning] = services.warnings
            assert words in warning
        assert not services.read_only  # a warning, not a refusal
    finally:
        services.close()
