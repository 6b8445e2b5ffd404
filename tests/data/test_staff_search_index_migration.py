"""Migration 0021 (the staff search's index) upgrades a 0020 office and keeps its planner stats.

A file whose statistics were gathered must get them for the new index too: without them SQLite
would take it for the most selective index of all and read it for other reads of active people.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.staff.service import StaffFilter

FIXTURE = Path(__file__).parent.parent / "fixtures" / "databases" / "schema_0020.sqlite"
STATS = "SELECT idx FROM sqlite_stat1 WHERE tbl = 'employees' ORDER BY idx"
PLAN_OF_SEARCH = (
    "EXPLAIN QUERY PLAN SELECT id FROM employees WHERE active IS 1 AND "
    "(name LIKE '%a%' OR jabatan LIKE '%a%' OR nip LIKE '%1%') ORDER BY name, id"
)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _upgraded(tmp_path: Path, *, analysed: bool) -> Path:
    path = tmp_path / "kinerja.sqlite"
    shutil.copy(FIXTURE, path)
    if analysed:
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("ANALYZE")
            connection.commit()
    services = open_services(path, create=False)
    try:
        people = services.staff.find_ids(StaffFilter(text="a", include_inactive=True))
    finally:
        services.close()
    assert people  # the fixture's people are found through the new query
    assert _rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    return path


def test_an_analysed_office_has_statistics_for_the_new_index(tmp_path: Path) -> None:
    path = _upgraded(tmp_path, analysed=True)
    indexes = [idx for (idx,) in _rows(path, STATS)]
    assert "ix_employees_search" in indexes
    assert "ix_employees_active_name" in indexes  # kept for reads of ids alone
    (plan,) = [row[3] for row in _rows(path, PLAN_OF_SEARCH)]
    assert plan == "SEARCH employees USING COVERING INDEX ix_employees_search (active=?)"


def test_an_office_never_analysed_is_not_analysed_by_the_upgrade(tmp_path: Path) -> None:
    path = _upgraded(tmp_path, analysed=False)
    tables = [name for (name,) in _rows(path, "SELECT name FROM sqlite_master")]
    assert "sqlite_stat1" not in tables
    assert "ix_employees_search" in tables
    (plan,) = [row[3] for row in _rows(path, PLAN_OF_SEARCH)]
    assert plan == "SEARCH employees USING COVERING INDEX ix_employees_search (active=?)"
