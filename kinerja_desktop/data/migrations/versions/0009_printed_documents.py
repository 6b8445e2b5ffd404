"""printed documents

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 03:20:25.609903
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "printed_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=10), nullable=False),
        sa.Column("paper", sa.String(length=4), nullable=False),
        sa.Column("printed_on", sa.Date(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column(
            "printed_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "form IN ('skp', 'evaluasi', 'dokumen', 'pengembangan', 'distribusi', 'kompetensi')",
            name=op.f("ck_printed_documents_form"),
        ),
        sa.CheckConstraint("paper IN ('a4', 'f4')", name=op.f("ck_printed_documents_paper")),
        sa.CheckConstraint("length(digest) = 64", name=op.f("ck_printed_documents_digest_length")),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_printed_documents_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_printed_documents_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_documents")),
        sa.UniqueConstraint("code", name=op.f("uq_printed_documents_code")),
    )
    with op.batch_alter_table("printed_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_printed_documents_employee_id"), ["employee_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("printed_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_printed_documents_employee_id"))

    op.drop_table("printed_documents")
