"""Linkage tables: name keys, persons, scored pairs, decisions and runs.

Reads stream (a registry may hold millions of records); each write of a run is one
transaction, so an interrupted `vigil link` leaves the previous persons in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from vigil.errors import RegistryError
from vigil.store.bulk import bulk_insert
from vigil.store.engine import refresh_statistics
from vigil.store.facts import refresh_person_facts
from vigil.store.queries import _escape
from vigil.store.schema import (
    decision,
    event,
    link_run,
    name_key,
    pair,
    person,
    person_fact,
    person_record,
    record,
    source,
)

VERDICTS = ("same", "different")
_BATCH = 50_000
# Per statement: set on the connection, it would stay, and PostgreSQL cannot stream (open a
# server-side cursor for) the DELETE or INSERT that follows on the same connection.
_STREAM = {"yield_per": _BATCH}


def _rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(query).mappings()]


def records_needing_keys(conn: Connection, version: int) -> Iterator[dict[str, Any]]:
    """Records with no name keys, or keys made by another version of vigil.names."""
    q = (
        select(
            record.c.id,
            record.c.name_written,
            record.c.surname,
            record.c.given,
            record.c.patronymic,
            record.c.sex,
        )
        .outerjoin(name_key, name_key.c.record_id == record.c.id)
        .where(or_(name_key.c.record_id.is_(None), name_key.c.version != version))
        .order_by(record.c.id)
    )
    for row in conn.execute(q, execution_options=_STREAM).mappings():
        yield dict(row)


def replace_keys(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    conn.execute(delete(name_key).where(name_key.c.record_id.in_([r["record_id"] for r in rows])))
    bulk_insert(conn, name_key, list(rows))


def _first_event(types: tuple[str, ...], label: str) -> Any:
    return (
        select(
            event.c.record_id,
            func.min(event.c.date_lower).label(f"{label}_lower"),
            func.min(event.c.date_upper).label(f"{label}_upper"),
        )
        .where(event.c.type.in_(types), event.c.date_lower.is_not(None))
        .group_by(event.c.record_id)
        .subquery(label)
    )


def feature_inputs(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every record with its name keys and first arrest and death dates, in id order."""
    arrest = _first_event(("arrest",), "arrest")
    death = _first_event(("execution", "death"), "death")
    q = (
        select(
            record.c.id,
            record.c.source_id,
            record.c.sex,
            record.c.birth_lower,
            record.c.birth_upper,
            record.c.birth_place,
            record.c.residence,
            record.c.nationality,
            record.c.occupation,
            record.c.document,
            name_key.c.surname_lemma,
            name_key.c.surname_key,
            name_key.c.surname_phonetic,
            name_key.c.given_key,
            name_key.c.given_initial,
            name_key.c.patronymic_key,
            name_key.c.patronymic_initial,
            name_key.c.sex.label("key_sex"),
            arrest.c.arrest_lower,
            arrest.c.arrest_upper,
            death.c.death_lower,
            death.c.death_upper,
        )
        .outerjoin(name_key, name_key.c.record_id == record.c.id)
        .outerjoin(arrest, arrest.c.record_id == record.c.id)
        .outerjoin(death, death.c.record_id == record.c.id)
        .order_by(record.c.id)
    )
    for row in conn.execute(q, execution_options=_STREAM).mappings():
        yield dict(row)


def memberships_of(conn: Connection, ids: Sequence[int]) -> dict[int, int]:
    q = select(person_record.c.record_id, person_record.c.person_id).where(
        person_record.c.record_id.in_(list(ids))
    )
    return dict(conn.execute(q).all())


def memberships(conn: Connection) -> dict[int, int]:
    """record id -> person id, as the last run left them."""
    return dict(conn.execute(select(person_record.c.record_id, person_record.c.person_id)).all())


def stored_pairs(conn: Connection) -> Iterator[tuple[int, int, float, float]]:
    q = select(pair.c.record_a, pair.c.record_b, pair.c.match_weight, pair.c.probability)
    yield from conn.execute(q, execution_options=_STREAM)


def decisions_in_force(conn: Connection) -> list[dict[str, Any]]:
    """The latest decision on each pair; earlier ones are history."""
    latest = (
        select(func.max(decision.c.id).label("id"))
        .group_by(decision.c.record_a, decision.c.record_b)
        .subquery()
    )
    q = select(decision).join(latest, latest.c.id == decision.c.id).order_by(decision.c.id)
    return _rows(conn, q)


def add_decision(
    conn: Connection, a: int, b: int, verdict: str, actor: str, reason: str | None
) -> dict[str, Any]:
    if verdict not in VERDICTS:
        raise RegistryError(f"a decision is one of {', '.join(VERDICTS)}, not {verdict!r}")
    if a == b:
        raise RegistryError(f"a decision needs two different records, got {a} twice")
    a, b = sorted((a, b))
    found = set(conn.scalars(select(record.c.id).where(record.c.id.in_([a, b]))))
    for rid in (a, b):
        if rid not in found:
            raise RegistryError(f"no record {rid}")
    row = {
        "record_a": a,
        "record_b": b,
        "verdict": verdict,
        "reason": reason,
        "actor": actor,
        "decided_at": datetime.now(UTC),
    }
    row["id"] = conn.execute(insert(decision).values(**row)).inserted_primary_key[0]
    return row


def start_run(conn: Connection, mode: str, engine: str, threshold: float) -> int:
    return conn.execute(
        insert(link_run).values(
            started_at=datetime.now(UTC),
            mode=mode,
            engine=engine,
            threshold=threshold,
            records=0,
            pairs=0,
            persons=0,
        )
    ).inserted_primary_key[0]


def last_model(conn: Connection) -> dict[str, Any] | None:
    """The last finished run that trained a model, with that model."""
    row = (
        conn.execute(
            select(link_run)
            .where(link_run.c.model.is_not(None), link_run.c.finished_at.is_not(None))
            .order_by(link_run.c.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def save_result(
    conn: Connection,
    run_id: int,
    *,
    replace_pairs: bool,
    new_pairs: Iterable[tuple[int, int, float, float]],
    person_of: dict[int, int],
    model: dict[str, Any] | None,
) -> dict[str, int]:
    """Write pairs, persons and memberships of a run in the caller's transaction."""
    if replace_pairs:
        conn.execute(delete(pair))
    n_pairs = 0
    batch: list[dict[str, Any]] = []
    for a, b, w, p in new_pairs:
        batch.append(
            {"record_a": a, "record_b": b, "match_weight": w, "probability": p, "run_id": run_id}
        )
        if len(batch) >= _BATCH:
            bulk_insert(conn, pair, batch)
            n_pairs += len(batch)
            batch.clear()
    bulk_insert(conn, pair, batch)
    n_pairs += len(batch)

    old = memberships(conn)
    changed = [(r, p) for r, p in person_of.items() if old.get(r) != p]
    existing = set(conn.scalars(select(person.c.id)))
    wanted = set(person_of.values())
    new_persons = sorted(wanted - existing)
    for i in range(0, len(new_persons), _BATCH):
        bulk_insert(
            conn,
            person,
            [{"id": p, "created_run": run_id} for p in new_persons[i : i + _BATCH]],
        )
    moved = [r for r, _ in changed if r in old]
    for i in range(0, len(moved), _BATCH):
        conn.execute(
            delete(person_record).where(person_record.c.record_id.in_(moved[i : i + _BATCH]))
        )
    rows = [{"record_id": r, "person_id": p, "run_id": run_id} for r, p in changed]
    for i in range(0, len(rows), _BATCH):
        bulk_insert(conn, person_record, rows[i : i + _BATCH])
    gone = sorted(existing - wanted)
    for i in range(0, len(gone), _BATCH):
        conn.execute(delete(person_fact).where(person_fact.c.person_id.in_(gone[i : i + _BATCH])))
        conn.execute(delete(person).where(person.c.id.in_(gone[i : i + _BATCH])))
    touched = {p for _, p in changed} | {old[r] for r in moved}
    refresh_person_facts(conn, None if not existing else sorted(touched & wanted))
    refresh_statistics(conn)
    total_pairs = conn.scalar(select(func.count()).select_from(pair))
    conn.execute(
        update(link_run)
        .where(link_run.c.id == run_id)
        .values(
            finished_at=datetime.now(UTC),
            records=len(person_of),
            pairs=total_pairs,
            persons=len(wanted),
            model=model,
        )
    )
    return {
        "pairs_added": n_pairs,
        "pairs": total_pairs,
        "persons": len(wanted),
        "persons_new": len(new_persons),
        "persons_retired": len(gone),
        "records_moved": len(changed),
    }


def next_person_id(conn: Connection) -> int:
    return (conn.scalar(select(func.max(person.c.id))) or 0) + 1


# -- reading ----------------------------------------------------------------------------------

_RECORD_BRIEF = [
    record.c.id,
    record.c.source_id,
    record.c.entry,
    record.c.locator,
    record.c.name_written,
    record.c.surname,
    record.c.given,
    record.c.patronymic,
    record.c.sex,
    record.c.birth,
    record.c.birth_place,
    record.c.nationality,
    record.c.occupation,
    record.c.residence,
]


def person_list(
    conn: Connection, name: str | None, limit: int | None, offset: int
) -> list[dict[str, Any]]:
    counts = (
        select(
            person_record.c.person_id,
            func.count().label("records"),
            func.count(func.distinct(record.c.source_id)).label("sources"),
            func.min(record.c.id).label("first_record"),
        )
        .join(record, record.c.id == person_record.c.record_id)
        .group_by(person_record.c.person_id)
    )
    if name:
        having = select(person_record.c.person_id).join(
            record, record.c.id == person_record.c.record_id
        )
        pattern = f"%{_escape(name.casefold())}%"  # a % or _ typed is that character
        having = having.where(record.c.name_search.like(pattern, escape="\\"))
        counts = counts.where(person_record.c.person_id.in_(having))
    sub = counts.subquery()
    q = (
        select(
            sub.c.person_id.label("id"),
            sub.c.records,
            sub.c.sources,
            record.c.surname,
            record.c.given,
            record.c.patronymic,
            record.c.name_written,
            record.c.birth,
        )
        .join(record, record.c.id == sub.c.first_record)
        .order_by(sub.c.person_id)
        .offset(offset)
    )
    if limit is not None:
        q = q.limit(limit)
    return _rows(conn, q)


def person_detail(conn: Connection, person_id: int) -> dict[str, Any]:
    if conn.scalar(select(person.c.id).where(person.c.id == person_id)) is None:
        raise RegistryError(f"no person {person_id}")
    q = (
        select(*_RECORD_BRIEF, source.c.title.label("source_title"), source.c.filename)
        .join(person_record, person_record.c.record_id == record.c.id)
        .join(source, source.c.id == record.c.source_id)
        .where(person_record.c.person_id == person_id)
        .order_by(record.c.id)
    )
    records = _rows(conn, q)
    ids = [r["id"] for r in records]
    events = conn.execute(
        select(
            event.c.record_id,
            event.c.type,
            event.c.date,
            event.c.place,
            event.c.authority,
            event.c.category,
            event.c.charge,
            event.c.detail,
        )
        .where(event.c.record_id.in_(ids))
        .order_by(event.c.date_lower, event.c.record_id)
    ).mappings()
    return {"id": person_id, "records": records, "events": [dict(e) for e in events]}


def export_links(conn: Connection) -> Iterator[tuple[str, str, int | None]]:
    """(source file, locator, person) for every record; the locator falls back to the entry."""
    q = (
        select(source.c.filename, record.c.locator, record.c.entry, person_record.c.person_id)
        .join(source, source.c.id == record.c.source_id)
        .outerjoin(person_record, person_record.c.record_id == record.c.id)
        .order_by(record.c.id)
    )
    for filename, locator, entry, person_id in conn.execute(q, execution_options=_STREAM):
        yield filename, locator if locator is not None else str(entry), person_id


def records_brief(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    q = (
        select(*_RECORD_BRIEF, source.c.title.label("source_title"), source.c.filename)
        .join(source, source.c.id == record.c.source_id)
        .where(record.c.id.in_(list(ids)))
    )
    return {r["id"]: r for r in _rows(conn, q)}


def review_queue(conn: Connection, threshold: float, limit: int) -> list[dict[str, Any]]:
    """Undecided pairs, nearest the threshold first: where a reviewer's word changes most.

    Read as two walks of the probability index, up from the threshold and down from it,
    merged: a view costs the pairs it shows, not a sort of every pair scored."""
    undecided = ~exists().where(
        decision.c.record_a == pair.c.record_a, decision.c.record_b == pair.c.record_b
    )
    above = select(pair).where(pair.c.probability >= threshold, undecided)
    below = select(pair).where(pair.c.probability < threshold, undecided)
    rows = _rows(conn, above.order_by(pair.c.probability, pair.c.record_a, pair.c.record_b)
                 .limit(limit))  # fmt: skip
    rows += _rows(conn, below.order_by(pair.c.probability.desc(), pair.c.record_a,
                                       pair.c.record_b).limit(limit))  # fmt: skip
    rows.sort(key=lambda r: (abs(r["probability"] - threshold), r["record_a"], r["record_b"]))
    return rows[:limit]


def pair_score(conn: Connection, a: int, b: int) -> dict[str, Any] | None:
    a, b = sorted((a, b))
    row = conn.execute(select(pair).where(pair.c.record_a == a, pair.c.record_b == b)).mappings()
    first = row.first()
    return dict(first) if first else None


def decisions_on(conn: Connection, a: int, b: int) -> list[dict[str, Any]]:
    a, b = sorted((a, b))
    q = (
        select(decision)
        .where(decision.c.record_a == a, decision.c.record_b == b)
        .order_by(decision.c.id)
    )
    return _rows(conn, q)
