"""Every released schema upgrades to head with its data whole, after a verified backup.

tests/fixtures/databases/ holds one file per released revision, as that release wrote it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.data.migrate import SchemaState, head_revision, known_revisions
from kinerja_desktop.data.opening import inspect_file
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.staff.service import StaffFilter

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "databases").glob("*.sqlite"))


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_released_schema_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    people_before = _rows(path, "SELECT id, nip, name, active, version FROM employees ORDER BY id")
    tables = {row[0] for row in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    realisations = "SELECT iki_id, period_code, value FROM realisations ORDER BY id"
    realised_before = _rows(path, realisations) if "realisations" in tables else None
    assert inspect_file(path).schema_state is SchemaState.OLDER

    services = open_services(path, create=False)
    try:
        everyone = services.staff.find_ids(StaffFilter(include_inactive=True))
        names = [row.name for row in services.staff.list_rows(everyone)]
    finally:
        services.close()

    assert _rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert _rows(path, "SELECT id, nip, name, active, version FROM employees ORDER BY id") == (
        people_before
    )
    assert sorted(names) == sorted(row[2] for row in people_before)
    if realised_before is not None:
        assert _rows(path, realisations) == realised_before
    (backup,) = (tmp_path / "backups").iterdir()
    assert _rows(backup, "SELECT count(*) FROM employees") == [(len(people_before),)]
    assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]


def test_there_is_a_fixture_for_every_released_revision() -> None:
    """When a migration is added, the database of the release before it joins the fixtures."""
    fixtures = {f.stem.removeprefix("schema_") for f in FIXTURES}
    assert fixtures == known_revisions() - {head_revision()}
