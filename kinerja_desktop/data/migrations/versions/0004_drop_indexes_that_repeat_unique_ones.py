"""drop indexes that repeat unique ones

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 02:03:28.227083
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table("realisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_realisations_iki_id"))

    with op.batch_alter_table("rhk_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rhk_feedback_rhk_id"))


def downgrade() -> None:

    with op.batch_alter_table("rhk_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rhk_feedback_rhk_id"), ["rhk_id"], unique=False)

    with op.batch_alter_table("realisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_realisations_iki_id"), ["iki_id"], unique=False)
