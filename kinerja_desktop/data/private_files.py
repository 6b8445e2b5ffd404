"""Files and folders only their owner can read: the database, its backups, the backups folder.

Official appraisals should not be readable by every account on a shared office PC. On POSIX the
modes below are set when the app creates the file or folder (the umask cannot widen them); on
Windows the mode only decides the read-only flag, and the user's profile folder (where the
data folder lives by default) is already private.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Read and write for the owner, nothing for anyone else.
OWNER_ONLY_FILE = 0o600
#: The owner may list, enter and write; nobody else may even see the names inside.
OWNER_ONLY_FOLDER = 0o700


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with owner-only access; an existing file is left alone.

    SQLite treats an empty file as a new database, and its ``-wal``/``-shm``/``-journal``
    files take the database file's permissions.
    """
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    except FileExistsError:
        return
    os.close(handle)


def make_private_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) with owner-only access to the last folder.

    A folder that already exists keeps its mode: it may be one the user chose and shares.
    """
    if path.is_dir():
        return
    path.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, OWNER_ONLY_FOLDER)  # mkdir's mode is filtered by the umask
