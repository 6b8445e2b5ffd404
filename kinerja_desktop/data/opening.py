"""Open a database file safely: inspect it untouched, back it up, migrate, then use it.

Nothing here writes to a file that failed inspection: a damaged file, a file that is not a
database, or one made by a newer version of the app is left byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine

from kinerja_desktop.data import sqlite_files
from kinerja_desktop.data.backup import backup_before
from kinerja_desktop.data.database import Database, make_engine, make_read_only_engine
from kinerja_desktop.data.disk_errors import describe_os_error
from kinerja_desktop.data.migrate import (
    SchemaState,
    head_revision,
    inspect_schema,
    upgrade_to_head,
)
from kinerja_desktop.data.private_files import create_private_file
from kinerja_desktop.data.sqlite_files import (
    SQLITE_HEADER,
    format_too_new,
    leave_no_sidecars,
    read_only_uri,
    unreadable_log,
    write_block,
)
from kinerja_desktop.domain.backup_rotation import BackupKind
from kinerja_desktop.domain.errors import StorageError


@dataclass(frozen=True)
class FileHealth:
    """What a read-only look at a database file found."""

    path: Path
    exists: bool
    problem: str | None = None  # an Indonesian sentence, or None when the file is usable
    integrity: tuple[str, ...] = ()
    foreign_key_problems: int = 0
    schema_state: SchemaState | None = None
    revision: str | None = None
    head: str = field(default_factory=head_revision)

    #: True when the file itself is broken (not SQLite, fails its check, broken references):
    #: the app start moves such a file aside and offers a backup. A file that is merely not
    #: ours, too new, a folder or unreadable is refused and left where it is.
    damaged: bool = False
    #: True for a zero-byte file: refused unless a new office is made on purpose (``create``).
    empty: bool = False

    @property
    def healthy(self) -> bool:
        return self.exists and self.problem is None


#: Up to this size the whole file is checked (``quick_check``) before it is opened: a few
#: milliseconds for an office. A larger file (a benchmark's 20,000 people is 600 MB, about a
#: second) is opened after the header and schema checks, and Beranda runs the quick check
#: in the background (services.attention).
QUICK_CHECK_AT_OPEN_MAX = 64 * 1024 * 1024


def inspect_file(path: Path, *, thorough: bool = False) -> FileHealth:
    """Look at ``path`` without changing it: header, integrity, references, schema version.

    Args:
        path: The database file.
        thorough: Run the full ``integrity_check`` (always, whatever the file's size) instead
            of the faster ``quick_check``.
    """
    if not path.exists():
        return FileHealth(path, exists=False, problem=f"Berkas basis data tidak ada: {path}")
    if path.is_dir():
        return FileHealth(path, exists=True, problem=f"{path} adalah folder, bukan berkas.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return FileHealth(
            path,
            exists=True,
            problem=f"Berkas basis data tidak dapat dibaca. {describe_os_error(error)} "
            "Berkas tidak diubah.",
        )
    if not header:
        return FileHealth(path, exists=True, problem=empty_file_message(path), empty=True)
    if not header.startswith(SQLITE_HEADER):
        return FileHealth(
            path,
            exists=True,
            problem="Berkas ini bukan basis data Kinerja Desktop (bukan berkas SQLite).",
            damaged=True,
        )
    if format_too_new(header):
        return FileHealth(
            path,
            exists=True,
            problem="Format berkas basis data ini lebih baru dari yang dikenal aplikasi, "
            "atau kepala berkasnya rusak; berkas tidak diubah.",
            # SQLite has used format versions 1 and 2 only since 2010: in practice, damage.
            damaged=True,
        )
    unreadable = unreadable_log(path)
    if unreadable:
        return FileHealth(path, exists=True, problem=unreadable)
    deep = thorough or path.stat().st_size <= QUICK_CHECK_AT_OPEN_MAX
    return _inspect_contents(path, thorough=thorough, deep=deep)


def empty_file_message(path: Path) -> str:
    return (
        f"Berkas {path.name} kosong (0 bita), jadi bukan basis data Kinerja Desktop; berkas "
        "tidak diubah. Periksa apakah ini berkas yang benar (mungkin salinannya gagal). Untuk "
        f"membuat kantor baru, buka aplikasi dengan: kinerja-desktop --db {path} lalu pilih "
        f"kantor baru, atau buat kantor contoh dengan: kinerja-desktop demo --db {path}"
    )


def _inspect_contents(path: Path, *, thorough: bool, deep: bool) -> FileHealth:
    with leave_no_sidecars(path):
        return _inspect_connection(path, thorough=thorough, deep=deep)


def _tolerant_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    # A damaged file can hold names that are not UTF-8, and integrity_check quotes them.
    connection.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
    return connection


def _inspect_connection(path: Path, *, thorough: bool, deep: bool) -> FileHealth:
    engine = create_engine("sqlite://", creator=lambda: _tolerant_connection(path))
    try:
        with engine.connect() as connection:
            integrity: tuple[str, ...] = ("deferred",)
            fk_problems = 0
            if deep:
                pragma = "integrity_check" if thorough else "quick_check"
                integrity = tuple(row[0] for row in connection.exec_driver_sql(f"PRAGMA {pragma}"))
                if integrity != ("ok",):
                    return FileHealth(
                        path,
                        exists=True,
                        integrity=integrity,
                        problem="Berkas basis data rusak (pemeriksaan integritas gagal).",
                        damaged=True,
                    )
                fk_problems = len(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            state, revision = inspect_schema(connection)
    except sqlite3.DatabaseError as error:
        return _unreadable(path, error)
    except UnicodeDecodeError:  # SQLite's message quotes damaged bytes that are not UTF-8
        return FileHealth(
            path,
            exists=True,
            problem="Berkas basis data rusak dan tidak dapat dibuka.",
            damaged=True,
        )
    except Exception as error:  # SQLAlchemy wraps the driver's errors
        cause = error.__cause__ or getattr(error, "orig", None)
        if isinstance(cause, sqlite3.DatabaseError):
            return _unreadable(path, cause)
        raise
    finally:
        engine.dispose()
    problem = _schema_problem(state)
    if problem is None and fk_problems:
        problem = (
            f"Ada {fk_problems} rujukan antar-data yang putus (foreign_key_check). "
            "Pulihkan dari cadangan terakhir di folder 'backups' di samping berkas ini."
        )
    return FileHealth(
        path,
        exists=True,
        integrity=integrity,
        foreign_key_problems=fk_problems,
        schema_state=state,
        revision=revision,
        problem=problem,
        damaged=bool(fk_problems) and _schema_problem(state) is None,
    )


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> FileHealth:
    # SQLite raises OperationalError for the disk and the folder (I/O error, full disk, no
    # permission, locked), never for the file's own bytes: such a file is not damaged and must
    # stay where it is. Damage comes as a plain DatabaseError ("not a database", "malformed").
    damaged = not isinstance(error, sqlite3.OperationalError)
    return FileHealth(path, exists=True, problem=_describe_sqlite_error(error), damaged=damaged)


#: SQLite's words for a disk or permission failure while reading, and what to do about it.
_STORAGE_FAILURES = (
    (
        "database or disk is full",
        "Penyimpanan penuh: berkas basis data tidak dapat dibuka karena disk tidak punya ruang "
        "untuk berkas kerjanya (-wal/-shm). Kosongkan ruang disk, lalu coba lagi; berkas tidak "
        "diubah dan tidak rusak.",
    ),
    (
        "disk I/O error",
        "Gagal membaca atau menulis disk saat membuka berkas basis data (disk mungkin penuh "
        "atau bermasalah). Kosongkan ruang disk dan periksa disk atau flashdisk tempat berkas "
        "berada, lalu coba lagi; berkas tidak diubah dan tidak dianggap rusak.",
    ),
    (
        "unable to open",
        "Berkas basis data atau foldernya tidak dapat dibuka (izin ditolak atau folder tidak "
        "dapat diakses). Periksa izin berkas dan foldernya, lalu coba lagi; berkas tidak diubah.",
    ),
    (
        "readonly",
        "Berkas kerja basis data (-wal/-shm) di samping berkas tidak dapat ditulisi. Periksa "
        "izin berkas dan foldernya, lalu coba lagi; berkas tidak diubah.",
    ),
    (
        "locked",
        "Basis data sedang dikunci program lain. Tutup program lain yang membuka berkas ini, "
        "lalu coba lagi; berkas tidak diubah.",
    ),
)


def _describe_sqlite_error(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if isinstance(error, sqlite3.OperationalError):
        for words, message in _STORAGE_FAILURES:
            if words in text:
                return message
        return (
            "Berkas basis data tidak dapat dibaca karena masalah disk atau izin. Periksa ruang "
            f"disk dan izin foldernya, lalu coba lagi; berkas tidak diubah. (SQLite: {text})"
        )
    if "not a database" in text:
        return "Berkas ini bukan basis data Kinerja Desktop, atau sudah rusak."
    if "malformed" in text or "corrupt" in text:
        return "Berkas basis data rusak dan tidak dapat dibuka."
    if "unsupported file format" in text:
        return "Format berkas basis data tidak dikenal (mungkin rusak atau dibuat program lain)."
    return f"Berkas basis data tidak dapat dibaca ({text})."


def _schema_problem(state: SchemaState) -> str | None:
    if state is SchemaState.NEWER:
        return (
            "Basis data ini dibuat oleh versi Kinerja Desktop yang lebih baru. "
            "Perbarui aplikasi untuk membukanya; berkas tidak diubah."
        )
    if state is SchemaState.FOREIGN:
        return "Berkas ini basis data SQLite lain, bukan milik Kinerja Desktop."
    return None


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open ``path`` for use, creating or migrating it as needed.

    A file the user cannot write (the file, its folder, or its ``-wal``/``-shm``) is opened
    read-only when it needs no migration: the returned database refuses every write
    transaction with a message naming what cannot be written and what to do. A zero-byte
    file becomes a new office only with ``create`` (the demo, the GUI's first start).

    Raises:
        StorageError: the file is missing or empty (and ``create`` is false), damaged, not ours, too
            new, read-only and in need of a migration, or the migration failed; the file is
            then exactly as it was.
    """
    health = inspect_file(path)
    if not health.exists or (health.empty and create):
        if not create:
            raise StorageError(health.problem or "")
        _create_file(path)
    elif health.problem:
        raise StorageError(health.problem)
    elif (blocked := write_block(path)) is not None:
        if health.schema_state is SchemaState.CURRENT:
            return Database(
                path, make_read_only_engine(path), read_only=True, read_only_reason=blocked
            )
        raise StorageError(
            "Basis data ini perlu diperbarui strukturnya sebelum dapat dibuka, tetapi tidak "
            f"dapat ditulisi. {blocked} Berkas tidak diubah."
        )
    if health.schema_state is SchemaState.OLDER:
        try:
            backup_before(path, BackupKind.SEBELUM_MIGRASI)
        except Exception as error:
            raise StorageError(
                f"Cadangan sebelum pembaruan struktur basis data gagal dibuat ({error}); "
                "berkas tidak diubah."
            ) from error
    if health.schema_state is not SchemaState.CURRENT:
        migrate_file(path)
    return Database(path, make_engine(path))


def _create_file(path: Path) -> None:
    """Create the new office's empty file, owner-only from the first byte (SQLite keeps the mode).

    Raises:
        StorageError: the folder cannot be written or made; nothing was created.
    """
    folder = path.parent
    if folder.is_dir() and not sqlite_files.can_write(folder):
        raise StorageError(
            f"Basis data baru tidak dapat dibuat: folder {folder} tidak dapat ditulisi. Pilih "
            "folder lain, atau beri izin tulis pada folder itu, lalu coba lagi."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        create_private_file(path)
    except OSError as error:
        raise StorageError(
            f"Basis data baru {path.name} tidak dapat dibuat. {describe_os_error(error)}"
        ) from error


def migrate_file(path: Path) -> None:
    """Upgrade the file at ``path`` to the app's schema in one transaction (foreign keys off)."""
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            upgrade_to_head(connection)
    except Exception as error:
        raise StorageError(f"Pembaruan struktur basis data gagal: {error}") from error
    finally:
        engine.dispose()
