"""Source pages: the verbatim text with records, events, claims and quotes marked and linked."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient


def test_record_and_event_spans_are_marked_and_anchored(client: TestClient) -> None:
    src = client.get("/api/sources/1").json()
    page = client.get("/sources/1").text
    assert len(src["records"]) == 100 and src["pages"] >= 2
    for r in src["records"]:
        assert f'<mark class="record" id="record-{r["id"]}"' in page
        target = f"/persons/{r['person']}#record-{r['id']}"
        assert f'href="{target}"' in page
    for e in src["events"]:
        assert f'<mark class="event" id="event-{e["id"]}"' in page
    # the marked text is the verbatim text: remove the mark-up and it is all there, but for
    # the sensitive values (the residences), each a passage with no text and a notice
    verbatim = re.search(r'<div class="verbatim source-text"[^>]*>(.*?)</div>', page, re.S)
    plain = re.sub(r'<a class="tag[^>]*>[^<]*</a>|<[^>]+>', "", verbatim.group(1))
    blanked = sum(p["text"] is None for p in src["passages"])
    assert blanked > 50 and "Проживал: " in plain
    assert html.unescape(plain) == "".join(p["text"] or "[скрыто]" for p in src["passages"])


def test_every_citation_on_a_person_page_lands_on_an_anchor(client: TestClient) -> None:
    person = client.get("/api/persons/1").json()
    cites = [c for f in person["facts"] for v in f["values"] for c in v["citations"]]
    cites += [a["citation"] for m in person["timeline"] for a in m["attestations"]]
    for c in cites:
        path, anchor = c["url"].split("#")
        assert f'id="{anchor}"' in client.get(path).text, c["url"]


def test_source_pages_follow_the_entries(client: TestClient) -> None:
    second = client.get("/api/sources/1", params={"page": 2}).json()
    assert [r["entry"] for r in second["records"]][:2] == [101, 102]
    first = client.get("/api/sources/1").json()
    assert first["stop"] == second["start"]  # pages tile the text
    assert client.get("/sources/1", params={"page": 999}).status_code == 404
    assert client.get("/api/sources/1", params={"page": 0}).status_code == 422


def test_an_articles_claims_and_quotes_are_marked(client: TestClient) -> None:
    sources = client.get("/api/sources").json()
    article = next(s for s in sources if s["kind"] == "article")
    src = client.get(f"/api/sources/{article['id']}").json()
    assert src["claims"] and src["quotes"]
    page = client.get(article["url"]).text
    for c in src["claims"]:
        assert f'<mark class="claim" id="claim-{c["id"]}"' in page
        assert f'href="#claim-{c["id"]}"' in page
    for q in src["quotes"]:
        assert f'<mark class="quote" id="quote-{q["id"]}"' in page
    listing = client.get("/sources").text
    assert all(s["url"] in listing for s in sources)


def test_a_page_beyond_any_entry_is_not_found(client: TestClient) -> None:
    """Pages past the last entry an INTEGER can number are refused before any query (a page
    of 2**63 once reached the database as a number SQLite cannot hold)."""
    for page in (10**6, 2**31, 2**63, 10**30):
        for path in (f"/api/sources/1?page={page}", f"/sources/1?page={page}"):
            assert client.get(path).status_code == 404, path
