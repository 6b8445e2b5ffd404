"""Service writes on a PostgreSQL server: a conflict is run once more, a second one is told.

Each test makes another user's write commit inside the first attempt of a service's write
(after its snapshot, before it reads what it checks), so that attempt ends in a real
serialization failure; ``Database.run`` runs the work again on fresh data. Two such
conflicts in a row reach the user as ``CONFLICT_MESSAGE`` with nothing of the write saved.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date

import pytest
from raw_database import content_digest
from sqlalchemy import text
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import CONFLICT_MESSAGE, Database, WriteConflictError
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.access import AccessDeniedError, Principal, Role
from kinerja_desktop.domain.officials import OfficialFields
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.seal_anchor import anchor_path
from kinerja_desktop.services.staff.service import StaffInput

pytestmark = pytest.mark.postgresql_only(
    reason="SQLite has one writer at a time and never ends a write with a conflict"
)

TODAY = date(2026, 11, 28)
SEKDA = OfficialFields(
    nip="19700101 199503 1 001",
    name="Ratu Dewa",
    golongan="IV/d",
    jabatan="Sekretaris Daerah",
    instansi="Pemerintah Kota Palembang",
)


@dataclass
class Rivals:
    """Counts the write transactions opened and how many rivals are still to come."""

    left: int
    attempts: int = 0


def _rival_in_first_attempts(
    monkeypatch: pytest.MonkeyPatch, database: Database, rival: Callable[[], None], times: int
) -> Rivals:
    """Make ``rival`` commit inside each of the next ``times`` write transactions.

    It runs once the transaction's snapshot is taken, so whatever the work reads next is as
    it was before the rival's commit: a write to the same rows is then a serialization
    failure (SQLSTATE 40001) at the latest at the commit.
    """
    rivals = Rivals(times)
    real = database.transaction

    @contextmanager
    def transaction() -> Iterator[Session]:
        with real() as session:
            rivals.attempts += 1
            if rivals.left > 0:
                rivals.left -= 1  # first: the rival's own write opens a plain transaction
                session.execute(text("SELECT 1"))  # the snapshot
                rival()
            yield session

    monkeypatch.setattr(database, "transaction", transaction)
    return rivals


def _touch(database: Database, sql: str, **params: object) -> Callable[[], None]:
    """Another installation's write of ``sql``, committed on its own connection."""

    def rival() -> None:
        with database.engine.begin() as connection:
            connection.execute(text(sql), params)

    return rival


@pytest.fixture
def person(services: AppServices) -> tuple[int, int, int]:
    """(unit id, employee id, version) of one person in a small register."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    added = services.staff.create(_staff(unit.id, "Siti Aminah"))
    return unit.id, added.id, added.version


def _staff(
    unit_id: int, name: str, nip: str = "198703152010012001", penilai_id: int | None = None
) -> StaffInput:
    return StaffInput(
        StaffFields(nip, name, "PNS", "III/a", "Analis", "Pelaksana"), unit_id, penilai_id
    )


def test_a_person_s_correction_that_raced_another_write_is_saved_on_the_second_run(
    services: AppServices, person: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    unit_id, employee_id, version = person
    # Another supervisor's save of the same row (its content as it was) commits meanwhile.
    rivals = _rival_in_first_attempts(
        monkeypatch,
        services.database,
        _touch(
            services.database, "UPDATE employees SET name = name WHERE id = :id", id=employee_id
        ),
        times=1,
    )

    updated = services.staff.update(employee_id, version, _staff(unit_id, "Siti Aminah Putri"))

    assert rivals.attempts == 2
    assert updated.name == "Siti Aminah Putri"
    assert updated.version == version + 1  # the optimistic check passed once, on fresh data
    assert services.staff.get(employee_id).name == "Siti Aminah Putri"


def test_a_second_conflict_is_told_in_indonesian_and_nothing_is_saved(
    services: AppServices, person: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    unit_id, employee_id, version = person
    before = content_digest(services.database_path)
    rivals = _rival_in_first_attempts(
        monkeypatch,
        services.database,
        _touch(
            services.database, "UPDATE employees SET name = name WHERE id = :id", id=employee_id
        ),
        times=2,
    )

    with pytest.raises(WriteConflictError) as raised:
        services.staff.update(employee_id, version, _staff(unit_id, "Siti Aminah Putri"))

    assert raised.value.message == CONFLICT_MESSAGE
    assert rivals.attempts == 2  # run once more, not a third time
    assert content_digest(services.database_path) == before
    assert services.staff.get(employee_id).name == "Siti Aminah"


def test_the_second_run_checks_access_against_the_register_the_conflict_left(
    services: AppServices, person: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    unit_id, employee_id, _ = person
    chief = services.staff.create(_staff(unit_id, "Budi Santoso", "197501012000031001"))
    mine = services.staff.update(
        employee_id,
        services.staff.get(employee_id).version,
        _staff(unit_id, "Siti Aminah", penilai_id=chief.id),
    )
    services.access.sign_in(
        Principal("budi", "Budi Santoso", Role.PENILAI, employee_id=chief.id, account_id=1)
    )
    assert services.staff.get(employee_id).name == "Siti Aminah"  # the facts are now cached
    # Meanwhile the admin gives Siti another penilai: Budi may no longer edit her record.
    rivals = _rival_in_first_attempts(
        monkeypatch,
        services.database,
        _touch(
            services.database,
            "UPDATE employees SET penilai_id = NULL WHERE id = :id",
            id=employee_id,
        ),
        times=1,
    )

    with pytest.raises(AccessDeniedError):
        services.staff.update(
            employee_id, mine.version, _staff(unit_id, "Siti A.", penilai_id=chief.id)
        )

    assert rivals.attempts == 2
    services.access.sign_out()
    assert services.staff.get(employee_id).name == "Siti Aminah"


def test_an_official_s_correction_is_checked_again_against_fresh_data(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    official = services.officials.add(SEKDA)
    rivals = _rival_in_first_attempts(
        monkeypatch,
        services.database,
        _touch(
            services.database,
            "UPDATE external_officials SET name = name WHERE id = :id",
            id=official.id,
        ),
        times=1,
    )

    corrected = services.officials.update(
        official.id, official.version, replace(SEKDA, jabatan="Sekretaris Daerah Kota")
    )

    assert rivals.attempts == 2
    assert corrected.version == official.version + 1
    assert corrected.jabatan == "Sekretaris Daerah Kota"
    assert services.officials.get(official.id) == corrected


def test_two_supervisors_signing_at_once_both_seal_and_the_anchor_follows_the_last(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_demo(services.database, employees=6, today=TODAY)
    assert services.seals.open_anchor() == ()
    with services.database.reading() as session:
        ours, theirs = session.execute(
            text("SELECT skp_id, period_code FROM predikat_decisions ORDER BY id LIMIT 2")
        ).all()
    entries = len(services.seals.history())

    def other_supervisor_signs() -> None:
        services.seals.sign_evaluation(theirs[0], theirs[1], date(2026, 10, 7), today=TODAY)

    rivals = _rival_in_first_attempts(
        monkeypatch, services.database, other_supervisor_signs, times=1
    )

    services.seals.sign_evaluation(ours[0], ours[1], date(2026, 10, 8), today=TODAY)

    assert rivals.attempts == 3  # ours, the rival's inside it, ours again
    log = services.seals.history()
    assert len(log) == entries + 2
    assert [(e.fields.action, e.fields.record) for e in log[-2:]] == [
        (SealAction.EVALUASI_DITANDATANGANI, f"evaluasi:{theirs[0]}:{theirs[1]}"),
        (SealAction.EVALUASI_DITANDATANGANI, f"evaluasi:{ours[0]}:{ours[1]}"),
    ]
    assert services.seals.signed_on(ours[0], ours[1]) == date(2026, 10, 8)
    # The anchor is written after the commit that stood, never for the attempt undone.
    anchor = json.loads(anchor_path(services.database_path).read_text())
    assert (anchor["sequence"], anchor["hash"]) == (log[-1].sequence, log[-1].hash)
    assert services.seals.verify().healthy
