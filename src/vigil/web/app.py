"""The web application: server-rendered pages in Russian and English, and a JSON API.

One router module per family of pages (search, persons, records, sources), each holding its
pages and its API routes; a new family is one more module in ROUTERS. Every route declares the
role it needs (`vigil.web.auth`): the public families get theirs here, as they are included;
review, ingest and the login pages declare their own on each route. Reading routes go through
`state.Public`, which applies the privacy policy; a researcher (or any role above) gets a
second reader over the same registry that withholds no one.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vigil import privacy
from vigil.errors import NotFound
from vigil.store import Registry
from vigil.store.accounts import Accounts
from vigil.web import (
    auth,
    i18n,
    models,
    persons,
    records,
    review,
    search,
    sources,
    state,
    stats,
    upload,
)
from vigil.web.editing import Editor
from vigil.web.pages import STATIC, render
from vigil.web.state import Public

ROUTERS = (search, persons, records, sources, stats)  # public: anonymous, or reader at least
EDITING = (review, upload)  # each route declares reviewer or editor itself
STATIC_ROLE = auth.ANONYMOUS  # /static: the style sheet, which the login page needs too
DESCRIPTION = """Read the registry: search persons by name in any script or spelling, and read
persons, records and sources with a citation (source, locator, span) behind every fact.

People who may be alive (born less than 100 years ago, with no date of death in any source)
are withheld: absent from search results and counts, and `404` like a missing id."""


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(
    db: str | None = None,
    policy: privacy.Policy = privacy.DEFAULT,
    *,
    login_required: bool = False,
    secure_cookies: bool = False,
    upload_limit: int = upload.DEFAULT_LIMIT,
) -> FastAPI:
    """The app over the registry at `db` (as `--db` takes it); it must exist and be current.

    `login_required` makes every page but /login need at least a reader's login;
    `secure_cookies` marks the session cookie Secure even over plain http (behind a proxy
    that speaks https); `upload_limit` is the largest file (bytes) the ingest page accepts."""
    registry = Registry.open(db)
    registry.check()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        explanations, jobs = app.state.editor.explanations, app.state.editor.jobs
        if app.state.accounts.anyone("reviewer", "admin"):
            explanations.warm()  # so that the first review page need not wait
        jobs.start()  # uploads left queued by the last run go on
        yield
        jobs.stop()
        explanations.settle()
        registry.close()

    app = FastAPI(
        dependencies=[Depends(_no_nul)],
        title="Vigil",
        summary="A registry that documents political persecution from its sources.",
        description=DESCRIPTION,
        version=_version(),
        docs_url=None,  # served below, with their role declared like every other route
        openapi_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.public = Public(registry, privacy.screen(policy))
    # Persons the policy withholds, shown to researchers and above: no screen at all.
    app.state.unscreened = Public(registry, None)  # type: ignore[arg-type]
    app.dependency_overrides[state.public] = _reader
    app.state.location = registry.location
    app.state.accounts = Accounts(registry.engine)
    app.state.secure_cookies = secure_cookies
    app.state.login_required = login_required
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.editor = Editor(registry, upload_limit)
    public_role = [Depends(auth.READER if login_required else auth.PUBLIC)]
    for module in ROUTERS:
        app.include_router(module.router, dependencies=public_role)
        app.include_router(module.api, dependencies=public_role)
    app.include_router(_docs(), dependencies=public_role)
    for module in (*EDITING, auth):
        app.include_router(module.router)
        app.include_router(module.api)
    _handle_errors(app)
    app.add_middleware(ResponseHeaders)
    return app


def _no_nul(request: Request) -> None:
    """A query value holding NUL is refused on every route, as PostgreSQL cannot store or
    compare one (SQLite can): the same answer on both, not an error deep in a query."""
    for key, value in request.query_params.multi_items():
        if "\x00" in key or "\x00" in value:
            if _is_api(request):
                raise models.unprocessable("a NUL character is not allowed", "query", key)
            raise HTTPException(400, f"{key}: a NUL character is not allowed")


def _reader(request: Request) -> Public:
    """Replaces `state.public` for every route: the unscreened reader for researchers."""
    caller = auth.identify(request)
    return request.app.state.unscreened if caller.may("researcher") else request.app.state.public


def _docs() -> APIRouter:
    """The OpenAPI schema and its browsable page, as routes that declare a role."""
    docs = APIRouter(include_in_schema=False)

    @docs.get("/openapi.json")
    def openapi(request: Request) -> JSONResponse:
        return JSONResponse(request.app.openapi())

    @docs.get("/api/docs")
    def swagger(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Vigil API")

    return docs


def from_environment() -> FastAPI:
    """The app over $VIGIL_DB: what each process of `vigil serve --workers N` runs, with
    `--login-required`, `--secure-cookies` and `--max-upload` passed on in the environment."""
    import os

    from vigil.config import load  # the policy `vigil serve` was given, through $VIGIL_CONFIG

    limit = os.environ.get("VIGIL_MAX_UPLOAD", "")
    return create_app(
        None,
        load().policy,
        login_required=bool(os.environ.get("VIGIL_LOGIN_REQUIRED")),
        secure_cookies=bool(os.environ.get("VIGIL_SECURE_COOKIES")),
        upload_limit=int(limit) if limit.isdigit() else upload.DEFAULT_LIMIT,
    )


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vigil")
    except PackageNotFoundError:
        return "0"


class ResponseHeaders:
    """The headers every response gets, set as it starts: one plain ASGI layer, where an
    `@app.middleware("http")` function costs a task and a stream for each request.

    - `Server-Timing`: the time the application spent, for the browser's tools and the
      benchmarks;
    - what a logged-in caller sees is theirs: no cache may keep it or give it to another;
    - a language chosen with ?lang= is remembered, and each page says which language it is in.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add_headers(Request(scope), MutableHeaders(scope=message), start)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _add_headers(request: Request, headers: MutableHeaders, start: float) -> None:
    api = _is_api(request)
    caller = request.scope.get("state", {}).get("caller")
    if caller is not None and caller.session is not None:
        headers["Cache-Control"] = "private, no-store"
    if api:
        headers.setdefault("Vary", "Authorization, Cookie")
    asked = request.query_params.get("lang")
    if asked in i18n.LANGUAGES:
        cookie = Response()
        cookie.set_cookie(i18n.COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax")
        headers.append("set-cookie", cookie.headers["set-cookie"])
    if not api:
        headers["Content-Language"] = i18n.choose(request)
        headers.setdefault("Vary", "Cookie, Accept-Language")
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.1f}"


def _handle_errors(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return _error_page(request, 404, [])

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        if _is_api(request):
            return await http_exception_handler(request, exc)
        if status == 401 and request.method in ("GET", "HEAD"):
            return RedirectResponse(auth.login_url(request), status_code=303)
        if status in (401, 403, 429):
            page = _error_page(request, status, [str(exc.detail)])
            page.headers.update(exc.headers or {})
            return page
        if status not in (404, 405):
            return await http_exception_handler(request, exc)
        return _error_page(request, 404, [])

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        details = [
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('input')!r}"
            for e in exc.errors()
        ]
        return _error_page(request, 400, details)

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, bad_request)


def _error_page(request: Request, status: int, details: list[str]) -> Response:
    with contextlib.suppress(HTTPException):  # the header's login or logout on any page
        auth.identify(request)
    return render(request, "error.html", {"status": status, "details": details}, status)
