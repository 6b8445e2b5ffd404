"""New people are written penilai first, so each row's penilai reference finds its row."""

from __future__ import annotations

from typing import Any

from kinerja_desktop.services.staff.importing.writer import _penilai_first


def _rows(links: dict[int, int | None]) -> list[dict[str, Any]]:
    return [{"id": person, "penilai_id": penilai} for person, penilai in links.items()]


def test_a_penilai_comes_before_the_people_they_assess() -> None:
    # 4 -> 3 -> 2 -> 1 (new), 5 -> 100 (already in the database), 6 -> nobody.
    rows = _rows({4: 3, 5: 100, 3: 2, 6: None, 2: 1, 1: None})
    ordered = [row["id"] for row in _penilai_first(rows, {1, 2, 3, 4, 5, 6}) or []]
    assert sorted(ordered) == [1, 2, 3, 4, 5, 6]
    for row in rows:
        if row["penilai_id"] in ordered:
            assert ordered.index(row["penilai_id"]) < ordered.index(row["id"])


def test_a_loop_of_penilai_gives_no_order() -> None:
    assert _penilai_first(_rows({1: 2, 2: 3, 3: 1, 4: None}), {1, 2, 3, 4}) is None
