"""rencana aksi and period targets

Per RHK and periodic period a rencana aksi; per indicator and periodic period a target, read on
the indicator's scale (``target_scales``: KUMULATIF or PER_PERIODE, a table of its own so that
the seals of agreed SKP, which cover every column of ``ikis``, stay valid). A daily progress
entry may point at the rencana aksi it served (``progress_entries.rencana_aksi_id``).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rencana_aksi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_rencana_aksi_text")),
        sa.CheckConstraint("period_code <> 'AKHIR'", name=op.f("ck_rencana_aksi_periodic")),
        sa.ForeignKeyConstraint(
            ["rhk_id"], ["rhks.id"], name=op.f("fk_rencana_aksi_rhk_id_rhks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana_aksi")),
        sa.UniqueConstraint("rhk_id", "period_code", name="uq_rencana_aksi_period"),
    )
    op.create_table(
        "period_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("iki_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.CheckConstraint("CAST(target AS REAL) >= 0", name=op.f("ck_period_targets_target")),
        sa.CheckConstraint("period_code <> 'AKHIR'", name=op.f("ck_period_targets_periodic")),
        sa.ForeignKeyConstraint(
            ["iki_id"], ["ikis.id"], name=op.f("fk_period_targets_iki_id_ikis"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_targets")),
        sa.UniqueConstraint("iki_id", "period_code", name="uq_period_targets_period"),
    )
    op.create_table(
        "target_scales",
        sa.Column("iki_id", sa.Integer(), nullable=False),
        sa.Column("scale", sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            "scale IN ('KUMULATIF', 'PER_PERIODE')", name=op.f("ck_target_scales_scale")
        ),
        sa.ForeignKeyConstraint(
            ["iki_id"], ["ikis.id"], name=op.f("fk_target_scales_iki_id_ikis"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("iki_id", name=op.f("pk_target_scales")),
    )
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rencana_aksi_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_progress_entries_rencana_aksi_id_rencana_aksi"),
            "rencana_aksi",
            ["rencana_aksi_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(
            batch_op.f("ix_progress_entries_rencana_aksi_id"), ["rencana_aksi_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_entries_rencana_aksi_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_progress_entries_rencana_aksi_id_rencana_aksi"), type_="foreignkey"
        )
        batch_op.drop_column("rencana_aksi_id")
    op.drop_table("target_scales")
    op.drop_table("period_targets")
    op.drop_table("rencana_aksi")
