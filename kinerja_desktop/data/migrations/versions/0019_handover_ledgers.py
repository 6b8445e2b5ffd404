"""hand-over ledgers: numbered packages sent, packages received

A unit numbers the packages it exports per scope (``handover_sent_scopes``: unit path and year,
the last number) and keeps the digest of every record of that scope as last sent
(``handover_sent_records``), so a package of changes carries only what is new or changed. A hub
keeps every package it took (``handover_received``: sender key fingerprint, scope, number,
package SHA-256, file, time, counts, outcome), so the same package again changes nothing and an
older one is refused.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handover_sent_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope_key", sa.Text(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_exported_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "last_sequence >= 1", name=op.f("ck_handover_sent_scopes_last_sequence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_sent_scopes")),
        sa.UniqueConstraint("scope_key", name=op.f("uq_handover_sent_scopes_scope_key")),
    )
    op.create_table(
        "handover_sent_records",
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["scope_id"],
            ["handover_sent_scopes.id"],
            name=op.f("fk_handover_sent_records_scope_id_handover_sent_scopes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("scope_id", "kind", "key", name=op.f("pk_handover_sent_records")),
    )
    op.create_table(
        "handover_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("scope_key", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("since", sa.Integer(), nullable=True),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("replaced", sa.Integer(), nullable=False),
        sa.Column("kept", sa.Integer(), nullable=False),
        sa.Column("identical", sa.Integer(), nullable=False),
        sa.Column("undecided", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('DITERIMA', 'PERLU_DIPUTUSKAN')", name=op.f("ck_handover_received_outcome")
        ),
        sa.CheckConstraint(
            "sequence IS NULL OR sequence >= 1", name=op.f("ck_handover_received_sequence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_received")),
        sa.UniqueConstraint("package_sha256", name=op.f("uq_handover_received_package_sha256")),
    )
    op.create_index(
        "ix_handover_received_sender_scope",
        "handover_received",
        ["sender_fingerprint", "scope_key", "sequence"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_handover_received_sender_scope", table_name="handover_received")
    op.drop_table("handover_received")
    op.drop_table("handover_sent_records")
    op.drop_table("handover_sent_scopes")
