"""Shared fixtures: a real SQLite file per test, offscreen Qt, private data folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kinerja_desktop.services.app_services import AppServices, open_services

SAMPLES = Path(__file__).parent / "samples"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication, so `-m "not gui"` is the fast loop."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "qtmodeltester" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder at a temp folder, so no test touches the real one."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("KINERJA_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kantor.sqlite"


@pytest.fixture
def services(db_path: Path) -> Iterator[AppServices]:
    opened = open_services(db_path)
    yield opened
    opened.close()


@pytest.fixture
def sample_csv() -> Path:
    return SAMPLES / "pegawai-contoh.csv"
