"""No route and no export gives away a restricted fact.

The registry (`conftest.py`) holds a man who may be alive, a man taken down, and a published
man whose residence and party card are sensitive, each under names and values found nowhere
else. Every public route of the app is requested with their ids and names, and a publication is
read file by file: the markers of the first two and the sensitive values appear nowhere, while
the published man's other facts do appear, so that a check that could not fail would show.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from itertools import product
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus, unquote

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Route

from vigil.names import romanizations
from vigil.publish import Report, publish
from vigil.publish.search_index import normalise, spellings
from vigil.web import create_app

from .conftest import ALIVE, PUBLIC, SENSITIVE, TAKEN, Marked


def _words(names: tuple[str, ...]) -> set[str]:
    """Every spelling of these names the site could hold: as written, oblique cases,
    romanisations, skeletons; normalised (letters only, lower case)."""
    roles = ("surname", "given", "patronymic")
    return {s for word, role in zip(names, roles, strict=False) for s in spellings(word, role)}


RESTRICTED_NAMES = _words(ALIVE) | _words(TAKEN)
# the values, and their distinctive words alone (a value may be cut at a space)
RESTRICTED_VALUES = {
    *(v.casefold() for v in SENSITIVE),
    "потаённая",
    "потаенная",
    "4815162342",
    "сокровенный",
}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", unquote(text)).casefold()


def leaks(text: str) -> list[str]:
    """The restricted markers in `text`: names in any spelling, sensitive values as written."""
    letters = normalise(unquote(text))
    folded = _fold(text)
    found = [w for w in RESTRICTED_NAMES if len(w) >= 6 and w in letters]
    return found + [v for v in RESTRICTED_VALUES if v in folded]


def test_the_markers_are_real() -> None:
    """The needles would be found where they are: the check can fail."""
    assert leaks("… Жизнелюбова Вечеслава …") and leaks("Snyatovskiy")
    assert leaks("Адрес: Потаённая   слобода 17") and leaks("ПБ-4815162342")
    assert not leaks("Открытов Явлен Светозарович, 1893")
    latin = romanizations("Снятовский")
    assert len(latin) > 5 and all(leaks(s) for s in latin.values())


@pytest.fixture(scope="module")
def client(marked: Marked) -> TestClient:
    with TestClient(create_app(str(marked.db))) as c:
        yield c


def _ids(marked: Marked) -> dict[str, list[Any]]:
    """Path parameters to try: the ids of the marked people, their records and sources."""
    persons = [p for p in marked.persons.values() if p is not None]
    return {
        "person_id": persons,
        "record_id": [*marked.records.values(), marked.book_record],
        "source_id": [marked.list_source, marked.book_source],
    }


QUERIES = (
    *ALIVE[:1],
    *TAKEN[:1],
    "Zhiznelyubov",
    "Snyatovsky",
    "Sniatowski",
    "Жизнелюбова",
    "Снятовского Изъяслава",
    "Открытов",
    "Potaennaya",
)


def get_routes(routes: list[Any], prefix: str = "") -> list[tuple[str, Route]]:
    """Every route with a GET, as full paths, through routers included in others (FastAPI
    keeps an included router whole, behind a wrapper that holds its prefix)."""
    out: list[tuple[str, Route]] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            out += get_routes(inner.routes, prefix + getattr(context, "prefix", ""))
        elif isinstance(route, Route) and "GET" in (route.methods or ()):
            out.append((prefix + route.path, route))
    return out


def _get(client: TestClient, url: str, params: dict[str, Any] | None = None) -> Any:
    response = client.get(url, params=params)
    assert response.status_code < 500, (url, params, response.text[:500])
    return response


def test_no_route_gives_away_a_restricted_fact(client: TestClient, marked: Marked) -> None:
    ids = _ids(marked)
    seen: list[tuple[str, str]] = []
    asked: set[str] = set()
    routes = get_routes(client.app.routes)
    assert len(routes) > 15, routes
    for path, _ in routes:
        params = re.findall(r"{(\w+)(?::\w+)?}", path)
        choices = [ids.get(p, [1]) for p in params]
        for filled in (dict(zip(params, vs, strict=True)) for vs in product(*choices)):
            url = path
            for k, v in filled.items():
                url = re.sub(rf"{{{k}(?::\w+)?}}", str(v), url)
            for lang in ("ru", "en"):
                got = _get(client, url, {"lang": lang})
                seen.append((f"{url}?lang={lang}", got.text))
            asked.add(path)
    for q in QUERIES:
        # a search page says what was asked: the query itself is cut out before reading
        page = _get(client, "/", {"q": q, "lang": "en"}).text
        api = _get(client, "/api/search", {"q": q}).json()
        found = api["total"] > 0
        assert ('class="hit"' in page) is found and len(api["results"]) == api["total"]
        assert found is (q == "Открытов"), q
        for url, text in (("/", page), ("/api/search", json.dumps(api, ensure_ascii=False))):
            for asked_as in (q, quote_plus(q), quote(q)):
                text = text.replace(asked_as, "")
            seen.append((f"{url}?q={q}", text))
    for params in ({"event": "arrest", "year_from": 2000}, {"event": "execution"}):
        for url in ("/", "/api/search"):
            seen.append((f"{url}?{params}", _get(client, url, {**params, "per_page": 100}).text))
    # the records behind every figure of the statistics page, and the same through the API
    stats = _get(client, "/statistics", {"lang": "en"}).text
    links = sorted(set(re.findall(r'href="(/statistics/records\?[^"]+)"', stats)))
    assert links, "the statistics page links the records behind its figures"
    for link in links:
        link = link.replace("&amp;", "&")
        seen.append((link, _get(client, link).text))
        api = link.replace("/statistics/records", "/api/statistics/records")
        seen.append((api, _get(client, api).text))
    assert {"/persons/{person_id}", "/records/{record_id}", "/sources/{source_id}"} <= asked
    assert {"/api/persons/{person_id}", "/api/records/{record_id}", "/api/search"} <= asked
    found = [(url, leaks(text)) for url, text in seen if leaks(text)]
    assert not found, found[:5]
    # ... and what is public is there: the published man's page, name, events and birth
    everything = "\n".join(text for _, text in seen)
    for word in PUBLIC:
        assert word in everything
    person = client.get(f"/api/persons/{marked.persons['Открытов']}").json()
    record = person["records"][0]
    assert record["residence"] is None and record["document"] is None
    assert "Открытов" in record["text"] and "1893" in record["text"] and "[…]" in record["text"]
    assert {e["type"] for e in record["events"]} == {"arrest", "execution"}
    assert client.get("/api/search", params={"q": "Открытов"}).json()["total"] == 1


def test_restricted_ids_read_as_missing(client: TestClient, marked: Marked) -> None:
    missing = client.get("/api/persons/999999").text
    for surname in ("Жизнелюбов", "Снятовский"):
        pid, rid = marked.persons[surname], marked.records[surname]
        assert client.get(f"/api/persons/{pid}").text == missing
        assert client.get(f"/api/records/{rid}").status_code == 404
        assert client.get(f"/persons/{pid}").status_code == 404
    assert client.get(f"/api/records/{marked.book_record}").status_code == 404
    src = client.get(f"/api/sources/{marked.list_source}").json()
    assert [r["withheld"] for r in src["records"]] == [True, True, False]
    book = client.get(f"/sources/{marked.book_source}", params={"lang": "en"}).text
    assert "[withheld]" in book and "Снятовский" not in book


@pytest.fixture(scope="module")
def site(marked: Marked, tmp_path_factory: pytest.TempPathFactory) -> Report:
    return publish(str(marked.db), tmp_path_factory.mktemp("site") / "out", workers=1)


def _sqlite_text(path: Path) -> str:
    """Every value of every row of every table, as text."""
    out: list[str] = []
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                out += [str(v) for v in row if v is not None]
    return "\n".join(out)


def test_no_export_gives_away_a_restricted_fact(site: Report, marked: Marked) -> None:
    files = [p for p in site.out.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".js", ".csv", ".jsonl", ".jsonld", ".db", ".md"} <= kinds, kinds
    texts: dict[Path, str] = {}
    for path in files:
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="ignore")
        if path.suffix == ".db":
            text += "\n" + _sqlite_text(path)
        texts[path] = text
        assert not leaks(text), (path, leaks(text))
    # the published man is in each kind of file: the check reads what is really there
    data = site.data
    for name in ("persons.csv", "records.csv", "persons.jsonl", "records.jsonl"):
        assert "Открытов" in texts[data / name], name
    public = f",{marked.records['Открытов']},{marked.persons['Открытов']},execution,1937-10-12,"
    assert public in texts[data / "events.csv"]
    assert "Открытов" in "".join(t for p, t in texts.items() if p.suffix == ".jsonld")
    assert "Открытов" in "".join(t for p, t in texts.items() if p.suffix == ".db")
    assert "otkrytov" in "".join(t for p, t in texts.items() if p.parent.name == "search")
    pages = "".join(t for p, t in texts.items() if p.suffix == ".html")
    assert "Светозарович" in pages and "Открытов" in pages
    assert "Потаённая" not in pages and "[…]" in pages
