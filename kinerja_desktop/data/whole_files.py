"""Files written whole or not at all, readable by their owner only: printed PDFs and the like.

A full disk, a folder without write permission or a crash mid-write must never leave a
truncated file under the name the user will open and sign (reliability §2). So the bytes go to
a temporary file beside the target, are synced to disk, and only then renamed over the target;
on any failure the temporary file is removed and the target is as it was (absent, or the old
file). The temporary file is created owner-only like the database (``private_files``): the
rename keeps that mode, so the finished file is owner-only too.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kinerja_desktop.data.backup import fsync_directory
from kinerja_desktop.data.private_files import OWNER_ONLY_FILE
from kinerja_desktop.domain.errors import StorageError

#: What the user reads for the usual causes of a failed write, by errno.
_CAUSES = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "disk penuh (kuota habis)",
    errno.EFBIG: "disk penuh atau berkas melebihi batas ukuran",
    errno.EACCES: "izin ditolak",
    errno.EPERM: "izin ditolak",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOENT: "folder tidak ada",
    errno.ENOTDIR: "folder tidak ada",
    errno.EISDIR: "sudah ada folder dengan nama itu",
}
_ADVICE = {
    "disk penuh": " Kosongkan ruang disk, lalu coba lagi.",
    "izin ditolak": " Pilih folder lain atau periksa izinnya; tutup berkas itu bila sedang "
    "dibuka program lain.",
}


class FileWriteError(StorageError):
    """A file could not be written whole; nothing was left under its name.

    ``message`` names the file and the cause in Indonesian.
    """


def write_failure(target: Path, error: OSError) -> FileWriteError:
    """The error to raise when writing ``target`` (a file or a folder) failed with ``error``."""
    cause = _CAUSES.get(error.errno or 0) or (
        "izin ditolak" if isinstance(error, PermissionError) else error.strerror or str(error)
    )
    advice = next((text for words, text in _ADVICE.items() if cause.startswith(words)), "")
    return FileWriteError(f"Berkas {target} tidak dapat ditulis: {cause}.{advice}")


def replace_whole(
    target: Path, write: Callable[[BinaryIO], object], *, mode: int = OWNER_ONLY_FILE
) -> Path:
    """Write ``target`` through ``write(stream)`` so that it is whole, or left as it was.

    The dance itself, for callers that word their own message: an OSError is raised as it
    came, once the temporary file is removed.

    Args:
        target: The file to create or replace.
        write: Writes the content to the binary stream it is given (seekable, so a zip
            archive can be written into it).
        mode: The permissions of the new file (owner-only unless said otherwise; the umask can
            only narrow them).
    """
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(temporary, flags, mode), "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)
    return target


def write_whole(
    target: Path, write: Callable[[BinaryIO], object], *, mode: int = OWNER_ONLY_FILE
) -> Path:
    """:func:`replace_whole` that names the file and the cause when it fails.

    Raises:
        FileWriteError: the folder cannot be written, the disk is full, or another OSError;
            the temporary file is removed and ``target`` is untouched.
    """
    try:
        return replace_whole(target, write, mode=mode)
    except OSError as error:
        raise write_failure(target, error) from error


def write_bytes_whole(target: Path, content: bytes, *, mode: int = OWNER_ONLY_FILE) -> Path:
    """:func:`write_whole` for content already in memory."""
    return write_whole(target, lambda stream: stream.write(content), mode=mode)
