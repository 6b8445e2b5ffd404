"""The hand-over tables read for an export in parts; the caller's Session.

An export of a large office must not hold every row at once (issue 14: a 20,000-person office
took 6 GB). The rows of an SKP (its RHKs, indicators, realisations, plans, period decisions,
signatures) are most of an office, and each goes into one SKP or period record only, so they
are read a batch of SKPs at a time (:func:`read_skp_batch`); a person's journal observations
and progress entries a batch of people at a time (:meth:`BatchReader.person_rows`). What the
records refer to across SKPs and people is read whole but narrow (:func:`read_outline`): every
RHK's SKP, parent and position (for the links and ordinals), the rencana aksi a progress entry
names (its RHK and period), every observation's and progress entry's person (and an entry's
day and links, for choosing the SKPs it names). Everything else is read whole, as
``handover.read_all`` reads it.

Call them all within one read transaction, so the batches see the same database as the
outline. Rows come as JSON values, ordered by primary key.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories.column_rows import ColumnRows
from kinerja_desktop.data.repositories.handover import (
    HANDOVER_TABLES,
    TableRows,
    table_of,
    to_json,
)
from kinerja_desktop.data.repositories.handover_scoped import (
    IKI_TABLES,
    RHK_TABLES,
    SKP_TABLES,
    Reader,
    signatories_of,
)

#: Read a batch of SKPs at a time: each row belongs to one SKP.
BATCHED_TABLES = frozenset({*SKP_TABLES, "ikis", *RHK_TABLES, *IKI_TABLES, "signatories"})
#: Read a batch of people at a time, by ``employee_id``.
PERSON_BATCHED_TABLES = frozenset({"observations", "progress_entries"})
#: Read whole, but only the columns that link records across SKPs and people.
NARROW_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "rhks": ("id", "skp_id", "parent_rhk_id", "position"),
    "rencana_aksi": ("id", "rhk_id", "period_code"),
    "progress_entries": ("id", "employee_id", "day", "rhk_id", "rencana_aksi_id"),
    "observations": ("id", "employee_id"),
}


def read_outline(session: Session) -> TableRows:
    """Every hand-over table but the batched ones, some of them narrow (module).

    Of the rencana aksi only those a progress entry names: the rest go with their SKP.
    """
    tables: dict[str, Sequence[Mapping[str, Any]]] = {}
    for name in HANDOVER_TABLES:
        if name in BATCHED_TABLES and name not in NARROW_COLUMNS:
            tables[name] = ()  # read a batch at a time (RHKs whole with their SKP, too)
            continue
        table = table_of(name)
        columns = NARROW_COLUMNS.get(name, tuple(table.columns.keys()))
        statement = select(*(table.columns[c] for c in columns))
        if name == "rencana_aksi":
            entries = table_of("progress_entries").c.rencana_aksi_id
            statement = statement.where(table.c.id.in_(select(entries)))
        # By primary key, as `handover.read_table` reads them (``id`` but for target scales).
        rows = session.execute(statement.order_by(*table.primary_key.columns))
        # As columns: a dictionary a row took 130 MB of a 20,000-person office's outline for
        # the narrow tables alone.
        tables[name] = ColumnRows(columns, (tuple(to_json(v) for v in row) for row in rows))
    return TableRows(tables)


class BatchReader:
    """The rows an outline leaves out, read in the caller's read transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def skp_rows(
        self, skp_ids: Collection[int], names: Sequence[str]
    ) -> Mapping[str, Sequence[Mapping[str, Any]]]:
        return read_skp_batch(self._session, skp_ids, names)

    def person_rows(
        self, people: Collection[int], names: Sequence[str]
    ) -> Mapping[str, Sequence[Mapping[str, Any]]]:
        unknown = set(names) - PERSON_BATCHED_TABLES
        if unknown:
            raise ValueError(f"not read by person batch: {sorted(unknown)}")
        reader = Reader(self._session)
        for name in names:
            reader.where_in(name, "employee_id", people)
        tables = reader.tables().tables
        return {name: tables[name] for name in names}


def read_skp_batch(
    session: Session, skp_ids: Collection[int], names: Sequence[str]
) -> Mapping[str, Sequence[Mapping[str, Any]]]:
    """The rows of ``names`` (batched tables) that belong to the SKPs ``skp_ids``.

    The RHKs and indicators are read whenever a table below them is named. Signatories are
    those of the agreed versions (``skp_versions``) and signed evaluations
    (``evaluation_seals``) among ``names``.
    """
    unknown = set(names) - BATCHED_TABLES
    if unknown:
        raise ValueError(f"not read by SKP batch: {sorted(unknown)}")
    reader = Reader(session)
    wanted = set(names)
    if wanted & {"rhks", "ikis", *RHK_TABLES, *IKI_TABLES}:
        rhks = {row["id"] for row in reader.where_in("rhks", "skp_id", skp_ids)}
        for name in RHK_TABLES:
            if name in wanted:
                reader.where_in(name, "rhk_id", rhks)
        if wanted & {"ikis", *IKI_TABLES}:
            ikis = {row["id"] for row in reader.where_in("ikis", "rhk_id", rhks)}
            for name in IKI_TABLES:
                if name in wanted:
                    reader.where_in(name, "iki_id", ikis)
    # The signatories of the versions and evaluations read: name those tables with them.
    found = {
        name: reader.where_in(name, "skp_id", skp_ids)
        for name in SKP_TABLES
        if name in wanted and name != "rhks"
    }
    if "signatories" in wanted:
        signatories_of(reader, found)
    tables = reader.tables().tables
    return {name: tables[name] for name in names}
