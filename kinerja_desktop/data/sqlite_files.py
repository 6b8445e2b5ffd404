"""Facts about SQLite files on disk that several modules need."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
#: Header bytes 18 and 19 are the read and write format versions; above 2 SQLite opens the
#: file read-only (a newer file format), and the first save would fail.
FORMAT_VERSION_OFFSET = 18


def read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def format_too_new(header: bytes) -> bool:
    """Return whether a 100-byte header asks for a newer SQLite file format than ours."""
    versions = header[FORMAT_VERSION_OFFSET : FORMAT_VERSION_OFFSET + 2]
    return len(versions) == 2 and max(versions) > 2


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@contextmanager
def leave_no_sidecars(path: Path) -> Iterator[None]:
    """Remove the -wal/-shm files that a read-only look at a WAL file creates, if we made them.

    Files that existed before belong to another connection (maybe another process) and stay.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    made_here = [sidecar for sidecar in sidecars if not sidecar.exists()]
    try:
        yield
    finally:
        wal = sidecars[0]
        if made_here and (not wal.exists() or wal.stat().st_size == 0):
            for sidecar in made_here:
                sidecar.unlink(missing_ok=True)
