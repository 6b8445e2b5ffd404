"""What of this database a hand-over package touches: the natural keys to read by.

Previewing or applying a package needs only our records under the package's keys and the
records those refer to, not the whole database: reading it whole made a hub's merge cost grow
with every package merged before (issue 18). :func:`package_references` names them by natural
key, from the package's keys and the references its content writes as natural keys: people
by NIP, SKPs by (NIP, year), the register entries by their unit, surveys by (unit, period).
The data layer reads those rows and what they refer to in turn
(``data.repositories.handover_scoped``); building the aggregates of those rows gives exactly
our aggregates under the package's keys.

Units are named by path, read with every unit above them and every unit a row read names.
External officials, competences, job standards and office days off are not named here: they
are small tables whatever the office's size, read whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kinerja_desktop.domain.handover_aggregate import Aggregate, Kind, plain

#: The kinds whose key starts with the person's NIP.
_PERSONAL = frozenset(
    {
        Kind.EMPLOYEE,
        Kind.SKP,
        Kind.PERIOD,
        Kind.OBSERVATION,
        Kind.COMPETENCE_RATING,
        Kind.DEVELOPMENT_ITEM,
        Kind.DISMISSED_PROPOSAL,
        Kind.LEAVE_DAY,
        Kind.PROGRESS_ENTRY,
    }
)
#: The register kinds, whose key starts with their unit's path (None: the person's unit).
_REGISTERS = frozenset({Kind.SURVEY, Kind.PUBLIC_FEEDBACK, Kind.AUDIT_FINDING})
#: Content fields that name a person by NIP (penilai, Plt/Plh, the person a register names).
_PERSON_FIELDS = ("penilai", "acting", "for", "employee", "served_by")
#: Content fields that name a journal observation by its key ([NIP, day, digest]).
_OBSERVATION_FIELDS = ("observation",)
#: Content fields that name a unit by its path.
_UNIT_FIELDS = ("unit", "from_unit", "to_unit", "instansi", "path")

#: Every content field :meth:`_Found.fields` reads.
_REFERENCE_FIELDS = frozenset(
    {"nip", "survey", *_PERSON_FIELDS, *_OBSERVATION_FIELDS, *_UNIT_FIELDS}
)
#: JSON values that hold nothing inside.
_LEAVES = (str, int, float, type(None))

UnitPath = tuple[str, ...]


@dataclass(frozen=True)
class PackageReferences:
    """Our records a package touches, by natural key.

    Attributes:
        nips: Every person the package keys or names.
        skps: Every SKP (NIP, year) the package keys or links to (an RHK's parent, the RHK a
            progress entry or an audit finding names).
        register_units: The unit paths of the package's register entries; None stands for
            the entries without a unit.
        surveys: The surveys (unit path, period code) the package keys or names.
        units: Every unit path the package keys or names (a person's unit, their history,
            an appraisal year's instansi, ...).
    """

    nips: frozenset[str]
    skps: frozenset[tuple[str, int]]
    register_units: frozenset[UnitPath | None]
    surveys: frozenset[tuple[UnitPath, str]]
    units: frozenset[UnitPath] = frozenset()


class _Found:
    def __init__(self) -> None:
        self.nips: set[str] = set()
        self.skps: set[tuple[str, int]] = set()
        self.units: set[UnitPath | None] = set()
        self.surveys: set[tuple[UnitPath, str]] = set()
        self.paths: set[UnitPath] = set()

    def unit(self, value: Any) -> None:
        path = _path(value)
        if path:
            self.paths.add(path)

    def person(self, value: Any) -> None:
        if isinstance(value, str):
            self.nips.add(value)

    def skp(self, nip: Any, year: Any) -> None:
        if isinstance(nip, str) and isinstance(year, int) and not isinstance(year, bool):
            self.nips.add(nip)
            self.skps.add((nip, year))

    def survey(self, key: Any) -> None:
        if isinstance(key, list) and len(key) == 2 and isinstance(key[1], str):
            path = _path(key[0])
            if path is not None:
                self.surveys.add((path, key[1]))

    def walk(self, value: Any) -> None:
        """Every reference written inside content, wherever it sits.

        Most of a large package's mappings (realisations, period targets, evidence) name
        nothing: they are passed over by their field names alone, in C (issue 14: walking
        every field of every mapping was a quarter of an import's time).
        """
        pending = [value]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                children: Iterable[Any] = item
            elif isinstance(item, Mapping):
                item = plain(item)  # a package's record: parsed once, not per field
                if not _REFERENCE_FIELDS.isdisjoint(item.keys()):
                    self.fields(item)
                children = item.values()
            else:
                continue
            pending.extend(child for child in children if not isinstance(child, _LEAVES))

    def fields(self, value: Mapping[str, Any]) -> None:
        """The references among one mapping's own fields."""
        # An RHK named as {nip, year, rhk} (parent links, progress, findings), or a
        # rencana aksi as {nip, year, rhk, period_code}.
        if "nip" in value:
            self.person(value["nip"])
            if "year" in value:
                self.skp(value["nip"], value["year"])
        for name in _PERSON_FIELDS:
            self.person(value.get(name))
        for name in _OBSERVATION_FIELDS:
            key = value.get(name)
            if isinstance(key, list) and key:
                self.person(key[0])
        self.survey(value.get("survey"))
        for name in _UNIT_FIELDS:
            self.unit(value.get(name))

    def key(self, kind: Kind, key: list[Any]) -> None:
        """The references in an aggregate's natural key."""
        if kind is Kind.UNIT:
            self.unit(key)
        elif kind in (Kind.APPRAISAL_YEAR, Kind.ORG_PREDIKAT):
            self.unit(key[0])
        elif kind in _PERSONAL:
            self.person(key[0])
            if kind in (Kind.SKP, Kind.PERIOD) and len(key) > 1:
                self.skp(key[0], key[1])
        elif kind is Kind.ACTING:
            self.person(key[0])
            if len(key) > 1:
                self.person(key[1])
        elif kind in _REGISTERS:
            path = _path(key[0])
            if path is not None or key[0] is None:
                self.units.add(path)
            self.unit(key[0])
            if kind is Kind.SURVEY:
                self.survey(key[:2])


def _path(value: Any) -> UnitPath | None:
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return tuple(value)
    return None


def package_references(aggregates: Iterable[Aggregate]) -> PackageReferences:
    """The natural keys of our records that ``aggregates`` (a package's) touch.

    Malformed keys or references are skipped: the checks and the writer say what is wrong
    with them, and a record we do not read is one we do not have, as before.
    """
    found = _Found()
    for aggregate in aggregates:
        try:
            key = json.loads(aggregate.key)
        except ValueError:
            continue
        if not isinstance(key, list) or not key:
            continue
        found.key(aggregate.kind, key)
        found.walk(aggregate.content)
    return PackageReferences(
        frozenset(found.nips),
        frozenset(found.skps),
        frozenset(found.units),
        frozenset(found.surveys),
        frozenset(found.paths),
    )
