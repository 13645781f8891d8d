"""Aggregate reads for vigil.analysis: every count is grouped in SQL, never row by row in Python.

How a date is counted. An event is placed in a year (or a month) only when both bounds of its
date fall in it: "1937-03-12" and "1937" are in 1937; "1937/1938" and "зима 1937/38" are in no
single year. Such events are neither spread over the years nor dropped: each count reports them
per group as `spanning`, and events with no date as `undated`. This is the rule `vigil records
--year` and `vigil stats` follow. A range of dates keeps the events whose bounds overlap it; of
those, the ones not wholly inside the range are counted as spanning too, so that a figure for a
range never holds an event that may lie outside it.

Who is counted. Where records have been linked (`person_record`), a subject is a person: the
same act attested by three sources counts once. A record not (yet) linked is its own subject.
With `unit="record"` every record is a subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    false,
    func,
    literal,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.engine import Connection, Engine

from vigil.errors import RegistryError
from vigil.store.queries import _escape
from vigil.store.schema import claim, event, person_record, source, term

if TYPE_CHECKING:
    from vigil.store.registry import Registry

Unit = Literal["person", "record"]

BY: tuple[str, ...] = ("type", "authority", "category")
PLACED, SPANNING, UNDATED = 0, 1, 2
# A sentence is an outcome of its own cohort: its term is the treatment the category drew.
SELF_OUTCOMES = frozenset({"sentence"})
_WIDTH = {"year": 4, "month": 7}
SORT_CACHE = -2000  # KiB: SQLite's default page cache, for the sorts of these reads


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a figure counts. Empty fields filter nothing.

    `types` and `categories` are thesaurus codes (a category takes its narrower codes with it:
    counter-revolutionary includes trotskyist); `authority` and `place` match any part of the
    text as the source wrote it; `since`/`until` bound the dates (see the module's note).
    """

    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    authority: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def years(cls, first: int | None = None, last: int | None = None, **fields: Any) -> EventFilter:
        """A filter over whole years, `first` to `last` inclusive."""
        return cls(
            since=date(first, 1, 1) if first is not None else None,
            until=date(last, 12, 31) if last is not None else None,
            **fields,
        )


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure's events narrowed further: a group's key and a period of the timeline."""

    by: str | None = None
    key: str | None = None
    bucket: str | None = None  # "1937" or "1937-03"; None: the whole filter


def open_analysis(reg: Registry) -> AnalysisReader:
    """A reader over a `vigil.store.Registry` that must exist and be current."""
    reg.check()
    return AnalysisReader(reg.engine)


class AnalysisReader:
    """The aggregate reads, each on its own connection (a read never writes)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        with self.engine.connect() as conn:
            if conn.dialect.name != "sqlite":
                return fn(conn, *args, **kwargs)
            # The registry's connections keep a 256 MB page cache for ingest; SQLite then sorts
            # a whole GROUP BY in one list in memory, which measured about twice as slow on a
            # million records as sorting in runs with its default 2 MB. Restored after.
            kept = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={SORT_CACHE}")
            try:
                return fn(conn, *args, **kwargs)
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(kept)}")

    def unit(self, wanted: str = "auto") -> Unit:
        return self._run(resolve_unit, wanted)

    def timeline(
        self, by: str, flt: EventFilter, period: str, unit: Unit, subjects: bool = False
    ) -> list[tuple]:
        return self._run(timeline_counts, by, flt, period, unit, subjects)

    def outcomes(self, cohort: str, unit: Unit) -> list[tuple]:
        return self._run(outcome_counts, cohort, unit)

    def claims(self) -> list[dict[str, Any]]:
        return self._run(claim_list)

    def codes(self, kind: str) -> list[str]:
        """The thesaurus codes of a kind ("event-type", "category") this registry knows."""
        return self._run(known_codes, kind)

    def period_counts(self, flt: EventFilter, unit: Unit) -> dict[str, int]:
        return self._run(period_counts, flt, unit)

    def records(
        self, flt: EventFilter, cell: Cell = Cell(), limit: int | None = 100, offset: int = 0
    ) -> list[int]:
        return self._run(event_records, flt, cell, limit, offset)

    def outcome_records(
        self,
        cohort: str,
        category: str | None,
        outcome: str | None,
        detail: str | None,
        unit: Unit,
        limit: int | None = 100,
    ) -> list[int]:
        return self._run(outcome_records, cohort, category, outcome, detail, unit, limit)


# -- shared pieces ----------------------------------------------------------------------------


def resolve_unit(conn: Connection, wanted: str = "auto") -> Unit:
    """ "auto" is "person" once any record has been linked, else "record"."""
    if wanted in ("person", "record"):
        return wanted  # type: ignore[return-value]
    if wanted != "auto":
        raise RegistryError(f"unknown unit {wanted!r}: person, record or auto")
    linked = conn.scalar(select(person_record.c.record_id).limit(1)) is not None
    return "person" if linked else "record"


def _subject(unit: Unit) -> ColumnElement[Any]:
    # Person ids are positive, so an unlinked record's id is made negative to stay distinct.
    if unit == "record":
        return event.c.record_id
    return case(
        (person_record.c.person_id.is_not(None), person_record.c.person_id),
        else_=-event.c.record_id,
    )


def _events_of(unit: Unit) -> Any:
    if unit == "record":
        return event
    return event.outerjoin(person_record, person_record.c.record_id == event.c.record_id)


def _category_codes(conn: Connection, codes: Sequence[str]) -> list[str]:
    """The codes and every narrower code under them, as the registry's thesaurus says."""
    children: dict[str, list[str]] = {}
    for code, parent in conn.execute(select(term.c.code, term.c.parent)):
        if parent:
            children.setdefault(parent, []).append(code)
    found: list[str] = []
    todo = list(codes)
    while todo:
        code = todo.pop()
        if code not in found:
            found.append(code)
            todo.extend(children.get(code, ()))
    return found


def _like(text: str) -> str:
    """Part of the text, in any case (as search's filters match)."""
    return f"%{_escape(text)}%"


def _conditions(conn: Connection, flt: EventFilter) -> list[ColumnElement[bool]]:
    """The filter as WHERE conditions; a date range keeps events overlapping it, and undated."""
    cond: list[ColumnElement[bool]] = []
    if flt.types:
        cond.append(event.c.type.in_(flt.types))
    if flt.categories:
        cond.append(event.c.category.in_(_category_codes(conn, flt.categories)))
    if flt.authority:
        cond.append(event.c.authority.ilike(_like(flt.authority), escape="\\"))
    if flt.place:
        cond.append(event.c.place.ilike(_like(flt.place), escape="\\"))
    overlap: list[ColumnElement[bool]] = []
    if flt.since is not None:
        overlap.append(event.c.date_upper >= flt.since.isoformat())
    if flt.until is not None:
        overlap.append(event.c.date_lower <= flt.until.isoformat())
    if overlap:
        cond.append(or_(event.c.date_lower.is_(None), and_(*overlap)))
    return cond


def _inside(flt: EventFilter, lo: Any = None, hi: Any = None) -> ColumnElement[bool]:
    """Both bounds of the date inside the filter's range."""
    lo = event.c.date_lower if lo is None else lo
    hi = event.c.date_upper if hi is None else hi
    parts: list[ColumnElement[bool]] = []
    if flt.since is not None:
        parts.append(lo >= flt.since.isoformat())
    if flt.until is not None:
        parts.append(hi <= flt.until.isoformat())
    return and_(*parts) if parts else true()


def _key(by: str) -> ColumnElement[Any]:
    if by not in BY:
        raise RegistryError(f"cannot group events by {by!r}: {', '.join(BY)}")
    return event.c[by]


def _width(period: str) -> int:
    if period not in _WIDTH:
        raise RegistryError(f"unknown period {period!r}: year or month")
    return _WIDTH[period]


# -- events over time -------------------------------------------------------------------------


def timeline_counts(
    conn: Connection, by: str, flt: EventFilter, period: str, unit: Unit, subjects: bool
) -> list[tuple[str | None, int, str | None, int, int | None]]:
    """(key, placement, bucket, events, subjects) for each group: placement is PLACED (bucket
    is the year or month), SPANNING or UNDATED (bucket None).

    Without `subjects` the events are first counted per distinct (key, date) in one pass (by
    index order when grouping by type), and only those few rows are placed in periods; counting
    distinct subjects needs every event's subject, a full pass that sorts them all.
    """
    key, width = _key(by), _width(period)
    if subjects:
        rows = select(key.label("key"), event.c.date_lower.label("lo"),
                      event.c.date_upper.label("hi"), literal(1).label("n"),
                      _subject(unit).label("subject")).select_from(_events_of(unit))  # fmt: skip
    else:
        rows = select(
            key.label("key"),
            event.c.date_lower.label("lo"),
            event.c.date_upper.label("hi"),
            func.count().label("n"),
        ).group_by(key, event.c.date_lower, event.c.date_upper)
    inner = rows.where(*_conditions(conn, flt)).subquery("dated")
    lo, hi = inner.c.lo, inner.c.hi
    same = func.substr(lo, 1, width) == func.substr(hi, 1, width)
    placement = case(
        (lo.is_(None), literal(UNDATED)),
        (and_(same, _inside(flt, lo, hi)), literal(PLACED)),
        else_=literal(SPANNING),
    )
    bucket = case((and_(lo.is_not(None), same, _inside(flt, lo, hi)), func.substr(lo, 1, width)))
    # Placed in a subquery, grouped outside it: every database then groups by plain columns.
    placed = select(
        inner.c.key,
        placement.label("placement"),
        bucket.label("bucket"),
        inner.c.n,
        (inner.c.subject if subjects else null()).label("subject"),
    ).subquery("placed")
    distinct = func.count(placed.c.subject.distinct()) if subjects else null()
    q = select(
        placed.c.key, placed.c.placement, placed.c.bucket, func.sum(placed.c.n), distinct
    ).group_by(placed.c.key, placed.c.placement, placed.c.bucket)
    return [(k, int(p), b, int(n), s) for k, p, b, n, s in conn.execute(q)]


def period_counts(conn: Connection, flt: EventFilter, unit: Unit) -> dict[str, int]:
    """Events (and their subjects) the filter counts; events spanning its range; undated events.

    With a range, the counted events are those wholly inside it, and undated ones are not among
    them; without one, every event is counted, undated ones too.
    """
    dated = event.c.date_lower.is_not(None)
    ranged = flt.since is not None or flt.until is not None
    inside = and_(dated, _inside(flt)) if ranged else true()
    spanning = and_(dated, ~_inside(flt)) if ranged else false()
    subj = _subject(unit)
    q = (
        select(
            func.count(case((inside, 1))),
            func.count(case((inside, subj)).distinct()),
            func.count(case((spanning, 1))),
            func.count(case((~dated, 1))),
        )
        .select_from(_events_of(unit))
        .where(*_conditions(conn, flt))
    )
    events, subjects, spanning, undated = conn.execute(q).one()
    return {"events": events, "subjects": subjects, "spanning": spanning, "undated": undated}


def event_records(
    conn: Connection,
    flt: EventFilter,
    cell: Cell = Cell(),
    limit: int | None = 100,
    offset: int = 0,
) -> list[int]:
    """The records behind a figure: those with an event the filter (and cell) counts, with its
    date wholly inside the range, or in the cell's bucket."""
    cond = _conditions(conn, flt)
    if flt.since is not None or flt.until is not None:
        cond += [event.c.date_lower.is_not(None), _inside(flt)]
    if cell.by is not None:
        key = _key(cell.by)
        cond.append(key.is_(None) if cell.key is None else key == cell.key)
    if cell.bucket is not None:
        width = len(cell.bucket)
        cond += [
            func.substr(event.c.date_lower, 1, width) == cell.bucket,
            func.substr(event.c.date_upper, 1, width) == cell.bucket,
        ]
    q = (
        select(event.c.record_id)
        .where(*cond)
        .group_by(event.c.record_id)
        .order_by(event.c.record_id)
        .offset(offset)
    )
    if limit:
        q = q.limit(limit)
    return list(conn.scalars(q))


# -- what happened next -----------------------------------------------------------------------

SIZE, FOLLOWED, UNLINKED, OUTCOME, DETAIL = 0, 1, 2, 3, 4


def _anchors(cohort: str, unit: Unit) -> tuple[Any, Any]:
    """(subject, category, since) per cohort member, and the cohort events they come from.

    A subject is in category C's cohort from the earliest of its `cohort` events carrying C,
    unless another of those events carries a narrower category under C (the thesaurus's rule:
    "counter-revolutionary" from one source gives way to "trotskyist" from another). It is in
    the uncategorised cohort (category NULL) when none of its `cohort` events carries one.
    """
    subj = _subject(unit).label("subject")
    ce = (
        select(subj, event.c.category, event.c.date_lower, event.c.record_id)
        .select_from(_events_of(unit))
        .where(event.c.type == cohort)
        .cte("cohort_event")
    )
    named = (
        select(ce.c.subject, ce.c.category, func.min(ce.c.date_lower).label("since"))
        .where(ce.c.category.is_not(None))
        .group_by(ce.c.subject, ce.c.category)
        .cte("named")
    )
    narrower = (
        select(named.c.subject, term.c.parent.label("category"))
        .join(term, term.c.code == named.c.category)
        .where(term.c.parent.is_not(None))
        .subquery("narrower")
    )
    kept = (
        select(named.c.subject, named.c.category, named.c.since)
        .outerjoin(
            narrower,
            and_(narrower.c.subject == named.c.subject, narrower.c.category == named.c.category),
        )
        .where(narrower.c.subject.is_(None))
    )
    unnamed = (
        select(ce.c.subject, null().label("category"), func.min(ce.c.date_lower).label("since"))
        .group_by(ce.c.subject)
        .having(func.count(ce.c.category) == 0)
    )
    return union_all(kept, unnamed).cte("anchor"), ce


def _members(unit: Unit, anchor: Any) -> Any:
    """(subject, category, since, record_id): the records of each cohort member, found from the
    anchor by index (person -> its records; an unlinked record is its own member)."""
    cols = (anchor.c.subject, anchor.c.category, anchor.c.since)
    if unit == "record":
        return select(*cols, anchor.c.subject.label("record_id")).subquery("member")
    linked = select(*cols, person_record.c.record_id).join(
        person_record, person_record.c.person_id == anchor.c.subject
    )
    alone = select(*cols, (-anchor.c.subject).label("record_id")).where(anchor.c.subject < 0)
    return union_all(linked, alone).subquery("member")


def _later(cohort: str, unit: Unit, anchor: Any) -> Select[Any]:
    """The events that follow each anchor: dated not before it (or either undated), of another
    type than the cohort's, or a sentence (see SELF_OUTCOMES)."""
    member = _members(unit, anchor)
    kept = true() if cohort in SELF_OUTCOMES else event.c.type != cohort
    return (
        select(
            member.c.subject,
            member.c.category,
            event.c.type,
            case((event.c.type == "sentence", event.c.detail), else_=null()).label("detail"),
            event.c.record_id,
        )
        .select_from(member.join(event, event.c.record_id == member.c.record_id))
        .where(
            kept,
            or_(
                member.c.since.is_(None),
                event.c.date_upper.is_(None),
                event.c.date_upper >= member.c.since,
            ),
        )
    )


def outcome_counts(
    conn: Connection, cohort: str, unit: Unit
) -> list[tuple[int, str | None, str | None, str | None, int]]:
    """(row kind, category, type, detail, subjects), in one statement so the cohort is found once.

    Kinds: SIZE (cohort members), UNLINKED (members that are records not linked to a person),
    FOLLOWED (members with a later event of another type than the cohort's), OUTCOME (members
    with a later event of this type), DETAIL (members with a later sentence of this term).
    """
    anchor, _ = _anchors(cohort, unit)
    later = _later(cohort, unit, anchor).cte("later")
    subjects = func.count(later.c.subject.distinct())
    none = null()
    q = union_all(
        select(literal(SIZE), anchor.c.category, none, none, func.count()).group_by(
            anchor.c.category
        ),
        select(literal(UNLINKED), anchor.c.category, none, none, func.count())
        .where(anchor.c.subject < 0)
        .group_by(anchor.c.category),
        select(literal(FOLLOWED), later.c.category, none, none, subjects)
        .where(later.c.type != cohort)
        .group_by(later.c.category),
        select(literal(OUTCOME), later.c.category, later.c.type, none, subjects).group_by(
            later.c.category, later.c.type
        ),
        select(literal(DETAIL), later.c.category, later.c.type, later.c.detail, subjects)
        .where(later.c.type == "sentence")
        .group_by(later.c.category, later.c.type, later.c.detail),
    )
    rows = [(int(k), c, t, d, n) for k, c, t, d, n in conn.execute(q)]
    if unit == "record":
        rows = [r for r in rows if r[0] != UNLINKED]
    return rows


def outcome_records(
    conn: Connection,
    cohort: str,
    category: str | None,
    outcome: str | None,
    detail: str | None,
    unit: Unit,
    limit: int | None = 100,
) -> list[int]:
    """The records behind one outcome figure: those attesting the later events counted, or, for
    `outcome=None` ("none recorded"), those with the cohort events of the members nothing else
    followed.

    Both read from materialized sets: joined to the events by record, a filter on the event's
    type would otherwise lead SQLite to search the type index once per member.
    """
    anchor, ce = _anchors(cohort, unit)
    later = _later(cohort, unit, anchor).cte("later").prefix_with("MATERIALIZED")
    in_cohort = later.c.category.is_(None) if category is None else later.c.category == category
    if outcome is not None:
        cond = [in_cohort, later.c.type == outcome]
        if detail is not None:
            cond.append(later.c.detail == detail)
        q = select(later.c.record_id).where(*cond)
    else:
        followed = select(later.c.subject).where(in_cohort, later.c.type != cohort)
        members = select(anchor.c.subject).where(
            anchor.c.category.is_(None) if category is None else anchor.c.category == category
        )
        q = select(ce.c.record_id).where(ce.c.subject.in_(members), ce.c.subject.not_in(followed))
        if category is not None:
            q = q.where(ce.c.category == category)
    column = q.selected_columns[0]
    q = q.group_by(column).order_by(column)
    if limit:
        q = q.limit(limit)
    return list(conn.scalars(q))


# -- claims -----------------------------------------------------------------------------------


def claim_list(conn: Connection) -> list[dict[str, Any]]:
    """Every claim with its source's citation fields, in source and text order."""
    q = (
        select(
            claim,
            source.c.title.label("source_title"),
            source.c.author.label("source_author"),
            source.c.filename.label("source_file"),
        )
        .join(source, source.c.id == claim.c.source_id)
        .order_by(claim.c.source_id, claim.c.span_start, claim.c.id)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def known_codes(conn: Connection, kind: str) -> list[str]:
    return list(conn.scalars(select(term.c.code).where(term.c.kind == kind).order_by(term.c.code)))
