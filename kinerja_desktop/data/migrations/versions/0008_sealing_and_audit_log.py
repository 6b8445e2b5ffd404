"""sealing and audit log

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 03:25:54.698822
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=19), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("record", sa.String(length=60), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        # A versioned digest ("v3:" + 64 hex) is longer than 64: SQLite ignores the length,
        # a server enforces it, so it gets room there (SQLite's schema stays as it was).
        sa.Column(
            "digest",
            sa.String(length=64).with_variant(sa.String(length=80), "postgresql"),
            nullable=False,
        ),
        sa.Column("previous", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "length(hash) = 64 AND length(previous) = 64", name=op.f("ck_audit_log_hash_length")
        ),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_audit_log_sequence")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("sequence", name=op.f("uq_audit_log_sequence")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_record"), ["record"], unique=False)

    # The log is append-only: the app never updates or deletes an entry, and the database
    # refuses to. (Someone with raw access can drop the triggers; the hash chain still shows
    # the change.) PostgreSQL's triggers call a function; its message is SQLite's.
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
        )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
            if postgresql
            else f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    op.create_table(
        "evaluation_seals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_evaluation_seals_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_seals")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_evaluation_seals_period"),
    )


def downgrade() -> None:
    op.drop_table("evaluation_seals")
    postgresql = op.get_bind().dialect.name == "postgresql"
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER audit_log_no_{event}" + (" ON audit_log" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION audit_log_append_only()")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_record"))

    op.drop_table("audit_log")
