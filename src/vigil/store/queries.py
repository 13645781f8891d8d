"""Read queries over the registry; each takes a connection and returns plain dicts."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import Date, DateTime, Time, func, select
from sqlalchemy.engine import Connection

from vigil.errors import RegistryError
from vigil.names.text import visible
from vigil.store.schema import claim, event, quote, record, source, term
from vigil.store.texts import read_span, read_text

_SOURCE_LIST = [
    source.c.id,
    source.c.kind,
    source.c.format,
    source.c.title,
    source.c.author,
    source.c.published,
    source.c.venue,
    source.c.filename,
    source.c.sha256,
    source.c.ingested_at,
]


def source_list(conn: Connection) -> list[dict[str, Any]]:
    counts = (
        select(record.c.source_id, func.count().label("records"))
        .group_by(record.c.source_id)
        .subquery()
    )
    q = (
        select(*_SOURCE_LIST, func.coalesce(counts.c.records, 0).label("records"))
        .outerjoin(counts, counts.c.source_id == source.c.id)
        .order_by(source.c.id)
    )
    return _all(conn, q)


def record_list(
    conn: Connection,
    name: str | None,
    event_type: str | None,
    year: int | None,
    limit: int | None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    q = select(
        record.c.id,
        record.c.source_id,
        record.c.entry,
        record.c.locator,
        record.c.surname,
        record.c.given,
        record.c.patronymic,
        record.c.sex,
        record.c.birth,
        record.c.birth_place,
        source.c.title.label("source_title"),
        source.c.filename.label("source_file"),
    ).join(source, source.c.id == record.c.source_id)
    if name:
        for word in visible(name).casefold().split():
            q = q.where(record.c.name_search.like(f"%{_escape(word)}%", escape="\\"))
    if event_type or year is not None:
        cond = []
        if event_type:
            cond.append(event.c.type == event_type)
        if year is not None:
            cond += [
                event.c.date_lower >= f"{year:04d}-01-01",
                event.c.date_upper <= f"{year:04d}-12-31",
            ]
        # IN, not a correlated EXISTS: SQLite then reads the matching events once, by index.
        q = q.where(record.c.id.in_(select(event.c.record_id).where(*cond)))
    q = q.order_by(record.c.id).offset(offset)
    if limit:
        q = q.limit(limit)
    found = _all(conn, q)
    by_id = {r["id"]: r for r in found}
    for r in found:
        r["events"] = []
    if by_id:
        evq = (
            select(event.c.record_id, event.c.type, event.c.date)
            .where(event.c.record_id.in_(by_id))
            .order_by(event.c.record_id, event.c.id)
        )
        for ev in conn.execute(evq).mappings():
            by_id[ev["record_id"]]["events"].append({"type": ev["type"], "date": ev["date"]})
    return found


def record_detail(conn: Connection, record_id: int) -> dict[str, Any]:
    row = conn.execute(select(record).where(record.c.id == record_id)).mappings().first()
    if row is None:
        raise RegistryError(f"no record {record_id}")
    rec = _plain(row)
    src = (
        conn.execute(
            select(source.c.id, source.c.title, source.c.filename, source.c.kind).where(
                source.c.id == rec["source_id"]
            )
        )
        .mappings()
        .one()
    )
    rec["text"] = read_span(conn, rec["source_id"], rec["span_start"], rec["span_end"])
    rec["source"] = {k: src[k] for k in ("id", "title", "filename", "kind")}
    rec["events"] = _all(
        conn,
        select(event).where(event.c.record_id == record_id).order_by(event.c.id),
    )
    return rec


def source_detail(conn: Connection, source_id: int) -> dict[str, Any]:
    row = conn.execute(select(source).where(source.c.id == source_id)).mappings().first()
    if row is None:
        raise RegistryError(f"no source {source_id}")
    src = _plain(row)
    src["body"] = read_text(conn, source_id)
    src["records"] = _all(
        conn,
        select(
            record.c.id,
            record.c.entry,
            record.c.locator,
            record.c.surname,
            record.c.given,
            record.c.patronymic,
            record.c.span_start,
            record.c.span_end,
        )
        .where(record.c.source_id == source_id)
        .order_by(record.c.entry),
    )
    src["events"] = _all(
        conn,
        select(
            event.c.id,
            event.c.record_id,
            event.c.type,
            event.c.date,
            event.c.span_start,
            event.c.span_end,
        )
        .where(event.c.source_id == source_id)
        .order_by(event.c.id),
    )
    src["claims"] = _all(
        conn,
        select(claim).where(claim.c.source_id == source_id).order_by(claim.c.id),
    )
    src["quotes"] = _all(
        conn,
        select(quote).where(quote.c.source_id == source_id).order_by(quote.c.id),
    )
    return src


def stats(conn: Connection) -> dict[str, Any]:
    year = func.substr(event.c.date_lower, 1, 4)
    same_year = year == func.substr(event.c.date_upper, 1, 4)
    by_type_year = conn.execute(
        select(event.c.type, year.label("year"), func.count().label("n"))
        .where(same_year)
        .group_by(event.c.type, year)
        .order_by(event.c.type, year)
    ).all()
    by_type = conn.execute(
        select(event.c.type, func.count().label("n")).group_by(event.c.type).order_by(event.c.type)
    ).all()
    return {
        "sources": conn.scalar(select(func.count()).select_from(source)),
        "records": conn.scalar(select(func.count()).select_from(record)),
        "events": conn.scalar(select(func.count()).select_from(event)),
        "claims": conn.scalar(select(func.count()).select_from(claim)),
        "events_by_type": {t: n for t, n in by_type},
        "events_by_type_and_year": [
            {"type": t, "year": int(y), "events": n} for t, y, n in by_type_year
        ],
    }


def term_list(conn: Connection) -> list[dict[str, Any]]:
    return _all(conn, select(term).order_by(term.c.kind, term.c.code))


_TIMES = (Date, DateTime, Time)


def _all(conn: Connection, query: Any) -> list[dict[str, Any]]:
    """Rows as plain dicts, times as ISO strings. The keys are taken once and only the
    columns typed as times are looked at: pages read thousands of rows."""
    columns = getattr(query, "selected_columns", None)
    if columns is None:
        return [_plain(r) for r in conn.execute(query).mappings()]
    result = conn.execute(query)
    keys = tuple(result.keys())
    times = [keys[i] for i, c in enumerate(columns) if isinstance(c.type, _TIMES)]
    rows = [dict(zip(keys, r, strict=True)) for r in result]
    for name in times:
        for row in rows:
            if row[name] is not None:
                row[name] = _iso(row[name])
    return rows


def _iso(value: Any) -> str:
    """A time as SQLite gives it back, naive UTC, whichever engine read it (PostgreSQL's
    come in the session's zone)."""
    if getattr(value, "tzinfo", None) is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _plain(row: Any) -> dict[str, Any]:
    out = dict(row)
    for k, v in out.items():
        if hasattr(v, "isoformat"):
            out[k] = _iso(v)
    return out
