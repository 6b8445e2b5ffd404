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


#: SQLite's files beside a database: the write-ahead log and its shared-memory index.
WAL_SUFFIX = "-wal"
SHM_SUFFIX = "-shm"
JOURNAL_SUFFIX = "-journal"


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def can_write(path: Path) -> bool:
    """Whether this process may write ``path``.

    The one place that asks the operating system, so tests can stand in for a read-only file
    or folder: they run as root, whom permission bits do not stop.
    """
    return os.access(path, os.W_OK)


def _holds_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only.

    SQLite needs a ``-shm`` file to read a WAL database, and cannot create one in a folder it
    may not write. When no journal holds anything (the file alone is the whole database), the
    file is then opened ``immutable``: read as it is, without ``-wal``/``-shm`` or locks.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    journals = (sidecar(path, WAL_SUFFIX), sidecar(path, JOURNAL_SUFFIX))
    if not can_write(path.parent) and not any(_holds_content(j) for j in journals):
        uri += "&immutable=1"
    return uri


def unreadable_log(path: Path) -> str | None:
    """Why a WAL file in a read-only folder cannot be read at all, or None when it can.

    Its ``-wal`` holds saved changes not yet in the file, and SQLite needs a ``-shm`` beside
    it to read them, which it cannot create there. The ``-wal`` must never be deleted.
    """
    wal, shm = sidecar(path, WAL_SUFFIX), sidecar(path, SHM_SUFFIX)
    if can_write(path.parent) or not _holds_content(wal) or shm.exists():
        return None
    return (
        f"Berkas {wal.name} di samping basis data berisi perubahan tersimpan yang belum masuk ke "
        f"berkas {path.name}, dan folder {path.parent} tidak dapat ditulisi, sehingga SQLite "
        f"tidak dapat membacanya. Jangan hapus {wal.name}: isinya data. Beri izin tulis pada "
        f"folder itu, atau salin {path.name} bersama {wal.name} ke folder yang dapat ditulisi, "
        "lalu buka dari sana; berkas tidak diubah."
    )


def write_block(path: Path) -> str | None:
    """What stops this process from writing the database ``path``, or None when nothing does.

    The answer names the file or folder and says what to do, for the read-only banner. A
    ``-shm`` left unwritable by another user or a crash is named too; the one writer may
    replace it first (:func:`replace_unwritable_shm`).
    """
    wal, shm = sidecar(path, WAL_SUFFIX), sidecar(path, SHM_SUFFIX)
    left_by_another = (
        "mungkin milik pengguna lain, atau tertinggal dari aplikasi yang berhenti mendadak"
    )
    if not can_write(path):
        return (
            f"Berkas {path.name} tidak dapat ditulisi (hanya-baca). Periksa izin berkas itu, "
            "atau salin ke folder yang dapat ditulisi, lalu buka kembali."
        )
    if not can_write(path.parent):
        return (
            f"Folder {path.parent} tidak dapat ditulisi, jadi berkas kerja SQLite ({wal.name}, "
            f"{shm.name}), kunci dan cadangan tidak dapat dibuat di sana. Beri izin tulis pada "
            f"folder itu, atau salin {path.name} ke folder yang dapat ditulisi, lalu buka kembali."
        )
    if wal.exists() and not can_write(wal):
        return (
            f"Berkas kerja {wal.name} tidak dapat ditulisi ({left_by_another}). Jangan hapus "
            "berkas itu: isinya data yang sudah disimpan. Kembalikan izin tulisnya (atau buka "
            "dengan akun pemiliknya), lalu buka kembali."
        )
    if shm.exists() and not can_write(shm):
        return (
            f"Berkas kerja {shm.name} tidak dapat ditulisi ({left_by_another}). Tutup aplikasi "
            f"lain yang membuka {path.name}, lalu buka kembali: berkas itu lalu dibuat ulang."
        )
    return None


def replace_unwritable_shm(path: Path) -> bool:
    """Remove a ``-shm`` this process cannot write, so SQLite builds a new one; True if removed.

    Left by another user or a crash, it would make every save fail. The ``-shm`` is only an
    index of the ``-wal`` that SQLite rebuilds from it; the ``-wal`` holds saved data and is
    never touched. Only the holder of the one-writer lock may call this: no other copy of the
    app has the file open then, and sharing a ``-shm`` it replaced would be unsafe.
    """
    shm = sidecar(path, SHM_SUFFIX)
    if not shm.exists() or can_write(shm) or not can_write(path.parent) or not can_write(path):
        return False
    try:
        shm.unlink()
    except OSError:
        return False  # then the file opens read-only, and the banner names the -shm
    return True


def format_too_new(header: bytes) -> bool:
    """Return whether a 100-byte header asks for a newer SQLite file format than ours."""
    versions = header[FORMAT_VERSION_OFFSET : FORMAT_VERSION_OFFSET + 2]
    return len(versions) == 2 and max(versions) > 2


@contextmanager
def leave_no_sidecars(path: Path) -> Iterator[None]:
    """Remove the -wal/-shm files that a read-only look at a WAL file creates, if we made them.

    Files that existed before belong to another connection (maybe another process) and stay.
    """
    sidecars = [sidecar(path, suffix) for suffix in (WAL_SUFFIX, SHM_SUFFIX)]
    made_here = [file for file in sidecars if not file.exists()]
    try:
        yield
    finally:
        wal = sidecars[0]
        if made_here and (not wal.exists() or wal.stat().st_size == 0):
            for file in made_here:
                file.unlink(missing_ok=True)
