"""A big batch printed by worker processes as well as by the calling process.

Rendering is pure Python, so one process uses one core. A batch of at least :data:`POOL_MIN`
documents is split into chunks of :data:`CHUNK_SIZE`; ``workers - 1`` worker processes and the
calling process take chunks until none is left. The calling process starts at once, so the
workers' start (a fresh interpreter each: about a second) is not waited for.

Each worker opens the office file read-only with its own connection (an office on a server:
its own read-only connection to the server), reads a chunk in one read transaction, renders
and writes each PDF whole (:mod:`pdf_files`) and returns only what is recorded of each
document (:class:`IssuedDocument`) or why it was skipped. The calling process
records the codes of every finished chunk in one write transaction, in the database it already
has open, so what is recorded and how it is verified are the same as for a batch printed in
one process.

Workers are started with the "spawn" method, never forked: the GUI process has Qt threads, and
a forked copy of them can hang. A cancel (or an error) stops handing out chunks and sets an
event that each worker checks before every document, so a worker ends after the document it
is writing; every file written is whole and recorded.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.data.database import Database, make_read_only_engine, make_server_engine
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.collector import spare_from_now
from kinerja_desktop.services.printing.pdf_files import FileWriteError, save_pdf
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.service import (
    IssuedDocument,
    PrintingService,
    WorkerSetup,
)

#: Below this many documents a batch stays in one process: starting a worker costs about as
#: much as printing 40 forms.
POOL_MIN = 64
#: Documents per chunk handed to a worker (read in one transaction). Small enough that the
#: last chunks end close together; a chunk's own reads cost about one document's.
CHUNK_SIZE = 8
#: A worker that stops answering a cancel is waited for at most this long, then terminated.
STOP_WAIT_SECONDS = 30.0

BROKEN_WORKER = (
    "Proses pencetak berhenti tiba-tiba (mungkin memori habis). Berkas yang sudah ditulis "
    "tetap ada dan tercatat; cetak ulang sisanya."
)


def default_workers() -> int:
    """One worker per core of this machine (the calling process is one of them)."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    """One document of a chunk: its place in the batch, what to print and where."""

    index: int
    request: PrintRequest
    target: Path


@dataclass(frozen=True)
class Outcome:
    """What became of one document: written and recorded, or skipped with the reason."""

    index: int
    issued: IssuedDocument | None = None
    written: Path | None = None
    reason: str = ""


@dataclass
class ChunkOutcome:
    outcomes: list[Outcome] = field(default_factory=list)
    #: A file could not be written (its Indonesian message); the chunk stopped there.
    write_error: str = ""
    #: The chunk stopped early because the batch was cancelled.
    stopped: bool = False


def print_chunk(
    printing: PrintingService,
    jobs: Sequence[Job],
    paper: Paper,
    stopped: Callable[[], bool],
    done: Callable[[Job], None] | None = None,
) -> ChunkOutcome:
    """Read ``jobs`` in one transaction, then render and write each; nothing is recorded here.

    ``stopped`` is asked before every document but the first; ``done`` hears each finished one.
    """
    result = ChunkOutcome()
    built = printing.prepare_many([job.request for job in jobs])
    for offset, (job, prepared) in enumerate(zip(jobs, built, strict=True)):
        if offset and stopped():
            result.stopped = True
            break
        if isinstance(prepared, DomainError):
            result.outcomes.append(Outcome(job.index, reason=prepared.message))
        else:
            try:
                path = save_pdf(job.target, printing.render(prepared, paper))
            except FileWriteError as error:
                result.write_error = error.message
                break
            result.outcomes.append(Outcome(job.index, prepared.issued, path))
        if done is not None:
            done(job)
    return result


# --- inside a worker process ----------------------------------------------------------------


@dataclass
class _WorkerState:
    service: PrintingService
    paper: Paper
    stop: Any  # a multiprocessing Event


#: This worker process's open office (set by the pool's initializer).
_here: list[_WorkerState] = []


def _start_worker(setup: WorkerSetup, paper: Paper, stop: Any) -> None:
    """Open the office read-only, with this process's own connection, as the system account.

    The calling process checked the account's right to every document before handing it out.
    """
    engine = (
        make_server_engine(setup.server_url)
        if setup.server_url is not None
        else make_read_only_engine(setup.database)
    )
    database = Database(setup.database, engine, read_only=True)
    service = PrintingService(
        database, AccessGuard.system(database), setup.fonts_dir, setup.key_folder
    )
    _here[:] = [_WorkerState(service, paper, stop)]
    spare_from_now()
    atexit.register(_leave_at_once)


def _leave_at_once() -> None:
    """End the worker process without taking its interpreter apart.

    Taking apart a worker that loaded SQLAlchemy and reportlab took 0.4 s, which the calling
    process waited for at the end of every batch. By the time this runs, every file the
    worker wrote is whole and closed (:mod:`pdf_files`), its office connection only read, and
    multiprocessing has sent its last results (its queues are flushed before ``atexit``).
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


def _work(jobs: list[Job]) -> ChunkOutcome:
    state = _here[0]
    return print_chunk(state.service, jobs, state.paper, state.stop.is_set)


# --- in the calling process -----------------------------------------------------------------


@dataclass
class PoolResult:
    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False


def run_pooled(
    printing: PrintingService,
    jobs: Sequence[Job],
    paper: Paper,
    workers: int,
    *,
    record: Callable[[list[IssuedDocument]], None],
    progress: Callable[[Job], None],
    cancelled: Callable[[], bool],
) -> PoolResult:
    """Print ``jobs`` with ``workers - 1`` worker processes and this process.

    Every finished chunk's documents are handed to ``record`` (one write transaction) before the
    next chunk is taken, also after a cancel or an error.

    Raises:
        FileWriteError: a file could not be written; the batch stopped, what was written before
            is recorded.
        DomainError: a worker process died (:data:`BROKEN_WORKER`), or the installation key
            cannot be used.
    """
    run = _PooledRun(printing, paper, record, progress, cancelled)
    run.run(jobs, workers)
    return run.result


class _PooledRun:
    def __init__(
        self,
        printing: PrintingService,
        paper: Paper,
        record: Callable[[list[IssuedDocument]], None],
        progress: Callable[[Job], None],
        cancelled: Callable[[], bool],
    ) -> None:
        self.printing = printing
        self.paper = paper
        self.record = record
        self.progress = progress
        self.cancelled = cancelled
        self.result = PoolResult()
        self.failure: BaseException | None = None
        self.running: dict[Future[ChunkOutcome], list[Job]] = {}

    def finish(self, chunk: ChunkOutcome) -> None:
        self.result.outcomes.extend(chunk.outcomes)
        self.record([o.issued for o in chunk.outcomes if o.issued is not None])
        if chunk.write_error and self.failure is None:
            self.failure = FileWriteError(chunk.write_error)

    def run(self, jobs: Sequence[Job], workers: int) -> None:
        setup = self.printing.worker_setup()
        chunks = [list(jobs[at : at + CHUNK_SIZE]) for at in range(0, len(jobs), CHUNK_SIZE)]
        chunks.reverse()  # popped from the end: in filing order
        context = multiprocessing.get_context("spawn")
        stop = context.Event()
        pool = ProcessPoolExecutor(
            max_workers=workers - 1,
            mp_context=context,
            initializer=_start_worker,
            initargs=(setup, self.paper, stop),
        )
        try:
            self._hand_out(pool, chunks, workers)
        except BrokenProcessPool as error:
            self.failure = DomainError(BROKEN_WORKER)
            self.failure.__cause__ = error
        except BaseException as error:
            self.failure = error
        finally:
            self._stop(pool, stop)
        if self.failure is not None:
            raise self.failure

    def _hand_out(self, pool: ProcessPoolExecutor, chunks: list[list[Job]], workers: int) -> None:
        """Keep each worker on one chunk and take chunks here in between, until all are printed.

        Between two of its own documents this process hands a new chunk to a worker that has
        finished, so no worker waits for a whole chunk of this process; and no chunk waits in
        a worker's queue while this process could take it.
        """

        def mine_done(job: Job) -> None:
            self.progress(job)
            self._top_up(pool, chunks, workers, timeout=0)

        while (chunks or self.running) and self.failure is None:
            if self.cancelled():
                self.result.cancelled = True
                return
            self._top_up(pool, chunks, workers, timeout=0)
            if chunks:
                mine = chunks.pop()
                self.finish(print_chunk(self.printing, mine, self.paper, self.cancelled, mine_done))
            else:
                self._top_up(pool, chunks, workers, timeout=0.2)

    def _going(self) -> bool:
        return self.failure is None and not self.cancelled()

    def _top_up(
        self, pool: ProcessPoolExecutor, chunks: list[list[Job]], workers: int, timeout: float
    ) -> None:
        """Record the workers' finished chunks and give each idle worker the next one."""
        finished, _ = wait(list(self.running), timeout=timeout, return_when=FIRST_COMPLETED)
        for future in finished:
            taken = self.running.pop(future)
            self.finish(future.result())
            for job in taken:
                self.progress(job)
        while chunks and len(self.running) < workers - 1 and self._going():
            taken = chunks.pop()
            self.running[pool.submit(_work, taken)] = taken

    def _stop(self, pool: ProcessPoolExecutor, stop: Any) -> None:
        """Stop the workers after the document each is writing, and record what they wrote."""
        stop.set()
        for future in self.running:
            future.cancel()
        done, late = wait(list(self.running), timeout=STOP_WAIT_SECONDS)
        for future in done:
            if not future.cancelled() and future.exception() is None:
                self.finish(future.result())
        if late:
            # A file in the middle of being written is a temporary file, never a PDF's name.
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
