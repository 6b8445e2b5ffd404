"""Migration 0014 (officials outside the register) upgrades a 0013 office with its data."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.domain.officials import OfficialFields
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.staff.service import StaffFilter

FIXTURE = Path(__file__).parent.parent / "fixtures" / "databases" / "schema_0013.sqlite"
PEOPLE = "SELECT id, nip, name, penilai_id, version FROM employees ORDER BY id"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_a_0013_office_gains_external_officials_and_keeps_its_people(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    shutil.copy(FIXTURE, path)
    before = _rows(path, PEOPLE)
    assert before, "the fixture holds people"

    services = open_services(path, create=False)
    try:
        services.officials.add(
            OfficialFields("197001011995031001", "Ratu Dewa", "IV/d", "Sekda", "Pemkot")
        )
        everyone = services.staff.find_ids(StaffFilter(include_inactive=True))
        assert len(everyone) == len(before)
        chosen = {services.staff.appraisers(i, date(2026, 5, 4)).penilai_official for i in everyone}
        assert chosen == {None}
    finally:
        services.close()

    assert _rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert _rows(path, PEOPLE) == before
    officials = _rows(path, "SELECT penilai_official_id, atasan_official_id FROM employees")
    assert set(officials) == {(None, None)}
    first = before[0][0]
    with closing(sqlite3.connect(path)) as connection, pytest.raises(sqlite3.IntegrityError):
        # One kind of penilai: a register person and an outside official at once is refused.
        connection.execute(
            "UPDATE employees SET penilai_id = ?, penilai_official_id = 1 WHERE id <> ?",
            (first, first),
        )
