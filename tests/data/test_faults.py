"""Fault tests of issue 8: a killed writer, a full disk, a read-only file, two processes."""

from __future__ import annotations

import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from fault_writer import HEADER, nip
from sqlalchemy import event
from trust_helpers import add_people, make_office, names, query

from kinerja_desktop.data import sqlite_files
from kinerja_desktop.data.lock import lock_path
from kinerja_desktop.domain.errors import LockedError, ReadOnlyError, StorageError
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.startup import open_office

TESTS = Path(__file__).parents[1]
KILL_ROUNDS = 60


def dump(path: Path) -> list[str]:
    """The logical content of a database (schema and rows), independent of WAL and pages."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill helper forks (POSIX)")
def test_a_writer_killed_at_random_moments_never_leaves_a_damaged_file(
    db_path: Path, tmp_path: Path
) -> None:
    """T1: SIGKILL mid-save 60 times; integrity ok and every record whole or absent each time."""
    services = open_services(db_path)
    services.staff.add_unit("Kecamatan Kertapati", None, "Palembang")
    services.close()
    done = subprocess.run(
        [sys.executable, str(TESTS / "fault_writer.py"), str(db_path), str(KILL_ROUNDS), "8"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    rounds = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rounds) == KILL_ROUNDS
    for number, result in enumerate(rounds):
        assert result["killed"], number
        assert result["integrity"] == "ok", (number, result)
        assert result["partial_batches"] == [], (number, result)
        assert result["without_history"] == 0, (number, result)
        assert result["orphans"] == 0, (number, result)
    grew = [b["people"] - a["people"] for a, b in itertools.pairwise(rounds)]
    # The kills landed at different points: some rounds saved nothing, others several batches.
    assert min(grew) < max(grew)
    assert rounds[-1]["people"] > 0
    # And the app opens the file afterwards as if nothing had happened.
    services = open_services(db_path, create=False)
    try:
        assert services.staff.count() == rounds[-1]["people"]
    finally:
        services.close()


# --- disk full ----------------------------------------------------------------------------------


@pytest.fixture
def office(services: AppServices) -> AppServices:
    add_people(services, 3)
    return services


def test_a_full_disk_gives_a_clear_message_and_changes_nothing(
    office: AppServices, tmp_path: Path
) -> None:
    """T2a: max_page_count stands in for a full disk; the save fails whole, the file stays."""
    big_csv = tmp_path / "banyak.csv"
    rows = [
        f"{nip(5000, n + 1, 1)},Pegawai Baru {n},,,PNS,III/a,Staf,Pelaksana,Kecamatan Kertapati,"
        for n in range(300)
    ]
    big_csv.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    engine = office.database.engine
    engine.dispose()  # new connections get the limit
    pages = query(office.database_path, "PRAGMA page_count")[0][0]

    def limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(engine, "connect", limit)
    before = dump(office.database_path)
    try:
        with pytest.raises(StorageError) as full:
            office.importer.apply(big_csv, skip_invalid=False)  # 300 people, one transaction
        assert "Penyimpanan penuh" in full.value.message
        assert "tetap utuh" in full.value.message
    finally:
        event.remove(engine, "connect", limit)
        engine.dispose()
    assert dump(office.database_path) == before
    assert query(office.database_path, "PRAGMA integrity_check") == [("ok",)]
    add_people(office, 1, start=80)  # with space again, saving works
    assert office.staff.count() == 4


# --- read-only file -----------------------------------------------------------------------------


def test_a_read_only_file_opens_read_only_and_refuses_writes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """T4: the tests run as root, so the permission check is stubbed; SQLite's mode=ro is real."""
    make_office(db_path, 2)
    before = dump(db_path)
    monkeypatch.setattr(sqlite_files, "can_write", lambda _path: False)

    services = open_office(db_path)
    try:
        assert services.read_only
        assert any("hanya-baca" in warning for warning in services.warnings)
        assert services.staff.count() == 2  # reading works
        with pytest.raises(ReadOnlyError, match="hanya-baca"):
            add_people(services, 1, start=10)
        # Even a write that slips past the service check is refused by SQLite itself.
        with services.database.engine.connect() as connection, pytest.raises(Exception):  # noqa: B017
            connection.exec_driver_sql("DELETE FROM employment_events")
        assert services.backups.backups() == ()  # no automatic backup of a read-only file
    finally:
        services.close()
    assert dump(db_path) == before
    assert names(db_path) == ["Pegawai 0", "Pegawai 1"]


# --- two processes ------------------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from kinerja_desktop.services.platform.startup import open_office
services = open_office(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(60)
"""


def test_two_processes_on_one_file(db_path: Path) -> None:
    """T7a: the second copy is told who holds the file; a killed holder's lock is recovered."""
    make_office(db_path, 1)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(LockedError) as locked:
            open_office(db_path)
        assert f"proses {holder.pid}" in locked.value.message
        assert "sedang dipakai" in locked.value.message
        assert not locked.value.stale
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()
    assert lock_path(db_path).exists()  # a killed process cannot clean up

    services = open_office(db_path)  # its process is gone: the lock is stale and replaced
    try:
        assert f'"pid": {os.getpid()}' in lock_path(db_path).read_text(encoding="utf-8")
    finally:
        services.close()
    assert not lock_path(db_path).exists()
