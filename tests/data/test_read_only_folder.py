"""A read-only folder opens read-only with the banner; an unwritable -shm does not fail every save.

The tests set real permission bits. Run by an ordinary user, SQLite and the app meet them as
they are; run as root (CI), whom permission bits do not stop, the app's one question
(``sqlite_files.can_write``) reads the owner's write bit instead, and the tests check what
makes the real case work: no ``-wal``/``-shm`` created in the folder, the ``-shm`` replaced,
the ``-wal`` kept.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from trust_helpers import (
    add_people,
    digest,
    file_mode,
    make_office,
    names,
    permission_bits_stop_root,
)

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_STORAGE
from kinerja_desktop.domain.errors import ReadOnlyError, StorageError
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.platform.recovery import set_aside_if_damaged
from kinerja_desktop.services.platform.startup import open_office

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def sidecar(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "kantor"
    folder.mkdir()
    return make_office(folder / "kantor.sqlite", 2)


@pytest.fixture
def unmerged(tmp_path: Path) -> Path:
    """An office whose last save is still only in its -wal, as a crashed writer leaves it."""
    source = make_office(tmp_path / "sumber" / "kantor.sqlite", 2)
    folder = tmp_path / "kantor"
    folder.mkdir()
    with closing(sqlite3.connect(source, isolation_level=None)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE employees SET name = 'Pegawai Baru' WHERE name = 'Pegawai 1'")
        for name in listing(source.parent):  # copied while open: the -wal holds the update
            shutil.copy2(source.parent / name, folder / name)
    database = folder / "kantor.sqlite"
    assert sidecar(database, "-wal").stat().st_size > 0
    return database


@pytest.fixture(autouse=True)
def permission_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    permission_bits_stop_root(monkeypatch)


# --- a read-only folder ----------------------------------------------------------------------


@pytest.mark.parametrize("file_bits", [0o600, 0o400], ids=["file-writable", "file-read-only"])
def test_a_read_only_folder_opens_read_only_and_needs_no_new_file(
    office: Path, file_bits: int
) -> None:
    folder = office.parent
    before, content = listing(folder), digest(office)
    with file_mode(office, file_bits), file_mode(folder, 0o500):
        services = open_office(office)
        try:
            assert services.read_only
            # SQLite could not create these in a folder it may not write: it must not need them.
            assert not sidecar(office, "-wal").exists() and not sidecar(office, "-shm").exists()
            assert services.staff.count() == 2
            (banner,) = [w for w in services.warnings if "hanya-baca" in w]
            named = str(folder) if file_bits == 0o600 else office.name
            assert named in banner
            with pytest.raises(ReadOnlyError) as refused:
                add_people(services, 1, start=10)
            assert named in refused.value.message
        finally:
            services.close()
    assert listing(folder) == before
    assert digest(office) == content


def test_a_saved_wal_in_a_read_only_folder_is_refused_naming_it_and_kept(unmerged: Path) -> None:
    folder = unmerged.parent
    sidecar(unmerged, "-shm").unlink()  # SQLite would need to create it to read the -wal
    before = {name: digest(folder / name) for name in listing(folder)}
    with file_mode(folder, 0o500):
        assert set_aside_if_damaged(unmerged) is None  # not damage: never moved aside
        with pytest.raises(StorageError) as refused:
            open_office(unmerged)
    assert "kantor.sqlite-wal" in refused.value.message
    assert "Jangan hapus" in refused.value.message
    assert {name: digest(folder / name) for name in listing(folder)} == before


# --- a -wal or -shm left unwritable ------------------------------------------------------------


def test_the_lock_holder_replaces_an_unwritable_shm_and_keeps_the_wal(unmerged: Path) -> None:
    shm = sidecar(unmerged, "-shm")
    os.chmod(shm, 0o400)  # left by another user, or a crash
    services = open_office(unmerged)
    try:
        assert not services.read_only
        assert not shm.exists() or shm.stat().st_mode & stat.S_IWUSR  # SQLite made it anew
        add_people(services, 1, start=10)
    finally:
        services.close()
    assert names(unmerged) == ["Pegawai 0", "Pegawai 10", "Pegawai Baru"]


def test_without_the_lock_an_unwritable_shm_opens_read_only_naming_it(unmerged: Path) -> None:
    shm = sidecar(unmerged, "-shm")
    os.chmod(shm, 0o400)
    services = open_services(unmerged, create=False)  # a command that takes no lock
    try:
        assert services.read_only
        assert any("kantor.sqlite-shm" in warning for warning in services.warnings)
        assert [p.name for p in services.staff.search_people("Pegawai Baru")] == ["Pegawai Baru"]
    finally:
        services.close()
    assert shm.exists()


def test_an_unwritable_wal_is_never_removed_and_the_file_opens_read_only(unmerged: Path) -> None:
    wal = sidecar(unmerged, "-wal")
    os.chmod(wal, 0o400)
    services = open_office(unmerged)
    try:
        assert services.read_only
        (banner,) = [w for w in services.warnings if "hanya-baca" in w]
        assert "kantor.sqlite-wal" in banner and "Jangan hapus" in banner
        assert [p.name for p in services.staff.search_people("Pegawai Baru")] == ["Pegawai Baru"]
    finally:
        services.close()
    assert wal.exists() and wal.stat().st_size > 0


def test_a_new_office_in_a_read_only_folder_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    with file_mode(folder, 0o500):
        assert main(["demo", "--db", str(folder / "kantor.sqlite")]) == EXIT_STORAGE
    said = capsys.readouterr()
    assert str(folder) in said.err and "tidak dapat ditulisi" in said.err
    assert "Traceback" not in said.err
    assert listing(folder) == []
