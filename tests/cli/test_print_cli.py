"""`kinerja-desktop print` and `verify` on the demo office."""

from __future__ import annotations

import io
import re
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.cli import main, printing
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_MISMATCH, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.printing.batch import file_name, safe_name

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(db_path: Path) -> Path:
    services = open_services(db_path)
    try:
        write_demo(services.database, employees=8, today=TODAY)
    finally:
        services.close()
    return db_path


def test_print_one_person_every_form_then_verify(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_services(office)
    try:
        person = services.evaluation.people(2026)[2]
    finally:
        services.close()
    out = tmp_path / "cetak"
    code = main(
        [
            "print",
            "--db",
            str(office),
            "--year",
            "2026",
            "--period",
            "tw3",
            "--nip",
            person.nip,
            "--paper",
            "f4",
            "--out",
            str(out),
            "--date",
            "28-11-2026",
        ]
    )
    assert code == EXIT_OK, capsys.readouterr().err
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(
        file_name(
            person.nip,
            person.name,
            form,
            "TW3" if form in (FormKind.EVALUASI, FormKind.DOKUMEN) else "2026",
        )
        for form in (
            FormKind.SKP,
            FormKind.EVALUASI,
            FormKind.DOKUMEN,
            FormKind.KOMPETENSI,
            FormKind.PENGEMBANGAN,
        )
    )
    evaluation = next(out.glob("*_evaluasi_TW3.pdf"))
    page = PdfReader(io.BytesIO(evaluation.read_bytes())).pages[0].extract_text()
    assert "Palembang, 28 November 2026" in PdfReader(evaluation).pages[-1].extract_text()
    match = re.search(r"Kode verifikasi: ([0-9A-Z-]{12})", page)
    assert match
    capsys.readouterr()

    assert main(["verify", "--db", str(office), match.group(1)]) == EXIT_OK
    assert "COCOK" in capsys.readouterr().out

    services = open_services(office)
    try:
        services.behaviour.save_feedback(
            person.skp_id, "TW3", BehaviourValue.HARMONIS, "Selalu menolong rekan baru."
        )
    finally:
        services.close()
    assert main(["verify", "--db", str(office), match.group(1)]) == EXIT_MISMATCH
    said = capsys.readouterr().out
    assert "TIDAK COCOK" in said
    assert "Selalu menolong rekan baru." in said


def test_print_the_whole_office_for_a_period(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "semua"
    assert (
        main(
            [
                "print",
                "--db",
                str(office),
                "--year",
                "2026",
                "--period",
                "TW2",
                "--form",
                "evaluasi",
                "--out",
                str(out),
            ]
        )
        == EXIT_OK
    )
    assert len(list(out.glob("*_evaluasi_TW2.pdf"))) == 8
    assert "8 berkas PDF" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--year", "2031"], "Tidak ada yang dicetak"),
        (["--year", "2026", "--form", "evaluasi"], "sebutkan periodenya"),
        (["--year", "2026", "--period", "TW9"], "Periode 'TW9' tidak dikenal"),
        (["--year", "2026", "--nip", "123"], "NIP"),
        (["--year", "2026", "--nip", "199001012020121001"], "Tidak ada pegawai dengan NIP"),
        (["--year", "2026", "--form", "rapor"], "pilihan tidak dikenal"),
        (["--year", "1900"], "Tahun harus antara"),
    ],
)
def test_wrong_arguments_say_why_in_indonesian(
    office: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    args = ["print", "--db", str(office), "--out", str(tmp_path / "x"), *extra]
    with pytest.raises(SystemExit) if "rapor" in extra else nullcontext():
        code = main(args)
        assert code == EXIT_INPUT
    assert message in capsys.readouterr().err


def test_verify_unknown_and_malformed_codes(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", "--db", str(office), "AAAA-BBBB-CC"]) == EXIT_INPUT
    assert "tidak ditemukan" in capsys.readouterr().out
    assert main(["verify", "--db", str(office), "xyz"]) == EXIT_INPUT
    assert "bukan kode verifikasi" in capsys.readouterr().err


def test_a_missing_database_is_a_storage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "tidak-ada.sqlite"
    assert main(["verify", "--db", str(missing), "AAAA-BBBB-CC"]) == EXIT_STORAGE
    assert not missing.exists()
    assert "tidak ada" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("dr. Nur'aini Hasanah, M.Kes.", "dr-Nur-aini-Hasanah-M-Kes"),
        ("José Márquez", "Jose-Marquez"),
        ("A/B\\C:D*E?F", "A-B-C-D-E-F"),
        ("<b>", "b"),
        ("ʼʼʼ", "tanpa-nama"),
        ("X" * 200, "X" * 60),
    ],
)
def test_names_are_made_safe_for_file_systems(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_the_self_checks_form_is_printed_for_the_day_given(office: Path) -> None:
    # The demo office holds SKP of 2026 only: a clock-read day in another year finds nobody.
    services = open_services(office)
    try:
        assert printing.self_check(services, TODAY)
        assert not printing.self_check(services, date(2031, 1, 5))
    finally:
        services.close()
