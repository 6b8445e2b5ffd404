"""Alembic migrations against the ORM models, and what opening does with each schema state."""

from __future__ import annotations

import hashlib
import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, Connection, Engine, inspect, text
from sqlalchemy.dialects import sqlite as sqlite_dialect

from kinerja_desktop.data import (
    backup,
    migrate,
    models,  # noqa: F401  (registers the tables)
)
from kinerja_desktop.data.backup import BackupError, create_verified_backup
from kinerja_desktop.data.database import make_engine
from kinerja_desktop.data.migrate import (
    SchemaState,
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from kinerja_desktop.data.opening import inspect_file, open_database
from kinerja_desktop.data.schema import Base
from kinerja_desktop.domain.errors import StorageError

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    names = [path.name + suffix for suffix in SIDECAR_SUFFIXES]
    return [name for name in names if path.with_name(name).exists()]


def sqlite_query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def sqlite_script(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(sql)


@pytest.fixture
def migration_engine(db_path: Path) -> Iterator[Engine]:
    engine = make_engine(db_path, foreign_keys=False)
    yield engine
    engine.dispose()


@pytest.fixture
def migrated(migration_engine: Engine) -> Iterator[Connection]:
    """A connection to a file migrated from empty to head."""
    with migration_engine.begin() as connection:
        upgrade_to_head(connection)
    with migration_engine.connect() as connection:
        yield connection


@pytest.fixture
def at_head(db_path: Path) -> Path:
    """A database file at head with one unit in it, closed again (no -wal/-shm left)."""
    database = open_database(db_path)
    try:
        with database.transaction() as session:
            session.execute(
                text("INSERT INTO units (name, kind, city) VALUES ('Kecamatan', 'INSTANSI', '')")
            )
    finally:
        database.dispose()
    assert sidecars(db_path) == []
    return db_path


# --- the migration chain --------------------------------------------------------------------


def test_one_linear_chain_of_revisions() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [head_revision()]
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision


def test_empty_to_head_creates_every_table_and_stamps_head(migrated: Connection) -> None:
    tables = set(inspect(migrated).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert current_revision(migrated) == head_revision()
    assert migrate.inspect_schema(migrated) == (SchemaState.CURRENT, head_revision())


def test_models_and_migrations_agree(migrated: Connection) -> None:
    """`alembic check`: autogenerate finds nothing to add, drop or alter."""
    context = MigrationContext.configure(
        migrated,
        opts={"compare_type": True, "compare_server_default": True, "render_as_batch": True},
    )
    assert compare_metadata(context, Base.metadata) == []


def test_constraints_autogenerate_ignores_agree_by_name(migrated: Connection) -> None:
    """CHECK constraints and foreign-key names are not compared by autogenerate; batch
    migrations need every one of them named exactly as the naming convention says."""
    preparer = sqlite_dialect.dialect().identifier_preparer
    reflected = inspect(migrated)
    for table in Base.metadata.sorted_tables:
        model_checks = {
            preparer.format_constraint(constraint): str(constraint.sqltext)
            for constraint in table.constraints
            if isinstance(constraint, CheckConstraint)
        }
        file_checks = {
            check["name"]: check["sqltext"] for check in reflected.get_check_constraints(table.name)
        }
        assert file_checks == model_checks, table.name
        model_keys = {
            (preparer.format_constraint(fk), fk.ondelete) for fk in table.foreign_key_constraints
        }
        file_keys = {
            (fk["name"], fk["options"].get("ondelete"))
            for fk in reflected.get_foreign_keys(table.name)
        }
        assert file_keys == model_keys, table.name


def test_downgrade_to_base_and_upgrade_again(migration_engine: Engine) -> None:
    with migration_engine.begin() as connection:
        upgrade_to_head(connection)
    with migration_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    with migration_engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        assert current_revision(connection) is None
    with migration_engine.begin() as connection:
        upgrade_to_head(connection)
    with migration_engine.connect() as connection:
        assert current_revision(connection) == head_revision()


# --- verified backups -----------------------------------------------------------------------


def test_verified_backup_is_a_checked_single_file_copy(at_head: Path, tmp_path: Path) -> None:
    before = digest(at_head)
    destination = tmp_path / "backups" / "cadangan.sqlite"

    assert create_verified_backup(at_head, destination) == destination

    assert sqlite_query(destination, "PRAGMA integrity_check") == [("ok",)]
    assert sqlite_query(destination, "PRAGMA journal_mode") == [("delete",)]
    assert sqlite_query(destination, "SELECT version_num FROM alembic_version") == [
        (head_revision(),)
    ]
    assert sqlite_query(destination, "SELECT name FROM units") == [("Kecamatan",)]
    assert sorted(path.name for path in destination.parent.iterdir()) == ["cadangan.sqlite"]
    assert digest(at_head) == before


def test_backup_leaves_nothing_beside_the_source(at_head: Path, tmp_path: Path) -> None:
    create_verified_backup(at_head, tmp_path / "backups" / "cadangan.sqlite")
    assert sidecars(at_head) == []


def test_backup_holds_only_committed_data(at_head: Path, tmp_path: Path) -> None:
    destination = tmp_path / "cadangan.sqlite"
    with closing(sqlite3.connect(at_head, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO units (name, kind, city) VALUES ('Belum', 'UNIT', '')")
        create_verified_backup(at_head, destination)
        writer.execute("ROLLBACK")
    assert sqlite_query(destination, "SELECT name FROM units") == [("Kecamatan",)]


def test_backup_of_a_damaged_file_fails_and_leaves_no_partial_copy(tmp_path: Path) -> None:
    source = tmp_path / "rusak.sqlite"
    source.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 32)
    before = digest(source)
    destination = tmp_path / "backups" / "cadangan.sqlite"
    with pytest.raises(BackupError):
        create_verified_backup(source, destination)
    assert list(destination.parent.iterdir()) == []
    assert digest(source) == before


# --- opening each schema state ---------------------------------------------------------------


def test_empty_zero_byte_file_is_initialised(db_path: Path) -> None:
    db_path.touch()
    assert inspect_file(db_path).empty
    open_database(db_path).dispose()
    assert sqlite_query(db_path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    tables = {row[0] for row in sqlite_query(db_path, "SELECT name FROM sqlite_master")}
    assert set(Base.metadata.tables) <= tables
    assert sqlite_query(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_file_made_by_a_newer_version_is_refused_unchanged(at_head: Path) -> None:
    sqlite_script(at_head, "UPDATE alembic_version SET version_num = '9999';")
    assert sidecars(at_head) == []
    before = digest(at_head)

    assert inspect_file(at_head).schema_state is SchemaState.NEWER
    with pytest.raises(StorageError, match="lebih baru"):
        open_database(at_head)

    assert digest(at_head) == before
    assert sidecars(at_head) == []
    assert not (at_head.parent / "backups").exists()


def test_sqlite_file_of_another_program_is_refused_unchanged(db_path: Path) -> None:
    sqlite_script(db_path, "CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT);")
    before = digest(db_path)

    assert inspect_file(db_path).schema_state is SchemaState.FOREIGN
    with pytest.raises(StorageError, match="bukan milik Kinerja Desktop"):
        open_database(db_path)

    assert digest(db_path) == before
    assert sidecars(db_path) == []
    assert sqlite_query(db_path, "SELECT name FROM sqlite_master") == [("catatan",)]


# --- opening an OLDER file: a second revision in a copy of the migrations --------------------

NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("probe", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO probe (id) VALUES (1)")
    {fail}


def downgrade():
    op.drop_table("probe")
"""


def add_revision(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, fails: bool) -> str:
    """Make a copy of the shipped migrations with one more revision, and use it as head."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    old_head = head_revision()
    new_head = f"{old_head}_next"
    (folder / "versions" / f"{new_head}_probe.py").write_text(
        NEXT_REVISION.format(
            revision=new_head,
            down=old_head,
            fail="raise RuntimeError('migrasi gagal di tengah')" if fails else "",
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    assert head_revision() == new_head
    return old_head


def backups_of(path: Path) -> list[Path]:
    folder = path.parent / "backups"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_older_file_is_backed_up_then_migrated(
    at_head: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = add_revision(monkeypatch, tmp_path, fails=False)
    assert inspect_file(at_head).schema_state is SchemaState.OLDER

    open_database(at_head).dispose()

    assert sqlite_query(at_head, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert sqlite_query(at_head, "SELECT id FROM probe") == [(1,)]
    assert sqlite_query(at_head, "SELECT name FROM units") == [("Kecamatan",)]
    [backup] = backups_of(at_head)
    assert "sebelum-migrasi" in backup.name
    assert sqlite_query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert sqlite_query(backup, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert sqlite_query(backup, "SELECT name FROM units") == [("Kecamatan",)]


def test_failed_migration_leaves_the_file_as_it_was(
    at_head: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = add_revision(monkeypatch, tmp_path, fails=True)
    before = digest(at_head)

    with pytest.raises(StorageError, match="Pembaruan struktur basis data gagal"):
        open_database(at_head)

    assert digest(at_head) == before
    assert sidecars(at_head) == []
    assert sqlite_query(at_head, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert sqlite_query(at_head, "SELECT name FROM sqlite_master WHERE name = 'probe'") == []
    [backup] = backups_of(at_head)  # the backup made before the attempt stays
    assert sqlite_query(backup, "SELECT version_num FROM alembic_version") == [(old_head,)]


def test_no_migration_without_a_backup(
    at_head: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = add_revision(monkeypatch, tmp_path, fails=False)

    def no_space(_source: Path, _destination: Path) -> Path:
        raise BackupError("disk penuh")

    monkeypatch.setattr(backup, "create_verified_backup", no_space)
    before = digest(at_head)

    with pytest.raises(StorageError, match="Cadangan sebelum pembaruan"):
        open_database(at_head)

    assert digest(at_head) == before
    assert sqlite_query(at_head, "SELECT version_num FROM alembic_version") == [(old_head,)]


def test_revision_graph_read_without_alembic_matches_alembic() -> None:
    """Start-up reads the graph from the files' headers; it must agree with Alembic's."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert [migrate.head_revision()] == script.get_heads()
