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


def test_ours_are_gone_through_once_and_only_differing_ones_are_kept() -> None:
    """Ours may be built as they are read (a whole office): each is looked at once, in order."""
    theirs = [person("1", "Ani"), person("2", "Budi S."), person("3", "Citra"), person("4", "Dewi")]
    read: list[str] = []
    kept: list[str] = []

    def ours():  # type: ignore[no-untyped-def]
        # "4" twice: the last of a repeated key counts (the same as the package's here).
        for nip, name in [("1", "Ani"), ("2", "Budi"), ("9", "Zaki"), ("4", "D"), ("4", "Dewi")]:
            read.append(nip)
            yield person(nip, name)

    def keep(aggregate):  # type: ignore[no-untyped-def]
        kept.append(aggregate.label)
        return aggregate

    plan = plan_merge(ours(), theirs, keep)  # type: ignore[arg-type]

    assert read == ["1", "2", "9", "4", "4"]
    assert kept == ["Budi", "D"]  # the differing ones only, as they came
    assert [a.label for a in plan.new] == ["Citra"]
    assert [a.label for a in plan.identical] == ["Ani", "Dewi"]
    assert [(c.ours.label, c.theirs.label) for c in plan.conflicts] == [("Budi", "Budi S.")]


def test_a_differing_repeat_after_a_same_one_is_a_conflict() -> None:
    theirs = [person("1", "Ani")]
    plan = plan_merge([person("1", "Ani"), person("1", "Ana")], theirs)  # type: ignore[list-item]
    assert [(c.ours.label, c.theirs.label) for c in plan.conflicts] == [("Ana", "Ani")]
    assert plan.identical == ()


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
