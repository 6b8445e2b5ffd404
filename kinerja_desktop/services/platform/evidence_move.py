"""Evidence files moved with an office (``kinerja-desktop move``): folder <-> server table.

A SQLite office keeps its evidence in the folder beside the file, a server database in its
``evidence_contents`` table. Inside the move's target transaction every file the records
name is read from the source's store, checked against its SHA-256, and written to the
target's: into the table (committed with the records), or into the folder beside the new file
(each copy whole or not at all, before the commit; a failed move removes the copies it wrote).
A file the records name but the source lacks, or holds changed, is reported and left out; the
move goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import evidence_contents as repo
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.platform.evidence_store import (
    EvidenceFolder,
    format_size_id,
    is_stored_name,
)

#: Missing files named one by one in the summary; more are counted.
_NAMED = 10


@dataclass(frozen=True)
class EvidenceMoved:
    """What moved: ``files`` copies (``size`` bytes) and the named files the source lacked."""

    files: int
    size: int
    missing: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        lines = [
            f"Bukti dukung: {self.files} berkas ({format_size_id(self.size)}) disalin, "
            "masing-masing cocok dengan SHA-256-nya."
        ]
        if self.missing:
            lines.append(
                f"Bukti dukung yang disebut catatan tetapi tidak ada atau berubah di sumber "
                f"({len(self.missing)} berkas, tidak disalin; catatannya tetap dipindahkan):"
            )
            lines.extend(f"  {name}" for name in self.missing[:_NAMED])
            if len(self.missing) > _NAMED:
                lines.append(f"  (dan {len(self.missing) - _NAMED} berkas lain)")
        return tuple(lines)


class EvidenceMove:
    """The move's ``copy_apart``: the evidence from the source's store to the target's.

    Args:
        source_folder: The folder beside a SQLite source; None for a server source (its table).
        target_folder: The folder beside a SQLite target; None for a server target.
    """

    def __init__(self, source_folder: Path | None, target_folder: Path | None) -> None:
        self._source = None if source_folder is None else EvidenceFolder(source_folder)
        self._target = None if target_folder is None else EvidenceFolder(target_folder)
        #: Set once the copy ran.
        self.moved: EvidenceMoved | None = None
        self._written: list[Path] = []

    def __call__(self, reading: Session, writing: Session) -> None:
        files = size = 0
        missing: list[str] = []
        stored: set[str] = set()
        for reference in repo.file_references(reading):
            content = self._read(reading, reference)
            if content is None:
                shown = reference.file_name
                missing.append(
                    shown
                    if shown == reference.stored_name
                    else f"{shown} ({reference.stored_name})"
                )
                continue
            if reference.sha256 not in stored or self._target is not None:
                self._write(writing, reference, content)
                stored.add(reference.sha256)
            files += 1
            size += len(content)
        self.moved = EvidenceMoved(files, size, tuple(missing))

    def undo(self) -> None:
        """Remove the copies this move wrote into a target folder (the move failed)."""
        for path in self._written:
            path.unlink(missing_ok=True)
        self._written.clear()

    def _read(self, reading: Session, reference: repo.FileReference) -> bytes | None:
        """The content as the source holds it, or None when missing or changed."""
        if self._source is None:
            content = repo.content_of(reading, reference.sha256)
        else:
            if not is_stored_name(reference.stored_name):
                return None
            path = self._source.path_of(reference.stored_name)
            try:
                content = path.read_bytes() if path.is_file() else None
            except OSError:
                content = None
        if content is None or hashlib.sha256(content).hexdigest() != reference.sha256.lower():
            return None
        return content

    def _write(self, writing: Session, reference: repo.FileReference, content: bytes) -> None:
        if self._target is None:
            repo.add_content(writing, reference.sha256, content)
            return
        path = self._target.path_of(reference.stored_name)
        existed = path.exists()
        try:
            self._target.put_bytes(reference.stored_name, reference.sha256, content)
        except OSError as error:
            raise StorageError(
                f"Bukti dukung {reference.stored_name} tidak dapat ditulis ke folder "
                f"{self._target.folder} ({error.strerror or error}). Basis data tujuan tidak "
                "diubah."
            ) from error
        if not existed:
            self._written.append(path)
