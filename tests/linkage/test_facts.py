"""Persons' kept facts (what privacy and search read) stay equal to their records' facts."""

from __future__ import annotations

from sqlalchemy import select

from vigil.linkage.run import link
from vigil.privacy import screen
from vigil.store import Registry
from vigil.store.facts import FACT_COLUMNS, aggregates
from vigil.store.schema import person_fact
from vigil.store.search import SearchQuery

from .conftest import Staged, ingest_list


def _kept(reg: Registry) -> dict[int, tuple]:
    with reg.engine.connect() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(select(person_fact))}


def _computed(reg: Registry) -> dict[int, tuple]:
    recs, evs = aggregates("p", None)
    with reg.engine.connect() as conn:
        out = {r.k: dict(r._mapping) for r in conn.execute(recs)}
        for k, earliest, died in conn.execute(evs):
            out[k].update(earliest_event=earliest, died=bool(died))
    names = [c.name for c in FACT_COLUMNS]
    return {
        k: tuple(v.get(n, False if n == "died" else None) for n in names) for k, v in out.items()
    }


def test_kept_facts_follow_every_change_of_persons(all_but_last: Staged) -> None:
    reg = all_but_last.reg
    assert _kept(reg) == _computed(reg) and len(_kept(reg)) == len(reg.persons(limit=None))
    ingest_list(reg, all_but_last.last)
    link(reg)  # incremental: new records join old persons, new persons appear
    assert _kept(reg) == _computed(reg)
    multi = next(p for p in reg.persons(limit=None) if p["records"] >= 2)
    a, b = (r["id"] for r in reg.person(multi["id"])["records"][:2])
    reg.decide(a, b, "different", "tester", "a split")
    link(reg)
    pair = reg.pair(a, b)
    assert pair["persons"][a] != pair["persons"][b]
    assert _kept(reg) == _computed(reg)


def test_search_counts_and_orders_persons_and_records_not_yet_linked_together(
    all_but_last: Staged,
) -> None:
    reg = all_but_last.reg
    res = ingest_list(reg, all_but_last.last)  # its records are held by no person yet
    lone = {r["id"] for r in reg.records(limit=None) if r["source_id"] == res.source_id}
    see = screen()

    def pages(name: str) -> list[dict]:
        hits, page, pages = [], 1, 1
        while page <= pages:
            got = reg.search(SearchQuery(name=name, page=page, per_page=3), withhold=see)
            hits, pages, page = hits + got["results"], got["pages"], page + 1
        assert got["total"] == len(hits)
        return hits

    for rid in sorted(lone):  # a name both a linked person and a new record bear
        hits = pages(reg.record(rid)["surname"])
        if len({h["person"] is None for h in hits}) == 2 and len(hits) > 3:
            break
    else:
        raise AssertionError("no surname shared by a person and a new record")
    assert all(h["record"] in lone for h in hits if h["person"] is None)
    groups = [(h["person"], h["record"] if h["person"] is None else None) for h in hits]
    assert len(set(groups)) == len(groups)  # every person and lone record once
