"""Search by name in any script or spelling, through the name keys, with filters on events.

The query is parsed as a name (any order, case, script) and matched on the surname's skeleton
key (Троцкий = Trotzki = Trockij), or, when that finds no one, on its coarser phonetic key;
a given name or patronymic narrows the match, an initial or a silent record does not exclude.
Results are grouped by person (a record no person holds yet stands for itself), withheld
people are dropped before counting, and one page of them is returned.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from vigil.store.browse import (
    Group,
    Withhold,
    cited_records,
    group_facts,
    is_withheld,
)
from vigil.store.queries import _escape
from vigil.store.schema import event, name_key, person_record, record
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


def _candidates(
    conn: Connection, q: SearchQuery, keys: NameKeys | None, phonetic: bool
) -> list[dict[str, Any]]:
    cols = [
        name_key.c.record_id.label("id"),
        person_record.c.person_id,
        name_key.c.surname_key,
        name_key.c.given_key,
        name_key.c.given_initial,
        name_key.c.patronymic_key,
    ]
    conds = _event_conditions(q, by_record=keys is not None)
    if keys is not None:
        sel = (
            select(*cols)
            .outerjoin(person_record, person_record.c.record_id == name_key.c.record_id)
            .where(*_name_conditions(keys, phonetic))
        )
        if conds:  # per candidate, by the index on event.record_id
            sel = sel.where(exists().where(event.c.record_id == name_key.c.record_id, *conds))
    else:
        # No name: the events choose, by their index on type and date; records without keys
        # (no name in the source) still count.
        cols[0] = record.c.id
        sel = (
            select(*cols)
            .select_from(record)
            .outerjoin(name_key, name_key.c.record_id == record.c.id)
            .outerjoin(person_record, person_record.c.record_id == record.c.id)
            .where(record.c.id.in_(select(event.c.record_id).where(*conds)))
        )
    sel = sel.order_by(cols[0]).limit(CANDIDATES + 1)
    return [dict(r) for r in conn.execute(sel).mappings()]


def _sort_key(row: dict[str, Any]) -> tuple[str, ...]:
    # By the keys, not the spelling: Gavrilov and Гаврилов sort together.
    return (
        row["surname_key"] or "~",
        row["given_key"] or row["given_initial"] or "~",
        row["patronymic_key"] or "~",
    )


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
    for phonetic in passes:
        rows = _candidates(conn, q, keys, phonetic)
        result["more"] = len(rows) > CANDIDATES
        rows = rows[:CANDIDATES]
        groups: dict[Group, list[dict[str, Any]]] = {}
        for row in sorted(rows, key=_sort_key):
            gid: Group = ("p", row["person_id"]) if row["person_id"] else ("r", row["id"])
            groups.setdefault(gid, []).append(row)
        facts = group_facts(conn, groups)
        visible = [g for g in groups if not is_withheld(facts.get(g), withhold)]
        result["fuzzy"] = phonetic  # no such spelling: similar-sounding names instead
        if visible:
            break
    result["fuzzy"] = result["fuzzy"] and bool(visible)
    result["total"] = len(visible)
    result["pages"] = math.ceil(len(visible) / q.per_page) if visible else 0
    shown = visible[(q.page - 1) * q.per_page : q.page * q.per_page]
    first_ids = [facts[g]["first_record"] for g in shown]
    match_ids = [
        r["id"] for g in shown for r in sorted(groups[g], key=lambda r: r["id"])[:MATCHES_SHOWN]
    ]
    briefs = cited_records(conn, [*first_ids, *match_ids])
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
                "matched": len(groups[g]),
                "matches": [
                    briefs[r["id"]]
                    for r in sorted(groups[g], key=lambda r: r["id"])[:MATCHES_SHOWN]
                ],
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
