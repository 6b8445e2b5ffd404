"""Records of a hand-over package: aggregates with natural keys, as canonical JSON.

Database ids differ between installations, so nothing here carries one. Each aggregate is
named by what identifies it in any office (a unit by its path of names from the instansi, a
person by NIP, an SKP by NIP and year, ...) and holds its content as plain JSON values, with
its references written as natural keys too. The same content always gives the same canonical
bytes and so the same digest, which is what the merge compares.

Input is the database read as JSON rows per table (ids included, for joining); output is a list
of :class:`Aggregate`. What is deliberately left out of the content: row ids, the optimistic
lock ``version``, and the installation's own timestamps (``created_at``, ``updated_at``,
``recorded_at``, ``added_at``), which say when a row was typed here, not what it says.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from kinerja_desktop.domain.handover_aggregate import (
    LOCAL_COLUMNS,
    Aggregate,
    Kind,
    Row,
    Tables,
    canonical_json,
    digest_of,
    make_aggregate,
    plain_fields,
    sorted_rows,
    under,
    unique_keys,
    year_of,
    years_overlap,
)
from kinerja_desktop.domain.handover_plans import PlanIndex
from kinerja_desktop.domain.handover_progress import build_calendar, build_entries, progress_skps
from kinerja_desktop.domain.handover_registers import (
    REGISTER_TABLES,
    RegisterSelection,
    build_registers,
    select_registers,
)

__all__ = [
    "LOCAL_COLUMNS",
    "OFFICIAL_REFERENCES",
    "PERIOD_CONTENT_TABLES",
    "PERIOD_TABLES",
    "PERSON_CONTENT_TABLES",
    "REGISTER_TABLES",
    "SIGNED_ON",
    "SKP_CONTENT_TABLES",
    "Aggregate",
    "Kind",
    "RowBatches",
    "Scope",
    "build_aggregates",
    "canonical_json",
    "digest_of",
    "evidence_files",
    "iter_aggregates",
    "make_aggregate",
    "official_key",
    "unit_paths",
]


@dataclass(frozen=True)
class Scope:
    """What to export: a unit (its path of names; with everything under it) and a year."""

    unit_path: tuple[str, ...] | None = None
    year: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"unit": list(self.unit_path) if self.unit_path else None, "year": self.year}


#: Child rows read with the whole office: the RHKs (narrow, for links and ordinals) and history.
_OUTLINE_CHILDREN = (("rhks", "skp_id"), ("employment_events", "employee_id"))
#: Child rows of an SKP's content, read a batch of SKPs at a time.
_SKP_CHILDREN = (
    ("rhks", "skp_id"),
    ("ikis", "rhk_id"),
    ("skp_lampiran", "skp_id"),
    ("skp_expectations", "skp_id"),
    ("skp_versions", "skp_id"),
    ("realisations", "iki_id"),
    ("evidence", "iki_id"),
    ("rhk_feedback", "rhk_id"),
)
#: An employee's references to officials outside the register: column -> content key. The key
#: is in the content only when set, so a person without one keeps the digest they always had.
OFFICIAL_REFERENCES = (
    ("penilai_official_id", "penilai_official"),
    ("atasan_official_id", "atasan_official"),
)
#: The kind every official had before pejabat negara: left out of the content (digest kept).
_ASN = "ASN"


def official_key(content: Mapping[str, Any]) -> list[Any]:
    """An official's natural key, from their row or content.

    [NIP]; for a pejabat negara (no NIP) [name, jabatan, instansi].
    """
    if content.get("nip") is not None:
        return [content["nip"]]
    return [content.get("name"), content.get("jabatan"), content.get("instansi")]


def _official_reference(row: Row) -> Any:
    """How a person's record names their official: the NIP as before, else the whole key."""
    key = official_key(row)
    return key[0] if row.get("nip") is not None else key


def _grouped(rows: Iterable[Row], column: str) -> dict[int, list[Row]]:
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row[column]].append(row)
    return grouped


class _Index:
    """Lookups over the rows of one database, by id and by parent.

    The RHKs and rencana aksi here need only their ids, parents, positions and periods: their
    content is an SKP's, read with it (:class:`_SkpRows`).
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.units = {row["id"]: row for row in tables["units"]}
        self.employees = {row["id"]: row for row in tables["employees"]}
        self.skps = {row["id"]: row for row in tables["skps"]}
        self.officials = {row["id"]: row for row in tables.get("external_officials", ())}
        self._paths: dict[int, tuple[str, ...]] = {}
        self.children = {
            table: _grouped(tables[table], parent) for table, parent in _OUTLINE_CHILDREN
        }
        self.rhks = {row["id"]: row for row in tables["rhks"]}
        #: The rencana aksi, for the progress entries' links.
        self.plans = PlanIndex({"rencana_aksi": tables.get("rencana_aksi", ())})
        # The ordinal of each RHK within its SKP (position, then id): links name it.
        self.rhk_ordinal: dict[int, int] = {}
        for rows in self.children["rhks"].values():
            for ordinal, rhk in enumerate(_ordered(rows), start=1):
                self.rhk_ordinal[rhk["id"]] = ordinal

    def path(self, unit_id: int | None) -> list[str] | None:
        if unit_id is None:
            return None
        if unit_id not in self._paths:
            row = self.units[unit_id]
            parent = self.path(row["parent_id"])
            self._paths[unit_id] = (*(parent or []), row["name"])
        return list(self._paths[unit_id])

    def nip(self, employee_id: int | None) -> str | None:
        return None if employee_id is None else self.employees[employee_id]["nip"]

    def skp_of_rhk(self, rhk_id: int) -> int:
        return int(self.rhks[rhk_id]["skp_id"])

    def rhk_link(self, rhk_id: int) -> dict[str, Any]:
        """An RHK by natural key: its SKP's NIP and year, and its 1-based place in the SKP."""
        skp = self.skps[self.skp_of_rhk(rhk_id)]
        return {
            "nip": self.nip(skp["employee_id"]),
            "year": skp["year"],
            "rhk": self.rhk_ordinal[rhk_id],
        }

    def rencana_link(self, rencana_aksi_id: int | None) -> dict[str, Any] | None:
        """A rencana aksi by natural key: its RHK's ``{nip, year, rhk}`` and its period."""
        return self.plans.entry_link(rencana_aksi_id, self.rhk_link)

    def kids(self, table: str, parent_id: int) -> list[Row]:
        return _ordered(self.children[table].get(parent_id, []))


class _SkpRows:
    """The content rows of some SKPs: RHKs, indicators, plans, periods and who signed."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.children = {
            table: _grouped(tables.get(table, ()), parent) for table, parent in _SKP_CHILDREN
        }
        self.plans = PlanIndex(tables)
        #: Who signed a sealed record, by its record name ("skp:<id>:<revision>", ...).
        self.signatories = {row["record"]: row for row in tables.get("signatories", ())}

    def kids(self, table: str, parent_id: int) -> list[Row]:
        return _ordered(self.children[table].get(parent_id, []))


def _ordered(rows: Iterable[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (row.get("position", 0), row["id"]))


@dataclass
class _Selection:
    """Which people and SKPs go into the package: the scope, and what it refers to."""

    scope_people: set[int]
    people: set[int]
    skps: set[int]
    acting: list[Row]
    registers: RegisterSelection


def _select(index: _Index, scope: Scope) -> _Selection:
    tables = index.tables
    scope_people = {
        row["id"]
        for row in tables["employees"]
        if under(index.path(row["unit_id"]), scope.unit_path)
    }
    skps = {
        row["id"]
        for row in tables["skps"]
        if row["employee_id"] in scope_people and scope.year in (None, row["year"])
    }
    acting = [
        row
        for row in tables["acting_assignments"]
        if years_overlap(row["start_date"], row["end_date"], scope.year)
        and (row["acting_employee_id"] in scope_people or row["for_employee_id"] in scope_people)
    ]
    people = set(scope_people) | {row["acting_employee_id"] for row in acting}
    people |= {row["for_employee_id"] for row in acting}
    registers = select_registers(tables, index, scope.unit_path, scope.year, scope_people)
    people |= registers.people
    skps |= registers.skps
    observed = {row["id"]: row["employee_id"] for row in tables["observations"]}
    people |= {observed[observation] for observation in registers.observations}
    skps |= progress_skps(tables, scope_people, scope.year)
    # Carried for references: the SKPs whose RHK a carried RHK serves, and every penilai
    # above a carried person, so that the receiving office can link them.
    pending = list(skps)
    while pending:
        skp_id = pending.pop()
        for rhk in index.kids("rhks", skp_id):
            parent = rhk["parent_rhk_id"]
            if parent is not None and index.rhks[parent]["skp_id"] not in skps:
                skps.add(index.rhks[parent]["skp_id"])
                pending.append(index.rhks[parent]["skp_id"])
    people |= {index.skps[skp_id]["employee_id"] for skp_id in skps}
    pending_people = list(people)
    while pending_people:
        penilai = index.employees[pending_people.pop()]["penilai_id"]
        if penilai is not None and penilai not in people:
            people.add(penilai)
            pending_people.append(penilai)
    return _Selection(scope_people, people, skps, acting, registers)


#: The tables of an SKP's content, and of its periods' decisions (read in batches of SKPs).
SKP_CONTENT_TABLES = (
    *(table for table, _ in _SKP_CHILDREN),
    "rencana_aksi",
    "period_targets",
    "target_scales",
    "signatories",
)
PERIOD_CONTENT_TABLES = (
    "result_ratings",
    "behaviour_ratings",
    "predikat_decisions",
    "dialogues",
    "behaviour_feedback",
    "evaluation_notes",
    "evaluation_seals",
    "signatories",
)
#: The tables of a person read with the person's batch, not with the outline.
PERSON_CONTENT_TABLES = ("observations", "progress_entries")
#: SKPs (or people) a batch: each batch's rows are read, made into records and let go.
SKP_BATCH = 100


class RowBatches(Protocol):
    """Reads the rows an outline leaves out, some SKPs or some people at a time."""

    def skp_rows(self, skp_ids: Sequence[int], names: Sequence[str]) -> Tables:
        """The rows of the tables ``names`` that belong to the SKPs ``skp_ids``."""
        ...

    def person_rows(self, people: Sequence[int], names: Sequence[str]) -> Tables:
        """The rows of the tables ``names`` that belong to the people ``people``."""
        ...


class _WholeTables:
    """Every row at hand already: each batch is given all of them."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def skp_rows(self, skp_ids: Sequence[int], names: Sequence[str]) -> Tables:  # noqa: ARG002
        return self.tables

    def person_rows(self, people: Sequence[int], names: Sequence[str]) -> Tables:  # noqa: ARG002
        return self.tables


def build_aggregates(tables: Tables, scope: Scope = Scope()) -> list[Aggregate]:
    """Turn one database's rows into the aggregates of ``scope``, in writing order.

    Args:
        tables: Every hand-over table as JSON rows (ids included).
        scope: A unit path (with everything under it) and a year; None means everything.
    """
    return list(iter_aggregates(tables, scope))


def iter_aggregates(
    tables: Tables,
    scope: Scope = Scope(),
    batches: RowBatches | None = None,
    *,
    batch: int | None = None,
) -> Iterator[Aggregate]:
    """The aggregates of ``scope`` one at a time, in writing order, each kind together.

    Args:
        tables: Every hand-over table as JSON rows (ids included). With ``batches``, the
            tables of an SKP's content and periods and a person's observations and progress
            entries may be empty here (:data:`SKP_CONTENT_TABLES`, :data:`PERIOD_CONTENT_TABLES`,
            :data:`PERSON_CONTENT_TABLES`), and the RHKs, rencana aksi, observations and
            progress entries narrow: only the columns that link records across SKPs and
            people.
        scope: A unit path (with everything under it) and a year; None means everything.
        batches: Reads those tables a batch of SKPs or people at a time; None: every row is
            in ``tables``.
        batch: How many SKPs (or people) ``batches`` is asked for at once
            (:data:`SKP_BATCH`).
    """
    index = _Index(tables)
    chosen = _select(index, scope)
    if batches is None:
        batches, batch = _WholeTables(tables), max(1, len(index.skps), len(index.employees))
    batch = batch or SKP_BATCH
    unit_ids = _units_needed(index, chosen, scope)
    found: list[Aggregate] = [_unit(index, unit_id) for unit_id in unit_ids]
    jabatans = {index.employees[e]["jabatan"].casefold() for e in chosen.scope_people}

    def wanted_jabatan(row: Row) -> bool:
        return scope.unit_path is None or row["jabatan"].casefold() in jabatans

    found += [
        make_aggregate(
            Kind.TECHNICAL_COMPETENCE,
            [row["code"]],
            f"{row['code']} {row['name']}",
            plain_fields(row),
            row["id"],
        )
        for row in tables["technical_competences"]
        if wanted_jabatan(row)
    ]
    found += [
        make_aggregate(
            Kind.JOB_STANDARD,
            [row["jabatan"], row["competence_code"]],
            f"{row['jabatan']}: {row['competence_code']}",
            plain_fields(row),
            row["id"],
        )
        for row in tables["job_standards"]
        if wanted_jabatan(row)
    ]
    found += [
        _appraisal_year(index, row)
        for row in tables["appraisal_years"]
        if row["instansi_id"] in unit_ids and scope.year in (None, row["year"])
    ]
    found += _officials(index, chosen, whole_office=scope.unit_path is None)
    found += [_employee(index, index.employees[e]) for e in sorted(chosen.people)]
    found += [_acting(index, row) for row in chosen.acting]
    yield from unique_keys(found)
    del found  # written: only their digests are kept, by the caller
    # An SKP is one per person and year, and a period one per SKP and code: never repeated.
    skp_ids = sorted(chosen.skps)
    for part in _parts(skp_ids, batch):
        rows = _SkpRows(batches.skp_rows(part, SKP_CONTENT_TABLES))
        yield from (_skp(index, rows, index.skps[skp_id]) for skp_id in part)
    scope_skps = [s for s in skp_ids if index.skps[s]["employee_id"] in chosen.scope_people]
    for part in _parts(scope_skps, batch):
        yield from _periods(index, _SkpRows(batches.skp_rows(part, PERIOD_CONTENT_TABLES)), part)
    # The registers name journal observations by their final keys (numbered when repeated).
    # An observation's key starts with the person's NIP: a person's are never split.
    observation_keys: dict[int, list[Any]] = {}
    for part in _parts(sorted(chosen.people), batch):
        observed = batches.person_rows(part, ("observations",))["observations"]
        for aggregate in unique_keys(_observations(index, observed, chosen, scope.year)):
            if aggregate.row_id in chosen.registers.observations:
                observation_keys[aggregate.row_id] = json.loads(aggregate.key)
            yield aggregate
    yield from unique_keys(
        _per_person(index, chosen, scope.year)
        + [
            _org_predikat(index, row)
            for row in tables["org_predikats"]
            if under(index.path(row["unit_id"]), scope.unit_path)
            and scope.year in (None, row["year"])
        ]
    )
    yield from unique_keys(build_registers(chosen.registers, index, observation_keys))
    yield from unique_keys(build_calendar(tables, index, chosen.scope_people, scope.year))
    # An entry's key starts with the person's NIP: a person's entries are never split.
    for part in _parts(sorted(chosen.scope_people), batch):
        entries = batches.person_rows(part, ("progress_entries",))["progress_entries"]
        yield from unique_keys(build_entries(entries, index, part, scope.year))


def _parts(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def unit_paths(units: Sequence[Row]) -> list[tuple[str, ...]]:
    """Every unit's path of names from its instansi, parents before children, by name."""
    outline = ("employees", "skps", *(table for table, _ in _OUTLINE_CHILDREN))
    index = _Index({"units": units} | {table: () for table in outline})
    return sorted(tuple(index.path(row["id"]) or ()) for row in units)


def _units_needed(index: _Index, chosen: _Selection, scope: Scope) -> list[int]:
    """Every unit under the scope, plus every unit a carried record names, with its parents."""
    wanted = {unit_id for unit_id in index.units if under(index.path(unit_id), scope.unit_path)}
    wanted |= chosen.registers.units
    for person in chosen.people:
        wanted.add(index.employees[person]["unit_id"])
        for event in index.children["employment_events"].get(person, []):
            wanted |= {u for u in (event["from_unit_id"], event["to_unit_id"]) if u is not None}
    closed: set[int] = set()
    for unit_id in wanted:
        current: int | None = unit_id
        while current is not None and current not in closed:
            closed.add(current)
            current = index.units[current]["parent_id"]
    return sorted(closed, key=lambda unit_id: (len(index.path(unit_id) or []), unit_id))


def _unit(index: _Index, unit_id: int) -> Aggregate:
    row = index.units[unit_id]
    path = index.path(unit_id) or []
    content = {"path": path, **plain_fields(row, "parent_id", "name")}
    return make_aggregate(Kind.UNIT, path, " / ".join(path), content, unit_id)


def _appraisal_year(index: _Index, row: Row) -> Aggregate:
    instansi = index.path(row["instansi_id"]) or []
    content = {"instansi": instansi, **plain_fields(row, "instansi_id")}
    label = f"{' / '.join(instansi)} {row['year']}"
    return make_aggregate(Kind.APPRAISAL_YEAR, [instansi, row["year"]], label, content, row["id"])


def _officials(index: _Index, chosen: _Selection, *, whole_office: bool) -> list[Aggregate]:
    """The officials outside the register: all of them for the whole office, else the chosen."""
    wanted = set(index.officials) if whole_office else set()
    for person in chosen.people:
        row = index.employees[person]
        wanted |= {row.get(column) for column, _ in OFFICIAL_REFERENCES} - {None}
    found = []
    for official_id in sorted(wanted):
        row = index.officials[official_id]
        nip = f" ({row['nip']})" if row.get("nip") is not None else ""
        label = f"{row['name']}{nip}, {row['jabatan']}"
        # ``kind`` only for a pejabat negara: an ASN official keeps the digest it always had.
        content = plain_fields(row, *(("kind",) if row.get("kind", _ASN) == _ASN else ()))
        found.append(
            make_aggregate(Kind.EXTERNAL_OFFICIAL, official_key(row), label, content, official_id)
        )
    return found


def _employee(index: _Index, row: Row) -> Aggregate:
    history = [
        {
            **plain_fields(event, "employee_id", "from_unit_id", "to_unit_id"),
            "from_unit": index.path(event["from_unit_id"]),
            "to_unit": index.path(event["to_unit_id"]),
        }
        for event in index.children["employment_events"].get(row["id"], [])
    ]
    history.sort(key=canonical_json)
    content = {
        **plain_fields(row, "unit_id", "penilai_id", *(c for c, _ in OFFICIAL_REFERENCES)),
        "unit": index.path(row["unit_id"]),
        "penilai": index.nip(row["penilai_id"]),
        "history": history,
    }
    for column, key in OFFICIAL_REFERENCES:
        if row.get(column) is not None:
            content[key] = _official_reference(index.officials[row[column]])
    return make_aggregate(
        Kind.EMPLOYEE, [row["nip"]], f"{row['name']} ({row['nip']})", content, row["id"]
    )


def _acting(index: _Index, row: Row) -> Aggregate:
    acting, absent = index.nip(row["acting_employee_id"]), index.nip(row["for_employee_id"])
    content = {
        **plain_fields(row, "acting_employee_id", "for_employee_id"),
        "acting": acting,
        "for": absent,
    }
    key = [acting, absent, row["kind"], row["start_date"]]
    label = f"{row['kind']} {acting} untuk {absent} mulai {row['start_date']}"
    return make_aggregate(Kind.ACTING, key, label, content, row["id"])


def _skp(index: _Index, rows: _SkpRows, row: Row) -> Aggregate:
    nip = index.nip(row["employee_id"])
    rhks = []
    for rhk in rows.kids("rhks", row["id"]):
        parent = rhk["parent_rhk_id"]
        link = None
        if parent is not None:
            parent_skp = index.skps[index.rhks[parent]["skp_id"]]
            link = {
                "nip": index.nip(parent_skp["employee_id"]),
                "year": parent_skp["year"],
                "rhk": index.rhk_ordinal[parent],
            }
        ikis = []
        for iki in rows.kids("ikis", rhk["id"]):
            iki_content = {
                **plain_fields(iki, "rhk_id"),
                "realisations": sorted_rows(rows.kids("realisations", iki["id"]), "iki_id"),
                "evidence": sorted_rows(rows.kids("evidence", iki["id"]), "iki_id"),
            }
            rows.plans.add_to_iki(iki["id"], iki_content)
            ikis.append(iki_content)
        rhk_content = {
            **plain_fields(rhk, "skp_id", "parent_rhk_id"),
            "parent": link,
            "ikis": ikis,
            "feedback": sorted_rows(rows.kids("rhk_feedback", rhk["id"]), "rhk_id"),
        }
        rows.plans.add_to_rhk(rhk["id"], rhk_content)
        rhks.append(rhk_content)
    content = {
        **plain_fields(row, "employee_id"),
        "nip": nip,
        "rhks": rhks,
        "lampiran": sorted_rows(rows.kids("skp_lampiran", row["id"]), "skp_id"),
        "expectations": sorted_rows(rows.kids("skp_expectations", row["id"]), "skp_id"),
        "versions": sorted_rows(rows.kids("skp_versions", row["id"]), "skp_id"),
    }
    # Who signed each agreed version; the key is there only when someone did, so an SKP
    # agreed before signatories were recorded keeps the content (and digest) it had.
    signed = {
        str(version["revision"]): _signatory(found)
        for version in rows.kids("skp_versions", row["id"])
        if (found := rows.signatories.get(f"skp:{row['id']}:{version['revision']}"))
    }
    if signed:
        content[SIGNATORIES] = signed
    label = f"SKP {nip} tahun {row['year']}"
    return make_aggregate(Kind.SKP, [nip, row["year"]], label, content, row["id"])


#: The tables of a period's decisions, each one row per (SKP, period) except the feedback.
PERIOD_TABLES = (
    ("result_ratings", "result_rating"),
    ("behaviour_ratings", "behaviour_rating"),
    ("predikat_decisions", "predikat"),
    ("dialogues", "dialogue"),
)
#: The day a period's evaluation was signed (``evaluation_seals``), in the period's content.
SIGNED_ON = "signed_on"
#: Who signed (table ``signatories``): in a signed period's content, and per agreed revision in
#: an SKP's content.
SIGNATORIES = "signatories"
#: The penilai's Catatan/Rekomendasi (``evaluation_notes``), in the period's content.
NOTES = "notes"


def _signatory(row: Row) -> dict[str, Any]:
    return {"taken_on": row["taken_on"], "people": json.loads(row["content"])}


def _periods(index: _Index, rows: _SkpRows, skp_ids: Sequence[int]) -> list[Aggregate]:
    wanted = set(skp_ids)
    grouped: dict[tuple[int, str], dict[str, Any]] = defaultdict(
        lambda: {name: None for _, name in PERIOD_TABLES} | {"behaviour_feedback": []}
    )
    for table, name in PERIOD_TABLES:
        for row in rows.tables.get(table, ()):
            if row["skp_id"] in wanted:
                grouped[(row["skp_id"], row["period_code"])][name] = plain_fields(
                    row, "skp_id", "period_code"
                )
    for row in rows.tables.get("behaviour_feedback", ()):
        if row["skp_id"] in wanted:
            grouped[(row["skp_id"], row["period_code"])]["behaviour_feedback"].append(
                plain_fields(row, "skp_id", "period_code")
            )
    # The key is there only when written, so a period without notes keeps its old digest.
    for row in rows.tables.get("evaluation_notes", ()):
        if row["skp_id"] in wanted:
            grouped[(row["skp_id"], row["period_code"])][NOTES] = row["text"]
    # A signed evaluation travels with its period; the key is there only when signed, so a
    # period that was never signed has the same content (and digest) as before seals existed.
    for row in rows.tables.get("evaluation_seals", ()):
        if row["skp_id"] in wanted:
            signed = grouped[(row["skp_id"], row["period_code"])]
            signed[SIGNED_ON] = row["signed_on"]
            who = rows.signatories.get(f"evaluasi:{row['skp_id']}:{row['period_code']}")
            if who is not None:
                signed[SIGNATORIES] = _signatory(who)
    found = []
    for (skp_id, period), content in sorted(grouped.items()):
        content["behaviour_feedback"].sort(key=canonical_json)
        skp = index.skps[skp_id]
        nip = index.nip(skp["employee_id"])
        found.append(
            make_aggregate(
                Kind.PERIOD,
                [nip, skp["year"], period],
                f"{nip} {skp['year']} {period}",
                content,
                None,
            )
        )
    return found


def _observations(
    index: _Index, rows: Iterable[Row], chosen: _Selection, year: int | None
) -> list[Aggregate]:
    """The journal observations among ``rows`` that go: in scope, or named by a register.

    In the order of the person's id, then the observation's, so that some people at a time
    give the order of all of them at once.
    """
    people = chosen.scope_people
    referenced = chosen.registers.observations
    found: list[Aggregate] = []
    for row in sorted(rows, key=lambda row: (row["employee_id"], row["id"])):
        in_scope = row["employee_id"] in people and year in (None, year_of(row["observed_on"]))
        if in_scope or row["id"] in referenced:
            nip = index.nip(row["employee_id"])
            content = {**plain_fields(row, "employee_id"), "nip": nip}
            key = [nip, row["observed_on"], digest_of(content)[:16]]
            label = f"{nip} {row['observed_on']}: {row['text'][:60]}"
            found.append(make_aggregate(Kind.OBSERVATION, key, label, content, row["id"]))
    return found


def _per_person(index: _Index, chosen: _Selection, year: int | None) -> list[Aggregate]:
    """A person's competence ratings, development plan and dismissed proposals."""
    tables = index.tables
    people = chosen.scope_people
    found: list[Aggregate] = []
    for row in tables["competence_ratings"]:
        rated = year_of(row["rated_on"]) or 0
        if row["employee_id"] in people and (year is None or rated <= year):
            nip = index.nip(row["employee_id"])
            key = [nip, row["competence_code"], row["rated_on"]]
            content = {**plain_fields(row, "employee_id"), "nip": nip}
            label = f"{nip} {row['competence_code']} {row['rated_on']}"
            found.append(make_aggregate(Kind.COMPETENCE_RATING, key, label, content, row["id"]))
    for row in tables["development_items"]:
        if row["employee_id"] in people and year in (None, row["year"]):
            nip = index.nip(row["employee_id"])
            key = [nip, row["year"], row["title"], row["start_date"]]
            content = {**plain_fields(row, "employee_id"), "nip": nip}
            label = f"{nip} {row['year']}: {row['title'][:60]}"
            found.append(make_aggregate(Kind.DEVELOPMENT_ITEM, key, label, content, row["id"]))
    for row in tables["dismissed_proposals"]:
        if row["employee_id"] in people and year in (None, row["year"]):
            nip = index.nip(row["employee_id"])
            key = [nip, row["year"], row["proposal_key"]]
            content = {**plain_fields(row, "employee_id"), "nip": nip}
            label = f"{nip} {row['year']}: {row['proposal_key'][:60]}"
            found.append(make_aggregate(Kind.DISMISSED_PROPOSAL, key, label, content, row["id"]))
    return found


def _org_predikat(index: _Index, row: Row) -> Aggregate:
    unit = index.path(row["unit_id"]) or []
    content = {**plain_fields(row, "unit_id"), "unit": unit}
    key = [unit, row["year"], row["period_code"]]
    label = f"{' / '.join(unit)} {row['year']} {row['period_code']}"
    return make_aggregate(Kind.ORG_PREDIKAT, key, label, content, row["id"])


def evidence_files(aggregates: Iterable[Aggregate]) -> dict[str, str]:
    """Every evidence copy the aggregates name: stored name -> SHA-256.

    Content that is not shaped as this module writes it names nothing (the import refuses
    such content later, when it is written).
    """
    found: dict[str, str] = {}
    for aggregate in aggregates:
        content = aggregate.content
        if aggregate.kind is Kind.SKP:
            items = [
                item
                for rhk in _dicts(content.get("rhks"))
                for iki in _dicts(rhk.get("ikis"))
                for item in _dicts(iki.get("evidence"))
            ]
            pairs = [(item.get("stored_name"), item.get("sha256")) for item in items]
        elif aggregate.kind is Kind.OBSERVATION:
            pairs = [(content.get("evidence_file"), content.get("evidence_sha256"))]
        elif aggregate.kind is Kind.AUDIT_FINDING:
            pairs = [
                (item.get("evidence_file"), item.get("evidence_sha256"))
                for item in _dicts(content.get("follow_ups"))
            ]
        elif aggregate.kind is Kind.PROGRESS_ENTRY:
            pairs = [(content.get("evidence_file"), content.get("evidence_sha256"))]
        else:
            continue
        for name, sha256 in pairs:
            if name and isinstance(name, str) and isinstance(sha256, str):
                found[name] = sha256
    return found


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
