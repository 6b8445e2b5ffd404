"""Sorting a package's records against ours, and showing a difference field by field."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.handover_merge import (
    Choice,
    field_diffs,
    flatten,
    plan_merge,
    readable_field,
    unresolved,
)
from kinerja_desktop.domain.handover_records import Kind, make_aggregate


def person(nip: str, name: str) -> object:
    return make_aggregate(Kind.EMPLOYEE, [nip], name, {"nip": nip, "name": name}, None)


def test_new_identical_and_conflicting_records_are_told_apart() -> None:
    ours = [person("1", "Ani"), person("2", "Budi")]
    theirs = [person("1", "Ani"), person("2", "Budi S."), person("3", "Citra")]

    plan = plan_merge(ours, theirs)  # type: ignore[arg-type]

    assert [a.label for a in plan.new] == ["Citra"]
    assert [a.label for a in plan.identical] == ["Ani"]
    [conflict] = plan.conflicts
    assert [(d.field, d.ours, d.theirs) for d in conflict.fields] == [("name", "Budi", "Budi S.")]
    assert plan.summary_lines() == ["Pegawai: 1 baru, 1 sama, 1 berbeda"]
    assert unresolved(plan, {}) == [conflict]
    assert unresolved(plan, {conflict.ref: Choice.KEEP_OURS}) == []


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ({"a": 1}, {"a": 2}, [("a", "1", "2")]),
        ({"a": None}, {"a": "x"}, [("a", "—", "x")]),
        ({"l": [1, 2]}, {"l": [1]}, [("l[2]", "2", "—")]),
        ({"l": []}, {"l": [{"t": "x"}]}, [("l", "(kosong)", "—"), ("l[1].t", "—", "x")]),
        ({"n": {"b": True}}, {"n": {"b": False}}, [("n.b", "true", "false")]),
        ({"same": "x"}, {"same": "x"}, []),
    ],
)
def test_field_diffs(
    ours: dict[str, object], theirs: dict[str, object], expected: list[tuple[str, str, str]]
) -> None:
    assert [(d.field, d.ours, d.theirs) for d in field_diffs(ours, theirs)] == expected


def test_paths_sort_by_number_and_read_as_words() -> None:
    flat = flatten({"rhks": [{"x": i} for i in range(11)]})
    assert list(flat)[-1] == "rhks[11].x"
    diffs = field_diffs({"rhks": [{"x": 0}] * 10}, {"rhks": [{"x": 1}] * 10})
    assert [d.field for d in diffs][-2:] == ["rhks[9].x", "rhks[10].x"]
    assert readable_field("rhks[2].ikis[1].target") == "RHK 2 › Indikator 1 › target"
