"""Database paths with URL syntax in them (``? # % & ;``, spaces, non-ASCII) stay one file.

A path pasted into ``sqlite:///...`` is parsed as a URL: ``q?x/k.sqlite`` became the file ``q``
with a query string. Every command must write, read, back up and restore exactly the named file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trust_helpers import add_people, names

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.data.database import Database, make_read_only_engine
from kinerja_desktop.data.lock import lock_path
from kinerja_desktop.services.app_services import open_services

AWKWARD = ("Kantor Camat #2", "data?x%20 ü;&.sqlite")


def every_file(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def awkward_db(tmp_path: Path) -> Path:
    folder = tmp_path / "a" / AWKWARD[0]
    folder.mkdir(parents=True)
    return folder / AWKWARD[1]


def test_create_write_reopen_back_up_restore_and_check_use_only_the_named_file(
    awkward_db: Path, tmp_path: Path
) -> None:
    services = open_services(awkward_db)
    try:
        add_people(services, 2)
    finally:
        services.close()
    assert names(awkward_db) == ["Pegawai 0", "Pegawai 1"]

    read_only = Database(awkward_db, make_read_only_engine(awkward_db), read_only=True)
    try:
        with read_only.reading() as session:
            assert session.connection().exec_driver_sql("SELECT count(*) FROM employees").scalar()
    finally:
        read_only.dispose()

    backup = tmp_path / "usb ?#%20 ü" / "cadangan?x#1.sqlite"
    assert main(["backup", "--db", str(awkward_db), "--to", str(backup)]) == EXIT_OK
    assert names(backup) == names(awkward_db)

    services = open_services(awkward_db)
    try:
        add_people(services, 1, start=5)
    finally:
        services.close()
    assert main(["restore", "--db", str(awkward_db), "--from", str(backup)]) == EXIT_OK
    assert names(awkward_db) == ["Pegawai 0", "Pegawai 1"]
    assert main(["check", "--db", str(awkward_db)]) == EXIT_OK

    folder = f"a/{AWKWARD[0]}"
    made = every_file(tmp_path)
    stray = {
        name
        for name in made
        if not name.startswith((f"{folder}/{AWKWARD[1]}", f"{folder}/backups/", "usb ?#%20 ü/"))
        and not name.startswith("appdata/")
    }
    assert stray == set(), stray
    assert not lock_path(awkward_db).exists()


def test_demo_writes_into_a_folder_with_a_question_mark(tmp_path: Path) -> None:
    target = tmp_path / "a" / "q?x" / "k.sqlite"
    assert main(["demo", "--db", str(target), "--employees", "3"]) == EXIT_OK
    assert target.is_file()
    assert not (tmp_path / "a" / "q").exists()
