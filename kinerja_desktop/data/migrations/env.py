"""Alembic environment: always run from code, on a connection the app opened."""

from alembic import context

from kinerja_desktop.data import models  # noqa: F401  (registers the tables)
from kinerja_desktop.data.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite has almost no ALTER TABLE: move and copy instead
    transactional_ddl=True,  # our engine issues a real BEGIN, so DDL is transactional
)
with context.begin_transaction():
    context.run_migrations()
