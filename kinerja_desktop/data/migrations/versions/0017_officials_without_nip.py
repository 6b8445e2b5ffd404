"""officials without NIP: a kepala daerah as penilai or atasan

A wali kota or bupati (the camat's Atasan Pejabat Penilai, a kepala dinas's penilai) is a
pejabat negara with no NIP, pangkat or golongan. ``external_officials`` gains ``kind`` (ASN,
as every official so far, or PEJABAT_NEGARA); NIP, status and golongan may be empty, and must
be for a pejabat negara. Without a NIP they are told apart by name, jabatan and instansi.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND_FIELDS = (
    "(kind = 'ASN' AND nip IS NOT NULL AND status IS NOT NULL AND golongan IS NOT NULL) OR "
    "(kind = 'PEJABAT_NEGARA' AND nip IS NULL AND status IS NULL AND golongan IS NULL)"
)


def upgrade() -> None:
    with op.batch_alter_table("external_officials", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), server_default="ASN", nullable=False)
        )
        batch_op.alter_column("nip", existing_type=sa.String(length=18), nullable=True)
        batch_op.alter_column("status", existing_type=sa.String(length=4), nullable=True)
        batch_op.alter_column("golongan", existing_type=sa.String(length=8), nullable=True)
        batch_op.create_check_constraint(
            batch_op.f("ck_external_officials_kind"), "kind IN ('ASN', 'PEJABAT_NEGARA')"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_external_officials_kind_fields"), KIND_FIELDS
        )
        batch_op.create_index(
            "uq_external_officials_pejabat_negara",
            ["name", "jabatan", "instansi"],
            unique=True,
            sqlite_where=sa.text("nip IS NULL"),
            postgresql_where=sa.text("nip IS NULL"),
        )


def downgrade() -> None:
    # The older schema cannot hold an official without a NIP: nobody points at them any more.
    without_nip = "(SELECT id FROM external_officials WHERE nip IS NULL)"
    for column in ("penilai_official_id", "atasan_official_id"):
        op.execute(f"UPDATE employees SET {column} = NULL WHERE {column} IN {without_nip}")
    op.execute("DELETE FROM external_officials WHERE nip IS NULL")
    with op.batch_alter_table("external_officials", schema=None) as batch_op:
        batch_op.drop_index("uq_external_officials_pejabat_negara")
        batch_op.drop_constraint(batch_op.f("ck_external_officials_kind_fields"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_external_officials_kind"), type_="check")
        batch_op.alter_column("golongan", existing_type=sa.String(length=8), nullable=False)
        batch_op.alter_column("status", existing_type=sa.String(length=4), nullable=False)
        batch_op.alter_column("nip", existing_type=sa.String(length=18), nullable=False)
        batch_op.drop_column("kind")
