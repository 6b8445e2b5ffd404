"""Loops of penilai that an import would make across both offices' records."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.handover_merge import (
    Choice,
    cycle_message,
    penilai_cycles,
    plan_merge,
)
from kinerja_desktop.domain.handover_records import Aggregate, Kind, make_aggregate

A, B, C, D = "1" * 18, "2" * 18, "3" * 18, "4" * 18
NAMES = {A: "Ani", B: "Budi", C: "Citra", D: "Dodi"}


def person(nip: str, penilai: str | None) -> Aggregate:
    content = {"nip": nip, "name": NAMES[nip], "penilai": penilai}
    return make_aggregate(Kind.EMPLOYEE, [nip], NAMES[nip], content, None)


# Ours: A under B, B under C (and C at the top). The package: B under A, C under B.
OURS = {A: B, B: C, C: None}
THEIRS = [person(A, None), person(B, A), person(C, B)]


def _choices(**chosen: Choice | None) -> dict[tuple[Kind, str], Choice | None]:
    nips = {"a": A, "b": B, "c": C}
    return {
        (Kind.EMPLOYEE, f'["{nips[name]}"]'): choice
        for name, choice in chosen.items()
        if choice is not None
    }


TAKE, KEEP = Choice.TAKE_THEIRS, Choice.KEEP_OURS


@pytest.mark.parametrize(
    ("a", "b", "c", "loop"),
    [
        (TAKE, TAKE, TAKE, None),  # the package's own tree
        (KEEP, KEEP, KEEP, None),  # ours
        (KEEP, TAKE, KEEP, [B, A, B]),  # B under A (theirs), A under B (ours)
        (KEEP, KEEP, TAKE, [C, B, C]),  # C under B (theirs), B under C (ours)
        (TAKE, TAKE, KEEP, None),
        (None, TAKE, None, None),  # A is not decided yet: no loop is certain
        (KEEP, TAKE, None, [B, A, B]),
    ],
)
def test_a_loop_is_found_only_when_every_step_is_decided(
    a: Choice | None, b: Choice | None, c: Choice | None, loop: list[str] | None
) -> None:
    plan = plan_merge([person(A, B), person(B, C), person(C, None)], THEIRS)
    assert len(plan.conflicts) == 3

    found = penilai_cycles(plan, _choices(a=a, b=b, c=c), OURS)

    assert found == ([] if loop is None else [loop])


def test_a_new_person_can_close_a_loop_through_people_outside_the_package() -> None:
    # Ours: C under D, D under B (D is not in the package). Taking B under C closes it.
    ours = {B: None, C: D, D: B}
    plan = plan_merge([person(B, None)], [person(B, C)])

    assert penilai_cycles(plan, {plan.conflicts[0].ref: TAKE}, ours) == [[B, C, D, B]]
    assert penilai_cycles(plan, {plan.conflicts[0].ref: KEEP}, ours) == []


def test_the_message_names_the_people_in_order() -> None:
    text = cycle_message([B, A, B], NAMES)
    assert f"Budi (NIP {B}) dinilai oleh Ani (NIP {A}) dinilai oleh Budi" in text
    assert "Pakai data kita" in text
