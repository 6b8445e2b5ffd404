"""Evidence files (bukti dukung): the store every service adds files to and opens them from.

A file is copied, never linked: the record must survive the original being moved, renamed or
deleted. Each copy is named by its SHA-256 (``ab/abcdef….pdf``), so the same file added twice
is stored once and a copy can be checked against the hash kept in the database.

:class:`EvidenceStore` is the one interface the services use; which store they get depends
on the database (:func:`kinerja_desktop.services.platform.evidence.open_evidence_store`):

- a SQLite office keeps its files in the folder beside the file (:class:`FolderEvidenceStore`
  over :class:`EvidenceFolder`), so a copied office folder keeps them and the file holds no
  blobs;
- a server database keeps them in its ``evidence_contents`` table, shared by every computer
  (``services/platform/evidence_server.py``), and each computer opens them from a cache
  folder of its own.

Adding is two steps, because a write on a server may run twice (``Database.run``):
:meth:`EvidenceStore.take` checks and reads the file before the transaction (any file work
happens there), :meth:`EvidenceStore.add` records it inside the transaction of the record that
names it. Writes to a folder go to a temporary file first, are flushed to disk, then renamed
into place: a crash leaves either the whole file or none of it.

Copies are never deleted here: several records, or a backup of the database, may still point
at the same content.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

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


class EvidenceFolder:
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
                raise too_large(copied, self.max_bytes)
            stored_name = stored_name_of(sha256, source)
            self._place(temp, stored_name, sha256)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return StoredFile(sha256, copied, stored_name, source.name)

    def put_bytes(self, stored_name: str, sha256: str, content: bytes) -> Path:
        """Write ``content`` as the copy ``stored_name`` (whole or not at all); return its path.

        Raises:
            ValueError: ``stored_name`` is not a name this store gives, or ``content`` does not
                have the hash ``sha256``.
            OSError: the copy cannot be written.
        """
        target = self.path_of(stored_name)
        if hashlib.sha256(content).hexdigest() != sha256.lower():
            raise ValueError(f"content does not match its hash: {stored_name}")
        make_private_folder(self.folder)
        handle, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.folder)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as writer:
                writer.write(content)
                writer.flush()
                os.fsync(writer.fileno())
            self._place(temp, stored_name, sha256.lower())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return target

    def _place(self, temp: Path, stored_name: str, sha256: str) -> None:
        """Rename the flushed ``temp`` into place, unless that content is there already."""
        target = self.folder / stored_name
        if target.exists() and _hash_of(target) == sha256:
            temp.unlink()  # the same content is already stored
        else:
            make_private_folder(target.parent)
            os.replace(temp, target)
            _sync_folder(target.parent)

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
        check_source(source, self.max_bytes)


def check_source(source: Path, max_bytes: int) -> None:
    """Refuse a folder, a missing or empty file, or one larger than ``max_bytes``.

    Raises:
        ValidationError: what is wrong with it, in Indonesian (field ``file``).
    """
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
    if size > max_bytes:
        raise too_large(size, max_bytes)
    if size == 0:
        raise ValidationError(
            f"Berkas '{source.name}' kosong (0 byte); pilih berkas yang berisi bukti.",
            field="file",
        )


def stored_name_of(sha256: str, source: Path) -> str:
    """The name a copy of ``source`` with this hash gets in any evidence folder."""
    return f"{sha256[:2]}/{sha256}{_suffix(source)}"


def is_stored_name(stored_name: str) -> bool:
    """True for a name this app gives a copy (never one that would leave the folder)."""
    return _STORED_NAME.fullmatch(stored_name) is not None


def hash_of_file(path: Path) -> str:
    """The SHA-256 of the file at ``path`` (lowercase hex), read in chunks.

    Raises:
        OSError: it cannot be read.
    """
    return _hash_of(path)


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


def too_large(size: int, limit: int) -> ValidationError:
    """The refusal of a file of ``size`` bytes over the ``limit`` (field ``file``)."""
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


# --- the interface the services use -------------------------------------------------------


@dataclass(frozen=True)
class IncomingFile:
    """A file checked and read by :meth:`EvidenceStore.take`, not yet recorded.

    Attributes:
        stored: Its hash, size, stored name and original name.
        content: The bytes a server database stores with the record; None for a folder store
            (the copy is already in the folder).
    """

    stored: StoredFile
    content: bytes | None = None


class EvidenceStore(ABC):
    """Where evidence files live for one database: add, open, has, verify.

    ``folder`` is where opened copies are on this computer: the store itself for a SQLite
    office, a cache of this computer's for a server database.
    """

    def __init__(self, folder: Path, *, max_bytes: int = MAX_EVIDENCE_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._copies = EvidenceFolder(folder, max_bytes=max_bytes)

    @abstractmethod
    def take(self, source: Path) -> IncomingFile:
        """Check and read ``source`` before the transaction that records it.

        Raises:
            ValidationError: the file is missing, a folder, empty, or larger than the limit
                (field ``file``).
            DomainError: the file cannot be read or copied.
        """

    @abstractmethod
    def add(self, session: Session, incoming: IncomingFile) -> StoredFile:
        """Record ``incoming`` in the transaction of the record naming it (may run twice)."""

    @abstractmethod
    def has(self, session: Session, stored_name: str, sha256: str) -> bool:
        """True when the store holds this content (a package import skips it then)."""

    @abstractmethod
    def verify(self, stored_name: str, sha256: str) -> bool:
        """True when the stored content exists and still has this hash."""

    @abstractmethod
    def open(self, stored_name: str, file_name: str, sha256: str) -> Path:
        """A copy on this computer, checked against ``sha256``, to open as a file.

        Raises:
            DomainError: the content is missing or no longer matches its hash (the message
                names ``file_name`` and where it should be).
        """

    def bring_here(self, files: Mapping[str, str]) -> None:  # noqa: ARG002
        """Have each of ``files`` (stored name -> SHA-256) in :attr:`folder` when possible.

        For a reader of the folder itself (a package export). A file that cannot be had is
        left out: the reader finds it missing and says so.
        """
        return  # a folder store's files are there already

    def path_of(self, stored_name: str) -> Path:
        """Where the copy ``stored_name`` is (or would be) on this computer.

        Raises:
            ValueError: not a name this app gives.
        """
        return self._copies.path_of(stored_name)


class FolderEvidenceStore(EvidenceStore):
    """A SQLite office's evidence: the folder beside the file is the store."""

    def take(self, source: Path) -> IncomingFile:
        return IncomingFile(self._copies.put(source))

    def add(self, session: Session, incoming: IncomingFile) -> StoredFile:  # noqa: ARG002
        return incoming.stored  # already in the folder; the record alone names it

    def has(self, session: Session, stored_name: str, sha256: str) -> bool:  # noqa: ARG002
        return self.verify(stored_name, sha256)

    def verify(self, stored_name: str, sha256: str) -> bool:
        return self._copies.verify(stored_name, sha256)

    def open(self, stored_name: str, file_name: str, sha256: str) -> Path:
        if not self.verify(stored_name, sha256):
            raise DomainError(
                f"Salinan berkas '{file_name}' tidak ada atau isinya berubah di folder bukti "
                f"dukung ({self.folder}). Pulihkan folder itu dari cadangan."
            )
        return self._copies.path_of(stored_name)
