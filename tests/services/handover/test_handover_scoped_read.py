"""An import reads only what its package touches, and sees exactly what a whole read saw.

The preview and apply read our records by the package's keys (``handover_scoped``) instead of
the whole database. For the demo office and packages of several shapes, the scoped read's
aggregates under the package's keys are the whole read's (kind, key, digest), the merge plan
is the same, and the ids the import resolves the package's references to are the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.data.repositories import handover_scoped as scoped
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.handover_aggregate import canonical_json, digest_of
from kinerja_desktop.domain.handover_merge import plan_merge
from kinerja_desktop.domain.handover_records import Aggregate, Kind, Scope, build_aggregates
from kinerja_desktop.domain.handover_scope import package_references
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.handover import service as handover_service
from kinerja_desktop.services.handover.apply import Ids

Triple = tuple[Kind, str, str]


def _whole(services: AppServices) -> list[Aggregate]:
    with services.database.reading() as session:
        return build_aggregates(repo.read_all(session).tables)


def _touched(services: AppServices, package: list[Aggregate]) -> list[Aggregate]:
    with services.database.reading() as session:
        rows = scoped.read_scoped(session, package_references(package))
    return build_aggregates(rows.tables)


def _under(ours: list[Aggregate], package: list[Aggregate]) -> set[Triple]:
    wanted = {(a.kind, a.key) for a in package}
    return {(a.kind, a.key, a.digest) for a in ours if (a.kind, a.key) in wanted}


def _renumbered(aggregates: list[Aggregate], nips: set[str]) -> list[Aggregate]:
    """The same records of people who are not ours: born in 99xx, no NIP of ours."""
    names = {nip: "99" + nip[2:] for nip in nips}

    def change(value: Any) -> Any:
        if isinstance(value, str):
            return names.get(value, value)
        if isinstance(value, list):
            return [change(item) for item in value]
        if isinstance(value, dict):
            return {key: change(item) for key, item in value.items()}
        return value

    changed = []
    for aggregate in aggregates:
        content = change(dict(aggregate.content))
        key = canonical_json(change(json.loads(aggregate.key))).decode()
        changed.append(replace(aggregate, key=key, content=content, digest=digest_of(content)))
    return changed


def _edited(aggregates: list[Aggregate]) -> list[Aggregate]:
    """Every third employee and SKP with other content: conflicts in the plan."""
    changed = []
    for number, aggregate in enumerate(aggregates):
        if aggregate.kind in (Kind.EMPLOYEE, Kind.SKP) and number % 3 == 0:
            content = {**aggregate.content, "catatan_uji": number}
            changed.append(replace(aggregate, content=content, digest=digest_of(content)))
        else:
            changed.append(aggregate)
    return changed


@pytest.fixture
def office(source: AppServices) -> AppServices:
    return source


def _packages(office: AppServices) -> Iterator[tuple[str, list[Aggregate]]]:
    whole = _whole(office)
    with office.database.reading() as session:
        tables = repo.read_all(session).tables
    nips = {a.content["nip"] for a in whole if a.kind is Kind.EMPLOYEE}
    units = sorted(
        (tuple(a.content["path"]) for a in whole if a.kind is Kind.UNIT), key=len, reverse=True
    )
    yield "same office", whole
    yield "a unit's year", build_aggregates(tables, Scope(units[0], 2026))
    yield "a unit", build_aggregates(tables, Scope(units[-2] if len(units) > 1 else units[0]))
    yield "new office", _renumbered(whole, nips)
    half = sorted(nips)[: len(nips) // 2]
    yield (
        "overlapping",
        [a for a in whole if a.kind is not Kind.EMPLOYEE or a.content["nip"] in half]
        + _renumbered([a for a in whole if a.kind is Kind.EMPLOYEE], set(half)),
    )
    yield "with conflicts", _edited(whole)
    yield (
        "register only (prefill)",
        [a for a in whole if a.kind in (Kind.UNIT, Kind.EXTERNAL_OFFICIAL, Kind.EMPLOYEE)],
    )
    yield (
        "supervision registers",
        [
            a
            for a in whole
            if a.kind in (Kind.SURVEY, Kind.PUBLIC_FEEDBACK, Kind.AUDIT_FINDING, Kind.UNIT)
        ],
    )
    logger = next(a.content["nip"] for a in whole if a.kind is Kind.PROGRESS_ENTRY)
    yield (
        "one person's log",
        [
            a
            for a in whole
            if a.kind in (Kind.PROGRESS_ENTRY, Kind.LEAVE_DAY) and a.content["nip"] == logger
        ],
    )


def _resolved(ids: Ids, package: list[Aggregate]) -> dict[str, Any]:
    """The ids the package's references resolve to (None: not ours)."""
    wanted = package_references(package)
    return {
        "units": {path: ids.units.get(path) for path in wanted.units},
        "officials": dict(ids.officials),
        "employees": {nip: ids.employees.get(nip) for nip in wanted.nips},
        "skps": {key: ids.skps.get(key) for key in wanted.skps},
        "surveys": {
            key: ids.surveys.get(canonical_json([list(key[0]), key[1]]).decode())
            for key in wanted.surveys
        },
        "observations": {
            a.key: ids.observations.get(a.key) for a in package if a.kind is Kind.OBSERVATION
        },
    }


def test_the_scoped_read_sees_exactly_what_the_whole_read_saw(office: AppServices) -> None:
    whole = _whole(office)
    assert {a.kind for a in whole} >= {Kind.SURVEY, Kind.AUDIT_FINDING, Kind.PROGRESS_ENTRY}
    assert _same_for_every_shape(office) == 9


def test_the_scoped_read_is_the_same_on_the_office_database(db_path: Path) -> None:
    """The same on the test database (a PostgreSQL server with KINERJA_TEST_DB=postgresql)."""
    day = date(2026, 11, 28)
    services = open_services(db_path, today=lambda: day)
    try:
        write_demo(services.database, today=day, employees=40)
        assert _same_for_every_shape(services) == 9
    finally:
        services.close()


def _same_for_every_shape(office: AppServices) -> int:
    whole = _whole(office)
    shapes = 0
    for name, package in _packages(office):
        assert package, name
        touched = _touched(office, package)
        assert _under(touched, package) == _under(whole, package), name
        ours = [a for a in touched if (a.kind, a.key) in {(p.kind, p.key) for p in package}]
        everything = [a for a in whole if (a.kind, a.key) in {(p.kind, p.key) for p in package}]
        assert plan_merge(ours, package) == plan_merge(everything, package), name
        assert _resolved(Ids.of(touched), package) == _resolved(Ids.of(whole), package), name
        shapes += 1
    return shapes


def test_the_scoped_read_is_the_same_in_small_chunks(
    office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key list split over several statements (500 a statement in the app)."""
    whole = _whole(office)
    monkeypatch.setattr(scoped, "CHUNK", 7)
    statements = _statements(office, lambda: _touched(office, whole))
    touched = _touched(office, whole)
    assert _under(touched, whole) == {(a.kind, a.key, a.digest) for a in whole}
    monkeypatch.setattr(scoped, "CHUNK", 500)
    assert _statements(office, lambda: _touched(office, whole)) < statements


def test_a_new_offices_package_finds_nothing_of_ours(office: AppServices) -> None:
    whole = _whole(office)
    nips = {a.content["nip"] for a in whole if a.kind is Kind.EMPLOYEE}
    registers = (Kind.UNIT, Kind.SURVEY, Kind.PUBLIC_FEEDBACK, Kind.AUDIT_FINDING)
    package = _renumbered([a for a in whole if a.kind not in registers], nips)
    touched = _touched(office, package)
    assert not [a for a in touched if a.kind in (Kind.EMPLOYEE, Kind.SKP, Kind.PERIOD)]


def _statements(services: AppServices, action: Callable[[], object]) -> int:
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(services.database.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(services.database.engine, "before_cursor_execute", record)
    return len(statements)


def test_a_previews_statements_do_not_grow_with_the_office(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # By key, whatever share of the hub's people the package carries (with 40 it carries all
    # of them, and would be compared with the whole hub: test_whole_office_compare.py).
    monkeypatch.setattr(handover_service, "WHOLE_OFFICE_SHARE", float("inf"))
    day = date(2026, 11, 28)
    sender = open_services(tmp_path / "opd" / "kantor.sqlite", today=lambda: day)
    write_demo(sender.database, today=day, employees=40)
    package = tmp_path / "paket.zip"
    sender.handover.export(package)
    whole = _whole(sender)
    nips = {a.content["nip"] for a in whole if a.kind is Kind.EMPLOYEE}
    sender.close()
    counts = []
    rows: list[tuple[int, int]] = []
    for size in (40, 160):
        hub = open_services(tmp_path / f"hub{size}" / "kantor.sqlite", today=lambda: day)
        # A hub holding another office of ``size`` people (other NIPs), and the package's.
        write_demo(hub.database, today=day, employees=size)
        assert {a.content["nip"] for a in _whole(hub) if a.kind is Kind.EMPLOYEE} & nips
        counts.append(_statements(hub, lambda hub=hub: hub.handover.preview(package)))
        with hub.database.reading() as session:
            read = scoped.read_scoped(session, package_references(whole)).tables
            every = repo.read_all(session).tables
        big = [name for name in every if name not in scoped.WHOLE_TABLES]
        rows.append((sum(len(read[n]) for n in big), sum(len(every[n]) for n in big)))
        hub.close()
    assert counts[0] == counts[1]
    assert counts[0] <= 120
    # The office grew fourfold; what the package's preview reads of it did not.
    assert rows[1][1] > 3 * rows[0][1]
    assert rows[1][0] < 1.5 * rows[0][0]


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("office_days_off", {"day": "2026-12-24", "kind": "CUTI_BERSAMA", "name": "Cuti"}),
        ("units", {"name": "Kecamatan Contoh", "parent_id": None, "kind": "INSTANSI"}),
    ],
)
def test_only_an_office_without_any_record_holds_nothing(
    services: AppServices, table: str, row: dict[str, Any]
) -> None:
    """A new office skips working out the package's references: there is nothing to read."""
    with services.database.reading() as session:
        assert scoped.holds_nothing(session)
    with services.database.transaction() as session:
        repo.insert_rows(session, table, [row])
    with services.database.reading() as session:
        assert not scoped.holds_nothing(session)
