from __future__ import annotations

import threading

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
