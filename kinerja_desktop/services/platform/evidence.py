"""Which evidence store a database gets: the folder beside a file, or a server's table."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.data.database import Database
from kinerja_desktop.services.platform.evidence_server import ServerEvidenceStore
from kinerja_desktop.services.platform.evidence_store import EvidenceStore, FolderEvidenceStore


def open_evidence_store(database: Database, folder: Path) -> EvidenceStore:
    """The evidence store of ``database``.

    Args:
        database: A SQLite office or a server database.
        folder: On SQLite the store itself (``evidence/`` beside the file); on a server this
            computer's cache of opened files.
    """
    if database.server:
        return ServerEvidenceStore(database, folder)
    return FolderEvidenceStore(folder)
