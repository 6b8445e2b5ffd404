"""The engine's SQLite settings and transaction framing, on a real database file.

Every check goes through a SQLAlchemy Session from ``Database.transaction()`` or
``Database.reading()``; a second, plain ``sqlite3`` connection plays "another process".
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import BUSY_TIMEOUT_SECONDS, Database, make_engine
from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.opening import open_database
from kinerja_desktop.domain.errors import StorageError

#: How long the other connection waits for a lock before it gives up.
OTHER_TIMEOUT = 0.2

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a commit survives a power loss
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
}


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.dispose()


@contextlib.contextmanager
def other_connection(path: Path, timeout: float = OTHER_TIMEOUT) -> Iterator[sqlite3.Connection]:
    """A second connection to the file, in autocommit mode so BEGIN is ours to issue."""
    connection = sqlite3.connect(
        path, timeout=timeout, isolation_level=None, check_same_thread=False
    )
    try:
        yield connection
    finally:
        connection.close()


def can_take_write_lock(path: Path) -> bool:
    """Whether another connection gets ``BEGIN IMMEDIATE`` within OTHER_TIMEOUT seconds."""
    with other_connection(path) as other:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
            return False
        other.execute("ROLLBACK")
        return True


def count_rows(path: Path, table: str) -> int:
    """Count rows as another connection sees them: only what was committed."""
    with other_connection(path) as other:
        return int(other.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def pragmas(session: Session) -> dict[str, object]:
    return {name: session.execute(text(f"PRAGMA {name}")).scalar() for name in EXPECTED_PRAGMAS}


def insert_unit(session: Session, name: str = "Kecamatan Kertapati") -> None:
    session.execute(
        text("INSERT INTO units (name, kind, city) VALUES (:name, 'INSTANSI', 'Palembang')"),
        {"name": name},
    )


# --- connection settings ------------------------------------------------------------------


@pytest.mark.parametrize("frame", ["transaction", "reading"])
def test_every_session_runs_with_the_durability_settings(database: Database, frame: str) -> None:
    with getattr(database, frame)() as session:
        assert pragmas(session) == EXPECTED_PRAGMAS


def test_settings_apply_to_every_pooled_connection_not_only_the_first(database: Database) -> None:
    # A nested session needs a second connection from the pool, so the listener ran twice.
    with database.reading() as outer, database.reading() as inner:
        assert outer.connection().connection.dbapi_connection is not (
            inner.connection().connection.dbapi_connection
        )
        assert pragmas(outer) == EXPECTED_PRAGMAS
        assert pragmas(inner) == EXPECTED_PRAGMAS


def test_migration_engine_turns_foreign_keys_off_and_keeps_the_rest(db_path: Path) -> None:
    open_database(db_path).dispose()
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            values = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in EXPECTED_PRAGMAS
            }
    finally:
        engine.dispose()
    assert values == {**EXPECTED_PRAGMAS, "foreign_keys": 0}


# --- foreign keys ---------------------------------------------------------------------------


def test_foreign_key_violation_raises_and_leaves_nothing_written(
    database: Database, db_path: Path
) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), database.transaction() as session:
        session.add(UnitRow(name="Kecamatan Kertapati", kind="INSTANSI", city="Palembang"))
        session.flush()  # the valid row is written inside the transaction...
        session.add(
            EmployeeRow(
                nip="198001012006041001",
                name="Budi Santoso",
                status="PNS",
                golongan="III/a",
                jabatan="Pengadministrasi Umum",
                jabatan_kind="PELAKSANA",
                unit_id=9999,  # ...and this one points at a unit that does not exist
            )
        )
        session.flush()
    # All or nothing: the valid unit went with the failed employee.
    assert count_rows(db_path, "units") == 0
    assert count_rows(db_path, "employees") == 0
    assert can_take_write_lock(db_path)


# --- BEGIN IMMEDIATE and locking ------------------------------------------------------------


def test_write_transaction_takes_the_write_lock_before_any_statement(
    database: Database, db_path: Path
) -> None:
    with database.transaction():
        # Nothing executed yet, and still another writer is kept out: BEGIN IMMEDIATE.
        assert not can_take_write_lock(db_path)
    assert can_take_write_lock(db_path)


def test_reading_does_not_take_the_write_lock(database: Database, db_path: Path) -> None:
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM units")).scalar() == 0
        assert can_take_write_lock(db_path)


def test_reading_is_not_blocked_by_another_writer(database: Database, db_path: Path) -> None:
    with other_connection(db_path) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO units (name, kind, city) VALUES ('Lain', 'INSTANSI', '')")
        with database.reading() as session:
            # WAL: the reader sees the last committed state, not the pending row. A reader
            # blocked by the writer would have failed with "database is locked" after the
            # busy timeout instead (no bound on wall time: a busy machine is not a failure).
            assert session.execute(text("SELECT count(*) FROM units")).scalar() == 0
        other.execute("ROLLBACK")


def test_a_connection_in_use_at_dispose_is_closed_when_given_back(db_path: Path) -> None:
    # A page still loading on a background thread when its window closes: the file must not
    # stay open (Windows would not let a restore replace it) until the collector finds it.
    database = open_database(db_path)
    with database.reading() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        database.dispose()
        assert session.execute(text("SELECT count(*) FROM units")).scalar() == 0
    with pytest.raises(sqlite3.ProgrammingError):
        raw.execute("SELECT 1")

    # The engine itself still works, and its new connections stay open between sessions.
    with database.reading() as session:
        again = session.connection().connection.dbapi_connection
    assert again is not None and again.execute("SELECT 1").fetchone() == (1,)
    database.dispose()


def test_begin_statements_are_immediate_for_writes_and_deferred_for_reads(
    database: Database,
) -> None:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.transaction() as session:
            insert_unit(session)
        with database.reading() as session:
            session.execute(text("SELECT 1"))
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    begins = [statement for statement in statements if statement.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]
    # Only connection settings may come before the BEGIN: the lock is taken before any SQL.
    first_sql = next(statement for statement in statements if not statement.startswith("PRAGMA"))
    assert first_sql == "BEGIN IMMEDIATE"


def test_writer_waits_for_another_writer_instead_of_failing(
    database: Database, db_path: Path
) -> None:
    # The busy timeout applies to BEGIN IMMEDIATE (a deferred BEGIN that upgrades would fail
    # at once with "database is locked" instead).
    with other_connection(db_path) as other:
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.3, other.execute, args=("ROLLBACK",))
        release.start()
        try:
            started = time.monotonic()
            with database.transaction() as session:
                insert_unit(session)
            waited = time.monotonic() - started
        finally:
            release.join()
    # It waited for the other writer (no upper bound: a busy machine may be slow to release,
    # and a wait beyond the busy timeout would have raised instead of saving).
    assert waited > 0.2
    assert count_rows(db_path, "units") == 1


def test_writer_gives_up_after_the_busy_timeout_with_a_message(db_path: Path) -> None:
    open_database(db_path).dispose()  # create the schema
    impatient = Database(db_path, make_engine(db_path, busy_timeout=0.3))
    try:
        with other_connection(db_path) as other:
            other.execute("BEGIN IMMEDIATE")
            started = time.monotonic()
            with pytest.raises(StorageError) as refused, impatient.transaction() as session:
                insert_unit(session)
            waited = time.monotonic() - started
            other.execute("ROLLBACK")
    finally:
        impatient.dispose()
    assert waited > 0.2  # it waited for the busy timeout before giving up
    assert "sedang dipakai program lain" in refused.value.message
    assert count_rows(db_path, "units") == 0


# --- commit and rollback --------------------------------------------------------------------


def test_transaction_commits_on_success(database: Database, db_path: Path) -> None:
    with database.transaction() as session:
        insert_unit(session)
        assert count_rows(db_path, "units") == 0  # not visible before the commit
    assert count_rows(db_path, "units") == 1
    assert can_take_write_lock(db_path)


@pytest.mark.parametrize("error", [RuntimeError("gagal"), KeyboardInterrupt()])
def test_exception_inside_transaction_rolls_back(
    database: Database, db_path: Path, error: BaseException
) -> None:
    with pytest.raises(type(error)), database.transaction() as session:
        insert_unit(session)
        session.flush()
        raise error
    assert count_rows(db_path, "units") == 0
    assert can_take_write_lock(db_path)  # the lock went with the rollback
    with database.transaction() as session:  # and the pooled connection is usable again
        insert_unit(session)
    assert count_rows(db_path, "units") == 1


def test_orm_changes_inside_reading_are_never_written(database: Database, db_path: Path) -> None:
    # Whether the write is refused outright or silently dropped, nothing may reach the file.
    with contextlib.suppress(DBAPIError), database.reading() as session:
        session.add(UnitRow(name="Tidak tersimpan", kind="INSTANSI", city=""))
        session.flush()
    with contextlib.suppress(DBAPIError), database.reading() as session:
        insert_unit(session)
    assert count_rows(db_path, "units") == 0
    assert can_take_write_lock(db_path)


def test_commit_inside_reading_does_not_write(database: Database, db_path: Path) -> None:
    with contextlib.suppress(DBAPIError), database.reading() as session:
        insert_unit(session)
        session.commit()
    assert count_rows(db_path, "units") == 0


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        ("sqlite", "employees.name LIKE ? ESCAPE '\\'"),
        (
            "postgresql",
            "lower(employees.name) LIKE lower(%(contains_text_1)s::VARCHAR) ESCAPE '\\'",
        ),
    ],
)
def test_contains_text_is_portable_and_lean_on_sqlite(dialect: str, expected: str) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    from kinerja_desktop.data.database import contains_text
    from kinerja_desktop.data.models import EmployeeRow

    dialects = {"sqlite": sqlite.dialect(), "postgresql": postgresql.dialect()}
    compiled = contains_text(EmployeeRow.name, "%siti%").compile(dialect=dialects[dialect])
    assert str(compiled) == expected


def test_contains_text_ignores_case_and_escapes_wildcards(database: Database) -> None:
    from sqlalchemy import select

    from kinerja_desktop.data.database import contains_text
    from kinerja_desktop.data.models import UnitRow

    with database.transaction() as session:
        session.add_all(
            [
                UnitRow(name="Seksi PELAYANAN", kind="INSTANSI"),
                UnitRow(name="100% ok", kind="INSTANSI"),
            ]
        )
    with database.reading() as session:
        found = session.scalars(
            select(UnitRow.name).where(contains_text(UnitRow.name, "%pelayanan%"))
        )
        assert list(found) == ["Seksi PELAYANAN"]
        literal = session.scalars(select(UnitRow.name).where(contains_text(UnitRow.name, "%0\\%%")))
        assert list(literal) == ["100% ok"]
