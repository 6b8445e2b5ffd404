"""A package's records held as a table of columns, each built as an :class:`Aggregate` when read.

A 20,000-person package holds 315,011 records. As objects, each with its key, label, digest
and content, they took some 185 MB before anything of ours was read (issue 14). A
:class:`RecordTable` keeps what the merge compares (kind, key, digest) in compact columns and
builds an aggregate only when one is asked for: the records written, the conflicts shown. The
merge finds a record by its key (:meth:`RecordTable.find`) and keeps its outcome as places in
the table (:class:`RecordSubset`), not as aggregates.

The table itself is abstract here; the hand-over service keeps its columns (and the labels
and contents in a temporary file).
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from kinerja_desktop.domain.handover_aggregate import Aggregate, Kind


class RecordTable(Sequence[Aggregate]):
    """The records of a package in kind order, each an :class:`Aggregate` when read."""

    @abstractmethod
    def aggregate(self, at: int) -> Aggregate:
        """The record at ``at`` (0-based), built anew."""

    @abstractmethod
    def kind_at(self, at: int) -> Kind:
        """The kind of the record at ``at``, without building it."""

    @abstractmethod
    def digest_at(self, at: int) -> str:
        """The digest (hex SHA-256) of the record at ``at``, without building it."""

    @abstractmethod
    def find(self, kind: Kind, key: str) -> int | None:
        """The place of the record of ``kind`` with ``key``: the last when repeated; or None."""

    @overload
    def __getitem__(self, at: int) -> Aggregate: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Aggregate]: ...

    def __getitem__(self, at: int | slice) -> Aggregate | Sequence[Aggregate]:
        if isinstance(at, slice):
            return [self.aggregate(place) for place in range(*at.indices(len(self)))]
        if at < 0:
            at += len(self)
        if not 0 <= at < len(self):
            raise IndexError(at)
        return self.aggregate(at)

    def __iter__(self) -> Iterator[Aggregate]:
        for at in range(len(self)):
            yield self.aggregate(at)

    def subset(self, places: Iterable[int]) -> RecordSubset:
        """The records at ``places``, in that order."""
        return RecordSubset(self, array("I", places))


class RecordSubset(Sequence[Aggregate]):
    """Some records of a :class:`RecordTable`, by place (4 bytes a record)."""

    def __init__(self, table: RecordTable, places: array[int]) -> None:
        self._table = table
        self._places = places

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, at: int) -> Aggregate: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Aggregate]: ...

    def __getitem__(self, at: int | slice) -> Aggregate | Sequence[Aggregate]:
        if isinstance(at, slice):
            return [self._table.aggregate(place) for place in self._places[at]]
        return self._table.aggregate(self._places[at])

    def __iter__(self) -> Iterator[Aggregate]:
        for place in self._places:
            yield self._table.aggregate(place)

    def kinds(self) -> Iterator[Kind]:
        """Each record's kind, in order, without building the records."""
        kind_at = self._table.kind_at
        return (kind_at(place) for place in self._places)

    def of_kind(self, kind: Kind) -> Iterator[Aggregate]:
        """The records of ``kind``, built; the others are not."""
        table = self._table
        for place in self._places:
            if table.kind_at(place) is kind:
                yield table.aggregate(place)


def kinds_of(records: Iterable[Aggregate]) -> Iterator[Kind]:
    """Each record's kind; a table's without building its records."""
    if isinstance(records, RecordSubset):
        return records.kinds()
    if isinstance(records, RecordTable):
        return (records.kind_at(at) for at in range(len(records)))
    return (record.kind for record in records)


def of_kind(records: Iterable[Aggregate], kind: Kind) -> Iterator[Aggregate]:
    """The records of ``kind``; a table builds only those."""
    if isinstance(records, RecordSubset):
        return records.of_kind(kind)
    if isinstance(records, RecordTable):
        return (records.aggregate(at) for at in range(len(records)) if records.kind_at(at) is kind)
    return (record for record in records if record.kind is kind)
