"""Small offices and file helpers shared by the backup, recovery and lock tests."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.data import sqlite_files
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import StaffInput


def nip_for(number: int) -> str:
    """A valid PNS NIP: born 1980-01-01, appointed 2006-04, man, sequence ``number``."""
    return f"19800101200604100{number + 1}" if number < 9 else f"1980010120060410{number + 1}"


def add_people(services: AppServices, count: int, *, start: int = 0) -> None:
    units = services.staff.units()
    if units:
        unit_id = units[-1].id
    else:
        instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
        unit_id = services.staff.add_unit("Kecamatan Kertapati", instansi.id).id
    for number in range(start, start + count):
        services.staff.create(
            StaffInput(
                fields=StaffFields(
                    nip_for(number), f"Pegawai {number}", "PNS", "III/a", "Staf", "Pelaksana"
                ),
                unit_id=unit_id,
                penilai_id=None,
                effective_date=date(2020, 1, 2),
            )
        )


def make_office(path: Path, people: int) -> Path:
    services = open_services(path)
    try:
        add_people(services, people)
    finally:
        services.close()
    return path


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute(sql).fetchall()


def names(path: Path) -> list[str]:
    return [str(row[0]) for row in query(path, "SELECT name FROM employees ORDER BY name")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def permission_bits_stop_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI), let the app judge writability by the owner's write bit.

    Root writes through permission bits, so a test that makes a file or folder read-only
    would otherwise test nothing; the app asks one seam (``sqlite_files.can_write``), and
    SQLite's own behaviour is then checked by what it must not need (no new file created).
    Run by an ordinary user, nothing is replaced: the real permissions apply.
    """
    if AS_ROOT:
        monkeypatch.setattr(
            sqlite_files, "can_write", lambda path: bool(path.stat().st_mode & stat.S_IWUSR)
        )


@contextmanager
def file_mode(path: Path, bits: int) -> Iterator[None]:
    """``path`` with permission ``bits`` within the block (restored, so it can be cleaned up)."""
    before = path.stat().st_mode & 0o777
    os.chmod(path, bits)
    try:
        yield
    finally:
        os.chmod(path, before)
