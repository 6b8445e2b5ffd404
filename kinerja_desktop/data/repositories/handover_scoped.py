"""The rows of the hand-over tables that a package touches, read by key; the caller's Session.

An import needs our records under the package's keys, and what they refer to, not the whole
database (``domain.handover_scope``). This reads the people the package names by NIP, their
SKPs by (NIP, year), its register entries by unit, and then, round by round until nothing new
turns up, what those rows refer to: every penilai above a person read, the SKP of every RHK a
read RHK or progress entry names, the owner of every SKP, the people and observations the
registers name. Each person read comes with all their rows (history, observations, ratings,
development plans, leave, progress), each SKP with all its rows (RHK, indicators, plans,
period decisions, signatories), so that ``build_aggregates`` over these rows gives, for every
key they cover, the very aggregate it gives over the whole database.

The units in play (named by the package or by a row read) are read with every unit above
them, and their appraisal years and organisation predikat; the whole unit tree only as its
id, parent and name, to find paths. The small tables (external officials, competences, job
standards, office days off, Plt/Plh) are read whole. Every statement by key takes at most
:data:`CHUNK` values (SQLite's bound-parameter limit), so the statements grow with the
package, never with the office. Rows come as JSON values, ordered by primary key, as
``handover.read_all`` gives them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories.handover import (
    HANDOVER_TABLES,
    TableRows,
    read_table,
    table_of,
    to_json,
)
from kinerja_desktop.domain.handover_scope import PackageReferences

CHUNK = 500
#: Read whole: a few hundred rows at most, whatever the office's size.
WHOLE_TABLES = (
    "external_officials",
    "technical_competences",
    "job_standards",
    "office_days_off",
    "acting_assignments",
)
#: Read by the units in play (with every unit above them): they grow with a hub's OPDs.
UNIT_TABLES = (("org_predikats", "unit_id"), ("appraisal_years", "instansi_id"))
#: The columns of rows read that name a unit.
_UNIT_COLUMNS = (
    ("employees", ("unit_id",)),
    ("employment_events", ("from_unit_id", "to_unit_id")),
    ("public_feedback", ("unit_id",)),
    ("audit_findings", ("unit_id",)),
    ("surveys", ("unit_id",)),
)
#: A person's own rows, by ``employee_id``.
PERSON_TABLES = (
    "employment_events",
    "observations",
    "competence_ratings",
    "development_items",
    "dismissed_proposals",
    "leave_days",
    "progress_entries",
)
#: An SKP's own rows, by ``skp_id``.
SKP_TABLES = (
    "rhks",
    "skp_lampiran",
    "skp_expectations",
    "skp_versions",
    "result_ratings",
    "behaviour_ratings",
    "predikat_decisions",
    "dialogues",
    "behaviour_feedback",
    "evaluation_notes",
    "evaluation_seals",
)
RHK_TABLES = ("rhk_feedback", "rencana_aksi")  # and ``ikis``, read first
IKI_TABLES = ("realisations", "evidence", "period_targets", "target_scales")

Row = dict[str, Any]


class Reader:
    """The rows read so far, per table by primary key."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, dict[Any, Row]] = {name: {} for name in HANDOVER_TABLES}

    def where_in(self, name: str, column: str, values: Iterable[Any]) -> list[Row]:
        """The rows whose ``column`` is one of ``values``, kept; in chunks of :data:`CHUNK`."""
        table = table_of(name)
        wanted = sorted(set(values))
        found: list[Row] = []
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start : start + CHUNK]
            statement = select(table).where(table.columns[column].in_(part))
            for mapping in self.session.execute(statement).mappings():
                row = {key: to_json(value) for key, value in mapping.items()}
                self.rows[name][_primary_key(table, row)] = row
                found.append(row)
        return found

    def pairs(
        self, name: str, column: str, values: Iterable[Any], *out: str
    ) -> list[tuple[Any, ...]]:
        """Only the ``out`` columns of the rows whose ``column`` is one of ``values``."""
        table = table_of(name)
        wanted = sorted(set(values))
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start : start + CHUNK]
            statement = select(*(table.columns[c] for c in out)).where(
                table.columns[column].in_(part)
            )
            found += [tuple(row) for row in self.session.execute(statement)]
        return found

    def whole(self, name: str) -> tuple[Mapping[str, Any], ...]:
        rows = read_table(self.session, name)
        table = table_of(name)
        self.rows[name] = {_primary_key(table, dict(row)): dict(row) for row in rows}
        return rows

    def tables(self) -> TableRows:
        return TableRows(
            {name: tuple(rows[key] for key in sorted(rows)) for name, rows in self.rows.items()}
        )


def _primary_key(table: Table, row: Mapping[str, Any]) -> Any:
    return row[table.primary_key.columns.keys()[0]]


def holds_nothing(session: Session) -> bool:
    """True when no hand-over table has a row: a new office, with nothing a package touches."""
    return all(
        session.execute(select(table_of(name)).limit(1)).first() is None for name in HANDOVER_TABLES
    )


def read_scoped(session: Session, wanted: PackageReferences) -> TableRows:
    """The rows a package with these references touches, and what they refer to (module)."""
    reader = Reader(session)
    for name in WHOLE_TABLES:
        reader.whole(name)
    tree = _unit_tree(session)
    paths = {path: unit_id for unit_id, (path, _) in tree.items()}
    people: set[int] = {
        employee_id for (employee_id,) in reader.pairs("employees", "nip", wanted.nips, "id")
    }
    skps = _skps_by_key(reader, wanted.skps)
    more_people, more_skps = _registers(reader, wanted, paths)
    people |= more_people
    skps |= more_skps
    _close(reader, people, skps)
    # Plt/Plh between two people read: the rest name someone not read (keys not carried).
    read = reader.rows["employees"]
    reader.rows["acting_assignments"] = {
        key: row
        for key, row in reader.rows["acting_assignments"].items()
        if row["acting_employee_id"] in read and row["for_employee_id"] in read
    }
    _units(reader, tree, {paths[path] for path in wanted.units if path in paths})
    return reader.tables()


def _unit_tree(session: Session) -> dict[int, tuple[tuple[str, ...], int | None]]:
    """Unit id -> its path of names and its parent, from two narrow columns of every unit."""
    units = table_of("units")
    rows = {
        unit_id: (parent, name)
        for unit_id, parent, name in session.execute(
            select(units.c.id, units.c.parent_id, units.c.name)
        )
    }
    found: dict[int, tuple[tuple[str, ...], int | None]] = {}

    def path(unit_id: int) -> tuple[str, ...]:
        if unit_id not in found:
            parent, name = rows[unit_id]
            found[unit_id] = ((*(path(parent) if parent is not None else ()), name), parent)
        return found[unit_id][0]

    for unit_id in rows:
        path(unit_id)
    return found


def _units(
    reader: Reader, tree: Mapping[int, tuple[tuple[str, ...], int | None]], named: set[int]
) -> None:
    """Read the units in play: named by the package or by a row read, and every one above.

    With them the organisation predikat and appraisal years of those units.
    """
    wanted = set(named)
    for name, columns in _UNIT_COLUMNS:
        for row in reader.rows[name].values():
            wanted |= {row[column] for column in columns}
    wanted.discard(None)
    for name, column in UNIT_TABLES:
        reader.where_in(name, column, wanted)
    closed: set[int] = set()
    for unit_id in wanted:
        current: int | None = unit_id
        while current is not None and current not in closed:
            closed.add(current)
            current = tree[current][1]
    reader.where_in("units", "id", closed)


def _skps_by_key(reader: Reader, keys: Collection[tuple[str, int]]) -> set[int]:
    """The ids of the SKPs (NIP, year) in ``keys`` that this database has."""
    if not keys:
        return set()
    owners = dict(reader.pairs("employees", "nip", {nip for nip, _ in keys}, "id", "nip"))
    found = reader.pairs("skps", "employee_id", owners, "id", "employee_id", "year")
    return {skp for skp, owner, year in found if (owners[owner], year) in keys}


def _registers(
    reader: Reader, wanted: PackageReferences, paths: Mapping[tuple[str, ...], int]
) -> tuple[set[int], set[int]]:
    """Read the register entries the package keys, with their parts; who and what they name.

    Returns:
        The ids of the people they name, and of the SKPs whose RHK a finding links to.
    """
    units = {paths[path] for path in wanted.register_units if path is not None and path in paths}
    without_unit = None in wanted.register_units
    feedback = reader.where_in("public_feedback", "unit_id", units)
    findings = reader.where_in("audit_findings", "unit_id", units)
    if without_unit:
        feedback += _without_unit(reader, "public_feedback")
        findings += _without_unit(reader, "audit_findings")
    by_unit = {(paths[path], code) for path, code in wanted.surveys if path in paths}
    surveys = {
        row["id"]
        for row in reader.where_in("surveys", "unit_id", {unit for unit, _ in by_unit})
        if (row["unit_id"], row["period_code"]) in by_unit
    }
    # A kiosk entry names its survey: read so the entry's reference resolves.
    surveys |= {row["survey_id"] for row in feedback if row["survey_id"] is not None}
    # The unit's other periods were read along: left out, as the package does not key them.
    reader.rows["surveys"] = {
        key: row for key, row in reader.rows["surveys"].items() if key in surveys
    }
    reader.where_in("surveys", "id", surveys - set(reader.rows["surveys"]))
    responses = reader.where_in("survey_responses", "survey_id", surveys)
    reader.where_in("survey_action_plans", "survey_id", surveys)
    finding_ids = {row["id"] for row in findings}
    reader.where_in("audit_follow_ups", "finding_id", finding_ids)
    links = reader.where_in("audit_links", "finding_id", finding_ids)
    people = {row["employee_id"] for row in [*feedback, *findings]}
    people |= {row["served_by_id"] for row in responses}
    observations = {row["observation_id"] for row in [*feedback, *links]}
    people |= {
        owner
        for (owner,) in reader.pairs("observations", "id", observations - {None}, "employee_id")
    }
    rhks = {row["rhk_id"] for row in links} - {None}
    skps = {skp for (skp,) in reader.pairs("rhks", "id", rhks, "skp_id")}
    return people - {None}, skps


def _without_unit(reader: Reader, name: str) -> list[Row]:
    table = table_of(name)
    found = []
    for mapping in reader.session.execute(
        select(table).where(table.c.unit_id.is_(None))
    ).mappings():
        row = {key: to_json(value) for key, value in mapping.items()}
        reader.rows[name][row["id"]] = row
        found.append(row)
    return found


def _close(reader: Reader, people: set[int], skps: set[int]) -> None:
    """Read the people and SKPs with all their rows, and what those name, until no more."""
    read_people: set[int] = set()
    read_skps: set[int] = set()
    while people - read_people or skps - read_skps:
        new_people = people - read_people
        read_people |= new_people
        for row in reader.where_in("employees", "id", new_people):
            if row["penilai_id"] is not None:
                people.add(row["penilai_id"])
        entries: list[Row] = []
        for name in PERSON_TABLES:
            found = reader.where_in(name, "employee_id", new_people)
            if name == "progress_entries":
                entries = found
        # The SKP of every RHK and rencana aksi a progress entry names.
        rencana = {row.get("rencana_aksi_id") for row in entries} - {None}
        named = {rhk for (rhk,) in reader.pairs("rencana_aksi", "id", rencana, "rhk_id")}
        named |= {row["rhk_id"] for row in entries} - {None}
        skps |= {skp for (skp,) in reader.pairs("rhks", "id", named, "skp_id")}
        new_skps = skps - read_skps
        read_skps |= new_skps
        for row in reader.where_in("skps", "id", new_skps):
            people.add(row["employee_id"])
        found_rows = {name: reader.where_in(name, "skp_id", new_skps) for name in SKP_TABLES}
        rhks = {row["id"] for row in found_rows["rhks"]}
        ikis = {row["id"] for row in reader.where_in("ikis", "rhk_id", rhks)}
        for name in RHK_TABLES:
            reader.where_in(name, "rhk_id", rhks)
        for name in IKI_TABLES:
            reader.where_in(name, "iki_id", ikis)
        # The SKP of every RHK a read RHK serves (its parent link names it).
        parents = {row["parent_rhk_id"] for row in found_rows["rhks"]} - {None}
        skps |= {skp for (skp,) in reader.pairs("rhks", "id", parents, "skp_id")}
        signatories_of(reader, found_rows)


def signatories_of(reader: Reader, found: Mapping[str, list[Row]]) -> None:
    """Who signed the SKPs' agreed versions and the periods' evaluations just read."""
    records = {f"skp:{row['skp_id']}:{row['revision']}" for row in found.get("skp_versions", ())}
    records |= {
        f"evaluasi:{row['skp_id']}:{row['period_code']}"
        for row in found.get("evaluation_seals", ())
    }
    reader.where_in("signatories", "record", records)


def people_register(session: Session) -> list[tuple[str, str, str | None]]:
    """Every person of this database: NIP, name and the penilai's NIP (None: no penilai).

    Two narrow columns of the register, for the penilai loop check and its message, which
    look at everybody; nothing else of a person is read.
    """
    employees = table_of("employees")
    penilai = employees.alias("penilai")
    statement = select(employees.c.nip, employees.c.name, penilai.c.nip).outerjoin(
        penilai, penilai.c.id == employees.c.penilai_id
    )
    return [(nip, name, boss) for nip, name, boss in session.execute(statement)]
