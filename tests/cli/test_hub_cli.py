"""`kinerja-desktop rekap-pemda`: the workbook written, the lines printed, the exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hub-cli") / "kantor.sqlite"
    services = open_services(path, today=lambda: TODAY)
    write_demo(services.database, today=TODAY)
    services.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_recap_is_written_and_each_opd_printed(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rekap.xlsx"
    before = office_file.read_bytes()
    code, out, err = run(
        capsys,
        "rekap-pemda",
        "--db",
        str(office_file),
        "--tahun",
        "2026",
        "--periode",
        "tw3",
        "--ke",
        str(target),
        "--per",
        "28/11/2026",
    )
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].startswith("Rekap Pemda Triwulan III 2026 (per 2026-11-28): 2 OPD, 39 pegawai")
    assert lines[1].startswith("- Kecamatan Kertapati: 24 pegawai; SKP disepakati 24")
    workbook = load_workbook(target)
    assert workbook.sheetnames == [
        "Progres per OPD",
        "Sebaran predikat",
        "IKM",
        "Pengaduan & temuan",
    ]
    records = workbook["Pengaduan & temuan"]
    total = [cell.value for cell in records[records.max_row]]
    workbook.close()
    services = open_services(office_file, create=False, today=lambda: TODAY)
    expected = services.hub_recap.recap(2026, "TW3", TODAY).total.supervision
    services.close()
    assert total[3:] == [
        expected.open_complaints,
        expected.overdue_complaints,
        expected.open_findings,
        expected.overdue_findings,
    ]
    assert office_file.read_bytes() == before  # only read


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--periode", "S1"), "Periode 'S1' tidak ada pada tahun 2026"),
        (("--periode", "TW1", "--per", "31/13/2026"), "31/13/2026"),
    ],
)
def test_bad_arguments_are_exit_2_and_write_nothing(
    office_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    target = tmp_path / "rekap.xlsx"
    code, _, err = run(
        capsys,
        "rekap-pemda",
        "--db",
        str(office_file),
        "--tahun",
        "2026",
        "--ke",
        str(target),
        *args,
    )
    assert code == EXIT_INPUT
    assert message in err and "Traceback" not in err
    assert not target.exists()


def test_a_missing_database_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "rekap-pemda",
        "--db",
        str(tmp_path / "tidak-ada.sqlite"),
        "--tahun",
        "2026",
        "--periode",
        "TW4",
        "--ke",
        str(tmp_path / "rekap.xlsx"),
    )
    assert code == EXIT_STORAGE
    assert "tidak ada" in err
    assert not (tmp_path / "rekap.xlsx").exists()
