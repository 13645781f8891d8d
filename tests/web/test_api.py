"""The JSON API: documented by /openapi.json, and saying what the pages say."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from vigil.cli import app


def test_openapi_lists_the_api_and_not_the_pages(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert paths == {
        "/api/search",
        "/api/persons/{person_id}",
        "/api/records/{record_id}",
        "/api/sources",
        "/api/sources/{source_id}",
        "/api/statistics/timeline",
        "/api/statistics/outcomes",
        "/api/statistics/claims",
        "/api/statistics/records",
        # for accounts (vigil.web.auth), documented for scripts with a bearer token
        "/api/login",
        "/api/logout",
        "/api/me",
        "/api/review",
        "/api/review/decisions",
        "/api/ingest",
        "/api/ingest/jobs/{job_id}",
    }
    ok = schema["paths"]["/api/persons/{person_id}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/Person")
    assert {"SearchResult", "Person", "Record", "Source", "Citation"} <= set(
        schema["components"]["schemas"]
    )
    assert client.get("/api/docs").status_code == 200


def test_search_api_and_page_agree(client: TestClient) -> None:
    params = {"q": "Иванов", "event": "arrest", "per_page": 10}
    data = client.get("/api/search", params=params).json()
    page = client.get("/", params=params).text
    links = re.findall(r'<p class="who">\s*<a href="([^"]+)"', page)
    assert links == [h["url"] for h in data["results"]]
    assert f"Найдено: {data['total']}" in page


def test_person_api_and_page_agree(client: TestClient) -> None:
    data = client.get("/api/persons/1").json()
    page = client.get("/persons/1").text
    assert re.findall(r'<article class="record" id="record-(\d+)"', page) == [
        str(r["id"]) for r in data["records"]
    ]
    for m in data["timeline"]:
        for a in m["attestations"]:
            assert a["citation"]["url"] in page


def test_serve_is_a_documented_command() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "127.0.0.1", "8000"):
        assert option in result.stdout


def test_serve_refuses_a_missing_registry(tmp_path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no registry" in result.stderr
