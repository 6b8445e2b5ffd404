"""Who may read and change the supervision registers: complaints, findings, surveys.

A register record is about a **subject**: a person it names, a unit it names, both, or neither
(an office-wide entry). A survey is about its unit. The rules, by role:

- **admin** reads and changes everything, except records about themselves (below).
- **kepala unit** reads the records of their unit and the units below it, and of the people
  they may see (`domain.access`); records, corrects and closes them; deletes a complaint only
  about someone of their unit subtree (`Relation.UNIT_HEAD`) or about a unit of it. Survey
  answers, imports and the kiosk: their unit subtree.
- **penilai** reads the records about the people they may see and about the units those people
  (and they) work in; records, corrects and closes records about the people they appraise (or
  stand in for, or are atasan of), but deletes nothing and enters no survey answers: a unit's
  register entries naming nobody, and its survey (whose IKM is the unit's published score),
  belong to the unit's head.
- A record naming a person and a unit is read by whoever may read the person's records;
  changing it also needs the unit within the account's reach.
- **nobody** records, corrects, closes or deletes a record about themselves (a complaint about
  oneself, a finding naming oneself): they may read it.
- A record naming neither person nor unit is read by everyone and changed by admin only.

Pure functions over `OrgFacts`; the services build a `SupervisionScope` once per transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.domain.access import (
    OrgFacts,
    Principal,
    Relation,
    Role,
    headed_units,
    relations,
    visible_people,
)


class SupervisionAction(StrEnum):
    """What is done to a register record or a survey."""

    READ = "READ"
    #: A new complaint or finding; survey answers typed, imported or given at the kiosk.
    RECORD = "RECORD"
    #: Rewrite what was recorded; a finding's follow-up and links; remove a survey answer.
    CORRECT = "CORRECT"
    #: Move a complaint or finding along its statuses (closing it); close or reopen a survey.
    CLOSE = "CLOSE"
    DELETE = "DELETE"

    @property
    def verb(self) -> str:
        return {
            SupervisionAction.READ: "membuka",
            SupervisionAction.RECORD: "mencatat",
            SupervisionAction.CORRECT: "mengubah",
            SupervisionAction.CLOSE: "mengubah status atau menutup",
            SupervisionAction.DELETE: "menghapus",
        }[self]


class Refusal(StrEnum):
    """Why an action on a record was refused."""

    SELF = "SELF"
    PERSON = "PERSON"
    UNIT = "UNIT"
    OFFICE = "OFFICE"


@dataclass(frozen=True)
class Subject:
    """Whom or what a record is about: its unit, its person, both or neither."""

    unit_id: int | None = None
    employee_id: int | None = None


_CHANGE = frozenset({Relation.UNIT_HEAD, Relation.ATASAN, Relation.PENILAI})

#: The relations to the person a record names that allow each action (`domain.access`).
PERSON_RELATIONS: Mapping[SupervisionAction, frozenset[Relation]] = {
    SupervisionAction.READ: _CHANGE | {Relation.SELF},
    SupervisionAction.RECORD: _CHANGE,
    SupervisionAction.CORRECT: _CHANGE,
    SupervisionAction.CLOSE: _CHANGE,
    # Deleting the public's complaint is for the person's unit head, not their own supervisor.
    SupervisionAction.DELETE: frozenset({Relation.UNIT_HEAD}),
}


@dataclass(frozen=True)
class SupervisionScope:
    """One account's reach over the registers on one day.

    Attributes:
        headed: The units the account heads (`headed_units`); None means all.
        reach: The units whose records it reads: headed ones and those its people work in.
    """

    principal: Principal
    facts: OrgFacts
    on: date
    headed: frozenset[int] | None
    reach: frozenset[int] | None

    @classmethod
    def of(
        cls,
        principal: Principal,
        facts: OrgFacts,
        on: date,
        visible: frozenset[int] | None = None,
    ) -> SupervisionScope:
        """The scope; ``visible`` is `visible_people` when the caller has it already."""
        if principal.sees_everything:
            return cls(principal, facts, on, None, None)
        headed = headed_units(principal, facts) or frozenset()
        people = visible_people(principal, facts, on) if visible is None else visible
        worked_in = {facts.unit_of[person] for person in people or () if person in facts.unit_of}
        return cls(principal, facts, on, headed, headed | worked_in)

    def refusal(self, action: SupervisionAction, subject: Subject) -> Refusal | None:
        """Why the account may not do ``action`` to a record about ``subject``; None: it may."""
        principal = self.principal
        if principal.is_system:
            return None
        person = subject.employee_id
        if (
            person is not None
            and person == principal.employee_id
            and action is not SupervisionAction.READ
        ):
            return Refusal.SELF
        if principal.role is Role.ADMIN:
            return None
        if person is not None:
            found = relations(principal, person, self.facts, self.on, units=self.headed)
            if not found & PERSON_RELATIONS[action]:
                return Refusal.PERSON
            if action is SupervisionAction.READ:
                return None  # what is said about one's people is read wherever it was said
            # A change may not reach into another unit's register through one's own person.
            return self._unit_refusal(subject.unit_id, self.reach)
        if subject.unit_id is None:
            return None if action is SupervisionAction.READ else Refusal.OFFICE
        units = self.reach if action is SupervisionAction.READ else self.headed
        return self._unit_refusal(subject.unit_id, units)

    @staticmethod
    def _unit_refusal(unit_id: int | None, units: frozenset[int] | None) -> Refusal | None:
        if unit_id is None or units is None or unit_id in units:
            return None
        return Refusal.UNIT

    def allows(self, action: SupervisionAction, subject: Subject) -> bool:
        return self.refusal(action, subject) is None

    def allowed(self, subject: Subject) -> frozenset[SupervisionAction]:
        """Every action the account may take on a record about ``subject``."""
        return frozenset(action for action in SupervisionAction if self.allows(action, subject))


def refusal_message(
    refusal: Refusal,
    action: SupervisionAction,
    what: str,
    *,
    person: str = "",
    unit: str = "",
) -> str:
    """Why the account was refused, in the user's words.

    Args:
        refusal: Why (`SupervisionScope.refusal`).
        action: What was refused.
        what: The record, e.g. "pengaduan", "temuan audit", "survei".
        person: The name of the person the record is about.
        unit: The name of the unit the record is about.
    """
    verb = action.verb
    if refusal is Refusal.SELF:
        return (
            f"Anda tidak dapat {verb} {what} tentang diri Anda sendiri; mintalah atasan, kepala "
            "unit, atau admin."
        )
    if refusal is Refusal.PERSON:
        who = person or "pegawai ini"
        if action is SupervisionAction.DELETE:
            return (
                f"Hanya kepala unit tempat {who} bekerja atau admin yang dapat menghapus {what} "
                f"tentang {who}."
            )
        return (
            f"Akun Anda tidak berwenang {verb} {what} tentang {who}: hanya pegawai yang Anda "
            "nilai (atau unit yang Anda pimpin) yang dapat dibuka."
        )
    if refusal is Refusal.UNIT:
        where = f"unit {unit}" if unit else "unit ini"
        return (
            f"Akun Anda tidak berwenang {verb} {what} {where}: hanya unit yang Anda pimpin dan "
            "unit di bawahnya"
            + (
                ", serta unit tempat Anda dan pegawai yang Anda nilai bekerja."
                if action is SupervisionAction.READ
                else "."
            )
        )
    return f"{what.capitalize()} yang tidak menyebut unit maupun pegawai hanya dapat diubah admin."
