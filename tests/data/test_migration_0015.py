"""Migration 0015: evaluation notes, and the survey report's population, method and RTL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kinerja_desktop.services.app_services import open_services

FIXTURE = Path(__file__).parent.parent / "fixtures" / "databases" / "schema_0013.sqlite"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_0013_survey_upgrades_with_nothing_recorded_for_the_new_fields(tmp_path: Path) -> None:
    path = tmp_path / "kantor.sqlite"
    shutil.copy(FIXTURE, path)
    before = _rows(path, "SELECT id, unit_id, period_code, opened_on, closed_on, note FROM surveys")
    assert before
    open_services(path, create=False).close()
    after = _rows(
        path,
        "SELECT id, unit_id, period_code, opened_on, closed_on, note, population, methods, "
        "fieldwork_start, fieldwork_end FROM surveys",
    )
    assert after == [(*row, None, "", None, None) for row in before]
    assert _rows(path, "SELECT count(*) FROM survey_action_plans") == [(0,)]
    assert _rows(path, "SELECT count(*) FROM evaluation_notes") == [(0,)]


def test_the_new_checks_hold_in_sql(tmp_path: Path) -> None:
    path = tmp_path / "kantor.sqlite"
    shutil.copy(FIXTURE, path)
    open_services(path, create=False).close()
    connection = sqlite3.connect(path)
    try:
        for sql in (
            "UPDATE surveys SET population = 0",
            "UPDATE surveys SET fieldwork_start = '2026-02-01', fieldwork_end = '2026-01-01'",
            "INSERT INTO survey_action_plans (survey_id, item, program, schedule, responsible) "
            "SELECT id, 'U10', 'x', 'x', 'x' FROM surveys",
        ):
            try:
                connection.execute(sql)
            except sqlite3.IntegrityError:
                continue
            raise AssertionError(f"accepted: {sql}")
    finally:
        connection.close()
