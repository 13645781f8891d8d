"""The article reader on the founding document and on fictional articles in its layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.errors import InputError
from vigil.model import Claim, Parsed
from vigil.readers import detect, get_reader
from vigil.readers.base import ReaderOptions

READER = get_reader("article")

# Fictional articles written for these tests; people, papers and figures are invented.
ENGLISH = """\
Anna Vell

The Quiet
Dismissals

(3 February 1937)

Written: February 3, 1937.
First published: The Evening Lantern, Vol. 4, No. 12, February 20, 1937.

Between 1935 and 1936 at least 1,200 teachers were dismissed, possibly as many as 2,000. \
In the northern districts from 12 to 15 percent of the members were expelled, and about half \
of the delegates were arrested. Nobody was charged under Article 58 in No. 7 district, and \
the 17th Congress said nothing; three of them served 10 years.

The Morning Star of January 5 published a decree. The decree reads: "Dismiss the unreliable \
at once." Ivanov said: "We were never told why." Since last year hundreds of thousands of \
workers have lost their posts.


return return

Last updated on: 1.2.2010
"""

RUSSIAN = """\
Иван Петров

Чистка продолжается

(12 апреля 1937)

Написано: 12 апреля 1937 г.
Впервые опубликовано: «Вестник свободы», т. 3, № 7, май 1937 г.

Со второй половины прошлого года по настоящее время из партии исключено более 200 тыс. \
человек, а может быть, и 300 тыс. В отдельных организациях исключено свыше трети членов \
партии, в среднем около 10 процентов.

«Утренняя звезда» от 2 апреля опубликовала приказ о бдительности. Приказ гласит: «Враги \
должны быть лишены всякой работы». Далее приказ требует: «Не плодить врагов без нужды».

Десятки тысяч оппозиционеров обречены на безработицу.

Обновлено: 3.5.2008
"""


def parse(text: str, path: str = "article.txt") -> Parsed:
    return READER.parse(text, path, ReaderOptions())


def claim(parsed: Parsed, starts: str) -> Claim:
    (found,) = [c for c in parsed.claims if c.text.startswith(starts)]
    return found


def as_row(c: Claim) -> tuple[object, ...]:
    return (c.text, c.lower, c.upper, c.unit, c.counts, str(c.period) if c.period else None)


def check_spans(parsed: Parsed, text: str) -> None:
    assert parsed.body == text
    for item in [*parsed.claims, *parsed.quotes]:
        assert text[item.span.start : item.span.end] == item.text


# --------------------------------------------------------------------------- the seed


@pytest.mark.realdata
def test_founding_document_metadata(seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    assert READER.sniff(text, str(seed_article)) >= 0.9
    assert detect(text, str(seed_article)).name == "article"
    parsed = parse(text, str(seed_article))
    meta = parsed.meta
    assert (meta.kind, meta.author, meta.title, meta.language) == (
        "article", "Leon Trotsky", "Stalin Plans Wholesale Persecution", "en",
    )  # fmt: skip
    assert (str(meta.written), str(meta.published), str(meta.updated)) == (
        "1936-03-25", "1936-05-16", "2007-04-19",
    )  # fmt: skip
    # The scraped venue reads "New MilitantThe New Militant"; the reader repairs it.
    assert (meta.venue, meta.volume, meta.issue) == ("The New Militant", "II", "19")
    assert parsed.warnings == []
    check_spans(parsed, text)


@pytest.mark.realdata
def test_founding_document_claims(seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    parsed = parse(text, str(seed_article))
    assert [as_row(c) for c in parsed.claims] == [
        (
            "more than 300,000 have been expelled – perhaps even half a million",
            300_000, 500_000, "persons", "expelled", "1935-07/1936-03-25",
        ),
        ("7 percent", 7, 7, "percent", "party members expelled", None),
        ("over one-third have been expelled", 33.3, None, "percent", "expelled", None),
        ("tens of thousands of Oppositionists", 10_000, 99_999, "persons", "Oppositionists", None),
        (
            "tens of thousands of irreproachable young fighters",
            10_000, 99_999, "persons", "irreproachable young fighters", None,
        ),
    ]  # fmt: skip
    period = parsed.claims[0].period
    assert period is not None
    assert (period.lower.isoformat(), period.upper.isoformat()) == ("1935-07-01", "1936-03-25")


@pytest.mark.realdata
def test_founding_document_quotes(seed_article: Path) -> None:
    parsed = parse(seed_article.read_text(encoding="utf-8"), str(seed_article))
    by_text = {q.text.rstrip(",."): q.attribution for q in parsed.quotes}
    # The order the March 15 issue of Pravda carried: its words are attributed to that issue.
    assert by_text["On Bolshevik Vigilance"] == "Pravda, 1936-03-15"
    assert by_text["Trotskyists, Zinovievists, White Guards, and other filth"] == (
        "Pravda, 1936-03-15"
    )
    assert by_text["the ability to distinguish between the enemy and the non-enemy"] == (
        "Pravda, 1936-03-15"
    )
    # The campaign's name, quoted before the text says whose words follow: no attribution.
    assert by_text["exchanging party cards"] is None
    assert len(parsed.quotes) == 11


# --------------------------------------------------------------------------- fictional articles


def test_english_article() -> None:
    parsed = parse(ENGLISH)
    check_spans(parsed, ENGLISH)
    meta = parsed.meta
    assert (meta.author, meta.title) == ("Anna Vell", "The Quiet Dismissals")
    assert (str(meta.written), str(meta.published), str(meta.updated)) == (
        "1937-02-03", "1937-02-20", "2010-02-01",
    )  # fmt: skip
    assert (meta.venue, meta.volume, meta.issue, meta.language) == (
        "The Evening Lantern", "4", "12", "en",
    )  # fmt: skip
    assert [as_row(c) for c in parsed.claims] == [
        (
            "at least 1,200 teachers were dismissed, possibly as many as 2,000",
            1_200, 2_000, "persons", "teachers dismissed", "1935/1936",
        ),
        ("from 12 to 15 percent of the members were expelled", 12, 15, "percent",
         "members expelled", None),
        ("about half of the delegates were arrested", 50, 50, "percent", "delegates arrested",
         None),
        ("hundreds of thousands of workers have lost", 100_000, 999_999, "persons",
         "workers lost", "1936/1937-02-03"),
    ]  # fmt: skip
    # Article 58, district No. 7, the 17th Congress and 10 years are not counts of people.
    assert [(q.text, q.attribution) for q in parsed.quotes] == [
        ("Dismiss the unreliable at once.", "The Morning Star, 1937-01-05"),
        ("We were never told why.", "Ivanov"),
    ]


def test_russian_article() -> None:
    parsed = parse(RUSSIAN)
    check_spans(parsed, RUSSIAN)
    meta = parsed.meta
    assert (meta.author, meta.title, meta.language) == ("Иван Петров", "Чистка продолжается", "ru")
    assert (str(meta.written), str(meta.published), str(meta.updated)) == (
        "1937-04-12", "1937-05", "2008-05-03",
    )  # fmt: skip
    assert (meta.venue, meta.volume, meta.issue) == ("Вестник свободы", "3", "7")
    assert [as_row(c) for c in parsed.claims] == [
        (
            "более 200 тыс. человек, а может быть, и 300 тыс.",
            200_000, 300_000, "persons", "исключено", "1936-07/1937-04-12",
        ),
        ("свыше трети членов партии", 33.3, None, "percent", "исключено членов партии", None),
        ("около 10 процентов", 10, 10, "percent", None, None),
        ("Десятки тысяч оппозиционеров обречены", 10_000, 99_999, "persons",
         "оппозиционеров обречены", None),
    ]  # fmt: skip
    # «Утренняя звезда» is a newspaper's name, not a quotation; the order's words are.
    assert [(q.text, q.attribution) for q in parsed.quotes] == [
        ("Враги должны быть лишены всякой работы", "Утренняя звезда, 1937-04-02"),
        ("Не плодить врагов без нужды", "Утренняя звезда, 1937-04-02"),
    ]


def test_text_without_a_header_is_all_body() -> None:
    text = "Свыше 5 тыс. человек было выслано.\n"
    parsed = parse(text)
    assert parsed.meta.title is None and parsed.meta.written is None
    assert [as_row(c) for c in parsed.claims] == [
        ("Свыше 5 тыс. человек было выслано", 5_000, None, "persons", "выслано", None)
    ]


def test_unreadable_header_date_is_a_warning_not_a_loss() -> None:
    text = "A Title\n\nWritten: sometime in spring.\n\nMore than 40 people were arrested.\n"
    parsed = parse(text)
    assert parsed.meta.written is None
    assert parsed.warnings == ["line 3: Written date not understood: 'sometime in spring.'"]
    assert claim(parsed, "More than 40").lower == 40


def body_claims(body: str, written: str = "April 12, 1936") -> list[tuple[object, ...]]:
    """The claims of a fictional body under a header dated `written`."""
    text = f"A Title\n\nWritten: {written}.\nFirst published: Herald, {written}.\n\n{body}\n"
    parsed = parse(text)
    check_spans(parsed, text)
    return [as_row(c) for c in parsed.claims]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "From the second half of last year to the present day more than 190 party members "
            "have been expelled in the region – perhaps even 360.",
            ("more than 190 party members have been expelled in the region – perhaps even 360",
             190, 360, "persons", "party members expelled", "1935-07/1936-04-12"),
        ),
        (
            "More than 150 members were arrested across the northern districts, or even 280.",
            ("More than 150 members were arrested across the northern districts, or even 280",
             150, 280, "persons", "members arrested", None),
        ),
        (
            "At least 40 teachers were dismissed in the city – maybe 70.",
            ("At least 40 teachers were dismissed in the city – maybe 70", 40, 70, "persons",
             "teachers dismissed", None),
        ),
        (
            "Со второй половины прошлого года по настоящее время более 150 членов партии "
            "исключено по области, а может быть, и 280.",
            ("более 150 членов партии исключено по области, а может быть, и 280", 150, 280,
             "persons", "членов партии исключено", "1935-07/1936-04-12"),
        ),
        (
            "Арестовано свыше 90 человек по району, возможно, даже 170.",
            ("свыше 90 человек по району, возможно, даже 170", 90, 170, "persons", "Арестовано",
             None),
        ),
        (
            "Исключено более 40 человек в районе, а может быть и 70.",
            ("более 40 человек в районе, а может быть и 70", 40, 70, "persons", "Исключено",
             None),
        ),
    ],
)  # fmt: skip
def test_upper_bound_past_a_place_joins_the_claim(body: str, expected: tuple[object, ...]) -> None:
    assert body_claims(body) == [expected]


def test_a_place_does_not_join_a_different_count() -> None:
    # "up to 12 in one school" is a part of the whole, and "perhaps even 360 workers were
    # arrested" counts other people: neither is an upper bound of the claim before it.
    assert body_claims(
        "More than 40 teachers were dismissed in the city, up to 12 in one school."
    ) == [
        ("More than 40 teachers were dismissed", 40, None, "persons", "teachers dismissed", None),
        ("up to 12", None, 12, "persons", None, None),
    ]  # fmt: skip
    assert body_claims(
        "More than 190 members were expelled in the region – perhaps even 360 workers were "
        "arrested."
    ) == [
        ("More than 190 members were expelled", 190, None, "persons", "members expelled", None),
        ("perhaps even 360 workers were arrested", 360, 360, "persons", "workers arrested",
         None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The smallest percentage expelled in any district is 5 percent, but in several "
            "factory cells over one-quarter have been expelled.",
            [("5 percent", 5, 5, "percent", "expelled", None),
             ("over one-quarter have been expelled", 25, None, "percent", "expelled", None)],
        ),
        (
            "The share of the teachers arrested in the city was 8 percent.",
            [("8 percent", 8, 8, "percent", "teachers arrested", None)],
        ),
        (
            "The proportion of workers who were dismissed at the plant was 12 percent.",
            [("12 percent", 12, 12, "percent", "workers dismissed", None)],
        ),
        (
            "Наименьший процент исключённых по району составляет 4 процента.",
            [("4 процента", 4, 4, "percent", "исключённых", None)],
        ),
        (
            "Доля арестованных в городе — 6 процентов.",
            [("6 процентов", 6, 6, "percent", "арестованных", None)],
        ),
    ],
)  # fmt: skip
def test_percentage_takes_its_subjects_counted_words(
    body: str, expected: list[tuple[object, ...]]
) -> None:
    assert body_claims(body) == expected


# --------------------------------------------------------------------------- errors and sniffing


def test_header_without_body_names_file_and_line() -> None:
    text = "A Title\n\nWritten: March 25, 1936.\nFirst published: Nowhere, May 16, 1936.\n"
    with pytest.raises(InputError) as err:
        parse(text, "empty-article.txt")
    assert (err.value.path, err.value.line) == ("empty-article.txt", 5)
    assert "no body" in str(err.value) and str(err.value).startswith("empty-article.txt:5: ")


def test_blank_text_is_an_error() -> None:
    with pytest.raises(InputError) as err:
        parse(" \n\n \n", "blank.txt")
    assert err.value.line == 1


def test_sniff() -> None:
    assert READER.sniff(ENGLISH, "a.txt") >= 0.9
    assert READER.sniff(RUSSIAN, "a.txt") >= 0.9
    note = "Родился в 1897 г., г. Казань; русский;\nАрестован 7 марта 1932 г.\n"
    assert READER.sniff(note, "notes.txt") < 0.3
    assert READER.sniff("№;Фамилия;Имя\n17;Петров;Пётр\n", "list.csv") < 0.3


ARTICLE_PARTS = st.sampled_from(
    ["Written: ", "First published: ", "Last updated on: ", "(25 March 1936)", "\n", "\n\n",
     "more than ", "300,000", " percent", "one-third", " perhaps even half a million", "“", "”",
     "«", "»", '"', "Pravda", " of March 15", " issue of ", "the order states: ", "тыс. ", "около ",
     "from the second half of last year to the present day", "Vol. II No. 19, ", "return "]
)  # fmt: skip


@settings(max_examples=200)
@given(st.one_of(st.text(), st.lists(st.one_of(ARTICLE_PARTS, st.text(max_size=5))).map("".join)))
def test_any_text_gives_a_parse_or_a_clean_error(text: str) -> None:
    try:
        parsed = parse(text, "fuzz.txt")
    except InputError as err:
        assert err.path == "fuzz.txt" and err.line is not None and err.line >= 1
        return
    check_spans(parsed, text)
    for c in parsed.claims:
        assert c.lower is None or c.upper is None or c.lower <= c.upper
        assert c.unit in (None, "persons", "percent")
