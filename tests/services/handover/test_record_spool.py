"""A record spooled to a temporary file reads as the record it was made of."""

from __future__ import annotations

import errno
import gc
import threading
import weakref

import pytest

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    Kind,
    canonical_json,
    digest_of,
    make_aggregate,
    plain,
)
from kinerja_desktop.services.handover.record_spool import RecordSpool, SpooledContent


def _records(count: int) -> list[Aggregate]:
    return [
        make_aggregate(
            Kind.PROGRESS_ENTRY,
            ["198501012010011001", f"2026-01-{day % 28 + 1:02d}", f"{day:04d}"],
            f"entri {day}",
            {
                "nip": "198501012010011001",
                "activity": f"Memverifikasi berkas ke-{day} " + "ä" * (day % 7),
                "minutes": day * 15,
                "links": [{"rhk": day % 5, "note": None}],
            },
            None,
        )
        for day in range(count)
    ]


def test_each_record_reads_back_as_it_was_written() -> None:
    records = _records(300)
    spool = RecordSpool()
    spooled = [spool.aggregate(record) for record in records]
    # Read back out of order, after every record was written.
    for record, kept in reversed(list(zip(records, spooled, strict=True))):
        assert isinstance(kept.content, SpooledContent)
        assert (kept.kind, kept.key, kept.label, kept.digest) == (
            record.kind,
            record.key,
            record.label,
            record.digest,
        )
        assert kept.content == record.content
        assert plain(kept.content) == record.content
        assert canonical_json(kept.content) == canonical_json(record.content)
        assert kept.content["minutes"] == record.content["minutes"]


def test_the_canonical_json_given_is_what_is_kept() -> None:
    record = _records(1)[0]
    kept = RecordSpool().aggregate(record, canonical_json(record.content))
    assert kept.content == record.content


def test_a_records_row_id_stays_with_it() -> None:
    content = {"nip": "198501012010011001", "name": "Ani"}
    record = make_aggregate(Kind.EMPLOYEE, ["198501012010011001"], "Ani", content, 7)
    kept = RecordSpool().aggregate(record)
    assert (kept.content, kept.digest, kept.row_id) == (content, digest_of(content), 7)


def test_a_full_disk_is_told_in_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    spool = RecordSpool()
    kept = spool.aggregate(_records(1)[0])

    def full(_body: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spool._file, "write", full)
    with pytest.raises(DomainError, match=r"Berkas sementara .*No space left on device"):
        spool.aggregate(_records(2)[1])
    monkeypatch.setattr(spool._file, "read", lambda _size: b"")
    with pytest.raises(DomainError, match=r"Berkas sementara .*terpotong"):
        kept.content.unpacked()


def test_threads_read_one_spool_at_once() -> None:
    records = _records(200)
    spool = RecordSpool()
    spooled = [spool.aggregate(record) for record in records]
    wrong: list[str] = []

    def read_all() -> None:
        for record, kept in zip(records, spooled, strict=True):
            if plain(kept.content) != record.content:
                wrong.append(record.key)

    readers = [threading.Thread(target=read_all) for _ in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert wrong == []


def test_the_file_is_closed_when_the_last_record_is_let_go() -> None:
    spool = RecordSpool()
    kept = spool.aggregate(_records(1)[0])
    file = spool._file
    alive = weakref.ref(spool)
    del spool
    gc.collect()
    assert alive() is not None  # the record still needs it
    assert not file.closed
    del kept
    gc.collect()
    assert alive() is None
    assert file.closed
