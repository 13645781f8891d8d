"""Events over time: exact counts on a small registry, the date rule, filters, and traceability."""

from __future__ import annotations

from datetime import date

import pytest

from vigil.analysis import EventFilter, cell_records, timeline
from vigil.dates import from_edtf
from vigil.errors import VigilError
from vigil.store import Registry


def _cells(tl) -> dict[tuple[str | None, str], int]:
    return {(c.key, c.period): c.events for c in tl.cells}


def test_events_by_type_and_year(small: Registry) -> None:
    tl = timeline(small)
    assert tl.by == "type" and tl.period == "year" and tl.unit == "record"
    assert _cells(tl) == {
        ("party.expulsion", "1935"): 3, ("party.expulsion", "1936"): 2,
        ("arrest", "1933"): 1, ("arrest", "1937"): 4, ("arrest", "1938"): 1,
        ("sentence", "1937"): 4, ("sentence", "1938"): 1,
        ("execution", "1937"): 3, ("exile", "1937"): 1,
        ("release", "1946"): 1, ("rehabilitation", "1989"): 1,
    }  # fmt: skip
    # "1937–1938" is in no single year and an undated sentence in none: beside the grid.
    assert {(u.key, u.spanning, u.undated) for u in tl.unplaced} == {
        ("arrest", 1, 0),
        ("sentence", 0, 1),
    }
    assert tl.total("arrest") == 7 and tl.groups()[0] == "arrest"
    assert tl.periods() == ["1933", "1935", "1936", "1937", "1938", "1946", "1989"]


def test_every_event_is_counted_once_and_agrees_with_stats(demo: Registry) -> None:
    tl = timeline(demo)
    st = demo.stats()
    assert sum(tl.total(k) for k in tl.groups()) == st["events"]
    placed = {(r["type"], str(r["year"])): r["events"] for r in st["events_by_type_and_year"]}
    assert _cells(tl) == placed


def test_a_range_keeps_events_wholly_inside_it_and_counts_the_rest_as_spanning(
    small: Registry,
) -> None:
    tl = timeline(small, flt=EventFilter.years(1937, 1937, types=("arrest",)))
    assert _cells(tl) == {("arrest", "1937"): 4}  # 1933 and 1938 are outside the range
    assert [(u.key, u.spanning, u.undated) for u in tl.unplaced] == [("arrest", 1, 0)]


def test_filters_by_category_with_narrower_ones_authority_and_place(small: Registry) -> None:
    trotskyist = timeline(small, "category", EventFilter(categories=("trotskyist",)))
    assert trotskyist.groups() == ["trotskyist"] and trotskyist.total("trotskyist") == 6
    kr = timeline(small, "category", EventFilter(categories=("counter-revolutionary",)))
    assert {k: kr.total(k) for k in kr.groups()} == {
        "trotskyist": 6,
        "anti-soviet-agitation": 2,
        "terrorist": 1,
    }
    nkvd = timeline(small, "authority", EventFilter(authority="НКВД"))
    assert {k: nkvd.total(k) for k in nkvd.groups()} == {
        "Особое совещание при НКВД СССР": 3,  # Морозов's sentence and exile, Волкова's sentence
        "тройка УНКВД по Калининской обл.": 2,
    }
    kalinin = timeline(small, flt=EventFilter(place="Калинин"))
    assert _cells(kalinin) == {("execution", "1937"): 1}
    # part of the text in any case, Cyrillic included
    assert _cells(timeline(small, flt=EventFilter(place="калинин"))) == _cells(kalinin)
    lower = timeline(small, "authority", EventFilter(authority="нквд"))
    assert {k: lower.total(k) for k in lower.groups()} == {k: nkvd.total(k) for k in nkvd.groups()}


def test_by_month_puts_year_only_dates_beside_the_grid(small: Registry) -> None:
    tl = timeline(small, flt=EventFilter(types=("arrest", "party.expulsion")), period="month")
    cells = _cells(tl)
    assert cells[("arrest", "1937-03")] == 2
    assert not any(k == "party.expulsion" for k, _ in cells)
    assert {u.key: u.spanning for u in tl.unplaced} == {"arrest": 1, "party.expulsion": 5}


def test_distinct_persons_per_cell_once_linked(demo: Registry) -> None:
    events_only = timeline(demo, flt=EventFilter(types=("execution",)))
    assert all(c.subjects is None for c in events_only.cells)
    tl = timeline(demo, flt=EventFilter(types=("execution",)), subjects=True)
    assert tl.unit == "person"
    assert _cells(tl) == _cells(events_only)
    assert all(0 < c.subjects <= c.events for c in tl.cells)
    # The demo's people appear in several sources: one execution, several attestations.
    assert sum(c.subjects for c in tl.cells) < sum(c.events for c in tl.cells)
    by_record = timeline(demo, flt=EventFilter(types=("execution",)), subjects=True, unit="record")
    assert by_record.unit == "record" and all(c.subjects == c.events for c in by_record.cells)


def test_a_cell_lists_the_records_behind_it(demo: Registry) -> None:
    tl = timeline(demo, flt=EventFilter(types=("execution",)))
    cell = next(c for c in tl.cells if c.period == "1937")
    ids = cell_records(demo, tl, "execution", "1937", limit=None)
    assert len(ids) == cell.events  # one execution per record in the demo
    for rid in ids[:10]:
        events = demo.record(rid)["events"]
        dates = [from_edtf(e["date"]) for e in events if e["type"] == "execution"]
        assert any(d.lower >= date(1937, 1, 1) and d.upper <= date(1937, 12, 31) for d in dates)


def test_bad_arguments_are_user_errors(small: Registry) -> None:
    with pytest.raises(VigilError, match="unknown event type 'arest'"):
        timeline(small, flt=EventFilter(types=("arest",)))
    with pytest.raises(VigilError, match="unknown category"):
        timeline(small, flt=EventFilter(categories=("enemy",)))
    with pytest.raises(VigilError, match="cannot group events by 'name'"):
        timeline(small, "name")
    with pytest.raises(VigilError, match=r"ends .* before it starts"):
        timeline(small, flt=EventFilter.years(1938, 1937))
