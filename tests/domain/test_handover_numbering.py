"""The numbering rules of hand-over packages: what a delta carries, what a hub takes."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.handover_aggregate import make_aggregate
from kinerja_desktop.domain.handover_numbering import (
    Verdict,
    changed_since,
    judge,
    ledger_of,
    scope_key,
    scope_label,
)
from kinerja_desktop.domain.handover_records import Aggregate, Kind


def _person(nip: str, name: str) -> Aggregate:
    return make_aggregate(Kind.EMPLOYEE, [nip], name, {"nip": nip, "name": name}, None)


def test_a_delta_carries_the_new_and_the_changed_records_only() -> None:
    sent = ledger_of([_person("1", "Ani"), _person("2", "Budi")])
    now = [_person("1", "Ani"), _person("2", "Budi Santoso"), _person("3", "Citra")]

    assert [a.key for a in changed_since(now, sent)] == ['["2"]', '["3"]']
    assert list(changed_since(now, ledger_of(now))) == []


@pytest.mark.parametrize(
    ("sequence", "since", "last", "already", "verdict"),
    [
        (1, None, None, False, Verdict.TAKE),  # the first whole package
        (5, None, 2, False, Verdict.TAKE),  # a whole package with a higher number
        (3, 2, 2, False, Verdict.TAKE),  # changes following the last taken
        (4, 3, 3, True, Verdict.ALREADY),  # the very same file again
        (2, None, 2, False, Verdict.OLD),  # the same number, other content
        (1, None, 2, False, Verdict.OLD),  # an older number
        (3, 2, None, False, Verdict.GAP),  # changes, nothing taken yet
        (4, 3, 2, False, Verdict.GAP),  # changes after a number not taken
        (None, None, 7, False, Verdict.TAKE),  # a package written before numbering
    ],
)
def test_what_a_hub_does_with_a_package(
    sequence: int | None, since: int | None, last: int | None, already: bool, verdict: Verdict
) -> None:
    assert judge(sequence=sequence, since=since, last=last, already=already).verdict is verdict


def test_the_refusals_name_the_numbers() -> None:
    old = judge(sequence=1, since=None, last=2, already=False)
    assert "Paket lama: paket nomor 1" in old.message and "nomor 2 sudah diterima" in old.message
    gap = judge(sequence=5, since=4, last=1, already=False)
    assert gap.message.startswith("Paket nomor 2 sampai nomor 4 belum diterima")
    assert "paket utuh" in gap.message


def test_a_scope_key_is_the_manifests_scope_as_canonical_json() -> None:
    key = scope_key(("Kota", "Kecamatan Kertapati"), 2026)
    assert key == '{"unit":["Kota","Kecamatan Kertapati"],"year":2026}'
    assert scope_label(key) == "Kota / Kecamatan Kertapati, tahun 2026"
    assert scope_label(scope_key(None, None)) == "semua unit, semua tahun"
