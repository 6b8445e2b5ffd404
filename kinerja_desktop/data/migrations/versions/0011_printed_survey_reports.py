"""printed survey reports

The survey report (laporan SKM) is a printed form with a verification code like the others,
so ``printed_documents.form`` admits ``survei``.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28 04:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_FORMS = "('skp', 'evaluasi', 'dokumen', 'pengembangan', 'distribusi', 'kompetensi')"
NEW_FORMS = "('skp', 'evaluasi', 'dokumen', 'pengembangan', 'distribusi', 'kompetensi', 'survei')"


def _form_check(forms: str) -> None:
    with op.batch_alter_table("printed_documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_printed_documents_form"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_printed_documents_form"), f"form IN {forms}"
        )


def upgrade() -> None:
    _form_check(NEW_FORMS)


def downgrade() -> None:
    op.execute("DELETE FROM printed_documents WHERE form = 'survei'")
    _form_check(OLD_FORMS)
