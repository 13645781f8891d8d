"""Partial dates: the phrases the sources use, EDTF in and out, and the invariants behind them."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.dates import (
    PartialDate,
    find_dates,
    find_periods,
    from_edtf,
    parse_date,
    to_russian,
)

ARTICLE_DATE = from_edtf("1936-03-25")  # the founding document was written on 25 March 1936


def d(text: str) -> date:
    return date.fromisoformat(text)


# --------------------------------------------------------------------------- phrases


@pytest.mark.parametrize(
    ("phrase", "edtf", "lower", "upper"),
    [
        ("21 октября 1938 г.", "1938-10-21", "1938-10-21", "1938-10-21"),
        ("в июле 1956 г.", "1956-07", "1956-07-01", "1956-07-31"),
        ("25.12.1900", "1900-12-25", "1900-12-25", "1900-12-25"),
        ("в 1935г.", "1935", "1935-01-01", "1935-12-31"),
        ("1924.1935", "1924/1935", "1924-01-01", "1935-12-31"),
        ("в ноябре 1937 г.", "1937-11", "1937-11-01", "1937-11-30"),
        ("09.1912", "1912-09", "1912-09-01", "1912-09-30"),
        ("1.02.1930", "1930-02-01", "1930-02-01", "1930-02-01"),
        ("07.05.1938", "1938-05-07", "1938-05-07", "1938-05-07"),
        ("весной 1937 г.", "1937-21", "1937-03-01", "1937-05-31"),
        ("зимой 1937 г.", "1937-24", "1937-12-01", "1938-02-28"),
        ("в 1930-х гг.", "193X", "1930-01-01", "1939-12-31"),
        ("в 40-е гг.", "194X", "1940-01-01", "1949-12-31"),
        ("1937?", "1937?", "1937-01-01", "1937-12-31"),
        ("около 1937 г.", "1937~", "1937-01-01", "1937-12-31"),
        ("в 1918-1919 гг.", "1918/1919", "1918-01-01", "1919-12-31"),
        ("в 1917-31", "1917/1931", "1917-01-01", "1931-12-31"),
        ("22.08.1951-31.12.1955", "1951-08-22/1955-12-31", "1951-08-22", "1955-12-31"),
        ("1.02.30 г.", "1930-02-01", "1930-02-01", "1930-02-01"),
        ("во второй половине 1937 г.", "1937-07/1937-12", "1937-07-01", "1937-12-31"),
        ("в XX в.", "19XX", "1900-01-01", "1999-12-31"),
        ("ОСВОБОЖДЕН В МАЕ 1935 Г.", "1935-05", "1935-05-01", "1935-05-31"),
        ("May 16, 1936", "1936-05-16", "1936-05-16", "1936-05-16"),
        ("25 March 1936", "1936-03-25", "1936-03-25", "1936-03-25"),
        ("March 25, 1936", "1936-03-25", "1936-03-25", "1936-03-25"),
        ("19.4.2007", "2007-04-19", "2007-04-19", "2007-04-19"),
        ("in July 1956", "1956-07", "1956-07-01", "1956-07-31"),
        ("in the spring of 1937", "1937-21", "1937-03-01", "1937-05-31"),
        ("the 1930s", "193X", "1930-01-01", "1939-12-31"),
        ("from 1935 to 1937", "1935/1937", "1935-01-01", "1937-12-31"),
        ("с 1919 по 06.1937", "1919/1937-06", "1919-01-01", "1937-06-30"),
    ],
)
def test_phrases(phrase: str, edtf: str, lower: str, upper: str) -> None:
    assert parse_date(phrase) == PartialDate(edtf, d(lower), d(upper))


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [
        ("March 15", "1936-03-15"),
        ("the second half of last year", "1935-07/1935-12"),
        ("last year", "1935"),
        ("the first half of this year", "1936-01/1936-06"),
        ("to the present day", "1936-03-25"),
        ("at the present time", "1936-03-25"),
        ("from the second half of last year to the present day", "1935-07/1936-03-25"),
        ("since 1935", "1935/1936-03-25"),
        ("в прошлом году", "1935"),
        ("со второй половины прошлого года по настоящее время", "1935-07/1936-03-25"),
        ("last month", "1936-02"),
    ],
)
def test_relative_phrases_read_against_the_source_date(phrase: str, edtf: str) -> None:
    found = parse_date(phrase, ARTICLE_DATE)
    assert found is not None and found == from_edtf(edtf)


def test_relative_phrases_without_a_reference_stay_unread() -> None:
    assert parse_date("the second half of last year") is None
    assert parse_date("to the present day") is None
    # A day without its year keeps the year unspecified, and EDTF can say so.
    assert parse_date("March 15") == from_edtf("XXXX-03-15")


def test_find_dates_gives_every_phrase_with_its_span_in_order() -> None:
    text = "Родился в 1897 г.; член ВКП(б) в 1924.1935; арестован 21 октября 1938 г., 25.12.38 ..."
    hits = find_dates(text)
    assert [(str(pd), text[s:e]) for pd, s, e in hits] == [
        ("1897", "в 1897 г."),
        ("1924/1935", "в 1924.1935"),
        ("1938-10-21", "21 октября 1938 г."),
        ("1938-12-25", "25.12.38"),
    ]


def test_find_periods_joins_from_and_to_into_one_span() -> None:
    text = "as we recall, from the second half of last year to the present day 300,000 have gone."
    ((period, start, end),) = find_periods(text, ARTICLE_DATE)
    assert text[start:end] == "from the second half of last year to the present day"
    assert str(period) == "1935-07/1936-03-25"
    assert period.lower == d("1935-07-01") and period.upper == d("1936-03-25")


@pytest.mark.parametrize(
    "text",
    [
        "ст. 58-10",  # an article of the code, not a range
        "вагон №449735",
        "Постановление №2010-58СС",
        "about 1500 persons",  # a count, not a year
        "31 февраля 1937 г. и 07.15.1941",  # no 31 February, no month 15: not a day
        "they may 5 times",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    days = [pd for pd, _, _ in find_dates(text) if pd.lower == pd.upper]
    assert days == []
    assert all("1500" not in pd.edtf and "2010" not in pd.edtf for pd, _, _ in find_dates(text))


def test_an_impossible_day_keeps_its_month() -> None:
    assert parse_date("Расстрелян 29 февраля 1942 г.") == from_edtf("1942-02")
    assert parse_date("00.11.1946") == from_edtf("1946-11")


# --------------------------------------------------------------------------- EDTF


@pytest.mark.parametrize(
    ("edtf", "lower", "upper"),
    [
        ("1936", "1936-01-01", "1936-12-31"),
        ("1936-02", "1936-02-01", "1936-02-29"),
        ("1936-03-25", "1936-03-25", "1936-03-25"),
        ("1937?", "1937-01-01", "1937-12-31"),
        ("1937-05~", "1937-05-01", "1937-05-31"),
        ("1937-05-06%", "1937-05-06", "1937-05-06"),
        ("193X", "1930-01-01", "1939-12-31"),
        ("19XX", "1900-01-01", "1999-12-31"),
        ("1937-XX", "1937-01-01", "1937-12-31"),
        ("1937-05-XX", "1937-05-01", "1937-05-31"),
        ("193X-02-29", "1932-02-29", "1936-02-29"),
        ("XXXX-03-15", "0001-03-15", "9999-03-15"),
        ("1937-21", "1937-03-01", "1937-05-31"),
        ("1937-22", "1937-06-01", "1937-08-31"),
        ("1937-23", "1937-09-01", "1937-11-30"),
        ("1935-24", "1935-12-01", "1936-02-29"),
        ("1935-07/1936-03-25", "1935-07-01", "1936-03-25"),
        ("1935/..", "1935-01-01", "9999-12-31"),
        ("/1935", "0001-01-01", "1935-12-31"),
    ],
)
def test_from_edtf(edtf: str, lower: str, upper: str) -> None:
    pd = from_edtf(edtf)
    assert (pd.edtf, pd.lower, pd.upper) == (edtf, d(lower), d(upper))
    assert str(pd) == edtf


@pytest.mark.parametrize(
    "bad",
    ["", "1936-13", "1936-02-30", "1937-02-29", "1936-3", "36", "0000", "1937-21-01",
     "1937/1936", "1937/1938/1939", "../..", "XXXX-02-30", "march 1936", "1937??"],
)  # fmt: skip
def test_from_edtf_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        from_edtf(bad)


# --------------------------------------------------------------------------- Russian out


@pytest.mark.parametrize(
    ("edtf", "russian"),
    [
        ("1938-10-21", "21 октября 1938 г."),
        ("1956-07", "в июле 1956 г."),
        ("1935", "в 1935 г."),
        ("1937-21", "весной 1937 г."),
        ("193X", "в 1930-х гг."),
        ("19XX", "в XX в."),
        ("1937?", "в 1937? г."),
        ("1937~", "около 1937 г."),
        ("1924/1935", "в 1924–1935 гг."),
        ("1935-07/1936-03-25", "с июля 1935 г. по 25 марта 1936 г."),
        ("XXXX-03-15", "15 марта"),
    ],
)
def test_to_russian(edtf: str, russian: str) -> None:
    assert to_russian(from_edtf(edtf)) == russian
    assert parse_date(russian) == from_edtf(edtf)


# --------------------------------------------------------------------------- properties

DAYS = st.dates(date(1000, 1, 1), date(2099, 12, 31))
SEASONS = {21: ((3, 1), (5, 31)), 22: ((6, 1), (8, 31)), 23: ((9, 1), (11, 30))}


@st.composite
def partial_dates(draw: st.DrawFn, qualified: bool = True) -> PartialDate:
    """A date at some precision, with bounds computed here rather than by the code under test."""
    day = draw(DAYS)
    y, m = day.year, day.month
    precision = draw(st.sampled_from(["day", "month", "year", "season", "decade"]))
    if precision == "day":
        pd = PartialDate(day.isoformat(), day, day)
    elif precision == "month":
        last = calendar.monthrange(y, m)[1]
        pd = PartialDate(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, last))
    elif precision == "year":
        pd = PartialDate(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))
    elif precision == "decade":
        pd = PartialDate(
            f"{y // 10:03d}X", date(y // 10 * 10, 1, 1), date(y // 10 * 10 + 9, 12, 31)
        )
    else:
        code = draw(st.sampled_from([21, 22, 23, 24]))
        if code == 24:
            feb = calendar.monthrange(y + 1, 2)[1]
            pd = PartialDate(f"{y:04d}-24", date(y, 12, 1), date(y + 1, 2, feb))
        else:
            (m1, d1), (m2, d2) = SEASONS[code]
            pd = PartialDate(f"{y:04d}-{code}", date(y, m1, d1), date(y, m2, d2))
    if qualified and precision != "decade":
        pd = PartialDate(pd.edtf + draw(st.sampled_from(["", "?", "~", "%"])), pd.lower, pd.upper)
    return pd


@st.composite
def intervals(draw: st.DrawFn) -> PartialDate:
    a, b = sorted((draw(partial_dates()), draw(partial_dates())), key=lambda p: p.lower)
    return PartialDate(f"{a.edtf}/{b.edtf}", a.lower, b.upper)


ANY_DATE = st.one_of(partial_dates(), intervals())


@given(ANY_DATE)
def test_edtf_round_trip(pd: PartialDate) -> None:
    assert from_edtf(pd.edtf) == pd
    assert pd.lower <= pd.upper


@given(st.text(alphabet="0123456789X-/?~%.", max_size=24))
def test_from_edtf_gives_ordered_bounds_or_a_value_error(text: str) -> None:
    try:
        pd = from_edtf(text)
    except ValueError:
        return
    assert pd.lower <= pd.upper
    assert from_edtf(pd.edtf) == pd


@given(ANY_DATE)
def test_russian_round_trip(pd: PartialDate) -> None:
    phrase = to_russian(pd)
    assert parse_date(phrase) == pd, phrase
    ((_, start, end),) = find_periods(phrase)
    assert (start, end) == (0, len(phrase))


def _check_hits(text: str, hits: list[tuple[PartialDate, int, int]]) -> None:
    previous_end = 0
    for pd, start, end in hits:
        assert previous_end <= start < end <= len(text)
        assert pd.lower <= pd.upper
        assert from_edtf(pd.edtf) == pd
        previous_end = end


DATE_WORDS = [
    "января", "мая", "May", "March", " 1937", "весной ", "в ", "the ", "second half of ",
    "last year", "с ", " по ", "from ", " to ", "present day", "1930-х", "около ", "between ",
    " and ", "since ", "XX в.", "this month",
]  # fmt: skip
DATEISH = st.lists(st.sampled_from([*"0123456789 .,-–?г", *DATE_WORDS]), max_size=16).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(), DATEISH), st.booleans())
def test_reading_any_text_never_raises(text: str, with_ref: bool) -> None:
    ref = ARTICLE_DATE if with_ref else None
    _check_hits(text, find_dates(text, ref))
    _check_hits(text, find_periods(text, ref))
    found = parse_date(text, ref)
    assert found is None or found.lower <= found.upper
