"""ORM table of evidence content kept in a server database (bukti dukung on PostgreSQL).

On a server the files several computers share live here, one row per content, keyed by its
SHA-256; the records (``evidence``, ``observations``, ``audit_follow_ups``,
``progress_entries``) name it by ``stored_name`` and ``sha256`` as they do on SQLite. A SQLite
office keeps its files in the folder beside it and leaves this table empty, so the file holds
no blobs.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base


class EvidenceContentRow(Base):
    """One evidence file's bytes, named by their SHA-256 (lowercase hex)."""

    __tablename__ = "evidence_contents"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size > 0", name="size"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
