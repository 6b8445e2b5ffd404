"""`kinerja-desktop ikm`: the index of a survey file, stored only with --db --unit --period."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.services.app_services import open_services

HEADER = "No;Jenis Kelamin;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    # Two respondents; B leaves U8 empty. U8: 4/1; the rest (4+3)/2 = 3.5.
    # IKM = 25/9 x (8 x 3.5 + 4) = 800/9 = 88.888... -> 88,89, grade A.
    path = tmp_path / "skm.csv"
    path.write_text(HEADER + "1;L;4;4;4;4;4;4;4;4;4\n2;P;3;3;3;3;3;3;3;;3\n", encoding="utf-8")
    return path


def test_prints_nrr_ikm_and_grade_touching_no_database(
    capsys: pytest.CaptureFixture[str], answers: Path, tmp_path: Path
) -> None:
    before = sorted(os.listdir(tmp_path))
    code, out, err = run(capsys, "ikm", str(answers))
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == "Berkas: skm.csv; 2 responden, 1 jawaban kosong"
    assert lines[2].split()[-4:] == ["2", "3,500", "87,50", "B"]
    u8 = next(line for line in lines if line.startswith("U8 "))
    assert u8.split()[-4:] == ["1", "4,000", "100,00", "A"]
    assert "IKM: 88,89" in lines
    assert "Mutu pelayanan: A (Sangat Baik)" in lines
    assert sorted(os.listdir(tmp_path)) == before  # no database file appeared


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (HEADER + "1;L;4;4;4;4;4;4;4;4;4\n2;P;4;4;4;4;9;4;4;4;4\n", "Baris 3, kolom U5: '9'"),
        ("U1;U2;U3;U4;U5;U6;U7;U8\n4;4;4;4;4;4;4;4\n", "tidak punya kolom U9"),
        (HEADER, "tidak berisi responden"),
        (HEADER + "1;X;4;4;4;4;4;4;4;4;4\n", "Baris 2, kolom Jenis Kelamin"),
    ],
)
def test_bad_file_exits_non_zero_naming_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "rusak.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "ikm", str(path))
    assert code == EXIT_INPUT
    assert out == ""
    assert words in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "ikm", str(tmp_path / "tidak-ada.csv"))
    assert code == EXIT_INPUT and "tidak ditemukan" in err


def _office(path: Path) -> None:
    services = open_services(path)
    try:
        instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
        puskesmas = services.staff.add_unit("Puskesmas Kertapati", instansi.id)
        services.staff.add_unit("Poli Umum", puskesmas.id)
    finally:
        services.close()


def _responses(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT s.period_code, count(r.id) FROM surveys s "
            "LEFT JOIN survey_responses r ON r.survey_id = s.id GROUP BY s.id"
        ).fetchall()
    finally:
        connection.close()


def test_with_db_stores_the_survey(
    capsys: pytest.CaptureFixture[str], answers: Path, db_path: Path
) -> None:
    _office(db_path)
    args = ("ikm", str(answers), "--db", str(db_path), "--unit", "Poli Umum", "--period", "2026-S1")
    code, out, err = run(capsys, *args)
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines()[0].startswith(
        "Survei: Poli Umum (Puskesmas Kertapati), Semester I 2026"
    )
    assert "Disimpan: 2 responden" in out
    assert _responses(db_path) == [("2026-S1", 2)]
    code, out, _ = run(capsys, *args)  # a second batch joins the same survey
    assert code == EXIT_OK and "kini 4 responden" in out
    assert _responses(db_path) == [("2026-S1", 4)]


def test_with_db_bad_file_or_unit_saves_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, answers: Path
) -> None:
    _office(db_path)
    bad = tmp_path / "rusak.csv"
    bad.write_text(HEADER + "1;L;4;4;4;4;4;4;4;4;0\n", encoding="utf-8")
    code, _, err = run(
        capsys, "ikm", str(bad), "--db", str(db_path), "--unit", "Poli Umum", "--period", "2026"
    )
    assert code == EXIT_INPUT and "Baris 2, kolom U9" in err
    code, _, err = run(
        capsys, "ikm", str(answers), "--db", str(db_path), "--unit", "Poli Gigi", "--period", "2026"
    )
    assert code == EXIT_INPUT and "tidak ditemukan" in err
    code, _, err = run(
        capsys,
        "ikm",
        str(answers),
        "--db",
        str(db_path),
        "--unit",
        "Poli Umum",
        "--period",
        "2026-S3",
    )
    assert code == EXIT_INPUT and "Periode survei" in err
    assert _responses(db_path) == []


@pytest.mark.parametrize("extra", [("--unit", "Poli Umum"), ("--period", "2026")])
def test_storing_needs_all_three(
    capsys: pytest.CaptureFixture[str], answers: Path, extra: tuple[str, str]
) -> None:
    code, out, err = run(capsys, "ikm", str(answers), *extra)
    assert code == EXIT_INPUT and out == "" and "--db, --unit dan --period" in err


def test_missing_database_is_a_storage_error(
    capsys: pytest.CaptureFixture[str], answers: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "tidak-ada.sqlite"
    code, _, err = run(
        capsys, "ikm", str(answers), "--db", str(missing), "--unit", "Poli Umum", "--period", "2026"
    )
    assert code == EXIT_STORAGE and "tidak ada" in err
    assert not missing.exists()


def test_every_problem_of_a_row_is_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "rusak.csv"
    path.write_text(HEADER + "1;L;4;0;4;4;7;4;4;4;4;3\n", encoding="utf-8")
    code, out, err = run(capsys, "ikm", str(path))
    assert (code, out) == (EXIT_INPUT, "")
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [
        "Baris 2, kolom L",
        "Baris 2, kolom U2",
        "Baris 2, kolom U5",
    ]
    assert lines[-1] == "Tidak ada yang disimpan."
