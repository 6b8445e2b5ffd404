"""supervision complaints surveys audit

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28 03:16:57.125925
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=10), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_surveys_unit_id_units"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("unit_id", "period_code", name="uq_surveys_unit_period"),
    )
    op.create_table(
        "audit_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("criterion", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("status_note", sa.Text(), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "source IN ('INSPEKTORAT', 'BPKP', 'BPK', 'EVALUASI_INTERNAL')",
            name=op.f("ck_audit_findings_source"),
        ),
        sa.CheckConstraint(
            "status IN ('BELUM', 'PROSES', 'SELESAI', 'TIDAK_DAPAT')",
            name=op.f("ck_audit_findings_status"),
        ),
        sa.CheckConstraint("due_on >= found_on", name=op.f("ck_audit_findings_due_after_found")),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_audit_findings_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_audit_findings_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_findings")),
    )
    with op.batch_alter_table("audit_findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_findings_employee_id"), ["employee_id"], unique=False
        )
        batch_op.create_index("ix_audit_findings_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("u1", sa.Integer(), nullable=True),
        sa.Column("u2", sa.Integer(), nullable=True),
        sa.Column("u3", sa.Integer(), nullable=True),
        sa.Column("u4", sa.Integer(), nullable=True),
        sa.Column("u5", sa.Integer(), nullable=True),
        sa.Column("u6", sa.Integer(), nullable=True),
        sa.Column("u7", sa.Integer(), nullable=True),
        sa.Column("u8", sa.Integer(), nullable=True),
        sa.Column("u9", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("education", sa.String(length=40), nullable=False),
        sa.Column("occupation", sa.String(length=60), nullable=False),
        sa.Column("served_by_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=6), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("gender IN ('', 'L', 'P')", name=op.f("ck_survey_responses_gender")),
        sa.CheckConstraint(
            "source IN ('KETIK', 'IMPOR', 'KIOS')", name=op.f("ck_survey_responses_source")
        ),
        sa.CheckConstraint(
            "coalesce(u1, u2, u3, u4, u5, u6, u7, u8, u9) IS NOT NULL",
            name=op.f("ck_survey_responses_some_answer"),
        ),
        sa.CheckConstraint("u1 IS NULL OR u1 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u1")),
        sa.CheckConstraint("u2 IS NULL OR u2 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u2")),
        sa.CheckConstraint("u3 IS NULL OR u3 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u3")),
        sa.CheckConstraint("u4 IS NULL OR u4 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u4")),
        sa.CheckConstraint("u5 IS NULL OR u5 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u5")),
        sa.CheckConstraint("u6 IS NULL OR u6 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u6")),
        sa.CheckConstraint("u7 IS NULL OR u7 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u7")),
        sa.CheckConstraint("u8 IS NULL OR u8 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u8")),
        sa.CheckConstraint("u9 IS NULL OR u9 BETWEEN 1 AND 4", name=op.f("ck_survey_responses_u9")),
        sa.ForeignKeyConstraint(
            ["served_by_id"],
            ["employees.id"],
            name=op.f("fk_survey_responses_served_by_id_employees"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_responses_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_responses_served_by_id"), ["served_by_id"], unique=False
        )
        batch_op.create_index("ix_survey_responses_survey", ["survey_id"], unique=False)

    op.create_table(
        "audit_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_file", sa.String(length=100), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["audit_findings.id"],
            name=op.f("fk_audit_follow_ups_finding_id_audit_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_follow_ups")),
    )
    with op.batch_alter_table("audit_follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_follow_ups_finding", ["finding_id", "done_on"], unique=False
        )

    op.create_table(
        "public_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=15), nullable=False),
        sa.Column("ticket", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("reporter", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("resolve_by", sa.Date(), nullable=True),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.Column("survey_id", sa.Integer(), nullable=True),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "channel <> 'SP4N_LAPOR' OR length(ticket) > 0",
            name=op.f("ck_public_feedback_lapor_ticket"),
        ),
        sa.CheckConstraint(
            "channel IN ('LANGSUNG', 'KOTAK_SARAN', 'TELEPON_WA', 'SP4N_LAPOR', 'MEDIA_SOSIAL', 'SURAT', 'KIOS')",
            name=op.f("ck_public_feedback_channel"),
        ),
        sa.CheckConstraint(
            "kind IN ('PENGADUAN', 'SARAN', 'APRESIASI')", name=op.f("ck_public_feedback_kind")
        ),
        sa.CheckConstraint(
            "status <> 'SELESAI' OR length(resolution) > 0",
            name=op.f("ck_public_feedback_resolution"),
        ),
        sa.CheckConstraint(
            "status IN ('DITERIMA', 'DIVERIFIKASI', 'DITINDAKLANJUTI', 'SELESAI')",
            name=op.f("ck_public_feedback_status"),
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_public_feedback_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observations.id"],
            name=op.f("fk_public_feedback_observation_id_observations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_public_feedback_survey_id_surveys"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_public_feedback_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_feedback")),
        sa.UniqueConstraint("observation_id", name=op.f("uq_public_feedback_observation_id")),
    )
    with op.batch_alter_table("public_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_public_feedback_employee_id"), ["employee_id"], unique=False
        )
        batch_op.create_index(
            "ix_public_feedback_status_received", ["status", "received_on"], unique=False
        )

    op.create_table(
        "audit_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=True),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(rhk_id IS NULL) <> (observation_id IS NULL)", name=op.f("ck_audit_links_one_target")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["audit_findings.id"],
            name=op.f("fk_audit_links_finding_id_audit_findings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observations.id"],
            name=op.f("fk_audit_links_observation_id_observations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"], ["rhks.id"], name=op.f("fk_audit_links_rhk_id_rhks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_links")),
        sa.UniqueConstraint("finding_id", "observation_id", name="uq_audit_links_observation"),
        sa.UniqueConstraint("finding_id", "rhk_id", name="uq_audit_links_rhk"),
    )
    with op.batch_alter_table("audit_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_links_observation_id"), ["observation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_links_rhk_id"), ["rhk_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_links_rhk_id"))
        batch_op.drop_index(batch_op.f("ix_audit_links_observation_id"))

    op.drop_table("audit_links")
    with op.batch_alter_table("public_feedback", schema=None) as batch_op:
        batch_op.drop_index("ix_public_feedback_status_received")
        batch_op.drop_index(batch_op.f("ix_public_feedback_employee_id"))

    op.drop_table("public_feedback")
    with op.batch_alter_table("audit_follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_follow_ups_finding")

    op.drop_table("audit_follow_ups")
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_responses_survey")
        batch_op.drop_index(batch_op.f("ix_survey_responses_served_by_id"))

    op.drop_table("survey_responses")
    with op.batch_alter_table("audit_findings", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_findings_status_due")
        batch_op.drop_index(batch_op.f("ix_audit_findings_employee_id"))

    op.drop_table("audit_findings")
    op.drop_table("surveys")
