"""The same migrations, engine rules and messages on a real PostgreSQL server.

Each test gets an empty database on the throw-away server of ``tests/postgres_server.py``;
where PostgreSQL cannot start here, they are skipped with the reason.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, Engine, inspect, text
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import (
    CONFLICT_MESSAGE,
    UNREACHABLE_MESSAGE,
    Database,
    WriteConflictError,
)
from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.data.opening import open_database
from kinerja_desktop.data.server import is_server_url, open_server_database, server_url
from kinerja_desktop.domain.errors import ReadOnlyError, StorageError

_numbers = itertools.count(1)


@pytest.fixture
def empty_url(postgres_admin: tuple[Engine, Callable[[str], URL]]) -> Iterator[URL]:
    """A new, empty database (no tables) on the test server."""
    admin, url_of = postgres_admin
    name = f"empty_{os.getpid()}_{next(_numbers)}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE template0"))
    yield url_of(name)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture
def server_database(empty_url: URL, tmp_path: Path) -> Iterator[Database]:
    database = open_server_database(empty_url, tmp_path / "kantor")
    yield database
    database.dispose()


def _affinity(type_: Any) -> str:
    """A column type reduced to what both engines agree on (SQLite reflects names loosely)."""
    name = type(type_).__name__.upper()
    families = ("INT", "CHAR", "TEXT", "CLOB", "BOOL", "DATETIME", "TIMESTAMP", "DATE", "BYTEA")
    for family in (*families, "BLOB"):
        if family in name:
            same = {"CHAR": "TEXT", "CLOB": "TEXT", "TIMESTAMP": "DATETIME", "BYTEA": "BLOB"}
            return same.get(family, family)
    return name


def _schema(engine: Engine) -> dict[str, dict[str, Any]]:
    inspector = inspect(engine)
    schema: dict[str, dict[str, Any]] = {}
    for table in inspector.get_table_names():
        unique = {tuple(c["column_names"]) for c in inspector.get_unique_constraints(table)}
        indexes = set()
        for index in inspector.get_indexes(table):
            columns = tuple(index["column_names"])
            if index.get("unique"):
                unique.add(columns)
            else:
                indexes.add((index["name"], columns))
        schema[table] = {
            "columns": {
                column["name"]: (column["nullable"], _affinity(column["type"]))
                for column in inspector.get_columns(table)
            },
            "primary key": tuple(inspector.get_pk_constraint(table)["constrained_columns"]),
            "unique": unique,
            "indexes": indexes,
            "foreign keys": {
                (
                    tuple(key["constrained_columns"]),
                    key["referred_table"],
                    tuple(key["referred_columns"]),
                    (key.get("options") or {}).get("ondelete"),
                )
                for key in inspector.get_foreign_keys(table)
            },
            "checks": {check["name"] for check in inspector.get_check_constraints(table)},
        }
    return schema


def test_migrations_give_the_server_the_same_schema_as_a_file(
    server_database: Database, tmp_path: Path
) -> None:
    sqlite = open_database(tmp_path / "kantor.sqlite")
    try:
        on_file = _schema(sqlite.engine)
        on_server = _schema(server_database.engine)
    finally:
        sqlite.dispose()

    assert sorted(on_server) == sorted(on_file)
    for table in on_file:
        assert on_server[table] == on_file[table], table
    with server_database.reading() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )


def test_a_server_database_is_opened_as_one(server_database: Database) -> None:
    assert server_database.server
    assert server_database.engine.dialect.driver == "psycopg"
    assert is_server_url("postgresql://kantor@db.local/kinerja")
    assert not is_server_url("/home/kantor/kinerja.sqlite")
    assert server_url("postgresql://a@b/c").drivername == "postgresql+psycopg"


def test_writes_are_serializable_and_reads_a_read_only_snapshot(
    server_database: Database,
) -> None:
    def setting(session: Session, name: str) -> object:
        return session.execute(text(f"SHOW {name}")).scalar()

    with server_database.transaction() as session:
        assert setting(session, "transaction_isolation") == "serializable"
        assert setting(session, "transaction_read_only") == "off"
    with server_database.reading() as session:
        assert setting(session, "transaction_isolation") == "repeatable read"
        assert setting(session, "transaction_read_only") == "on"


def test_a_connection_in_use_at_dispose_is_closed_when_given_back(
    empty_url: URL, tmp_path: Path
) -> None:
    # Else it stays open in the retired pool, a session on the server, until collected.
    database = open_server_database(empty_url, tmp_path / "kantor")
    with database.reading() as session:
        raw = session.connection().connection.dbapi_connection
        database.dispose()
        session.execute(text("SELECT 1"))
    assert raw is not None and raw.closed
    database.dispose()


def test_a_write_inside_reading_is_refused_by_the_server(server_database: Database) -> None:
    with (
        pytest.raises(Exception, match="read-only transaction") as raised,
        server_database.reading() as session,
    ):
        session.execute(text("DELETE FROM audit_log"))
    assert not isinstance(raised.value, StorageError)  # a bug, told as itself


def test_the_audit_log_is_append_only_on_the_server_too(server_database: Database) -> None:
    entry = (
        "INSERT INTO audit_log (sequence, at, actor, action, record, label, reason, digest, "
        "previous, hash) VALUES (1, '2026-01-05T08:00:00', 'a', 'SEGEL', 'skp:1', '', '', "
        ":h, :h, :h)"
    )
    with server_database.transaction() as session:
        session.execute(text(entry), {"h": "0" * 64})
    for change in ("UPDATE audit_log SET actor = 'b'", "DELETE FROM audit_log"):
        with (
            pytest.raises(Exception, match="audit_log is append-only"),
            server_database.transaction() as session,
        ):
            session.execute(text(change))
    with server_database.reading() as session:
        assert session.execute(text("SELECT actor FROM audit_log")).scalars().all() == ["a"]


def _race(database: Database) -> Callable[[Session], int]:
    """Work that counts a table and adds a row; its first run races another writer."""
    runs = {"count": 0}

    def work(session: Session) -> int:
        runs["count"] += 1
        seen = session.execute(text("SELECT count(*) FROM tally")).scalar_one()
        if runs["count"] == 1:
            # Another supervisor does the same between our read and our write.
            rival = threading.Thread(target=_add_after_count, args=(database,))
            rival.start()
            rival.join()
        session.execute(text("INSERT INTO tally (n) VALUES (:n)"), {"n": seen + 1})
        return runs["count"]

    return work


def _add_after_count(database: Database) -> None:
    with database.transaction() as session:
        seen = session.execute(text("SELECT count(*) FROM tally")).scalar_one()
        session.execute(text("INSERT INTO tally (n) VALUES (:n)"), {"n": seen + 1})


def test_a_serialization_failure_is_run_once_more_then_told(server_database: Database) -> None:
    with server_database.transaction() as session:
        session.execute(text("CREATE TABLE tally (n integer NOT NULL)"))

    assert server_database.run(_race(server_database)) == 2  # ran twice, saved once
    with server_database.reading() as session:
        assert session.execute(text("SELECT n FROM tally ORDER BY n")).scalars().all() == [1, 2]

    # Without the retry (a bare transaction), the same race is told in Indonesian.
    with pytest.raises(WriteConflictError) as raised, server_database.transaction() as session:
        _race(server_database)(session)
    assert raised.value.message == CONFLICT_MESSAGE
    with server_database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM tally")).scalar_one() == 3


def test_an_unreachable_server_is_told_in_indonesian(tmp_path: Path) -> None:
    nowhere = URL.create(
        "postgresql+psycopg", username="kinerja", database="x", query={"host": str(tmp_path)}
    )
    with pytest.raises(StorageError) as raised:
        open_server_database(nowhere, tmp_path / "kantor")
    assert raised.value.message == UNREACHABLE_MESSAGE


def test_a_missing_database_or_user_is_told_in_indonesian(empty_url: URL, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="Basis data tidak ditemukan di server"):
        open_server_database(empty_url.set(database="tidak_ada"), tmp_path / "kantor")
    with pytest.raises(StorageError, match="Server basis data menolak login"):
        open_server_database(empty_url.set(username="orang_lain"), tmp_path / "kantor")


def test_a_read_only_server_refuses_saves_with_a_message(server_database: Database) -> None:
    # A standby server refuses every write as a read-only transaction does (SQLSTATE 25006).
    with (
        pytest.raises(ReadOnlyError, match="hanya menerima pembacaan"),
        server_database.transaction() as session,
    ):
        session.execute(text("SET TRANSACTION READ ONLY"))
        session.execute(text("DELETE FROM audit_log"))


def test_a_newer_or_foreign_server_database_is_refused_and_left_as_it_was(
    server_database: Database, empty_url: URL, tmp_path: Path
) -> None:
    with server_database.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="versi Kinerja Desktop yang lebih baru"):
        open_server_database(empty_url, tmp_path / "kantor")
    with server_database.reading() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"

    with server_database.transaction() as session:
        session.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(StorageError, match="bukan milik Kinerja Desktop"):
        open_server_database(empty_url, tmp_path / "kantor")


def test_a_disarmed_audit_trigger_is_found_on_the_server(server_database: Database) -> None:
    from kinerja_desktop.data.repositories import seal_chain
    from kinerja_desktop.services.platform.seals import trigger_problems

    def problems() -> list[str]:
        with server_database.reading() as session:
            return trigger_problems(seal_chain.seal_chain_triggers(session), on_server=True)

    assert problems() == []
    with server_database.transaction() as session:
        session.execute(
            text(
                "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
            )
        )
    assert problems() == [
        "Pemicu audit_log_no_update pada catatan audit diubah di luar aplikasi.",
        "Pemicu audit_log_no_delete pada catatan audit diubah di luar aplikasi.",
    ]
