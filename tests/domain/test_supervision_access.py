"""Who may read, record, correct, close and delete supervision records: the rules as a table."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.access import SYSTEM, ActingSpan, OrgFacts, Principal, Role
from kinerja_desktop.domain.supervision_access import (
    Refusal,
    Subject,
    SupervisionAction,
    SupervisionScope,
    refusal_message,
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
ADMIN_21 = account(Role.ADMIN, 21)  # the personnel officer is in the register too
KEPALA_PUSKESMAS = account(Role.KEPALA_UNIT, 10)
PENILAI_10 = account(Role.PENILAI, 10)  # atasan of 13 and 14, without the unit-head role
PENILAI_11 = account(Role.PENILAI, 11)
PENILAI_12 = account(Role.PENILAI, 12)
CAMAT = account(Role.KEPALA_UNIT, 20)

READ, RECORD, CORRECT, CLOSE, DELETE = (
    SupervisionAction.READ,
    SupervisionAction.RECORD,
    SupervisionAction.CORRECT,
    SupervisionAction.CLOSE,
    SupervisionAction.DELETE,
)
ALL = tuple(SupervisionAction)
ABOUT_13 = Subject(unit_id=3, employee_id=13)
ABOUT_11 = Subject(unit_id=2, employee_id=11)
POLI = Subject(unit_id=3)
KECAMATAN = Subject(unit_id=4)
OFFICE = Subject()
OK = None


@pytest.mark.parametrize(
    ("principal", "subject", "on", "expected"),
    [
        # principal, subject, day -> refusal for READ, RECORD, CORRECT, CLOSE, DELETE
        (SYSTEM, ABOUT_13, FEB, (OK, OK, OK, OK, OK)),
        (ADMIN, ABOUT_13, FEB, (OK, OK, OK, OK, OK)),
        (ADMIN, OFFICE, FEB, (OK, OK, OK, OK, OK)),
        (ADMIN_21, Subject(4, 21), FEB, (OK, "SELF", "SELF", "SELF", "SELF")),
        (ADMIN_21, Subject(4, 22), FEB, (OK, OK, OK, OK, OK)),
        (KEPALA_PUSKESMAS, ABOUT_13, FEB, (OK, OK, OK, OK, OK)),
        (KEPALA_PUSKESMAS, POLI, FEB, (OK, OK, OK, OK, OK)),
        (KEPALA_PUSKESMAS, KECAMATAN, FEB, ("UNIT",) * 5),
        (KEPALA_PUSKESMAS, Subject(2, 10), FEB, (OK, "SELF", "SELF", "SELF", "SELF")),
        (KEPALA_PUSKESMAS, OFFICE, FEB, (OK, "OFFICE", "OFFICE", "OFFICE", "OFFICE")),
        (KEPALA_PUSKESMAS, Subject(4, 13), FEB, (OK, "UNIT", "UNIT", "UNIT", "UNIT")),
        (CAMAT, ABOUT_13, FEB, ("PERSON",) * 5),
        (CAMAT, Subject(4, 22), FEB, (OK, OK, OK, OK, OK)),
        # The penilai: their staff, but no deleting; their unit's records are read only.
        (PENILAI_11, ABOUT_13, FEB, (OK, OK, OK, OK, "PERSON")),
        (PENILAI_11, ABOUT_11, FEB, (OK, "SELF", "SELF", "SELF", "SELF")),
        (PENILAI_11, POLI, FEB, (OK, "UNIT", "UNIT", "UNIT", "UNIT")),
        (PENILAI_11, Subject(unit_id=2), FEB, (OK, "UNIT", "UNIT", "UNIT", "UNIT")),
        (PENILAI_11, KECAMATAN, FEB, ("UNIT",) * 5),
        (PENILAI_11, Subject(4, 13), FEB, (OK, "UNIT", "UNIT", "UNIT", "PERSON")),
        (PENILAI_11, Subject(None, 13), FEB, (OK, OK, OK, OK, "PERSON")),
        (PENILAI_11, Subject(3, 14), FEB, ("PERSON",) * 5),  # a colleague's staff
        (PENILAI_11, Subject(2, 10), FEB, ("PERSON",) * 5),  # one's own penilai
        (PENILAI_11, OFFICE, FEB, (OK, "OFFICE", "OFFICE", "OFFICE", "OFFICE")),
        (PENILAI_10, ABOUT_13, FEB, (OK, OK, OK, OK, "PERSON")),  # as atasan
        (PENILAI_12, ABOUT_13, FEB, ("PERSON",) * 5),
        (PENILAI_12, ABOUT_13, MAR, (OK, OK, OK, OK, "PERSON")),  # Plh for 11 in March
        (account(Role.PENILAI, None), POLI, FEB, ("UNIT",) * 5),  # linked to nobody
    ],
)
def test_who_may_do_what_to_a_supervision_record(
    principal: Principal, subject: Subject, on: date, expected: tuple[str | None, ...]
) -> None:
    scope = SupervisionScope.of(principal, FACTS, on)
    found = tuple(scope.refusal(action, subject) for action in ALL)
    assert found == tuple(None if e is None else Refusal(e) for e in expected)
    assert scope.allowed(subject) == {a for a, e in zip(ALL, expected, strict=True) if e is None}


@pytest.mark.parametrize(
    ("principal", "reach"),
    [
        (ADMIN, None),
        (KEPALA_PUSKESMAS, {2, 3}),
        (CAMAT, {4}),
        (PENILAI_11, {2, 3}),  # their own unit and where their staff work
        (PENILAI_12, {2, 3}),
    ],
)
def test_the_units_an_account_reads(principal: Principal, reach: set[int] | None) -> None:
    found = SupervisionScope.of(principal, FACTS, FEB).reach
    assert found == (None if reach is None else frozenset(reach))


@pytest.mark.parametrize(
    ("refusal", "action", "expected"),
    [
        (Refusal.SELF, DELETE, "Anda tidak dapat menghapus pengaduan tentang diri Anda sendiri"),
        (Refusal.SELF, CLOSE, "Anda tidak dapat mengubah status atau menutup pengaduan tentang"),
        (Refusal.PERSON, DELETE, "Hanya kepala unit tempat Aidil Fauzi bekerja atau admin"),
        (Refusal.PERSON, READ, "tidak berwenang membuka pengaduan tentang Aidil Fauzi"),
        (Refusal.UNIT, RECORD, "tidak berwenang mencatat pengaduan unit Poli Umum"),
        (Refusal.OFFICE, CORRECT, "Pengaduan yang tidak menyebut unit maupun pegawai"),
    ],
)
def test_refusals_are_told_in_indonesian_with_the_names(
    refusal: Refusal, action: SupervisionAction, expected: str
) -> None:
    message = refusal_message(refusal, action, "pengaduan", person="Aidil Fauzi", unit="Poli Umum")
    assert expected in message
