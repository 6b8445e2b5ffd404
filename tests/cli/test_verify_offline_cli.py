"""`kinerja-desktop public-key` and `verify --public-key`: checking a sheet without a database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_MISMATCH, EXIT_OK
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.paper_seal import b64url
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.platform.signing import load_or_create_key
from kinerja_desktop.services.printing import PrintRequest
from kinerja_desktop.services.printing.paper_keys import write_public_key

TODAY = date(2026, 11, 28)


@pytest.fixture
def sheet(db_path: Path) -> tuple[str, str, str, str]:
    """A printed and recorded SKP: its code, digest (hex), signature (base64url), QR payload."""
    services = open_services(db_path)
    try:
        write_demo(services.database, employees=6, today=TODAY)
        person = services.evaluation.people(2026)[0]
        prepared, _ = services.printing.issue(
            PrintRequest(FormKind.SKP, 2026, TODAY, employee_id=person.employee_id)
        )
    finally:
        services.close()
    payload = prepared.verification.payload
    return prepared.code, prepared.digest, b64url(prepared.signature), payload


def test_export_the_public_key_then_check_a_sheet_offline(
    sheet: tuple[str, str, str, str],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, digest, signature, payload = sheet
    key_file = tmp_path / "kantor-kertapati.pem"
    assert main(["public-key", "--out", str(key_file)]) == EXIT_OK
    out = capsys.readouterr().out
    fingerprint = out.split("Sidik kunci: ")[1].strip()
    assert fingerprint in key_file.read_text()

    db_path.unlink()  # no database at all from here on
    assert main(["verify", "--public-key", str(key_file), "--qr", payload]) == EXIT_OK
    said = capsys.readouterr().out
    assert code in said and "SAH" in said and fingerprint in said

    parts = ["verify", code, "--public-key", str(key_file), "--digest", digest]
    assert main([*parts, "--signature", signature]) == EXIT_OK
    changed = ("0" if digest[0] != "0" else "1") + digest[1:]
    parts[5] = changed
    assert main([*parts, "--signature", signature]) == EXIT_MISMATCH
    assert "TIDAK SAH" in capsys.readouterr().out


def test_another_offices_key_does_not_verify(
    sheet: tuple[str, str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    *_, payload = sheet
    stranger = tmp_path / "lain.pem"
    write_public_key(load_or_create_key(tmp_path / "lain").export_public_key(), stranger)
    assert main(["verify", "--public-key", str(stranger), "--qr", payload]) == EXIT_MISMATCH
    assert "TIDAK SAH" in capsys.readouterr().out


def test_the_qr_also_works_against_the_records(
    sheet: tuple[str, str, str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    *_, payload = sheet
    assert main(["verify", "--db", str(db_path), "--qr", payload]) == EXIT_OK
    assert "COCOK" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["verify"], "Sebutkan --db"),
        (["verify", "--qr", "KD1|x"], "Sebutkan --db"),
        (["verify", "--public-key", "{key}"], "sebutkan isi QR"),
        (["verify", "--public-key", "{key}", "--qr", "hello"], "bukan kode verifikasi"),
        (["verify", "--public-key", "{missing}", "--qr", "hello"], "tidak dapat dibaca"),
        (["verify", "--public-key", "{key}", "ABCD-EFGH-JK", "--digest", "00"], "sebutkan"),
        (["public-key", "--out", "{folder}"], "harus berkas"),
    ],
)
def test_wrong_arguments_exit_2_with_the_reason(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "kunci.pem"
    write_public_key(load_or_create_key(tmp_path / "k").export_public_key(), key)
    names = {"key": str(key), "missing": str(tmp_path / "tidak-ada.pem"), "folder": str(tmp_path)}
    assert main([argument.format(**names) for argument in arguments]) == EXIT_INPUT
    assert message.lower() in capsys.readouterr().err.lower()


def test_public_key_is_the_same_on_every_export(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pem", tmp_path / "b.pem"
    assert main(["public-key", "--out", str(first)]) == EXIT_OK
    assert main(["public-key", "--out", str(second)]) == EXIT_OK
    assert first.read_text() == second.read_text()
