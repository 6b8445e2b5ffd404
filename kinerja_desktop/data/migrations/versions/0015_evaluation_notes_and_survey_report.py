"""evaluation notes and survey report

The penilai's Catatan/Rekomendasi per period (``evaluation_notes``), printed on the Dokumen
Evaluasi; what the SKM report adds (PermenPANRB 14/2017): the survey's population, method and
fieldwork dates on ``surveys``, and its rencana tindak lanjut (``survey_action_plans``).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 22:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ITEMS = "('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')"


def upgrade() -> None:
    op.create_table(
        "evaluation_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["skp_id"],
            ["skps.id"],
            name=op.f("fk_evaluation_notes_skp_id_skps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_notes")),
        sa.UniqueConstraint("skp_id", "period_code", name="uq_evaluation_notes_period"),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("population", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("methods", sa.String(length=40), server_default=sa.text("''"), nullable=False)
        )
        batch_op.add_column(sa.Column("fieldwork_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("fieldwork_end", sa.Date(), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f("ck_surveys_population"), "population IS NULL OR population > 0"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_surveys_fieldwork"),
            "fieldwork_start IS NULL OR fieldwork_end IS NULL OR fieldwork_end >= fieldwork_start",
        )
    op.create_table(
        "survey_action_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=3), nullable=False),
        sa.Column("program", sa.Text(), nullable=False),
        sa.Column("schedule", sa.String(length=100), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.CheckConstraint(f"item IN {ITEMS}", name=op.f("ck_survey_action_plans_item")),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_action_plans_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_action_plans")),
    )
    with op.batch_alter_table("survey_action_plans", schema=None) as batch_op:
        batch_op.create_index("ix_survey_action_plans_survey", ["survey_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("survey_action_plans", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_action_plans_survey")
    op.drop_table("survey_action_plans")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_surveys_fieldwork"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_surveys_population"), type_="check")
        batch_op.drop_column("fieldwork_end")
        batch_op.drop_column("fieldwork_start")
        batch_op.drop_column("methods")
        batch_op.drop_column("population")
    op.drop_table("evaluation_notes")
