"""A checksum per table that is the same on SQLite and PostgreSQL for the same rows.

A copy (`vigil migrate`) or a backup is proved whole by comparing these, so two engines that
hand the same data back in different shapes must hash it alike: SQLite returns naive times
and JSON as it was written, PostgreSQL times in the session's zone. Each value is therefore
normalised first (times to UTC ISO, JSON canonical, floats by repr), and rows are hashed in
primary-key order, text keys compared by code point on both engines.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Float, String, Table, Text, func, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import ColumnElement

from vigil.store.schema import metadata


@dataclass(frozen=True, slots=True)
class TableSum:
    table: str
    rows: int
    sha256: str


class Hasher:
    """Rows fed in key order, one line of normalised JSON each; the copy feeds it as it reads."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = list(table.columns)
        self.digest = hashlib.sha256()
        self.rows = 0

    def add(self, row: Sequence[Any]) -> None:
        values = [normalise(v, c.type) for v, c in zip(row, self.columns, strict=True)]
        line = json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n"
        self.digest.update(line.encode("utf-8"))
        self.rows += 1

    def result(self) -> TableSum:
        return TableSum(self.table.name, self.rows, self.digest.hexdigest())


def table_checksum(conn: Connection, table: Table) -> TableSum:
    """Row count and SHA-256 of one table."""
    hasher = Hasher(table)
    for row in ordered_rows(conn, table):
        hasher.add(row)
    return hasher.result()


def registry_checksums(conn: Connection, tables: list[Table] | None = None) -> list[TableSum]:
    """Every registry table (or those given), in dependency order."""
    return [table_checksum(conn, t) for t in tables or metadata.sorted_tables]


def count_rows(conn: Connection, table: Table) -> int:
    return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def ordered_rows(conn: Connection, table: Table, batch: int = 5000) -> Iterator[Row[Any]]:
    """Every row, all columns in table order, by primary key; streamed, not held."""
    query = select(*table.columns).order_by(*key_order(conn, table))
    yield from conn.execute(query, execution_options={"stream_results": True, "yield_per": batch})


def key_order(conn: Connection, table: Table) -> list[ColumnElement[Any]]:
    """The primary key, text columns by code point (SQLite's BINARY; PostgreSQL's "C")."""
    columns = list(table.primary_key.columns) or list(table.columns)
    if conn.dialect.name != "postgresql":
        return list(columns)
    return [c.collate("C") if isinstance(c.type, String | Text) else c for c in columns]


def normalise(value: Any, type_: Any = None) -> Any:
    """A value as both engines agree on it: JSON-able, and equal for equal data."""
    if value is None:
        return None
    if isinstance(type_, JSON):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if isinstance(value, datetime):
        return utc(value).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(type_, Float) or isinstance(value, float):
        number = float(value)
        return repr(number) if math.isfinite(number) else str(number)
    if isinstance(value, int):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def utc(value: datetime) -> datetime:
    """A time in UTC; a naive one (SQLite gives those back) was written in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
