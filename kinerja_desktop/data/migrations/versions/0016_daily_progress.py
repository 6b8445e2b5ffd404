"""daily progress

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 22:40:00.000000

The daily progress log (Progres Harian) with its review status, the office's days off (cuti
bersama and local days) and people's leave days. No cuti bersama is seeded: the reference lists
none for 2026, so the office enters them from the year's SKB.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _time_shape(column: str) -> str:
    return f"length({column}) = 5 AND substr({column}, 3, 1) = ':'"


def upgrade() -> None:
    op.create_table(
        "progress_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("end_time", sa.String(length=5), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("data_source", sa.Text(), nullable=False),
        sa.Column("realisation", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("evidence_link", sa.Text(), nullable=False),
        sa.Column("evidence_file", sa.String(length=100), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column("evidence_name", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=200), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('DRAF', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN')",
            name=op.f("ck_progress_entries_status"),
        ),
        sa.CheckConstraint(_time_shape("start_time"), name=op.f("ck_progress_entries_start_time")),
        sa.CheckConstraint(_time_shape("end_time"), name=op.f("ck_progress_entries_end_time")),
        sa.CheckConstraint(
            "end_time > start_time", name=op.f("ck_progress_entries_end_after_start")
        ),
        sa.CheckConstraint("realisation >= 0", name=op.f("ck_progress_entries_realisation")),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_progress_entries_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"],
            ["rhks.id"],
            name=op.f("fk_progress_entries_rhk_id_rhks"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_entries")),
    )
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_progress_entries_employee_day", ["employee_id", "day"], unique=False
        )
        batch_op.create_index("ix_progress_entries_day", ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_progress_entries_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "office_days_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "kind IN ('CUTI_BERSAMA', 'LOKAL')", name=op.f("ck_office_days_off_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_days_off")),
        sa.UniqueConstraint("day", name=op.f("uq_office_days_off_day")),
    )

    op.create_table(
        "leave_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_leave_days_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leave_days")),
        sa.UniqueConstraint("employee_id", "day", name="uq_leave_days_employee_day"),
    )
    with op.batch_alter_table("leave_days", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leave_days_day"), ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leave_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leave_days_day"))
    op.drop_table("leave_days")
    op.drop_table("office_days_off")
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_entries_rhk_id"))
        batch_op.drop_index("ix_progress_entries_day")
        batch_op.drop_index("ix_progress_entries_employee_day")
    op.drop_table("progress_entries")
