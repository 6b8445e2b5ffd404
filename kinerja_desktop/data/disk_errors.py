"""The operating system's refusals to read or write a file, told in Indonesian with what to do."""

from __future__ import annotations

import errno

#: errno values that mean "no room": a full disk, a file-size limit, a user's quota.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def describe_os_error(error: OSError) -> str:
    """One or two sentences: what went wrong (full disk, permission, disk error) and what to do."""
    name = error.filename or "berkas"
    if isinstance(error, PermissionError):
        return (
            f"Izin ditolak untuk {name}. Periksa izin berkas dan foldernya (atau buka dengan "
            "akun yang memilikinya), lalu coba lagi."
        )
    if error.errno in _NO_ROOM:
        return f"Penyimpanan penuh saat menulis {name}. Kosongkan ruang disk, lalu coba lagi."
    return (
        f"Kesalahan disk pada {name} ({error.strerror or error}). Periksa disk atau flashdisk "
        "tempat berkas berada, lalu coba lagi."
    )
