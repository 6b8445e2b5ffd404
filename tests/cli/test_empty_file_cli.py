"""A zero-byte database file is refused, never silently turned into a new, empty office.

Only the demo (and the GUI's first-start dialog, tests/ui/test_application.py) makes an office
on purpose; every other command names the empty file and says how to make a new office.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trust_helpers import make_office

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_OK


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    folder = tmp_path / "kantor"
    folder.mkdir()
    path = folder / "kinerja.sqlite"
    path.touch()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["backup", "--to", "{tmp}/cadangan.sqlite"],
        ["restore", "--from", "{backup}"],
        ["import-employees", "{samples}/pegawai-contoh.csv"],
    ],
    ids=lambda command: command[0],
)
def test_a_zero_byte_file_is_refused_and_left_as_it_is(
    empty_db: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    backup = make_office(tmp_path / "asal.sqlite", 1)
    samples = Path(__file__).parents[1] / "samples"
    argv = [command[0], "--db", str(empty_db)] + [
        part.format(tmp=tmp_path, backup=backup, samples=samples) for part in command[1:]
    ]
    assert main(argv) != EXIT_OK
    output = capsys.readouterr()
    assert "kosong (0 bita)" in output.out + output.err
    assert "kinerja-desktop demo --db" in output.out + output.err
    assert empty_db.stat().st_size == 0
    assert listing(empty_db.parent) == ["kinerja.sqlite"]
    assert not (tmp_path / "cadangan.sqlite").exists()


def test_demo_makes_an_office_of_a_zero_byte_file_on_purpose(empty_db: Path) -> None:
    assert main(["demo", "--db", str(empty_db), "--employees", "3"]) == EXIT_OK
    assert main(["check", "--db", str(empty_db)]) == EXIT_OK
