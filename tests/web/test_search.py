"""Search: names across scripts and spellings through the name keys, filters, pagination."""

from __future__ import annotations

import math
import re

from fastapi.testclient import TestClient

from vigil.store import Registry


def api(client: TestClient, **params: object) -> dict:
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def persons(result: dict) -> list[int | None]:
    return [h["person"] for h in result["results"]]


def test_a_latin_spelling_finds_the_cyrillic_person_and_back(client: TestClient) -> None:
    for q in ("Trotzki", "Trotsky", "Trockij", "TROTSKI Semyon", "Троцкого"):
        found = api(client, q=q)
        assert found["total"] == 1, q
        assert found["results"][0]["name"]["written"] == "Троцкий Семён Аронович"
    page = client.get("/", params={"q": "Trotzki"}).text
    assert "Троцкий Семён Аронович" in page


def test_a_person_from_a_romanised_list_is_found_in_either_script(
    client: TestClient, registry: Registry
) -> None:
    # a person with a record in the English list (Latin) and one in a Russian source
    english = next(s["id"] for s in registry.sources() if s["filename"].endswith(".tsv"))
    latin = next(r for r in registry.records(limit=None) if r["source_id"] == english)
    person = registry.pair(latin["id"], 1)["persons"][latin["id"]]
    cyrillic = next(
        r for r in registry.person(person)["records"] if re.match("[А-Я]", r["surname"] or "")
    )
    for q in (f"{latin['surname']} {latin['given']}", f"{cyrillic['surname']} {cyrillic['given']}"):
        found = api(client, q=q)
        assert person in persons(found), q
        hit = found["results"][persons(found).index(person)]
        assert {m["record"] for m in hit["matches"]} >= {latin["id"], cyrillic["id"]}


def test_a_given_name_narrows_and_an_initial_still_matches(client: TestClient) -> None:
    everyone = api(client, q="Гаврилов", per_page=100)
    lev = api(client, q="Gavrilov Lev", per_page=100)
    initial = api(client, q="Гаврилов Л.", per_page=100)
    assert 0 < lev["total"] < everyone["total"]
    assert set(persons(lev)) <= set(persons(initial)) <= set(persons(everyone))
    assert all(h["name"]["given"] in ("Лев", "Lev") for h in lev["results"])


def test_a_misspelling_falls_back_to_the_phonetic_key(client: TestClient) -> None:
    exact = api(client, q="Gavrilov")
    fuzzy = api(client, q="Gavrilof")
    assert not exact["fuzzy"] and fuzzy["fuzzy"]
    assert set(persons(fuzzy)) >= set(persons(exact))


def test_filters_narrow_the_results(client: TestClient) -> None:
    everyone = api(client, q="Александров", per_page=100)
    executed = api(client, q="Александров", event="execution", per_page=100)
    in_1937 = api(client, q="Александров", event="execution", year_from=1937, year_to=1937)
    assert everyone["total"] > executed["total"] > in_1937["total"] > 0
    assert set(persons(executed)) <= set(persons(everyone))
    for hit in in_1937["results"]:
        person = client.get(hit["url"].replace("/persons/", "/api/persons/")).json()
        years = {m["date"][:4] for m in person["timeline"] if m["type"] == "execution"}
        assert "1937" in years

    # filters alone browse the registry; a category takes in the narrower ones
    broad = api(client, category="counter-revolutionary")["total"]
    narrow = api(client, category="trotskyist")["total"]
    assert broad > narrow > 0
    place = api(client, event="execution", place="Калинин")["total"]
    assert 0 < place <= api(client, event="execution")["total"]
    # in any case, in Cyrillic too (SQLite's own lower() knows only ASCII)
    assert api(client, event="execution", place="калинин")["total"] == place
    assert api(client, event="execution", place="КАЛИНИН")["total"] == place
    assert api(client, event="sentence", authority="ВКВС")["total"] > 0
    assert api(client, event="sentence", authority="no such body")["total"] == 0


def test_pages_add_up_to_the_total(client: TestClient) -> None:
    first = api(client, event="arrest", year_from=1937, year_to=1937, per_page=25)
    total = first["total"]
    assert total > 50 and first["pages"] == math.ceil(total / 25)
    seen: list = []
    for page in range(1, first["pages"] + 1):
        got = api(client, event="arrest", year_from=1937, year_to=1937, per_page=25, page=page)
        assert got["total"] == total
        seen += [(h["person"], h["record"]) for h in got["results"]]
    assert len(seen) == total == len(set(seen))
    assert api(client, event="arrest", page=10_000)["results"] == []
    html = client.get("/", params={"event": "arrest", "per_page": 25}).text
    assert 'rel="next"' in html and "page=2" in html


def test_bad_parameters_are_422_on_the_api_and_a_friendly_page(client: TestClient) -> None:
    assert client.get("/api/search", params={"year_from": "abc"}).status_code == 422
    assert client.get("/api/search", params={"per_page": 1000}).status_code == 422
    bad = client.get("/api/search", params={"year_from": 1940, "year_to": 1930})
    assert bad.status_code == 422
    page = client.get("/", params={"q": "Иванов", "year_from": "abc", "lang": "en"})
    assert page.status_code == 400
    assert "year_from" in page.text and "cannot use" in page.text
    assert '<form class="search"' in page.text  # the form is still there to correct


def test_an_empty_form_and_an_unreadable_name(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'class="results"' not in page.text
    empty = client.get("/", params={"q": "", "event": "", "year_from": "", "place": ""})
    assert empty.status_code == 200
    assert api(client, q="1937")["understood"] is False
