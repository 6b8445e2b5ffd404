"""`hub isian-awal`, and `import` of what it writes into a new or an existing office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.handover.package import read_package

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def hub_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hub-prefill-cli") / "pemda.sqlite"
    services = open_services(path, today=lambda: TODAY)
    write_demo(services.database, today=TODAY)
    services.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def prefill(capsys: pytest.CaptureFixture[str], hub: Path, target: Path, *more: str) -> tuple:
    return run(
        capsys, "hub", "isian-awal", "--db", str(hub), "--tahun", "2026", "--ke", str(target), *more
    )


def test_an_opds_prefill_is_written_and_a_new_office_starts_from_it(
    hub_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "kertapati.zip"
    before = hub_file.read_bytes()
    code, out, err = prefill(capsys, hub_file, package, "--unit", "Kecamatan Kertapati")
    assert (code, err) == (EXIT_OK, "")
    assert hub_file.read_bytes() == before  # the hub is only read
    lines = out.splitlines()
    assert lines[0] == f"Paket isian awal ditulis: {package}"
    assert lines[1] == "Kantor: Kecamatan Kertapati"
    assert lines[2] == "Cakupan: Pemerintah Kota Palembang / Kecamatan Kertapati, tahun 2026"
    assert lines[3].startswith("Isi: Unit kerja ")
    assert "Pegawai 25, Pejabat di luar kantor 2, Plt/Plh 1" in lines[3]
    assert read_package(package).manifest.is_prefill

    office = tmp_path / "kecamatan" / "kinerja.sqlite"
    code, out, err = run(capsys, "import", "--db", str(office), str(package))
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("Paket isian awal Pemda dari pemda.sqlite (Pemerintah Kota")
    assert f"Kantor baru dibuat dari paket kertapati.zip: {office}" in out
    opened = open_services(office, create=False, today=lambda: TODAY)
    try:
        people = opened.staff.search_people("", 100)
        assert len(people) == 24
        kasi = next(p for p in people if p.jabatan.startswith("Kepala Seksi Pemerintahan"))
        staff = opened.staff.subordinates(kasi.id)
        assert staff and all(p.penilai_id == kasi.id for p in staff)
        unit = next(u for u in opened.staff.units() if u.name == "Kecamatan Kertapati")
        assert opened.staff.scheme_for(unit.id, 2026) is EvaluationScheme.TRIWULAN
    finally:
        opened.close()


def test_a_prefill_into_an_existing_office_is_an_ordinary_merge(
    hub_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "semua.zip"
    assert prefill(capsys, hub_file, package)[0] == EXIT_OK
    office = tmp_path / "kantor.sqlite"
    office.write_bytes(hub_file.read_bytes())
    code, out, err = run(capsys, "import", "--db", str(office), str(package))
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("Paket isian awal Pemda dari pemda.sqlite (semua unit, tahun 2026)")
    assert "0 catatan baru" in out and "Basis data sebelum impor dicadangkan" in out


def test_wrong_arguments_write_nothing(
    hub_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "x.zip"
    code, _, err = prefill(capsys, hub_file, package, "--unit", "Dinas Pendidikan")
    assert (code, err.strip()) == (EXIT_INPUT, "Unit 'Dinas Pendidikan' tidak ditemukan.")
    code, _, err = run(
        capsys, "hub", "isian-awal", "--db", str(hub_file), "--tahun", "1990", "--ke", str(package)
    )
    assert (code, err.strip()) == (EXIT_INPUT, "Tahun harus antara 2000 dan 2100.")
    assert not package.exists()
    code, _, err = prefill(capsys, tmp_path / "tidak-ada.sqlite", package)
    assert code == EXIT_STORAGE and "tidak ada" in err
    assert not (tmp_path / "tidak-ada.sqlite").exists()
