"""The unit tree's subtree: a unit and everything below it."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.hierarchy import subtree

#: Kota (1) > Kecamatan (2) > Seksi (3), Kelurahan (4); Kota > Puskesmas (5).
TREE = [(1, None), (2, 1), (3, 2), (4, 2), (5, 1)]


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (1, {1, 2, 3, 4, 5}),
        (2, {2, 3, 4}),
        (3, {3}),
        (5, {5}),
        (9, {9}),  # a unit not in the tree is its own subtree
    ],
)
def test_subtree(top: int, expected: set[int]) -> None:
    assert subtree(TREE, top) == expected


def test_a_cycle_in_broken_data_is_walked_once() -> None:
    assert subtree([(1, 2), (2, 1), (3, 2)], 1) == {1, 2, 3}
