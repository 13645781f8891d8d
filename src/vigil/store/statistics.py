"""What the public statistics need of the store beyond `vigil.store.analysis`.

The public figures count only what the public may see. Every figure of `vigil.analysis` is a
sum over subjects (a person, or a record no person holds), so the figures without the withheld
people are the figures of the whole registry less the same figures of the withheld alone. This
module finds the withheld records, by the privacy screen in the form search applies it, and
copies them into a scratch registry where `vigil.analysis` counts them with the very code that
counted the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, not_, select
from sqlalchemy.engine import Connection

from vigil.privacy import Screen
from vigil.store.browse import source_page_of
from vigil.store.facts import (
    aggregates,
    chunks,
    not_withheld,
    person_taken_down,
    record_taken_down,
)
from vigil.store.schema import (
    event,
    link_run,
    person,
    person_fact,
    person_record,
    record,
    source,
    takedown,
    term,
)

if TYPE_CHECKING:
    from vigil.store.registry import Registry


def state(reg: Registry) -> tuple[Any, ...]:
    """What changes whenever a figure may: the sources ingested, the last linkage run, and the
    takedowns made and lifted.

    Records are never edited, so a new source is the only way counts change before linkage;
    linkage rewrites persons in one run, which gets a new id. Decisions act through a run. A
    takedown withholds people at once, and lifting one shows them again.
    """
    reg.check()
    with reg.engine.connect() as conn:
        sources = conn.execute(select(func.count(), func.max(source.c.id))).one()
        last = conn.execute(
            select(link_run.c.id, link_run.c.finished_at).order_by(link_run.c.id.desc()).limit(1)
        ).first()
        takedowns = conn.execute(
            select(func.max(takedown.c.id), func.count(takedown.c.lifted_at))
        ).one()
    return (*sources, *(last or (None, None)), *takedowns)


def _withheld(
    screen: Screen, latest_birth: Any, earliest_event: Any, died: Any, taken_down: Any
) -> Any:
    """The policy's condition negated; a group with no facts (NULLs) is withheld, as
    `browse.is_withheld` holds."""
    died = func.coalesce(died, False)
    shown = not_withheld(screen, latest_birth, earliest_event, died, taken_down)
    return not_(func.coalesce(shown, False))


def withheld_records(reg: Registry, screen: Screen) -> list[int]:
    """Ids of every record of every group the screen withholds, in order.

    The policy is applied in the database, in the form search applies it: by each person's kept
    facts, and by the facts of each record no person holds, computed in one pass.
    """
    reg.check()
    linked = select(person_record.c.record_id)
    pf = person_fact.c
    of_persons = (
        select(person_record.c.record_id)
        .outerjoin(person_fact, pf.person_id == person_record.c.person_id)
        .where(
            _withheld(
                screen,
                pf.latest_birth,
                pf.earliest_event,
                pf.died,
                person_taken_down(person_record.c.person_id),
            )
        )
    )
    recs, evs = (q.where(record.c.id.not_in(linked)).subquery() for q in aggregates("r", None))
    lone = (
        select(recs.c.k)
        .outerjoin(evs, evs.c.k == recs.c.k)
        .where(
            _withheld(
                screen,
                recs.c.latest_birth,
                evs.c.earliest_event,
                evs.c.died,
                record_taken_down(recs.c.k),
            )
        )
    )
    with reg.engine.connect() as conn:
        return sorted([*conn.scalars(of_persons), *conn.scalars(lone)])


def copy_records(reg: Registry, record_ids: Sequence[int], target: Registry) -> None:
    """Copy these records into `target`, a new empty registry, with all the analysis reads of
    them: their events, their persons' links, the sources they cite, and the thesaurus.

    Pass whole groups (every record of a person), as `withheld_records` gives them.
    """
    reg.check()
    target.init()
    ids = sorted(set(record_ids))
    with reg.engine.connect() as conn, target.engine.begin() as out:
        out.execute(term.delete())
        _copy(out, term, conn.execute(select(term)).mappings())
        sources = {r["source_id"] for r in _rows(conn, record, record.c.id, ids)}
        _copy(out, source, _rows(conn, source, source.c.id, sorted(sources)))
        for chunk in chunks(ids):
            _copy(out, record, _rows(conn, record, record.c.id, chunk))
            links = _rows(conn, person_record, person_record.c.record_id, chunk)
            persons = sorted({r["person_id"] for r in links})
            _copy(out, person, _rows(conn, person, person.c.id, persons), skip_existing=True)
            _copy(out, person_record, links)
            _copy(out, event, _rows(conn, event, event.c.record_id, chunk))


def _rows(conn: Connection, table: Any, column: Any, ids: Sequence[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for chunk in chunks(list(ids)):
        out += [dict(r) for r in conn.execute(select(table).where(column.in_(chunk))).mappings()]
    return out


def _copy(out: Connection, table: Any, rows: Any, skip_existing: bool = False) -> None:
    rows = [dict(r) for r in rows]
    if skip_existing and rows:
        key = table.c.id
        have = set(out.scalars(select(key).where(key.in_([r["id"] for r in rows]))))
        rows = [r for r in rows if r["id"] not in have]
    if rows:
        out.execute(insert(table), rows)


def span_page(reg: Registry, source_id: int, offset: int) -> int:
    """The page of its source on which a character offset stands (that of the last entry
    starting at or before it), so a citation of a claim opens where the claim is."""
    reg.check()
    with reg.engine.connect() as conn:
        entry = conn.scalar(
            select(func.max(record.c.entry)).where(
                record.c.source_id == source_id, record.c.span_start <= offset
            )
        )
    return source_page_of(entry) if entry else 1
