"""Where every printed PDF is written: whole or not at all, readable by its owner only.

The Cetak page's "Simpan PDF", the survey report's preview, a batch (one file per document or
one merged file) and ``kinerja-desktop print`` all write through here, so a full disk or a
folder without permission never leaves a truncated PDF under the name someone will sign.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kinerja_desktop.data.whole_files import (
    FileWriteError,
    write_bytes_whole,
    write_failure,
    write_whole,
)

__all__ = ["FileWriteError", "make_output_folder", "save_pdf", "save_pdf_from"]


def save_pdf(target: Path, pdf: bytes) -> Path:
    """Write ``pdf`` to ``target`` (0600 on POSIX), replacing it only once it is whole.

    Raises:
        FileWriteError: the file cannot be written (the message names it and the cause);
            nothing is left under ``target``'s name that was not there before.
    """
    return write_bytes_whole(target, pdf)


def save_pdf_from(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """:func:`save_pdf` for a document written to a stream (a merged batch file)."""
    return write_whole(target, write)


def make_output_folder(folder: Path) -> None:
    """Create the folder the PDFs go to (and its parents) if it is missing.

    Raises:
        FileWriteError: it cannot be created (permission, a file with that name, full disk).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failure(folder, error) from error
