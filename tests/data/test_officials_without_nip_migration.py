"""Migration 0017 (officials without NIP) upgrades a 0016 office with its officials whole."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.domain.officials import OfficialFields, OfficialKind
from kinerja_desktop.services.app_services import open_services

FIXTURE = Path(__file__).parent.parent / "fixtures" / "databases" / "schema_0016.sqlite"
OFFICIALS = (
    "SELECT id, nip, name, status, golongan, jabatan, instansi, version FROM external_officials "
    "ORDER BY id"
)
CHOSEN = "SELECT id, penilai_official_id, atasan_official_id FROM employees ORDER BY id"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_a_0016_office_keeps_its_officials_as_asn_and_may_add_a_wali_kota(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kinerja.sqlite"
    shutil.copy(FIXTURE, path)
    officials_before, chosen_before = _rows(path, OFFICIALS), _rows(path, CHOSEN)
    assert officials_before and any(row[1:] != (None, None) for row in chosen_before)

    services = open_services(path, create=False)
    try:
        (kept,) = services.officials.officials()
        assert kept.kind is OfficialKind.ASN
        services.officials.add(
            OfficialFields("", "Rahmat Hidayat", "", "Wali Kota", "Pemkot", kind="PEJABAT_NEGARA")
        )
    finally:
        services.close()

    assert _rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert _rows(path, OFFICIALS)[: len(officials_before)] == officials_before
    assert _rows(path, CHOSEN) == chosen_before
    assert _rows(path, "SELECT kind, nip, status, golongan FROM external_officials") == [
        ("ASN", "197001011995031001", "PNS", "IV/c"),
        ("PEJABAT_NEGARA", None, None, None),
    ]
    with closing(sqlite3.connect(path)) as connection, pytest.raises(sqlite3.IntegrityError):
        # An ASN without a golongan, or a pejabat negara with a NIP, is refused by the file too.
        connection.execute("UPDATE external_officials SET golongan = NULL WHERE kind = 'ASN'")
    with closing(sqlite3.connect(path)) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "UPDATE external_officials SET nip = '197001011995031009' WHERE nip IS NULL"
        )
