"""Who may see and change whose records: roles, relations to a person, and the rules.

Pure rules over plain facts (who appraises whom, who sits in which unit, who acts for whom on
which days). The services load the facts and ask these functions before every person-level read
or write; a refusal raises `AccessDeniedError`.

- **admin** (the personnel office) may do everything, and alone manages accounts, restores
  backups and imports hand-over packages.
- **kepala unit** sees and edits the people of their unit and of the units below it.
- **penilai** sees and edits the staff they appraise (``penilai_id``), including the staff of a
  supervisor they stand in for as Plt/Plh on the day; as Atasan Pejabat Penilai (the penilai of
  a person's penilai) they may also see, decide objections and reopen a sealed record.

Everyone may see their own record. Reopening an agreed SKP or a signed evaluation needs the
atasan, a kepala unit above the person, or admin: the penilai alone may not undo their own seal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from kinerja_desktop.domain.errors import DomainError


class AccessDeniedError(DomainError):
    """The signed-in account may not do this; nothing was read or written."""


class Role(StrEnum):
    ADMIN = "ADMIN"
    KEPALA_UNIT = "KEPALA_UNIT"
    PENILAI = "PENILAI"

    @property
    def label(self) -> str:
        return {
            Role.ADMIN: "Admin (kepegawaian)",
            Role.KEPALA_UNIT: "Kepala unit",
            Role.PENILAI: "Pejabat penilai",
        }[self]


class Action(StrEnum):
    """What is done to one person's records."""

    VIEW = "VIEW"
    EDIT = "EDIT"
    #: Mark an evaluation signed (seal it).
    SIGN = "SIGN"
    #: Reopen an agreed SKP or a signed evaluation (with a reason).
    REOPEN = "REOPEN"


class Relation(StrEnum):
    """How an account's person stands to another person."""

    ADMIN = "ADMIN"
    UNIT_HEAD = "UNIT_HEAD"
    ATASAN = "ATASAN"
    PENILAI = "PENILAI"
    SELF = "SELF"


#: What each relation allows. A person may stand in several relations; they add up.
PERMISSIONS: Mapping[Relation, frozenset[Action]] = {
    Relation.ADMIN: frozenset(Action),
    Relation.UNIT_HEAD: frozenset(Action),
    # The atasan decides objections and is who the regulation lets reopen a signed record.
    Relation.ATASAN: frozenset({Action.VIEW, Action.EDIT, Action.REOPEN}),
    Relation.PENILAI: frozenset({Action.VIEW, Action.EDIT, Action.SIGN}),
    Relation.SELF: frozenset({Action.VIEW}),
}


class Capability(StrEnum):
    """Office-level actions that belong to no single person's record."""

    MANAGE_ACCOUNTS = "MANAGE_ACCOUNTS"
    RESTORE_BACKUP = "RESTORE_BACKUP"
    #: Copy the whole file elsewhere (back up to a folder, hand-over export).
    EXPORT_DATA = "EXPORT_DATA"
    IMPORT_PACKAGE = "IMPORT_PACKAGE"
    IMPORT_STAFF = "IMPORT_STAFF"
    #: Units, appraisal years, competence standards: the office's settings.
    MANAGE_OFFICE = "MANAGE_OFFICE"
    #: Sign the audit log as it is now into its anchor (`SealService.accept_log`).
    ACCEPT_SEALS = "ACCEPT_SEALS"

    @property
    def label(self) -> str:
        return {
            Capability.MANAGE_ACCOUNTS: "mengelola akun",
            Capability.RESTORE_BACKUP: "memulihkan cadangan",
            Capability.EXPORT_DATA: "menyalin seluruh data ke luar",
            Capability.IMPORT_PACKAGE: "mengimpor paket serah terima",
            Capability.IMPORT_STAFF: "mengimpor daftar pegawai",
            Capability.MANAGE_OFFICE: "mengubah pengaturan kantor",
            Capability.ACCEPT_SEALS: "menerima catatan audit ke berkas segel",
        }[self]


#: Which roles hold each office-level capability.
CAPABILITIES: Mapping[Capability, frozenset[Role]] = {
    Capability.MANAGE_ACCOUNTS: frozenset({Role.ADMIN}),
    Capability.RESTORE_BACKUP: frozenset({Role.ADMIN}),
    Capability.EXPORT_DATA: frozenset({Role.ADMIN}),
    Capability.IMPORT_PACKAGE: frozenset({Role.ADMIN}),
    Capability.IMPORT_STAFF: frozenset({Role.ADMIN}),
    Capability.MANAGE_OFFICE: frozenset({Role.ADMIN}),
    Capability.ACCEPT_SEALS: frozenset({Role.ADMIN}),
}


@dataclass(frozen=True)
class Principal:
    """Who is acting: a signed-in account, or the system (command line, no accounts)."""

    user_name: str
    display_name: str
    #: None for the system, which may do everything.
    role: Role | None
    employee_id: int | None = None
    account_id: int | None = None

    @property
    def is_system(self) -> bool:
        return self.role is None

    @property
    def sees_everything(self) -> bool:
        return self.role is None or self.role is Role.ADMIN


#: The command line and an office without accounts: whoever runs it has the file anyway.
SYSTEM = Principal(user_name="sistem", display_name="Sistem", role=None)


@dataclass(frozen=True)
class ActingSpan:
    """A Plt/Plh: ``acting_id`` stands in for ``for_id`` from ``start`` to ``end``."""

    acting_id: int
    for_id: int
    start: date
    end: date

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OrgFacts:
    """The register as far as access needs it: everyone's penilai and unit, the unit tree."""

    penilai_of: Mapping[int, int | None]
    unit_of: Mapping[int, int]
    unit_parent: Mapping[int, int | None]
    acting: tuple[ActingSpan, ...] = ()

    def units_below(self, unit_id: int) -> frozenset[int]:
        """The unit and every unit under it."""
        children: dict[int | None, list[int]] = {}
        for unit, parent in self.unit_parent.items():
            children.setdefault(parent, []).append(unit)
        found = {unit_id}
        stack = [unit_id]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return frozenset(found)


def _stands_for(employee_id: int, facts: OrgFacts, on: date) -> frozenset[int]:
    """The person and everyone they act for (Plt/Plh) on ``on``."""
    return frozenset(
        {employee_id}
        | {
            span.for_id
            for span in facts.acting
            if span.acting_id == employee_id and span.covers(on)
        }
    )


def headed_units(principal: Principal, facts: OrgFacts) -> frozenset[int] | None:
    """The units a principal answers for: None means all, empty means none."""
    if principal.sees_everything:
        return None
    if principal.role is Role.KEPALA_UNIT and principal.employee_id is not None:
        own_unit = facts.unit_of.get(principal.employee_id)
        if own_unit is not None:
            return facts.units_below(own_unit)
    return frozenset()


def relations(
    principal: Principal,
    person_id: int,
    facts: OrgFacts,
    on: date,
    *,
    units: frozenset[int] | None = None,
) -> frozenset[Relation]:
    """Every way the principal stands to ``person_id`` on ``on`` (empty: not at all).

    ``units`` is `headed_units` when the caller already has it (lists of thousands).
    """
    if principal.sees_everything:
        return frozenset({Relation.ADMIN})
    me = principal.employee_id
    if me is None:
        return frozenset()
    if person_id == me:
        return frozenset({Relation.SELF})
    found: set[Relation] = set()
    scope = headed_units(principal, facts) if units is None else units
    if scope and facts.unit_of.get(person_id) in scope:
        found.add(Relation.UNIT_HEAD)
    mine = _stands_for(me, facts, on)
    penilai = facts.penilai_of.get(person_id)
    if penilai is not None:
        if penilai in mine:
            found.add(Relation.PENILAI)
        atasan = facts.penilai_of.get(penilai)
        if atasan is not None and atasan in mine and penilai != me:
            found.add(Relation.ATASAN)
    return frozenset(found)


def allowed(
    principal: Principal, person_id: int, action: Action, facts: OrgFacts, on: date
) -> bool:
    return any(action in PERMISSIONS[r] for r in relations(principal, person_id, facts, on))


def visible_people(principal: Principal, facts: OrgFacts, on: date) -> frozenset[int] | None:
    """Everyone the principal may see on ``on``; None means everyone."""
    if principal.sees_everything:
        return None
    units = headed_units(principal, facts)
    return frozenset(
        person for person in facts.unit_of if relations(principal, person, facts, on, units=units)
    )


def may(principal: Principal, capability: Capability) -> bool:
    return principal.role is None or principal.role in CAPABILITIES[capability]


def denied_message(action: Action, name: str) -> str:
    """Why the signed-in account was refused, in the user's words."""
    if action is Action.REOPEN:
        return (
            f"Membuka kembali catatan {name} yang sudah disepakati atau ditandatangani hanya "
            "dapat dilakukan oleh atasan pejabat penilai, kepala unit, atau admin."
        )
    verb = {
        Action.VIEW: "melihat",
        Action.EDIT: "mengubah",
        Action.SIGN: "menandatangani",
    }[action]
    return (
        f"Akun Anda tidak berwenang {verb} data {name}: hanya pegawai yang Anda nilai "
        "(atau unit yang Anda pimpin) yang dapat dibuka."
    )


def capability_message(capability: Capability) -> str:
    return f"Hanya admin yang dapat {capability.label}."


#: Why a penilai is not offered work on the staff register or a unit's settings.
UNIT_WORK_MESSAGE = "Hanya admin dan kepala unit yang dapat {what}."


@dataclass(frozen=True)
class Permissions:
    """What the signed-in account may do, read once, so screens offer only that.

    The services still check every action; this tells a screen which controls to disable and
    why, before a form is filled in.

    Attributes:
        principal: Who is signed in.
        headed_units: The units whose unit-level work the account may do (add staff, a Plt/Plh,
            the organisation predikat, the cascade of the unit); None means all, empty none.
        actions: What the account may do to each person's records it sees (`Action`); None
            means everything to everyone. Everyone sees their own record but does not edit it.
    """

    principal: Principal
    headed_units: frozenset[int] | None
    actions: Mapping[int, frozenset[Action]] | None = None

    @classmethod
    def of(cls, principal: Principal, facts: OrgFacts, on: date) -> Permissions:
        if principal.sees_everything:
            return cls(principal, None)
        units = headed_units(principal, facts)
        actions: dict[int, frozenset[Action]] = {}
        for person in facts.unit_of:
            found = relations(principal, person, facts, on, units=units)
            if found:
                actions[person] = frozenset().union(*(PERMISSIONS[r] for r in found))
        return cls(principal, units, MappingProxyType(actions))

    def allows(self, employee_id: int, action: Action) -> bool:
        return self.actions is None or action in self.actions.get(employee_id, frozenset())

    def person_refusal(self, employee_id: int, name: str, action: Action) -> str | None:
        """Why the account may not do ``action`` to this person's records; None when it may."""
        return None if self.allows(employee_id, action) else denied_message(action, name)

    def may(self, capability: Capability) -> bool:
        return may(self.principal, capability)

    def refusal(self, capability: Capability) -> str | None:
        """Why the account may not do ``capability``; None when it may."""
        return None if self.may(capability) else capability_message(capability)

    @property
    def heads_units(self) -> bool:
        """Whether the account may do unit-level work anywhere."""
        return self.headed_units is None or bool(self.headed_units)

    def unit_refusal(self, what: str) -> str | None:
        """Why the account may do no unit-level work (``what``, e.g. "menambah pegawai")."""
        return None if self.heads_units else UNIT_WORK_MESSAGE.format(what=what)

    def heads(self, unit_id: int) -> bool:
        return self.headed_units is None or unit_id in self.headed_units


#: The system's permissions: everything (an office without accounts, tests of a screen alone).
EVERYTHING = Permissions(SYSTEM, None)
