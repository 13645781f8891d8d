"""The privacy policy as a database condition withholds exactly whom the Python rule does,
takedowns included."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, create_engine, select

from vigil.privacy import Life, Policy, screen
from vigil.store.facts import not_withheld

days = st.dates(min_value=date(1850, 1, 1), max_value=date(2030, 12, 31))
iso = st.none() | days.map(date.isoformat)
# Around the leap days the two cutoffs are most likely to differ, if they ever do.
todays = days | st.sampled_from([date(2024, 2, 29), date(2025, 2, 28), date(2026, 3, 1)])


def near(day: str) -> st.SearchStrategy[str]:
    """Dates a day or two either side of a cutoff, where an off-by-one would show."""
    return st.integers(-2, 2).map(lambda d: (date.fromisoformat(day) + timedelta(d)).isoformat())


@settings(max_examples=60, deadline=None)
@given(
    st.data(),
    todays,
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=20),
)
def test_sql_and_python_agree(data: st.DataObject, today: date, years: int, adult: int) -> None:
    see = screen(Policy(years, adult), today)
    cut = see.cutoffs()
    births, events = iso | near(cut.born_after), iso | near(cut.event_after)
    lives = st.builds(Life, births, events, st.booleans(), st.booleans())
    found = data.draw(st.lists(lives, min_size=1))
    meta = MetaData()
    t = Table(
        "life",
        meta,
        Column("id", Integer, primary_key=True),
        Column("latest_birth", String(10)),
        Column("earliest_event", String(10)),
        Column("died", Boolean, nullable=False),
        Column("taken_down", Boolean, nullable=False),
    )
    engine = create_engine("sqlite://")
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            t.insert(),
            [{"id": i, **{f: getattr(x, f) for f in Life.__slots__}} for i, x in enumerate(found)],
        )
        shown = set(conn.scalars(select(t.c.id).where(not_withheld(see, *list(t.c)[1:]))))
    assert shown == {i for i, x in enumerate(found) if not see(x)}


def test_an_event_at_the_edge_of_adulthood() -> None:
    today = date(2026, 6, 1)
    cut = screen(today=today).cutoffs()
    assert (cut.born_after, cut.event_after) == ("1926-06-01", "1940-06-01")
    edge = date.fromisoformat(cut.event_after)
    assert not screen(today=today)(Life(None, edge.isoformat(), False))
    assert screen(today=today)(Life(None, (edge + timedelta(days=1)).isoformat(), False))
