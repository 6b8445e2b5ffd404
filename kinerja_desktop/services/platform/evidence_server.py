"""Evidence files on a server database: every computer adds to and opens from one table.

The bytes go into ``evidence_contents`` in the transaction of the record that names them
(``data/repositories/evidence_contents``), so a record never names content the server lacks,
and a file added on one computer opens on any other. Opening copies the content into this
computer's cache folder (``servers/<server>/evidence`` in the data folder) and checks it
against its SHA-256 on every open; a copy that changed there is fetched again.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import evidence_contents as repo
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.platform.evidence_store import (
    MAX_EVIDENCE_BYTES,
    EvidenceStore,
    IncomingFile,
    StoredFile,
    check_source,
    stored_name_of,
    too_large,
)


class ServerEvidenceStore(EvidenceStore):
    """Evidence content in the server database, opened through a cache folder of this computer."""

    def __init__(
        self, database: Database, cache: Path, *, max_bytes: int = MAX_EVIDENCE_BYTES
    ) -> None:
        super().__init__(cache, max_bytes=max_bytes)
        self._database = database

    def take(self, source: Path) -> IncomingFile:
        check_source(source, self.max_bytes)
        try:
            with source.open("rb") as reader:
                content = reader.read(self.max_bytes + 1)
        except OSError as error:
            raise DomainError(
                f"Berkas '{source.name}' tidak dapat dibaca ({error.strerror or error}). "
                "Periksa apakah berkas sedang dibuka program lain."
            ) from error
        if len(content) > self.max_bytes:  # it grew since it was checked
            raise too_large(len(content), self.max_bytes)
        sha256 = hashlib.sha256(content).hexdigest()
        stored = StoredFile(sha256, len(content), stored_name_of(sha256, source), source.name)
        # This computer opens it from its cache without asking the server again; a cache that
        # cannot be written costs only that.
        with contextlib.suppress(OSError):
            self._copies.put_bytes(stored.stored_name, sha256, content)
        return IncomingFile(stored, content)

    def add(self, session: Session, incoming: IncomingFile) -> StoredFile:
        if incoming.content is None:
            raise ValueError("a server stores the content: take() the file from this store")
        # Read by key first: the same file added again sends no bytes to the server.
        if not repo.has_content(session, incoming.stored.sha256):
            repo.add_content(session, incoming.stored.sha256, incoming.content)
        return incoming.stored

    def has(self, session: Session, stored_name: str, sha256: str) -> bool:  # noqa: ARG002
        return repo.has_content(session, sha256)

    def verify(self, stored_name: str, sha256: str) -> bool:  # noqa: ARG002
        with self._database.reading() as session:
            content = repo.content_of(session, sha256)
        return content is not None and hashlib.sha256(content).hexdigest() == sha256.lower()

    def bring_here(self, files: Mapping[str, str]) -> None:
        for stored_name, sha256 in sorted(files.items()):
            with contextlib.suppress(DomainError):
                self.open(stored_name, stored_name, sha256)

    def open(self, stored_name: str, file_name: str, sha256: str) -> Path:
        try:
            path = self.path_of(stored_name)
        except ValueError:
            raise DomainError(f"Nama salinan berkas '{file_name}' tidak dikenal.") from None
        if self._copies.verify(stored_name, sha256):
            return path
        with self._database.reading() as session:
            content = repo.content_of(session, sha256)
        if content is None or hashlib.sha256(content).hexdigest() != sha256.lower():
            raise DomainError(
                f"Isi berkas '{file_name}' tidak ada atau berubah di basis data server. "
                "Tambahkan lagi berkasnya, atau pulihkan basis data server dari cadangannya "
                "(pg_dump)."
            )
        try:
            return self._copies.put_bytes(stored_name, sha256, content)
        except OSError as error:
            raise DomainError(
                f"Berkas '{file_name}' tidak dapat disalin ke folder {self.folder} "
                f"({error.strerror or error}). Periksa izin folder data dan ruang disk."
            ) from error
