"""Verbatim source text stored in pieces, and read back whole or by span."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Integer, case, cast, delete, func, literal, select, union_all
from sqlalchemy.engine import Connection

from vigil.store.bulk import bulk_insert
from vigil.store.schema import source_text

PIECE = 1 << 15  # characters: a record's line is read from one piece of about 64 KB
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


def recut(conn: Connection, source_id: int, size: int = PIECE) -> int:
    """Cut a source's stored text again into pieces of `size`, as `write_text` would have,
    holding one old piece and one batch in memory at a time; returns the pieces written."""
    t = source_text.c
    starts = list(conn.scalars(select(t.start).where(t.source_id == source_id).order_by(t.start)))
    buffer, at, written = "", 0, 0
    batch: list[dict[str, object]] = []

    def emit(text: str) -> None:
        nonlocal at, written
        batch.append({"source_id": source_id, "start": at, "stop": at + len(text), "text": text})
        at += len(text)
        written += 1
        if len(batch) == _BATCH:
            bulk_insert(conn, source_text, batch)
            batch.clear()

    for start in starts:
        where = (t.source_id == source_id) & (t.start == start)
        buffer += conn.scalar(select(t.text).where(where)) or ""
        conn.execute(delete(source_text).where(where))
        # New pieces end before this old one does, so none meets an old start not yet deleted.
        while len(buffer) > size:
            nl = buffer.rfind("\n", 0, size)
            cut = nl + 1 if nl > 0 else size
            emit(buffer[:cut])
            buffer = buffer[cut:]
    if buffer:
        emit(buffer)
    bulk_insert(conn, source_text, batch)
    return written


def read_text(conn: Connection, source_id: int) -> str:
    q = select(source_text.c.text).where(source_text.c.source_id == source_id)
    return "".join(conn.scalars(q.order_by(source_text.c.start)))


SPANS_AT_ONCE = 200  # SQLite joins at most 500 selects in one statement


def _cut(source_id: int, start: int, end: int) -> Any:
    """The pieces' shares of start..end, cut by the database, so a line of a record does not
    bring its whole piece into Python."""
    t = source_text.c
    lo = case((t.start > start, t.start), else_=literal(start, Integer))
    hi = case((t.stop < end, t.stop), else_=literal(end, Integer))
    return select(
        t.start, func.substr(t.text, cast(lo - t.start + 1, Integer), cast(hi - lo, Integer))
    ).where(t.source_id == source_id, t.start < max(end, start + 1), t.stop > start)


def read_span(conn: Connection, source_id: int, start: int, end: int) -> str:
    """The text between two character offsets."""
    return read_spans(conn, [(source_id, start, end)])[0]


def read_spans(conn: Connection, spans: Sequence[tuple[int, int, int]]) -> list[str]:
    """The texts of several (source, start, end) spans, in one query: each query of a page is
    a round trip to a database server."""
    pieces: list[list[tuple[int, str]]] = [[] for _ in spans]
    for first in range(0, len(spans), SPANS_AT_ONCE):
        parts = [
            _cut(*spans[i]).add_columns(literal(i, Integer))
            for i in range(first, min(first + SPANS_AT_ONCE, len(spans)))
        ]
        for start, text, i in conn.execute(parts[0] if len(parts) == 1 else union_all(*parts)):
            if text:
                pieces[i].append((start, text))
    return ["".join(text for _, text in sorted(p)) for p in pieces]
