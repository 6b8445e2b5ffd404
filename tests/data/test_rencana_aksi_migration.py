"""Migration 0018 (rencana aksi and period targets) upgrades a 0017 office with its data whole."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.services.app_services import open_services

FIXTURE = Path(__file__).parent.parent / "fixtures" / "databases" / "schema_0017.sqlite"
ENTRIES = "SELECT id, employee_id, rhk_id, day, activity, realisation, status FROM progress_entries"
PLAN = "SELECT id, skp_id, text FROM rhks ORDER BY id"
INDICATORS = "SELECT id, rhk_id, indicator, target, lower_is_better FROM ikis ORDER BY id"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _write(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(sql)
        connection.commit()


def test_a_0017_office_keeps_its_plan_and_daily_log_and_gains_the_new_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kinerja.sqlite"
    shutil.copy(FIXTURE, path)
    entries, plan, indicators = _rows(path, ENTRIES), _rows(path, PLAN), _rows(path, INDICATORS)
    assert entries and plan and indicators

    services = open_services(path, create=False)
    services.close()

    assert _rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert _rows(path, ENTRIES) == entries
    assert _rows(path, PLAN) == plan
    assert _rows(path, INDICATORS) == indicators
    assert _rows(path, "SELECT rencana_aksi_id FROM progress_entries") == [(None,)] * len(entries)
    for table in ("rencana_aksi", "period_targets", "target_scales"):
        assert _rows(path, f"SELECT count(*) FROM {table}") == [(0,)]

    rhk_id, iki_id = plan[0][0], indicators[0][0]
    _write(
        path, f"INSERT INTO rencana_aksi (rhk_id, period_code, text) VALUES ({rhk_id}, 'TW1', 'x')"
    )
    _write(
        path,
        f"INSERT INTO period_targets (iki_id, period_code, target) VALUES ({iki_id}, 'TW1', '3')",
    )
    _write(path, f"INSERT INTO target_scales (iki_id, scale) VALUES ({iki_id}, 'KUMULATIF')")
    _write(path, "UPDATE progress_entries SET rencana_aksi_id = 1")
    refused = (
        f"INSERT INTO rencana_aksi (rhk_id, period_code, text) VALUES ({rhk_id}, 'TW1', 'y')",
        f"INSERT INTO rencana_aksi (rhk_id, period_code, text) VALUES ({rhk_id}, 'AKHIR', 'y')",
        f"INSERT INTO rencana_aksi (rhk_id, period_code, text) VALUES ({rhk_id}, 'TW2', '')",
        f"INSERT INTO period_targets (iki_id, period_code, target) VALUES ({iki_id}, 'TW2', '-1')",
        f"INSERT INTO target_scales (iki_id, scale) VALUES ({iki_id}, 'TAHUNAN')",
        "INSERT INTO rencana_aksi (rhk_id, period_code, text) VALUES (9999, 'TW2', 'y')",
    )
    for sql in refused:
        with pytest.raises(sqlite3.IntegrityError):
            _write(path, sql)
    # Deleting the rencana aksi unlinks the daily entries; deleting the RHK removes its plans.
    _write(path, "DELETE FROM rencana_aksi")
    assert _rows(path, "SELECT rencana_aksi_id FROM progress_entries") == [(None,)] * len(entries)
