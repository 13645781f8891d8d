"""Schema versions through Alembic, run in-process so `vigil init` needs no alembic.ini.

An upgrade is one transaction on every engine: killed or failing half-way, it leaves the
registry at the revision it had. PostgreSQL does this on its own. SQLite can roll back DDL
too, but Python's sqlite3 driver opens a transaction only before INSERT, UPDATE and DELETE and
runs CREATE TABLE outside one, so an interrupted upgrade used to leave new tables behind under
the old revision (and the next `vigil init` then failed on them). On SQLite the upgrade
therefore takes the driver's own transaction handling off and says BEGIN IMMEDIATE itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head() -> str:
    """The revision this version of Vigil expects (read once: every read checks it)."""
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine, revision: str = "head", then: Callable[[Connection], None] | None = None
) -> None:
    """Bring the schema to `revision` in one transaction: all the steps or none, `then`
    (what the new schema must hold, such as the thesaurus's terms) included."""
    if revision == "head" and current(engine) == head():
        return  # nothing to do: take no write lock (an ingest may be holding it for minutes)
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            command.upgrade(_config(conn), revision)
            if then is not None:
                then(conn)
        return
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        saved = dbapi.isolation_level  # type: ignore[attr-defined]
        dbapi.isolation_level = None  # type: ignore[attr-defined]  # we say BEGIN and COMMIT
        try:
            # IMMEDIATE: take the write lock now, so two upgrades run one after the other
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                command.upgrade(_config(conn), revision)
                if then is not None:
                    then(conn)
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            dbapi.isolation_level = saved  # type: ignore[attr-defined]
