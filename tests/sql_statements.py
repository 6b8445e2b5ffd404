"""Counting the SQL a piece of the app runs, for tests that keep a read's cost fixed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from kinerja_desktop.services.app_services import AppServices


@contextmanager
def statements_of(services: AppServices) -> Iterator[list[str]]:
    """Every SQL statement the services' engine runs inside the block, on one line each."""
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(" ".join(str(args[2]).split()))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)
