"""What Beranda's checks cost: the whole-file check once per open file, a fixed number of reads."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from sql_statements import statements_of
from sqlalchemy import event

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.attention import Severity
from kinerja_desktop.services.app_services import AppServices, open_services

TODAY = date(2026, 11, 28)
DAMAGE_TITLE = "Berkas basis data menunjukkan kerusakan"
NOW = datetime(2026, 11, 28, 9, 0)
#: What these tests are about: SQLite's whole-file check (a server checks its own pages).
FILE_CHECK = pytest.mark.sqlite_only(reason="SQLite's quick_check of the file")


def quick_checks_of_one_load(services: AppServices) -> tuple[int, list[str]]:
    """How many times one Beranda load reads the whole file, and the load's titles."""
    with statements_of(services) as seen:
        titles = [item.title for item in services.attention.items(TODAY)]
    return sum("quick_check" in statement for statement in seen), titles


def damage(path: Path) -> None:
    """Write a row its table's CHECK refuses, behind the app's back: quick_check finds it."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA ignore_check_constraints=ON")
        connection.execute(
            "INSERT INTO accounts (user_name, display_name, role, active, password_hash, "
            "failed_attempts) VALUES ('rusak', 'Rusak', 'ADMIN', 1, 'teks-biasa', 0)"
        )
        connection.commit()


@FILE_CHECK
def test_a_damaged_file_is_named_on_every_load_but_read_once(services: AppServices) -> None:
    services.staff.add_unit("Pemkot", None)
    damage(services.database_path)
    checks, titles = quick_checks_of_one_load(services)
    assert checks == 1
    assert titles[0] == DAMAGE_TITLE
    (item,) = [i for i in services.attention.items(TODAY) if i.title == DAMAGE_TITLE]
    assert item.severity is Severity.PENTING
    assert "CHECK constraint failed" in item.detail
    # Every later refresh shows the warning again without reading the whole file.
    assert quick_checks_of_one_load(services) == (0, titles)


@FILE_CHECK
def test_the_file_is_checked_again_after_a_restore_and_a_reopen(
    services: AppServices, tmp_path: Path
) -> None:
    services.staff.add_unit("Pemkot", None)
    copy = services.backups.backup_to(tmp_path / "salinan.sqlite", NOW)
    assert quick_checks_of_one_load(services)[0] == 1
    assert quick_checks_of_one_load(services)[0] == 0
    services.backups.restore(copy, NOW)
    assert quick_checks_of_one_load(services)[0] == 1
    assert quick_checks_of_one_load(services)[0] == 0
    reopened = open_services(services.database_path)
    try:
        assert quick_checks_of_one_load(reopened)[0] == 1
    finally:
        reopened.close()


def test_a_refresh_reads_as_many_statements_for_160_people_as_for_40(tmp_path: Path) -> None:
    counts = []
    for size in (40, 160):
        opened = open_services(tmp_path / f"kantor{size}.sqlite", today=lambda: TODAY)
        try:
            write_demo(opened.database, today=TODAY, employees=size)
            opened.attention.items(TODAY)  # the session's first load also checks the file
            with statements_of(opened) as seen:
                items = opened.attention.items(TODAY)
        finally:
            opened.close()
        # The demo's people with repeated weak spots grow with the office; the reads do not.
        assert sum("berulang" in item.title for item in items) >= size // 40 * 2
        counts.append(len(seen))
    # Not equal: a branch reads one statement more when its data is there (the 40-person
    # demo has a person with repeated complaints, the 160-person one has none).
    assert counts[1] <= counts[0]


@FILE_CHECK
def test_a_restore_during_the_check_neither_waits_for_it_nor_keeps_its_verdict(
    services: AppServices,
) -> None:
    database = services.database

    def restore_meanwhile(*args: object) -> None:
        if "quick_check" in str(args[2]):
            database.announce(frozenset())  # what a restore calls, here mid-check

    event.listen(database.engine, "before_cursor_execute", restore_meanwhile)
    try:
        # In a thread, so a restore that waited for the check fails the test instead of
        # hanging it (the wait is generous: only a deadlock reaches it).
        loader = threading.Thread(target=services.attention.items, args=(TODAY,), daemon=True)
        loader.start()
        loader.join(timeout=120)
        assert not loader.is_alive(), "announce() waited for the check under way"
    finally:
        event.remove(database.engine, "before_cursor_execute", restore_meanwhile)
    # The verdict was of the content before the restore: the next load checks again.
    assert quick_checks_of_one_load(services)[0] == 1
    assert quick_checks_of_one_load(services)[0] == 0


@pytest.mark.postgresql_only(reason="a server checks its own pages")
def test_a_server_database_is_never_read_whole_by_a_load(services: AppServices) -> None:
    services.staff.add_unit("Pemkot", None)
    for _load in range(2):
        checks, titles = quick_checks_of_one_load(services)
        assert checks == 0
        assert DAMAGE_TITLE not in titles
