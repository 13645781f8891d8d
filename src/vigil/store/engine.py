"""Where the registry lives and how to connect: SQLite in WAL mode unless told otherwise."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url

from vigil.errors import RegistryError

DEFAULT_PATH = "vigil.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_PATH}"


def resolve_url(db: str | None = None) -> str:
    """--db beats VIGIL_DB beats ./vigil.db; a bare path means a SQLite file."""
    value = db or os.environ.get("VIGIL_DB") or DEFAULT_PATH
    return value if "://" in value else path_url(value)


def path_url(path: str) -> str:
    """The URL of a registry named by a path: a SQLite file.

    One function, so that the test suite's PostgreSQL pass can give every registry a test
    names by its path a database of its own instead (tests/conftest.py).
    """
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except ImportError as exc:
        raise RegistryError(
            f"no database driver for {make_url(url).drivername}: {exc.name or exc} is not "
            "installed (for PostgreSQL: pip install 'psycopg[binary]')"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-262144")  # 256 MB: large ingests keep their indexes in memory
    cur.close()
    # SQLite's lower() folds ASCII only, so a place or authority filter typed in lower case
    # would miss "Москва"; Python's folds every script.
    dbapi_conn.create_function("lower", 1, _lower, deterministic=True)


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def as_utc(value: datetime) -> datetime:
    """A time read back: SQLite gives it without its zone, PostgreSQL with the session's; all
    are written in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return u.database


def refresh_statistics(conn: Connection) -> None:
    """Let the query planner see the tables' shape after a large write.

    Without statistics SQLite guesses that any index equality finds ten rows, and so reads a
    common surname's ten thousand records where a person's one would do. Sampling keeps this
    under a second at a million records.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
    conn.exec_driver_sql("ANALYZE")
