"""``check`` of evidence files: is every file the records name in the store, unchanged?

On SQLite the store is the folder beside the file: each named copy is read and hashed. On a
server it is the ``evidence_contents`` table: every stored content is read (a few rows at a
time) and hashed against its key, and every file the records name must have its row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import evidence_contents as repo
from kinerja_desktop.services.platform.evidence_store import EvidenceFolder, format_size_id

#: Findings named one by one; more are counted.
_NAMED = 10


@dataclass(frozen=True)
class EvidenceReport:
    """What the evidence check found; ``lines`` are ready to print (Indonesian).

    Attributes:
        files: Files the records name.
        size: Bytes of the files found whole.
        problems: One line per file missing or changed.
        where: The folder, or "basis data server".
    """

    files: int
    size: int
    problems: tuple[str, ...]
    where: str

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def lines(self) -> tuple[str, ...]:
        if self.healthy:
            return (
                f"Bukti dukung: {self.files} berkas utuh ({format_size_id(self.size)}) di "
                f"{self.where}, cocok dengan SHA-256-nya.",
            )
        named = [f"  {problem}" for problem in self.problems[:_NAMED]]
        more = len(self.problems) - _NAMED
        return (
            f"Bukti dukung: {len(self.problems)} dari {self.files} berkas hilang atau berubah "
            f"di {self.where}:",
            *named,
            *([f"  (dan {more} berkas lain)"] if more > 0 else []),
        )


def check_folder(session: Session, folder: Path) -> EvidenceReport:
    """Every file the records read with ``session`` name, against the copies in ``folder``."""
    copies = EvidenceFolder(folder)
    problems: list[str] = []
    size = 0
    references = repo.file_references(session)
    for reference in references:
        if copies.verify(reference.stored_name, reference.sha256):
            size += copies.path_of(reference.stored_name).stat().st_size
        else:
            problems.append(_problem(reference, "tidak ada atau isinya berubah"))
    return EvidenceReport(len(references), size, tuple(problems), f"folder {folder}")


def check_table(session: Session) -> EvidenceReport:
    """Every stored content against its SHA-256, and every named file against the table."""
    changed: set[str] = set()
    sizes: dict[str, int] = {}
    for stored in repo.contents(session):
        if (
            hashlib.sha256(stored.content).hexdigest() != stored.sha256
            or len(stored.content) != stored.size
        ):
            changed.add(stored.sha256)
        else:
            sizes[stored.sha256] = stored.size
    problems: list[str] = []
    references = repo.file_references(session)
    for reference in references:
        if reference.sha256 in changed:
            problems.append(_problem(reference, "isinya berubah"))
        elif reference.sha256 not in sizes:
            problems.append(_problem(reference, "tidak ada"))
    size = sum(sizes.get(sha256, 0) for sha256 in {r.sha256 for r in references})
    named = {r.sha256 for r in references}
    problems.extend(
        f"isi tersimpan {sha256[:12]}… berubah (tidak dipakai catatan mana pun)"
        for sha256 in sorted(changed - named)
    )
    return EvidenceReport(len(references), size, tuple(problems), "basis data server")


def _problem(reference: repo.FileReference, what: str) -> str:
    if reference.file_name == reference.stored_name:
        return f"{reference.stored_name}: {what}"
    return f"{reference.file_name} ({reference.stored_name}): {what}"
