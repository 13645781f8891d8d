"""Shared fixtures: reference data from ../shared (skipped when absent), and the backend switch.

The suite runs twice in CI: on SQLite files, and with `VIGIL_TEST_BACKEND=postgresql` on the
PostgreSQL server `VIGIL_TEST_POSTGRES` names (.ci/postgres starts one). On the second pass
every registry a test names by a path becomes a fresh database of its own on that server
(`vigil.store.engine.path_url` is swapped), dropped when the session ends; tests and fixtures
stay as they are. The few tests that are about SQLite files are listed in SQLITE_ONLY.
"""

from __future__ import annotations

import os
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from vigil.store import engine as store_engine

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BACKEND = os.environ.get("VIGIL_TEST_BACKEND", "sqlite")
ON_POSTGRES = BACKEND == "postgresql"

# Skipped on the PostgreSQL pass, each for the reason given: they test SQLite files as such.
_FILE = "checks the registry's SQLite file itself (created where named, or 'no registry at PATH')"
SQLITE_ONLY = {
    "tests/test_cli.py::test_init_then_ingest_then_reingest": _FILE,
    "tests/test_cli.py::test_db_option_and_environment": _FILE,
    "tests/test_cli.py::test_reading_commands_need_a_registry": _FILE,
    "tests/store/test_registry.py::test_readers_need_a_registry": _FILE,
    "tests/store/test_registry.py::test_a_small_source_is_parsed_before_its_write_lock": (
        "takes SQLite's one write lock from a second connection to see who holds it"
    ),
    "tests/analysis/test_cli.py::test_no_registry_is_a_one_line_error": _FILE,
    "tests/web/test_api.py::test_serve_refuses_a_missing_registry": _FILE,
    "tests/privacy/test_config.py::test_where_the_file_is_found": (
        "finds vigil.toml in the folder of the registry's SQLite file"
    ),
    "tests/store/test_registry.py::test_init_creates_then_reports_up_to_date": (
        "checks SQLite's journal mode (WAL)"
    ),
    "tests/test_interrupted.py::test_sigkill_during_ingest_then_rerun": (
        "watches the SQLite WAL file grow to kill the ingest mid-write"
    ),
    "tests/store/test_migrate.py::test_init_killed_at_random_moments_is_all_or_nothing": (
        "waits for the SQLite file to appear to kill `vigil init` mid-migration"
    ),
}
# Whole directories left to the SQLite pass, for the time they take (see the Makefile).
SQLITE_ONLY_DIRS = {
    "tests/browser": "browser tests drive chromium against the server: run on the SQLite pass",
}


def shared_path(relative: str) -> Path:
    """A file under ../shared, or skip the test with the reason it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"reference data not present: {path} (only in the Vigil workplace)")
    return path


@pytest.fixture
def seed_article() -> Path:
    return shared_path("seed/stalin-plans-wholesale-persecution-1936.txt")


@pytest.fixture
def memorial_notes() -> Path:
    return shared_path("data/memorial-notes/notes.txt.gz")


# -- the backend switch -------------------------------------------------------------------


class PostgresRegistries:
    """Each registry path a test names maps to a fresh database on the test server.

    Databases are named after this process (`vigil_t<pid>_<n>`), so two sessions never share
    one and a session that died leaves names the next one recognises and drops.
    """

    def __init__(self, server: str) -> None:
        url = make_url(server)
        if url.get_backend_name() != "postgresql":
            raise pytest.UsageError(f"VIGIL_TEST_POSTGRES={server!r} is not a PostgreSQL URL")
        if url.password is not None:
            # libpq reads the password from the environment, so the URLs tests see (and
            # `Registry.location` prints) carry none; subprocesses inherit it.
            os.environ["PGPASSWORD"] = str(url.password)
        self.server: URL = URL.create(
            url.drivername, url.username, None, url.host, url.port, url.database, url.query
        )
        self.admin: Engine = create_engine(
            self.server, isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        self.prefix = f"vigil_t{os.getpid()}_"
        self.names: dict[str, str] = {}

    def url(self, path: str) -> str:
        """The database standing for the registry at `path`, created on first use."""
        key = os.path.abspath(path)
        name = self.names.get(key)
        if name is None:
            name = f"{self.prefix}{len(self.names)}"
            with self.admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            self.names[key] = name
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop(self, names: list[str]) -> None:
        """Drop test databases; one that cannot go now (FORCE may not end an autovacuum worker
        without superuser rights) is left with a warning, for the next session's drop_stale."""
        with self.admin.connect() as conn:
            for name in names:
                try:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                except SQLAlchemyError:
                    try:
                        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                    except SQLAlchemyError as exc:
                        warnings.warn(f"test database {name} left: {exc}", stacklevel=1)

    def drop_stale(self) -> None:
        """Databases left by sessions that are no longer running."""
        with self.admin.connect() as conn:
            names = conn.scalars(
                text("SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_t%'")
            ).all()
        stale = []
        for name in names:
            pid = name[len("vigil_t") :].split("_", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                stale.append(name)
        self.drop(stale)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_postgres: PostgresRegistries | None = None  # the PostgreSQL pass's registries
_spare: PostgresRegistries | None = None  # the server, on the SQLite pass, for cross-engine tests


def pytest_configure(config: pytest.Config) -> None:
    global _postgres
    if BACKEND not in ("sqlite", "postgresql"):
        raise pytest.UsageError(f"VIGIL_TEST_BACKEND={BACKEND!r}: expected sqlite or postgresql")
    if not ON_POSTGRES:
        return
    server = os.environ.get("VIGIL_TEST_POSTGRES")
    if not server:
        raise pytest.UsageError(
            "VIGIL_TEST_BACKEND=postgresql needs VIGIL_TEST_POSTGRES, the server's URL "
            "(.ci/postgres starts one and prints it)"
        )
    _postgres = PostgresRegistries(server)
    _postgres.drop_stale()
    store_engine.path_url = _postgres.url


def pytest_unconfigure(config: pytest.Config) -> None:
    for server in (_postgres, _spare):
        if server is not None:
            server.drop(list(server.names.values()))
            server.admin.dispose()


def pytest_report_header(config: pytest.Config) -> str:
    if _postgres is None:
        return "registries: SQLite files"
    return f"registries: PostgreSQL databases on {_postgres.server.render_as_string()}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    for item in items:
        reason = SQLITE_ONLY.get(item.nodeid.split("[", 1)[0])
        if reason is None:
            where = item.path.relative_to(ROOT).as_posix()
            reason = next((r for d, r in SQLITE_ONLY_DIRS.items() if where.startswith(d)), None)
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


def registry_location(path: Path) -> Path | str:
    """What to hand `--db` or `Registry.open` for the registry at `path`, in this process or
    another: the path itself, or on the PostgreSQL pass the URL of its database."""
    return _postgres.url(str(path)) if _postgres is not None else path


def copy_registry(source: Path | str, target: Path) -> Path | str:
    """A consistent copy of a registry another connection may hold open; its location.

    SQLite copies through the backup API (WAL included); PostgreSQL through `vigil migrate`'s
    table copy (CREATE DATABASE ... TEMPLATE needs the source unused), checked, and like the
    backup API adding nothing to the audit log, so that the copy is the registry as it was.
    """
    if _postgres is None:
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return target
    from vigil.store import Registry
    from vigil.store.copy import copy_tables

    location = registry_location(target)
    with Registry.open(str(source)) as src, Registry.open(str(location)) as dst:
        dst.init()
        with src.engine.connect() as read, dst.engine.begin() as write:
            assert all(check.ok for check in copy_tables(read, write))
    return location


@pytest.fixture
def postgres_url(tmp_path: Path) -> Callable[[str], str]:
    """A fresh PostgreSQL database's URL by name, on either pass, for tests across engines.

    Without a server (VIGIL_TEST_POSTGRES) the test is skipped, except under CI=true, where
    .ci/run starts one and a skip would hide its absence."""
    global _spare
    if _postgres is None and _spare is None:
        server = os.environ.get("VIGIL_TEST_POSTGRES")
        if not server:
            reason = "no PostgreSQL server: set VIGIL_TEST_POSTGRES (.ci/postgres prints it)"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(f"{reason}; CI must run this test")
            pytest.skip(reason)
        _spare = PostgresRegistries(server)
    registries = _postgres or _spare
    assert registries is not None
    return lambda name: registries.url(str(tmp_path / f"{name}.pg"))
