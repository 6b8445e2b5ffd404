"""behaviour predikat distribution dialogue

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 02:11:55.698160
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "org_predikats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("predikat", sa.String(length=20), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "predikat IN ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')",
            name=op.f("ck_org_predikats_predikat"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_org_predikats_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_predikats")),
        sa.UniqueConstraint("unit_id", "year", "period_code", name="uq_org_predikats_period"),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("value_code", sa.String(length=30), nullable=False),
        sa.Column("indicator", sa.Integer(), nullable=True),
        sa.Column("sign", sa.String(length=8), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_file", sa.String(length=100), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "sign IN ('POSITIF', 'NEGATIF', 'NETRAL')", name=op.f("ck_observations_sign")
        ),
        sa.CheckConstraint(
            "source IN ('LANGSUNG', 'MASYARAKAT', 'AUDIT', 'REKAN')",
            name=op.f("ck_observations_source"),
        ),
        sa.CheckConstraint(
            "value_code IN ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF')",
            name=op.f("ck_observations_value_code"),
        ),
        sa.CheckConstraint(
            "indicator IS NULL OR indicator BETWEEN 1 AND 3", name=op.f("ck_observations_indicator")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_observations_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
    )
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_observations_employee_day", ["employee_id", "observed_on"], unique=False
        )

    op.create_table(
        "behaviour_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("value_code", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "value_code IN ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF')",
            name=op.f("ck_behaviour_feedback_value_code"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_behaviour_feedback_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviour_feedback")),
        sa.UniqueConstraint(
            "skp_id", "period_code", "value_code", name="uq_behaviour_feedback_value"
        ),
    )
    op.create_table(
        "behaviour_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("proposed", sa.String(length=8), nullable=True),
        sa.Column("proposed_reasons", sa.Text(), nullable=False),
        sa.Column("final", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "final IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')", name=op.f("ck_behaviour_ratings_final")
        ),
        sa.CheckConstraint(
            "proposed IS NULL OR proposed IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')",
            name=op.f("ck_behaviour_ratings_proposed"),
        ),
        sa.CheckConstraint(
            "proposed IS NULL OR final = proposed OR length(reason) > 0",
            name=op.f("ck_behaviour_ratings_override_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_behaviour_ratings_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviour_ratings")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_behaviour_ratings_period"),
    )
    op.create_table(
        "dialogues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("self_assessment", sa.Text(), nullable=False),
        sa.Column("reflection", sa.Text(), nullable=False),
        sa.Column("talk_on", sa.Date(), nullable=True),
        sa.Column("result_received_on", sa.Date(), nullable=True),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("response_on", sa.Date(), nullable=True),
        sa.Column("objection", sa.Text(), nullable=False),
        sa.Column("objection_on", sa.Date(), nullable=True),
        sa.Column("objection_late", sa.Boolean(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("explanation_on", sa.Date(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("decided_predikat", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skps.id"], name=op.f("fk_dialogues_skp_id_skps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogues")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_dialogues_period"),
    )
    op.create_table(
        "predikat_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("hasil", sa.String(length=8), nullable=False),
        sa.Column("perilaku", sa.String(length=8), nullable=False),
        sa.Column("computed", sa.String(length=20), nullable=False),
        sa.Column("final", sa.String(length=20), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "computed IN ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG')",
            name=op.f("ck_predikat_decisions_computed"),
        ),
        sa.CheckConstraint(
            "final IN ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG')",
            name=op.f("ck_predikat_decisions_final"),
        ),
        sa.CheckConstraint(
            "hasil IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')", name=op.f("ck_predikat_decisions_hasil")
        ),
        sa.CheckConstraint(
            "perilaku IN ('DI_ATAS', 'SESUAI', 'DI_BAWAH')",
            name=op.f("ck_predikat_decisions_perilaku"),
        ),
        sa.CheckConstraint(
            "final = computed OR length(override_reason) > 0",
            name=op.f("ck_predikat_decisions_override_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_predikat_decisions_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_predikat_decisions")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_predikat_decisions_period"),
    )


def downgrade() -> None:

    op.drop_table("predikat_decisions")
    op.drop_table("dialogues")
    op.drop_table("behaviour_ratings")
    op.drop_table("behaviour_feedback")
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index("ix_observations_employee_day")

    op.drop_table("observations")
    op.drop_table("org_predikats")
