"""Whole-table reads and single-row writes for hand-over packages; the caller's Session.

Values cross this boundary as JSON values: a date or timestamp is its ISO text, a decimal its
exact text, a boolean a boolean. Writes take the same JSON values and turn them back using the
column's type, so the rules that build and compare aggregates (``domain.handover_records``)
never see a driver type.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from kinerja_desktop.data import models  # noqa: F401 - puts every table on Base.metadata
from kinerja_desktop.data.schema import Base, DecimalText
from kinerja_desktop.domain.errors import ValidationError

#: Every table of the schema that the hand-over format knows, whether it carries it or not.
HANDOVER_TABLES = (
    "units",
    "external_officials",
    "employees",
    "employment_events",
    "acting_assignments",
    "appraisal_years",
    "skps",
    "rhks",
    "ikis",
    "skp_lampiran",
    "skp_expectations",
    "skp_versions",
    "realisations",
    "evidence",
    "rhk_feedback",
    "rencana_aksi",
    "period_targets",
    "target_scales",
    "result_ratings",
    "observations",
    "behaviour_feedback",
    "behaviour_ratings",
    "predikat_decisions",
    "org_predikats",
    "dialogues",
    "evaluation_notes",
    "job_standards",
    "technical_competences",
    "competence_ratings",
    "development_items",
    "dismissed_proposals",
    "evaluation_seals",
    "signatories",
    "surveys",
    "survey_responses",
    "survey_action_plans",
    "public_feedback",
    "audit_findings",
    "audit_follow_ups",
    "audit_links",
    "office_days_off",
    "leave_days",
    "progress_entries",
)


@dataclass(frozen=True)
class TableRows:
    """Every row of the hand-over tables as JSON values, keyed by table name."""

    tables: Mapping[str, Sequence[Mapping[str, Any]]]


def schema_tables() -> set[str]:
    """The names of every table the models define (to prove each one is handled)."""
    return set(Base.metadata.tables)


def _table(name: str) -> Table:
    if name not in HANDOVER_TABLES:
        raise ValueError(f"not a hand-over table: {name}")
    return Base.metadata.tables[name]


def table_of(name: str) -> Table:
    """The hand-over table ``name`` (a ValueError for any other)."""
    return _table(name)


def to_json(value: Any) -> Any:
    """A column's value as a JSON value (ISO text, exact decimal text)."""
    return _to_json(value)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _from_json(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    if column not in _column_names(table.name):
        raise KeyError(column)  # a column the table lacks, as the column lookup always said
    convert = _converters(table.name).get(column)
    return value if convert is None else convert(value)


@functools.cache
def _converters(name: str) -> Mapping[str, Callable[[Any], Any]]:
    """Column -> how its JSON value becomes the column's type; plain columns are left out.

    Looked up once per table: an import converts a few million values.
    """
    found: dict[str, Callable[[Any], Any]] = {}
    for column in _table(name).columns:
        kind = column.type
        if isinstance(kind, DateTime):
            found[column.key] = datetime.fromisoformat
        elif isinstance(kind, Date):
            found[column.key] = date.fromisoformat
        elif isinstance(kind, DecimalText):
            found[column.key] = Decimal
        elif isinstance(kind, Boolean):
            found[column.key] = bool
    return found


def _row(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """A row from JSON values (a key that is not a column is a KeyError)."""
    if not values.keys() <= _column_names(table.name):
        missing = next(key for key in values if key not in _column_names(table.name))
        raise KeyError(missing)
    convert = _converters(table.name)
    row = dict(values)
    for key in convert.keys() & row.keys():
        value = row[key]
        if value is not None:
            row[key] = convert[key](value)
    return row


def read_table(session: Session, name: str) -> tuple[Mapping[str, Any], ...]:
    """Read one hand-over table whole, ordered by id, as JSON values."""
    table = _table(name)
    # By primary key: ``id`` everywhere but ``target_scales``, keyed by its indicator.
    rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    return tuple({key: _to_json(value) for key, value in row.items()} for row in rows)


def read_all(session: Session) -> TableRows:
    """Read every hand-over table whole, ordered by id."""
    return TableRows({name: read_table(session, name) for name in HANDOVER_TABLES})


def columns(name: str) -> frozenset[str]:
    return _column_names(name)


@functools.cache
def _column_names(name: str) -> frozenset[str]:
    return frozenset(_table(name).columns.keys())


def insert_row(session: Session, name: str, values: Mapping[str, Any]) -> int:
    """Insert one row from JSON values and return its id."""
    table = _table(name)
    row = _row(table, values)
    try:
        # Values as parameters, not in the statement: one compiled INSERT per column set.
        result = session.execute(insert(table).returning(table.c.id), row)
    except OperationalError:
        raise  # the file itself (locked, full): not the package's fault
    except StatementError as error:
        raise _refused(name, error) from None
    return int(result.scalar_one())


def insert_rows(session: Session, name: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert rows from JSON values in one executemany (rows nobody refers to by id)."""
    table = _table(name)
    converted = [_row(table, row) for row in rows]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in converted:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        try:
            session.execute(insert(table), group)
        except OperationalError:
            raise
        except StatementError as error:
            raise _refused(name, error) from None


def insert_returning(session: Session, name: str, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert rows from JSON values in a few executemany batches; their ids, in their order.

    The rows are given their ids here, one more than the table's highest onwards, as the
    other bulk writes do (`skp_bulk`; on a server the id sequence is moved on after them):
    SQLite's INSERT ... RETURNING kept in the rows' order runs one statement per row. The ids
    grow in the rows' order, which the RHK ordinals (position, then id) rely on.
    """
    table = _table(name)
    converted = [_row(table, row) for row in rows]
    if not converted:
        return []
    first = int(session.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(first, first + len(converted)))
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row, row_id in zip(converted, ids, strict=True):
        row["id"] = row_id
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        try:
            session.execute(insert(table), group)
        except OperationalError:
            raise
        except StatementError as error:
            raise _refused(name, error) from None
    return ids


def update_rows(
    session: Session, name: str, updates: Sequence[tuple[int, Mapping[str, Any]]]
) -> None:
    """Set columns of many rows by id (JSON values), one executemany per set of columns.

    A versioned row gets a new version, as with :func:`update_row`.
    """
    table = _table(name)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, values in updates:
        # Parameters named apart from the columns: SQLAlchemy keeps column names for itself.
        row = {f"new_{key}": _from_json(table, key, value) for key, value in values.items()}
        groups.setdefault(tuple(sorted(values)), []).append({"row_id": row_id, **row})
    for columns, group in groups.items():
        changes: dict[str, Any] = {column: bindparam(f"new_{column}") for column in columns}
        if "version" in table.columns:
            changes["version"] = table.c.version + 1
        statement = update(table).where(table.c.id == bindparam("row_id")).values(changes)
        try:
            session.connection().execute(statement, group)
        except OperationalError:
            raise
        except StatementError as error:
            raise _refused(name, error) from None


def _refused(name: str, error: StatementError) -> ValidationError:
    reason = error.orig if isinstance(error, IntegrityError) else type(error.orig).__name__
    return ValidationError(
        f"Data paket untuk tabel '{name}' ditolak basis data ({reason}). Tidak ada yang diimpor."
    )


def update_row(session: Session, name: str, row_id: int, values: Mapping[str, Any]) -> None:
    """Update one row from JSON values; a versioned row gets a new version (stale edits fail)."""
    table = _table(name)
    row: dict[str, Any] = {key: _from_json(table, key, value) for key, value in values.items()}
    if "version" in table.columns:
        row["version"] = table.c.version + 1
    try:
        session.execute(update(table).where(table.c.id == row_id).values(row))
    except OperationalError:
        raise
    except StatementError as error:
        raise _refused(name, error) from None


def delete_rows(session: Session, name: str, column: str, values: Iterable[Any]) -> None:
    """Delete the rows whose ``column`` is one of ``values`` (children go by ON DELETE CASCADE)."""
    table = _table(name)
    wanted = list(values)
    if wanted:
        session.execute(delete(table).where(table.columns[column].in_(wanted)))


def delete_matching(session: Session, name: str, where: Mapping[str, Any]) -> None:
    """Delete the rows whose columns equal every value in ``where`` (JSON values)."""
    table = _table(name)
    statement = delete(table)
    for column, value in where.items():
        statement = statement.where(table.columns[column] == _from_json(table, column, value))
    session.execute(statement)


def ordered_ids(session: Session, name: str, column: str, value: int) -> list[int]:
    """Ids of the rows whose ``column`` is ``value``, by position then id (RHK ordinals)."""
    table = _table(name)
    statement = select(table.c.id).where(table.columns[column] == value)
    if "position" in table.columns:
        statement = statement.order_by(table.c.position)
    return list(session.scalars(statement.order_by(table.c.id)))


def ids_by(session: Session, name: str, column: str, value: int, key: str) -> dict[Any, int]:
    """Ids of the rows whose ``column`` is ``value``, by their ``key`` column (JSON value)."""
    table = _table(name)
    statement = select(table.columns[key], table.c.id).where(table.columns[column] == value)
    return {_to_json(found): row_id for found, row_id in session.execute(statement)}
