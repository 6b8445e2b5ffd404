"""The change model at the bottom: each committed write tells its listeners the topics it wrote.

Real SQLite file, real sessions; a listener is a list's ``append``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, update
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.data import change_topics
from kinerja_desktop.data.change_topics import TABLE_TOPICS
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.models import AppraisalYearRow, EmployeeRow, UnitRow
from kinerja_desktop.data.opening import open_database
from kinerja_desktop.data.schema import Base
from kinerja_desktop.data.skp_models import SkpRow
from kinerja_desktop.domain.changes import Topic

DATA_DIR = Path(change_topics.__file__).parent


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.dispose()


@pytest.fixture
def heard(database: Database) -> list[frozenset[Topic]]:
    topics: list[frozenset[Topic]] = []
    database.subscribe(topics.append)
    return topics


def _unit(database: Database, name: str = "Kecamatan Kertapati") -> int:
    with database.transaction() as session:
        row = UnitRow(name=name, kind="INSTANSI", city="Palembang")
        session.add(row)
        session.flush()
        return row.id


def test_every_mapped_table_has_exactly_one_topic() -> None:
    for module in sorted(DATA_DIR.glob("*models.py")):  # every file that maps tables
        importlib.import_module(f"kinerja_desktop.data.{module.stem}")
    tables = set(Base.metadata.tables)
    assert tables - set(TABLE_TOPICS) == set(), "give each new table its topic"
    assert set(TABLE_TOPICS) - tables == set(), "a topic for a table that does not exist"


def test_an_orm_write_is_heard_with_its_topic(
    database: Database, heard: list[frozenset[Topic]]
) -> None:
    _unit(database)
    assert heard == [frozenset({Topic.STAFF})]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            lambda unit_id: insert(AppraisalYearRow).values(
                instansi_id=unit_id, year=2026, scheme="TRIWULAN"
            ),
            {Topic.STAFF},
        ),
        (
            lambda unit_id: update(UnitRow).where(UnitRow.id == unit_id).values(city="X"),
            {Topic.STAFF},
        ),
        (lambda _unit_id: delete(SkpRow), {Topic.SKP}),
    ],
    ids=["core-insert", "core-update", "core-delete"],
)
def test_core_statements_are_heard_too(
    database: Database, statement: object, expected: set[Topic]
) -> None:
    unit_id = _unit(database)
    heard: list[frozenset[Topic]] = []
    database.subscribe(heard.append)
    with database.transaction() as session:
        session.execute(statement(unit_id))  # type: ignore[operator]
    assert heard == [frozenset(expected)]


def test_one_transaction_over_two_areas_is_heard_once_with_both(
    database: Database, heard: list[frozenset[Topic]]
) -> None:
    unit_id = _unit(database)
    heard.clear()
    with database.transaction() as session:
        session.execute(update(UnitRow).where(UnitRow.id == unit_id).values(city="Prabumulih"))
        session.execute(delete(SkpRow))
    assert heard == [frozenset({Topic.STAFF, Topic.SKP})]


def test_a_read_and_a_write_that_changed_nothing_are_not_heard(
    database: Database, heard: list[frozenset[Topic]]
) -> None:
    unit_id = _unit(database)
    heard.clear()
    with database.reading() as session:
        assert session.get(UnitRow, unit_id) is not None
    with database.transaction() as session:
        session.get(UnitRow, unit_id)  # a write transaction that only reads
    assert heard == []


def test_a_rolled_back_write_is_not_heard(
    database: Database, heard: list[frozenset[Topic]]
) -> None:
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.add(UnitRow(name="Kecamatan Kertapati", kind="INSTANSI", city="Palembang"))
        session.flush()
        raise RuntimeError("the action failed after writing")
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.add(EmployeeRow(nip="197805122003121002", name="Ahmad Fauzi", unit_id=999))
    assert heard == []
    # and what was noted for them does not leak into the next write on the same connection
    _unit(database, "Kelurahan Kemas Rindo")
    assert heard == [frozenset({Topic.STAFF})]


def test_a_failing_listener_neither_undoes_the_write_nor_silences_the_others(
    database: Database,
) -> None:
    def broken(_topics: frozenset[Topic]) -> None:
        raise RuntimeError("a screen that is gone")

    database.subscribe(broken)
    heard: list[frozenset[Topic]] = []
    stop = database.subscribe(heard.append)
    unit_id = _unit(database)
    assert heard == [frozenset({Topic.STAFF})]
    with database.reading() as session:
        assert session.get(UnitRow, unit_id) is not None
    stop()
    _unit(database, "Kelurahan Kemas Rindo")
    assert heard == [frozenset({Topic.STAFF})]  # no longer subscribed


def test_announce_tells_a_change_made_outside_a_transaction(
    database: Database, heard: list[frozenset[Topic]]
) -> None:
    database.announce(frozenset(Topic))
    database.announce(frozenset())
    assert heard == [frozenset(Topic)]
