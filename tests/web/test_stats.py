"""The statistics page and API: charts beside tables, figures that agree with vigil.analysis less
the withheld people, and every linked number opening exactly the records behind it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient

from vigil.analysis import (
    EventFilter,
    cell_records,
    claim_records,
    claims,
    outcome_records,
    outcomes,
    timeline,
)
from vigil.demo import write_corpus
from vigil.ingest import ingest_path
from vigil.store import Registry
from vigil.web import charts, create_app

HIDDEN = ("Живов", "Молодцов", "Неизвестнов")  # the demo's withheld people (see test_privacy)

# A Book of Memory whose third entry gives a birth year no one persecuted in 1936 can have had
# (a slip of the pen, say): the privacy rule withholds him, so no public figure may count him.
BOOK = """Старцев Иван Петрович
Родился в 1895 г., г. Тверь; русский; член ВКП(б) с 1920, исключен в декабре 1935 г. как троцкист;
Арестован 3 марта 1937 г.
Приговорен: тройка УНКВД по Калининской обл. 9 сентября 1937 г., обв.: ст. 58-10 УК РСФСР.
Приговор: ВМН
Расстрелян 21 сентября 1937 г.

Ранний Пётр Ильич
Родился в 1899 г., г. Кашин; русский; член ВКП(б) с 1925, исключен в январе 1936 г. как троцкист;

Юный Олег Олегович
Родился в 1990 г., г. Тверь; русский; член ВКП(б) с 1925, исключен в феврале 1936 г. как троцкист;
Арестован 5 мая 1937 г.
Приговорен: тройка УНКВД по Калининской обл. 1 июня 1937 г., обв.: ст. 58-10 УК РСФСР.
Приговор: 10 лет ИТЛ
"""


def make_registry(folder: Path) -> Path:
    """The demo's article (a claim of expulsions in 1935–36) and the book above, not linked."""
    db = folder / "small.db"
    with Registry.open(str(db)) as reg:
        reg.init()
        corpus = write_corpus(folder / "corpus", n_people=10)
        article = next(s for s in corpus if s.format == "article")
        ingest_path(reg, article.path, article.format, article.options)
        book = folder / "book.txt"
        book.write_text(BOOK, encoding="utf-8")
        ingest_path(reg, book, "memory-book", None)
    return db


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_registry(tmp_path_factory.mktemp("stats"))


@pytest.fixture(scope="module")
def small_client(small: Path) -> TestClient:
    with TestClient(create_app(str(small))) as c:
        yield c


def fetch(client: TestClient, url: str, **params: object) -> Any:
    """GET `url` with more parameters (httpx would replace the query the url has)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for k, v in params.items():
        query += [(k, x) for x in v] if isinstance(v, list) else [(k, v)]
    return client.get(parts.path, params=query)


def get(client: TestClient, url: str, **params: object) -> dict:
    r = fetch(client, url, **params)
    assert r.status_code == 200, r.text
    return r.json()


def listed(client: TestClient, page_url: str) -> list[int]:
    """Every record id a figure's list gives, through the API, all pages."""
    api = "/api" + page_url
    ids: list[int] = []
    page = 1
    while True:
        data = get(client, api, page=page, per_page=100)
        ids += [r["id"] for r in data["records"]]
        if page >= data["pages"]:
            assert len(ids) == data["total"]
            return ids
        page += 1


def withheld_ids(registry: Registry) -> set[int]:
    """The demo's withheld records, in the operator's view (no screen)."""
    return {r["id"] for r in registry.records(limit=None) if r["surname"] in HIDDEN}


# -- the page -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ru", ("Статистика", "События по времени", "Что было дальше", "Утверждения источников")),
        ("en", ("Statistics", "Events over time", "What happened next", "What the sources claim")),
    ],
)
def test_each_section_has_its_chart_beside_its_table(
    client: TestClient, lang: str, words: tuple[str, ...]
) -> None:
    page = client.get("/statistics", params={"lang": lang})
    assert page.status_code == 200
    html = page.text
    assert f'<html lang="{lang}">' in html
    for w in words:
        assert w in html
    assert f'<a href="/statistics">{words[0]}</a>' in html  # in the site's navigation
    for section, chart in (("timeline", "timeline-chart"), ("outcomes", "outcomes-chart")):
        part = html.split(f'<section id="{section}"')[1].split("</section>")[0]
        svg = re.search(rf'<svg [^>]*id="{chart}"[^>]*>', part)
        assert svg and 'role="img"' in svg.group(0)
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in svg.group(0)
        assert re.search(rf'<title id="{chart}-title">[^<]+</title>', part)
        assert re.search(r'<div class="figure">\s*<figure class="chart"><svg', part)
        assert '<table class="stats">' in part and "<caption" in part and 'scope="col"' in part
    claims_part = html.split('<section id="claims"')[1]
    assert '<table class="stats claims">' in claims_part
    assert "<script" not in html


def test_the_page_says_when_its_figures_were_computed_and_keeps_them(client: TestClient) -> None:
    first = get(client, "/api/statistics/outcomes")
    again = get(client, "/api/statistics/outcomes")
    assert first["computed_at"] == again["computed_at"]  # kept, not computed again
    html = client.get("/statistics", params={"lang": "en"}).text
    stamp = first["computed_at"][:16].replace("T", " ")
    assert f"Computed {stamp} UTC" in html
    assert "kept until the registry changes" in html


def test_a_changed_registry_is_counted_again(tmp_path: Path) -> None:
    db = make_registry(tmp_path)
    with TestClient(create_app(str(db))) as c:
        before = get(c, "/api/statistics/timeline", by="category")
        assert get(c, "/api/statistics/timeline", by="category") == before
        more = tmp_path / "more.txt"
        more.write_text(BOOK.split("\n\n")[0].replace("Старцев", "Старцева"), encoding="utf-8")
        with Registry.open(str(db)) as reg:
            ingest_path(reg, more, "memory-book", None)
        after = get(c, "/api/statistics/timeline", by="category")
    assert after["computed_at"] > before["computed_at"]
    cell = {(x["key"], x["period"]): x["events"] for x in after["cells"]}
    was = {(x["key"], x["period"]): x["events"] for x in before["cells"]}
    assert cell[("trotskyist", "1935")] == was[("trotskyist", "1935")] + 1


# -- the figures agree with vigil.analysis, less the withheld --------------------------------


def test_timeline_is_the_analysis_less_the_withheld_people(
    client: TestClient, registry: Registry
) -> None:
    whole = timeline(registry, "type")
    public = get(client, "/api/statistics/timeline", by="type")
    assert public["unit"] == whole.unit == "person"
    hidden_events: dict[tuple[str, str], int] = {}
    for rid in withheld_ids(registry):
        for e in registry.record(rid)["events"]:
            lo, hi = e["date_lower"], e["date_upper"]
            if lo and lo[:4] == hi[:4]:
                hidden_events[(e["type"], lo[:4])] = hidden_events.get((e["type"], lo[:4]), 0) + 1
    assert hidden_events == {("arrest", "2015"): 1, ("arrest", "2021"): 1}
    expected = {
        (c.key, c.period): c.events - hidden_events.get((c.key, c.period), 0) for c in whole.cells
    }
    got = {(x["key"], x["period"]): x["events"] for x in public["cells"]}
    assert got == {k: n for k, n in expected.items() if n}
    assert "2015" not in public["periods"] and "2021" not in public["periods"]
    totals = {g["key"]: g["total"] for g in public["groups"]}
    assert totals["arrest"] == whole.total("arrest") - 2
    assert totals["execution"] == whole.total("execution")


def test_outcomes_and_claims_agree_with_the_analysis(
    client: TestClient, registry: Registry
) -> None:
    # the demo's withheld people were never expelled nor sentenced: the figures are the same
    for after in ("party.expulsion", "sentence"):
        whole = outcomes(registry, after)
        public = get(client, "/api/statistics/outcomes", after=after)
        assert public["unit"] == whole.unit
        assert [c["category"] for c in public["cohorts"]] == [c.category for c in whole.cohorts]
        for got, c in zip(public["cohorts"], whole.cohorts, strict=True):
            assert (got["subjects"], got["none_recorded"]) == (c.subjects, c.none_recorded)
            assert [(o["type"], o["subjects"]) for o in got["outcomes"]] == [
                (o.type, o.subjects) for o in c.outcomes
            ]
            sentence = next((o for o in got["outcomes"] if o["type"] == "sentence"), None)
            if sentence:
                terms = [(d["text"], d["subjects"]) for d in sentence["details"]]
                assert terms == [(d.text, d.subjects) for d in c.outcome("sentence").details]
    public = get(client, "/api/statistics/claims")["claims"]
    whole = claims(registry)
    assert [c["id"] for c in public] == [c.claim_id for c in whole]
    for got, c in zip(public, whole, strict=True):
        assert (got["status"], got["events"], got["subjects"]) == (c.status, c.events, c.subjects)


def test_withheld_people_are_not_counted_in_any_figure(
    small_client: TestClient, small: Path
) -> None:
    with Registry.open(str(small)) as reg:
        whole_out = outcomes(reg)
        whole_claim = claims(reg)[0]
        whole_tl = timeline(reg, "category")
    (cohort,) = get(small_client, "/api/statistics/outcomes")["cohorts"]
    (whole,) = whole_out.cohorts
    assert (whole.subjects, cohort["subjects"]) == (3, 2)  # Юный is withheld
    assert cohort["none_recorded"] == whole.none_recorded == 1  # Ранний: nothing followed
    assert {o["type"]: o["subjects"] for o in cohort["outcomes"]} == {
        "arrest": 1,
        "sentence": 1,
        "execution": 1,
    }
    (sentence,) = [o for o in cohort["outcomes"] if o["type"] == "sentence"]
    assert [(d["text"], d["subjects"]) for d in sentence["details"]] == [("ВМН", 1)]
    (claim,) = [c for c in get(small_client, "/api/statistics/claims")["claims"]
                if c["status"] == "compared"]  # fmt: skip
    assert (whole_claim.events, claim["events"], claim["subjects"]) == (3, 2, 2)
    tl = get(small_client, "/api/statistics/timeline", by="category")
    cells = {(x["key"], x["period"]): x["events"] for x in tl["cells"]}
    whole_cells = {(c.key, c.period): c.events for c in whole_tl.cells}
    assert whole_cells[("trotskyist", "1936")] == 2 and cells[("trotskyist", "1936")] == 1
    html = small_client.get("/statistics", params={"lang": "ru"}).text
    assert "10 лет ИТЛ" not in html  # his term was his alone


def test_the_withheld_are_found_as_the_public_pages_find_them(registry: Registry) -> None:
    from vigil import privacy
    from vigil.store.browse import group_facts, is_withheld
    from vigil.store.linkage import memberships
    from vigil.store.statistics import withheld_records

    screen = privacy.screen()
    found = withheld_records(registry, screen)
    assert found == sorted(withheld_ids(registry))
    with registry.engine.connect() as conn:  # the predicate in Python, group by group
        person = memberships(conn)
        ids = [r["id"] for r in registry.records(limit=None)]
        groups = {i: ("p", person[i]) if i in person else ("r", i) for i in ids}
        facts = group_facts(conn, set(groups.values()))
    assert found == sorted(i for i, g in groups.items() if is_withheld(facts.get(g), screen))


# -- the records behind a figure -------------------------------------------------------------


def test_a_cells_records_are_the_analysis_list_less_the_withheld(
    client: TestClient, registry: Registry
) -> None:
    hidden = withheld_ids(registry)
    tl = timeline(registry, "type")
    public = get(client, "/api/statistics/timeline", by="type")
    urls = {(x["key"], x["period"]): x["records"] for x in public["cells"]}
    for key, period in (("execution", "1937"), ("party.expulsion", "1935"), ("arrest", "1938")):
        expected = cell_records(registry, tl, key, period, limit=None)
        assert listed(client, urls[(key, period)]) == expected
    # a group's total includes the withheld arrests in the analysis, not in public
    arrests = next(g for g in public["groups"] if g["key"] == "arrest")
    expected = cell_records(registry, tl, "arrest", None, limit=None)
    assert set(expected) & hidden
    assert listed(client, arrests["records"]) == [i for i in expected if i not in hidden]
    # a cell holding only withheld people's events is not shown, and lists no one
    assert listed(client, "/statistics/records?figure=cell&by=type&key=arrest&bucket=2021") == []


def test_outcome_and_claim_records_are_the_analysis_lists(
    client: TestClient, registry: Registry
) -> None:
    result = outcomes(registry)
    public = get(client, "/api/statistics/outcomes")
    cohort = public["cohorts"][0]
    for o in cohort["outcomes"]:
        expected = outcome_records(registry, result, cohort["category"], o["type"], limit=None)
        assert listed(client, o["records"]) == expected
        for d in o["details"]:
            want = outcome_records(registry, result, cohort["category"], o["type"], d["text"], None)
            assert listed(client, d["records"]) == want
    for c in public["cohorts"]:
        want = outcome_records(registry, result, c["category"], None, limit=None)
        assert listed(client, c["none_recorded_records"]) == want
    (claim,) = [c for c in get(client, "/api/statistics/claims")["claims"] if c["records"]]
    whole = next(c for c in claims(registry) if c.claim_id == claim["id"])
    assert listed(client, claim["records"]) == claim_records(registry, whole, limit=None)


def test_withheld_records_are_never_listed(small_client: TestClient, small: Path) -> None:
    with Registry.open(str(small)) as reg:
        young = next(r["id"] for r in reg.records(limit=None) if r["surname"] == "Юный")
        result = outcomes(reg)
        assert young in outcome_records(reg, result, "trotskyist", "arrest", limit=None)
    data = get(small_client, "/api/statistics/outcomes")
    links = [o["records"] for c in data["cohorts"] for o in c["outcomes"]]
    links += [c["records"] for c in get(small_client, "/api/statistics/claims")["claims"]]
    tl = get(small_client, "/api/statistics/timeline", by="category")
    links += [x["records"] for x in tl["cells"]] + [g["records"] for g in tl["groups"]]
    for url in filter(None, links):
        assert young not in listed(small_client, url)
        page = fetch(small_client, url, lang="ru")
        assert page.status_code == 200 and "Юный" not in page.text and "1990" not in page.text


def test_the_records_page_cites_each_record(client: TestClient) -> None:
    public = get(client, "/api/statistics/timeline", by="type")
    url = next(x["records"] for x in public["cells"] if x["key"] == "execution")
    data = get(client, "/api" + url)
    html = fetch(client, url, lang="en").text
    assert "The records behind a figure" in html and "execution" in html
    for r in data["records"]:
        assert r["citation"]["url"] in html  # the link to the span on its source page
    assert f"<dd>{data['value']}</dd>" in html and f"<dd>{data['total']}</dd>" in html
    ru = fetch(client, url, lang="ru").text
    assert "Записи, стоящие за числом" in ru and "расстрел" in ru


def test_every_number_in_the_tables_links_to_a_list(client: TestClient) -> None:
    html = client.get("/statistics", params={"lang": "en"}).text
    links = set(re.findall(r'href="(/statistics/records\?[^"]+)"', html))
    api = get(client, "/api/statistics/timeline")
    cells = {x["records"].replace("&", "&amp;") for x in api["cells"]}
    assert cells <= links  # every cell of the timeline
    out = get(client, "/api/statistics/outcomes")
    for c in out["cohorts"]:
        for o in c["outcomes"]:
            assert o["records"].replace("&", "&amp;") in links
    # a number in a cell that has no link says why: only spanning or undated rows, or totals
    # under a range, are unlinked (the store cannot list those apart yet)
    for row in re.findall(r"<tr><th scope=\"row\">\d{4}</th>(.*?)</tr>", html):
        for cell in re.findall(r'<td class="num">(.*?)</td>', row):
            assert cell == "" or cell.startswith('<a href="/statistics/records?')


# -- filters ----------------------------------------------------------------------------------


def test_filters_give_the_analysis_of_the_same_filter(
    client: TestClient, registry: Registry
) -> None:
    flt = EventFilter.years(1936, 1937, types=("sentence", "execution"))
    whole = timeline(registry, "category", flt)
    public = get(
        client,
        "/api/statistics/timeline",
        by="category",
        year_from=1936,
        year_to=1937,
        event=["sentence", "execution"],
    )
    assert public["filter"]["types"] == ["sentence", "execution"]
    assert {(x["key"], x["period"]): x["events"] for x in public["cells"]} == {
        (c.key, c.period): c.events for c in whole.cells
    }
    assert set(public["periods"]) <= {"1936", "1937"}
    assert all(g["records"] is None for g in public["groups"])  # totals under a range
    by_authority = get(client, "/api/statistics/timeline", by="authority", authority="тройка")
    assert by_authority["groups"] and all("тройка" in g["key"] for g in by_authority["groups"])
    trotskyists = get(client, "/api/statistics/timeline", by="category", category="trotskyist")
    assert {g["key"] for g in trotskyists["groups"]} == {"trotskyist"}
    months = get(client, "/api/statistics/timeline", period="month", year_from=1937, year_to=1937)
    assert months["periods"] and all(re.fullmatch(r"1937-\d\d", p) for p in months["periods"])


def test_the_page_keeps_its_filters_in_the_form_and_the_links(client: TestClient) -> None:
    params = {"by": "category", "year_from": "1937", "event": "sentence", "lang": "en"}
    html = client.get("/statistics", params=params).text
    assert 'value="category" checked' in html and 'value="1937"' in html
    assert '<option value="sentence" selected>' in html
    links = re.findall(r'href="(/statistics/records\?figure=cell[^"]+)"', html)
    assert links and all("year_from=1937" in u and "event=sentence" in u for u in links)
    outcomes_form = html.split('<section id="outcomes"')[1].split("</form>")[0]
    assert '<input type="hidden" name="by" value="category">' in outcomes_form
    assert client.get("/statistics", params={"after": "sentence"}).status_code == 200


def test_bad_parameters_are_explained(client: TestClient) -> None:
    page = client.get("/statistics", params={"year_from": "abc", "lang": "en"})
    assert page.status_code == 400 and "year_from" in page.text
    page = client.get("/statistics", params={"event": "arest", "lang": "en"})
    assert page.status_code == 400 and "unknown event type" in page.text
    api = client.get("/api/statistics/timeline", params={"category": "nobody"})
    assert api.status_code == 422 and "unknown category" in api.json()["detail"][0]["msg"]
    assert client.get("/api/statistics/timeline", params={"by": "colour"}).status_code == 422
    assert client.get("/api/statistics/outcomes", params={"after": "lunch"}).status_code == 422
    assert client.get("/api/statistics/records", params={"figure": "claim"}).status_code == 422
    assert (
        client.get("/api/statistics/records", params={"figure": "claim", "claim": 999}).status_code
        == 404
    )


# -- the API's shapes --------------------------------------------------------------------------


def test_the_api_is_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    names = {
        "/api/statistics/timeline": "StatTimeline",
        "/api/statistics/outcomes": "StatOutcomes",
        "/api/statistics/claims": "StatClaims",
        "/api/statistics/records": "StatRecords",
    }
    for path, model in names.items():
        ok = schema["paths"][path]["get"]["responses"]["200"]
        assert ok["content"]["application/json"]["schema"]["$ref"].endswith(f"/{model}")
    params = {p["name"] for p in schema["paths"]["/api/statistics/timeline"]["get"]["parameters"]}
    assert {"by", "year_from", "year_to", "event", "category", "authority", "place", "period",
            "persons"} <= params  # fmt: skip
    timeline_fields = schema["components"]["schemas"]["StatTimeline"]["properties"]
    assert {"computed_at", "cells", "unplaced", "groups", "filter"} <= set(timeline_fields)
    records = get(client, "/api/statistics/records", figure="cell", by="type", key="execution")
    assert set(records) == set(schema["components"]["schemas"]["StatRecords"]["properties"])
    assert records["figure"]["keys"] == ["execution"]


def test_persons_are_counted_per_cell_when_asked(client: TestClient, registry: Registry) -> None:
    whole = timeline(registry, "type", subjects=True)
    public = get(client, "/api/statistics/timeline", persons=True)
    got = {(x["key"], x["period"]): x["subjects"] for x in public["cells"]}
    for c in whole.cells:
        if c.period < "2000":  # the withheld arrests are later
            assert got[(c.key, c.period)] == c.subjects
    html = client.get("/statistics", params={"persons": "1", "lang": "en"}).text
    assert "persons in brackets" in html


# -- the charts ----------------------------------------------------------------------------------


def test_axis_steps_are_round_and_cover_the_top() -> None:
    for top in (1, 7, 10, 99, 454, 1_000_000):
        ticks = charts.nice_ticks(top)
        step = ticks[1] - ticks[0]
        assert ticks[0] == 0 and ticks[-1] >= top and ticks[-2] < top
        assert re.fullmatch(r"[125]0*", str(step))


def test_a_stacked_bar_per_column_and_value() -> None:
    series = [charts.Series("a", [1, 0, 3], "#000"), charts.Series("b & c", [2, 2, 0], "#fff")]
    svg = charts.stacked_bars(["1936", "1937", "1938"], series, ident="x", title="T", desc="D")
    assert svg.count("<rect") == 4 + 2  # non-zero values, and the two legend swatches
    assert "<title>1936: b &amp; c 2</title>" in svg and "b &amp; c</text>" in svg
    assert svg.startswith("<svg") and 'role="img"' in svg and svg.endswith("</svg>")


def test_vigil_serve_computes_the_default_figures_before_the_first_visit(small: Path) -> None:
    from datetime import UTC, datetime

    from vigil.web.stats import warm
    from vigil.web.stats_views import timeline_ask

    app = create_app(str(small))
    warm(app).join(timeout=120)
    visited = datetime.now(UTC)
    with TestClient(app) as c:
        page = c.get("/statistics")
    assert page.status_code == 200
    kept = app.state.figures.timeline(timeline_ask())
    assert kept.at < visited  # computed in the background, then served from what was kept
