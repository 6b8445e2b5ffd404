"""ORM tables of competences (standar kompetensi, ratings) and the development plan."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base, DecimalText

_STATUSES = "('DIRENCANAKAN', 'BERJALAN', 'SELESAI', 'DIBATALKAN')"


class JobStandardRow(Base):
    """The required level of one competence for a jabatan (the agency's standar kompetensi).

    ``jabatan`` is stored cleaned and compared case-insensitively.
    """

    __tablename__ = "job_standards"
    __table_args__ = (
        UniqueConstraint("jabatan", "competence_code", name="uq_job_standards_jabatan_code"),
        CheckConstraint("required_level BETWEEN 1 AND 5", name="required_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    jabatan: Mapped[str] = mapped_column(String(200))
    competence_code: Mapped[str] = mapped_column(String(30))
    required_level: Mapped[int] = mapped_column(Integer)


class TechnicalCompetenceRow(Base):
    """A teknis competence of the agency, for one jabatan, with its five level descriptions."""

    __tablename__ = "technical_competences"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(200))
    #: The five level descriptions, one a line.
    levels: Mapped[str] = mapped_column(Text, default="")


class CompetenceRatingRow(Base):
    """A person's held level of a competence on a day; every rating is kept as history."""

    __tablename__ = "competence_ratings"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level"),
        CheckConstraint("length(reason) > 0", name="reason"),
        Index("ix_competence_ratings_employee_code", "employee_id", "competence_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    competence_code: Mapped[str] = mapped_column(String(30))
    level: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    rated_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DevelopmentItemRow(Base):
    """One item of a person's development plan for a year."""

    __tablename__ = "development_items"
    __table_args__ = (
        CheckConstraint(f"status IN {_STATUSES}", name="status"),
        CheckConstraint(
            "start_date IS NULL OR end_date IS NULL OR end_date >= start_date", name="date_order"
        ),
        Index("ix_development_items_employee_year", "employee_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    addresses: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(String(40))
    provider: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    jp: Mapped[Decimal] = mapped_column(DecimalText)
    status: Mapped[str] = mapped_column(String(15), default="DIRENCANAKAN")
    evidence_note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    #: The key of the proposal this item was accepted from, so it is not proposed again.
    proposal_key: Mapped[str | None] = mapped_column(Text)
    #: The day the supervisor last followed the item up; open items not reviewed since the
    #: current period began come up for review.
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DismissedProposalRow(Base):
    """A development proposal the supervisor set aside for a person and year."""

    __tablename__ = "dismissed_proposals"
    __table_args__ = (
        UniqueConstraint("employee_id", "year", "proposal_key", name="uq_dismissed_proposals_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    proposal_key: Mapped[str] = mapped_column(Text)
    dismissed_on: Mapped[date] = mapped_column(Date)
