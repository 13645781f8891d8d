"""The review page (/review, for the reviewer role): the nearest pair, why, and a decision
stored under the reviewer's account.

Each test edits its own copy of the linked demo registry that tests/web/conftest.py builds,
logged in as its `reviewer` account (tests/web/test_auth.py makes one per role).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import get_args
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import copy_registry
from vigil.cli import app as cli
from vigil.store import Registry
from vigil.web import create_app
from vigil.web.auth import CSRF_HEADER
from vigil.web.i18n import STRINGS
from vigil.web.pages import TEMPLATES

from .conftest import Built
from .test_auth import add_accounts, log_in

HOST = "http://127.0.0.1:8000"
SAME_SITE = {"Origin": HOST}


@pytest.fixture
def db(built: Built, tmp_path: Path) -> Path:
    path = copy_registry(built.db, tmp_path / "vigil.db")
    add_accounts(path)
    return path


def reviewing(c: TestClient, role: str = "reviewer") -> TestClient:
    """Log the client in; its writes carry the session's form token as a header."""
    c.headers[CSRF_HEADER] = log_in(c, role)
    return c


@pytest.fixture
def editor(db: Path) -> TestClient:
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        yield reviewing(c)


@pytest.fixture
def reg(db: Path) -> Registry:
    r = Registry.open(str(db))
    yield r
    r.close()


def queued(reg: Registry, n: int) -> list[tuple[int, int]]:
    run = reg.last_run()
    assert run is not None
    return [(p["record_a"], p["record_b"]) for p in reg.review_queue(run["threshold"], n)]


def test_review_shows_the_nearest_pair_explained_as_vigil_explain_does(
    editor: TestClient, reg: Registry, db: Path
) -> None:
    (a, b), *_ = queued(reg, 1)
    data = editor.get("/api/review", params={"limit": 1}).json()
    assert data["linked"] and data["threshold"] == reg.last_run()["threshold"]
    first = data["pairs"][0]
    assert (first["a"]["id"], first["b"]["id"]) == (a, b)
    stored = reg.pair(a, b)["score"]
    assert first["probability"] == stored["probability"]

    shown = CliRunner().invoke(cli, ["explain", str(a), str(b), "--db", str(db), "--json"])
    assert shown.exit_code == 0, shown.output
    cli_exp = json.loads(shown.stdout)
    exp = first["explanation"]
    assert [(s["comparison"], s["level"]) for s in exp["steps"]] == [
        (s["comparison"], s["level"]) for s in cli_exp["steps"]
    ]
    assert [s["weight"] for s in exp["steps"]] == pytest.approx(
        [s["weight"] for s in cli_exp["steps"]]
    )
    # The steps add up from the prior to the total, which is the score the link run stored.
    assert exp["prior_weight"] + sum(s["weight"] for s in exp["steps"]) == pytest.approx(
        exp["match_weight"], abs=1e-6
    )
    assert exp["steps"][-1]["running"] == pytest.approx(exp["match_weight"], abs=1e-6)
    assert exp["probability"] == pytest.approx(stored["probability"], abs=1e-9)

    page = editor.get("/review?lang=en").text
    assert re.findall(r'<article class="record" id="record-(\d+)"', page) == [str(a), str(b)]
    for rec in (first["a"], first["b"]):
        assert rec["citation"]["url"] in page  # each record cited to its source and locator
    table = page[page.index('<table class="waterfall">') : page.index("</table>")]
    for step in exp["steps"]:
        assert STRINGS["en"][f"cmp.{step['comparison']}"] in table
        assert f"{step['weight']:+.2f}" in table
    assert f"{exp['match_weight']:+.2f}" in table
    assert "No decision on this pair yet." in page
    assert 'name="verdict" value="same"' in page and 'name="verdict" value="different"' in page


def test_a_decision_is_stored_and_the_next_pair_appears(editor: TestClient, reg: Registry) -> None:
    (a, b), (c, d) = queued(reg, 2)
    form = {"a": a, "b": b, "verdict": "different", "reviewer": "Someone Else",
            "reason": "different fathers", "position": 1}  # fmt: skip
    posted = editor.post("/review/decisions", data=form, headers=SAME_SITE, follow_redirects=False)
    assert posted.status_code == 303
    assert posted.headers["location"] == f"/review?position=1&decided={a}-{b}"

    decision = reg.pair(a, b)["decisions"][-1]
    assert (decision["verdict"], decision["actor"], decision["reason"]) == (
        "different",
        "web:reviewer",
        "different fathers",
    )  # fmt: skip  (the account decides; a typed name is not asked for, nor taken)
    assert (a, b) not in queued(reg, 10_000)

    page = editor.get(posted.headers["location"] + "&lang=en").text
    assert f"Decision no. {decision['id']} on records {a} and {b} recorded" in page
    assert re.findall(r'<article class="record" id="record-(\d+)"', page) == [str(c), str(d)]
    assert '<strong class="reviewer">web:reviewer</strong>' in page  # who decides the next

    history = editor.get(f"/review/pairs/{a}/{b}", params={"lang": "en"}).text
    assert "web:reviewer decided different people" in history
    assert "different fathers" in history and "(in force)" in history


def test_the_pairs_after_the_one_shown_are_explained_ahead(
    editor: TestClient, reg: Registry
) -> None:
    from vigil.web.editing import AHEAD

    pairs = queued(reg, 1 + AHEAD)
    explanations = editor.app.state.editor.explanations
    assert not any(explanations.explained(*p) for p in pairs[1:])
    assert editor.get("/api/review", params={"limit": 1}).status_code == 200
    for _ in range(600):
        if all(explanations.explained(*p) for p in pairs):
            break
        time.sleep(0.05)
    assert [explanations.explained(*p) for p in pairs] == [True] * (1 + AHEAD)


def test_skip_moves_on_and_records_nothing(editor: TestClient, reg: Registry) -> None:
    (a, b), (c, d) = queued(reg, 2)
    form = {"a": a, "b": b, "verdict": "skip", "reviewer": "", "position": 1}
    page = editor.post("/review/decisions", data=form, headers=SAME_SITE)
    assert page.url.path == "/review" and page.url.params["position"] == "2"
    assert re.findall(r'<article class="record" id="record-(\d+)"', page.text) == [str(c), str(d)]
    assert reg.pair(a, b)["decisions"] == []


def test_a_decision_needs_the_reviewer_role(db: Path, reg: Registry) -> None:
    (a, b), *_ = queued(reg, 1)
    form = {"a": a, "b": b, "verdict": "same", "position": 1}
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        assert c.post("/review/decisions", data=form, headers=SAME_SITE).status_code == 401
        reviewing(c, "editor")  # an editor ingests; judging identities is not theirs
        assert c.post("/review/decisions", data=form, headers=SAME_SITE).status_code == 403
    assert reg.pair(a, b)["decisions"] == []


def test_decisions_through_the_api(editor: TestClient, reg: Registry) -> None:
    (a, b), *_ = queued(reg, 1)
    body = {"a": b, "b": a, "verdict": "same", "reason": "one man", "reviewer": "reviewer"}
    made = editor.post("/api/review/decisions", json=body)
    assert made.status_code == 201
    row = made.json()
    assert (row["record_a"], row["record_b"], row["actor"]) == (a, b, "web:reviewer")
    posing = editor.post("/api/review/decisions", json={**body, "reviewer": "api-user"})
    assert posing.status_code == 422 and "your own account" in posing.json()["detail"][0]["msg"]
    assert reg.pair(a, b)["decisions"][-1]["id"] == row["id"]
    listed = editor.get("/api/review", params={"limit": 50}).json()["pairs"]
    assert (a, b) not in [(p["a"]["id"], p["b"]["id"]) for p in listed]

    maybe, missing = {**body, "verdict": "maybe"}, {**body, "b": 10**9}
    assert editor.post("/api/review/decisions", json=maybe).status_code == 422
    assert editor.post("/api/review/decisions", json=missing).status_code == 404
    assert len(reg.pair(a, b)["decisions"]) == 1


def test_an_empty_queue_says_so(editor: TestClient, reg: Registry) -> None:
    for a, b in queued(reg, 100_000):
        reg.decide(a, b, "different", "tester")
    assert editor.get("/api/review").json()["pairs"] == []
    page = editor.get("/review?lang=en").text
    assert STRINGS["en"]["review.empty"] in page and 'action="/review/decisions"' not in page


def test_before_any_link_run_the_page_says_to_link(tmp_path: Path) -> None:
    db = tmp_path / "unlinked.db"
    with Registry.open(str(db)) as reg:
        reg.init()
    add_accounts(db)
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        reviewing(c)
        assert c.get("/api/review").json() == {
            "linked": False, "threshold": None, "offset": 0, "limit": 10, "more": False,
            "pairs": [],
        }  # fmt: skip
        assert STRINGS["ru"]["review.no_run"] in c.get("/review?lang=ru").text


EDITING_ROUTES = [("get", "/review"), ("get", "/review/pairs/1/2"), ("get", "/ingest"),
                  ("get", "/ingest/jobs/x"), ("get", "/api/review"),
                  ("get", "/api/ingest/jobs/x"), ("post", "/review/decisions"),
                  ("post", "/ingest"), ("post", "/api/review/decisions"),
                  ("post", "/api/ingest")]  # fmt: skip


@pytest.mark.parametrize(("method", "url"), EDITING_ROUTES)
def test_without_a_login_the_editing_routes_refuse(
    client: TestClient, method: str, url: str
) -> None:
    got = getattr(client, method)(url, follow_redirects=False)
    if method == "get" and not url.startswith("/api/"):
        assert (got.status_code, got.headers["location"]) == (
            303,
            f"/login?next={quote(url, safe='')}",
        )
    else:
        assert got.status_code == 401


def test_the_nav_shows_review_to_a_reviewer_only(client: TestClient, editor: TestClient) -> None:
    plain, reviewing_ = client.get("/?lang=en").text, editor.get("/?lang=en").text
    assert 'href="/review"' not in plain and 'href="/review"' in reviewing_
    assert 'href="/ingest"' not in reviewing_  # ingest is the editor's, not the reviewer's
    paths = set(client.get("/openapi.json").json()["paths"])
    assert "/api/review/decisions" in paths  # documented, for scripts with a bearer token


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://evil.example"}, {"Referer": "https://evil.example/page"},
     {"Origin": "http://127.0.0.1:9999"}, {"Origin": "null"}],
)  # fmt: skip
def test_a_post_from_another_site_is_refused(
    editor: TestClient, reg: Registry, headers: dict[str, str]
) -> None:
    (a, b), *_ = queued(reg, 1)
    form = {"a": a, "b": b, "verdict": "same", "reviewer": "mallory", "position": 1}
    assert editor.post("/review/decisions", data=form, headers=headers).status_code == 403
    body = {"a": a, "b": b, "verdict": "same", "reviewer": "mallory"}
    assert editor.post("/api/review/decisions", json=body, headers=headers).status_code == 403
    assert reg.pair(a, b)["decisions"] == []


def test_on_any_host_review_needs_a_login(db: Path) -> None:
    with TestClient(create_app(str(db)), base_url="http://vigil.example") as c:
        assert c.get("/review", follow_redirects=False).status_code == 303  # to /login
        assert c.get("/").status_code == 200  # the public pages are not affected
        reviewing(c)
        assert c.get("/review").status_code == 200


def test_serve_says_accounts_replace_editing(db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--editing", "--db", str(db)])
    assert result.exit_code == 1
    assert "--editing is gone" in result.stderr and "vigil user add" in result.stderr
    helped = CliRunner().invoke(cli, ["serve", "--help"])
    assert "--login-required" in helped.stdout and "--max-upload" in helped.stdout
    assert "--editing" not in helped.stdout


def _made_keys() -> dict[str, tuple[str, ...]]:
    """Key families a template completes itself (`t("verdict." ~ v)`), with every member."""
    from vigil.linkage.comparisons import all_comparisons
    from vigil.store.linkage import VERDICTS
    from vigil.web.jobs import State

    cmp = tuple(c.get_comparison("duckdb").output_column_name for c in all_comparisons())
    counts = ("records", "events", "claims", "quotes", "warnings")
    return {"verdict.": (*VERDICTS, "skip"), "cmp.": cmp, "job.state.": get_args(State),
            "job.count.": counts}  # fmt: skip


@pytest.mark.parametrize("name", ["review.html", "ingest.html", "ingest_job.html"])
def test_every_string_of_the_editing_pages_is_in_both_languages(name: str) -> None:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    keys = set(re.findall(r"""\bt\(\s*["']([a-z_.0-9]+)["']""", text))
    made = _made_keys()
    for family in {k for k in keys if k.endswith(".")}:
        keys.remove(family)
        keys |= {family + member for member in made[family]}
    assert keys
    for lang in ("ru", "en"):
        assert keys <= set(STRINGS[lang]), (lang, keys - set(STRINGS[lang]))
