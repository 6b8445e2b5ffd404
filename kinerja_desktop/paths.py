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


def config_dir() -> Path:
    """Return the folder of the app's settings: window layout, saved server connections."""
    return data_dir() / "settings"


def connections_file() -> Path:
    """Return the JSON file of the saved server connections (never their passwords)."""
    return config_dir() / "connections.json"


def server_home(key: str) -> Path:
    """Return the folder kept beside a server database (opened evidence files, the seal anchor).

    Args:
        key: The server's ``user@host:port/database``; each server gets its own folder.
    """
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in key)
    return data_dir() / "servers" / safe


def backup_dir_for(database: Path) -> Path:
    """Return the folder for automatic backups of ``database`` (beside the file)."""
    return database.parent / "backups"


def resource_path(*parts: str) -> Path:
    """Return a path inside ``resources/``, in a source checkout or a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
