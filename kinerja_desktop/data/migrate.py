"""Schema migrations shipped inside the package and applied from code (Alembic).

Alembic is imported only when a migration runs: a start on a current file reads the stored
revision with one query and the revision graph from the version files' own headers.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:  # imported lazily: alembic costs ~0.1 s of start-up
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    EMPTY = "EMPTY"  # no tables yet: a new file
    CURRENT = "CURRENT"
    OLDER = "OLDER"  # made by an older version of the app: migrate after a backup
    NEWER = "NEWER"  # made by a newer version of the app: refuse
    FOREIGN = "FOREIGN"  # tables, but not ours


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_HEADER = re.compile(
    r"^(?P<key>revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"](?P<value>[^'\"]+)['\"]|None)",
    re.MULTILINE,
)


def _revision_graph() -> dict[str, str | None]:
    """Map each shipped revision to the one it revises, read from the version files."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = {m["key"]: m["value"] for m in _HEADER.finditer(script.read_text("utf-8"))}
        if found.get("revision"):
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:  # pragma: no cover - a packaging mistake, caught by the tests
        raise RuntimeError(f"expected one migration head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(revision: str | None, table_names: list[str]) -> SchemaState:
    """Classify a file from its stored revision and the tables it has."""
    if revision is None:
        return SchemaState.EMPTY if not table_names else SchemaState.FOREIGN
    if revision == head_revision():
        return SchemaState.CURRENT
    if revision in known_revisions():
        return SchemaState.OLDER
    return SchemaState.NEWER


def inspect_schema(connection: Connection) -> tuple[SchemaState, str | None]:
    tables = [name for name in inspect(connection).get_table_names() if name != "alembic_version"]
    revision = current_revision(connection)
    return schema_state(revision, tables), revision


def upgrade_to_head(connection: Connection) -> None:
    """Upgrade inside the caller's transaction, then prove references are still whole.

    The caller opens ``connection`` with foreign keys off (SQLite's table-rebuild rule) and
    commits only when this returns, so a failed migration leaves the file as it was.
    """
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
    if connection.dialect.name != "sqlite":
        return  # a server checks every foreign key as each statement runs
    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if problems:
        raise RuntimeError(f"foreign_key_check after migration: {problems[:5]}")
