"""Damaged and unusable files: explained in Indonesian, refused, and left exactly as they were."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.data.opening import inspect_file, open_database
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.platform.health import check_database

#: Raw driver text that must never reach the user.
ENGLISH_SQLITE_TEXT = ("not a database", "malformed", "disk image", "unable to open", "corrupt")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def assert_clear_indonesian(problem: str | None, expected: str) -> None:
    assert problem is not None
    assert expected in problem
    assert not any(english in problem for english in ENGLISH_SQLITE_TEXT), problem


@pytest.fixture(scope="module")
def healthy_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real database at head (WAL mode) with some rows, as bytes: about 20 pages."""
    path = tmp_path_factory.mktemp("healthy") / "kantor.sqlite"
    database = open_database(path)
    try:
        with database.transaction() as session:
            session.execute(
                text("INSERT INTO units (id, name, kind, city) VALUES (1, 'Kec', 'INSTANSI', '')")
            )
            for number in range(40):
                session.execute(
                    text(
                        "INSERT INTO employees (nip, name, gelar_depan, gelar_belakang, status, "
                        "golongan, jabatan, jabatan_kind, unit_id, active, version) VALUES "
                        "(:nip, :name, '', '', 'PNS', 'III/a', 'Staf', 'PELAKSANA', 1, 1, 1)"
                    ),
                    {"nip": str(198001012006041000 + number), "name": f"Pegawai {number}"},
                )
    finally:
        database.dispose()
    return path.read_bytes()


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def flip(data: bytes, offset: int) -> bytes:
    damaged = bytearray(data)
    damaged[offset] ^= 0xFF
    return bytes(damaged)


def broken_reference(data: bytes, path: Path) -> bytes:
    """A well-formed file whose employee points at a unit that does not exist."""
    path.write_bytes(data)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("UPDATE employees SET unit_id = 999 WHERE nip = '198001012006041000'")
        connection.commit()
    return path.read_bytes()


#: name -> (how to damage a healthy file, words the explanation must contain)
DAMAGE: dict[str, tuple[Callable[[bytes, Path], bytes], str]] = {
    "random-bytes": (lambda _data, _path: random.Random(7).randbytes(8192), "bukan berkas SQLite"),
    "zeros": (lambda _data, _path: bytes(8192), "bukan berkas SQLite"),
    "header-only": (lambda data, _path: data[:100], "rusak"),
    "first-3-pages": (lambda data, _path: data[: 3 * page_size(data)], "rusak"),
    "flipped-magic-byte": (lambda data, _path: flip(data, 3), "bukan berkas SQLite"),
    "flipped-page-size": (lambda data, _path: flip(data, 16), "bukan basis data"),
    "flipped-payload-fraction": (lambda data, _path: flip(data, 21), "bukan basis data"),
    "flipped-page-count": (lambda data, _path: flip(data, 28), "rusak"),
    "damaged-btree-page": (
        lambda data, _path: flip(data, page_size(data) + 1),
        "pemeriksaan integritas gagal",
    ),
    "broken-reference": (broken_reference, "rujukan"),
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(
    request: pytest.FixtureRequest, healthy_bytes: bytes, tmp_path: Path
) -> tuple[Path, str]:
    """A damaged file alone in its folder, and the words its explanation must contain."""
    make, expected = DAMAGE[request.param]
    scratch = tmp_path / "scratch.sqlite"
    content = make(healthy_bytes, scratch)
    scratch.unlink(missing_ok=True)
    folder = tmp_path / "kantor"
    folder.mkdir()
    path = folder / "kinerja.sqlite"
    path.write_bytes(content)
    return path, expected


def test_damage_is_explained_in_indonesian(damaged: tuple[Path, str]) -> None:
    path, expected = damaged
    health = inspect_file(path)
    assert health.exists
    assert not health.healthy
    assert_clear_indonesian(health.problem, expected)


@pytest.mark.parametrize("create", [True, False])
def test_damaged_file_is_refused_and_left_byte_for_byte(
    damaged: tuple[Path, str], create: bool
) -> None:
    path, expected = damaged
    before = digest(path)

    with pytest.raises(StorageError) as raised:
        open_database(path, create=create)

    assert_clear_indonesian(raised.value.message, expected)
    assert raised.value.message == inspect_file(path).problem
    assert digest(path) == before
    # No -wal/-shm/-journal and no backups folder beside it: nothing was written at all.
    assert folder_listing(path.parent) == [path.name]


def test_inspecting_twice_gives_the_same_answer_and_changes_nothing(
    damaged: tuple[Path, str],
) -> None:
    path, _expected = damaged
    before = digest(path)
    assert inspect_file(path, thorough=True).problem == inspect_file(path, thorough=True).problem
    assert digest(path) == before
    assert folder_listing(path.parent) == [path.name]


def test_directory_path_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    path.mkdir()
    before = folder_listing(tmp_path)

    health = inspect_file(path)
    assert health.exists
    assert_clear_indonesian(health.problem, "folder")
    with pytest.raises(StorageError, match="folder"):
        open_database(path)

    assert path.is_dir()
    assert folder_listing(tmp_path) == before


def test_missing_file_without_create_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    path = tmp_path / "belum-ada" / "kinerja.sqlite"

    health = inspect_file(path)
    assert not health.exists
    assert_clear_indonesian(health.problem, "tidak ada")
    with pytest.raises(StorageError, match="tidak ada"):
        open_database(path, create=False)

    assert not path.parent.exists()


def test_missing_file_with_create_is_made_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "baru" / "kinerja.sqlite"
    open_database(path).dispose()
    assert inspect_file(path).healthy


def test_healthy_file_is_inspected_without_leaving_anything(
    healthy_bytes: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "kinerja.sqlite"
    path.write_bytes(healthy_bytes)

    health = inspect_file(path, thorough=True)

    assert health.healthy
    assert health.integrity == ("ok",)
    assert health.revision == head_revision()
    assert path.read_bytes() == healthy_bytes
    assert folder_listing(tmp_path) == [path.name]


# --- services/health.check_database (the `check` command) -----------------------------------


def test_check_database_on_a_healthy_file(healthy_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    path.write_bytes(healthy_bytes)

    report = check_database(path)

    assert report.healthy
    head = head_revision()
    assert report.lines == (
        f"Berkas: {path}",
        "Integritas: baik (integrity_check ok, foreign_key_check bersih)",
        f"Versi skema: {head} (aplikasi: {head}); terbaru",
        "Catatan audit: 0 catatan, rantai utuh; 0 rekaman tersegel cocok dengan segelnya.",
        f"Bukti dukung: 0 berkas utuh (0 byte) di folder {tmp_path / 'evidence'}, cocok dengan "
        "SHA-256-nya.",
    )
    assert path.read_bytes() == healthy_bytes
    assert folder_listing(tmp_path) == [path.name]


def test_check_database_on_a_damaged_file(damaged: tuple[Path, str]) -> None:
    path, expected = damaged
    before = digest(path)

    report = check_database(path)

    assert not report.healthy
    assert report.lines[0] == f"Berkas: {path}"
    assert report.lines[1].startswith("Masalah: ")
    assert expected in report.lines[1]
    assert digest(path) == before
    assert folder_listing(path.parent) == [path.name]


def test_check_runs_the_full_integrity_check(healthy_bytes: bytes, tmp_path: Path) -> None:
    """An index that disagrees with its table passes quick_check (used when opening) but not
    integrity_check (used by `check`), which lists what it found."""
    path = tmp_path / "kinerja.sqlite"
    path.write_bytes(healthy_bytes)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_employees_name ON employees (jabatan)'"
            " WHERE name = 'ix_employees_name'"
        )
        connection.commit()

    assert inspect_file(path).healthy
    report = check_database(path)

    assert not report.healthy
    assert "pemeriksaan integritas gagal" in report.lines[1]
    assert "  row 1 missing from index ix_employees_name" in report.lines


def test_check_database_on_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.sqlite"
    report = check_database(path)
    assert not report.healthy
    assert report.lines == (f"Berkas: {path}", f"Masalah: Berkas basis data tidak ada: {path}")
    assert not path.exists()


def test_file_that_sqlite_opens_read_only_is_refused(healthy_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    damaged = bytearray(healthy_bytes)
    damaged[18] = 3  # file format write version 3: "the database is read-only"
    path.write_bytes(bytes(damaged))
    try:
        database = open_database(path)
    except StorageError as error:
        assert_clear_indonesian(error.message, "")
    else:
        database.dispose()
        pytest.fail("open_database accepted a file it cannot write to")
    assert path.read_bytes() == bytes(damaged)


def test_a_large_file_opens_after_header_and_schema_checks_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the size limit the quick check moves to Beranda's background checks."""
    from kinerja_desktop.data import opening

    path = tmp_path / "besar.sqlite"
    opening.open_database(path).dispose()
    monkeypatch.setattr(opening, "QUICK_CHECK_AT_OPEN_MAX", 0)
    health = opening.inspect_file(path)
    assert health.healthy
    assert health.integrity == ("deferred",)
    assert opening.inspect_file(path, thorough=True).integrity == ("ok",)  # `check` stays full
