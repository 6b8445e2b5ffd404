"""Every command that writes goes in the GUI's way: it refuses a file another copy is using."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from trust_helpers import digest, make_office

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_STORAGE
from kinerja_desktop.data.lock import acquire_lock, lock_path


def _import(office: Path, tmp_path: Path) -> list[str]:
    return ["import", "--db", str(office), str(tmp_path / "paket.zip")]


def _ikm(office: Path, tmp_path: Path) -> list[str]:
    answers = tmp_path / "skm.csv"
    answers.write_text("No;Jenis kelamin;U1;U2;U3;U4;U5;U6;U7;U8;U9\n1;L;4;4;4;4;4;4;4;4;4\n")
    unit, period = "Kecamatan Kertapati", "2026-S1"
    return ["ikm", str(answers), "--db", str(office), "--unit", unit, "--period", period]


def _print(office: Path, tmp_path: Path) -> list[str]:
    return ["print", "--db", str(office), "--year", "2026", "--out", str(tmp_path / "cetak")]


@pytest.mark.parametrize("command", [_import, _ikm, _print], ids=["import", "ikm", "print"])
def test_a_writing_command_refuses_a_file_in_use(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command
) -> None:
    office = make_office(db_path, 3)
    args = command(office, tmp_path)
    held = acquire_lock(office)  # this process stands in for a running app
    try:
        before = digest(office)
        assert main(args) == EXIT_STORAGE
        err = capsys.readouterr().err
        assert "sedang dipakai" in err
        assert f"proses {os.getpid()}" in err
        assert digest(office) == before
        assert not (office.parent / "backups").exists()
        assert not (tmp_path / "cetak").exists()
    finally:
        held.release()
    assert not lock_path(office).exists()
