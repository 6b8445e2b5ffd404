"""staff search index

The staff list's search reads every active person's name, jabatan, unit and NIP in name
order. ``ix_employees_search`` holds exactly those columns, ordered as the list is (name,
then id), so on SQLite a search over 20,000 people reads one index and no table rows. It
replaces ``ix_employees_active_name``, the first two of its columns.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 18:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEARCH_COLUMNS = ["active", "name", "id", "jabatan", "unit_id", "nip"]


def upgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_index("ix_employees_active_name")
        batch_op.create_index("ix_employees_search", _SEARCH_COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_index("ix_employees_search")
        batch_op.create_index("ix_employees_active_name", ["active", "name"], unique=False)
