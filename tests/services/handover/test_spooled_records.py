"""A large package's records kept as columns read as the records they were made of (issue 14).

`SpooledRecords` keeps each record's kind, digest and spool places in columns and builds the
record when it is read: found by key, in kind order, labels and contents read back, the last
of a repeated key counting, readable from several threads; the merge plans against it as
against a tuple of the same records.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    Kind,
    canonical_json,
    make_aggregate,
)
from kinerja_desktop.domain.handover_merge import names_of, penilai_of, plan_merge
from kinerja_desktop.domain.handover_table import RecordSubset, kinds_of, of_kind
from kinerja_desktop.services.handover import package as package_module
from kinerja_desktop.services.handover import record_spool
from kinerja_desktop.services.handover.package import read_package
from kinerja_desktop.services.handover.record_spool import SpooledContent, SpooledRecords


def _person(nip: str, name: str, penilai: str | None = None) -> Aggregate:
    content = {"nip": nip, "name": name, "penilai": penilai}
    return make_aggregate(Kind.EMPLOYEE, [nip], f"{name} — NIP {nip}", content, None)


def _entry(number: int) -> Aggregate:
    content = {"nip": "1", "activity": f"Memeriksa berkas ke-{number} " + "é" * (number % 5)}
    return make_aggregate(
        Kind.PROGRESS_ENTRY,
        ["1", f"2026-01-{number % 28 + 1:02d}", number],
        f"entri {number}",
        content,
        None,
    )


def _unit(name: str) -> Aggregate:
    return make_aggregate(Kind.UNIT, [name], f"Unit {name}", {"path": [name]}, None)


def _table(records: list[Aggregate]) -> SpooledRecords:
    table = SpooledRecords()
    for record in records:
        table.append(record, canonical_json(record.content))
    return table.finish()


def _plain(record: Aggregate) -> tuple[object, ...]:
    return (record.kind, record.key, record.label, record.digest, dict(record.content))


def test_records_read_back_as_added_in_kind_order() -> None:
    # Added out of kind order (entries, people, a unit): read back in kind order, each kind's
    # records in the order they were added.
    entries = [_entry(n) for n in range(50)]
    people = [_person("2", "Budi\nSantoso"), _person("1", "Ani")]
    records = [*entries[:25], *people, _unit("Dinas"), *entries[25:]]
    table = _table(records)
    expected = [_unit("Dinas"), *people, *entries]
    assert [_plain(record) for record in table] == [_plain(record) for record in expected]
    assert len(table) == len(expected)
    assert [table.kind_at(at) for at in range(len(table))] == [r.kind for r in expected]
    assert [table.digest_at(at) for at in range(len(table))] == [r.digest for r in expected]
    assert _plain(table[-1]) == _plain(entries[-1])
    assert [_plain(r) for r in table[1:3]] == [_plain(r) for r in people]
    assert isinstance(table[0].content, SpooledContent)
    with pytest.raises(IndexError):
        table[len(table)]


def test_a_record_is_found_by_kind_and_key() -> None:
    records = [_unit("1"), _person("1", "Ani"), *(_entry(n) for n in range(200))]
    table = _table(records)
    for at, record in enumerate(table):
        assert table.find(record.kind, record.key) == at
    # The same key text in another kind is another record; an unknown key is none.
    assert table.find(Kind.EMPLOYEE, '["1"]') == 1
    assert table.find(Kind.UNIT, '["1"]') == 0
    assert table.find(Kind.SKP, '["1"]') is None
    assert table.find(Kind.EMPLOYEE, '["9"]') is None


def test_the_last_of_a_repeated_key_counts() -> None:
    table = _table([_person("1", "Ani"), _person("2", "Budi"), _person("1", "Ana")])
    at = table.find(Kind.EMPLOYEE, '["1"]')
    assert at == 2
    assert table[at].content["name"] == "Ana"


def test_keys_that_share_a_hash_are_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_spool, "_hashed", lambda code, key: 7)
    records = [_person(str(n), f"P{n}") for n in range(30)]
    table = _table([*records, _person("3", "Tiga")])
    for at, record in enumerate(records):
        expected = len(records) if record.key == '["3"]' else at
        assert table.find(Kind.EMPLOYEE, record.key) == expected
    assert table.find(Kind.EMPLOYEE, '["99"]') is None


def test_a_finished_table_takes_no_more_records() -> None:
    table = _table([_unit("A")])
    with pytest.raises(RuntimeError):
        table.append(_unit("B"))


def test_many_threads_read_the_same_table() -> None:
    records = [_entry(n) for n in range(400)]
    table = _table(records)
    wrong: list[int] = []

    def read(start: int) -> None:
        for round_ in range(3):
            for at in range(start + round_, len(records), 7):
                record = table[at]
                if (
                    _plain(record) != _plain(records[at])
                    or table.find(record.kind, record.key) != at
                ):
                    wrong.append(at)

    threads = [threading.Thread(target=read, args=(start,)) for start in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_the_merge_plans_against_the_table_as_against_the_records() -> None:
    theirs = [
        _unit("Dinas"),
        _person("1", "Ani", "2"),
        _person("2", "Budi"),
        _person("3", "Citra", "2"),
        *(_entry(n) for n in range(20)),
    ]
    ours = [_person("1", "Ani", "2"), _person("2", "Budi Baru"), _entry(3), _entry(4), _unit("X")]
    table = _table(theirs)
    from_table = plan_merge(iter(ours), table)
    from_tuple = plan_merge(iter(ours), tuple(theirs))
    assert isinstance(from_table.new, RecordSubset)
    assert isinstance(from_table.identical, RecordSubset)
    assert [_plain(a) for a in from_table.new] == [_plain(a) for a in from_tuple.new]
    assert [_plain(a) for a in from_table.identical] == [_plain(a) for a in from_tuple.identical]
    assert [(c.ours, _plain(c.theirs), c.fields) for c in from_table.conflicts] == [
        (c.ours, _plain(c.theirs), c.fields) for c in from_tuple.conflicts
    ]
    assert from_table.counts() == from_tuple.counts()
    assert from_table.summary_lines() == from_tuple.summary_lines()
    assert list(kinds_of(from_table.new)) == [a.kind for a in from_tuple.new]
    assert [a.key for a in of_kind(from_table.new, Kind.EMPLOYEE)] == ['["3"]']
    assert penilai_of(from_table.new) == {"3": "2"}
    assert names_of(table) == {"1": "Ani", "2": "Budi", "3": "Citra"}
    assert (len(from_table.new), len(from_table.identical)) == (20, 3)
    assert _plain(from_table.new[0]) == _plain(theirs[0])


def test_a_large_package_is_read_into_a_table(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_module, "PACK_RECORDS_ABOVE", -1)
    packed = read_package(package).aggregates
    monkeypatch.setattr(package_module, "PACK_RECORDS_ABOVE", 2**40)
    plain = read_package(package).aggregates
    assert isinstance(packed, SpooledRecords)
    assert isinstance(plain, tuple)
    assert [_plain(a) for a in packed] == [_plain(a) for a in plain]
    for at, record in enumerate(plain):
        assert packed.find(record.kind, record.key) == at
