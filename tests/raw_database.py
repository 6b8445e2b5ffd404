"""A raw DB-API connection to a test's database, for reading or changing it behind the app.

On SQLite it is ``sqlite3.connect(path)``, exactly as the tests always did. When the suite runs
on PostgreSQL (``KINERJA_TEST_DB=postgresql``), ``path`` stands for the test's server database
(``conftest.db_path``) and this is a psycopg connection to it: ``execute(...).fetchall()`` and
``with ... as connection:`` (commit on success) work alike, and SQLite's ``?`` placeholders
and ``:name`` are passed on as psycopg's ``%s`` and ``%(name)s``.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL

#: The server database standing for a test's ``db_path`` (filled by conftest on PostgreSQL).
SERVER_DATABASES: dict[Path, URL] = {}


def raw_connect(path: Path) -> Any:
    """``sqlite3.connect(path)``, or the psycopg connection to the database ``path`` stands for."""
    url = SERVER_DATABASES.get(Path(path))
    if url is None:
        return sqlite3.connect(path)
    import psycopg

    return _ServerConnection(
        psycopg.connect(dbname=url.database, user=url.username, host=str(url.query.get("host", "")))
    )


class _ServerConnection:
    """A psycopg connection that takes SQLite's ``?`` placeholders, as the tests write them."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        if isinstance(parameters, dict):  # SQLite's :name is psycopg's %(name)s
            sql = re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", r"%(\1)s", sql)
        else:
            sql = sql.replace("?", "%s")
        return self._connection.execute(sql, parameters or None)

    def commit(self) -> None:
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> _ServerConnection:
        return self

    def __exit__(self, kind: object, *_details: object) -> None:
        if kind is None:
            self._connection.commit()
        else:
            self._connection.rollback()
        self._connection.close()


def content_digest(path: Path) -> str:
    """A digest that changes when anything in the database ``path`` stands for changes.

    On SQLite it is the file's bytes (any write at all shows); on a server, every row of every
    table of ours, each table's rows sorted (a server's pages are not ours to hash).
    """
    url = SERVER_DATABASES.get(Path(path))
    if url is None:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    digest = hashlib.sha256()
    connection = raw_connect(path)
    try:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name"
        ).fetchall()
        for (table,) in tables:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            digest.update(f"{table}:{sorted(map(repr, rows))}".encode())
    finally:
        connection.close()
    return digest.hexdigest()
