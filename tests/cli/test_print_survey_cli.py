"""`kinerja-desktop print --form survei`: one survey report per surveyed unit, then verify."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK
from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(db_path: Path) -> Path:
    services = open_services(db_path)
    try:
        write_demo(services.database, employees=8, today=TODAY)
    finally:
        services.close()
    return db_path


def _print(office: Path, out: Path, *extra: str) -> int:
    return main(
        [
            "print",
            "--db",
            str(office),
            "--year",
            "2026",
            "--form",
            "survei",
            "--out",
            str(out),
            *extra,
        ]
    )


def test_print_survey_reports_of_a_period_then_verify_one(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_services(office)
    try:
        surveyed = [s for s in services.supervision.surveys.surveys() if s.period.code == "2026-S1"]
    finally:
        services.close()
    out = tmp_path / "skm"
    assert _print(office, out, "--period", "S1", "--date", "28-11-2026") == EXIT_OK
    files = sorted(out.glob("*.pdf"))
    assert len(files) == len(surveyed) >= 1
    assert all(name.name.endswith("_survei_2026-S1.pdf") for name in files)
    text = PdfReader(io.BytesIO(files[0].read_bytes())).pages[0].extract_text()
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
    found = re.search(r"Kode verifikasi: ([0-9A-Z-]+)", text)
    assert found is not None
    assert f"{len(files)} berkas PDF" in capsys.readouterr().out

    assert main(["verify", "--db", str(office), found.group(1)]) == EXIT_OK
    lines = capsys.readouterr().out
    assert "Laporan Survei Kepuasan Masyarakat (SKM), tahun 2026 2026-S1" in lines
    assert "COCOK" in lines


def test_print_survey_report_of_one_unit(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "poli"
    assert _print(office, out, "--period", "S2", "--unit", "Seksi Pelayanan Umum") == EXIT_OK
    (only,) = out.glob("*.pdf")
    assert "Seksi-Pelayanan-Umum" in only.name


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--period", "TW1"), "tidak ada survei kepuasan masyarakat periode 2026-TW1"),
        ((), "tidak ada survei kepuasan masyarakat periode 2026."),
        (("--period", "S1", "--unit", "Tidak Ada"), "tidak ditemukan"),
        (("--period", "Q9"), "Periode 'Q9' tidak dikenal"),
    ],
)
def test_nothing_to_print_exits_2_with_the_reason(
    office: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: tuple[str, ...],
    message: str,
) -> None:
    out = tmp_path / "kosong"
    assert _print(office, out, *extra) == EXIT_INPUT
    assert message in capsys.readouterr().err
    assert not list(out.glob("*.pdf")) if out.exists() else True
