"""staff search index

The staff list's search reads every active person's name, jabatan, unit and NIP in name
order. ``ix_employees_search`` holds exactly those columns, ordered as the list is (name,
then id), so on SQLite a search over 20,000 people reads one index and no table rows.

``ix_employees_active_name`` stays: reads that need only active people's ids keep using the
narrower index. A file whose planner statistics were gathered (``sqlite_stat1``; the app
never runs ANALYZE itself) has the employees' statistics gathered again, or SQLite would take
the new index, which has none, for the most selective of all and read it for those reads too.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 18:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEARCH_COLUMNS = ["active", "name", "id", "jabatan", "unit_id", "nip"]


def upgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.create_index("ix_employees_search", _SEARCH_COLUMNS, unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        analysed = bind.execute(
            sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        ).first()
        if analysed is not None:
            op.execute("ANALYZE employees")


def downgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_index("ix_employees_search")
