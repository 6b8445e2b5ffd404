"""The access rules against a small office: every role, relation and action, as tables."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.access import (
    SYSTEM,
    ActingSpan,
    Action,
    Capability,
    OrgFacts,
    Principal,
    Relation,
    Role,
    allowed,
    headed_units,
    may,
    relations,
    visible_people,
)

# Units: 1 instansi > 2 puskesmas > 3 poli; 1 > 4 kecamatan.
# People: 10 kepala puskesmas (unit 2) appraises 11 and 12 (unit 2); 11 appraises 13 (unit 3);
# 12 appraises 14 (unit 3); 20 camat (unit 4) appraises 21 (unit 4); 21 appraises 22.
# 12 is Plh for 11 during March 2026.
FACTS = OrgFacts(
    penilai_of={10: None, 11: 10, 12: 10, 13: 11, 14: 12, 20: None, 21: 20, 22: 21},
    unit_of={10: 2, 11: 2, 12: 2, 13: 3, 14: 3, 20: 4, 21: 4, 22: 4},
    unit_parent={1: None, 2: 1, 3: 2, 4: 1},
    acting=(ActingSpan(acting_id=12, for_id=11, start=date(2026, 3, 1), end=date(2026, 3, 31)),),
)
FEB, MAR = date(2026, 2, 10), date(2026, 3, 10)


def account(role: Role, employee_id: int | None) -> Principal:
    return Principal(f"u{employee_id}", f"U {employee_id}", role, employee_id)


ADMIN = account(Role.ADMIN, None)
KEPALA_PUSKESMAS = account(Role.KEPALA_UNIT, 10)
PENILAI_11 = account(Role.PENILAI, 11)
PENILAI_12 = account(Role.PENILAI, 12)
CAMAT = account(Role.KEPALA_UNIT, 20)


@pytest.mark.parametrize(
    ("principal", "person", "on", "expected"),
    [
        (SYSTEM, 13, FEB, {Relation.ADMIN}),
        (ADMIN, 22, FEB, {Relation.ADMIN}),
        (KEPALA_PUSKESMAS, 10, FEB, {Relation.SELF}),
        (KEPALA_PUSKESMAS, 11, FEB, {Relation.UNIT_HEAD, Relation.PENILAI}),
        (KEPALA_PUSKESMAS, 13, FEB, {Relation.UNIT_HEAD, Relation.ATASAN}),
        (KEPALA_PUSKESMAS, 21, FEB, set()),  # another unit
        (PENILAI_11, 13, FEB, {Relation.PENILAI}),
        (PENILAI_11, 14, FEB, set()),  # a colleague's staff
        (PENILAI_11, 12, FEB, set()),  # a colleague
        (PENILAI_11, 10, FEB, set()),  # one's own penilai
        (PENILAI_11, 11, FEB, {Relation.SELF}),
        (PENILAI_12, 13, FEB, set()),  # before the Plh starts
        (PENILAI_12, 13, MAR, {Relation.PENILAI}),  # Plh for 11 in March
        (PENILAI_12, 13, date(2026, 4, 1), set()),  # and no longer after it
        (PENILAI_12, 14, MAR, {Relation.PENILAI}),
        (CAMAT, 22, FEB, {Relation.UNIT_HEAD, Relation.ATASAN}),
        (CAMAT, 13, FEB, set()),
        (account(Role.PENILAI, None), 13, FEB, set()),  # not linked to anyone
    ],
)
def test_relations(principal: Principal, person: int, on: date, expected: set[Relation]) -> None:
    assert relations(principal, person, FACTS, on) == expected


@pytest.mark.parametrize(
    ("principal", "person", "action", "expected"),
    [
        (ADMIN, 13, Action.REOPEN, True),
        (SYSTEM, 22, Action.EDIT, True),
        (KEPALA_PUSKESMAS, 14, Action.EDIT, True),
        (KEPALA_PUSKESMAS, 14, Action.REOPEN, True),
        (KEPALA_PUSKESMAS, 22, Action.VIEW, False),
        (KEPALA_PUSKESMAS, 10, Action.VIEW, True),  # own record, read only
        (KEPALA_PUSKESMAS, 10, Action.EDIT, False),
        (PENILAI_11, 13, Action.VIEW, True),
        (PENILAI_11, 13, Action.EDIT, True),
        (PENILAI_11, 13, Action.SIGN, True),
        (PENILAI_11, 13, Action.REOPEN, False),  # the penilai cannot undo their own seal
        (PENILAI_11, 14, Action.VIEW, False),
        (PENILAI_11, 14, Action.EDIT, False),
        (account(Role.PENILAI, 20), 22, Action.REOPEN, True),  # as atasan
        (account(Role.PENILAI, 20), 22, Action.SIGN, False),
        (account(Role.PENILAI, 20), 22, Action.EDIT, True),  # decides an objection
    ],
)
def test_allowed(principal: Principal, person: int, action: Action, expected: bool) -> None:
    assert allowed(principal, person, action, FACTS, FEB) is expected


@pytest.mark.parametrize(
    ("principal", "on", "expected"),
    [
        (SYSTEM, FEB, None),
        (ADMIN, FEB, None),
        (KEPALA_PUSKESMAS, FEB, {10, 11, 12, 13, 14}),
        (CAMAT, FEB, {20, 21, 22}),
        (PENILAI_11, FEB, {11, 13}),
        (PENILAI_12, FEB, {12, 14}),
        (PENILAI_12, MAR, {12, 13, 14}),
        (account(Role.PENILAI, 21), FEB, {21, 22}),
    ],
)
def test_visible_people(principal: Principal, on: date, expected: set[int] | None) -> None:
    assert visible_people(principal, FACTS, on) == (
        None if expected is None else frozenset(expected)
    )


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        (ADMIN, None),
        (KEPALA_PUSKESMAS, {2, 3}),
        (CAMAT, {4}),
        (PENILAI_11, set()),
        (account(Role.KEPALA_UNIT, 99), set()),  # linked to someone not in the register
    ],
)
def test_headed_units(principal: Principal, expected: set[int] | None) -> None:
    assert headed_units(principal, FACTS) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize(
    ("principal", "expected"),
    [(SYSTEM, True), (ADMIN, True), (KEPALA_PUSKESMAS, False), (PENILAI_11, False)],
)
def test_office_capabilities_are_admin_only(
    capability: Capability, principal: Principal, expected: bool
) -> None:
    assert may(principal, capability) is expected
