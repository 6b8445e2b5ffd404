"""Where a database file sits: a local disk, a network share, or a removable drive.

SQLite's locking and WAL do not work reliably over network file systems, and USB sticks that are
pulled out while writing, or that lie about syncing, corrupt files (reliability §1.2, §1.4). The
app still opens such a file, but warns so that the user can move it to a local disk.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path, PurePosixPath

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "afs",
        "9p",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "ncpfs",
    }
)
REMOVABLE_MOUNT_ROOTS = ("/media", "/run/media")


class Location(Enum):
    LOCAL = "local"
    NETWORK = "network"
    REMOVABLE = "removable"


def _unescape(field: str) -> str:
    r"""/proc/mounts writes a space as \040, a tab as \011 and so on."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def classify_linux(path: str, mounts: str) -> Location:
    """Classify an absolute ``path`` with the text of ``/proc/mounts``.

    The mount that holds the path is the one with the longest mount point that is a prefix of
    it; its file system type tells a network share, its place (/media, /run/media) a stick.
    """
    target = PurePosixPath(path)
    best: tuple[int, str, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape(fields[1]), fields[2]
        mount = PurePosixPath(point)
        if (target == mount or mount in target.parents) and (best is None or len(point) > best[0]):
            best = (len(point), point, fs_type)
    if best is None:
        return Location.LOCAL
    _, point, fs_type = best
    if fs_type in NETWORK_FILE_SYSTEMS:
        return Location.NETWORK
    mount = PurePosixPath(point)
    if any(
        mount == PurePosixPath(r) or PurePosixPath(r) in mount.parents
        for r in REMOVABLE_MOUNT_ROOTS
    ):
        return Location.REMOVABLE
    return Location.LOCAL


def _classify_windows(path: Path) -> Location:  # pragma: no cover - Windows only
    import ctypes

    text = str(path.resolve())
    if text.startswith("\\\\"):
        return Location.NETWORK  # \\server\share
    drive_removable, drive_remote = 2, 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    kind = kernel32.GetDriveTypeW(ctypes.c_wchar_p(path.resolve().anchor))
    if kind == drive_remote:
        return Location.NETWORK
    if kind == drive_removable:
        return Location.REMOVABLE
    return Location.LOCAL


def classify(path: Path) -> Location:
    """Where ``path`` (a file or the folder it will be created in) lives; LOCAL when unknown."""
    try:
        if sys.platform == "win32":
            return _classify_windows(path)
        if sys.platform.startswith("linux"):
            with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
                return classify_linux(os.path.realpath(path), handle.read())
    except OSError:
        pass
    return Location.LOCAL


def location_warning(path: Path) -> str | None:
    """An Indonesian warning when ``path`` is on a network share or removable drive."""
    where = classify(path)
    if where is Location.NETWORK:
        return (
            "Berkas basis data ini ada di folder jaringan (network share). Penguncian berkas di "
            "jaringan tidak andal dan data dapat rusak bila dua komputer menulis bersamaan. "
            "Sebaiknya pindahkan berkas ke disk komputer ini dan gunakan 'Cadangkan ke...' untuk "
            "menyalinnya."
        )
    if where is Location.REMOVABLE:
        return (
            "Berkas basis data ini ada di media yang dapat dilepas (flashdisk atau disk luar). "
            "Mencabutnya saat aplikasi menulis dapat merusak data. Sebaiknya pindahkan berkas ke "
            "disk komputer ini dan gunakan flashdisk hanya untuk cadangan."
        )
    return None
