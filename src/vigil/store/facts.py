"""What the privacy policy and the search results need of a group: its life and its counts.

A group is a person, or a record no person holds yet. One pair of aggregates defines the facts
for both; for persons they are kept in `person_fact` by `vigil link` (records never change once
ingested, so a person's facts change only when its records do), and for lone records they are
computed when asked, a record being one row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, case, delete, false, func, insert, literal, not_, or_, select
from sqlalchemy.engine import Connection

from vigil.privacy import DEATH_TYPES, Screen
from vigil.store.schema import event, person_fact, person_record, record
from vigil.store.takedowns import active_records, taken_down_persons

_CHUNK = 2_000  # ids per IN (...) list
# Above this many changed persons, rebuilding the whole table is cheaper than a row at a time.
_FULL_REFRESH = 50_000


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def aggregates(kind: str, ids: Sequence[int] | None) -> tuple[Any, Any]:
    """Two grouped selects keyed by `k`: the records' facts, and the events' facts.

    `kind` is "p" (keyed by person) or "r" (a lone record keyed by itself); `ids` limits the
    groups, None takes them all.
    """
    key = person_record.c.person_id if kind == "p" else record.c.id
    # a boolean on every engine (PostgreSQL will not compare or coalesce an integer with one)
    died = (
        func.max(
            case((and_(event.c.type.in_(DEATH_TYPES), event.c.date_lower.is_not(None)), 1), else_=0)
        )
        == 1
    )
    recs = select(
        key.label("k"),
        func.max(record.c.birth_upper).label("latest_birth"),
        func.min(record.c.id).label("first_record"),
        func.count().label("records"),
        func.count(func.distinct(record.c.source_id)).label("sources"),
    )
    evs = select(
        key.label("k"),
        func.min(event.c.date_upper).label("earliest_event"),
        died.label("died"),
    )
    if kind == "p":
        recs = recs.join(record, record.c.id == person_record.c.record_id)
        evs = evs.join(event, event.c.record_id == person_record.c.record_id)
    else:
        evs = evs.select_from(record).join(event, event.c.record_id == record.c.id)
    if ids is not None:
        recs, evs = recs.where(key.in_(list(ids))), evs.where(key.in_(list(ids)))
    return recs.group_by(key), evs.group_by(key)


def lone_facts(conn: Connection, record_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The facts of records no person holds, computed now, and whether a takedown names them:
    one query, as `person_facts` is."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(record_ids))):
        recs, evs = (q.subquery() for q in aggregates("r", chunk))
        q = select(
            recs,
            evs.c.earliest_event,
            func.coalesce(evs.c.died, false()).label("died"),
            record_taken_down(recs.c.k).label("taken_down"),
        ).outerjoin(evs, evs.c.k == recs.c.k)
        for row in conn.execute(q).mappings():
            out[row["k"]] = {**row, "died": bool(row["died"])}
    return out


def not_withheld(
    screen: Screen, latest_birth: Any, earliest_event: Any, died: Any, taken_down: Any = None
) -> Any:
    """The policy as a condition on a group's facts: true where `screen` would not withhold.

    `taken_down` is a condition true for a group a takedown in force names (`person_taken_down`
    or `record_taken_down`); None leaves takedowns out (a group known to have none)."""
    cut = screen.cutoffs()
    alive_rule = or_(
        died == literal(True),
        and_(latest_birth.is_not(None), latest_birth <= cut.born_after),
        and_(
            latest_birth.is_(None),
            earliest_event.is_not(None),
            earliest_event <= cut.event_after,
        ),
    )
    if taken_down is None:
        return alive_rule
    return and_(not_(func.coalesce(taken_down, false())), alive_rule)


def person_taken_down(person_id: Any) -> Any:
    """True where the person holds a record a takedown in force names."""
    return person_id.in_(taken_down_persons())


def record_taken_down(record_id: Any) -> Any:
    """True where a takedown in force names the record itself (one no person holds yet)."""
    return record_id.in_(active_records())


FACT_COLUMNS = [c for c in person_fact.c if c.name != "person_id"]


def person_facts(conn: Connection, person_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The kept facts of persons, and whether a takedown names them; a person with none does
    not exist (the row goes with the person).

    One query: a page's reads wait on the database in turn, and on a server each wait is a
    round trip."""
    names = [c.name for c in FACT_COLUMNS] + ["taken_down"]
    down = person_taken_down(person_fact.c.person_id).label("taken_down")
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(person_ids))):
        q = select(person_fact.c.person_id, *FACT_COLUMNS, down).where(
            person_fact.c.person_id.in_(chunk)
        )
        for pid, *values in conn.execute(q):
            out[pid] = dict(zip(names, values, strict=True))
    return out


def refresh_person_facts(conn: Connection, person_ids: Sequence[int] | None) -> None:
    """Recompute the kept facts of these persons (None: of all), in the caller's transaction."""
    if person_ids is not None and len(person_ids) > _FULL_REFRESH:
        person_ids = None
    if person_ids is None:
        conn.execute(delete(person_fact))
        _insert(conn, None)
        return
    for chunk in chunks(sorted(set(person_ids))):
        conn.execute(delete(person_fact).where(person_fact.c.person_id.in_(chunk)))
        _insert(conn, chunk)


def _insert(conn: Connection, ids: Sequence[int] | None) -> None:
    recs, evs = (q.subquery() for q in aggregates("p", ids))
    rows = select(
        recs.c.k,
        recs.c.latest_birth,
        evs.c.earliest_event,
        func.coalesce(evs.c.died, false()),
        recs.c.first_record,
        recs.c.records,
        recs.c.sources,
    ).outerjoin(evs, evs.c.k == recs.c.k)
    cols = [c.name for c in person_fact.c]
    conn.execute(insert(person_fact).from_select(cols, rows))
