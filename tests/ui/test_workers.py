from __future__ import annotations

import threading
from functools import partial

import pytest

from kinerja_desktop.ui.workers import run_in_background


def test_result_comes_back_on_the_gui_thread(qtbot) -> None:
    seen: dict[str, object] = {}
    gui = threading.get_ident()

    def op() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def ok(value: object) -> None:
        seen["value"], seen["callback"] = value, threading.get_ident()

    run_in_background(op, ok, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_an_error_reaches_the_failure_callback(qtbot) -> None:
    errors: list[Exception] = []

    def op() -> None:
        raise ValueError("rusak")

    run_in_background(op, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "rusak"


@pytest.mark.parametrize("with_arguments", [False, True], ids=["method", "partial"])
def test_a_widget_deleted_while_its_work_runs_is_not_called_back(
    qtbot, with_arguments: bool
) -> None:
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    class Page(QLabel):
        def show_result(self, value: object, generation: int = 0) -> None:
            self.setText(f"{generation}: {value}")  # raises RuntimeError on a deleted widget

    page = Page()
    # A page loading one of several requests passes its request number along with the method.
    callback = partial(page.show_result, generation=3) if with_arguments else page.show_result
    release = threading.Event()
    finished: list[bool] = []

    def op() -> int:
        release.wait(5)
        finished.append(True)
        return 7

    run_in_background(op, callback, callback)
    delete(page)  # the window closed while Beranda was still loading
    release.set()
    qtbot.waitUntil(lambda: bool(finished))
    qtbot.wait(50)  # the queued result is delivered, and dropped, without an error
