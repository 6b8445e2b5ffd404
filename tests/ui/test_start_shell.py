"""The start shows the window first, then opens the file into it (`application.run_gui`).

Each test runs the real start on a copy of a small demo office, on this process's event loop;
the sign-in is skipped (or refused) through `ui.accounts.session.sign_in_dialog`.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from kinerja_desktop.data.lock import lock_path
from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.ui import application
from kinerja_desktop.ui.accounts import session
from kinerja_desktop.ui.main_window import BERANDA, LOADING, PEGAWAI, MainWindow
from kinerja_desktop.ui.workers import wait_for_background_work

TODAY = date(2026, 11, 28)
#: Polls of 10 ms before a test gives up waiting for the file to open (a loaded machine).
PATIENCE = 6000


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shell") / "kantor.sqlite"
    services = open_services(path)
    try:
        write_demo(services.database, employees=12, today=TODAY)
    finally:
        services.close()
    return path


@pytest.fixture
def office(demo_office: Path, tmp_path: Path, private_data_dir: Path) -> Path:
    copy = tmp_path / "kantor.sqlite"
    shutil.copy(demo_office, copy)
    return copy


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Callable[..., int]:
    """Run the start; ``each_turn(window)`` is called on every turn until it returns True."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own

    def run(path: Path, each_turn: Callable[[MainWindow], bool]) -> int:
        turns = 0

        def poll() -> None:
            nonlocal turns
            turns += 1
            windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
            if not windows:
                return  # the run is over
            window = windows[0]
            if turns > PATIENCE:
                window.close()
                pytest.fail("the file was not opened into the window")
            if not each_turn(window):
                QTimer.singleShot(10, window, poll)  # no turn after the window is gone

        QTimer.singleShot(0, poll)  # before run_gui's own: the first turn sees the shell
        return application.run_gui(path)

    return run


def _signed_in_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session, "sign_in_dialog", lambda _services, _parent=None: None)


def test_the_window_is_shown_first_and_the_page_chosen_meanwhile_opens_with_the_file(
    office: Path, start: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _signed_in_without_asking(monkeypatch)
    seen: dict[str, object] = {}

    def each_turn(window: MainWindow) -> bool:
        if "shell" not in seen:
            page = window.pages.currentWidget()
            seen["shell"] = (
                window.isVisible(),
                window.attached,
                isinstance(page, QLabel) and page.text(),
                window.add_action.isEnabled(),
                window.find_action.isEnabled(),
            )
            window.go(PEGAWAI)  # the navigation answers while the file opens
            page = window.pages.currentWidget()
            seen["pegawai"] = isinstance(page, QLabel) and page.text()
            return False
        if not window.attached:
            return False
        seen["filled"] = (
            window.navigation.currentRow(),
            window.pages.currentWidget() is window.staff_page,
            window.pages.widget(BERANDA) is window.home,
            window.find_action.isEnabled(),
            lock_path(office).exists(),
        )
        window.close()
        return True

    assert start(office, each_turn) == 0
    assert seen["shell"] == (True, False, LOADING, False, False)
    assert seen["pegawai"] == LOADING
    assert seen["filled"] == (PEGAWAI, True, True, True, True)
    assert not lock_path(office).exists()  # released at the end of the run


def test_closing_the_window_before_the_file_opens_leaves_the_file_as_it_was(
    office: Path, start: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _signed_in_without_asking(monkeypatch)
    before = hashlib.sha256(office.read_bytes()).hexdigest()

    def each_turn(window: MainWindow) -> bool:
        window.close()  # at once, on the first turn: the modules are still loading
        return True

    opened: list[Path] = []
    monkeypatch.setattr(application, "open_with_recovery", opened.append)
    assert start(office, each_turn) == 0
    wait_for_background_work()
    QApplication.processEvents()  # the modules' loading reports back after the run: ignored
    assert opened == []
    assert hashlib.sha256(office.read_bytes()).hexdigest() == before
    assert not lock_path(office).exists()
    assert not (office.parent / "backups").exists()  # nothing was opened, nothing backed up


class _Refused:
    """A sign-in the user cancels."""

    def exec(self) -> int:
        return 0


def test_cancelling_the_first_sign_in_ends_the_run_with_1_and_releases_the_file(
    office: Path, start: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []

    def refused(_services: object, parent: object = None) -> _Refused:
        asked.append(parent)
        return _Refused()

    monkeypatch.setattr(session, "sign_in_dialog", refused)
    states: list[bool] = []

    def each_turn(window: MainWindow) -> bool:
        states.append(window.attached)
        return False  # the start ends the run itself

    assert start(office, each_turn) == 1
    assert len(asked) == 1
    assert isinstance(asked[0], MainWindow)  # asked over the window already shown
    assert not any(states)  # the window never showed the file
    assert not lock_path(office).exists()


def test_an_unexpected_failure_while_opening_is_reported_and_ends_the_run(
    office: Path, start: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []

    def broken(_path: Path) -> None:
        raise RuntimeError("rusak di tengah jalan")

    monkeypatch.setattr(application, "open_with_recovery", broken)
    monkeypatch.setattr(
        application, "_report_unexpected", lambda _kind, error, _trace: reported.append(error)
    )

    def each_turn(window: MainWindow) -> bool:
        return False  # the start ends the run itself, never left on "Memuat…"

    assert start(office, each_turn) == 1
    assert [str(error) for error in reported] == ["rusak di tengah jalan"]


def test_closing_the_window_while_the_checks_run_apart_leaves_no_process(
    office: Path, start: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _signed_in_without_asking(monkeypatch)
    seen: list[tuple[bool, int]] = []

    def each_turn(window: MainWindow) -> bool:
        if not window.attached or not multiprocessing.active_children():
            return False  # wait for Beranda's first refresh to start the check process
        seen.append((window.home.loading, len(multiprocessing.active_children())))
        window.close()
        return True

    assert start(office, each_turn) == 0
    assert seen and seen[0][1] == 1  # one check process, closed while it was running
    assert multiprocessing.active_children() == []
    assert not lock_path(office).exists()
