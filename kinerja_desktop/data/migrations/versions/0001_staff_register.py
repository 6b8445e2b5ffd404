"""staff register

Revision ID: 0001
Revises:
Create Date: 2026-11-28 00:41:05.227085
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.CheckConstraint("kind IN ('INSTANSI', 'UNIT', 'SUB_UNIT')", name=op.f("ck_units_kind")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["units.id"], name=op.f("fk_units_parent_id_units"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("parent_id", "name", name="uq_units_parent_name"),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "appraisal_years",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instansi_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "scheme IN ('TRIWULAN', 'SEMESTER', 'BULANAN')", name=op.f("ck_appraisal_years_scheme")
        ),
        sa.CheckConstraint(
            "year BETWEEN 2000 AND 2100", name=op.f("ck_appraisal_years_year_range")
        ),
        sa.ForeignKeyConstraint(
            ["instansi_id"],
            ["units.id"],
            name=op.f("fk_appraisal_years_instansi_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_years")),
        sa.UniqueConstraint("instansi_id", "year", name="uq_appraisal_years_instansi_year"),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("gelar_depan", sa.String(length=60), nullable=False),
        sa.Column("gelar_belakang", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=4), nullable=False),
        sa.Column("golongan", sa.String(length=8), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("jabatan_kind", sa.String(length=15), nullable=False),
        sa.Column("jenjang", sa.String(length=15), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("penilai_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "jabatan_kind IN ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL')",
            name=op.f("ck_employees_jabatan_kind"),
        ),
        sa.CheckConstraint("status IN ('PNS', 'PPPK')", name=op.f("ck_employees_status")),
        sa.CheckConstraint("length(nip) = 18", name=op.f("ck_employees_nip_length")),
        sa.CheckConstraint(
            "penilai_id IS NULL OR penilai_id <> id", name=op.f("ck_employees_not_own_penilai")
        ),
        sa.ForeignKeyConstraint(
            ["penilai_id"],
            ["employees.id"],
            name=op.f("fk_employees_penilai_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_employees_unit_id_units"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employees")),
        sa.UniqueConstraint("nip", name=op.f("uq_employees_nip")),
    )
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.create_index("ix_employees_name", ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_penilai_id"), ["penilai_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "acting_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=3), nullable=False),
        sa.Column("acting_employee_id", sa.Integer(), nullable=False),
        sa.Column("for_employee_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.CheckConstraint("kind IN ('PLT', 'PLH')", name=op.f("ck_acting_assignments_kind")),
        sa.CheckConstraint(
            "acting_employee_id <> for_employee_id", name=op.f("ck_acting_assignments_not_self")
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_acting_assignments_date_order")),
        sa.ForeignKeyConstraint(
            ["acting_employee_id"],
            ["employees.id"],
            name=op.f("fk_acting_assignments_acting_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["for_employee_id"],
            ["employees.id"],
            name=op.f("fk_acting_assignments_for_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acting_assignments")),
    )
    with op.batch_alter_table("acting_assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_acting_assignments_acting_employee_id"),
            ["acting_employee_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_acting_assignments_for_employee_id"), ["for_employee_id"], unique=False
        )

    op.create_table(
        "employment_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=15), nullable=False),
        sa.Column("from_unit_id", sa.Integer(), nullable=True),
        sa.Column("to_unit_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('MASUK', 'MUTASI', 'PENSIUN', 'BERHENTI', 'AKTIF_KEMBALI')",
            name=op.f("ck_employment_events_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_employment_events_employee_id_employees"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["from_unit_id"],
            ["units.id"],
            name=op.f("fk_employment_events_from_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_unit_id"],
            ["units.id"],
            name=op.f("fk_employment_events_to_unit_id_units"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment_events")),
    )
    with op.batch_alter_table("employment_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employment_events_employee_id"), ["employee_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("employment_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employment_events_employee_id"))

    op.drop_table("employment_events")
    with op.batch_alter_table("acting_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acting_assignments_for_employee_id"))
        batch_op.drop_index(batch_op.f("ix_acting_assignments_acting_employee_id"))

    op.drop_table("acting_assignments")
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employees_unit_id"))
        batch_op.drop_index(batch_op.f("ix_employees_penilai_id"))
        batch_op.drop_index("ix_employees_name")

    op.drop_table("employees")
    op.drop_table("appraisal_years")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_parent_id"))

    op.drop_table("units")
