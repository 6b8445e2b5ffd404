"""The cascade of results (reference §1): whose RHK serves which supervisor's RHK, as a tree.

From a head down, each person shows their RHK of the year; each RHK lists the staff RHK that
serve ("intervene in") it, whoever owns them. Two gaps are flagged, both for main (utama) RHK,
the ones the rules cascade (``check_complete``):

- a staff RHK that serves nothing although the person's penilai has an SKP that year (or that
  serves an RHK that is not the penilai's);
- a supervisor's RHK that no staff RHK serves, for someone who appraises people in the tree.

People without an SKP that year are part of the tree too. The tree is read in a fixed number
of queries whatever its size: the people, the SKPs, then every RHK concerned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import cascade as cascade_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.cascade import RhkFact
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.skp import RhkKind, SkpStatus
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.accounts.access_guard import AccessGuard

#: Heads and their staff are listed by rank, then by name.
_RANK = {
    JabatanKind.JPT: 0,
    JabatanKind.ADMINISTRATOR: 1,
    JabatanKind.PENGAWAS: 2,
    JabatanKind.FUNGSIONAL: 3,
    JabatanKind.PELAKSANA: 4,
}
#: A longer supervisor chain than this means a loop in the data; the walk stops there.
_MAX_DEPTH = 50


@dataclass(frozen=True)
class ServingRhk:
    """A staff RHK that serves (intervenes in) a supervisor's RHK."""

    rhk_id: int
    text: str
    kind: RhkKind
    employee_id: int
    employee_name: str


@dataclass(frozen=True)
class CascadeRhk:
    """One RHK of a person, with the staff RHK that serve it and its flags.

    Attributes:
        number: Its number within its kind, from 1 (the form's "A.1", "B.2").
        parent_rhk_id: The supervisor's RHK it serves, or None.
        parent_text: The free-text target it serves at the top of the tree.
        served_by: Staff RHK that name this one as their parent, by owner's name.
        serves_nothing: A main RHK whose owner's penilai has an SKP this year, but that does
            not serve one of the penilai's RHK.
        unserved: A main RHK of someone who appraises people in the tree, and no staff RHK
            serves it.
    """

    id: int
    kind: RhkKind
    number: int
    text: str
    parent_rhk_id: int | None
    parent_text: str
    served_by: tuple[ServingRhk, ...]
    serves_nothing: bool
    unserved: bool

    @property
    def label(self) -> str:
        """The RHK as the form numbers it: "A.1 Tersusunnya laporan ..."."""
        letter = "A" if self.kind is RhkKind.UTAMA else "B"
        return f"{letter}.{self.number} {self.text}"


@dataclass(frozen=True)
class CascadeNode:
    """A person in the cascade: their SKP's RHK, then the people they appraise.

    Attributes:
        skp_id: Their SKP of the year, or None when they have none.
        skp_status: Draft or agreed; None without an SKP.
        penilai_has_skp: Their penilai has an SKP this year, so their main RHK must serve it.
    """

    employee: Employee
    skp_id: int | None
    skp_status: SkpStatus | None
    penilai_has_skp: bool
    rhks: tuple[CascadeRhk, ...]
    children: tuple[CascadeNode, ...]

    @property
    def has_skp(self) -> bool:
        return self.skp_id is not None

    def walk(self) -> Iterable[CascadeNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class CascadeSummary:
    people: int
    with_skp: int
    rhks: int
    serving_nothing: int
    unserved: int

    @property
    def without_skp(self) -> int:
        return self.people - self.with_skp

    @property
    def text(self) -> str:
        """One line in Indonesian, e.g. "12 pegawai · 9 dengan SKP · 3 belum ada SKP · ..."."""
        return (
            f"{self.people} pegawai · {self.with_skp} dengan SKP · "
            f"{self.without_skp} belum ada SKP · {self.rhks} RHK · "
            f"{self.serving_nothing} RHK belum mengintervensi RHK atasan · "
            f"{self.unserved} RHK atasan belum didukung RHK staf"
        )


def summarise(nodes: Sequence[CascadeNode]) -> CascadeSummary:
    """Count the people, SKPs, RHK and flags of a cascade."""
    people = [person for node in nodes for person in node.walk()]
    rhks = [rhk for person in people for rhk in person.rhks]
    return CascadeSummary(
        people=len(people),
        with_skp=sum(person.has_skp for person in people),
        rhks=len(rhks),
        serving_nothing=sum(rhk.serves_nothing for rhk in rhks),
        unserved=sum(rhk.unserved for rhk in rhks),
    )


class CascadeService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def tree(self, root_employee_id: int, year: int) -> CascadeNode:
        """The cascade from one person down through everyone they appraise (active people).

        Raises:
            NotFoundError: there is no such person.
        """
        with self._db.reading() as session:
            self._access.require_person(session, root_employee_id, Action.VIEW)
            nodes = _Cascade(session, cascade_repo.subtree(root_employee_id), year).nodes()
        root = next((node for node in nodes if node.employee.id == root_employee_id), None)
        if root is None:
            raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
        return root

    def for_unit(self, unit_id: int, year: int) -> list[CascadeNode]:
        """The cascade of a unit with its sub-units, from its heads down.

        Heads are the unit's active people whose penilai is not in the unit (or who have
        none), by rank and name.

        Raises:
            NotFoundError: there is no such unit.
        """
        with self._db.reading() as session:
            if staff_repo.find_unit(session, unit_id) is None:
                raise NotFoundError("Unit tidak ditemukan; mungkin sudah dihapus.")
            self._access.require_unit(session, unit_id)
            return _Cascade(session, cascade_repo.unit_people(unit_id), year).nodes()


# --- building the tree ------------------------------------------------------------------------


class _Cascade:
    """The rows of one cascade, read in bulk, and the tree built from them."""

    def __init__(self, session: Session, scope: Select[int], year: int) -> None:
        self.people = {person.id: person for person in cascade_repo.people(session, scope)}
        self.skps = cascade_repo.skps(session, scope, year)
        self.rhks: dict[int, list[RhkFact]] = {}
        self.serving: dict[int, list[RhkFact]] = {}
        for fact in cascade_repo.rhks(session, scope, year):
            self.rhks.setdefault(fact.employee_id, []).append(fact)
            if fact.parent_rhk_id is not None:
                self.serving.setdefault(fact.parent_rhk_id, []).append(fact)
        self.children: dict[int, list[Employee]] = {}
        for person in self.people.values():
            if person.penilai_id in self.people:
                self.children.setdefault(person.penilai_id, []).append(person)

    def nodes(self) -> list[CascadeNode]:
        heads = [person for person in self.people.values() if person.penilai_id not in self.people]
        return [self._node(head, set()) for head in _ranked(heads)]

    def _node(self, person: Employee, above: set[int]) -> CascadeNode:
        below = [
            child
            for child in self.children.get(person.id, [])
            if child.id not in above and len(above) < _MAX_DEPTH
        ]
        path = above | {person.id}
        children = tuple(self._node(child, path) for child in _ranked(below))
        skp = self.skps.get(person.id)
        penilai_has_skp = person.penilai_id is not None and person.penilai_id in self.skps
        penilai_rhks = {fact.id for fact in self.rhks.get(person.penilai_id or 0, [])}
        numbers: dict[RhkKind, int] = {}
        rhks = []
        for fact in self.rhks.get(person.id, []) if skp else []:
            numbers[fact.kind] = numbers.get(fact.kind, 0) + 1
            served_by = tuple(
                ServingRhk(other.id, other.text, other.kind, other.employee_id, other.employee_name)
                for other in sorted(
                    self.serving.get(fact.id, []), key=lambda r: r.employee_name.casefold()
                )
            )
            main = fact.kind is RhkKind.UTAMA
            rhks.append(
                CascadeRhk(
                    id=fact.id,
                    kind=fact.kind,
                    number=numbers[fact.kind],
                    text=fact.text,
                    parent_rhk_id=fact.parent_rhk_id,
                    parent_text=fact.parent_text,
                    served_by=served_by,
                    serves_nothing=main
                    and penilai_has_skp
                    and fact.parent_rhk_id not in penilai_rhks,
                    unserved=main and bool(children) and not served_by,
                )
            )
        return CascadeNode(
            employee=person,
            skp_id=skp[0] if skp else None,
            skp_status=skp[1] if skp else None,
            penilai_has_skp=penilai_has_skp,
            rhks=tuple(rhks),
            children=children,
        )


def _ranked(people: Iterable[Employee]) -> list[Employee]:
    return sorted(people, key=lambda p: (_RANK.get(p.jabatan_kind, 9), p.name.casefold(), p.id))
