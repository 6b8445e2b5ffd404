"""A full disk is a full disk, not damage: the healthy file stays in place, the user is told.

The disk is "full" through the file-size limit (tests/disk_limits.py), no root needed: SQLite
cannot create the 32 KiB ``-shm`` it needs to read a WAL file, and reports "disk I/O error".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from disk_limits import FULL, NEARLY_FULL, file_size_limit, run_cli_on_full_disk
from trust_helpers import digest, make_office

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_OK, EXIT_STORAGE
from kinerja_desktop.data.lock import acquire_lock, lock_path
from kinerja_desktop.data.opening import inspect_file
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.platform.recovery import set_aside_if_damaged

pytestmark = pytest.mark.skipif(
    not hasattr(__import__("os"), "fork"), reason="RLIMIT_FSIZE is POSIX only"
)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "kantor"
    folder.mkdir()
    return make_office(folder / "kinerja.sqlite", 2)


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_a_full_disk_is_not_damage(office: Path) -> None:
    with file_size_limit(NEARLY_FULL):
        health = inspect_file(office)
        assert set_aside_if_damaged(office) is None
    assert not health.damaged
    assert health.problem is not None and "Kosongkan ruang disk" in health.problem
    assert listing(office.parent) == ["kinerja.sqlite"]


def test_check_on_a_full_disk_says_so_and_changes_nothing(office: Path) -> None:
    before = digest(office)
    result = run_cli_on_full_disk(["check", "--db", str(office)], NEARLY_FULL)
    assert result.returncode == EXIT_STORAGE, result
    assert "Kosongkan ruang disk" in result.stdout
    assert "Traceback" not in result.stderr
    assert digest(office) == before
    assert listing(office.parent) == ["kinerja.sqlite"]


def test_restore_on_a_full_disk_never_moves_the_healthy_file_aside(
    office: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "cadangan.sqlite"
    assert main(["backup", "--db", str(office), "--to", str(backup)]) == EXIT_OK
    before = digest(office)
    result = run_cli_on_full_disk(
        ["restore", "--db", str(office), "--from", str(backup)], NEARLY_FULL
    )
    assert result.returncode == EXIT_STORAGE, result
    assert "Kosongkan ruang disk" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(office) == before
    assert not list(office.parent.glob("*.rusak-*"))
    assert not lock_path(office).exists()


def test_no_room_for_the_lock_file_is_a_clear_message(office: Path, tmp_path: Path) -> None:
    backup = tmp_path / "cadangan.sqlite"
    assert main(["backup", "--db", str(office), "--to", str(backup)]) == EXIT_OK
    before = digest(office)
    result = run_cli_on_full_disk(["restore", "--db", str(office), "--from", str(backup)], FULL)
    assert result.returncode == EXIT_STORAGE, result
    assert "Penyimpanan penuh" in result.stderr
    assert "kinerja.sqlite.lock" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(office) == before
    assert listing(office.parent) == ["kinerja.sqlite"]


def test_the_lock_on_a_full_disk_raises_a_storage_error_and_leaves_nothing(office: Path) -> None:
    with file_size_limit(FULL), pytest.raises(StorageError) as raised:
        acquire_lock(office)
    assert "Kosongkan ruang disk" in raised.value.message
    assert listing(office.parent) == ["kinerja.sqlite"]
