"""Evidence file content in a server database (``evidence_contents``), and who names files.

The content is written in the transaction of the record that names it; adding content that is
already there does nothing, so two users adding the same file at once both succeed (on a
server the later one may first be told of a serialization conflict: ``Database.run`` runs its
work again, and then the row is there).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import literal, select, union
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import ObservationRow
from kinerja_desktop.data.evidence_models import EvidenceContentRow
from kinerja_desktop.data.progress_models import ProgressEntryRow
from kinerja_desktop.data.skp_models import EvidenceRow
from kinerja_desktop.data.supervision_models import FollowUpRow


@dataclass(frozen=True)
class FileReference:
    """An evidence file some record names.

    Attributes:
        stored_name: The copy's name relative to an evidence folder (``ab/abcd….pdf``).
        sha256: The content's SHA-256 (lowercase hex).
        file_name: The original name where the record keeps one, else the stored name.
    """

    stored_name: str
    sha256: str
    file_name: str


@dataclass(frozen=True)
class StoredContent:
    """One row of ``evidence_contents``: the bytes as stored and what they claim to be."""

    sha256: str
    size: int
    content: bytes


def has_content(session: Session, sha256: str) -> bool:
    """True when content with this SHA-256 is stored (read by key)."""
    found = session.execute(
        select(literal(1)).where(EvidenceContentRow.sha256 == sha256)
    ).scalar_one_or_none()
    return found is not None


def add_content(session: Session, sha256: str, content: bytes) -> None:
    """Store ``content`` under ``sha256`` unless content of that hash is stored already."""
    values = {"sha256": sha256, "size": len(content), "content": content}
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            postgresql_insert(EvidenceContentRow).values(values).on_conflict_do_nothing()
        )
    else:
        session.execute(sqlite_insert(EvidenceContentRow).values(values).on_conflict_do_nothing())


def content_of(session: Session, sha256: str) -> bytes | None:
    """The stored bytes of ``sha256``, or None when there are none."""
    found = session.execute(
        select(EvidenceContentRow.content).where(EvidenceContentRow.sha256 == sha256)
    ).scalar_one_or_none()
    return None if found is None else bytes(found)


def contents(session: Session, *, batch: int = 8) -> Iterator[StoredContent]:
    """Every stored content in hash order, streamed ``batch`` rows at a time (each up to 25 MB)."""
    query = select(
        EvidenceContentRow.sha256, EvidenceContentRow.size, EvidenceContentRow.content
    ).order_by(EvidenceContentRow.sha256)
    result = session.execute(query, execution_options={"stream_results": True, "yield_per": batch})
    for sha256, size, content in result:
        yield StoredContent(sha256, size, bytes(content))


def file_references(session: Session) -> list[FileReference]:
    """Every evidence file the records name, once per stored name, by stored name."""
    none = literal("")
    named = union(
        select(EvidenceRow.stored_name, EvidenceRow.sha256, EvidenceRow.file_name).where(
            EvidenceRow.stored_name != ""
        ),
        select(ObservationRow.evidence_file, ObservationRow.evidence_sha256, none).where(
            ObservationRow.evidence_file != ""
        ),
        select(FollowUpRow.evidence_file, FollowUpRow.evidence_sha256, none).where(
            FollowUpRow.evidence_file != ""
        ),
        select(
            ProgressEntryRow.evidence_file,
            ProgressEntryRow.evidence_sha256,
            ProgressEntryRow.evidence_name,
        ).where(ProgressEntryRow.evidence_file != ""),
    )
    found: dict[str, FileReference] = {}
    for stored_name, sha256, file_name in sorted(session.execute(named).all()):
        found.setdefault(stored_name, FileReference(stored_name, sha256, file_name or stored_name))
    return list(found.values())
