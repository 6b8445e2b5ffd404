"""A demo office with one evidence file, copied per test, and an empty office to import into."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from handover_helpers import EVIDENCE_BYTES

from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.demo import write_demo

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
    finally:
        services.close()
    return folder


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
def package(source: AppServices, tmp_path: Path) -> Path:
    """The whole demo office exported once."""
    path = tmp_path / "paket.zip"
    source.handover.export(path)
    return path
