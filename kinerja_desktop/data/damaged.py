"""Move a damaged database file aside, with its journal files, so a backup can take its place.

Nothing is deleted: ``kinerja.sqlite`` becomes ``kinerja.sqlite.rusak-20261128-093000`` and its
``-wal``/``-shm``/``-journal`` files follow under the matching names, so that SQLite pairs them
again if someone opens the moved file to rescue what is in it.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from kinerja_desktop.data.backup import fsync_directory

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
ASIDE_MARK = ".rusak-"


def _free_name(path: Path, stamp: str) -> Path:
    sequence = 1
    while True:
        suffix = f"{ASIDE_MARK}{stamp}" + (f"-{sequence}" if sequence > 1 else "")
        candidate = path.with_name(path.name + suffix)
        taken = [candidate, *(candidate.with_name(candidate.name + s) for s in SIDECAR_SUFFIXES)]
        if not any(p.exists() for p in taken):
            return candidate
        sequence += 1


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` and its journal files out of the way; return the new name of ``path``.

    The journal files move first: if the power fails in between, the damaged file stays where
    it was (and is found damaged again) rather than a new file meeting an old journal.

    Raises:
        OSError: the folder cannot be written; what was already moved stays moved.
    """
    aside = _free_name(path, (now or datetime.now()).strftime("%Y%m%d-%H%M%S"))
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + suffix))
    os.replace(path, aside)
    fsync_directory(path.parent)
    return aside
