"""Evidence files (bukti dukung) copied into the app's own folder, named by their content.

A file is copied, never linked: the record must survive the original being moved, renamed or
deleted. Each copy is named by its SHA-256 (``ab/abcdef….pdf``), so the same file added twice
is stored once and a copy can be checked against the hash kept in the database. Writes go to a
temporary file first, are flushed to disk, then renamed into place: a crash leaves either the
whole file or none of it.

Copies are never deleted here: several records, or a backup of the database, may still point
at the same content.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.data.private_files import make_private_folder
from kinerja_desktop.domain.errors import DomainError, ValidationError

#: The largest file accepted as evidence (25 MB); bigger ones belong in a shared folder, linked.
MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
_CHUNK = 1024 * 1024
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
_STORED_NAME = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}(?:\.[a-z0-9]{1,10})?")
_TEMP_PREFIX = ".incoming-"


def evidence_folder(database: Path) -> Path:
    """Evidence files live beside the database, so a copied office folder keeps them."""
    return database.parent / "evidence"


@dataclass(frozen=True)
class StoredFile:
    """Where a copied evidence file lives and what it was.

    Attributes:
        sha256: The content's SHA-256 in lowercase hex.
        size: The size in bytes.
        stored_name: The copy's path relative to the evidence folder, e.g. ``ab/abcd….pdf``.
        file_name: The original file's name, for showing ("Laporan Maret.pdf").
    """

    sha256: str
    size: int
    stored_name: str
    file_name: str


def format_size_id(size: int) -> str:
    """Write a file size the Indonesian way: "512 byte", "12,5 KB", "25 MB"."""
    if size < 1024:
        return f"{size} byte"
    number, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / (1024 * 1024), "MB")
    text = f"{number:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text} {unit}"


class EvidenceStore:
    """A folder of evidence copies, content-addressed by SHA-256."""

    def __init__(self, folder: Path, *, max_bytes: int = MAX_EVIDENCE_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def put(self, source: Path) -> StoredFile:
        """Copy ``source`` into the store and return where it went.

        Raises:
            ValidationError: the file is missing, a folder, empty, or larger than the limit
                (field ``file``).
            DomainError: the file cannot be read or the copy cannot be written.
        """
        self._check_source(source)
        try:
            return self._store(source)
        except OSError as error:
            raise DomainError(
                f"Berkas '{source.name}' tidak dapat disalin ke folder bukti dukung "
                f"({error.strerror or error}). Periksa apakah berkas sedang dibuka program lain, "
                "izin folder data, dan ruang disk."
            ) from error

    def _store(self, source: Path) -> StoredFile:
        make_private_folder(self.folder)  # evidence is as private as the appraisals it proves
        handle, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.folder)
        temp = Path(temp_name)
        try:
            copied, sha256 = _copy(source, handle)
            if copied > self.max_bytes:  # it grew while being copied
                raise _too_large(copied, self.max_bytes)
            stored_name = f"{sha256[:2]}/{sha256}{_suffix(source)}"
            target = self.folder / stored_name
            if target.exists() and _hash_of(target) == sha256:
                temp.unlink()  # the same content is already stored
            else:
                make_private_folder(target.parent)
                os.replace(temp, target)
                _sync_folder(target.parent)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return StoredFile(sha256, copied, stored_name, source.name)

    def path_of(self, stored_name: str) -> Path:
        """Return the copy's full path.

        Raises:
            ValueError: ``stored_name`` is not a name this store gives (a guard against paths
                that would leave the folder).
        """
        if not _STORED_NAME.fullmatch(stored_name):
            raise ValueError(f"not a stored evidence name: {stored_name!r}")
        return self.folder / stored_name

    def verify(self, stored_name: str, sha256: str) -> bool:
        """Return True when the copy exists and its content still has this hash."""
        try:
            path = self.path_of(stored_name)
        except ValueError:
            return False
        if not path.is_file():
            return False
        try:
            return _hash_of(path) == sha256.lower()
        except OSError:
            return False

    # --- steps -----------------------------------------------------------------------------

    def _check_source(self, source: Path) -> None:
        if source.is_dir():
            raise ValidationError(
                f"Yang dipilih adalah folder, bukan berkas: {source}. Pilih satu berkas.",
                field="file",
            )
        if not source.is_file():
            raise ValidationError(
                f"Berkas tidak ditemukan: {source}. Periksa lokasinya, lalu pilih lagi.",
                field="file",
            )
        size = source.stat().st_size
        if size > self.max_bytes:
            raise _too_large(size, self.max_bytes)
        if size == 0:
            raise ValidationError(
                f"Berkas '{source.name}' kosong (0 byte); pilih berkas yang berisi bukti.",
                field="file",
            )


def _copy(source: Path, handle: int) -> tuple[int, str]:
    """Copy ``source`` into the open temp file ``handle``, flushed to disk; return size, hash."""
    digest = hashlib.sha256()
    copied = 0
    with os.fdopen(handle, "wb") as writer, source.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            copied += len(chunk)
            digest.update(chunk)
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return copied, digest.hexdigest()


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        f"Berkas terlalu besar ({format_size_id(size)}; paling besar {format_size_id(limit)}). "
        "Perkecil atau pisahkan berkasnya, atau simpan di folder bersama dan catat tautannya.",
        field="file",
    )


def _suffix(source: Path) -> str:
    """The original extension, lowercased, when it is a plain one (".pdf", ".jpg")."""
    suffix = source.suffix
    return suffix.lower() if _SUFFIX.fullmatch(suffix) else ""


def _hash_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
