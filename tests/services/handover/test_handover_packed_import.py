"""A large package's records are kept packed; importing them does what it does unpacked.

Above ``package.PACK_RECORDS_ABOVE`` (128 MB of records: a large office) each record's content
is held compressed (``PackedContent``) from reading to writing. Here the threshold is set to
nothing, so that the import tests below run with every record packed: a new office, the same
office again, conflicts shown field by field and resolved either way, links, loops, tampering.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_handover_service import (
    crossed,
    test_a_conflict_is_resolved_either_way,
    test_a_conflict_is_shown_field_by_field,
    test_a_tampered_record_is_refused,
    test_importing_into_the_source_changes_nothing,
    test_reimporting_changes_nothing,
    test_round_trip_into_an_empty_office_gives_the_same_content,
    test_taking_a_penilai_that_closes_a_loop_is_refused_naming_the_people,
    test_taking_an_skp_keeps_the_links_of_the_rhk_that_serve_it,
    test_the_round_trip_carries_signatures_and_the_registers_whole,
)

from kinerja_desktop.domain.handover_aggregate import PackedContent, canonical_json
from kinerja_desktop.services.handover import package as package_module
from kinerja_desktop.services.handover.package import read_package

__all__ = [
    "crossed",
    "test_a_conflict_is_resolved_either_way",
    "test_a_conflict_is_shown_field_by_field",
    "test_a_tampered_record_is_refused",
    "test_importing_into_the_source_changes_nothing",
    "test_reimporting_changes_nothing",
    "test_round_trip_into_an_empty_office_gives_the_same_content",
    "test_taking_a_penilai_that_closes_a_loop_is_refused_naming_the_people",
    "test_taking_an_skp_keeps_the_links_of_the_rhk_that_serve_it",
    "test_the_round_trip_carries_signatures_and_the_registers_whole",
]


@pytest.fixture(autouse=True)
def _every_package_packed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "PACK_RECORDS_ABOVE", -1)


def test_packed_records_read_as_the_unpacked_ones(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packed = read_package(package).aggregates
    monkeypatch.setattr(package_module, "PACK_RECORDS_ABOVE", 2**40)
    plain = read_package(package).aggregates
    assert all(isinstance(a.content, PackedContent) for a in packed)
    assert not any(isinstance(a.content, PackedContent) for a in plain)
    assert [(a.kind, a.key, a.label, a.digest) for a in packed] == [
        (a.kind, a.key, a.label, a.digest) for a in plain
    ]
    assert [canonical_json(a.content) for a in packed] == [canonical_json(a.content) for a in plain]
    assert [dict(a.content) for a in packed] == [dict(a.content) for a in plain]
