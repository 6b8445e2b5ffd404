"""ORM tables of behaviour (BerAKHLAK), the predikat, the unit's distribution, and dialogue."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
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

_RATINGS = "('DI_ATAS', 'SESUAI', 'DI_BAWAH')"
_PREDIKAT = "('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG')"
_VALUES = (
    "('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', "
    "'KOLABORATIF')"
)


class ObservationRow(Base):
    """One dated entry of the behaviour journal (catatan perilaku)."""

    __tablename__ = "observations"
    __table_args__ = (
        CheckConstraint(f"value_code IN {_VALUES}", name="value_code"),
        CheckConstraint("indicator IS NULL OR indicator BETWEEN 1 AND 3", name="indicator"),
        CheckConstraint("sign IN ('POSITIF', 'NEGATIF', 'NETRAL')", name="sign"),
        CheckConstraint("source IN ('LANGSUNG', 'MASYARAKAT', 'AUDIT', 'REKAN')", name="source"),
        Index("ix_observations_employee_day", "employee_id", "observed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"))
    observed_on: Mapped[date] = mapped_column(Date)
    value_code: Mapped[str] = mapped_column(String(30))
    indicator: Mapped[int | None] = mapped_column(Integer)
    sign: Mapped[str] = mapped_column(String(8))
    #: A serious matter (dishonesty, misuse of authority): weighs heavily in the proposal.
    serious: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(12), default="LANGSUNG")
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    evidence_file: Mapped[str] = mapped_column(String(100), default="")  # evidence store name
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class BehaviourFeedbackRow(Base):
    """Umpan balik berkelanjutan for one core value in one period: what the forms print."""

    __tablename__ = "behaviour_feedback"
    __table_args__ = (
        UniqueConstraint("skp_id", "period_code", "value_code", name="uq_behaviour_feedback_value"),
        CheckConstraint(f"value_code IN {_VALUES}", name="value_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    value_code: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")


class BehaviourRatingRow(Base):
    """The Rating Perilaku Kerja of a period: the proposal from the journal and the decision."""

    __tablename__ = "behaviour_ratings"
    __table_args__ = (
        UniqueConstraint("skp_id", "period_code", name="uq_behaviour_ratings_period"),
        CheckConstraint(f"proposed IS NULL OR proposed IN {_RATINGS}", name="proposed"),
        CheckConstraint(f"final IN {_RATINGS}", name="final"),
        CheckConstraint(
            "proposed IS NULL OR final = proposed OR length(reason) > 0", name="override_reason"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    proposed: Mapped[str | None] = mapped_column(String(8))
    proposed_reasons: Mapped[str] = mapped_column(Text, default="")
    final: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date] = mapped_column(Date)


class PredikatRow(Base):
    """The Predikat Kinerja of a period: the matrix's answer, and the penilai's if different."""

    __tablename__ = "predikat_decisions"
    __table_args__ = (
        UniqueConstraint("skp_id", "period_code", name="uq_predikat_decisions_period"),
        CheckConstraint(f"hasil IN {_RATINGS}", name="hasil"),
        CheckConstraint(f"perilaku IN {_RATINGS}", name="perilaku"),
        CheckConstraint(f"computed IN {_PREDIKAT}", name="computed"),
        CheckConstraint(f"final IN {_PREDIKAT}", name="final"),
        CheckConstraint("final = computed OR length(override_reason) > 0", name="override_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    hasil: Mapped[str] = mapped_column(String(8))
    perilaku: Mapped[str] = mapped_column(String(8))
    computed: Mapped[str] = mapped_column(String(20))
    final: Mapped[str] = mapped_column(String(20))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date] = mapped_column(Date)


class OrgPredikatRow(Base):
    """The organisation's predikat for a unit and period, set by the leader one level up."""

    __tablename__ = "org_predikats"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "period_code", name="uq_org_predikats_period"),
        CheckConstraint(
            "predikat IN ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')",
            name="predikat",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(8))
    predikat: Mapped[str] = mapped_column(String(20))
    recorded_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class DialogueRow(Base):
    """The conversation around a period's result: self-assessment, response, objection."""

    __tablename__ = "dialogues"
    __table_args__ = (UniqueConstraint("skp_id", "period_code", name="uq_dialogues_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    self_assessment: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    talk_on: Mapped[date | None] = mapped_column(Date)
    #: The day the employee received the result: the 14 days for an objection run from it.
    result_received_on: Mapped[date | None] = mapped_column(Date)
    response: Mapped[str] = mapped_column(Text, default="")
    response_on: Mapped[date | None] = mapped_column(Date)
    objection: Mapped[str] = mapped_column(Text, default="")
    objection_on: Mapped[date | None] = mapped_column(Date)
    objection_late: Mapped[bool] = mapped_column(Boolean, default=False)
    explanation: Mapped[str] = mapped_column(Text, default="")
    explanation_on: Mapped[date | None] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(Text, default="")
    decision_on: Mapped[date | None] = mapped_column(Date)
    decided_predikat: Mapped[str | None] = mapped_column(String(20))
