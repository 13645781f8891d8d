"""The privacy default in the app: a withheld person is nowhere, and reads as missing."""

from __future__ import annotations

import math

from fastapi.testclient import TestClient

from vigil.store import Registry

from .conftest import Built

HIDDEN = ("Живов", "Молодцов", "Неизвестнов")  # born 1990; arrested 2015 only; no dates at all


def test_withheld_people_are_absent_from_search_and_its_counts(client: TestClient) -> None:
    for surname in HIDDEN:
        assert client.get("/api/search", params={"q": surname}).json()["total"] == 0
        page = client.get("/", params={"q": surname, "lang": "ru"}).text
        assert "Никого не найдено." in page and 'class="hit"' not in page
    recent = client.get("/api/search", params={"event": "arrest", "year_from": 2000}).json()
    assert recent["total"] == 0 and recent["results"] == []
    # arrested in 1937 with no birth date: old enough, so shown
    assert client.get("/api/search", params={"q": "Безгодов"}).json()["total"] == 1


def test_counts_equal_what_can_be_paged_through(client: TestClient) -> None:
    found = client.get("/api/search", params={"event": "arrest", "per_page": 100}).json()
    shown = []
    for page in range(1, math.ceil(found["total"] / 100) + 1):
        params = {"event": "arrest", "per_page": 100, "page": page}
        shown += client.get("/api/search", params=params).json()["results"]
    assert len(shown) == found["total"]
    assert not any(h["name"]["surname"] in HIDDEN for h in shown)


def test_a_withheld_persons_pages_404_like_a_missing_id(
    client: TestClient, registry: Registry, built: Built
) -> None:
    rid = built.ids["Живов"]
    pid = registry.pair(rid, 1)["persons"][rid]  # the operator's view: no policy
    missing_api = client.get("/api/persons/999999")
    missing_page = client.get("/persons/999999")
    for url, missing in (
        (f"/api/persons/{pid}", missing_api),
        (f"/persons/{pid}", missing_page),
        (f"/api/records/{rid}", client.get("/api/records/999999")),
        (f"/records/{rid}", client.get("/records/999999")),
    ):
        got = client.get(url)
        assert got.status_code == 404
        assert got.text.replace(str(pid), "").replace(str(rid), "") == missing.text.replace(
            "999999", ""
        )
        assert "Живов" not in got.text


def test_a_withheld_record_on_its_source_page_has_no_name(client: TestClient, built: Built) -> None:
    src = client.get(f"/api/sources/{built.extra_source}").json()
    hidden = [r for r in src["records"] if r["withheld"]]
    assert len(hidden) == 3
    assert all(r["id"] is None and r["name_written"] is None for r in hidden)
    assert sum(p["text"] is None for p in src["passages"]) == 3
    text = "".join(p["text"] or "" for p in src["passages"])
    assert "Троцкий" in text and "Безгодов" in text
    page = client.get(f"/sources/{built.extra_source}", params={"lang": "en"}).text
    assert page.count("[withheld]") == 3
    for surname in HIDDEN:
        assert surname not in page and surname not in str(src)
    assert "1990" not in page  # nor what else the entry says
