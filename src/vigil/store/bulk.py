"""Fast many-row inserts for ingest: one compiled statement, rows as tuples, JSON encoded here.

SQLAlchemy's per-row parameter processing costs more than SQLite's own insert at a million
records, so the hot path hands tuples straight to the driver's executemany.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.engine import Connection


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    quote = conn.dialect.identifier_preparer.quote
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
        f"VALUES ({', '.join([marker] * len(cols))})"
    )
    get = itemgetter(*cols)
    json_at = [i for i, c in enumerate(cols) if isinstance(table.c[c].type, JSON)]
    params = [_encode(get(r), json_at) for r in rows] if json_at else [get(r) for r in rows]
    conn.exec_driver_sql(sql, params)


def _encode(row: tuple[Any, ...], json_at: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for i in json_at:
        if values[i] is not None:
            values[i] = json.dumps(values[i], ensure_ascii=False)
    return tuple(values)
