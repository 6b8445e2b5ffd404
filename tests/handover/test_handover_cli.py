"""`kinerja-desktop export` and `import`: exit codes, messages, and what the database holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from handover_helpers import content_of, dump

from kinerja_desktop.cli import EXIT_INPUT, EXIT_OK, EXIT_STORAGE, main
from kinerja_desktop.services.app_services import AppServices


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_through_the_command_line(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "paket.zip"
    code, out, _ = run(capsys, "export", "--db", str(source.database_path), "--out", str(package))
    assert code == EXIT_OK and "Paket serah terima ditulis" in out

    code, out, _ = run(capsys, "import", "--db", str(target.database_path), str(package))
    assert code == EXIT_OK and "catatan baru" in out
    assert content_of(target) == content_of(source)


def test_a_unit_and_year_export(
    source: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "seksi.zip"
    db = str(source.database_path)
    args = ("export", "--db", db, "--out", str(package), "--unit", "Seksi Pemerintahan")
    code, _, _ = run(capsys, *args, "--year", "2026")
    assert code == EXIT_OK and package.exists()

    code, _, err = run(capsys, "export", "--db", db, "--out", str(package), "--unit", "Tidak Ada")
    assert code == EXIT_INPUT and "tidak ditemukan" in err


def test_conflicts_without_a_choice_are_listed_and_nothing_is_written(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Diubah' WHERE id = 3")
    before = dump(target.database_path)
    db = str(target.database_path)

    code, _, err = run(capsys, "import", "--db", db, str(package))
    assert code == EXIT_INPUT
    assert "Berbeda: Pegawai" in err and "name: kita 'Nama Diubah'" in err
    assert dump(target.database_path) == before

    code, out, _ = run(capsys, "import", "--db", db, str(package), "--keep-ours")
    assert code == EXIT_OK and "1 tetap memakai data kita" in out
    assert dump(target.database_path) == before

    code, out, _ = run(capsys, "import", "--db", db, str(package), "--take-theirs")
    assert code == EXIT_OK and "1 diganti dari paket" in out
    assert content_of(target) == content_of(source)


def test_a_refused_package_exits_2(
    target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "sampah.zip"
    junk.write_bytes(b"PK\x03\x04 bukan apa-apa")
    code, _, err = run(capsys, "import", "--db", str(target.database_path), str(junk))
    assert code == EXIT_INPUT and "bukan paket serah terima" in err
    assert "Traceback" not in err


def test_a_missing_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "export", "--db", str(tmp_path / "tidak-ada.sqlite"), "--out", "x.zip"
    )
    assert code == EXIT_STORAGE and "tidak ada" in err


def test_both_choices_at_once_are_an_argument_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(
            ["import", "--db", str(tmp_path / "a.sqlite"), "p.zip", "--take-theirs", "--keep-ours"]
        )
    assert stopped.value.code == EXIT_INPUT
    assert "Kesalahan argumen" in capsys.readouterr().err
