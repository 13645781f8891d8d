"""Verbatim source text stored in pieces, and read back whole or by span."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.engine import Connection

from vigil.store.bulk import bulk_insert
from vigil.store.schema import source_text

PIECE = 1 << 20  # characters
_BATCH = 16  # pieces per insert statement


def pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """(start, stop) offsets that cut `text` into pieces, at a line end where there is one."""
    start = 0
    while start < len(text):
        stop = min(start + size, len(text))
        if stop < len(text):
            nl = text.rfind("\n", start, stop)
            if nl > start:
                stop = nl + 1
        yield start, stop
        start = stop


def write_text(conn: Connection, source_id: int, text: str, size: int = PIECE) -> None:
    batch: list[dict[str, object]] = []
    for start, stop in pieces(text, size):
        batch.append({"source_id": source_id, "start": start, "stop": stop,
                      "text": text[start:stop]})  # fmt: skip
        if len(batch) == _BATCH:
            bulk_insert(conn, source_text, batch)
            batch = []
    bulk_insert(conn, source_text, batch)


def read_text(conn: Connection, source_id: int) -> str:
    q = select(source_text.c.text).where(source_text.c.source_id == source_id)
    return "".join(conn.scalars(q.order_by(source_text.c.start)))


def read_span(conn: Connection, source_id: int, start: int, end: int) -> str:
    """The text between two character offsets, from the pieces it falls in."""
    q = (
        select(source_text.c.start, source_text.c.text)
        .where(
            source_text.c.source_id == source_id,
            source_text.c.start < max(end, start + 1),
            source_text.c.stop > start,
        )
        .order_by(source_text.c.start)
    )
    rows = conn.execute(q).all()
    if not rows:
        return ""
    first = rows[0][0]
    joined = "".join(t for _, t in rows)
    return joined[start - first : end - first]
