"""Rendering a page: the template, the reader's language, and the link to the other language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import BaseLoader, Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from vigil.web import i18n, markup, views

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def environment(loader: BaseLoader | None = None) -> Environment:
    """The templates' environment; publication makes its own over these templates, with its
    layout first on the loader and its relative `urls` passed to each page."""
    env = Environment(
        loader=loader or FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        source_url=views.source_url,
        person_url=views.person_url,
        record_url=views.record_url,
        urls=views.SERVER,
        markup=markup,
    )
    return env


_env = environment()
templates = Jinja2Templates(env=_env)


def form_number(errors: list[str], name: str, text: str, lo: int, hi: int) -> int | None:
    """A whole number typed into a form; what is not one within lo…hi goes to `errors`."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not lo <= int(text) <= hi:
        errors.append(f"{name}: {text!r} ∉ {lo}…{hi}")
        return None
    return int(text)


def with_params(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    t = i18n.Translator(i18n.choose(request))
    ctx = {
        "t": t,
        "lang": t.lang,
        "switch_url": with_params(request, lang=t.other),
        "with_params": lambda **kw: with_params(request, **kw),
        "editing": getattr(request.app.state, "editing", False),  # vigil serve --editing
        **context,
    }
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)
