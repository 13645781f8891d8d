"""The web application: server-rendered pages in Russian and English, and a JSON API.

One router module per family of pages (search, persons, records, sources), each holding its
pages and its API routes; a new family (review, ingest, statistics) is one more module in
ROUTERS. Every route reads through `state.Public`, which applies the privacy policy.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from vigil import privacy
from vigil.errors import NotFound
from vigil.store import Registry
from vigil.web import i18n, persons, records, review, search, sources, stats, upload
from vigil.web.editing import Editor
from vigil.web.pages import STATIC, render
from vigil.web.state import Public

ROUTERS = (search, persons, records, sources, stats)
EDITING = (review, upload)  # served only with `vigil serve --editing`
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
    editing: bool = False,
    upload_limit: int = upload.DEFAULT_LIMIT,
) -> FastAPI:
    """The app over the registry at `db` (as `--db` takes it); it must exist and be current.

    `editing` adds the review and ingest pages, which show records unscreened and write to
    the registry; `upload_limit` is the largest file (bytes) they accept."""
    registry = Registry.open(db)
    registry.check()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        registry.close()

    app = FastAPI(
        title="Vigil",
        summary="A registry that documents political persecution from its sources.",
        description=DESCRIPTION,
        version=_version(),
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.public = Public(registry, privacy.screen(policy))
    app.state.location = registry.location
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.editing = editing
    if editing:
        app.state.editor = Editor(registry, upload_limit)
        app.state.editor.explanations.warm()
    for module in ROUTERS + (EDITING if editing else ()):
        app.include_router(module.router)
        app.include_router(module.api)
    _handle_errors(app)
    app.middleware("http")(_language_cookie)
    app.middleware("http")(_server_timing)
    return app


def from_environment() -> FastAPI:
    """The reading app over $VIGIL_DB: what each process of `vigil serve --workers N` runs."""
    return create_app(None)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vigil")
    except PackageNotFoundError:
        return "0"


async def _server_timing(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """The time the application spent, for the browser's tools and the benchmark."""
    start = time.perf_counter()
    response = await call_next(request)
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.1f}"
    return response


async def _language_cookie(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Remember a language chosen with ?lang=, and say which language a page is in."""
    response = await call_next(request)
    asked = request.query_params.get("lang")
    if asked in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax")
    if not _is_api(request):
        response.headers["Content-Language"] = i18n.choose(request)
        response.headers.setdefault("Vary", "Cookie, Accept-Language")
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _handle_errors(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return _error_page(request, 404, [])

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if _is_api(request) or exc.status_code not in (404, 405):
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
    return render(request, "error.html", {"status": status, "details": details}, status)
