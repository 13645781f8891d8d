"""Alembic environment: run in-process by `vigil.store.migrate` on a live connection.

`vigil.store.migrate.upgrade` opens the transaction; `transactional_ddl` tells Alembic that
DDL belongs inside it on SQLite as well (Alembic assumes otherwise for SQLite), so that it
never commits between steps.
"""

from __future__ import annotations

from alembic import context

from vigil.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
