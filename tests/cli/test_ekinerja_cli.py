"""`kinerja-desktop ekspor-progres` and `banding-ekinerja`: exit codes, output, the file written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from ekinerja_recap_files import write_recap
from openpyxl import load_workbook
from progress_office import TODAY, Office, build_office, entry

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.services.app_services import open_services

RIZKY, DEWI = "198906152014031001", "199202282019032014"


@pytest.fixture
def office_file(db_path: Path) -> Iterator[Path]:
    """The progress office with two entries in March 2026, closed again for the command."""
    services = open_services(db_path, today=lambda: TODAY)
    office: Office = build_office(services)
    services.progress.add(office.rizky, entry(office.rizky_rhks[0], date(2026, 3, 2)))
    services.progress.add(office.dewi, entry(office.dewi_rhks[0], date(2026, 3, 3)))
    services.close()
    yield db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def nips_in(path: Path) -> list[str]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    finally:
        workbook.close()


def test_a_units_month_and_a_persons_span(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(office_file.read_bytes()).hexdigest()
    out_file = tmp_path / "unit.xlsx"
    db = ("--db", str(office_file))

    code, out, _ = run(
        capsys,
        "ekspor-progres",
        *db,
        "--out",
        str(out_file),
        "--unit",
        "Seksi Pelayanan",
        "--bulan",
        "2026-03",
    )
    assert code == EXIT_OK and "2 progres harian Seksi Pelayanan" in out
    assert nips_in(out_file) == [RIZKY, DEWI]

    code, out, _ = run(
        capsys,
        "ekspor-progres",
        *db,
        "--out",
        str(out_file),
        "--nip",
        DEWI,
        "--dari",
        "1/3/2026",
        "--sampai",
        "31 Maret 2026",
    )
    assert code == EXIT_OK and nips_in(out_file) == [DEWI]
    assert hashlib.sha256(office_file.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--nip", "198501012010011001", "--bulan", "2026-03"), "Tidak ada pegawai dengan NIP"),
        (("--unit", "Seksi Entah", "--bulan", "2026-03"), "Unit 'Seksi Entah' tidak ditemukan"),
        (("--nip", RIZKY, "--bulan", "Maret"), "--bulan 'Maret' tidak dikenali"),
        (("--nip", RIZKY), "Sebutkan --bulan"),
        (("--nip", RIZKY, "--bulan", "2026-03", "--dari", "1/3/2026"), "tidak keduanya"),
    ],
)
def test_bad_arguments_are_exit_2_and_write_nothing(
    office_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: tuple[str, ...],
    message: str,
) -> None:
    out_file = tmp_path / "x.xlsx"

    code, _, err = run(
        capsys, "ekspor-progres", "--db", str(office_file), "--out", str(out_file), *extra
    )

    assert code == EXIT_INPUT and message in err
    assert not out_file.exists()


def test_the_recap_comparison_prints_the_differences(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (RIZKY, "Rizky Pratama", "false", "2026-12-31", "Baik"),
            (DEWI, "Dewi Lestari", "false", "2026-12-31", "Kurang Sekali"),
        ],
    )

    code, out, _ = run(capsys, "banding-ekinerja", "--db", str(office_file), str(recap))

    assert code == EXIT_OK
    assert "dibandingkan dengan predikat 2026" in out
    assert "Rizky Pratama (NIP 198906152014031001): aplikasi belum ditetapkan" in out
    assert "Baris 6, kolom 'hasil_akhir'" in out
    assert "Tidak ada data yang diubah." in out


def test_a_recap_that_is_not_a_workbook_is_exit_2(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "rekap.csv"
    bad.write_text("nip,hasil_akhir\n")

    code, _, err = run(capsys, "banding-ekinerja", "--db", str(office_file), str(bad))

    assert code == EXIT_INPUT and "bukan berkas Excel .xlsx" in err


def test_a_missing_database_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "banding-ekinerja", "--db", str(tmp_path / "x.sqlite"), "r.xlsx")

    assert code == EXIT_STORAGE and "tidak ada" in err
