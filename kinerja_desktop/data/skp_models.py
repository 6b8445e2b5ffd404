"""ORM tables of SKP planning and realisation."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
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

from kinerja_desktop.data.schema import Base, DecimalText

_RATINGS = "('DI_ATAS', 'SESUAI', 'DI_BAWAH')"


class SkpRow(Base):
    """One person's SKP for one year; its content is the RHK, IKI, lampiran and expectations."""

    __tablename__ = "skps"
    __table_args__ = (
        UniqueConstraint("employee_id", "year", name="uq_skps_employee_year"),
        CheckConstraint("pendekatan IN ('KUANTITATIF', 'KUALITATIF')", name="pendekatan"),
        CheckConstraint("layout IN ('JPT', 'JA_JF')", name="layout"),
        CheckConstraint("status IN ('DRAFT', 'DISEPAKATI')", name="status"),
        CheckConstraint("period_end >= period_start", name="period_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    pendekatan: Mapped[str] = mapped_column(String(12))
    layout: Mapped[str] = mapped_column(String(6))
    status: Mapped[str] = mapped_column(String(10), default="DRAFT")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    #: 1 for the first agreed version; a revision after agreement raises it.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    agreed_on: Mapped[date | None] = mapped_column(Date)
    revision_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RhkRow(Base):
    __tablename__ = "rhks"
    __table_args__ = (CheckConstraint("kind IN ('UTAMA', 'TAMBAHAN')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    #: The supervisor's RHK this one serves ("RHK atasan yang diintervensi").
    parent_rhk_id: Mapped[int | None] = mapped_column(
        ForeignKey("rhks.id", ondelete="SET NULL"), index=True
    )
    #: Free text instead of a parent, only at the top of the tree (Renstra, Perjanjian Kinerja).
    parent_text: Mapped[str] = mapped_column(Text, default="")


class IkiRow(Base):
    __tablename__ = "ikis"
    __table_args__ = (
        CheckConstraint(
            "aspek IS NULL OR aspek IN ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA')", name="aspek"
        ),
        CheckConstraint(
            "perspektif IS NULL OR perspektif IN "
            "('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN')",
            name="perspektif",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rhk_id: Mapped[int] = mapped_column(ForeignKey("rhks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(Text)
    target: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(String(60), default="")
    target_text: Mapped[str] = mapped_column(Text, default="")
    lower_is_better: Mapped[bool] = mapped_column(Boolean, default=False)
    aspek: Mapped[str | None] = mapped_column(String(10))
    perspektif: Mapped[str | None] = mapped_column(String(20))


class SkpLampiranRow(Base):
    __tablename__ = "skp_lampiran"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI')",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class SkpExpectationRow(Base):
    """The leader's specific expectation (Ekspektasi Khusus Pimpinan) for one core value."""

    __tablename__ = "skp_expectations"
    __table_args__ = (UniqueConstraint("skp_id", "value_code", name="uq_skp_expectations_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"), index=True)
    value_code: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class SkpVersionRow(Base):
    """An agreed version of an SKP, kept whole so that every version stays readable."""

    __tablename__ = "skp_versions"
    __table_args__ = (UniqueConstraint("skp_id", "revision", name="uq_skp_versions_revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    agreed_on: Mapped[date] = mapped_column(Date)
    #: Why the revision after the previous version was opened ("" for the first version).
    reason: Mapped[str] = mapped_column(Text, default="")
    content_json: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RealisationRow(Base):
    __tablename__ = "realisations"
    __table_args__ = (UniqueConstraint("iki_id", "period_code", name="uq_realisations_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique (iki_id, period_code) index serves lookups by indicator.
    iki_id: Mapped[int] = mapped_column(ForeignKey("ikis.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class EvidenceRow(Base):
    """Bukti dukung: a note, a link, or a file copied into the app's data folder."""

    __tablename__ = "evidence"
    __table_args__ = (CheckConstraint("kind IN ('NOTE', 'LINK', 'FILE')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    iki_id: Mapped[int] = mapped_column(ForeignKey("ikis.id", ondelete="CASCADE"), index=True)
    period_code: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(4))
    text: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")
    #: Where the copy lives, relative to the evidence folder (named by its SHA-256).
    stored_name: Mapped[str] = mapped_column(String(100), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RhkFeedbackRow(Base):
    """Umpan balik berkelanjutan for one RHK in one period.

    For the qualitative approach it also holds the supervisor's judgement of that result.
    """

    __tablename__ = "rhk_feedback"
    __table_args__ = (
        UniqueConstraint("rhk_id", "period_code", name="uq_rhk_feedback_period"),
        CheckConstraint(f"assessment IS NULL OR assessment IN {_RATINGS}", name="assessment"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Served by the unique (rhk_id, period_code) index, like realisations.
    rhk_id: Mapped[int] = mapped_column(ForeignKey("rhks.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    feedback: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str | None] = mapped_column(String(8))


class EvaluationNoteRow(Base):
    """The penilai's Catatan/Rekomendasi of a period, printed on the Dokumen Evaluasi."""

    __tablename__ = "evaluation_notes"
    __table_args__ = (UniqueConstraint("skp_id", "period_code", name="uq_evaluation_notes_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)


class ResultRatingRow(Base):
    """The Rating Hasil Kerja of a period: the app's proposal and the supervisor's decision."""

    __tablename__ = "result_ratings"
    __table_args__ = (
        UniqueConstraint("skp_id", "period_code", name="uq_result_ratings_period"),
        CheckConstraint(f"proposed IS NULL OR proposed IN {_RATINGS}", name="proposed"),
        CheckConstraint(f"final IN {_RATINGS}", name="final"),
        CheckConstraint("source IN ('PROPOSAL', 'OVERRIDE', 'ORGANISASI')", name="source"),
        CheckConstraint("source = 'PROPOSAL' OR length(reason) > 0", name="override_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skps.id", ondelete="CASCADE"), index=True)
    period_code: Mapped[str] = mapped_column(String(8))
    proposed: Mapped[str | None] = mapped_column(String(8))
    proposed_reasons: Mapped[str] = mapped_column(Text, default="")
    final: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date] = mapped_column(Date)


class RencanaAksiRow(Base):
    """What one RHK plans to do in one periodic period (not AKHIR)."""

    __tablename__ = "rencana_aksi"
    __table_args__ = (
        UniqueConstraint("rhk_id", "period_code", name="uq_rencana_aksi_period"),
        CheckConstraint("length(text) > 0", name="text"),
        CheckConstraint("period_code <> 'AKHIR'", name="periodic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Served by the unique (rhk_id, period_code) index.
    rhk_id: Mapped[int] = mapped_column(ForeignKey("rhks.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)


class PeriodTargetRow(Base):
    """An indicator's target for one periodic period, on the indicator's scale."""

    __tablename__ = "period_targets"
    __table_args__ = (
        UniqueConstraint("iki_id", "period_code", name="uq_period_targets_period"),
        CheckConstraint("CAST(target AS REAL) >= 0", name="target"),
        CheckConstraint("period_code <> 'AKHIR'", name="periodic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    iki_id: Mapped[int] = mapped_column(ForeignKey("ikis.id", ondelete="CASCADE"))
    period_code: Mapped[str] = mapped_column(String(8))
    target: Mapped[Decimal] = mapped_column(DecimalText)


class TargetScaleRow(Base):
    """How an indicator's period targets read: KUMULATIF or PER_PERIODE.

    A table of its own, not a column of ``ikis``: the seal of an agreed SKP covers every
    column of its indicators, and a new column would flag every SKP sealed before it.
    """

    __tablename__ = "target_scales"
    __table_args__ = (CheckConstraint("scale IN ('KUMULATIF', 'PER_PERIODE')", name="scale"),)

    iki_id: Mapped[int] = mapped_column(ForeignKey("ikis.id", ondelete="CASCADE"), primary_key=True)
    scale: Mapped[str] = mapped_column(String(12))
