"""An export builds its records a batch of SKPs at a time, and they are the whole read's records.

``HandoverService.export`` reads the office's outline (RHKs and rencana aksi narrow, the SKPs'
own rows left out) and then each batch of SKPs' rows (``handover_batches``), writing each
record as it is built. For the demo office and several scopes, the records so built are the
ones ``build_aggregates`` gives over every table read whole: the same kinds, keys, digests
and contents, in the same order, whatever the batch size.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.data.repositories import handover_batches as batches
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    Scope,
    build_aggregates,
    canonical_json,
    iter_aggregates,
)
from kinerja_desktop.services.app_services import AppServices, open_services

Record = tuple[Kind, str, str, str]
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=7)))


def _records(aggregates: list[Aggregate]) -> list[Record]:
    return [(a.kind, a.key, a.digest, a.label) for a in aggregates]


def _scopes(office: AppServices) -> list[Scope]:
    units = sorted(office.handover.unit_paths(), key=len, reverse=True)
    return [Scope(), Scope(year=2026), Scope(units[0], 2026), Scope(units[-2]), Scope(year=2024)]


def _whole(office: AppServices, scope: Scope) -> list[Aggregate]:
    with office.database.reading() as session:
        return build_aggregates(repo.read_all(session).tables, scope)


def _batched(office: AppServices, scope: Scope, batch: int) -> list[Aggregate]:
    with office.database.reading() as session:
        outline = batches.read_outline(session).tables
        reader = batches.BatchReader(session)
        return list(iter_aggregates(outline, scope, reader, batch=batch))


def _same_for_every_scope(office: AppServices, batch: int) -> int:
    compared = 0
    for scope in _scopes(office):
        whole = _whole(office, scope)
        batched = _batched(office, scope, batch)
        assert _records(batched) == _records(whole), scope
        assert [a.content for a in batched] == [a.content for a in whole], scope
        compared += len(whole)
    return compared


@pytest.mark.parametrize("batch", [1, 7, 500])
def test_batched_records_are_the_whole_reads(source: AppServices, batch: int) -> None:
    whole = _whole(source, Scope())
    kinds = {a.kind for a in whole}
    assert {Kind.SKP, Kind.PERIOD, Kind.PROGRESS_ENTRY, Kind.AUDIT_FINDING} <= kinds
    assert sum(a.kind is Kind.SKP for a in whole) > 7  # several batches of 7
    assert _same_for_every_scope(source, batch) > len(whole)


def test_batched_records_are_the_same_on_the_office_database(db_path: Path) -> None:
    """The same on the test database (a PostgreSQL server with KINERJA_TEST_DB=postgresql)."""
    day = date(2026, 11, 28)
    services = open_services(db_path, today=lambda: day)
    try:
        write_demo(services.database, today=day, employees=30)
        assert _same_for_every_scope(services, 4) > 0
    finally:
        services.close()


class _CountingReader(batches.BatchReader):
    """Counts the SQL statements of each batch read."""

    def __init__(self, office: AppServices, session: Session) -> None:
        super().__init__(session)
        self.engine = office.database.engine
        self.calls: list[tuple[int, int, int]] = []  # (ids asked, tables asked, statements)

    def _counted(self, read: Callable[[], object], ids: int, names: int) -> Any:
        count = 0

        def counted(*_: object) -> None:
            nonlocal count
            count += 1

        event.listen(self.engine, "before_cursor_execute", counted)
        try:
            return read()
        finally:
            event.remove(self.engine, "before_cursor_execute", counted)
            self.calls.append((ids, names, count))

    def skp_rows(self, skp_ids: Sequence[int], names: Sequence[str]) -> Any:
        return self._counted(
            lambda: super(_CountingReader, self).skp_rows(skp_ids, names), len(skp_ids), len(names)
        )

    def person_rows(self, people: Sequence[int], names: Sequence[str]) -> Any:
        return self._counted(
            lambda: super(_CountingReader, self).person_rows(people, names), len(people), len(names)
        )


@pytest.mark.parametrize("batch", [3, 500])
def test_each_batch_takes_a_few_statements_whatever_its_size(
    source: AppServices, batch: int
) -> None:
    """A batch's rows come from one statement per table (and its RHKs' and indicators')."""
    with source.database.reading() as session:
        reader = _CountingReader(source, session)
        outline = batches.read_outline(session).tables
        records = list(iter_aggregates(outline, Scope(), reader, batch=batch))
    biggest = max(sum(a.kind is kind for a in records) for kind in (Kind.SKP, Kind.EMPLOYEE))
    assert max(ids for ids, _, _ in reader.calls) == min(batch, biggest)
    assert all(0 < statements <= names + 2 for _, names, statements in reader.calls)


def test_the_exported_package_holds_the_whole_reads_records(
    source: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file written while the batches are read: every record, kind by kind, in order."""
    monkeypatch.setattr("kinerja_desktop.domain.handover_records.SKP_BATCH", 3)
    whole = _whole(source, Scope())
    target = tmp_path / "paket.zip"
    result = source.handover.export(target, now=NOW)
    written: list[Record] = []
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        for member in manifest["members"]:
            if member["name"].startswith("records/"):
                kind = Kind(member["name"].removeprefix("records/").removesuffix(".jsonl"))
                for line in archive.read(member["name"]).splitlines():
                    record = json.loads(line)
                    key = canonical_json(record["key"]).decode()
                    written.append((kind, key, record["digest"], record["label"]))
    assert written == _records(whole)
    assert result.records == len(whole)
    assert manifest["counts"] == {kind.value: sum(a.kind is kind for a in whole) for kind in Kind}
