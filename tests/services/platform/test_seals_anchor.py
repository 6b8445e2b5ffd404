"""Seals after an upgrade, the signed anchor beside the database, copies and restores."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from raw_database import SERVER_DATABASES, raw_connect
from sqlalchemy import text

from kinerja_desktop.data.database import Database, make_read_only_engine
from kinerja_desktop.data.repositories import seal_chain as repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.seal_chain import SealAction, SealFields, versioned_digest
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.platform.seal_anchor import anchor_path
from kinerja_desktop.services.platform.seals import SealService
from kinerja_desktop.services.platform.startup import open_office

TODAY = date(2026, 11, 28)
OPENED_AT = datetime(2026, 11, 28, 8, 0)
TRIGGER = (
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)
#: Emptying the append-only log behind the app: drop and recreate the trigger on SQLite,
#: switch it off and on on a server (whose trigger calls a plpgsql function).
EMPTY_THE_LOG = {
    False: ("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log", TRIGGER),
    True: (
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log",
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_delete",
    ),
}


def _raw(path: Path, *statements: str) -> None:
    connection = raw_connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _demo(path: Path) -> None:
    services = open_services(path)
    try:
        write_demo(services.database, employees=6, today=TODAY)
    finally:
        services.close()


@pytest.fixture
def office(db_path: Path) -> Iterator[AppServices]:
    """The demo office opened by the app: its log is anchored and followed."""
    _demo(db_path)
    opened = open_office(db_path, now=OPENED_AT)
    yield opened
    opened.close()


def _signed_period(office: AppServices) -> tuple[int, str]:
    with office.database.reading() as session:
        skp_id, code = session.execute(
            text("SELECT skp_id, period_code FROM predikat_decisions ORDER BY id LIMIT 1")
        ).one()
    office.seals.sign_evaluation(skp_id, code, date(2026, 10, 8), today=TODAY)
    return skp_id, code


def test_seals_of_the_old_digest_still_verify_and_still_catch_a_change(db_path: Path) -> None:
    _demo(db_path)
    # The log as the app before digest version 2 wrote it: bare digests of the record's rows.
    _raw(db_path, *EMPTY_THE_LOG[db_path in SERVER_DATABASES])
    services = open_services(db_path)
    try:
        with services.database.transaction() as session:
            for skp_id in repo.agreed_skps(session):
                content = repo.skp_content(session, skp_id, version=1)
                assert content is not None
                repo.append(
                    session,
                    SealFields(
                        "2026-01-05T08:00:00",
                        "pengguna",
                        SealAction.SEGEL_AWAL,
                        f"skp:{skp_id}",
                        f"SKP {skp_id}",
                        digest=versioned_digest(1, content),
                    ),
                )
        report = services.seals.verify()
        assert report.healthy, report.lines
        assert report.checked == report.entries > 0
        _raw(db_path, "UPDATE ikis SET target = '1' WHERE id = 1")
        assert any("berubah di luar aplikasi" in p for p in services.seals.verify().problems)
    finally:
        services.close()


def test_a_keberatan_on_a_signed_period_seals_it_again_and_stays_healthy(
    office: AppServices,
) -> None:
    skp_id, code = _signed_period(office)
    office.dialogue.record_result_received(skp_id, code, date(2026, 10, 9))
    office.dialogue.file_objection(skp_id, code, "Alasan keberatan.", date(2026, 10, 10))
    actions = [e.fields.action for e in office.seals.history(f"evaluasi:{skp_id}:{code}")]
    assert actions == [
        SealAction.EVALUASI_DITANDATANGANI,
        SealAction.DIALOG_DICATAT,
        SealAction.DIALOG_DICATAT,
    ]
    assert office.seals.verify().healthy


def test_the_anchor_follows_every_seal_and_is_owner_only(office: AppServices) -> None:
    path = anchor_path(office.database_path)
    before = json.loads(path.read_text())
    _signed_period(office)
    after = json.loads(path.read_text())
    assert after["sequence"] == before["sequence"] + 1
    assert after["hash"] == office.seals.history()[-1].hash
    assert path.stat().st_mode & 0o777 == 0o600
    assert office.seals.verify().healthy


def test_an_anchor_changed_by_hand_is_a_finding(office: AppServices) -> None:
    path = anchor_path(office.database_path)
    content = json.loads(path.read_text())
    content["sequence"] -= 1
    path.write_text(json.dumps(content))
    (problem,) = office.seals.verify().problems
    assert "Tanda tangan berkas segel" in problem


@pytest.mark.sqlite_only(reason="copies the SQLite file to another folder and opens it read-only")
def test_a_folder_from_another_installation_is_said_once_then_signed_again(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _signed_period(office)
    office.close()
    copied = tmp_path / "salinan" / "kantor.sqlite"
    copied.parent.mkdir()
    shutil.copy(office.database_path, copied)
    shutil.copy(anchor_path(office.database_path), anchor_path(copied))
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "komputer-lain"))

    database = _read_only(copied)
    try:
        report = SealService(database, AccessGuard.system(database)).verify()
    finally:
        database.dispose()
    assert report.healthy  # the log matches the other key's anchor: a note, not a finding
    assert any("Berkas dari instalasi lain" in line for line in report.lines)

    first = open_office(copied, now=OPENED_AT)
    try:
        assert any("instalasi lain" in warning for warning in first.warnings)
    finally:
        first.close()
    second = open_office(copied, now=OPENED_AT + timedelta(days=1))
    try:
        assert not any("instalasi lain" in warning for warning in second.warnings)
        assert second.seals.verify().notes == ()
    finally:
        second.close()


@pytest.mark.sqlite_only(reason="restores a SQLite file backup (a server's: pg_restore)")
def test_a_restore_signs_the_restored_log_so_it_is_no_finding(office: AppServices) -> None:
    made = office.backups.automatic_backup(OPENED_AT + timedelta(days=1))
    assert made is not None
    _signed_period(office)  # the log grows beyond the backup's
    office.backups.restore(made, OPENED_AT + timedelta(days=1, hours=1))
    assert office.seals.verify().healthy
    _signed_period(office)  # and the anchor follows the restored log from there
    assert office.seals.verify().healthy
    assert json.loads(anchor_path(office.database_path).read_text())["hash"] == (
        office.seals.history()[-1].hash
    )


def _read_only(path: Path) -> Database:
    return Database(path, make_read_only_engine(path), read_only=True)
