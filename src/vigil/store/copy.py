"""Copy a registry to another database (SQLite to PostgreSQL or back) and prove it whole.

The target is made at the current schema by the migrations, then filled in one transaction:
every table in dependency order, primary keys kept, rows hashed as they are read. Before the
transaction commits the target is read back and each table's count and checksum compared
with the source's; a difference rolls everything back, so a copy is whole or not made. The
copy's own entry in the target's audit log is appended last, in that same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Table, delete, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError

from vigil.errors import RegistryError
from vigil.store import audit, migrate
from vigil.store.checksum import Hasher, TableSum, count_rows, ordered_rows, table_checksum, utc
from vigil.store.engine import make_engine
from vigil.store.registry import Registry
from vigil.store.schema import metadata

BATCH = 5000
# Rows `vigil init` writes into a new registry: their presence leaves a target "empty".
SEEDED = frozenset({"term", "audit_head"})

# progress(table, rows copied so far, rows in the table)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class TableCheck:
    source: TableSum
    target: TableSum

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True, slots=True)
class CopyReport:
    source: str
    target: str
    tables: list[TableCheck]
    audit_seq: int | None  # the copy's entry in the target's audit log

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.target.rows for t in self.tables)


def copy_registry(
    source_url: str,
    target_url: str,
    *,
    force: bool = False,
    batch: int = BATCH,
    progress: Progress | None = None,
    actor: str | None = None,
) -> CopyReport:
    """Copy every table of the registry at `source_url` into `target_url`; see the module."""
    if _same_database(source_url, target_url):
        raise RegistryError("the source and the target are the same database")
    with Registry(source_url) as src:
        src.check()
        ensure_database(target_url)
        with Registry(target_url) as dst:
            if not force:
                refuse_non_empty(dst)
            dst.init()
            with src.engine.connect() as read, dst.engine.begin() as write:
                checks = copy_tables(read, write, batch, progress)
                bad = [c for c in checks if not c.ok]
                if bad:  # leaving the block rolls the whole copy back
                    raise RegistryError(
                        "the copy differs from the source, so nothing was kept: "
                        + "; ".join(_difference(c) for c in bad)
                    )
                rows = sum(c.target.rows for c in checks)
                detail = {"from": src.location, "tables": len(checks), "rows": rows}
                seq = audit.append(write, actor or audit.cli_actor(), "migrate", "registry", detail)
            return CopyReport(src.location, dst.location, checks, seq)


def copy_tables(
    read: Connection, write: Connection, batch: int = BATCH, progress: Progress | None = None
) -> list[TableCheck]:
    """Replace every table's rows in `write` (a registry at the current schema) with those in
    `read`, in the caller's transaction; each table's checks, source and copy. The caller
    decides what to do with a difference, and records the copy in the audit log."""
    tables = metadata.sorted_tables
    for table in reversed(tables):  # children first: `vigil init`'s rows and a --force target
        write.execute(delete(table))
    checks = []
    for table in tables:
        total = count_rows(read, table)
        hasher = Hasher(table)
        rows: list[tuple[Any, ...]] = []
        for row in ordered_rows(read, table, batch):
            hasher.add(row)
            rows.append(tuple(row))
            if len(rows) >= batch:
                insert_rows(write, table, rows)
                rows.clear()
                if progress:
                    progress(table.name, hasher.rows, total)
        insert_rows(write, table, rows)
        if progress:
            progress(table.name, hasher.rows, total)
        reset_sequences(write, table)
        checks.append(TableCheck(hasher.result(), table_checksum(write, table)))
    return checks


def insert_rows(conn: Connection, table: Table, rows: list[tuple[Any, ...]]) -> None:
    """Rows as read (all columns, in table order) straight to the driver's executemany.

    Each value goes through the column type's own conversion for the target's engine, except
    that NULL stays NULL (SQLAlchemy would write a NULL JSON column as the JSON text `null`),
    and times go in as UTC: PostgreSQL would read a naive one in the session's zone.
    """
    if not rows:
        return
    dialect = conn.dialect
    columns = list(table.columns)
    convert = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )

    def value(v: Any, fn: Callable[[Any], Any] | None) -> Any:
        if v is None:
            return None
        if isinstance(v, datetime):
            v = utc(v)
        return fn(v) if fn is not None else v

    params = [tuple(value(v, fn) for v, fn in zip(row, convert, strict=True)) for row in rows]
    conn.exec_driver_sql(sql, params)


def reset_sequences(conn: Connection, table: Table) -> None:
    """PostgreSQL numbers new rows from a sequence that copied keys did not advance."""
    if conn.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if not isinstance(column.type, Integer) or column.autoincrement is False:
            continue
        seq = conn.scalar(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
        )
        if seq is None:
            continue
        top = conn.scalar(select(column).order_by(column.desc()).limit(1))
        conn.execute(
            text("SELECT setval(CAST(:s AS regclass), :v, :called)"),
            {"s": seq, "v": top or 1, "called": top is not None},
        )


def refuse_non_empty(reg: Registry) -> None:
    """A target holding anything but what `vigil init` writes would be overwritten."""
    if migrate.current(reg.engine) is None:
        return
    with reg.engine.connect() as conn:
        filled = [
            t.name
            for t in metadata.sorted_tables
            if t.name not in SEEDED and _has_table(conn, t) and count_rows(conn, t)
        ]
    if filled:
        raise RegistryError(
            f"{reg.location} is not empty (rows in {', '.join(filled)}): "
            "copy into a new database, or pass --force to replace what it holds"
        )


def _has_table(conn: Connection, table: Table) -> bool:
    return conn.dialect.has_table(conn, table.name)


def ensure_database(url: str) -> None:
    """Create a PostgreSQL database that does not exist yet, as `vigil init` makes a file."""
    u = make_url(url)
    if u.get_backend_name() != "postgresql" or not u.database:
        return
    engine = make_engine(url)
    try:
        with engine.connect():
            return
    except OperationalError as exc:
        if "does not exist" not in str(exc.orig):
            raise
    finally:
        engine.dispose()
    admin = make_engine(u.set(database="postgres").render_as_string(hide_password=False))
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            name = conn.dialect.identifier_preparer.quote(u.database)
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    finally:
        admin.dispose()


def _same_database(a: str, b: str) -> bool:
    ua, ub = make_url(a), make_url(b)
    return (ua.get_backend_name(), ua.host, ua.port, ua.database) == (
        ub.get_backend_name(),
        ub.host,
        ub.port,
        ub.database,
    )


def _difference(check: TableCheck) -> str:
    s, t = check.source, check.target
    if s.rows != t.rows:
        return f"{s.table}: {s.rows} rows in the source, {t.rows} in the copy"
    return f"{s.table}: checksums differ"
