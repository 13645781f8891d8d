"""Reads for the public pages: groups and their lives, citations, a person, a record, a source.

Every read takes `withhold`, a predicate over `privacy.Life` (None: show everything, for the
registry's own operators). The store only gathers what the predicate needs, per person or per
record not yet linked (a takedown in force among it), and applies it: a withheld person is left
out of results and their counts, reads as missing, and their records' text is cut out of source
pages. A screen's sensitive fields are blanked in every record it reads, and their values in the
verbatim text: on a source page the value's characters become a passage with no text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from vigil.errors import NotFound
from vigil.privacy import Life, Screen, blanks, redact, sensitive
from vigil.store.facts import chunks, lone_facts, person_facts
from vigil.store.queries import _all, _plain
from vigil.store.schema import claim, event, person_record, quote, record, source
from vigil.store.texts import read_span, read_spans

Withhold = Screen | None

# Entries per source page. Fixed, so that the page a citation links to never moves.
SOURCE_PAGE = 100
MAX_PAGE = (2**31 - 1) // SOURCE_PAGE + 1  # entries are INTEGERs: no page lies beyond

# A group is a person, or a record no person holds yet: ("p", person id) or ("r", record id).
Group = tuple[str, int]


def source_page_of(entry: int) -> int:
    """The page of its source on which an entry stands."""
    return max(1, (entry - 1) // SOURCE_PAGE + 1)


# -- groups and their lives ----------------------------------------------------------------


def group_facts(conn: Connection, groups: Iterable[Group]) -> dict[Group, dict[str, Any]]:
    """For each group: its Life, its first record, and how many records and sources attest it."""
    groups = list(groups)
    found = [
        (kind, read(conn, [i for k, i in groups if k == kind]))
        for kind, read in (("p", person_facts), ("r", lone_facts))
    ]
    return {(kind, k): with_life(f) for kind, facts in found for k, f in facts.items()}


def with_life(f: dict[str, Any]) -> dict[str, Any]:
    """A group's facts as the reads use them: the policy's inputs gathered into a Life."""
    return {
        "life": Life(
            f["latest_birth"], f["earliest_event"], bool(f["died"]), bool(f.get("taken_down"))
        ),
        "first_record": f["first_record"],
        "records": f["records"],
        "sources": f["sources"],
    }


def _groups_of(conn: Connection, record_ids: Sequence[int]) -> dict[int, Group]:
    found: dict[int, Group] = {}
    for chunk in chunks(record_ids):
        q = select(person_record.c.record_id, person_record.c.person_id).where(
            person_record.c.record_id.in_(chunk)
        )
        found.update({r: ("p", p) for r, p in conn.execute(q)})
    return {r: found.get(r, ("r", r)) for r in record_ids}


def is_withheld(facts: dict[str, Any] | None, withhold: Withhold) -> bool:
    if withhold is None:
        return False
    return facts is None or withhold(facts["life"])


# -- citations ---------------------------------------------------------------------------------

_CITED = [
    record.c.id,
    record.c.source_id,
    record.c.entry,
    record.c.locator,
    record.c.span_start,
    record.c.span_end,
    record.c.name_written,
    record.c.surname,
    record.c.given,
    record.c.patronymic,
    record.c.birth,
    func.coalesce(source.c.title, source.c.filename).label("source_title"),
]


def _cite(row: dict[str, Any]) -> dict[str, Any]:
    row["source_page"] = source_page_of(row["entry"])
    return row


def cited_records(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Records with what a citation needs: source title, locator, entry and its page."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(ids))):
        q = select(*_CITED).join(source, source.c.id == record.c.source_id)
        for row in conn.execute(q.where(record.c.id.in_(chunk))).mappings():
            out[row["id"]] = _cite(dict(row))
    return out


# -- a person ----------------------------------------------------------------------------------

_EVENT_COLS = [
    event.c.id,
    event.c.record_id,
    event.c.source_id,
    event.c.type,
    event.c.date,
    event.c.date_lower,
    event.c.date_upper,
    event.c.place,
    event.c.authority,
    event.c.category,
    event.c.charge,
    event.c.detail,
    event.c.span_start,
    event.c.span_end,
]


def _full_records(conn: Connection, where: Any, withhold: Withhold) -> list[dict[str, Any]]:
    q = (
        select(
            record,
            func.coalesce(source.c.title, source.c.filename).label("source_title"),
            source.c.kind.label("source_kind"),
            source.c.language.label("source_language"),
        )
        .join(source, source.c.id == record.c.source_id)
        .where(where)
        .order_by(record.c.id)
    )
    records = [_cite(r) for r in _all(conn, q)]
    spans = [(r["source_id"], r["span_start"], r["span_end"]) for r in records]
    for r, text in zip(records, read_spans(conn, spans), strict=True):
        r["text"] = text
    hide = sensitive(withhold)
    return [redact(r, hide) for r in records] if hide else records


def _events_of(conn: Connection, record_ids: Sequence[int]) -> list[dict[str, Any]]:
    q = (
        select(*_EVENT_COLS)
        .where(event.c.record_id.in_(list(record_ids)))
        .order_by(event.c.date_lower.is_(None), event.c.date_lower, event.c.date_upper, event.c.id)
    )
    return _all(conn, q)


def person_dossier(conn: Connection, person_id: int, withhold: Withhold) -> dict[str, Any]:
    """A person's records in full (text, source, locator) and every event they attest."""
    facts = group_facts(conn, [("p", person_id)]).get(("p", person_id))
    if facts is None or is_withheld(facts, withhold):
        # withheld reads exactly as missing: the answer must not tell that someone is there
        raise NotFound(f"no person {person_id}")
    ids = select(person_record.c.record_id).where(person_record.c.person_id == person_id)
    records = _full_records(conn, record.c.id.in_(ids), withhold)
    events = _events_of(conn, [r["id"] for r in records])
    return {"id": person_id, "records": records, "events": events, "life": facts["life"]}


def record_page(conn: Connection, record_id: int, withhold: Withhold) -> dict[str, Any]:
    """One record in full, with its events and the person it belongs to."""
    group = _groups_of(conn, [record_id])[record_id]
    facts = group_facts(conn, [group]).get(group)
    if facts is None or is_withheld(facts, withhold):
        raise NotFound(f"no record {record_id}")
    records = _full_records(conn, record.c.id == record_id, withhold)
    if not records:
        raise NotFound(f"no record {record_id}")
    rec = records[0]
    rec["person"] = group[1] if group[0] == "p" else None
    rec["events"] = _events_of(conn, [record_id])
    return rec


# -- a source ----------------------------------------------------------------------------------


def source_page(conn: Connection, source_id: int, page: int, withhold: Withhold) -> dict[str, Any]:
    """A page of a source: its text between entries, what was extracted from it, cited.

    The text comes as passages with their offsets in the whole source; a withheld person's
    record is a passage with no text, and their events are left out.
    """
    return source_page_range(conn, source_id, page, page, withhold)[0]


def source_page_range(
    conn: Connection, source_id: int, first: int, last: int, withhold: Withhold
) -> list[dict[str, Any]]:
    """Pages `first` to `last` of a source, each as `source_page` gives it, from one read of
    the source's records, their facts, its claims and its text: publication writes them all."""
    if not 1 <= first <= last <= MAX_PAGE:
        raise NotFound(f"no page {first if first < 1 else last} of source {source_id}")
    of_source = record.c.source_id == source_id
    last_entry = select(func.max(record.c.entry)).where(of_source).scalar_subquery()
    beyond = (  # where the last page's text stops
        select(record.c.span_start)
        .where(of_source, record.c.entry > last * SOURCE_PAGE)
        .order_by(record.c.entry)
        .limit(1)
        .scalar_subquery()
    )
    row = (
        conn.execute(
            select(source, last_entry.label("_last_entry"), beyond.label("_beyond")).where(
                source.c.id == source_id
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"no source {source_id}")
    head = _plain(row)
    last_entry, beyond = head.pop("_last_entry"), head.pop("_beyond")
    head["pages"] = source_page_of(last_entry) if last_entry else 1
    for page in (first, last):
        if not 1 <= page <= head["pages"]:
            raise NotFound(f"no page {page} of source {source_id}")
    hide = sensitive(withhold)
    recs = _all(
        conn,
        select(*_CITED[:-1], *(record.c[f] for f in hide), person_record.c.person_id)
        .outerjoin(person_record, person_record.c.record_id == record.c.id)
        .where(
            record.c.source_id == source_id,
            record.c.entry.between((first - 1) * SOURCE_PAGE + 1, last * SOURCE_PAGE),
        )
        .order_by(record.c.entry),
    )
    groups = {r["id"]: ("p", r["person_id"]) if r["person_id"] else ("r", r["id"]) for r in recs}
    facts = group_facts(conn, set(groups.values()))
    hidden_ids = {r["id"] for r in recs if is_withheld(facts.get(groups[r["id"]]), withhold)}
    events = [
        e
        for chunk in chunks([r["id"] for r in recs if r["id"] not in hidden_ids])
        for e in _all(conn, select(*_EVENT_COLS).where(event.c.record_id.in_(chunk)))
    ]
    events_of: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        events_of.setdefault(e["record_id"], []).append(e)
    notes = {
        name: _all(conn, select(t).where(t.c.source_id == source_id).order_by(t.c.id))
        for name, t in (("claims", claim), ("quotes", quote))
    }
    entries = [r["entry"] for r in recs]
    pages: list[dict[str, Any]] = []
    for page in range(first, last + 1):
        lo, hi = (
            bisect_left(entries, (page - 1) * SOURCE_PAGE + 1),
            bisect_right(entries, page * SOURCE_PAGE),
        )
        on_page = recs[lo:hi]
        start = 0 if page == 1 else min((r["span_start"] for r in on_page), default=0)
        stop = recs[hi]["span_start"] if hi < len(recs) else beyond
        stop = head["length"] if stop is None else stop
        pages.append({**head, "page": page, "start": start, "stop": stop, "records": on_page})
    text_from = min(p["start"] for p in pages)
    text = read_span(conn, source_id, text_from, max(p["stop"] for p in pages))
    blanked = _blanked(recs, hidden_ids, hide, text, text_from)
    for p in pages:
        _fill_page(p, text, text_from, hidden_ids, events_of, notes, blanked)
        for r in p["records"]:
            for f in hide:
                r.pop(f, None)
    return pages


def _blanked(
    recs: list[dict[str, Any]], hidden_ids: set[int], hide: tuple[str, ...], text: str, at: int
) -> list[tuple[int, int]]:
    """Where the sensitive values of the records shown stand in their own verbatim text, as
    offsets in the whole source."""
    out: list[tuple[int, int]] = []
    for r in recs:
        values = [r[f] for f in hide if r.get(f)]
        if not values or r["id"] in hidden_ids or r["span_start"] is None:
            continue
        start, end = r["span_start"], r["span_end"]
        own = text[max(start - at, 0) : max(end - at, 0)]
        out += [(start + a, start + b) for a, b in blanks(own, values)]
    return out


def _fill_page(
    page: dict[str, Any],
    text: str,
    text_from: int,
    hidden_ids: set[int],
    events_of: dict[int, list[dict[str, Any]]],
    notes: dict[str, list[dict[str, Any]]],
    blanked: list[tuple[int, int]],
) -> None:
    """Cut a page's share out of what was read for a run of pages: its records (a withheld
    one as an empty place), their events, its claims and quotes, its passages of text (a
    sensitive value as an empty place)."""
    start, stop = page["start"], page["stop"]
    hidden: list[tuple[int, int]] = [(a, b) for a, b in blanked if a < stop and b > start]
    shown: list[dict[str, Any]] = []
    for r in page["records"]:
        r = _cite({**r, "source_title": page["title"] or page["filename"]})
        if r["id"] in hidden_ids:
            hidden.append((r["span_start"], r["span_end"]))
            shown.append(
                {
                    "id": None,
                    "withheld": True,
                    "entry": r["entry"],
                    "locator": r["locator"],
                    "span_start": r["span_start"],
                    "span_end": r["span_end"],
                }
            )
        else:
            shown.append({**r, "withheld": False})
    events = [e for r in shown if not r["withheld"] for e in events_of.get(r["id"], ())]

    def inside(item: dict[str, Any]) -> bool:
        s, e = item["span_start"], item["span_end"]
        if s is None or e is None or e <= start or s >= stop:
            return False
        return not any(s < he and e > hs for hs, he in hidden)

    page.update(
        records=shown,
        events=sorted(events, key=lambda e: e["id"]),
        passages=_passages(text[start - text_from : stop - text_from], start, stop, hidden),
        **{name: [x for x in rows if inside(x)] for name, rows in notes.items()},
    )


def _passages(
    text: str, start: int, stop: int, hidden: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    at = start
    for hs, he in sorted(hidden):
        if hs > at:
            out.append({"start": at, "end": hs, "text": text[at - start : hs - start]})
        out.append({"start": hs, "end": he, "text": None})
        at = max(at, he)
    if at < stop:
        out.append({"start": at, "end": stop, "text": text[at - start : stop - start]})
    return out
