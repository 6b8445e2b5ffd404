"""A record's content kept packed reads as the mapping it was made of."""

from __future__ import annotations

import json

from kinerja_desktop.domain.handover_aggregate import (
    Kind,
    PackedContent,
    Packer,
    canonical_json,
    digest_of,
    plain,
)

CONTENT = {
    "nip": "198501012010011001",
    "year": 2026,
    "rhks": [{"text": "Meningkatnya layanan", "ikis": [{"target": "12.5", "unit": "%"}]}],
    "note": None,
    "agreed": True,
}


def test_it_reads_as_the_mapping_it_was_made_of() -> None:
    packed = PackedContent.of(CONTENT)
    assert dict(packed) == CONTENT
    assert packed == CONTENT
    assert packed["rhks"][0]["ikis"][0]["target"] == "12.5"
    assert packed.get("missing", "x") == "x"
    assert "nip" in packed
    assert len(packed) == len(CONTENT)
    assert sorted(packed) == sorted(CONTENT)


def test_it_writes_and_digests_as_its_content() -> None:
    packed = PackedContent.of(CONTENT)
    assert canonical_json(packed) == canonical_json(CONTENT)
    assert canonical_json({"content": packed}) == canonical_json({"content": CONTENT})
    assert digest_of(packed) == digest_of(CONTENT)


def test_unpacked_gives_a_dictionary_of_ones_own() -> None:
    packed = PackedContent.of(CONTENT)
    mine = packed.unpacked()
    mine["rhks"][0]["text"] = "diubah"
    mine["year"] = 1999
    assert packed["rhks"][0]["text"] == "Meningkatnya layanan"
    assert packed["year"] == 2026
    assert plain(packed) == CONTENT
    assert plain(CONTENT) is CONTENT


def test_it_takes_less_room_than_its_text() -> None:
    big = {"rows": [{"period_code": f"TW{n % 4 + 1}", "target": str(n)} for n in range(2000)]}
    packed = PackedContent.of(big)
    assert len(packed._packed) < len(json.dumps(big)) / 3


def test_a_kinds_records_pack_smaller_with_the_first_of_the_kind() -> None:
    entries = [
        {
            "nip": f"1985010120100110{n:02d}",
            "day": f"2026-03-{n % 28 + 1:02d}",
            "start_time": "08:00",
            "end_time": "10:30",
            "activity": f"Melayani permohonan surat keterangan warga nomor {n}",
            "status": "DIAJUKAN",
        }
        for n in range(50)
    ]
    packer = Packer()
    together = [packer.content(Kind.PROGRESS_ENTRY, canonical_json(e)) for e in entries]
    alone = [PackedContent.of(e) for e in entries]
    assert [dict(p) for p in together] == entries
    assert [p.unpacked() for p in together] == entries
    assert sum(len(p._packed) for p in together) < sum(len(p._packed) for p in alone) / 2
