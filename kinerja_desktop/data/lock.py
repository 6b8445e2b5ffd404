"""One writer per database file: a lock file beside it naming who holds it.

SQLite's own locks keep a single transaction whole, but two copies of the app working on one
file for hours would each trust screens that the other has made stale, and over a network share
SQLite's locks may not work at all (reliability §1.4). So the GUI and every command that writes
take ``kinerja.sqlite.lock`` first (process id, computer name, user, start time), and remove it
when they close.

A lock left by a process that died is recognised and replaced: on this computer when its process
no longer runs (or started before the computer last booted); from another computer only when it
is older than :data:`STALE_ELSEWHERE_AFTER` and the user confirms, because we cannot see that
computer's processes.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path

from kinerja_desktop.data.disk_errors import describe_os_error
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import LockedError, StorageError

LOCK_SUFFIX = ".lock"
#: A lock from another computer older than this may be taken over after the user confirms.
STALE_ELSEWHERE_AFTER = timedelta(hours=12)
#: A lock file that cannot be read (a crash while it was written) counts as abandoned after this.
UNREADABLE_STALE_AFTER = timedelta(seconds=60)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def this_host() -> str:
    return socket.gethostname() or "komputer ini"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    started: datetime

    def to_json(self) -> str:
        return json.dumps(
            {
                "pid": self.pid,
                "host": self.host,
                "user": self.user,
                "started": self.started.isoformat(timespec="seconds"),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
            return cls(
                int(data["pid"]),
                str(data["host"]),
                str(data.get("user", "")),
                datetime.fromisoformat(data["started"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def describe(self) -> str:
        """'proses 1234 milik budi di komputer PC-TU, sejak 28 November 2026 pukul 09.05'."""
        who = f" milik {self.user}" if self.user else ""
        when = f"{format_date_id(self.started.date())} pukul {self.started:%H.%M}"
        return f"proses {self.pid}{who} di komputer {self.host}, sejak {when}"


class _Verdict(Enum):
    IN_USE = "in use"
    ABANDONED = "abandoned"
    MAYBE_ABANDONED = "maybe abandoned"


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def pid_running(pid: int) -> bool:
    """Whether a process with this id runs on this computer now."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to someone else
    return True


def _windows_pid_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == access_denied)
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def boot_time() -> datetime | None:
    """When this computer last started (Linux), to recognise locks from before a reboot."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("btime "):
                    return datetime.fromtimestamp(int(line.split()[1]))
    except (OSError, ValueError):
        pass
    return None


def _assess(
    holder: LockHolder | None, modified: datetime, now: datetime, booted: datetime | None
) -> _Verdict:
    if holder is None:
        fresh = now - modified < UNREADABLE_STALE_AFTER
        return _Verdict.IN_USE if fresh else _Verdict.ABANDONED
    if holder.host == this_host():
        if booted is not None and holder.started < booted:
            return _Verdict.ABANDONED
        return _Verdict.IN_USE if pid_running(holder.pid) else _Verdict.ABANDONED
    old = now - holder.started > STALE_ELSEWHERE_AFTER
    return _Verdict.MAYBE_ABANDONED if old else _Verdict.IN_USE


class DatabaseLock:
    """A held lock; :meth:`release` removes the file if it is still ours."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        self._content = holder.to_json()

    def release(self) -> None:
        with contextlib.suppress(OSError):
            if self.path.read_text(encoding="utf-8") == self._content:
                self.path.unlink()


def _create(path: Path, content: str) -> bool:
    """Create ``path`` with ``content`` unless it exists; readers never see it half-written.

    Raises:
        OSError: the folder cannot be written (full disk, permission); nothing is left behind.
    """
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(content, encoding="utf-8")
        try:
            os.link(temporary, path)  # atomic: fails if the lock exists
        except FileExistsError:
            return False
        except OSError:  # file systems without hard links (FAT sticks)
            try:
                descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                return False
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(content)
            except OSError:
                path.unlink(missing_ok=True)  # a half-written lock would block for a minute
                raise
        return True
    finally:
        temporary.unlink(missing_ok=True)


def _create_or_explain(path: Path, content: str) -> bool:
    """:func:`_create`, with a full disk or a disk error told as a StorageError.

    Raises:
        PermissionError: the folder cannot be written (also a read-only file system): the
            caller opens the file read-only.
        StorageError: the disk is full or failing; the database was not touched.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _create(path, content)
    except PermissionError:
        raise
    except OSError as error:
        if error.errno == errno.EROFS:
            raise PermissionError(error.errno, error.strerror, error.filename) from error
        raise StorageError(
            f"Kunci berkas {path.name} tidak dapat dibuat, jadi basis data tidak dibuka "
            f"(berkasnya tidak diubah). {describe_os_error(error)}"
        ) from error


def _in_use_message(database: Path, holder: LockHolder | None) -> str:
    who = holder.describe() if holder else "program lain (keterangannya tidak terbaca)"
    return (
        f"Berkas basis data {database.name} sedang dipakai oleh Kinerja Desktop lain: {who}. "
        "Hanya satu aplikasi boleh mengubah berkas yang sama. Tutup aplikasi itu dulu, lalu "
        "coba lagi."
    )


def _maybe_abandoned_message(database: Path, holder: LockHolder) -> str:
    hours = int(STALE_ELSEWHERE_AFTER.total_seconds() // 3600)
    return (
        f"Berkas basis data {database.name} tercatat dipakai oleh {holder.describe()}, lebih "
        f"dari {hours} jam yang lalu. Mungkin aplikasi di komputer itu berhenti tanpa menutup "
        "berkas. Ambil alih hanya bila Anda yakin aplikasi di komputer itu tidak sedang berjalan."
    )


def acquire_lock(
    database: Path,
    *,
    take_over: bool = False,
    now: datetime | None = None,
    booted: Callable[[], datetime | None] = boot_time,
) -> DatabaseLock:
    """Take the lock of ``database`` for this process.

    Args:
        database: The database file (it need not exist yet).
        take_over: Replace a lock from another computer that looks abandoned (the user
            confirmed it); a lock that is in use is never taken over.
        now: The present moment (tests).
        booted: When this computer last started, or None when unknown (tests inject it:
            a lock written "yesterday" by a test must not meet the real boot time).

    Raises:
        LockedError: someone else holds it; ``stale`` says whether ``take_over`` would help.
        PermissionError: the folder cannot be written (the file can only be opened read-only).
        StorageError: the lock file cannot be written for lack of space or a disk error.
    """
    path = lock_path(database)
    moment = now or datetime.now()
    mine = LockHolder(os.getpid(), this_host(), _current_user(), moment.replace(microsecond=0))
    for _attempt in range(3):
        if _create_or_explain(path, mine.to_json()):
            return DatabaseLock(path, mine)
        try:
            content = path.read_text(encoding="utf-8")
            modified = datetime.fromtimestamp(path.stat().st_mtime)
        except FileNotFoundError:
            continue  # released meanwhile
        holder = LockHolder.from_json(content)
        verdict = _assess(holder, modified, moment, booted())
        if verdict is _Verdict.IN_USE:
            raise LockedError(_in_use_message(database, holder))
        if verdict is _Verdict.MAYBE_ABANDONED and not take_over:
            assert holder is not None
            raise LockedError(_maybe_abandoned_message(database, holder), stale=True)
        _remove_if_unchanged(path, content)
    raise LockedError(_in_use_message(database, None))


def _remove_if_unchanged(path: Path, content: str) -> None:
    """Remove an abandoned lock, unless someone replaced it since we read it."""
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8") == content:
            path.unlink()
