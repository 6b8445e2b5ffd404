"""Python's cyclic garbage collector kept out of the way of bulk work.

Checking a 20,000-row staff list makes a few hundred thousand small objects that live until the
import ends. Each time enough of them pile up, the collector walks every object the process
holds looking for cycles, and finds none: about a quarter of an import's time went there.
Reference counting still frees everything as usual while the collector waits; it runs again
when the last pause ends (nested and concurrent pauses share one).

Printing does make cycles (a form's document, frames, canvas and flowables point at each
other), so the collector must keep running there, but it spent 7-9 % of a batch's time: its
full walks went through everything the open app holds (SQLAlchemy, the models, the services),
and its young walks ran every 700 new objects. `collector_spared` sets what the process held
before the batch aside (``gc.freeze``) and lets more new objects pile up between walks; a
batch of 199 forms then spent 0.24-0.37 s in the collector against 0.57-0.72 s.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many pauses are under way, and whether the collector ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.was_enabled = False


_PAUSES = _Pauses()

#: New objects the collector lets pile up before a young walk inside `collector_spared`
#: (Python's default is 700): a form's drawing makes tens of thousands, and few live long.
SPARED_THRESHOLD = 5_000


class _Spares:
    """How many spared blocks are under way, and the thresholds from before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.thresholds: tuple[int, int, int] = gc.get_threshold()


_SPARES = _Spares()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic collector off inside the block (as it was before, once all have ended)."""
    pauses = _PAUSES
    with pauses.lock:
        if pauses.depth == 0:
            pauses.was_enabled = gc.isenabled()
            gc.disable()
        pauses.depth += 1
    try:
        yield
    finally:
        with pauses.lock:
            pauses.depth -= 1
            if pauses.depth == 0 and pauses.was_enabled:
                gc.enable()


@contextmanager
def collector_spared() -> Iterator[None]:
    """Inside the block the collector leaves what the process held before it alone.

    It still collects the block's own cycles, with fewer young walks. After the last block
    ends, the objects set aside are walked again as before (a cycle left among them is
    collected then) and the thresholds are as they were.
    """
    _enter_spared()
    try:
        yield
    finally:
        spares = _SPARES
        with spares.lock:
            spares.depth -= 1
            if spares.depth == 0:
                gc.unfreeze()
                gc.set_threshold(*spares.thresholds)


def spare_from_now() -> None:
    """`collector_spared` for the rest of the process (a printing worker process)."""
    _enter_spared()  # never left


def _enter_spared() -> None:
    spares = _SPARES
    with spares.lock:
        if spares.depth == 0:
            spares.thresholds = gc.get_threshold()
            gc.freeze()
            _young, *older = spares.thresholds
            gc.set_threshold(SPARED_THRESHOLD, *older)
        spares.depth += 1
