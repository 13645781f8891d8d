"""Takedown requests: a person taken out of everything public, reversibly, and audited.

A takedown names the records the person held when it was made, not the person's number: a
later `vigil link` may renumber, merge or split persons, and whoever then holds any of those
records stays withheld. Lifting keeps the takedown as history. The privacy policy reads the
takedowns in force through `active_records` and `taken_down_persons`, which are SQL, so the
database screens search and statistics by them as the pages do in Python.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.engine import Connection

from vigil.errors import NotFound, RegistryError
from vigil.store import audit
from vigil.store.schema import person_record, record, takedown, takedown_record

if TYPE_CHECKING:
    from vigil.store.registry import Registry


def active_records() -> Select[Any]:
    """The ids of the records a takedown in force names."""
    return (
        select(takedown_record.c.record_id)
        .join(takedown, takedown.c.id == takedown_record.c.takedown_id)
        .where(takedown.c.lifted_at.is_(None))
    )


def taken_down_persons() -> Select[Any]:
    """The ids of the persons now holding any record a takedown in force names."""
    return select(person_record.c.person_id).where(person_record.c.record_id.in_(active_records()))


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise RegistryError("a takedown and its lifting need a reason (--reason)")
    return reason


def take_down(
    reg: Registry,
    reason: str,
    *,
    person_id: int | None = None,
    record_id: int | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """Take down a person (all the records they hold now) or one record (whoever holds it)."""
    reason = _reason(reason)
    if (person_id is None) == (record_id is None):
        raise ValueError("take down a person or a record, one of them")
    reg.check()
    actor = actor or audit.cli_actor()
    with reg.engine.begin() as conn:
        if person_id is not None:
            q = select(person_record.c.record_id).where(person_record.c.person_id == person_id)
            ids = sorted(conn.scalars(q))
            if not ids:
                raise NotFound(f"no person {person_id}")
            subject = f"person {person_id}"
        else:
            if conn.scalar(select(record.c.id).where(record.c.id == record_id)) is None:
                raise NotFound(f"no record {record_id}")
            ids = [int(record_id)]  # type: ignore[arg-type]
            subject = f"record {record_id}"
        tid = conn.execute(
            insert(takedown).values(
                person_id=person_id, reason=reason, actor=actor, made_at=datetime.now(UTC)
            )
        ).inserted_primary_key[0]
        conn.execute(insert(takedown_record), [{"takedown_id": tid, "record_id": r} for r in ids])
        audit.append(
            conn, actor, "takedown", subject, {"takedown": tid, "records": ids, "reason": reason}
        )
    return {"id": tid, "person": person_id, "records": ids, "reason": reason, "actor": actor}


def lift(reg: Registry, takedown_id: int, reason: str, actor: str | None = None) -> dict[str, Any]:
    """Lift a takedown in force: its records are public again, unless another names them."""
    reason = _reason(reason)
    reg.check()
    actor = actor or audit.cli_actor()
    with reg.engine.begin() as conn:
        row = conn.execute(select(takedown).where(takedown.c.id == takedown_id)).first()
        if row is None:
            raise NotFound(f"no takedown {takedown_id}")
        if row.lifted_at is not None:
            raise RegistryError(f"takedown {takedown_id} was already lifted by {row.lifted_by}")
        conn.execute(
            update(takedown)
            .where(takedown.c.id == takedown_id)
            .values(lifted_at=datetime.now(UTC), lifted_by=actor, lift_reason=reason)
        )
        ids = _records_of(conn, [takedown_id])[takedown_id]
        audit.append(
            conn,
            actor,
            "takedown.lift",
            f"takedown {takedown_id}",
            {"takedown": takedown_id, "records": ids, "reason": reason},
        )
    return {"id": takedown_id, "records": ids, "reason": reason, "actor": actor}


def _records_of(conn: Connection, ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {i: [] for i in ids}
    q = (
        select(takedown_record.c.takedown_id, takedown_record.c.record_id)
        .where(takedown_record.c.takedown_id.in_(ids))
        .order_by(takedown_record.c.record_id)
    )
    for tid, rid in conn.execute(q):
        out[tid].append(rid)
    return out


def listing(reg: Registry, *, lifted: bool = True) -> list[dict[str, Any]]:
    """Every takedown (only those in force with `lifted=False`), newest first, with the
    records it names and the persons who hold them now."""
    reg.check()
    with reg.engine.connect() as conn:
        q = select(takedown).order_by(takedown.c.id.desc())
        if not lifted:
            q = q.where(takedown.c.lifted_at.is_(None))
        rows = [dict(r) for r in conn.execute(q).mappings()]
        records = _records_of(conn, [r["id"] for r in rows])
        held = select(person_record.c.record_id, person_record.c.person_id).where(
            person_record.c.record_id.in_(sorted({i for v in records.values() for i in v}))
        )
        person_of = dict(conn.execute(held).all())
    for r in rows:
        r["records"] = records[r["id"]]
        r["persons_now"] = sorted({person_of[i] for i in r["records"] if i in person_of})
        r["active"] = r["lifted_at"] is None
    return rows
