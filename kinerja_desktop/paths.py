"""Where the app keeps its files; the one place that knows about frozen builds.

Every location can be redirected with the ``KINERJA_DATA_DIR`` environment variable (tests and
portable installs use it); ``--db PATH`` on the command line overrides the database file alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "KinerjaDesktop"
APP_AUTHOR = "KinerjaDesktop"
DATABASE_FILENAME = "kinerja.sqlite"


def data_dir() -> Path:
    """Return the folder that holds the database, backups and evidence files."""
    override = os.environ.get("KINERJA_DATA_DIR")
    if override:
        return Path(override)
    return Path(PlatformDirs(APP_NAME, APP_AUTHOR).user_data_dir)


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def backup_dir_for(database: Path) -> Path:
    """Return the folder for automatic backups of ``database`` (beside the file)."""
    return database.parent / "backups"


def resource_path(*parts: str) -> Path:
    """Return a path inside ``resources/``, in a source checkout or a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
