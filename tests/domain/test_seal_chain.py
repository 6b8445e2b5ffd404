"""The audit log's hash chain and content digests."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from kinerja_desktop.domain.seal_chain import (
    GENESIS,
    SealAction,
    SealEntry,
    SealFields,
    content_digest,
    last_seals,
    next_entry,
    verify_chain,
)


def _fields(n: int, action: SealAction = SealAction.SKP_DISEPAKATI) -> SealFields:
    return SealFields(
        at=f"2026-01-{n:02d}T09:00:00",
        actor="penilai",
        action=action,
        record=f"skp:{n % 2}",
        label=f"SKP {n}",
        digest=content_digest({"n": n}),
    )


def _chain(count: int) -> list[SealEntry]:
    entries: list[SealEntry] = []
    for n in range(1, count + 1):
        entries.append(next_entry(entries[-1] if entries else None, _fields(n)))
    return entries


def test_a_chain_links_each_entry_to_the_one_before() -> None:
    entries = _chain(4)
    assert entries[0].previous == GENESIS
    assert [e.sequence for e in entries] == [1, 2, 3, 4]
    assert all(b.previous == a.hash for a, b in itertools.pairwise(entries))
    assert verify_chain(entries) == []
    assert verify_chain([]) == []


def _tamper_field(entries: list[SealEntry]) -> list[SealEntry]:
    entries[1] = replace(entries[1], fields=replace(entries[1].fields, reason="diam-diam"))
    return entries


def _drop(entries: list[SealEntry]) -> list[SealEntry]:
    del entries[1]
    return entries


def _swap(entries: list[SealEntry]) -> list[SealEntry]:
    entries[1], entries[2] = entries[2], entries[1]
    return entries


def _rewrite_and_rehash(entries: list[SealEntry]) -> list[SealEntry]:
    # Someone rewrites entry 2 and recomputes its hash: entry 3 no longer points at it.
    forged = next_entry(entries[0], replace(entries[1].fields, digest=content_digest({})))
    entries[1] = forged
    return entries


def _drop_last(entries: list[SealEntry]) -> list[SealEntry]:
    return entries[:-1]


@pytest.mark.parametrize(
    ("tamper", "sequence", "words"),
    [
        (_tamper_field, 2, "diubah setelah ditulis"),
        (_drop, 3, "nomor 2 hilang"),
        (_swap, 3, "nomor 2 hilang"),
        (_rewrite_and_rehash, 3, "putus di nomor 3"),
    ],
)
def test_every_kind_of_tampering_is_named(tamper: object, sequence: int, words: str) -> None:
    problems = verify_chain(tamper(_chain(4)))  # type: ignore[operator]
    assert problems, "tampering went unnoticed"
    assert problems[0].sequence == sequence
    assert words in problems[0].message


def test_removing_the_newest_entries_keeps_a_valid_prefix() -> None:
    # Truncation from the end cannot be seen in the chain alone; the check compares the
    # sealed records with their last entries instead.
    assert verify_chain(_drop_last(_chain(4))) == []


def test_digest_ignores_key_order_but_not_values() -> None:
    assert content_digest({"a": 1, "b": [1, 2]}) == content_digest({"b": [1, 2], "a": 1})
    assert content_digest({"a": 1}) != content_digest({"a": "1"})
    assert content_digest({"nama": "Ja'far Ṣiddīq"}) != content_digest({"nama": "Ja'far Siddiq"})


def test_last_seals_follow_the_latest_action_of_each_record() -> None:
    entries: list[SealEntry] = []
    for fields in (
        replace(_fields(1), record="skp:1"),
        replace(_fields(2), record="skp:2"),
        replace(_fields(3, SealAction.SKP_DIBUKA), record="skp:1", digest=""),
        replace(_fields(4, SealAction.EVALUASI_DITANDATANGANI), record="evaluasi:2:TW1"),
    ):
        entries.append(next_entry(entries[-1] if entries else None, fields))
    assert sorted(last_seals(entries)) == ["evaluasi:2:TW1", "skp:2"]


@pytest.mark.parametrize(
    ("action", "seals"),
    [
        (SealAction.SKP_DISEPAKATI, True),
        (SealAction.SKP_DIBUKA, False),
        (SealAction.EVALUASI_DITANDATANGANI, True),
        (SealAction.EVALUASI_DIBUKA, False),
        (SealAction.SEGEL_AWAL, True),
        (SealAction.REGISTER_DIHAPUS, False),
        (SealAction.CATATAN_DIUBAH, False),
        (SealAction.CATATAN_DIHAPUS, False),
    ],
)
def test_which_actions_seal(action: SealAction, seals: bool) -> None:
    assert action.seals is seals
    assert action.label
