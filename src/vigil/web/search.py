"""Search by name in any script or spelling, with filters on events: the page and the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from vigil.store.search import SearchQuery
from vigil.thesaurus import CATEGORIES, EVENT_TYPES
from vigil.web import models, views
from vigil.web.pages import form_number, render
from vigil.web.state import Public, public

PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_YEAR = 9999
MAX_PAGE = 10**9  # (times per_page, a row count the database can hold)

router = APIRouter()
api = APIRouter(prefix="/api", tags=["search"])


def _order(errors: list[str], year_from: int | None, year_to: int | None) -> None:
    if year_from is not None and year_to is not None and year_from > year_to:
        errors.append(f"year_from {year_from} > year_to {year_to}")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    pub: Annotated[Public, Depends(public)],
    q: str = "",
    event: str = "",
    year_from: str = "",
    year_to: str = "",
    place: str = "",
    authority: str = "",
    category: str = "",
    page: str = "1",
    per_page: str = str(PER_PAGE),
) -> HTMLResponse:
    """The search form, and its results when it has been filled in."""
    errors: list[str] = []
    y0 = form_number(errors, "year_from", year_from, 1, MAX_YEAR)
    y1 = form_number(errors, "year_to", year_to, 1, MAX_YEAR)
    _order(errors, y0, y1)
    query = SearchQuery(
        name=q.strip() or None,
        event_type=event or None,
        year_from=y0,
        year_to=y1,
        place=place.strip() or None,
        authority=authority.strip() or None,
        category=category or None,
        page=form_number(errors, "page", page, 1, MAX_PAGE) or 1,
        per_page=form_number(errors, "per_page", per_page, 1, MAX_PER_PAGE) or PER_PAGE,
    )
    result = None if errors or query.empty else views.search(pub.search(query))
    form: dict[str, Any] = {
        "q": q,
        "event": event,
        "year_from": year_from,
        "year_to": year_to,
        "place": place,
        "authority": authority,
        "category": category,
    }
    return render(
        request,
        "search.html",
        {
            "form": form,
            "result": result,
            "errors": errors,
            "event_types": [e.code for e in EVENT_TYPES],
            "categories": [c.code for c in CATEGORIES],
        },
        status_code=400 if errors else 200,
    )


@api.get("/search", response_model=models.SearchResult, summary="Search by name and events")
def search_api(
    pub: Annotated[Public, Depends(public)],
    q: Annotated[
        str | None, Query(description="a name in any script or spelling: Trotzki, Троцкий Л.Д.")
    ] = None,
    event: Annotated[str | None, Query(description="event type code, e.g. arrest")] = None,
    year_from: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    year_to: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    place: Annotated[str | None, Query(description="part of the event's place")] = None,
    authority: Annotated[str | None, Query(description="part of the deciding body")] = None,
    category: Annotated[
        str | None, Query(description="category code; its narrower categories count too")
    ] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE,
) -> dict[str, Any]:
    """Persons, and records not yet linked to one, whose name matches; withheld people never."""
    errors: list[str] = []
    _order(errors, year_from, year_to)
    if errors:
        raise models.unprocessable(errors[0], "query", "year_to")
    query = SearchQuery(q, event, year_from, year_to, place, authority, category, page, per_page)
    return views.search(pub.search(query))
