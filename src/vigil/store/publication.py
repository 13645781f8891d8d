"""Bulk reads of the registry for publication: what the server reads per page, for many at once.

`vigil.store.browse` reads one person in five queries and one span of text at a time, which is
right for a request and far too slow for a hundred thousand persons. These reads return the
very same shapes (a person's dossier, a lone record), a batch of persons in three queries, with
the verbatim text cut from whole pieces of each source kept in a small cache, and the policy's
sensitive fields (`hide`) blanked as the server blanks them. `vigil.publish` calls them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from vigil.privacy import redact
from vigil.store.browse import Group, chunks, source_page_of
from vigil.store.schema import event, name_key, person_record, record, source, source_text

PIECES_KEPT = 256  # pieces of source text (32,768 characters each) kept in memory


def groups(conn: Connection) -> Iterator[Group]:
    """Every group: each person that holds records, then each record no person holds."""
    persons = select(person_record.c.person_id).distinct().order_by(person_record.c.person_id)
    for (pid,) in conn.execute(persons):
        yield ("p", pid)
    linked = select(person_record.c.record_id)
    lone = select(record.c.id).where(record.c.id.not_in(linked)).order_by(record.c.id)
    for (rid,) in conn.execute(lone):
        yield ("r", rid)


class Spans:
    """Verbatim text by span, from whole pieces of the source text read once and kept."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.bounds: dict[int, list[tuple[int, int]]] = {}
        q = select(source_text.c.source_id, source_text.c.start, source_text.c.stop)
        for sid, start, stop in conn.execute(
            q.order_by(source_text.c.source_id, source_text.c.start)
        ):
            self.bounds.setdefault(sid, []).append((start, stop))
        self.kept: OrderedDict[tuple[int, int], str] = OrderedDict()

    def _piece(self, source_id: int, start: int) -> str:
        key = (source_id, start)
        text = self.kept.get(key)
        if text is None:
            text = self.conn.scalar(
                select(source_text.c.text).where(
                    source_text.c.source_id == source_id, source_text.c.start == start
                )
            )
            self.kept[key] = text or ""
            while len(self.kept) > PIECES_KEPT:
                self.kept.popitem(last=False)
        else:
            self.kept.move_to_end(key)
        return self.kept[key]

    def text(self, source_id: int, start: int, end: int) -> str:
        """What `vigil.store.texts.read_span` returns for the same span."""
        parts = []
        for a, b in self.bounds.get(source_id, ()):
            if a < max(end, start + 1) and b > start:
                piece = self._piece(source_id, a)
                parts.append(piece[max(start, a) - a : min(end, b) - a])
        return "".join(parts)


def _records_query() -> Any:
    return select(
        record,
        func.coalesce(source.c.title, source.c.filename).label("source_title"),
        source.c.kind.label("source_kind"),
        source.c.language.label("source_language"),
    ).join(source, source.c.id == record.c.source_id)


def _full(row: Any, spans: Spans, hide: tuple[str, ...]) -> dict[str, Any]:
    rec = dict(row)
    rec["source_page"] = source_page_of(rec["entry"])
    rec["text"] = spans.text(rec["source_id"], rec["span_start"], rec["span_end"])
    return redact(rec, hide) if hide else rec


def _event_order(ev: dict[str, Any]) -> tuple[Any, ...]:
    """The order `browse` reads a person's events in: dated first, by bounds (NULL first, as
    SQL sorts it), then by id."""
    lo, hi = ev["date_lower"], ev["date_upper"]
    return (lo is None, lo or "", hi is not None, hi or "", ev["id"])


def _events(conn: Connection, record_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for chunk in chunks(sorted(record_ids)):
        q = select(event).where(event.c.record_id.in_(chunk)).order_by(event.c.id)
        for row in conn.execute(q).mappings():
            out.setdefault(row["record_id"], []).append(dict(row))
    return out


def dossiers(
    conn: Connection,
    person_ids: Sequence[int],
    spans: Spans,
    facts: dict[Group, dict[str, Any]],
    hide: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Each person's dossier, in the shape `vigil.store.browse.person_dossier` gives it."""
    by_person: dict[int, list[dict[str, Any]]] = {p: [] for p in person_ids}
    for chunk in chunks(sorted(person_ids)):
        q = (
            _records_query()
            .add_columns(person_record.c.person_id.label("_person"))
            .join(person_record, person_record.c.record_id == record.c.id)
            .where(person_record.c.person_id.in_(chunk))
            .order_by(record.c.id)
        )
        for row in conn.execute(q).mappings():
            rec = _full(row, spans, hide)
            by_person[rec.pop("_person")].append(rec)
    events = _events(conn, [r["id"] for recs in by_person.values() for r in recs])
    out = []
    for pid in person_ids:
        recs = by_person[pid]
        evs = sorted((e for r in recs for e in events.get(r["id"], ())), key=_event_order)
        out.append({"id": pid, "records": recs, "events": evs, "life": facts[("p", pid)]["life"]})
    return out


def lone_records(
    conn: Connection, record_ids: Sequence[int], spans: Spans, hide: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Records no person holds, each in the shape `vigil.store.browse.record_page` gives it."""
    out = []
    for chunk in chunks(sorted(record_ids)):
        q = _records_query().where(record.c.id.in_(chunk)).order_by(record.c.id)
        out += [_full(row, spans, hide) for row in conn.execute(q).mappings()]
    events = _events(conn, [r["id"] for r in out])
    for rec in out:
        rec["person"] = None
        rec["events"] = events.get(rec["id"], [])
    return out


def source_pages(conn: Connection) -> dict[int, int]:
    """How many pages of entries each source has (one for a source without records)."""
    pages = {sid: 1 for sid in conn.scalars(select(source.c.id).order_by(source.c.id))}
    q = select(record.c.source_id, func.max(record.c.entry)).group_by(record.c.source_id)
    for sid, last in conn.execute(q):
        pages[sid] = source_page_of(last) if last else 1
    return pages


def name_keys(conn: Connection, record_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The stored name keys of these records (lemma, skeleton, phonetic, given-name class)."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(record_ids)):
        q = select(name_key).where(name_key.c.record_id.in_(chunk))
        out.update({r["record_id"]: dict(r) for r in conn.execute(q).mappings()})
    return out
