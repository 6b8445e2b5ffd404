"""competence and development

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 02:53:12.781539
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("competence_code", sa.String(length=30), nullable=False),
        sa.Column("required_level", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "required_level BETWEEN 1 AND 5", name=op.f("ck_job_standards_required_level")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_standards")),
        sa.UniqueConstraint("jabatan", "competence_code", name="uq_job_standards_jabatan_code"),
    )
    op.create_table(
        "technical_competences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("levels", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technical_competences")),
        sa.UniqueConstraint("code", name=op.f("uq_technical_competences_code")),
    )
    op.create_table(
        "competence_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("competence_code", sa.String(length=30), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("length(reason) > 0", name=op.f("ck_competence_ratings_reason")),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name=op.f("ck_competence_ratings_level")),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_competence_ratings_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competence_ratings")),
    )
    with op.batch_alter_table("competence_ratings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_competence_ratings_employee_code", ["employee_id", "competence_code"], unique=False
        )

    op.create_table(
        "development_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("addresses", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("path", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("jp", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=15), nullable=False),
        sa.Column("evidence_note", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('DIRENCANAKAN', 'BERJALAN', 'SELESAI', 'DIBATALKAN')",
            name=op.f("ck_development_items_status"),
        ),
        sa.CheckConstraint(
            "start_date IS NULL OR end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_development_items_date_order"),
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_development_items_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_items")),
    )
    with op.batch_alter_table("development_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_development_items_employee_year", ["employee_id", "year"], unique=False
        )

    op.create_table(
        "dismissed_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("proposal_key", sa.Text(), nullable=False),
        sa.Column("dismissed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_dismissed_proposals_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dismissed_proposals")),
        sa.UniqueConstraint(
            "employee_id", "year", "proposal_key", name="uq_dismissed_proposals_key"
        ),
    )


def downgrade() -> None:
    op.drop_table("dismissed_proposals")
    with op.batch_alter_table("development_items", schema=None) as batch_op:
        batch_op.drop_index("ix_development_items_employee_year")

    op.drop_table("development_items")
    with op.batch_alter_table("competence_ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_competence_ratings_employee_code")

    op.drop_table("competence_ratings")
    op.drop_table("technical_competences")
    op.drop_table("job_standards")
