"""development follow-up

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 03:11:14.006978
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("development_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposal_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("development_items", schema=None) as batch_op:
        batch_op.drop_column("reviewed_on")
        batch_op.drop_column("proposal_key")
