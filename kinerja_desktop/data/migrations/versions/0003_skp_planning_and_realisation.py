"""skp planning and realisation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 01:19:45.085368
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "skps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("pendekatan", sa.String(length=12), nullable=False),
        sa.Column("layout", sa.String(length=6), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("revision_reason", sa.Text(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("layout IN ('JPT', 'JA_JF')", name=op.f("ck_skps_layout")),
        sa.CheckConstraint(
            "pendekatan IN ('KUANTITATIF', 'KUALITATIF')", name=op.f("ck_skps_pendekatan")
        ),
        sa.CheckConstraint("status IN ('DRAFT', 'DISEPAKATI')", name=op.f("ck_skps_status")),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_skps_period_order")),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_skps_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skps")),
        sa.UniqueConstraint("employee_id", "year", name="uq_skps_employee_year"),
    )
    with op.batch_alter_table("skps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skps_employee_id"), ["employee_id"], unique=False)

    op.create_table(
        "result_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("proposed", sa.String(length=8), nullable=True),
        sa.Column("proposed_reasons", sa.Text(), nullable=False),
        sa.Column("final", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "final IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')", name=op.f("ck_result_ratings_final")
        ),
        sa.CheckConstraint(
            "proposed IS NULL OR proposed IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')",
            name=op.f("ck_result_ratings_proposed"),
        ),
        sa.CheckConstraint(
            "source = 'PROPOSAL' OR length(reason) > 0",
            name=op.f("ck_result_ratings_override_reason"),
        ),
        sa.CheckConstraint(
            "source IN ('PROPOSAL', 'OVERRIDE', 'ORGANISASI')",
            name=op.f("ck_result_ratings_source"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skps.id"], name=op.f("fk_result_ratings_skp_id_skps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_ratings")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_result_ratings_period"),
    )
    with op.batch_alter_table("result_ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_result_ratings_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "rhks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("parent_rhk_id", sa.Integer(), nullable=True),
        sa.Column("parent_text", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('UTAMA', 'TAMBAHAN')", name=op.f("ck_rhks_kind")),
        sa.ForeignKeyConstraint(
            ["parent_rhk_id"],
            ["rhks.id"],
            name=op.f("fk_rhks_parent_rhk_id_rhks"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skps.id"], name=op.f("fk_rhks_skp_id_skps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rhks")),
    )
    with op.batch_alter_table("rhks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rhks_parent_rhk_id"), ["parent_rhk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rhks_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "skp_expectations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("value_code", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_skp_expectations_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp_expectations")),
        sa.UniqueConstraint("skp_id", "value_code", name="uq_skp_expectations_value"),
    )
    with op.batch_alter_table("skp_expectations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skp_expectations_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "skp_lampiran",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI')",
            name=op.f("ck_skp_lampiran_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skps.id"], name=op.f("fk_skp_lampiran_skp_id_skps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp_lampiran")),
    )
    with op.batch_alter_table("skp_lampiran", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skp_lampiran_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "skp_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skps.id"], name=op.f("fk_skp_versions_skp_id_skps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp_versions")),
        sa.UniqueConstraint("skp_id", "revision", name="uq_skp_versions_revision"),
    )
    with op.batch_alter_table("skp_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skp_versions_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "ikis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=True),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("target_text", sa.Text(), nullable=False),
        sa.Column("lower_is_better", sa.Boolean(), nullable=False),
        sa.Column("aspek", sa.String(length=10), nullable=True),
        sa.Column("perspektif", sa.String(length=20), nullable=True),
        sa.CheckConstraint(
            "aspek IS NULL OR aspek IN ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA')",
            name=op.f("ck_ikis_aspek"),
        ),
        sa.CheckConstraint(
            "perspektif IS NULL OR perspektif IN ('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN')",
            name=op.f("ck_ikis_perspektif"),
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"], ["rhks.id"], name=op.f("fk_ikis_rhk_id_rhks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ikis")),
    )
    with op.batch_alter_table("ikis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ikis_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "rhk_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("assessment", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "assessment IS NULL OR assessment IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')",
            name=op.f("ck_rhk_feedback_assessment"),
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"], ["rhks.id"], name=op.f("fk_rhk_feedback_rhk_id_rhks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rhk_feedback")),
        sa.UniqueConstraint("rhk_id", "period_code", name="uq_rhk_feedback_period"),
    )
    with op.batch_alter_table("rhk_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rhk_feedback_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("iki_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column(
            "added_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint("kind IN ('NOTE', 'LINK', 'FILE')", name=op.f("ck_evidence_kind")),
        sa.ForeignKeyConstraint(
            ["iki_id"], ["ikis.id"], name=op.f("fk_evidence_iki_id_ikis"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_iki_id"), ["iki_id"], unique=False)

    op.create_table(
        "realisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("iki_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["iki_id"], ["ikis.id"], name=op.f("fk_realisations_iki_id_ikis"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_realisations")),
        sa.UniqueConstraint("iki_id", "period_code", name="uq_realisations_period"),
    )
    with op.batch_alter_table("realisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_realisations_iki_id"), ["iki_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("realisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_realisations_iki_id"))

    op.drop_table("realisations")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_iki_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("rhk_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rhk_feedback_rhk_id"))

    op.drop_table("rhk_feedback")
    with op.batch_alter_table("ikis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ikis_rhk_id"))

    op.drop_table("ikis")
    with op.batch_alter_table("skp_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skp_versions_skp_id"))

    op.drop_table("skp_versions")
    with op.batch_alter_table("skp_lampiran", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skp_lampiran_skp_id"))

    op.drop_table("skp_lampiran")
    with op.batch_alter_table("skp_expectations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skp_expectations_skp_id"))

    op.drop_table("skp_expectations")
    with op.batch_alter_table("rhks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rhks_skp_id"))
        batch_op.drop_index(batch_op.f("ix_rhks_parent_rhk_id"))

    op.drop_table("rhks")
    with op.batch_alter_table("result_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_result_ratings_skp_id"))

    op.drop_table("result_ratings")
    with op.batch_alter_table("skps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skps_employee_id"))

    op.drop_table("skps")
