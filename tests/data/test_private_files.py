"""The database, its backups and the backups folder are readable by their owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kinerja_desktop.data.backup import backup_before, backup_folder
from kinerja_desktop.domain.backup_rotation import BackupKind
from kinerja_desktop.services.app_services import open_services

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def generous_umask() -> object:
    """A umask that would leave new files world-readable, as on many desktops."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_backups_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "kantor" / "kinerja.sqlite"
    services = open_services(path)
    try:
        services.staff.add_unit("Kecamatan Kertapati", None)  # a write: the WAL exists now
        assert mode(path) == 0o600
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            assert mode(wal) == 0o600
        backup = backup_before(path, BackupKind.HARIAN)
        assert mode(backup) == 0o600
        assert mode(backup_folder(path)) == 0o700
        (tmp_path / "usb").mkdir()
        copy = services.backups.backup_to(tmp_path / "usb")
        assert mode(copy) == 0o600
    finally:
        services.close()
    # A folder the user chose keeps its own mode; only what the app creates is tightened.
    assert mode(tmp_path / "usb") == 0o755


def test_an_existing_backups_folder_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    open_services(path).close()
    folder = backup_folder(path)
    if folder.exists():
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    backup = backup_before(path, BackupKind.HARIAN)
    assert mode(folder) == 0o755
    assert mode(backup) == 0o600
