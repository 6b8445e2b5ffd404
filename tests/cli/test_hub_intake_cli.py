"""`export --sejak-terakhir`, `import` of numbered packages and `hub terima` on the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from handover_helpers import content_of

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.services.app_services import AppServices


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _rename_someone(unit: AppServices) -> None:
    with sqlite3.connect(unit.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Baru' WHERE id = 5")


def test_export_numbers_packages_and_writes_changes_since_the_last(
    source: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(source.database_path)
    code, out, _ = run(capsys, "export", "--db", db, "--out", str(tmp_path / "1.zip"))
    assert code == EXIT_OK and "Paket nomor 1, utuh" in out
    _rename_someone(source)

    code, out, _ = run(
        capsys, "export", "--db", db, "--out", str(tmp_path / "2.zip"), "--sejak-terakhir"
    )

    assert code == EXIT_OK
    assert "1 catatan" in out and "Paket nomor 2: hanya catatan yang baru atau berubah" in out


def test_import_says_a_package_was_taken_already_and_refuses_an_older_one(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "1.zip"
    newer = tmp_path / "2.zip"
    source.handover.export(older)
    _rename_someone(source)
    source.handover.export(newer)
    db = str(target.database_path)
    assert run(capsys, "import", "--db", db, str(newer))[0] == EXIT_OK

    code, out, _ = run(capsys, "import", "--db", db, str(newer))
    assert code == EXIT_OK and "paket nomor 2 (utuh)" in out and "sudah diterima" in out

    code, _, err = run(capsys, "import", "--db", db, str(older))
    assert code == EXIT_INPUT and "Paket lama" in err and "Traceback" not in err


def test_hub_terima_takes_the_good_packages_refuses_a_damaged_one_and_writes_the_report(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    source.handover.export(inbox / "kertapati.zip")
    (inbox / "rusak.zip").write_bytes(b"bukan zip")
    report = tmp_path / "laporan.xlsx"
    db = str(target.database_path)

    code, out, err = run(
        capsys, "hub", "terima", "--db", db, "--folder", str(inbox), "--laporan", str(report)
    )

    assert code == EXIT_INPUT
    assert "2 paket" in out and "kertapati.zip nomor 1: diterima" in out
    assert "rusak.zip: ditolak" in out and "Laporan penerimaan ditulis" in out
    assert "1 paket ditolak" in err and "Traceback" not in err
    assert content_of(target) == content_of(source)
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "diterima",
        "ditolak",
    ]

    # The same package sent again: taken already, nothing changes, exit 0.
    (inbox / "diterima" / "kertapati.zip").rename(inbox / "kertapati.zip")
    code, out, _ = run(capsys, "hub", "terima", "--db", db, "--folder", str(inbox))
    assert code == EXIT_OK and "kertapati.zip nomor 1: sudah diterima" in out


def test_hub_terima_names_a_missing_folder_and_a_missing_database(
    target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "tidak-ada"
    code, _, err = run(
        capsys, "hub", "terima", "--db", str(target.database_path), "--folder", str(missing)
    )
    assert code == EXIT_INPUT and f"Folder penerimaan tidak ditemukan: {missing}" in err

    code, _, err = run(
        capsys, "hub", "terima", "--db", str(tmp_path / "x.sqlite"), "--folder", str(tmp_path)
    )
    assert code == EXIT_STORAGE and "Berkas basis data tidak ada" in err
    assert "Traceback" not in err
