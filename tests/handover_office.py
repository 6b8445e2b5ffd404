"""The hand-over tests' offices: a demo office with one evidence file, copied per test, and an
empty office to import into. Each test folder that needs them imports these fixtures in its
``conftest.py``; ``empty`` (on the progress office's day) is imported by the tests that use it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from handover_helpers import EVIDENCE_BYTES, FOLLOW_UP_BYTES
from progress_office import TODAY

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.supervision.complaints import FeedbackKind
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.supervision.kiosk import KioskSubmission

DEMO_DAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office (40 people) with one evidence file, written once per session."""
    folder = tmp_path_factory.mktemp("demo-template")
    services = open_services(folder / "kantor.sqlite")
    try:
        write_demo(services.database, today=DEMO_DAY)
        with sqlite3.connect(folder / "kantor.sqlite") as raw:
            iki_id = raw.execute(
                "SELECT i.id FROM ikis i JOIN rhks r ON r.id = i.rhk_id "
                "JOIN skps s ON s.id = r.skp_id WHERE s.status = 'DISEPAKATI' "
                "ORDER BY i.id LIMIT 1"
            ).fetchone()[0]
        source = folder / "Laporan Maret.pdf"
        source.write_bytes(EVIDENCE_BYTES)
        services.evaluation.add_evidence(iki_id, "TW1", file=source, today=date(2026, 3, 20))
        source.unlink()
        _add_registers_and_seals(services, folder)
    finally:
        services.close()
    return folder


def _add_registers_and_seals(services: AppServices, folder: Path) -> None:
    """What the demo does not write: a signed evaluation, finding links, a follow-up file and a
    kiosk entry naming the person who served."""
    with sqlite3.connect(folder / "kantor.sqlite") as raw:
        skp_id = raw.execute(
            "SELECT p.skp_id FROM predikat_decisions p JOIN skps s ON s.id = p.skp_id "
            "WHERE p.period_code = 'TW1' AND s.status = 'DISEPAKATI' ORDER BY p.skp_id LIMIT 1"
        ).fetchone()[0]
        finding_id, employee_id = raw.execute(
            "SELECT id, employee_id FROM audit_findings ORDER BY id LIMIT 1"
        ).fetchone()
        rhk_id = raw.execute(
            "SELECT r.id FROM rhks r JOIN skps s ON s.id = r.skp_id WHERE s.employee_id = ? "
            "ORDER BY r.position DESC, r.id DESC LIMIT 1",
            (employee_id,),
        ).fetchone()[0]
        # An observation of someone in another unit: carried with the finding's unit.
        observation_id = raw.execute(
            "SELECT o.id FROM observations o JOIN employees e ON e.id = o.employee_id "
            "JOIN employees f ON f.id = ? WHERE e.unit_id <> f.unit_id ORDER BY o.id LIMIT 1",
            (employee_id,),
        ).fetchone()[0]
        survey_id = raw.execute(
            "SELECT id FROM surveys WHERE closed_on IS NULL ORDER BY id LIMIT 1"
        ).fetchone()[0]
    services.seals.sign_evaluation(skp_id, "TW1", date(2026, 4, 10), today=DEMO_DAY)
    audit = services.supervision.findings
    audit.link(finding_id, rhk_id=rhk_id)
    audit.link(finding_id, observation_id=observation_id)
    report = folder / "Berita acara.pdf"
    report.write_bytes(FOLLOW_UP_BYTES)
    audit.add_follow_up(
        finding_id, date(2026, 6, 1), "Berita acara disusun.", evidence_file=report, today=DEMO_DAY
    )
    report.unlink()
    kiosk = services.supervision.kiosk
    served_by = kiosk.staff(survey_id)[0].id
    kiosk.submit(
        survey_id,
        KioskSubmission(
            (4, 4, 3, 4, 4, 4, 4, 3, 4),
            served_by_id=served_by,
            note_kind=FeedbackKind.APRESIASI,
            note_text="Petugas ramah dan cepat.",
        ),
        today=DEMO_DAY,
    )


@pytest.fixture
def source(demo_template: Path, tmp_path: Path) -> Iterator[AppServices]:
    folder = tmp_path / "sumber"
    shutil.copytree(demo_template, folder)
    opened = open_services(folder / "kantor.sqlite", create=False)
    yield opened
    opened.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[AppServices]:
    folder = tmp_path / "tujuan"
    folder.mkdir()
    opened = open_services(folder / "kantor.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[AppServices]:
    """An empty office to import into whose today is the progress office's (``TODAY``)."""
    opened = open_services(tmp_path / "tujuan" / "kantor.sqlite", today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def package(source: AppServices, tmp_path: Path) -> Path:
    """The whole demo office exported once."""
    path = tmp_path / "paket.zip"
    source.handover.export(path)
    return path


def export_again(services: AppServices, path: Path) -> Path:
    """The office exported once more: the next package number, which a hub takes after the
    first (the very same package again is "sudah diterima" and changes nothing)."""
    services.handover.export(path)
    return path
