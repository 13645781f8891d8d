"""Person and record pages: every record with its citation, conflicts shown, a timeline."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from .conftest import Built


def test_every_record_is_shown_with_its_source_and_locator(client: TestClient) -> None:
    person = client.get("/api/persons/1").json()
    assert len(person["records"]) >= 2
    page = html.unescape(client.get("/persons/1").text)
    for rec in person["records"]:
        c = rec["citation"]
        label = c["locator"] or f"запись {c['entry']}"
        assert f'href="{c["url"]}">{c["source_title"]}, {label}</a>' in page
        assert rec["text"] in page  # verbatim
        assert f'id="record-{rec["id"]}"' in page


def test_a_conflict_is_shown_with_both_values_each_cited(client: TestClient, built: Built) -> None:
    person = client.get(f"/api/persons/{built.conflict_person}").json()
    birth = next(f for f in person["facts"] if f["field"] == "birth")
    assert birth["conflict"]
    years = {v["value"]: {c["record"] for c in v["citations"]} for v in birth["values"]}
    other = str(int(built.first["birth"]) + 3)
    assert set(years) == {built.first["birth"], other}
    assert 1 in years[built.first["birth"]]
    assert years[other] == {built.conflict_record}
    assert person["conflicts"] >= 1

    page = client.get(f"/persons/{built.conflict_person}", params={"lang": "en"}).text
    assert "the sources disagree" in page
    row = page[page.index("Date of birth") : page.index("Place of birth")]
    for value in birth["values"]:
        assert f">{value['value']}</time>" in row
        for c in value["citations"]:
            assert c["url"] in row


def test_the_timeline_is_in_date_order_and_every_event_is_cited(client: TestClient) -> None:
    person = client.get("/api/persons/1").json()
    dated = [m["lower"] for m in person["timeline"] if m["lower"]]
    assert dated == sorted(dated) and len(dated) >= 3
    arrest = next(m for m in person["timeline"] if m["type"] == "arrest")
    assert len(arrest["attestations"]) >= 2  # the same arrest, from several sources
    for m in person["timeline"]:
        assert all(a["citation"]["url"].startswith("/sources/") for a in m["attestations"])
    page = client.get("/persons/1").text
    assert page.index("арест") < page.index("расстрел") < page.index("реабилитация")


def test_name_variants_as_each_source_writes_them(client: TestClient, registry) -> None:
    english = next(s["id"] for s in registry.sources() if s["filename"].endswith(".tsv"))
    latin = next(r for r in registry.records(limit=None) if r["source_id"] == english)
    pid = registry.pair(latin["id"], 1)["persons"][latin["id"]]
    person = client.get(f"/api/persons/{pid}").json()
    written = {v["value"] for v in person["names"]}
    assert len(written) >= 2  # Cyrillic and Latin
    assert any(n.startswith(latin["surname"]) for n in written)


def test_a_record_page_and_missing_ids(client: TestClient) -> None:
    rec = client.get("/api/records/1").json()
    assert rec["person"] == 1 and rec["citation"]["url"] == "/sources/1#record-1"
    page = client.get("/records/1").text
    assert 'href="/persons/1"' in page and "/sources/1#record-1" in page
    for url in ("/persons/999999", "/records/999999", "/sources/999999", "/no/such/page"):
        missing = client.get(url)
        assert missing.status_code == 404 and "<h1>" in missing.text
        assert client.get("/api" + url).status_code == 404
    assert client.get("/persons/abc").status_code == 400
    assert client.get("/api/persons/abc").status_code == 422
