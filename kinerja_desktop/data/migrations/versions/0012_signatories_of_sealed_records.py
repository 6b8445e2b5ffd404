"""signatories of sealed records

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28 04:45:23.016369
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signatories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record", sa.String(length=60), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatories")),
        sa.UniqueConstraint("record", name=op.f("uq_signatories_record")),
    )


def downgrade() -> None:
    op.drop_table("signatories")
