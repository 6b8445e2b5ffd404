"""Kill a real writer with SIGKILL at random moments and check the file after each kill.

Run as a process of its own (tests/data/test_faults.py): ``python fault_writer.py DB ROUNDS SEED``.
It imports the app once, then for every round forks a child that opens the database through
``open_services`` (the app's real path: inspection, engine, WAL, synchronous=FULL) and saves
people in a loop: batches of ``BATCH`` through the staff import (one transaction each) and
single people through ``StaffService.create`` (a person and their first employment event).
After a random delay the child is killed with SIGKILL; this process then checks the file with
plain sqlite3 and prints one JSON line per round. The fork happens in this single-threaded
helper, never in pytest's process.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.staff.service import StaffInput

BATCH = 40
HEADER = (
    "NIP,Nama,Gelar Depan,Gelar Belakang,Status,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,"
    "NIP Penilai"
)
#: Batches a child may save before it is killed (it never gets this far: about 15 ms each).
STEPS = 100


def nip(code: int, sequence: int, gender: int) -> str:
    """A valid NIP whose birth date encodes ``code`` (one batch or one round)."""
    born = date(1970, 1, 1) + timedelta(days=code)
    return f"{born:%Y%m%d}201001{gender}{sequence:03d}"


def write_batch(folder: Path, code: int) -> Path:
    path = folder / f"batch-{code}.csv"
    lines = [HEADER]
    lines += [
        f"{nip(code, n + 1, 1)},Pegawai {code}-{n},,,PNS,III/a,Staf,Pelaksana,Kecamatan Kertapati,"
        for n in range(BATCH)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child(database: Path, round_number: int, folder: Path) -> None:
    services = open_services(database, create=False)
    unit_id = services.staff.units()[-1].id
    for step in range(STEPS):
        code = round_number * STEPS + step
        services.importer.apply(write_batch(folder, code), skip_invalid=False)
        fields = StaffFields(
            nip(code, 1, 2), f"Tunggal {code}", "PNS", "III/a", "Staf", "Pelaksana"
        )
        services.staff.create(StaffInput(fields, unit_id, None, date(2020, 1, 2)))
    os._exit(0)


def check(database: Path) -> dict[str, object]:
    with closing(sqlite3.connect(database)) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        # Every batch is all there or absent: group people by the birth date in their NIP.
        sizes = [
            row[0]
            for row in connection.execute(
                "SELECT count(*) FROM employees WHERE name LIKE 'Pegawai %' "
                "GROUP BY substr(nip, 1, 8)"
            )
        ]
        people = connection.execute("SELECT count(*) FROM employees").fetchone()[0]
        # Every person added alone came with their first employment event, in one transaction.
        without_history = connection.execute(
            "SELECT count(*) FROM employees e WHERE e.name LIKE 'Tunggal %' AND NOT EXISTS "
            "(SELECT 1 FROM employment_events v WHERE v.employee_id = e.id)"
        ).fetchone()[0]
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    return {
        "integrity": integrity,
        "partial_batches": [size for size in sizes if size != BATCH],
        "people": people,
        "without_history": without_history,
        "orphans": len(orphans),
    }


def main() -> None:
    database, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    folder = database.parent / "batches"
    folder.mkdir(exist_ok=True)
    chance = random.Random(seed)
    for round_number in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                child(database, round_number, folder)
            finally:
                os._exit(1)
        time.sleep(chance.uniform(0.02, 0.25))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        result = check(database)
        result["killed"] = os.WIFSIGNALED(status)
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
