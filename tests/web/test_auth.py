"""Logging in to `vigil serve`: argon2 hashes, sessions, cookies, form tokens, the rate limit,
bearer tokens for scripts, and what a researcher reads that the public does not.

Each test works on its own copy of the linked demo registry (tests/web/conftest.py), with one
account per role made by the store's own code; logins go through the real form or API.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import update

from tests.conftest import copy_registry
from vigil.store import Registry, audit
from vigil.store.accounts import FAILURES_ALLOWED, ROLES, SESSION_LIFE, Accounts, now
from vigil.store.schema import login_session
from vigil.web import create_app
from vigil.web.auth import LOGIN_COOKIE, SESSION_COOKIE
from vigil.web.i18n import STRINGS

from .conftest import Built, finished_job

HOST = "http://127.0.0.1:8000"
SAME_SITE = {"Origin": HOST}
LOGIN_TOKEN = r'action="/login"[^>]*>\s*<input type="hidden" name="csrf" value="([^"]+)"'


def password(role: str) -> str:
    return f"{role} has a long passphrase"


def add_accounts(db: Path) -> None:
    """One account per role, named after it."""
    with Registry.open(str(db)) as reg:
        accounts = Accounts(reg.engine)
        for role in ROLES:
            accounts.add(role, password(role), role, "test")


def login_form(client: TestClient, name: str, pw: str, target: str = "/") -> Response:
    """The login page as a browser uses it: its form token from the page, then the POST."""
    page = client.get("/login", params={"next": target})
    token = re.search(LOGIN_TOKEN, page.text)
    assert token, page.text
    form = {"name": name, "password": pw, "csrf": token.group(1), "next": target}
    return client.post("/login", data=form, follow_redirects=False)


def log_in(client: TestClient, role: str) -> str:
    """Log in as the role's account; returns the session's form token."""
    done = login_form(client, role, password(role))
    assert done.status_code == 303, done.text
    return client.get("/api/me").json()["csrf"]


@pytest.fixture
def db(built: Built, tmp_path: Path) -> Path:
    path = copy_registry(built.db, tmp_path / "vigil.db")
    add_accounts(path)
    return path


@pytest.fixture
def site(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        yield c


@pytest.fixture
def reg(db: Path) -> Iterator[Registry]:
    r = Registry.open(str(db))
    yield r
    r.close()


def first_pair(reg: Registry) -> tuple[int, int]:
    run = reg.last_run()
    assert run is not None
    p = reg.review_queue(run["threshold"], 1)[0]
    return p["record_a"], p["record_b"]


def test_the_password_is_stored_only_as_an_argon2_hash(reg: Registry) -> None:
    with reg.engine.connect() as conn:
        stored = dict(conn.exec_driver_sql("SELECT name, password_hash FROM account").all())
    assert set(stored) == set(ROLES)
    for role, hashed in stored.items():
        assert hashed.startswith("$argon2id$") and password(role) not in hashed
        assert PasswordHasher().verify(hashed, password(role))
    again = Accounts(reg.engine)
    assert again.authenticate("editor", password("editor")) is not None
    assert again.authenticate("editor", password("reviewer")) is None


def test_logging_in_sets_a_session_cookie_and_goes_where_the_reader_was_going(
    site: TestClient, reg: Registry
) -> None:
    sent = site.get("/review", follow_redirects=False)
    assert (sent.status_code, sent.headers["location"]) == (303, "/login?next=%2Freview")
    done = login_form(site, "reviewer", password("reviewer"), "/review")
    assert (done.status_code, done.headers["location"]) == (303, "/review")
    token = site.cookies[SESSION_COOKIE]
    with reg.engine.connect() as conn:
        hashes = [r[0] for r in conn.exec_driver_sql("SELECT token_hash FROM login_session")]
    assert token not in hashes and len(hashes) == 1  # only its SHA-256 is kept
    page = site.get("/review?lang=en")
    assert page.status_code == 200 and 'href="/account">reviewer</a>' in page.text
    assert "Cache-Control" in page.headers and "no-store" in page.headers["Cache-Control"]


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_after_login_only_this_sites_pages_are_a_destination(site: TestClient, target: str) -> None:
    done = login_form(site, "reader", password("reader"), target)
    assert done.headers["location"] == "/"


@pytest.mark.parametrize("name", ["editor", "nobody"])
def test_a_wrong_password_or_name_is_refused_alike(site: TestClient, name: str) -> None:
    refused = login_form(site, name, "not the password at all")
    assert refused.status_code == 401
    assert SESSION_COOKIE not in refused.cookies
    assert STRINGS["ru"]["auth.login.wrong"] in refused.text
    api = site.post("/api/login", json={"name": name, "password": "not the password at all"})
    assert api.status_code == 401 and api.json() == {"detail": "wrong name or password"}
    assert site.get("/api/me").status_code == 401


def test_a_disabled_account_cannot_log_in_and_its_sessions_end(
    site: TestClient, reg: Registry
) -> None:
    log_in(site, "editor")
    assert site.get("/ingest").status_code == 200
    assert Accounts(reg.engine).disable("editor", "test") == 1
    assert site.get("/ingest", follow_redirects=False).status_code == 303  # to /login
    assert login_form(site, "editor", password("editor")).status_code == 401


def test_after_too_many_failures_even_the_right_password_is_refused(
    site: TestClient, reg: Registry
) -> None:
    for _ in range(FAILURES_ALLOWED):
        assert (
            site.post("/api/login", json={"name": "admin", "password": "guess"}).status_code == 401
        )
    right = {"name": "admin", "password": password("admin")}
    refused = site.post("/api/login", json=right)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    page = login_form(site, "admin", password("admin"))
    assert page.status_code == 429 and "Retry-After" in page.headers
    minutes = -(-int(page.headers["Retry-After"]) // 60)
    assert STRINGS["ru"]["auth.login.refused"].format(minutes=minutes) in page.text
    assert SESSION_COOKIE not in site.cookies
    with reg.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, address FROM login_failure").all()
    assert rows == [("admin", "testclient")] * FAILURES_ALLOWED  # refusals are not failures
    # Another name from the same address is refused too: the address has failed too often.
    assert site.post("/api/login", json={"name": "reader", "password": password("reader")}
                     ).status_code == 429  # fmt: skip
    # Fifteen minutes on, the name may log in again.
    later = now() + timedelta(minutes=15, seconds=1)
    assert Accounts(reg.engine).retry_after("admin", "elsewhere", later) is None
    assert Accounts(reg.engine).login("admin", password("admin"), "elsewhere", later)


def test_a_form_without_its_token_is_refused(site: TestClient, reg: Registry) -> None:
    csrf = log_in(site, "reviewer")
    a, b = first_pair(reg)
    form = {"a": a, "b": b, "verdict": "different", "reason": "two men", "position": 1}
    for token in (None, "forged", csrf[:-1]):
        sent = site.post("/review/decisions?lang=en", data={**form, "csrf": token} if token
                         else form, follow_redirects=False)  # fmt: skip
        assert sent.status_code == 403 and "security token" in sent.text
        assert STRINGS["en"]["error.403"] in sent.text
    # sent as multipart (which a page elsewhere can post too): still read, still refused
    multipart = site.post("/review/decisions", data=form, files={"note": ("n.txt", b"x")})
    assert multipart.status_code == 403
    assert site.post("/api/review/decisions", json={"a": a, "b": b, "verdict": "same"}
                     ).status_code == 403  # fmt: skip
    assert reg.pair(a, b)["decisions"] == []
    done = site.post("/review/decisions", data={**form, "csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303
    [decision] = reg.pair(a, b)["decisions"]
    assert (decision["verdict"], decision["actor"]) == ("different", "web:reviewer")
    [entry] = reg.audit_log(1, "decision")
    assert entry["actor"] == "web:reviewer"


def test_an_upload_without_its_token_is_refused(site: TestClient, db: Path) -> None:
    csrf = log_in(site, "editor")
    data = "№;Фамилия;Имя\n1;Токенов;Фёдор\n".encode()
    files = {"file": ("list.csv", data)}
    fields = {"format": "table", "id_column": "№"}
    assert site.post("/ingest", files=files, data=fields).status_code == 403
    assert site.post("/api/ingest", files=files, data=fields).status_code == 403
    assert "/ingest/jobs/" not in site.get("/ingest").text
    sent = site.post("/ingest", files=files, data={**fields, "csrf": csrf},
                     follow_redirects=False)  # fmt: skip
    assert sent.status_code == 303
    state = finished_job(site, sent.headers["location"].rsplit("/", 1)[-1])
    assert state["state"] == "done", state
    with Registry.open(str(db)) as reg:
        [entry] = reg.audit_log(1, "ingest")
    assert entry["actor"] == "web:editor"


def test_the_login_form_needs_its_own_token(site: TestClient) -> None:
    form = {"name": "reader", "password": password("reader"), "next": "/"}
    assert site.post("/login", data=form).status_code == 403
    site.get("/login")
    assert site.post("/login", data={**form, "csrf": "forged"}).status_code == 403
    assert SESSION_COOKIE not in site.cookies


def test_a_session_expires_and_logging_out_ends_it(site: TestClient, reg: Registry) -> None:
    csrf = log_in(site, "reader")
    token = site.cookies[SESSION_COOKIE]
    accounts = Accounts(reg.engine)
    session = accounts.session(token)
    assert session is not None
    assert session.expires_at - now() <= SESSION_LIFE
    assert accounts.session(token, session.expires_at) is None  # the moment it ends
    with reg.engine.begin() as conn:  # twelve hours pass
        conn.execute(update(login_session).values(expires_at=datetime(2000, 1, 1, tzinfo=UTC)))
    assert site.get("/api/me").status_code == 401
    assert site.get("/account", follow_redirects=False).status_code == 303
    assert accounts.expire() == 1

    csrf = log_in(site, "reader")
    token = site.cookies[SESSION_COOKIE]
    out = site.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303 and SESSION_COOKIE not in site.cookies
    assert accounts.session(token) is None
    site.cookies.set(SESSION_COOKIE, token)  # a copy of the old cookie opens nothing
    assert site.get("/api/me").status_code == 401


@pytest.mark.parametrize(
    ("base", "secure_cookies", "secure"),
    [("http://127.0.0.1:8000", False, False), ("https://vigil.example", False, True),
     ("http://vigil.example", True, True)],
)  # fmt: skip
def test_cookie_flags(db: Path, base: str, secure_cookies: bool, secure: bool) -> None:
    with TestClient(create_app(str(db), secure_cookies=secure_cookies), base_url=base) as c:
        page = c.get("/login")
        login_cookie = page.headers["set-cookie"]
        assert f"{LOGIN_COOKIE}=" in login_cookie and "HttpOnly" in login_cookie
        assert ("Secure" in login_cookie) == secure
        token = re.search(LOGIN_TOKEN, page.text).group(1)
        c.cookies.set(LOGIN_COOKIE, token)  # as the browser on the https side would send it
        form = {"name": "reader", "password": password("reader"), "csrf": token, "next": "/"}
        done = c.post("/login", data=form, follow_redirects=False)
        assert done.status_code == 303
        [cookie] = [h for h in done.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE)]
        flags = {f.strip().split("=")[0].lower(): f.strip() for f in cookie.split(";")[1:]}
        assert "httponly" in flags and flags["path"] == "Path=/"
        assert flags["samesite"].lower() == "samesite=lax"
        assert ("secure" in flags) == secure


def test_a_bearer_token_opens_the_api_for_scripts(site: TestClient, reg: Registry) -> None:
    got = site.post("/api/login", json={"name": "reviewer", "password": password("reviewer")})
    assert got.status_code == 200 and got.json()["role"] == "reviewer"
    assert SESSION_COOKIE not in site.cookies  # the API login sets no cookie
    bearer = {"Authorization": f"Bearer {got.json()['token']}"}
    assert site.get("/api/review", params={"limit": 1}, headers=bearer).status_code == 200
    a, b = first_pair(reg)
    # No form token: a bearer request carries no ambient credential another site could use.
    made = site.post("/api/review/decisions", json={"a": a, "b": b, "verdict": "same"},
                     headers=bearer)  # fmt: skip
    assert made.status_code == 201 and made.json()["actor"] == "web:reviewer"
    other = {"a": a, "b": b, "verdict": "same", "reviewer": "someone else"}
    assert site.post("/api/review/decisions", json=other, headers=bearer).status_code == 422
    assert site.post("/api/ingest", headers=bearer).status_code == 403  # a reviewer's token
    assert site.post("/api/logout", headers=bearer).status_code == 204
    assert site.get("/api/review", headers=bearer).status_code == 401
    wrong = {"Authorization": "Bearer not-a-token"}
    assert site.get("/api/review", headers=wrong).status_code == 401
    assert site.get("/api/sources", headers=wrong).status_code == 401  # said, not ignored


def test_a_researcher_reads_a_withheld_person_the_public_cannot(
    site: TestClient, built: Built, reg: Registry
) -> None:
    rid = built.ids["Живов"]
    pid = reg.pair(rid, 1)["persons"][rid]
    urls = (f"/api/records/{rid}", f"/records/{rid}", f"/api/persons/{pid}", f"/persons/{pid}")
    for url in urls:
        assert site.get(url).status_code == 404
    log_in(site, "reader")
    assert all(site.get(url).status_code == 404 for url in urls)
    site.post("/logout", data={"csrf": site.get("/api/me").json()["csrf"]})
    log_in(site, "researcher")
    for url in urls:
        got = site.get(url)
        assert got.status_code == 200 and "Живов" in got.text
    found = site.get("/api/search", params={"q": "Живов"}).json()
    assert found["total"] >= 1
    note = STRINGS["en"]["auth.unscreened"].format(role=STRINGS["en"]["role.researcher"])
    assert note in site.get(f"/records/{rid}?lang=en").text
    # read-only: the writing pages stay closed to a researcher
    assert site.get("/review").status_code == 403 and site.get("/ingest").status_code == 403


def test_a_login_needs_the_reader_role_everywhere_with_login_required(db: Path) -> None:
    with TestClient(create_app(str(db), login_required=True), base_url=HOST) as c:
        sent = c.get("/sources", follow_redirects=False)
        assert (sent.status_code, sent.headers["location"]) == (303, "/login?next=%2Fsources")
        assert c.get("/api/sources").status_code == 401
        assert c.get("/static/style.css").status_code == 200  # the login page's style
        assert c.get("/login").status_code == 200
        log_in(c, "reader")
        assert c.get("/sources").status_code == 200 and c.get("/api/sources").status_code == 200


def test_the_header_shows_login_or_the_account_and_the_pages_a_role_may_use(
    site: TestClient,
) -> None:
    plain = site.get("/?lang=en").text
    assert 'href="/login?next=/"' in plain and 'href="/review"' not in plain
    for role, review, ingest in (("editor", False, True), ("reviewer", True, False),
                                 ("admin", True, True)):  # fmt: skip
        site.cookies.clear()
        csrf = log_in(site, role)
        page = site.get("/?lang=en").text
        assert ('href="/review"' in page, 'href="/ingest"' in page) == (review, ingest), role
        assert f'name="csrf" value="{csrf}"' in page  # the logout form carries its token
        assert "/login" not in page


@pytest.mark.parametrize("name", ["login.html", "account.html", "base.html"])
def test_every_string_of_the_account_pages_is_in_both_languages(name: str) -> None:
    from vigil.web.auth import LEVELS
    from vigil.web.pages import TEMPLATES

    text = (TEMPLATES / name).read_text(encoding="utf-8")
    keys = set(re.findall(r"""\bt\(\s*["']([a-z_.0-9]+)["']""", text))
    made = {"auth.": ("login.wrong", "login.refused"), "role.": LEVELS}
    for family in {k for k in keys if k.endswith(".")}:
        keys.remove(family)
        keys |= {family + m for m in made[family]}
    keys |= {f"role.{r}.may" for r in LEVELS}
    keys |= {f"error.{s}{t}" for s in (401, 403, 429) for t in ("", ".text")}
    for lang in ("ru", "en"):
        assert keys <= set(STRINGS[lang]), (lang, keys - set(STRINGS[lang]))


def test_account_changes_are_in_the_audit_log(reg: Registry) -> None:
    accounts = Accounts(reg.engine)
    accounts.add("newbie", "a passphrase of words", "reader", "cli:tester")
    accounts.passwd("newbie", "another passphrase here", "cli:tester")
    accounts.set_role("newbie", "researcher", "cli:tester")
    accounts.disable("newbie", "cli:tester")
    with reg.engine.connect() as conn:
        mine = [e for e in audit.entries(conn) if e["subject"] == "account newbie"]
        assert audit.verify(conn).ok
    assert [(e["action"], e["actor"]) for e in mine] == [
        ("account.add", "cli:tester"), ("account.passwd", "cli:tester"),
        ("account.role", "cli:tester"), ("account.disable", "cli:tester"),
    ]  # fmt: skip
    assert not any("passphrase" in e["detail"] for e in mine)
