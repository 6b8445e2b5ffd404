"""Beranda's checks in a worker process: the same items, and a close that never waits for them."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.home.check_process import CheckProcess, ChecksStoppedError

TODAY = date(2026, 11, 28)
#: Set by the test for the slow check below (inherited by the spawned process).
SIGNAL_DIR = "KINERJA_TEST_CHECK_SIGNALS"


def slow_check(_session: Session, _today: date) -> list[AttentionItem]:
    """A check that says it started, then waits until the test lets it go (at most 2 minutes)."""
    folder = Path(os.environ[SIGNAL_DIR])
    (folder / "started").write_text(str(os.getpid()))
    for _ in range(1200):
        if (folder / "go").exists():
            break
        time.sleep(0.1)
    return [AttentionItem(Severity.INFO, "lambat", "")]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("checks") / "kantor.sqlite"
    services = open_services(path)
    try:
        write_demo(services.database, employees=12, today=TODAY)
    finally:
        services.close()
    return path


def test_the_items_apart_are_the_items_read_here(office: Path) -> None:
    services = open_services(office, create=False, today=lambda: TODAY)
    try:
        here = services.attention.items(TODAY)
        services.attention.run_apart()
        apart = services.attention.items(TODAY)
        again = services.attention.items(TODAY)  # the same process, kept for the session
        assert len(multiprocessing.active_children()) == 1
    finally:
        services.close()
    assert here  # the demo office has items today
    assert apart == here
    assert again == here
    assert multiprocessing.active_children() == []  # closing the services ends the process


def test_closing_during_a_check_ends_the_process_and_the_waiting_caller_is_told(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SIGNAL_DIR, str(tmp_path))
    checks = CheckProcess(office, (slow_check,))
    outcome: list[object] = []

    def wait_for_items() -> None:
        try:
            outcome.append(checks.items(TODAY, 0))
        except ChecksStoppedError as error:
            outcome.append(error)

    waiting = threading.Thread(target=wait_for_items)
    waiting.start()
    started = tmp_path / "started"
    for _ in range(1200):  # the spawned process imports the services first
        if started.exists():
            break
        time.sleep(0.1)
    assert started.exists()
    checks.close()  # the check is still waiting for "go": it is not waited for
    waiting.join(timeout=60)
    assert not waiting.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], ChecksStoppedError)
    assert "dihentikan" in outcome[0].message
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "go").exists()  # it was stopped, not let go

    # A new session asks again: a fresh process answers.
    (tmp_path / "go").write_text("")
    try:
        assert [item.title for item in checks.items(TODAY, 0)] == ["lambat"]
    finally:
        checks.close()
    assert multiprocessing.active_children() == []
