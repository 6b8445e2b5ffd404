"""How many service writes of several users at once a PostgreSQL server refuses (issue 18).

Run with `python benchmarks/bench_write_conflicts.py` (`--workers`, default 4; `--actions` per
worker, default 60; `--rounds`, default 2). It starts the tests' throw-away cluster
(`tests/postgres_server.py`, Debian's `postgresql` package), writes a demo office of 60 people
and lets each worker (a thread with its own services, as another computer would have) correct
its own person's record, rate their competence and set a development proposal aside, in turn.
Each round runs once as the code before (`Database.run` with one attempt: a bare
transaction) and once as now (one retry after a serialization failure), and prints how each
kind of write ended as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import sqlalchemy
from machine import machine
from sqlalchemy import URL, create_engine, text

from kinerja_desktop.data.database import Database, WriteConflictError
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.staff import Employee, StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)
TESTS = Path(__file__).resolve().parents[1] / "tests"
KINDS = ("staff.update", "competence.rate", "development.dismiss")


def _fields(person: Employee, jabatan: str) -> StaffInput:
    fields = StaffFields(
        person.nip,
        person.name,
        person.status.value,
        person.golongan,
        jabatan,
        person.jabatan_kind.value,
        person.gelar_depan,
        person.gelar_belakang,
    )
    return StaffInput(fields, person.unit_id, person.penilai_id)


def _act(services: AppServices, kind: str, who: int, worker: int, step: int) -> None:
    if kind == "staff.update":
        person = services.staff.get(who)
        services.staff.update(who, person.version, _fields(person, f"Analis {worker}-{step}"))
    elif kind == "competence.rate":
        services.competence.rate(who, "M.01", 3, f"Pengamatan {step}", TODAY)
    else:
        services.development.dismiss(who, TODAY.year, f"uji-{worker}-{step}", TODAY)


def _round(folder: Path, url: URL, people: list[int], actions: int) -> tuple[Counter[str], float]:
    ended: Counter[str] = Counter()
    lock = threading.Lock()

    def worker(number: int) -> None:
        services = open_services(folder / "kantor.sqlite", server=url, today=lambda: TODAY)
        try:
            for step in range(actions):
                kind = KINDS[step % len(KINDS)]
                try:
                    _act(services, kind, people[number], number, step)
                    outcome = "ok"
                except WriteConflictError:
                    outcome = "conflict"
                with lock:
                    ended[f"{kind} {outcome}"] += 1
        finally:
            services.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(people))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ended, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(TESTS))
    from postgres_server import start_server

    server = start_server()
    defaults = Database.run.__kwdefaults__
    assert defaults is not None
    try:
        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE kantor"))
        folder = Path(tempfile.mkdtemp())
        os.environ["KINERJA_DATA_DIR"] = str(folder / "appdata")
        url = server.url("kantor")
        first = open_services(folder / "kantor.sqlite", server=url, today=lambda: TODAY)
        write_demo(first.database, employees=60, today=TODAY)
        with first.database.reading() as session:
            people = list(
                session.execute(
                    text(
                        "SELECT id FROM employees WHERE active AND penilai_id IS NOT NULL "
                        "AND atasan_official_id IS NULL ORDER BY id"
                    )
                ).scalars()
            )[: args.workers]
        first.close()
        print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}")
        print(f"{args.workers} workers, {args.actions} actions each, on different people\n")
        print("| Code | Load (1 min) | Time | " + " | ".join(f"{k} refused" for k in KINDS) + " |")
        print("|---|---|---|" + "---|" * len(KINDS))
        for _ in range(args.rounds):
            for attempts, label in ((1, "before (no retry)"), (2, "after (run)")):
                defaults["attempts"] = attempts
                ended, seconds = _round(folder, url, people, args.actions)
                each = args.workers * args.actions // len(KINDS)
                refused = " | ".join(f"{ended[f'{k} conflict']} of {each}" for k in KINDS)
                load = os.getloadavg()[0]
                print(f"| {label} | {load:.1f} | {seconds:.1f} s | {refused} |")
    finally:
        defaults["attempts"] = 2
        server.stop()


if __name__ == "__main__":
    main()
