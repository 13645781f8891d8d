"""The sources' claims beside the registry's counts, each with its citation."""

from __future__ import annotations

from datetime import date

import pytest

from vigil.analysis import claim_records, claims
from vigil.analysis.claims import COMPARED, RATE, UNMATCHED, counted_act
from vigil.dates import from_edtf
from vigil.ingest import ingest_path
from vigil.store import Registry


@pytest.mark.parametrize(
    ("counts", "act"),
    [
        ("party members expelled", "party.expulsion"),
        ("expelled and arrested", "party.expulsion"),
        ("арестованных", "arrest"),
        ("расстрелянных", "execution"),
        ("staff dismissed", "work.dismissal"),
        ("exiled kulaks", "exile"),
        ("rehabilitated", "rehabilitation"),
        ("Oppositionists", None),
    ],
)
def test_what_a_claim_counts(counts: str, act: str | None) -> None:
    assert counted_act(counts, "") == act


def test_each_claim_beside_the_registry_count(small: Registry) -> None:
    first, rate, unmatched = claims(small)
    assert (first.text, first.lower, first.upper, first.unit, first.period) == (
        "more than three hundred people were arrested in the town – perhaps even five hundred",
        300,
        500,
        "persons",
        "1937",
    )
    assert (first.event_type, first.status, first.registry_unit) == ("arrest", COMPARED, "record")
    # Arrests wholly inside 1937: Петров, Сидоров, Зайцев, Гусев; Козлов's "1937–1938" may be.
    assert (first.events, first.subjects, first.spanning, first.undated) == (4, 4, 1, 0)
    surnames = {small.record(i)["surname"] for i in claim_records(small, first)}
    assert surnames == {"Петров", "Сидоров", "Зайцев", "Гусев"}
    source = small.source(first.source_id)
    assert source["title"] == "Arrests in the Town"
    assert source["body"][first.span_start : first.span_end] == first.text

    assert (rate.status, rate.event_type, rate.events, rate.lower) == (
        RATE,
        "work.dismissal",
        None,
        20,
    )
    assert (unmatched.status, unmatched.event_type, unmatched.filter) == (UNMATCHED, None, None)
    assert claim_records(small, unmatched) == []


def test_the_demo_article_against_an_independent_count(demo: Registry) -> None:
    claim = claims(demo)[0]
    assert claim.event_type == "party.expulsion" and claim.status == COMPARED
    assert claim.period == "1935-07/1936-04-12" and claim.registry_unit == "person"
    lo, hi = date(1935, 7, 1), date(1936, 4, 12)
    inside = spanning = 0
    for rec in demo.records(event_type="party.expulsion", limit=None):
        for ev in rec["events"]:
            if ev["type"] != "party.expulsion":
                continue
            d = from_edtf(ev["date"])
            if lo <= d.lower and d.upper <= hi:
                inside += 1
            elif d.lower <= hi and d.upper >= lo:
                spanning += 1
    assert (claim.events, claim.spanning) == (inside, spanning)
    assert 0 < claim.subjects < claim.events  # people named in several sources count once
    assert claim.lower is not None and claim.upper is not None and claim.lower < claim.upper


@pytest.mark.realdata
def test_the_founding_documents_claims_are_listed_with_their_bounds(seed_article, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Registry.open(str(tmp_path / "vigil.db")) as reg:
        reg.init()
        ingest_path(reg, seed_article, "article")
        found = claims(reg)
    first = found[0]
    assert (first.lower, first.upper, first.period, first.event_type) == (
        300000,
        500000,
        "1935-07/1936-03-25",
        "party.expulsion",
    )
    assert first.text.startswith("more than 300,000 have been expelled")
    assert first.source_title == "Stalin Plans Wholesale Persecution"
    assert (first.status, first.events, first.subjects) == (COMPARED, 0, 0)  # no lists yet
    assert [c.status for c in found if c.unit == "percent"] == [RATE, RATE]
    assert {c.counts for c in found if c.status == UNMATCHED} >= {"Oppositionists"}
