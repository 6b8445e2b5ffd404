"""Rows kept as columns read like the dictionaries they replace."""

from __future__ import annotations

import pytest

from kinerja_desktop.data.repositories.column_rows import ColumnRows

NAMES = ("id", "skp_id", "parent_rhk_id", "day", "approved")
ROWS = [
    (1, 10, None, "2026-01-02", True),
    (2, 10, 1, "2026-01-02", False),
    (9_007_199_254_740_993, 11, None, None, None),
]


def _dicts() -> list[dict[str, object]]:
    return [dict(zip(NAMES, row, strict=True)) for row in ROWS]


def test_each_row_reads_as_its_dictionary() -> None:
    rows = ColumnRows(NAMES, ROWS)
    assert len(rows) == 3
    assert [dict(row) for row in rows] == _dicts()
    assert list(rows) == _dicts()  # a row equals the dictionary it stands for
    assert rows[1]["parent_rhk_id"] == 1
    assert rows[0]["parent_rhk_id"] is None  # None kept in an integer column
    assert rows[2]["id"] == 9_007_199_254_740_993
    assert rows[-1]["skp_id"] == 11
    assert rows[0]["approved"] is True  # booleans stay booleans
    assert rows[0].get("position", 0) == 0
    assert "day" in rows[0] and "position" not in rows[0]
    assert [dict(row) for row in rows[1:]] == _dicts()[1:]


def test_a_missing_column_or_row_is_an_error_as_with_dictionaries() -> None:
    rows = ColumnRows(NAMES, ROWS)
    with pytest.raises(KeyError):
        rows[0]["position"]
    with pytest.raises(IndexError):
        rows[3]


def test_no_rows() -> None:
    rows = ColumnRows(NAMES, [])
    assert len(rows) == 0
    assert list(rows) == []
