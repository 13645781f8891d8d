"""Every route of the app, for every role: each role can do exactly what it may, and no more.

The test walks `app.routes`: a route that declares no role, or one this file does not list,
fails it. For each route and each caller (anonymous, then one real logged-in session per role)
it makes a real request (with the session's real form token on a POST) and checks that the
route answered when the role may use it, and refused (401, 403, or a redirect to /login)
when it may not. Then every POST is sent without its token and must get 403. The whole matrix
runs twice: as served by default, and with `--login-required`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from starlette.routing import Mount

from tests.conftest import copy_registry
from vigil.store import Registry
from vigil.web import auth, create_app

from .conftest import Built
from .test_auth import HOST, LOGIN_TOKEN, add_accounts, log_in, password

CALLERS = ("anonymous", "reader", "researcher", "editor", "reviewer", "admin")
# Which routes each caller may use, by the role the route needs: written out here, not read
# from vigil.web.auth, so that a change to the table there must be made here too.
ALLOWED = {
    "anonymous": {"anonymous"},
    "reader": {"anonymous", "reader"},
    "researcher": {"anonymous", "reader", "researcher"},
    "editor": {"anonymous", "reader", "researcher", "editor"},
    "reviewer": {"anonymous", "reader", "researcher", "reviewer"},
    "admin": {"anonymous", "reader", "researcher", "editor", "reviewer", "admin"},
}
PUBLIC = "public"  # anonymous, or reader with --login-required
CSV = "№;Фамилия;Имя;Отчество;Год рождения\n1;Ролев;Тест;Тестович;1890\n".encode()


@dataclass
class Ids:
    person: int
    record: int
    source: int
    pair: tuple[int, int]
    job: str


@dataclass
class Ask:
    """One request: what to send and the status a caller who may use the route gets."""

    url: str
    ok: int
    form: dict[str, Any] | None = None
    json: dict[str, Any] | None = None
    upload: bool = False
    fresh: bool = False  # it ends the caller's session: made with a session of its own
    token: bool = True  # a session's POST must carry the form token


def _asks(ids: Ids) -> dict[tuple[str, str], tuple[str, Ask]]:
    """(method, route path) -> (the role it needs, how to call it)."""
    a, b = ids.pair
    stats = "figure=cell&by=type&key=arrest&bucket=1937"
    decision = {"a": a, "b": b, "verdict": "skip", "position": 1}
    return {
        ("GET", "/"): (PUBLIC, Ask("/?q=Троцкий", 200)),
        ("GET", "/api/search"): (PUBLIC, Ask("/api/search?q=Троцкий", 200)),
        ("GET", "/persons/{person_id}"): (PUBLIC, Ask(f"/persons/{ids.person}", 200)),
        ("GET", "/api/persons/{person_id}"): (PUBLIC, Ask(f"/api/persons/{ids.person}", 200)),
        ("GET", "/records/{record_id}"): (PUBLIC, Ask(f"/records/{ids.record}", 200)),
        ("GET", "/api/records/{record_id}"): (PUBLIC, Ask(f"/api/records/{ids.record}", 200)),
        ("GET", "/sources"): (PUBLIC, Ask("/sources", 200)),
        ("GET", "/sources/{source_id}"): (PUBLIC, Ask(f"/sources/{ids.source}", 200)),
        ("GET", "/api/sources"): (PUBLIC, Ask("/api/sources", 200)),
        ("GET", "/api/sources/{source_id}"): (PUBLIC, Ask(f"/api/sources/{ids.source}", 200)),
        ("GET", "/statistics"): (PUBLIC, Ask("/statistics", 200)),
        ("GET", "/statistics/records"): (PUBLIC, Ask(f"/statistics/records?{stats}", 200)),
        ("GET", "/api/statistics/timeline"): (PUBLIC, Ask("/api/statistics/timeline", 200)),
        ("GET", "/api/statistics/outcomes"): (PUBLIC, Ask("/api/statistics/outcomes", 200)),
        ("GET", "/api/statistics/claims"): (PUBLIC, Ask("/api/statistics/claims", 200)),
        ("GET", "/api/statistics/records"): (
            PUBLIC,
            Ask(f"/api/statistics/records?{stats}", 200),
        ),
        ("GET", "/openapi.json"): (PUBLIC, Ask("/openapi.json", 200)),
        ("GET", "/api/docs"): (PUBLIC, Ask("/api/docs", 200)),
        ("GET", "/review"): ("reviewer", Ask("/review", 200)),
        ("GET", "/review/pairs/{a}/{b}"): ("reviewer", Ask(f"/review/pairs/{a}/{b}", 200)),
        ("POST", "/review/decisions"): ("reviewer", Ask("/review/decisions", 303, form=decision)),
        ("GET", "/api/review"): ("reviewer", Ask("/api/review?limit=1", 200)),
        ("POST", "/api/review/decisions"): (
            "reviewer",
            Ask("/api/review/decisions", 201, json={"a": a, "b": b, "verdict": "different"}),
        ),
        ("GET", "/ingest"): ("editor", Ask("/ingest", 200)),
        ("POST", "/ingest"): ("editor", Ask("/ingest", 303, upload=True)),
        ("GET", "/ingest/jobs/{job_id}"): ("editor", Ask(f"/ingest/jobs/{ids.job}", 200)),
        ("POST", "/api/ingest"): ("editor", Ask("/api/ingest", 202, upload=True)),
        ("GET", "/api/ingest/jobs/{job_id}"): ("editor", Ask(f"/api/ingest/jobs/{ids.job}", 200)),
        ("GET", "/login"): ("anonymous", Ask("/login", 200)),
        # Logging in anew ends the session the caller had; the form's token is the login
        # page's own (a cookie of its own, since there is no session yet).
        ("POST", "/login"): ("anonymous", Ask("/login", 303, fresh=True)),
        ("POST", "/logout"): ("reader", Ask("/logout", 303, form={}, fresh=True)),
        ("GET", "/account"): ("reader", Ask("/account", 200)),
        # JSON only, with no session to ride on: a page elsewhere cannot send it (no CORS).
        ("POST", "/api/login"): ("anonymous", Ask("/api/login", 200, token=False)),
        ("POST", "/api/logout"): ("reader", Ask("/api/logout", 204, json={}, fresh=True)),
        ("GET", "/api/me"): ("reader", Ask("/api/me", 200)),
    }


def _refused(method: str, url: str, r: Response) -> bool:
    if r.status_code in (401, 403):
        return True
    return (
        method == "GET"
        and not url.startswith(("/api/", "/openapi.json"))
        and r.status_code == 303
        and r.headers["location"].startswith("/login?next=")
    )


class Session:
    """A caller: a client with its own cookies, logged in through the real login form."""

    def __init__(self, app: FastAPI, role: str) -> None:
        self.app, self.role = app, role
        self.client = TestClient(app, base_url=HOST)
        self.csrf = log_in(self.client, role) if role != "anonymous" else None

    def again(self) -> Session:
        return Session(self.app, self.role)

    def send(self, method: str, ask: Ask, with_token: bool = True) -> Response:
        c, kw = self.client, {"follow_redirects": False}
        if method == "GET":
            return c.get(ask.url, **kw)
        name = self.role if self.role != "anonymous" else "reader"
        if ask.url == "/login":
            page = c.get("/login")
            found = re.search(LOGIN_TOKEN, page.text)
            assert found is not None
            form = {"name": name, "password": password(name), "next": "/"}
            if with_token:
                form["csrf"] = found.group(1)
            return c.post("/login", data=form, **kw)
        if ask.url == "/api/login":
            return c.post("/api/login", json={"name": name, "password": password(name)}, **kw)
        token = self.csrf if with_token else None
        if ask.upload:
            fields = {"format": "table", "id_column": "№"}
            if token:
                fields["csrf"] = token
            return c.post(ask.url, files={"file": ("roles.csv", CSV)}, data=fields, **kw)
        if ask.json is not None:
            headers = {auth.CSRF_HEADER: token} if token else {}
            return c.post(ask.url, json=ask.json, headers=headers, **kw)
        form = {**(ask.form or {}), **({"csrf": token} if token else {})}
        return c.post(ask.url, data=form, **kw)


@pytest.fixture(scope="module")
def db(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    path = copy_registry(built.db, tmp_path_factory.mktemp("roles") / "vigil.db")
    add_accounts(path)
    return path


def _ids(app: FastAPI, db: Path, built: Built) -> Ids:
    with Registry.open(str(db)) as reg:
        run = reg.last_run()
        assert run is not None
        p = reg.review_queue(run["threshold"], 1)[0]
        person = reg.pair(1, 2)["persons"][1]
    admin = Session(app, "admin")
    sent = admin.send("POST", Ask("/api/ingest", 202, upload=True))
    assert sent.status_code == 202, sent.text
    return Ids(person, 1, built.extra_source, (p["record_a"], p["record_b"]), sent.json()["id"])


@pytest.fixture(scope="module", params=[False, True], ids=["open", "login-required"])
def served(request: pytest.FixtureRequest, db: Path, built: Built) -> Iterator[tuple]:
    app = create_app(str(db), login_required=request.param)
    with TestClient(app, base_url=HOST):  # runs the app's startup and shutdown
        yield app, request.param, _ids(app, db, built)


def test_every_route_declares_its_role_and_each_role_gets_exactly_what_it_may(
    served: tuple[FastAPI, bool, Ids],
) -> None:
    app, login_required, ids = served
    asks = _asks(ids)
    assert {k: frozenset(v) for k, v in ALLOWED.items()} == auth.MAY
    # 1. Every route as served declares one role, the one listed here.
    seen: set[tuple[str, str]] = set()
    for route in auth.route_roles(app.routes):
        if isinstance(route, Mount):
            assert route.path == "/static", f"a mount with no role: {route.path}"
            continue
        assert isinstance(route, auth.RouteRole), f"not an API route: {route!r}"
        assert len(route.roles) == 1, f"{route.path} declares {route.roles or 'no role'}"
        for method in route.methods:
            key = (method, route.path)
            assert key in asks, f"{method} {route.path} is not in this test's table: add it"
            role = asks[key][0]
            expected = ("reader" if login_required else "anonymous") if role == PUBLIC else role
            assert route.roles[0] == expected, (key, route.roles)
            seen.add(key)
    assert seen == set(asks), f"listed here but not served: {set(asks) - seen}"

    # 2. A real request per route and caller, with the caller's real session and token.
    callers = {role: Session(app, role) for role in CALLERS}
    wrong: list[str] = []
    for (method, _path), (role, ask) in sorted(asks.items()):
        needs = ("reader" if login_required else "anonymous") if role == PUBLIC else role
        for name in CALLERS:
            caller = callers[name].again() if ask.fresh and name != "anonymous" else callers[name]
            got = caller.send(method, ask)
            may = needs in ALLOWED[name]
            if may and got.status_code != ask.ok:
                wrong.append(f"{name} {method} {ask.url}: {got.status_code}, not {ask.ok}")
            if not may and not _refused(method, ask.url, got):
                wrong.append(f"{name} {method} {ask.url}: {got.status_code}, not refused")
            session_post = method == "POST" and ask.token and name != "anonymous"
            if (may and session_post) or (method == "POST" and ask.url == "/login"):
                caller = callers[name].again() if ask.fresh and name != "anonymous" else caller
                forged = caller.send(method, ask, with_token=False)
                if forged.status_code != 403:
                    wrong.append(
                        f"{name} {method} {ask.url} without its token: {forged.status_code}"
                    )
    assert not wrong, "\n".join(wrong)
    assert TestClient(app).get("/static/style.css").status_code == 200
