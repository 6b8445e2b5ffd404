"""Beranda's checks in a worker process, so the GUI process's interpreter stays free.

The checks build rows and items in long stretches of Python; on a thread of the GUI process
they hold its GIL, and a search typed meanwhile waits for it at each of its SQLite calls. Here
they run in one process of their own, started on first use and kept for the session (its start,
a fresh interpreter importing the services, costs about a second of CPU, paid once, not on
every refresh). It opens the file read-only with its own connection, runs the checks as the
system account and returns plain items; the caller narrows them to the signed-in account.

The process is spawned, never forked: the GUI process has Qt threads, and a forked copy of them
can hang (as for batch printing, `services/printing/batch_pool.py`; the entry points call
``multiprocessing.freeze_support`` for the frozen build). `close` ends it at once, even in the
middle of a check: a caller waiting for it gets `ChecksStoppedError`.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database, make_read_only_engine
from kinerja_desktop.domain.attention import AttentionItem
from kinerja_desktop.domain.errors import DomainError

Check = Callable[[Session, date], list[AttentionItem]]
#: The checks, or a module-level function returning them (pickled by reference).
GivenChecks = Sequence[Check] | Callable[[], Sequence[Check]]

STOPPED = "Pemeriksaan dihentikan karena jendela ditutup."


class ChecksStoppedError(DomainError):
    """The check process was ended (the window closed) before it answered."""


class _Worker:
    """The check process's open file and checks (one per process)."""

    def __init__(self, path: Path, given: GivenChecks) -> None:
        self.database = Database(path, make_read_only_engine(path), read_only=True)
        self.checks = tuple(given() if callable(given) else given)
        self.restores = 0


_here: list[_Worker] = []


def _start(path: Path, given: GivenChecks) -> None:
    _here[:] = [_Worker(path, given)]


def _run(today: date, restores: int) -> list[AttentionItem]:
    worker = _here[0]
    if restores != worker.restores:
        # The caller's file was restored since: its quick_check verdict is forgotten here too.
        worker.database.announce(frozenset())
        worker.restores = restores
    with worker.database.reading() as session:
        return [item for check in worker.checks for item in check(session, today)]


class CheckProcess:
    """Runs the checks in one worker process for the file at ``path``.

    Args:
        path: The database file (opened read-only in the process).
        given: The checks: top-level functions, or a top-level function returning them.
    """

    def __init__(self, path: Path, given: GivenChecks) -> None:
        self._path = path
        self._given = given
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._pool is not None

    def items(self, today: date, restores: int) -> list[AttentionItem]:
        """Every check's items for ``today``, unnarrowed.

        Args:
            today: The day the checks take as today.
            restores: How many times the caller's file was replaced outside a transaction
                (`Database.restores`); a change makes the process check the file again.

        Raises:
            ChecksStoppedError: `close` ended the process before it answered.
        """
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self._path, self._given),
                )
            pool = self._pool
        try:
            return pool.submit(_run, today, restores).result()
        except (BrokenProcessPool, RuntimeError) as error:
            # RuntimeError: submitted after close (a shut-down pool refuses new work).
            raise ChecksStoppedError(STOPPED) from error

    def close(self) -> None:
        """End the process now, without waiting for a check under way."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes: dict[Any, Any] = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
