"""The QR payload of a printed sheet: code, digest and signature, compact and read back."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.paper_seal import (
    PaperSeal,
    b64url,
    parse_payload,
    seal_from_parts,
    signed_message,
)

DIGEST = "0123456789abcdef" * 4
SIGNATURE = bytes(range(64))


def test_signed_payload_round_trips_and_is_compact() -> None:
    seal = PaperSeal("K7QX-M2PA-9R", DIGEST, SIGNATURE)
    payload = seal.payload
    assert payload.startswith("KD1|K7QX-M2PA-9R|")
    assert len(payload) == 4 + 13 + 44 + 86
    assert parse_payload(payload) == seal
    assert parse_payload(f"  {payload}\n") == seal


def test_unsigned_payload_of_earlier_sheets_still_reads() -> None:
    seal = parse_payload(f"KINERJA-DESKTOP|K7QX-M2PA-9R|{DIGEST}")
    assert seal == PaperSeal("K7QX-M2PA-9R", DIGEST)
    assert seal.payload == f"KINERJA-DESKTOP|K7QX-M2PA-9R|{DIGEST}"


def test_the_signed_message_binds_code_and_full_digest() -> None:
    assert signed_message("K7QX-M2PA-9R", DIGEST.upper()) == (
        f"KINERJA-DESKTOP|K7QX-M2PA-9R|{DIGEST}".encode()
    )
    assert signed_message("K7QX-M2PA-9R", DIGEST) != signed_message("K7QX-M2PA-9S", DIGEST)


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "hello",
        f"KD2|K7QX-M2PA-9R|{b64url(bytes(32))}|{b64url(SIGNATURE)}",
        f"KD1|K7QX-M2PA|{b64url(bytes(32))}|{b64url(SIGNATURE)}",
        f"KD1|K7QX-M2PA-9R|{b64url(bytes(31))}|{b64url(SIGNATURE)}",
        f"KD1|K7QX-M2PA-9R|{b64url(bytes(32))}|{b64url(SIGNATURE[:63])}",
        f"KD1|K7QX-M2PA-9R|{b64url(bytes(32))}|{b64url(SIGNATURE)}+",
        f"KD1|K7QX-M2PA-9R|{b64url(bytes(32))}",
        "KINERJA-DESKTOP|K7QX-M2PA-9R|xyz",
    ],
)
def test_malformed_payloads_are_refused_in_indonesian(payload: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_payload(payload)
    assert refused.value.field == "qr"
    assert "QR" in refused.value.message


@pytest.mark.parametrize("digest", [DIGEST, DIGEST.upper(), b64url(bytes.fromhex(DIGEST))])
def test_parts_take_the_digest_in_hex_or_base64url(digest: str) -> None:
    seal = seal_from_parts("k7qx-m2pa-9r", digest, b64url(SIGNATURE))
    assert seal == PaperSeal("K7QX-M2PA-9R", DIGEST, SIGNATURE)


@pytest.mark.parametrize(
    ("code", "digest", "signature", "field"),
    [
        ("K7QX", DIGEST, b64url(SIGNATURE), "code"),
        ("K7QX-M2PA-9R", "abc", b64url(SIGNATURE), "digest"),
        ("K7QX-M2PA-9R", DIGEST, "not a signature", "signature"),
    ],
)
def test_bad_parts_name_their_field(code: str, digest: str, signature: str, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        seal_from_parts(code, digest, signature)
    assert refused.value.field == field
