"""evidence contents

On a server database evidence files (bukti dukung) are shared by every computer: their bytes
live in ``evidence_contents``, one row per content keyed by its SHA-256. A SQLite office keeps
them in the folder beside the file and leaves the table empty.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "evidence_contents",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_evidence_contents_sha256_length")),
        sa.CheckConstraint("size > 0", name=op.f("ck_evidence_contents_size")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_contents")),
    )


def downgrade() -> None:
    op.drop_table("evidence_contents")
