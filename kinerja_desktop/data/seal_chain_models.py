"""ORM tables of sealing: the seal chain (hash-chained log), signed evaluations, signatories."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base


class SealEntryRow(Base):
    """One entry of the append-only seal chain (`domain.seal_chain`); the app never updates a row.

    ``sequence`` numbers the entries from 1; ``previous`` is the hash of the entry before and
    ``hash`` this entry's own, so the log is checked by walking it in order.
    """

    # The table keeps the name it was created with (migration 0008): renaming it would need a
    # migration, and its triggers and every older file and backup name it so.
    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint("sequence >= 1", name="sequence"),
        CheckConstraint("length(hash) = 64 AND length(previous) = 64", name="hash_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(19))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))
    record: Mapped[str] = mapped_column(String(60), index=True)
    label: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    #: A versioned digest ("v3:" + 64 hex) is longer than 64 characters: SQLite ignores a
    #: length, a server enforces it (migration 0008 gives the server column room).
    digest: Mapped[str] = mapped_column(
        String(64).with_variant(String(80), "postgresql"), default=""
    )
    previous: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class EvaluationSealRow(Base):
    """A period's evaluation marked signed: its realisation, ratings and predikat are read-only."""

    __tablename__ = "evaluation_seals"
    __table_args__ = (UniqueConstraint("skp_id", "period_code", name="uq_evaluation_seals_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    signed_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class SignatoryRow(Base):
    """Who signs a sealed record, as they stood on the day it was sealed (`services.signatories`).

    ``record`` is "skp:<id>:<revision>" for an agreed SKP version and "evaluasi:<skp id>:<period>"
    for a signed evaluation; ``content`` is the people as JSON, so a later move, promotion or
    change of penilai does not change what the form of that period prints.
    """

    __tablename__ = "signatories"

    id: Mapped[int] = mapped_column(primary_key=True)
    record: Mapped[str] = mapped_column(String(60), unique=True)
    taken_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
