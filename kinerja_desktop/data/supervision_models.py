"""ORM tables of supervision (reference §8).

The public's complaints and compliments, satisfaction surveys with their responses, and audit
findings with follow-up, evidence and links.
"""

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base

ITEM_COLUMNS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


class PublicFeedbackRow(Base):
    """A complaint, suggestion or compliment from the public, with its follow-up."""

    __tablename__ = "public_feedback"
    __table_args__ = (
        CheckConstraint("kind IN ('PENGADUAN', 'SARAN', 'APRESIASI')", name="kind"),
        CheckConstraint(
            "channel IN ('LANGSUNG', 'KOTAK_SARAN', 'TELEPON_WA', 'SP4N_LAPOR', 'MEDIA_SOSIAL', "
            "'SURAT', 'KIOS')",
            name="channel",
        ),
        CheckConstraint(
            "status IN ('DITERIMA', 'DIVERIFIKASI', 'DITINDAKLANJUTI', 'SELESAI')", name="status"
        ),
        CheckConstraint("channel <> 'SP4N_LAPOR' OR length(ticket) > 0", name="lapor_ticket"),
        CheckConstraint("status <> 'SELESAI' OR length(resolution) > 0", name="resolution"),
        Index("ix_public_feedback_status_received", "status", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(15))
    #: The SP4N-LAPOR! ticket number ("" for other channels).
    ticket: Mapped[str] = mapped_column(String(40), default="")
    received_on: Mapped[date] = mapped_column(Date)
    #: The service unit the entry is about (e.g. Poli Umum of a puskesmas).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    category: Mapped[str] = mapped_column(String(100), default="")
    reporter: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="DITERIMA")
    respond_by: Mapped[date | None] = mapped_column(Date)
    resolve_by: Mapped[date | None] = mapped_column(Date)
    verified_on: Mapped[date | None] = mapped_column(Date)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str] = mapped_column(Text, default="")
    #: The behaviour journal entry made from this one; the journal finds its way back here.
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observations.id", ondelete="SET NULL"), unique=True
    )
    #: The survey a kiosk entry came in with.
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class SurveyRow(Base):
    """A satisfaction survey (SKM) of one service unit for one period."""

    __tablename__ = "surveys"
    __table_args__ = (
        UniqueConstraint("unit_id", "period_code", name="uq_surveys_unit_period"),
        CheckConstraint("population IS NULL OR population > 0", name="population"),
        CheckConstraint(
            "fieldwork_start IS NULL OR fieldwork_end IS NULL OR fieldwork_end >= fieldwork_start",
            name="fieldwork",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    period_code: Mapped[str] = mapped_column(String(10))
    opened_on: Mapped[date] = mapped_column(Date)
    #: None while the survey runs (the kiosk adds to a running survey only).
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    #: The service's users in the survey period (the population the sample is drawn from).
    population: Mapped[int | None] = mapped_column(Integer)
    #: How answers were collected: codes of `domain.supervision.survey_method.SurveyMethod`,
    #: comma-separated in their declared order ("" until recorded).
    methods: Mapped[str] = mapped_column(String(40), default="", server_default=text("''"))
    fieldwork_start: Mapped[date | None] = mapped_column(Date)
    fieldwork_end: Mapped[date | None] = mapped_column(Date)


class SurveyActionRow(Base):
    """One line of a survey's rencana tindak lanjut: what the unit will do about an unsur."""

    __tablename__ = "survey_action_plans"
    __table_args__ = (
        CheckConstraint(
            "item IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')", name="item"
        ),
        Index("ix_survey_action_plans_survey", "survey_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(3))
    program: Mapped[str] = mapped_column(Text)
    schedule: Mapped[str] = mapped_column(String(100))
    responsible: Mapped[str] = mapped_column(String(200))


def _item_checks() -> tuple[CheckConstraint, ...]:
    return tuple(
        CheckConstraint(f"{column} IS NULL OR {column} BETWEEN 1 AND 4", name=column)
        for column in ITEM_COLUMNS
    )


class SurveyResponseRow(Base):
    """One respondent's questionnaire: the nine answers (NULL = unanswered) and a profile."""

    __tablename__ = "survey_responses"
    __table_args__ = (
        *_item_checks(),
        CheckConstraint("source IN ('KETIK', 'IMPOR', 'KIOS')", name="source"),
        CheckConstraint("gender IN ('', 'L', 'P')", name="gender"),
        CheckConstraint(
            "coalesce(u1, u2, u3, u4, u5, u6, u7, u8, u9) IS NOT NULL", name="some_answer"
        ),
        Index("ix_survey_responses_survey", "survey_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    u1: Mapped[int | None] = mapped_column(Integer)
    u2: Mapped[int | None] = mapped_column(Integer)
    u3: Mapped[int | None] = mapped_column(Integer)
    u4: Mapped[int | None] = mapped_column(Integer)
    u5: Mapped[int | None] = mapped_column(Integer)
    u6: Mapped[int | None] = mapped_column(Integer)
    u7: Mapped[int | None] = mapped_column(Integer)
    u8: Mapped[int | None] = mapped_column(Integer)
    u9: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str] = mapped_column(String(1), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    education: Mapped[str] = mapped_column(String(40), default="")
    occupation: Mapped[str] = mapped_column(String(60), default="")
    #: The staff member who served the respondent, when named (kiosk).
    served_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(6), default="KETIK")
    answered_on: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class FindingRow(Base):
    """A finding of the Inspektorat, BPKP, BPK or an internal evaluation."""

    # Tables keep their names from migration 0010 ("audit" as in internal audit); the code says
    # "finding" so it is not confused with the seal chain's `audit_log`.
    __tablename__ = "audit_findings"
    __table_args__ = (
        CheckConstraint(
            "source IN ('INSPEKTORAT', 'BPKP', 'BPK', 'EVALUASI_INTERNAL')", name="source"
        ),
        CheckConstraint("status IN ('BELUM', 'PROSES', 'SELESAI', 'TIDAK_DAPAT')", name="status"),
        CheckConstraint("due_on >= found_on", name="due_after_found"),
        Index("ix_audit_findings_status_due", "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    #: The audit report number (Nomor LHP), when there is one.
    reference: Mapped[str] = mapped_column(String(100), default="")
    found_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))
    condition: Mapped[str] = mapped_column(Text)
    criterion: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="BELUM")
    closed_on: Mapped[date | None] = mapped_column(Date)
    status_note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class FollowUpRow(Base):
    """One follow-up action on a finding, with its evidence (note or link, and a file)."""

    __tablename__ = "audit_follow_ups"
    __table_args__ = (Index("ix_audit_follow_ups_finding", "finding_id", "done_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("audit_findings.id", ondelete="CASCADE"))
    done_on: Mapped[date] = mapped_column(Date)
    action: Mapped[str] = mapped_column(Text)
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    evidence_file: Mapped[str] = mapped_column(String(100), default="")  # evidence store name
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class FindingLinkRow(Base):
    """A finding used as evidence for an SKP result (RHK) or a behaviour observation."""

    __tablename__ = "audit_links"
    __table_args__ = (
        CheckConstraint("(rhk_id IS NULL) <> (observation_id IS NULL)", name="one_target"),
        UniqueConstraint("finding_id", "rhk_id", name="uq_audit_links_rhk"),
        UniqueConstraint("finding_id", "observation_id", name="uq_audit_links_observation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("audit_findings.id", ondelete="CASCADE"))
    rhk_id: Mapped[int | None] = mapped_column(
        ForeignKey("rhks.id", ondelete="CASCADE"), index=True
    )
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), index=True
    )
