"""Printed sheets carry the installation's Ed25519 signature; another office checks it offline."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.paper_seal import PaperSeal, parse_payload
from kinerja_desktop.reports import canvas
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.signing import fingerprint, load_or_create_key
from kinerja_desktop.services.printing import PreparedDocument, PrintingService, PrintRequest
from kinerja_desktop.services.printing.paper_keys import (
    check_seal,
    parse_public_key,
    public_key_text,
    read_public_key,
    write_public_key,
)

TODAY = date(2026, 11, 28)


@pytest.fixture
def prepared(services: AppServices, tmp_path: Path) -> tuple[PrintingService, PreparedDocument]:
    write_demo(services.database, employees=8, today=TODAY)
    printing = PrintingService(
        services.database, AccessGuard.system(services.database), key_folder=tmp_path / "keys"
    )
    person = services.evaluation.people(2026)[1]
    request = PrintRequest(FormKind.SKP, 2026, TODAY, employee_id=person.employee_id)
    return printing, printing.prepare(request)


def test_a_printed_sheet_is_signed_and_its_qr_verifies_with_the_public_key(
    prepared: tuple[PrintingService, PreparedDocument],
) -> None:
    printing, document = prepared
    public_key, shown = printing.public_key()
    assert shown == fingerprint(public_key) == document.key_fingerprint
    seal = parse_payload(document.verification.payload)
    assert seal == PaperSeal(document.code, document.digest, document.signature)
    check = check_seal(public_key, seal)
    assert check.valid
    assert check.lines()[1].startswith("SAH")


def test_a_changed_digest_or_code_fails(prepared: tuple[PrintingService, PreparedDocument]) -> None:
    printing, document = prepared
    public_key, _ = printing.public_key()
    other_digest = ("f" if document.digest[0] != "f" else "e") + document.digest[1:]
    for seal in (
        PaperSeal(document.code, other_digest, document.signature),
        PaperSeal("ABCD-EFGH-JK", document.digest, document.signature),
    ):
        check = check_seal(public_key, seal)
        assert not check.valid
        assert check.lines()[1].startswith("TIDAK SAH")


def test_another_installations_key_fails(
    prepared: tuple[PrintingService, PreparedDocument], tmp_path: Path
) -> None:
    _, document = prepared
    stranger = load_or_create_key(tmp_path / "other-office").export_public_key()
    assert not check_seal(stranger, parse_payload(document.verification.payload)).valid


def test_an_unsigned_sheet_is_not_called_valid(
    prepared: tuple[PrintingService, PreparedDocument],
) -> None:
    printing, document = prepared
    public_key, _ = printing.public_key()
    check = check_seal(public_key, PaperSeal(document.code, document.digest))
    assert not check.valid
    assert check.lines()[1].startswith("TIDAK BERTANDA TANGAN")


def test_the_qr_drawn_holds_the_signed_payload_and_the_footer_names_the_key(
    prepared: tuple[PrintingService, PreparedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    printing, document = prepared
    drawn: list[str] = []
    real = canvas.qr_modules

    def spy(payload: str) -> list[list[bool]]:
        drawn.append(payload)
        return real(payload)

    monkeypatch.setattr(canvas, "qr_modules", spy)
    pdf = printing.render(document)
    assert drawn == [document.verification.payload]
    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert f"kunci {document.key_fingerprint}" in first
    assert f"Kode verifikasi: {document.code}" in first


def test_the_same_key_signs_sheets_and_packages(services: AppServices) -> None:
    _, shown = services.printing.public_key()
    assert shown == services.handover.fingerprint()


def test_public_key_file_round_trips(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "keys")
    target = tmp_path / "kunci-publik.pem"
    write_public_key(key.export_public_key(), target)
    text = target.read_text()
    assert key.fingerprint in text
    assert "BEGIN PUBLIC KEY" in text
    assert read_public_key(target) == key.export_public_key()
    raw_line = next(line for line in text.splitlines() if "base64url" in line).split(": ")[1]
    assert parse_public_key(raw_line) == key.export_public_key()
    assert parse_public_key(key.export_public_key().hex()) == key.export_public_key()
    assert public_key_text(key.export_public_key()) == text


@pytest.mark.parametrize(
    "text",
    ["", "hello", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "ab" * 31],
)
def test_a_file_without_a_key_is_refused(text: str, tmp_path: Path) -> None:
    path = tmp_path / "kunci.pem"
    path.write_text(text)
    with pytest.raises(ValidationError) as refused:
        read_public_key(path)
    assert refused.value.field == "public_key"


def test_a_missing_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        read_public_key(tmp_path / "tidak-ada.pem")
