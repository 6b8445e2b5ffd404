"""`kinerja-desktop import-employees`: exit codes, messages, and what ends up in the database."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.services.app_services import open_services


@pytest.fixture
def existing_db(db_path: Path) -> Path:
    open_services(db_path).close()
    return db_path


def employee_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM employees").fetchone()[0])
    finally:
        connection.close()


def bad_copy(sample_csv: Path, tmp_path: Path) -> Path:
    """The sample with three bad rows: lines 5, 10 and 12, none of whom appraises anyone."""
    lines = sample_csv.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",II/d,", ",II/x,")
    lines[9] = lines[9].replace("199310102020121008", "1.99310E+17")
    lines[11] = lines[11].replace(",PNS,", ",Honorer,")
    path = tmp_path / "rusak.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import-employees", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_prints_a_summary(
    capsys: pytest.CaptureFixture[str], existing_db: Path, sample_csv: Path
) -> None:
    code, out, err = run(capsys, "--db", str(existing_db), str(sample_csv))

    assert code == EXIT_OK
    assert err == ""
    assert out.splitlines()[:5] == [
        "Impor 'pegawai-contoh.csv' selesai: 11 pegawai baru, 0 diperbarui, 0 tidak berubah.",
        "Pengodean berkas: UTF-8.",
        "Unit kerja baru (2):",
        "  - Kecamatan Kertapati (Instansi)",
        "  - Puskesmas Kertapati (Instansi)",
    ]
    assert employee_count(existing_db) == 11


def test_invalid_rows_are_all_listed_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], existing_db: Path, sample_csv: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(existing_db), str(bad_copy(sample_csv, tmp_path)))

    assert code == EXIT_INPUT
    assert out == ""
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [
        "Baris 5, kolom 'Golongan'",
        "Baris 10, kolom 'NIP'",
        "Baris 12, kolom 'Status'",
    ]
    assert lines[3:] == [
        "Tidak ada yang disimpan: 3 baris tidak valid. Perbaiki berkas, atau pakai "
        "--skip-invalid untuk mengimpor 8 baris yang valid saja."
    ]
    assert employee_count(existing_db) == 0


def test_skip_invalid_imports_the_valid_rows(
    capsys: pytest.CaptureFixture[str], existing_db: Path, sample_csv: Path, tmp_path: Path
) -> None:
    path = bad_copy(sample_csv, tmp_path)

    code, out, err = run(capsys, "--db", str(existing_db), "--skip-invalid", str(path))

    assert code == EXIT_OK
    assert len(err.splitlines()) == 3  # the problems are still shown
    assert out.splitlines()[0] == (
        "Impor 'rusak.csv' selesai: 8 pegawai baru, 0 diperbarui, 0 tidak berubah, "
        "3 baris tidak valid dilewati (baris 5, 10, 12)."
    )
    assert employee_count(existing_db) == 8


def test_an_unreadable_import_file_exits_2(
    capsys: pytest.CaptureFixture[str], existing_db: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(existing_db), str(tmp_path / "tidak-ada.csv"))

    assert code == EXIT_INPUT
    assert out == ""
    assert "Berkas 'tidak-ada.csv' tidak ditemukan" in err
    assert "Traceback" not in err


def test_a_database_file_of_random_bytes_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_csv: Path
) -> None:
    path = tmp_path / "rusak.sqlite"
    content = random.Random(7).randbytes(8192)
    path.write_bytes(content)

    code, out, err = run(capsys, "--db", str(path), str(sample_csv))

    assert code == EXIT_STORAGE
    assert out == ""
    assert err.strip().splitlines() == [
        "Berkas ini bukan basis data Kinerja Desktop (bukan berkas SQLite).",
        "Tidak ada cadangan yang baik di folder 'backups' di samping berkas ini.",
    ]
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("rusak")] == ["rusak.sqlite"]
    assert not (tmp_path / "backups").exists()


def test_a_missing_database_file_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_csv: Path
) -> None:
    path = tmp_path / "tidak-ada.sqlite"

    code, out, err = run(capsys, "--db", str(path), str(sample_csv))

    assert code == EXIT_STORAGE
    assert out == ""
    assert err.strip() == f"Berkas basis data tidak ada: {path}"
    assert not path.exists()
