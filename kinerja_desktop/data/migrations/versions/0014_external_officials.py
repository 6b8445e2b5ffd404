"""external officials: appraisers outside the register

A person's Pejabat Penilai may be an official the office does not keep in its register, and so
may the Atasan Pejabat Penilai; the employee points at one or the other, never both.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 22:31:16.895450
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "external_officials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("gelar_depan", sa.String(length=60), nullable=False),
        sa.Column("gelar_belakang", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=4), nullable=False),
        sa.Column("golongan", sa.String(length=8), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("instansi", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('PNS', 'PPPK')", name=op.f("ck_external_officials_status")),
        sa.CheckConstraint("length(nip) = 18", name=op.f("ck_external_officials_nip_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_officials")),
        sa.UniqueConstraint("nip", name=op.f("uq_external_officials_nip")),
    )
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.add_column(sa.Column("penilai_official_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("atasan_official_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_employees_atasan_official_id"), ["atasan_official_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_employees_penilai_official_id"), ["penilai_official_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_employees_penilai_official_id_external_officials"),
            "external_officials",
            ["penilai_official_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_employees_atasan_official_id_external_officials"),
            "external_officials",
            ["atasan_official_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_check_constraint(
            "one_kind_of_penilai", "penilai_id IS NULL OR penilai_official_id IS NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_employees_one_kind_of_penilai"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("fk_employees_atasan_official_id_external_officials"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_employees_penilai_official_id_external_officials"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_employees_penilai_official_id"))
        batch_op.drop_index(batch_op.f("ix_employees_atasan_official_id"))
        batch_op.drop_column("atasan_official_id")
        batch_op.drop_column("penilai_official_id")

    op.drop_table("external_officials")
