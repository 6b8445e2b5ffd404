"""ORM tables of the daily progress log (Progres Harian) and the working-day calendar."""

from __future__ import annotations

from datetime import date, datetime

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

from kinerja_desktop.data.schema import Base

_STATUSES = "('DRAF', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN')"
#: Times are "HH:MM" text: zero-padded, so SQL compares and sorts them as times.
_TIME_SHAPE = "length({0}) = 5 AND substr({0}, 3, 1) = ':'"


class ProgressEntryRow(Base):
    """One daily progress entry of a person against one of their RHK."""

    __tablename__ = "progress_entries"
    __table_args__ = (
        CheckConstraint(f"status IN {_STATUSES}", name="status"),
        CheckConstraint(_TIME_SHAPE.format("start_time"), name="start_time"),
        CheckConstraint(_TIME_SHAPE.format("end_time"), name="end_time"),
        CheckConstraint("end_time > start_time", name="end_after_start"),
        CheckConstraint("realisation >= 0", name="realisation"),
        Index("ix_progress_entries_employee_day", "employee_id", "day"),
        Index("ix_progress_entries_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    #: The RHK worked on; an RHK later deleted from a draft SKP leaves the entry unlinked.
    rhk_id: Mapped[int | None] = mapped_column(
        ForeignKey("rhks.id", ondelete="SET NULL"), index=True
    )
    #: The period's rencana aksi worked on, when the RHK has one (migration 0018).
    rencana_aksi_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_aksi.id", ondelete="SET NULL"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    activity: Mapped[str] = mapped_column(Text)
    data_source: Mapped[str] = mapped_column(Text, default="")
    realisation: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(50))
    evidence_link: Mapped[str] = mapped_column(Text, default="")
    evidence_file: Mapped[str] = mapped_column(String(100), default="")  # evidence store name
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    evidence_name: Mapped[str] = mapped_column(String(255), default="")  # the original name
    status: Mapped[str] = mapped_column(String(12), default="DRAF")
    #: The penilai's note when the entry was returned (kept after resubmission until reviewed).
    review_note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(200), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class OfficeDayOffRow(Base):
    """A day the whole office is off besides the national holidays: cuti bersama or local."""

    __tablename__ = "office_days_off"
    __table_args__ = (CheckConstraint("kind IN ('CUTI_BERSAMA', 'LOKAL')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200), default="")


class LeaveDayRow(Base):
    """A day a person is on leave (cuti), so it is not one of their working days."""

    __tablename__ = "leave_days"
    __table_args__ = (UniqueConstraint("employee_id", "day", name="uq_leave_days_employee_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(String(200), default="")
