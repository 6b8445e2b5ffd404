"""The `demo` command: writes the demo office into a (new) database file, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK
from kinerja_desktop.services.app_services import open_services


def _employees(path: Path) -> list[tuple[object, ...]]:
    services = open_services(path, create=False)
    try:
        with services.database.reading() as session:
            return [tuple(row) for row in session.execute(text("SELECT * FROM employees"))]
    finally:
        services.close()


def test_demo_creates_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "baru" / "kantor.sqlite"
    path.parent.mkdir()
    assert not path.exists()

    assert main(["demo", "--db", str(path)]) == EXIT_OK

    assert path.exists()
    out = capsys.readouterr().out
    assert out.startswith("Kantor contoh ditulis: 40 pegawai di 2 unit")
    assert len(_employees(path)) == 40


def test_demo_with_a_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kantor.sqlite"

    assert main(["demo", "--db", str(path), "--employees", "5"]) == EXIT_OK

    assert "5 pegawai" in capsys.readouterr().out
    assert len(_employees(path)) == 5


def test_zero_employees_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kantor.sqlite"

    assert main(["demo", "--db", str(path), "--employees", "0"]) == EXIT_INPUT

    assert "antara 1 dan 100000" in capsys.readouterr().err
    assert not path.exists()


def test_running_twice_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kantor.sqlite"
    assert main(["demo", "--db", str(path)]) == EXIT_OK
    before = _employees(path)
    capsys.readouterr()

    code = main(["demo", "--db", str(path)])

    assert code != EXIT_OK
    assert "sudah berisi 40 pegawai" in capsys.readouterr().err
    assert _employees(path) == before
