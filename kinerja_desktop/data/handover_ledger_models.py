"""ORM tables of the hand-over ledgers: what a unit sent (numbered packages), what a hub took.

A unit numbers its packages per scope (unit path and year) and remembers the digest of every
record it last sent in that scope, so the next package can carry only what is new or changed.
A hub remembers every package it took, by the sender's key, the scope and the number, so a
package applied twice changes nothing and an older one is refused (migration 0019).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base

#: The outcomes of a received package kept in the ledger (a refused one is not kept).
RECEIPT_OUTCOMES = ("DITERIMA", "PERLU_DIPUTUSKAN")


class SentScopeRow(Base):
    """One scope this installation exported: the number of its last package."""

    __tablename__ = "handover_sent_scopes"
    __table_args__ = (CheckConstraint("last_sequence >= 1", name="last_sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Canonical JSON of the manifest's scope: {"unit": [path] or null, "year": int or null}.
    scope_key: Mapped[str] = mapped_column(Text, unique=True)
    last_sequence: Mapped[int] = mapped_column(Integer)
    last_exported_at: Mapped[datetime] = mapped_column(DateTime)


class SentRecordRow(Base):
    """The digest of one record as the last package of its scope carried (or left unchanged)."""

    __tablename__ = "handover_sent_records"

    scope_id: Mapped[int] = mapped_column(
        ForeignKey("handover_sent_scopes.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: The record's natural key as canonical JSON text (``Aggregate.key``).
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))


class ReceivedPackageRow(Base):
    """A package this installation took: who sent it, its scope and number, what it did."""

    __tablename__ = "handover_received"
    __table_args__ = (
        CheckConstraint(
            "outcome IN (" + ", ".join(f"'{o}'" for o in RECEIPT_OUTCOMES) + ")", name="outcome"
        ),
        CheckConstraint("sequence IS NULL OR sequence >= 1", name="sequence"),
        Index("ix_handover_received_sender_scope", "sender_fingerprint", "scope_key", "sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_fingerprint: Mapped[str] = mapped_column(String(32))
    scope_key: Mapped[str] = mapped_column(Text)
    #: None for a package written before packages were numbered.
    sequence: Mapped[int | None] = mapped_column(Integer)
    #: The number a package of changes follows; None for a whole package.
    since: Mapped[int | None] = mapped_column(Integer)
    package_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    added: Mapped[int] = mapped_column(Integer, default=0)
    replaced: Mapped[int] = mapped_column(Integer, default=0)
    kept: Mapped[int] = mapped_column(Integer, default=0)
    identical: Mapped[int] = mapped_column(Integer, default=0)
    #: Conflicts kept as ours for a person to decide (sealed here, or approved here).
    undecided: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20))
