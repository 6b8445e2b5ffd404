"""Signed means sealed: seals refuse changes, the audit log is chained, tampering is named."""

from __future__ import annotations

import sqlite3
from datetime import date

import psycopg
import pytest
from raw_database import raw_connect
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.services.app_services import AppServices

TODAY = date(2026, 11, 28)
SIGNED = date(2026, 10, 8)
#: What the audit log's triggers raise on SQLite (RAISE(ABORT)) and on a server (plpgsql).
REFUSED = (sqlite3.IntegrityError, psycopg.Error)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def _decided(office: AppServices) -> tuple[int, str, int]:
    """An SKP and period with a predikat, and one of its indicators."""
    with office.database.reading() as session:
        skp_id, code = session.execute(
            text("SELECT skp_id, period_code FROM predikat_decisions ORDER BY id LIMIT 1")
        ).one()
        (iki_id,) = session.execute(
            text(
                "SELECT ikis.id FROM ikis JOIN rhks ON rhks.id = ikis.rhk_id "
                "WHERE rhks.skp_id = :skp ORDER BY ikis.id LIMIT 1"
            ),
            {"skp": skp_id},
        ).one()
    return skp_id, code, iki_id


def _raw(office: AppServices, sql: str, **params: object) -> None:
    connection = raw_connect(office.database_path)
    try:
        connection.execute(sql, params)
        connection.commit()
    finally:
        connection.close()


def test_the_demo_is_sealed_and_verifies(office: AppServices) -> None:
    report = office.seals.verify()
    assert report.healthy, report.lines
    assert report.checked == report.entries > 30  # one baseline per agreed SKP
    assert {e.fields.action for e in office.seals.history()} == {SealAction.SEGEL_AWAL}
    assert office.seals.seal_unlogged() == 0
    assert report.lines[0].startswith("Catatan audit: ")


def test_a_signed_evaluation_refuses_every_change_until_reopened(office: AppServices) -> None:
    skp_id, code, iki_id = _decided(office)
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    assert office.seals.signed_on(skp_id, code) == SIGNED
    before = office.evaluation.evaluation(skp_id, code)

    attempts = (
        lambda: office.evaluation.record_realisation(iki_id, code, "1"),
        lambda: office.evaluation.add_evidence(iki_id, code, note="x", today=TODAY),
        lambda: office.evaluation.decide_rating(
            skp_id, code, Rating.SESUAI, reason="koreksi", on=TODAY
        ),
        lambda: office.behaviour.save_feedback(skp_id, code, BehaviourValue.AKUNTABEL, "x"),
    )
    for attempt in attempts:
        with pytest.raises(ValidationError, match="sudah ditandatangani pada 8 Oktober 2026"):
            attempt()
    assert office.evaluation.evaluation(skp_id, code) == before
    assert office.seals.verify().healthy

    with pytest.raises(ValidationError, match="Alasan membuka kembali evaluasi wajib diisi"):
        office.seals.reopen_evaluation(skp_id, code, "  ")
    office.seals.reopen_evaluation(skp_id, code, "Realisasi salah ketik")
    office.evaluation.record_realisation(iki_id, code, "1")
    actions = [e.fields.action for e in office.seals.history(f"evaluasi:{skp_id}:{code}")]
    assert actions == [SealAction.EVALUASI_DITANDATANGANI, SealAction.EVALUASI_DIBUKA]
    assert office.seals.history()[-1].fields.reason == "Realisasi salah ketik"
    assert office.seals.verify().healthy


def test_signing_needs_a_decided_predikat_an_agreed_skp_and_a_past_day(
    office: AppServices,
) -> None:
    skp_id, code, _ = _decided(office)
    with pytest.raises(ValidationError, match="masa depan"):
        office.seals.sign_evaluation(skp_id, code, date(2999, 1, 1), today=TODAY)
    with pytest.raises(ValidationError, match="belum ditetapkan"):
        office.seals.sign_evaluation(skp_id, "TW4", SIGNED, today=TODAY)
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    with pytest.raises(ValidationError, match="belum ditandatangani"):
        office.seals.reopen_evaluation(skp_id, "TW4", "alasan")


def test_a_realisation_changed_behind_the_apps_back_is_named(office: AppServices) -> None:
    skp_id, code, iki_id = _decided(office)
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    _raw(
        office,
        "UPDATE realisations SET value = '999' WHERE iki_id = :iki AND period_code = :code",
        iki=iki_id,
        code=code,
    )
    report = office.seals.verify()
    assert not report.healthy
    (problem,) = report.problems
    assert problem.startswith("Evaluasi Triwulan")
    assert "berubah di luar aplikasi" in problem


def test_an_agreed_skp_changed_behind_the_apps_back_is_named(office: AppServices) -> None:
    skp_id, _, _ = _decided(office)
    _raw(office, "UPDATE rhks SET text = text || '.' WHERE skp_id = :skp", skp=skp_id)
    (problem,) = office.seals.verify().problems
    assert problem.startswith("SKP 2026 ")
    assert "NIP" in problem and "berubah di luar aplikasi" in problem


def test_a_seal_removed_behind_the_apps_back_is_named(office: AppServices) -> None:
    skp_id, code, _ = _decided(office)
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    _raw(office, "DELETE FROM evaluation_seals")
    (problem,) = office.seals.verify().problems
    assert "tidak lagi tersegel" in problem


def test_the_log_is_append_only_and_a_forced_change_breaks_the_chain(
    office: AppServices,
) -> None:
    with pytest.raises(REFUSED, match="append-only"):
        _raw(office, "UPDATE audit_log SET reason = 'x' WHERE sequence = 2")
    with pytest.raises(REFUSED, match="append-only"):
        _raw(office, "DELETE FROM audit_log WHERE sequence = 2")
    on_table = " ON audit_log" if office.database.server else ""  # PostgreSQL names the table
    _raw(office, f"DROP TRIGGER audit_log_no_update{on_table}")
    _raw(office, "UPDATE audit_log SET reason = 'diam-diam' WHERE sequence = 2")
    problems = office.seals.verify().problems
    assert any("nomor 2" in problem and "diubah" in problem for problem in problems)


def test_agreeing_and_revising_an_skp_is_logged(office: AppServices) -> None:
    skp_id, _, _ = _decided(office)
    view = office.skp.by_id(skp_id)
    revised = office.skp.start_revision(skp_id, view.version, "Target TW IV berubah")
    office.skp.agree(skp_id, revised.version, TODAY)
    actions = [e.fields.action for e in office.seals.history(f"skp:{skp_id}")]
    assert actions == [SealAction.SEGEL_AWAL, SealAction.SKP_DIBUKA, SealAction.SKP_DISEPAKATI]
    assert office.seals.history(f"skp:{skp_id}")[1].fields.reason == "Target TW IV berubah"
    assert office.seals.verify().healthy
