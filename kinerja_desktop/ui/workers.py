"""Run slow work off the GUI thread; results come back on it.

``op`` must only call services (which open their own transactions) and must never touch a
widget: that is what the callbacks are for (Anki's rule for its CollectionOp).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid


class _Relay(QObject):
    """Carries a result from the worker thread back to the GUI thread (queued signals)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._op = op
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._op()
        except Exception as error:  # handed to on_failure on the GUI thread, never lost
            outcome, value = self._relay.failed, error
        else:
            outcome, value = self._relay.succeeded, result
        if QCoreApplication.instance() is not None:  # the app may have quit meanwhile
            outcome.emit(value)


_running: set[_Relay] = set()  # keeps each relay alive until its job reports back


def run_in_background(
    op: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> None:
    """Run ``op`` on the thread pool; call one of the callbacks with its outcome, in the GUI.

    A callback that is a method of a widget (or other QObject) deleted meanwhile, or a
    ``functools.partial`` of one, is not called: a window closed, or signed out of, while its
    page was still loading must not be touched (a lambda hides its widget: do not pass one).
    """
    relay = _Relay()
    _running.add(relay)

    def done(callback: Callable[[Any], None], value: object) -> None:
        _running.discard(relay)
        # A bound method, or a functools.partial of one (a callback carrying extra arguments).
        owner = getattr(getattr(callback, "func", callback), "__self__", None)
        if isinstance(owner, QObject) and not isValid(owner):
            return
        callback(value)

    relay.succeeded.connect(lambda result: done(on_success, result))
    relay.failed.connect(lambda error: done(on_failure, error))
    QThreadPool.globalInstance().start(_Job(op, relay))


def wait_for_background_work() -> None:
    """Let running jobs finish before the application object goes away (call at exit)."""
    QThreadPool.globalInstance().waitForDone()
