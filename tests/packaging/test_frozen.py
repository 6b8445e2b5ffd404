"""The PyInstaller build in dist/kinerja-desktop (`make build`); skipped when it is absent."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop import __version__
from kinerja_desktop.data.migrate import MIGRATIONS_DIR, head_revision
from kinerja_desktop.data.opening import open_database

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "dist" / "kinerja-desktop"
APP = APP_DIR / ("kinerja-desktop.exe" if sys.platform == "win32" else "kinerja-desktop")
INTERNAL = APP_DIR / "_internal"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not APP.exists(), reason=f"no frozen build at {APP}"),
]


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(APP), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_frozen_self_check() -> None:
    result = run_app("--self-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "self-check ok"


def test_frozen_version_matches_the_source() -> None:
    result = run_app("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kinerja-desktop {__version__}"


def test_frozen_check_on_a_healthy_database(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.transaction() as session:
            session.execute(
                text("INSERT INTO units (name, kind, city) VALUES ('Kecamatan', 'INSTANSI', '')")
            )
    finally:
        database.dispose()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()

    result = run_app("check", "--db", str(db_path))

    assert result.returncode == 0, result.stdout + result.stderr
    head = head_revision()
    assert f"Versi skema: {head} (aplikasi: {head}); terbaru" in result.stdout
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_frozen_check_on_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "rusak.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    before = path.read_bytes()

    result = run_app("check", "--db", str(path))

    assert result.returncode == 1
    assert "Masalah:" in result.stdout
    assert path.read_bytes() == before


def test_frozen_demo_then_check(tmp_path: Path) -> None:
    path = tmp_path / "contoh.sqlite"

    demo = run_app("demo", "--db", str(path), "--employees", "20")
    assert demo.returncode == 0, demo.stdout + demo.stderr

    check = run_app("check", "--db", str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Integritas: baik" in check.stdout


def test_frozen_bad_argument_exits_2() -> None:
    result = run_app("--tidak-ada")
    assert result.returncode == 2
    assert "Kesalahan argumen:" in result.stderr


def test_build_ships_the_migrations_as_files() -> None:
    shipped = INTERNAL / "kinerja_desktop" / "data" / "migrations"
    for source in [*MIGRATIONS_DIR.glob("*.py"), *MIGRATIONS_DIR.glob("versions/*.py")]:
        relative = source.relative_to(MIGRATIONS_DIR)
        assert (shipped / relative).read_bytes() == source.read_bytes(), (
            f"{relative} differs from the source: the build is stale, run `make build`"
        )
    assert (shipped / "script.py.mako").is_file()


def test_build_ships_babel_data_for_indonesian() -> None:
    locale_data = INTERNAL / "babel" / "locale-data"
    assert (INTERNAL / "babel" / "global.dat").is_file()
    assert {"id.dat", "root.dat"} <= {path.name for path in locale_data.iterdir()}


def test_build_ships_the_indonesian_qt_translation() -> None:
    shipped = INTERNAL / "resources" / "translations" / "qtbase_id.qm"
    assert (
        shipped.read_bytes() == (ROOT / "resources" / "translations" / "qtbase_id.qm").read_bytes()
    )
