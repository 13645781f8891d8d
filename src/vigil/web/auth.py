"""Who may do what on `vigil serve`: roles, logins, sessions and form tokens (CSRF).

Every route declares the role it needs with a `Needs` dependency (the public routers get theirs
where app.py includes them), and a caller may use a route when the route's role is in the
caller's row of MAY. This is the one table; tests/web/test_roles.py proves it route by route.

    route needs →   anonymous  reader  researcher  editor  reviewer  admin
    caller ↓
    anonymous           ✓
    reader              ✓        ✓
    researcher          ✓        ✓        ✓
    editor              ✓        ✓        ✓          ✓
    reviewer            ✓        ✓        ✓                  ✓
    admin               ✓        ✓        ✓          ✓       ✓        ✓

- anonymous: the public pages and API, privacy applied (with `--login-required`, only /login).
- reader: the same, plus their account page and logging out.
- researcher: also reads what the privacy policy withholds (persons who may be alive), read-only.
- editor: also ingests sources (/ingest). reviewer: also decides pairs (/review).
  The two are parallel, not ordered: adding sources and judging identities are separate
  trusts (an ingest clerk need not merge people; a reviewer need not add documents), and
  each shows records unscreened, so both include researcher. admin has both.

A session is a random token in an HttpOnly cookie (SameSite=Lax: a link from elsewhere, e.g. a
colleague's message pointing at a withheld person, opens logged in; every write is a POST that
needs the session's form token and a same-site Origin anyway), Secure over https or with
`--secure-cookies`. Scripts send the same token as `Authorization: Bearer`, from POST /api/login;
a bearer request carries no ambient credential, so it needs no form token.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute

from vigil.store.accounts import ROLES, Account, Accounts, BadLogin, LoginRefused, Session
from vigil.web.pages import render

ANONYMOUS = "anonymous"
LEVELS = (ANONYMOUS, *ROLES)
_ALL = frozenset(LEVELS)
MAY: dict[str, frozenset[str]] = {
    "anonymous": frozenset({"anonymous"}),
    "reader": frozenset({"anonymous", "reader"}),
    "researcher": frozenset({"anonymous", "reader", "researcher"}),
    "editor": frozenset({"anonymous", "reader", "researcher", "editor"}),
    "reviewer": frozenset({"anonymous", "reader", "researcher", "reviewer"}),
    "admin": _ALL,
}
assert set(MAY) == _ALL and all(MAY[r] <= _ALL for r in MAY)

SESSION_COOKIE = "vigil_session"
LOGIN_COOKIE = "vigil_login"  # the login form's token (double submit): there is no session yet
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginNeeded(HTTPException):
    """No one is logged in: pages send the browser to /login, the API answers 401."""

    def __init__(self, detail: str = "log in first") -> None:
        super().__init__(401, detail, headers={"WWW-Authenticate": "Bearer"})


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a request: anonymous, or an account through a session."""

    role: str = ANONYMOUS
    session: Session | None = None
    bearer: bool = False  # the token came in the Authorization header, not a cookie

    @property
    def account(self) -> Account | None:
        return self.session.account if self.session else None

    @property
    def name(self) -> str | None:
        return self.session.account.name if self.session else None

    @property
    def actor(self) -> str:
        """As the audit log names a web user."""
        return f"web:{self.name}" if self.name else "web:anonymous"

    @property
    def csrf(self) -> str | None:
        return self.session.csrf if self.session else None

    def may(self, role: str) -> bool:
        return role in MAY[self.role]


def accounts(request: Request) -> Accounts:
    return request.app.state.accounts


def identify(request: Request) -> Caller:
    """The caller, found once per request from the bearer token or the session cookie."""
    known = getattr(request.state, "caller", None)
    if known is not None:
        return known
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if header and scheme.lower() == "bearer":
        session = accounts(request).session(token.strip())
        if session is None:
            raise LoginNeeded("the bearer token is unknown, expired or logged out")
        caller = Caller(session.account.role, session, bearer=True)
    else:
        session = accounts(request).session(request.cookies.get(SESSION_COOKIE, ""))
        caller = Caller(session.account.role, session) if session else Caller()
    request.state.caller = caller
    return caller


def check_sender(request: Request) -> None:
    """A write whose Origin or Referer names another site is refused, whoever sends it."""
    if request.method in SAFE_METHODS:
        return
    host = request.headers.get("host", "")
    sender = request.headers.get("origin") or request.headers.get("referer")
    if sender is not None and urlsplit(sender).netloc != host:
        raise HTTPException(403, f"refused: a form sent from {sender!r} to {host!r} (another site)")


def check_token(caller: Caller, submitted: str | None) -> None:
    """The form token must be the session's own (403 otherwise)."""
    expected = caller.csrf
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPException(
            403,
            "refused: the form's security token is missing or out of date "
            "(reload the page and send it again)",
        )


async def check_csrf(request: Request, caller: Caller, uploads: bool = False) -> None:
    """A write made with the session cookie carries the session's form token, in the
    X-CSRF-Token header or the form's `csrf` field. An upload route (`uploads`) reads its
    multipart body itself, under a size limit, so it checks the field itself: `pending_token`."""
    if caller.bearer or caller.session is None or request.method in SAFE_METHODS:
        return
    submitted = request.headers.get(CSRF_HEADER)
    kind = request.headers.get("content-type", "")
    is_form = kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
    if submitted is None and uploads and kind.startswith("multipart/form-data"):
        request.state.csrf_pending = True
        return
    if submitted is None and is_form:
        value = (await request.form()).get(CSRF_FIELD)
        submitted = value if isinstance(value, str) else None
    check_token(caller, submitted)


def pending_token(request: Request, submitted: object) -> None:
    """For routes that parse their own multipart body: check the token `check_csrf` left."""
    if getattr(request.state, "csrf_pending", False):
        check_token(identify(request), submitted if isinstance(submitted, str) else None)
        request.state.csrf_pending = False


class Needs:
    """The dependency by which a route declares its role: it identifies the caller, refuses
    one without the role (401 when no one is logged in, else 403), and checks every write's
    origin and form token. Returns the caller."""

    def __init__(self, role: str, *, session_token: bool = True, uploads: bool = False) -> None:
        if role not in MAY:
            raise ValueError(f"unknown role {role!r}; known: {', '.join(LEVELS)}")
        self.role = role
        self.session_token = session_token
        self.uploads = uploads  # the route checks a multipart form's token: `pending_token`

    def __repr__(self) -> str:
        return f"Needs({self.role!r})"

    async def __call__(self, request: Request) -> Caller:
        caller = await run_in_threadpool(identify, request)
        check_sender(request)
        if not caller.may(self.role):
            if caller.session is None:
                raise LoginNeeded()
            raise HTTPException(
                403, f"refused: this needs the {self.role} role; {caller.name} is {caller.role}"
            )
        if self.session_token:
            await check_csrf(request, caller, self.uploads)
        return caller


PUBLIC = Needs(ANONYMOUS)
# Logging in rides on no session, so it cannot need the session's token: the form carries the
# login page's own (double submit, `LOGIN_COOKIE`), and the API takes JSON only, which a page
# on another site cannot send here (no CORS). The Origin check still applies to both.
LOGGING_IN = Needs(ANONYMOUS, session_token=False)
READER = Needs("reader")
RESEARCHER = Needs("researcher")
EDITOR = Needs("editor")
UPLOADER = Needs("editor", uploads=True)  # the ingest form and API: see `pending_token`
REVIEWER = Needs("reviewer")
ADMIN = Needs("admin")


@dataclass(frozen=True, slots=True)
class RouteRole:
    """One route of an app as served, and the roles its `Needs` dependencies declare."""

    path: str
    methods: frozenset[str]
    roles: tuple[str, ...]


def _declared(dependant: Any) -> tuple[str, ...]:
    found: list[str] = []
    stack = list(dependant.dependencies)
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Needs):
            found.append(dep.call.role)
        stack.extend(dep.dependencies)
    return tuple(found)


def route_roles(routes: Iterable[BaseRoute]) -> Iterator[RouteRole | BaseRoute]:
    """Every route as served, with its declared roles; a route that is not an API route (the
    static files' mount) comes as it is. FastAPI ≥ 0.150 includes a router lazily, as one
    entry whose routes it resolves with the router's dependencies; older ones copy them."""
    for route in routes:
        resolve = getattr(route, "effective_route_contexts", None)
        if resolve is not None:
            for ctx in resolve():
                if getattr(ctx, "dependant", None) is None:  # a mount within a router
                    yield ctx.starlette_route or ctx.original_route
                else:
                    yield RouteRole(
                        ctx.path, frozenset(ctx.methods or ()), _declared(ctx.dependant)
                    )
        elif isinstance(route, APIRoute):
            yield RouteRole(route.path, frozenset(route.methods), _declared(route.dependant))
        else:
            yield route


# -- cookies ---------------------------------------------------------------------------------


def secure(request: Request) -> bool:
    """Secure cookies over https (uvicorn believes a local proxy's X-Forwarded-Proto), or
    always with `--secure-cookies`."""
    return request.url.scheme == "https" or bool(request.app.state.secure_cookies)


def set_session_cookie(response: Response, request: Request, token: str, max_age: int) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=max_age, path="/", httponly=True,
                        samesite="lax", secure=secure(request))  # fmt: skip


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (never //other.example)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def login_url(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(here, safe='')}"


# -- routes ----------------------------------------------------------------------------------

# What a route that needs a login may answer besides its own responses, for the OpenAPI schema.
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"description": "not logged in (no session cookie or bearer token)"},
    403: {"description": "logged in without the role this needs, or a missing CSRF token"},
}

router = APIRouter()
api = APIRouter(prefix="/api", tags=["accounts"])


def _login_page(
    request: Request,
    caller: Caller,
    *,
    error: str | None = None,
    status: int = 200,
    name: str = "",
    target: str | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    goal = safe_next(target or request.query_params.get("next"))
    wait = int((headers or {}).get("Retry-After", 0))
    ctx = {"me": caller, "error": error, "name": name, "next": goal, "login_token": token,
           "minutes": -(-wait // 60)}  # fmt: skip
    response = render(request, "login.html", ctx, status)
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, path="/login", httponly=True,
                        samesite="strict", secure=secure(request))  # fmt: skip
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, caller: Annotated[Caller, Depends(PUBLIC)]) -> HTMLResponse:
    return _login_page(request, caller)


@router.post("/login", include_in_schema=False)
def login_form(
    request: Request,
    caller: Annotated[Caller, Depends(LOGGING_IN)],
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    target: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    """Log in from the form: a new session cookie, then back where the reader was going."""
    sent = request.cookies.get(LOGIN_COOKIE, "")
    if not sent or not csrf or not hmac.compare_digest(sent, csrf):
        raise HTTPException(403, "refused: the login form is out of date; reload it and log in")
    try:
        token = accounts(request).login(name.strip(), password, _address(request))
    except LoginRefused as exc:
        wait = {"Retry-After": str(exc.retry_after)}
        return _login_page(request, caller, error="login.refused", status=429, name=name,
                           target=target, headers=wait)  # fmt: skip
    except BadLogin:
        return _login_page(request, caller, error="login.wrong", status=401, name=name,
                           target=target)  # fmt: skip
    if caller.session is not None:  # logging in again: the old session ends
        accounts(request).end_session(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse(safe_next(target), status_code=303)
    session = accounts(request).session(token)
    assert session is not None
    life = int((session.expires_at - datetime.now(session.expires_at.tzinfo)).total_seconds())
    set_session_cookie(response, request, token, life)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request, caller: Annotated[Caller, Depends(READER)]) -> Response:
    """End this session (the form carries its token); the cookie goes too."""
    accounts(request).end_session(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=secure(request))  # fmt: skip
    return response


@router.get("/account", response_class=HTMLResponse, include_in_schema=False)
def account_page(request: Request, caller: Annotated[Caller, Depends(READER)]) -> HTMLResponse:
    """Who is logged in, with what role and until when; and the button to log out."""
    may = [role for role in LEVELS if caller.may(role)]
    return render(request, "account.html", {"me": caller, "may": may})


class LoginIn(BaseModel):
    name: str
    password: str


class LoginOut(BaseModel):
    token: str = Field(description="send as `Authorization: Bearer TOKEN`")
    name: str
    role: str
    expires_at: datetime


class Me(BaseModel):
    name: str
    role: str
    expires_at: datetime
    csrf: str = Field(description="the X-CSRF-Token header a cookie-authenticated write needs")


@api.post(
    "/login",
    response_model=LoginOut,
    responses={401: {"description": "wrong name or password"},
               429: {"description": "too many failed logins; see Retry-After"}},
)  # fmt: skip
def login_api(
    body: LoginIn, request: Request, caller: Annotated[Caller, Depends(LOGGING_IN)]
) -> Any:
    """A session token for scripts: send it as `Authorization: Bearer TOKEN` (valid 12 h,
    until POST /api/logout)."""
    try:
        token = accounts(request).login(body.name.strip(), body.password, _address(request))
    except LoginRefused as exc:
        return JSONResponse({"detail": str(exc)}, 429, {"Retry-After": str(exc.retry_after)})
    except BadLogin as exc:
        return JSONResponse({"detail": str(exc)}, 401, {"WWW-Authenticate": "Bearer"})
    session = accounts(request).session(token)
    assert session is not None
    acc = session.account
    return {"token": token, "name": acc.name, "role": acc.role, "expires_at": session.expires_at}


@api.post("/logout", status_code=204, responses={401: {"description": "not logged in"}})
def logout_api(request: Request, caller: Annotated[Caller, Depends(READER)]) -> Response:
    """End the session that sent this (its bearer token or cookie)."""
    assert caller.session is not None
    with_token = request.headers.get("authorization", "").partition(" ")[2].strip()
    accounts(request).end_session(with_token or request.cookies.get(SESSION_COOKIE, ""))
    return Response(status_code=204)


@api.get("/me", response_model=Me, responses={401: {"description": "not logged in"}})
def me_api(caller: Annotated[Caller, Depends(READER)]) -> dict[str, Any]:
    """Who is logged in, with which role, until when."""
    assert caller.session is not None
    s = caller.session
    return {"name": s.account.name, "role": s.account.role, "expires_at": s.expires_at,
            "csrf": s.csrf}  # fmt: skip
