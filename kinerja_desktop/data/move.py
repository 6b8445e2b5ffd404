"""Copy a whole office, table by table, from one database to another (SQLite <-> PostgreSQL).

The copy reads the source in one read transaction (one consistent snapshot) and writes the
target in one write transaction: every table of the schema (all models' metadata), parents
before children, streamed in batches so no table is ever held in memory whole, with the
primary keys kept. A PostgreSQL target is migrated to the app's head revision inside that same
transaction (its DDL is transactional) and, when asked, emptied there too (``TRUNCATE``, which
the audit log's append-only row triggers do not see), so any failure leaves it as it was.
Before the commit the row counts of both sides are compared and the caller's own check runs
on the target's session (the seal chain: :mod:`kinerja_desktop.services.platform.move`).

Rows that point at a later row of their own table (a unit whose parent was made after it) are
written without that reference first and given it once the table is in, since a server checks
every foreign key as each statement ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kinerja_desktop.data import models  # noqa: F401 - every model's table is in the metadata
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.migrate import SchemaState, head_revision, inspect_schema, upgrade_to_head
from kinerja_desktop.data.schema import Base
from kinerja_desktop.domain.errors import StorageError

#: Rows read and written per round trip: large enough to keep a server busy, small enough
#: that a 20,000-person office's biggest table never sits in memory whole.
BATCH_ROWS = 2000
#: Same key as :mod:`kinerja_desktop.data.server`: two installations never migrate at once.
_MIGRATION_LOCK = 0x4B494E45

#: Called after each written batch with the table's name and the rows written to it so far
#: (the command line's progress; a test's injected fault).
Progress = Callable[[str, int], None]
#: The caller's last look at the source's and the target's sessions before the target's
#: commit; returns findings (Indonesian).
FinalCheck = Callable[[Session, Session], Sequence[str]]
#: The caller's copy of what is not copied row by row (:data:`COPIED_APART`), given the
#: source's and the target's sessions inside the copy's transaction.
CopyApart = Callable[[Session, Session], None]

#: Tables :func:`copy_office` leaves to its caller's ``copy_apart``: a server keeps evidence
#: content in ``evidence_contents``, a file in the folder beside it, so they move between
#: those stores rather than table to table.
COPIED_APART = frozenset({"evidence_contents"})


class MoveRefusedError(StorageError):
    """The move was not started: the source or the target is not fit for it; nothing changed."""


class TargetNotEmptyError(MoveRefusedError):
    """The target holds data and replacing it was not asked for; nothing changed."""


@dataclass(frozen=True)
class TableCount:
    """Rows of one table on each side after the copy."""

    table: str
    source: int
    target: int

    @property
    def matches(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class CopyResult:
    """What :func:`copy_office` wrote: the counts per table, in the order they were copied."""

    counts: tuple[TableCount, ...]

    @property
    def rows(self) -> int:
        return sum(count.target for count in self.counts)


def schema_tables() -> list[Table]:
    """Every table of the app's schema, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def source_problem(database: Database) -> str | None:
    """Why ``database`` cannot be moved as it is (not at the app's revision), or None."""
    with database.reading() as session:
        state, revision = inspect_schema(session.connection())
    return schema_problem(state, revision)


def schema_problem(state: SchemaState, revision: str | None) -> str | None:
    """Why a source in ``state`` cannot be moved, or None when it is at the app's revision."""
    if state is SchemaState.CURRENT:
        return None
    return {
        SchemaState.OLDER: (
            f"Basis data sumber memakai struktur versi lama ({revision}; aplikasi: "
            f"{head_revision()}). Buka dulu dengan aplikasi ini agar diperbarui (setelah "
            "dicadangkan), lalu pindahkan."
        ),
        SchemaState.NEWER: (
            "Basis data sumber dibuat oleh versi Kinerja Desktop yang lebih baru. Perbarui "
            "aplikasi ini dulu, lalu pindahkan."
        ),
        SchemaState.EMPTY: "Basis data sumber masih kosong: tidak ada yang dipindahkan.",
        SchemaState.FOREIGN: "Basis data sumber berisi tabel lain, bukan milik Kinerja Desktop.",
    }[state]


def target_not_empty(filled: Sequence[str]) -> str:
    """The refusal of a target holding rows in the tables ``filled``."""
    return (
        "Basis data tujuan sudah berisi data (tabel "
        + ", ".join(filled[:5])
        + (", ..." if len(filled) > 5 else "")
        + "). Tidak ada yang ditimpa; untuk mengganti seluruh isinya, ulangi dengan --replace."
    )


def filled_tables(connection: Connection) -> list[str]:
    """The schema's tables that hold at least one row on ``connection``."""
    present = set(inspect(connection).get_table_names())
    return [
        table.name
        for table in schema_tables()
        if table.name in present
        and connection.execute(select(1).select_from(table).limit(1)).first() is not None
    ]


def copy_office(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
    final_check: FinalCheck | None = None,
    copy_apart: CopyApart | None = None,
) -> CopyResult:
    """Copy every table of ``source`` into ``target`` in one target transaction.

    Args:
        source: At the app's schema revision (see :func:`source_problem`).
        target: Empty, or at any revision this app knows (migrated to head here); a SQLite
            target must already be at head (a new file made by ``open_database``).
        replace: Empty a target that holds rows first, in the same transaction.
        batch_rows: Rows per batch.
        progress: Told after each batch.
        final_check: Runs on the source's and the target's sessions before the commit;
            any finding it returns cancels the move.
        copy_apart: Copies the tables of :data:`COPIED_APART` (left empty without it),
            before ``final_check``.

    Raises:
        MoveRefusedError: the source or the target is not fit, or the target holds rows and
            ``replace`` is false; nothing was written.
        StorageError: the copy failed (a row the target refuses, counts that differ, a
            finding of ``final_check``, a lost connection); the target is as it was.
    """
    problem = source_problem(source)
    if problem:
        raise MoveRefusedError(problem)
    tables = schema_tables()
    with source.reading() as reading:
        _refuse_unknown_tables(reading.connection())
        with target.transaction() as session:
            writing = session.connection()
            _prepare_target(writing, replace=replace)
            counts = tuple(
                _copy_table(reading.connection(), writing, table, batch_rows, progress)
                for table in tables
                if table.name not in COPIED_APART
            )
            for table in tables:
                _advance_sequence(writing, table)
            wrong = [count for count in counts if not count.matches]
            if wrong:
                raise StorageError(
                    "Jumlah baris tidak sama setelah disalin: "
                    + "; ".join(f"{c.table} {c.source} -> {c.target}" for c in wrong)
                    + ". Basis data tujuan tidak diubah."
                )
            if copy_apart is not None:
                copy_apart(reading, session)
            findings = list(final_check(reading, session)) if final_check else []
            if findings:
                raise StorageError(
                    "Pemeriksaan basis data tujuan sebelum disimpan gagal: "
                    + " ".join(findings)
                    + " Basis data tujuan tidak diubah."
                )
    return CopyResult(counts)


def _refuse_unknown_tables(connection: Connection) -> None:
    known = {table.name for table in schema_tables()} | {"alembic_version"}
    unknown = sorted(set(inspect(connection).get_table_names()) - known)
    if unknown:
        raise MoveRefusedError(
            "Basis data sumber berisi tabel yang tidak dikenal aplikasi ini: "
            + ", ".join(unknown)
            + ". Tidak ada yang dipindahkan."
        )


def _prepare_target(connection: Connection, *, replace: bool) -> None:
    """Bring the target to head and make it empty, or refuse; inside the copy's transaction."""
    state, _revision = inspect_schema(connection)
    if state is SchemaState.NEWER:
        raise MoveRefusedError(
            "Basis data tujuan dibuat oleh versi Kinerja Desktop yang lebih baru; tidak diubah."
        )
    if state is SchemaState.FOREIGN:
        raise MoveRefusedError(
            "Basis data tujuan berisi tabel lain, bukan milik Kinerja Desktop; tidak diubah."
        )
    if state is not SchemaState.CURRENT:
        if connection.dialect.name == "sqlite":
            # SQLite's migrations rebuild tables with foreign keys off: the caller's job.
            raise MoveRefusedError("Berkas tujuan belum berstruktur terbaru; tidak diubah.")
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        upgrade_to_head(connection)
    filled = filled_tables(connection)
    if not filled:
        return
    if not replace:
        raise TargetNotEmptyError(target_not_empty(filled))
    if connection.dialect.name == "sqlite":
        raise MoveRefusedError("Berkas tujuan yang berisi data diganti utuh, bukan dikosongkan.")
    names = ", ".join(f'"{table.name}"' for table in schema_tables())
    # TRUNCATE skips the audit log's append-only row triggers; the sequences stay (never back:
    # a failed move must not leave them below the ids the rollback brings back).
    connection.execute(text(f"TRUNCATE {names}"))


def _copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    batch_rows: int,
    progress: Progress | None,
) -> TableCount:
    later = _self_references(table)
    pending: list[dict[str, Any]] = []
    written = 0
    try:
        for batch in _batches(source, table, batch_rows):
            for row in batch:
                own = row.get("id")
                postponed = {
                    column: row[column]
                    for column in later
                    if row[column] is not None and own is not None and row[column] >= own
                }
                if postponed:
                    pending.append({"id": own, **postponed})
                    row.update(dict.fromkeys(postponed))
            target.execute(table.insert(), batch)
            written += len(batch)
            if progress is not None:
                progress(table.name, written)
        for column in later:
            rows = [
                {"moved_id": row["id"], "moved_value": row[column]}
                for row in pending
                if column in row
            ]
            if rows:
                target.execute(
                    table.update()
                    .where(table.c.id == bindparam("moved_id"))
                    .values({column: bindparam("moved_value")}),
                    rows,
                )
    except DBAPIError as error:
        raise StorageError(
            f"Tabel {table.name} tidak dapat disalin ke basis data tujuan: "
            f"{_first_line(error.orig)}. Basis data tujuan tidak diubah."
        ) from error
    return TableCount(table.name, _count(source, table), _count(target, table))


def _self_references(table: Table) -> list[str]:
    """Columns of ``table`` referring to its own ``id`` (a unit's parent, a person's penilai)."""
    if "id" not in table.c:
        return []
    return sorted(
        key.parent.name
        for key in table.foreign_keys
        if key.column.table is table and key.column.name == "id"
    )


def _batches(
    connection: Connection, table: Table, batch_rows: int
) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` in primary-key order, ``batch_rows`` at a time."""
    query = select(table).order_by(*table.primary_key.columns)
    result = connection.execution_options(stream_results=True, yield_per=batch_rows).execute(query)
    for partition in result.mappings().partitions():
        yield [dict(row) for row in partition]


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _advance_sequence(connection: Connection, table: Table) -> None:
    """Move a PostgreSQL ``id`` sequence to the largest id copied (never back)."""
    if connection.dialect.name != "postgresql" or "id" not in table.c:
        return
    connection.execute(
        text(
            "SELECT setval(sequence, GREATEST(greatest_id, last_value), true) FROM "
            "(SELECT pg_get_serial_sequence(:table, 'id') AS sequence) AS named, "
            f'LATERAL (SELECT max(id) AS greatest_id FROM "{table.name}") AS ids, '
            "LATERAL pg_sequence_last_value(sequence::regclass) AS last_value "
            "WHERE sequence IS NOT NULL AND greatest_id IS NOT NULL"
        ),
        {"table": table.name},
    )


def _first_line(error: BaseException | None) -> str:
    return str(error).strip().splitlines()[0] if error is not None and str(error) else "galat"
