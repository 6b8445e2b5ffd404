"""Many narrow rows kept as columns, each row read through a view (issue 14).

The outline of a 20,000-person office holds 200,000 RHKs, 120,000 progress entries and 80,000
observations by their ids and links; as a dictionary each they took about 130 MB. Kept as
columns (ids in machine integers, repeated texts shared) they take a fraction of that, and a
row is a small :class:`ColumnRow` made when it is asked for, read like the dictionary it
replaces.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

#: Stands for None in an integer column (no id is this small).
_NONE = -(2**63)


class ColumnRows(Sequence[Mapping[str, Any]]):
    """Rows of the same columns, kept column by column."""

    def __init__(self, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        self.names = tuple(names)
        self._places = {name: place for place, name in enumerate(self.names)}
        values: list[list[Any]] = [[] for _ in self.names]
        for row in rows:
            for column, value in zip(values, row, strict=True):
                column.append(value)
        self._length = len(values[0]) if values else 0
        self._columns: list[Sequence[Any]] = [_packed(column) for column in values]

    def value(self, at: int, name: str) -> Any:
        """Row ``at``'s value of column ``name``.

        Raises:
            KeyError: no such column.
        """
        column = self._columns[self._places[name]]
        found = column[at]
        return None if found == _NONE and isinstance(column, array) else found

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, at: int) -> Mapping[str, Any]: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Mapping[str, Any]]: ...

    def __getitem__(self, at: int | slice) -> Mapping[str, Any] | Sequence[Mapping[str, Any]]:
        if isinstance(at, slice):
            return [self[place] for place in range(*at.indices(self._length))]
        if not -self._length <= at < self._length:
            raise IndexError(at)
        return ColumnRow(self, at % self._length)

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        return (ColumnRow(self, at) for at in range(self._length))


class ColumnRow(Mapping[str, Any]):
    """One row of :class:`ColumnRows`, read like a dictionary of its columns."""

    __slots__ = ("_at", "_rows")

    def __init__(self, rows: ColumnRows, at: int) -> None:
        self._rows = rows
        self._at = at

    def __getitem__(self, name: str) -> Any:
        return self._rows.value(self._at, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows.names)

    def __len__(self) -> int:
        return len(self._rows.names)

    def __repr__(self) -> str:
        return f"ColumnRow({dict(self)!r})"


def _packed(column: list[Any]) -> Sequence[Any]:
    """Integers (and None) as machine integers; anything else as it is, texts shared."""
    if all(type(value) is int or value is None for value in column):
        return array("q", (_NONE if value is None else value for value in column))
    return [sys.intern(value) if type(value) is str else value for value in column]
