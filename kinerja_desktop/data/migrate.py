"""Schema migrations shipped inside the package and applied from code (Alembic)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    EMPTY = "EMPTY"  # no tables yet: a new file
    CURRENT = "CURRENT"
    OLDER = "OLDER"  # made by an older version of the app: migrate after a backup
    NEWER = "NEWER"  # made by a newer version of the app: refuse
    FOREIGN = "FOREIGN"  # tables, but not ours


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a migration
        raise RuntimeError("no migrations shipped")
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


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
    command.upgrade(alembic_config(connection), "head")
    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if problems:
        raise RuntimeError(f"foreign_key_check after migration: {problems[:5]}")
