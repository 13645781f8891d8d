"""Search by name in any script or spelling, through the name keys, with filters on events.

The query is parsed as a name (any order, case, script) and matched on the surname's skeleton
key (Троцкий = Trotzki = Trockij), or, when that finds no one, on its coarser phonetic key;
a given name or patronymic narrows the match, an initial or a silent record does not exclude.
Results are grouped by person (a record no person holds yet stands for itself), withheld
people (who may be alive, or taken down) are dropped before counting, and one page of them is
returned.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, and_, case, exists, func, literal, or_, select
from sqlalchemy.engine import Connection

from vigil.store.browse import (
    Group,
    Withhold,
    cited_records,
    group_facts,
    is_withheld,
)
from vigil.store.facts import FACT_COLUMNS, not_withheld, person_taken_down
from vigil.store.queries import _escape
from vigil.store.schema import event, name_key, person_fact, person_record, record
from vigil.thesaurus import CATEGORIES

if TYPE_CHECKING:
    from vigil.names import NameKeys

# A search looks at no more records than this; beyond it the total is "more than" and the
# page asks for a narrower search. It bounds the work of one request on any registry.
CANDIDATES = 20_000
MATCHES_SHOWN = 5  # matching records cited under each search result


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A search: a name in any script or spelling, and filters on the events attested."""

    name: str | None = None
    event_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    place: str | None = None
    authority: str | None = None
    category: str | None = None
    page: int = 1
    per_page: int = 20

    @property
    def filtered(self) -> bool:
        return any(
            v not in (None, "")
            for v in (
                self.event_type,
                self.year_from,
                self.year_to,
                self.place,
                self.authority,
                self.category,
            )
        )

    @property
    def empty(self) -> bool:
        return not (self.name or "").strip() and not self.filtered


# -- names -----------------------------------------------------------------------------------


def query_keys(text: str) -> NameKeys | None:
    """The name keys of what someone typed; one word is taken as a surname."""
    from vigil.names import from_parts, name_keys, parse_name

    words = text.split()
    if not words:
        return None
    if len(words) == 1:
        parts = from_parts(words[0], None, None, text)
    else:
        parts = parse_name(text)
        if parts.surname is None:  # "Lev Trotzki" reads well; "Trotzki Lev" may not
            parts = from_parts(words[0], words[1], " ".join(words[2:]) or None, text)
    keys = name_keys(parts)
    return keys if keys.surname_key or keys.surname_phonetic else None


def _name_conditions(keys: NameKeys, phonetic: bool) -> list[Any]:
    nk = name_key.c
    conds: list[Any] = [
        nk.surname_phonetic == keys.surname_phonetic
        if phonetic
        else nk.surname_key == keys.surname_key
    ]
    for part in ("given", "patronymic"):
        cond = _part_condition(nk, part, keys)
        if cond is not None:
            conds.append(cond)
    return conds


def _part_condition(nk: Any, part: str, keys: NameKeys) -> Any:
    """A record that gives no such name, or only an initial, does not contradict the query."""
    key, initial = getattr(keys, f"{part}_key"), getattr(keys, f"{part}_initial")
    key_col, initial_col = nk[f"{part}_key"], nk[f"{part}_initial"]
    initial_agrees = or_(initial_col.is_(None), initial_col == initial)
    if key:
        return or_(key_col == key, and_(key_col.is_(None), initial_agrees))
    return initial_agrees if initial else None


def categories_under(code: str) -> list[str]:
    """A category and every category beneath it in the thesaurus."""
    found, frontier = {code}, {code}
    while frontier:
        frontier = {t.code for t in CATEGORIES if t.parent in frontier} - found
        found |= frontier
    return sorted(found)


def _event_conditions(q: SearchQuery, by_record: bool = False) -> list[Any]:
    """The filters on events. `by_record`: the caller looks events up per record, and the
    index on type and date must not be used (SQLite would otherwise prefer it, being
    covering, and read every matching event of the registry for each record)."""
    conds: list[Any] = []
    if q.event_type:
        kind = func.coalesce(event.c.type, "") if by_record else event.c.type
        conds.append(kind == q.event_type)
    if q.year_from is not None:
        conds.append(event.c.date_lower >= f"{q.year_from:04d}-01-01")
    if q.year_to is not None:
        conds.append(event.c.date_upper <= f"{q.year_to:04d}-12-31")
    if q.place:
        conds.append(event.c.place.ilike(f"%{_escape(q.place)}%", escape="\\"))
    if q.authority:
        conds.append(event.c.authority.ilike(f"%{_escape(q.authority)}%", escape="\\"))
    if q.category:
        conds.append(event.c.category.in_(categories_under(q.category)))
    return conds


# -- search ------------------------------------------------------------------------------------


SEP = "\x01"  # below every letter: "ivanov" + SEP sorts before "ivanova" + SEP


def _sort_key(surname: Any, given: Any, initial: Any, patronymic: Any) -> Any:
    """By the keys, not the spelling (Gavrilov and Гаврилов sort together): one string, so that
    the database orders persons as Python orders records no person holds yet."""
    tilde = literal("~", String)
    return (
        func.coalesce(surname, tilde)
        + SEP
        + func.coalesce(given, initial, tilde)
        + SEP
        + func.coalesce(patronymic, tilde)
    )


def _matching(
    q: SearchQuery, keys: NameKeys | None, phonetic: bool, among: list[int] | None = None
) -> Any:
    """Records matching the query, at most CANDIDATES + 1 of them (by id), with the person
    holding each (`g`, null for none yet) and that person's kept facts; `among` keeps only
    the records of these persons."""
    nk = name_key.c
    rid = nk.record_id if keys is not None else record.c.id
    cols = [
        rid.label("r"),
        person_record.c.person_id.label("g"),
        _sort_key(nk.surname_key, nk.given_key, nk.given_initial, nk.patronymic_key).label("k"),
        *FACT_COLUMNS,
    ]
    conds = _event_conditions(q, by_record=keys is not None)
    if keys is not None:
        sel = select(*cols).select_from(name_key).where(*_name_conditions(keys, phonetic))
        if conds:  # per candidate, by the index on event.record_id
            sel = sel.where(exists().where(event.c.record_id == rid, *conds))
    else:
        # No name: the events choose, by their index on type and date; records without keys
        # (no name in the source) still count.
        sel = (
            select(*cols)
            .select_from(record)
            .outerjoin(name_key, nk.record_id == rid)
            .where(rid.in_(select(event.c.record_id).where(*conds)))
        )
    held = person_record.c.record_id == rid
    if among is None:
        sel = sel.outerjoin(person_record, held)
    else:  # an inner join lets the database start from these persons' records
        sel = sel.join(person_record, held).where(person_record.c.person_id.in_(among))
    sel = sel.outerjoin(person_fact, person_fact.c.person_id == person_record.c.person_id)
    return sel.order_by(rid).limit(CANDIDATES + 1).subquery()


def _persons(
    conn: Connection, m: Any, withhold: Withhold, upto: int
) -> tuple[int, int, int, list[tuple[str, int, Group]]]:
    """The database counts and orders the persons, the privacy policy applied there: how many
    candidates, how many persons shown, how many records no person holds yet, and the first
    `upto` persons as (sort key, first matching record, group). One pass over the candidates:
    a row per person (and one for all records no person holds), counted by window sums."""
    visible = m.c.g.is_not(None)
    if withhold is not None:
        life = (m.c.latest_birth, m.c.earliest_event, m.c.died, person_taken_down(m.c.g))
        visible = and_(visible, not_withheld(withhold, *life))
    per = (
        select(
            m.c.g,
            func.min(m.c.k).label("k"),
            func.min(m.c.r).label("r"),
            func.max(case((visible, 1), else_=0)).label("shown"),
            func.count().label("n"),
        )
        .group_by(m.c.g)
        .subquery()
    )
    rows = conn.execute(
        select(
            per.c.g,
            per.c.k,
            per.c.r,
            per.c.shown,
            per.c.n,
            func.sum(per.c.n).over(),
            func.sum(per.c.shown).over(),
        )
        .order_by(per.c.g.is_not(None), per.c.shown.desc(), per.c.k, per.c.r)
        .limit(upto + 1)
    ).all()
    if not rows:
        return 0, 0, 0, []
    lone = next((n for g, _, _, _, n, _, _ in rows if g is None), 0)
    first = [(k, r, ("p", g)) for g, k, r, shown, _, _, _ in rows if g is not None and shown]
    return rows[0][5], rows[0][6], lone, first[:upto]


def _lone(conn: Connection, m: Any, withhold: Withhold) -> list[tuple[str, int, Group]]:
    """Records no person holds yet: few once a registry is linked, so the policy is asked of
    each here, as `vigil link` has not gathered their facts."""
    rows = conn.execute(select(m.c.k, m.c.r).where(m.c.g.is_(None))).all()
    facts = group_facts(conn, [("r", r) for _, r in rows])
    kept = [(k, r, ("r", r)) for k, r in rows]
    return [g for g in kept if not is_withheld(facts.get(g[2]), withhold)]


def _matched(
    conn: Connection, q: SearchQuery, keys: NameKeys | None, phonetic: bool, persons: list[int]
) -> dict[Group, tuple[int, list[int]]]:
    """For the persons shown: how many of their records match, and the first few."""
    if not persons:
        return {}
    m = _matching(q, keys, phonetic, among=persons)
    out: dict[Group, list[int]] = {}
    for r, g in conn.execute(select(m.c.r, m.c.g).order_by(m.c.r)):
        out.setdefault(("p", g), []).append(r)
    return {g: (len(rs), rs[:MATCHES_SHOWN]) for g, rs in out.items()}


def search(conn: Connection, q: SearchQuery, withhold: Withhold) -> dict[str, Any]:
    """Persons (and records no person holds yet) matching the query, a page of them."""
    result: dict[str, Any] = {
        "total": 0,
        "more": False,
        "fuzzy": False,
        "understood": True,
        "page": q.page,
        "per_page": q.per_page,
        "pages": 0,
        "results": [],
    }
    if q.empty:
        return result
    keys = None
    if q.name and q.name.strip():
        keys = query_keys(q.name)
        if keys is None:
            result["understood"] = False
            return result
    # The spelling's skeleton first; only when it finds no one, the coarser phonetic key.
    passes = [False]
    if keys is not None:
        passes = [p for p, k in ((False, keys.surname_key), (True, keys.surname_phonetic)) if k]
    upto = q.page * q.per_page
    for phonetic in passes:
        m = _matching(q, keys, phonetic)
        n, n_persons, n_lone, persons = _persons(conn, m, withhold, upto)
        lone = _lone(conn, m, withhold) if n_lone else []
        total = n_persons + len(lone)
        if total:
            break
    result["more"] = n > CANDIDATES
    result["fuzzy"] = phonetic and total > 0  # no such spelling: similar-sounding names
    result["total"] = total
    result["pages"] = math.ceil(total / q.per_page)
    shown = [g for _, _, g in sorted([*persons, *lone])[upto - q.per_page : upto]]
    matched = _matched(conn, q, keys, phonetic, [i for kind, i in shown if kind == "p"])
    matched |= {g: (1, [g[1]]) for g in shown if g[0] == "r"}
    facts = group_facts(conn, shown)
    briefs = cited_records(
        conn,
        [*(facts[g]["first_record"] for g in shown), *(r for g in shown for r in matched[g][1])],
    )
    births = _births(conn, shown)
    for g in shown:
        f = facts[g]
        first = briefs[f["first_record"]]
        result["results"].append(
            {
                "person": g[1] if g[0] == "p" else None,
                "record": f["first_record"],
                "name": {k: first[k] for k in ("surname", "given", "patronymic", "name_written")},
                "births": births.get(g, []),
                "records": f["records"],
                "sources": f["sources"],
                "matched": matched[g][0],
                "matches": [briefs[r] for r in matched[g][1]],
            }
        )
    return result


def _births(conn: Connection, groups: Sequence[Group]) -> dict[Group, list[str]]:
    """The distinct birth dates each group's records give, in order."""
    out: dict[Group, set[str]] = {}
    persons = [i for k, i in groups if k == "p"]
    lone = [i for k, i in groups if k == "r"]
    if persons:
        q = (
            select(person_record.c.person_id, record.c.birth)
            .join(record, record.c.id == person_record.c.record_id)
            .where(person_record.c.person_id.in_(persons), record.c.birth.is_not(None))
        )
        for p, b in conn.execute(q):
            out.setdefault(("p", p), set()).add(b)
    if lone:
        q = select(record.c.id, record.c.birth).where(
            record.c.id.in_(lone), record.c.birth.is_not(None)
        )
        for r, b in conn.execute(q):
            out.setdefault(("r", r), set()).add(b)
    return {g: sorted(v) for g, v in out.items()}
