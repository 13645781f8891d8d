"""Statistics: events over time, what happened next by category, and the sources' claims beside
the registry's counts; each chart with its table, each number linked to the records behind it.

The figures are those of `vigil.analysis` as the public may see them (`web.figures`: withheld
people are not counted, and each figure is computed once per state of the registry). The page
and the API share one shaping of each figure (`web.stats_views`), so they cannot differ; the
page's tables and charts are drawn in `web.stats_page`.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from vigil.errors import NotFound, VigilError
from vigil.thesaurus import CATEGORIES, EVENT_TYPES
from vigil.web import i18n, models
from vigil.web.figures import CellRef, ClaimRef, FigureRef, Figures, OutcomeRef
from vigil.web.pages import form_number, render
from vigil.web.state import Public, public
from vigil.web.stats_page import TERMS_SHOWN, Words, back, page_context
from vigil.web.stats_views import (
    ask_params,
    claims_view,
    outcomes_view,
    records_view,
    timeline_ask,
    timeline_view,
)

router = APIRouter()
api = APIRouter(prefix="/api/statistics", tags=["statistics"])

BY = ("type", "authority", "category")
AFTER = ("party.expulsion", "sentence")
PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_YEAR = 9999
_making = threading.Lock()


def figures(request: Request) -> Figures:
    """FastAPI dependency: the app's figures, made on first use and kept with the app."""
    state = request.app.state
    found = getattr(state, "figures", None)
    if found is None:
        with _making:
            found = getattr(state, "figures", None)
            if found is None:
                found = state.figures = Figures(state.public)
    return found


def warm(app: FastAPI) -> threading.Thread:
    """Compute the statistics page's default figures in the background, so that its first
    visitor need not wait for them (tens of seconds at a million records)."""
    state = app.state

    def compute() -> None:
        with _making:
            if getattr(state, "figures", None) is None:
                state.figures = Figures(state.public)
        try:
            w = Words(i18n.Translator(i18n.LANGUAGES[0]))
            page_context(w, state.figures, timeline_ask(), AFTER[0])
        except Exception:  # the page computes again on its first view and shows the error
            pass

    thread = threading.Thread(target=compute, name="vigil-statistics", daemon=True)
    thread.start()
    return thread


def figure_ref(
    figure: Annotated[
        Literal["cell", "outcome", "claim"],
        Query(description="cell (of the timeline), outcome, or claim"),
    ],
    by: Annotated[str, Query(description="cell: type, authority or category")] = "type",
    key: Annotated[
        list[str] | None,
        Query(description="cell: the groups (repeat; empty: not recorded); none given: all"),
    ] = None,
    bucket: Annotated[
        str | None, Query(description="cell: the year (1937) or month (1937-03); none: all")
    ] = None,
    year_from: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    year_to: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    event: Annotated[list[str] | None, Query(description="cell: event type filter")] = None,
    category: Annotated[list[str] | None, Query(description="cell: category filter")] = None,
    authority: Annotated[str | None, Query(description="cell: part of the authority")] = None,
    place: Annotated[str | None, Query(description="cell: part of the place")] = None,
    period: Annotated[Literal["year", "month"], Query()] = "year",
    after: Annotated[str, Query(description="outcome: the cohorts' event type")] = AFTER[0],
    cohort: Annotated[
        str | None, Query(description="outcome: the cohort's category (empty: none named)")
    ] = None,
    outcome: Annotated[
        str | None, Query(description="outcome: event type; empty: nothing recorded after")
    ] = None,
    detail: Annotated[str | None, Query(description="outcome: a sentence's term")] = None,
    claim: Annotated[int | None, Query(description="claim: its id")] = None,
) -> FigureRef:
    """The figure whose records are asked for, from the query that `records_url` writes."""
    if figure == "cell":
        ask = timeline_ask(
            by, year_from, year_to, event or (), category or (), authority, place, period
        )
        keys = None if key is None else tuple(k or None for k in key)
        return CellRef(ask, keys, bucket or None)
    if figure == "outcome":
        return OutcomeRef(after, cohort or None, outcome or None, detail)
    if claim is None:
        raise models.unprocessable("claim: an id is needed", "query", "claim")
    return ClaimRef(claim)


# -- the pages --------------------------------------------------------------------------------


@router.get("/statistics", response_class=HTMLResponse, include_in_schema=False)
def statistics_page(
    request: Request,
    figs: Annotated[Figures, Depends(figures)],
    by: str = "type",
    year_from: str = "",
    year_to: str = "",
    event: Annotated[list[str] | None, Query()] = None,
    category: Annotated[list[str] | None, Query()] = None,
    authority: str = "",
    place: str = "",
    period: str = "year",
    persons: str = "",
    after: str = AFTER[0],
) -> HTMLResponse:
    """The three sections, each chart beside its table."""
    w = Words(i18n.Translator(i18n.choose(request)))
    errors: list[str] = []
    y0 = form_number(errors, "year_from", year_from, 1, MAX_YEAR)
    y1 = form_number(errors, "year_to", year_to, 1, MAX_YEAR)
    ask = timeline_ask(
        by, y0, y1, event or (), category or (), authority, place, period, bool(persons)
    )
    ctx: dict[str, Any] = {"timeline": None, "outcomes": None, "claims": None}
    if not errors:
        ctx, errors = page_context(w, figs, ask, after)
    form = {
        "by": by,
        "year_from": year_from,
        "year_to": year_to,
        "event": event or [],
        "category": category or [],
        "authority": authority,
        "place": place,
        "period": period,
        "persons": bool(persons),
        "after": after,
    }
    return render(
        request,
        "stats.html",
        {
            **ctx,
            "form": form,
            "errors": errors,
            "by_choices": BY,
            "after_choices": AFTER,
            "event_types": [e.code for e in EVENT_TYPES],
            "categories": [c.code for c in CATEGORIES],
            "w": w,
            "terms_shown": TERMS_SHOWN,
            "timeline_params": ask_params(ask),
        },
        status_code=400 if errors else 200,
    )


@router.get("/statistics/records", response_class=HTMLResponse, include_in_schema=False)
def statistics_records_page(
    request: Request,
    ref: Annotated[FigureRef, Depends(figure_ref)],
    figs: Annotated[Figures, Depends(figures)],
    pub: Annotated[Public, Depends(public)],
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    """The records behind one figure, each cited, 20 a page."""
    try:
        data = records_view(figs, pub, ref, page, PER_PAGE)
    except VigilError as exc:
        if isinstance(exc, NotFound):
            raise
        return render(request, "error.html", {"status": 400, "details": [str(exc)]}, 400)
    w = Words(i18n.Translator(i18n.choose(request)))
    return render(
        request,
        "stats_records.html",
        {
            "d": data,
            "title": w.describe(ref),
            "back": back(ref),
            "w": w,
        },
    )


# -- the API --------------------------------------------------------------------------------


def _unprocessable(exc: VigilError) -> HTTPException:
    return models.unprocessable(str(exc))


@api.get("/timeline", response_model=models.StatTimeline, summary="Events over time")
def timeline_api(
    figs: Annotated[Figures, Depends(figures)],
    by: Annotated[Literal["type", "authority", "category"], Query()] = "type",
    year_from: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    year_to: Annotated[int | None, Query(ge=1, le=MAX_YEAR)] = None,
    event: Annotated[list[str] | None, Query(description="event type code (repeat)")] = None,
    category: Annotated[
        list[str] | None, Query(description="category code, with those under it (repeat)")
    ] = None,
    authority: Annotated[str | None, Query(description="part of the deciding body")] = None,
    place: Annotated[str | None, Query(description="part of the place")] = None,
    period: Annotated[Literal["year", "month"], Query()] = "year",
    persons: Annotated[bool, Query(description="also count distinct persons per cell")] = False,
) -> dict[str, Any]:
    """Events per year (or month) by type, deciding body or category, of people the public may
    see. An event counts in a period only when its date lies wholly inside it; the others are
    `unplaced` (spanning, or undated)."""
    ask = timeline_ask(
        by, year_from, year_to, event or (), category or (), authority, place, period, persons
    )
    try:
        return timeline_view(figs.timeline(ask), ask)
    except VigilError as exc:
        raise _unprocessable(exc) from None


@api.get("/outcomes", response_model=models.StatOutcomes, summary="What happened next")
def outcomes_api(
    figs: Annotated[Figures, Depends(figures)],
    after: Annotated[
        str,
        Query(description="the event that sorts people by category: party.expulsion or sentence"),
    ] = AFTER[0],
) -> dict[str, Any]:
    """For everyone expelled (or sentenced) under a category, how many were later arrested,
    sentenced (with each term), exiled, shot, released, rehabilitated, or have nothing more
    recorded."""
    try:
        return outcomes_view(figs.outcomes(after))
    except VigilError as exc:
        raise _unprocessable(exc) from None


@api.get("/claims", response_model=models.StatClaims, summary="Claims beside the registry")
def claims_api(figs: Annotated[Figures, Depends(figures)]) -> dict[str, Any]:
    """Every figure a source states, cited to its span, beside the registry's count of the same
    act in the same period (a floor, not a test of the claim)."""
    return claims_view(figs.claims())


@api.get(
    "/records",
    response_model=models.StatRecords,
    summary="The records behind a figure",
    responses={404: {"description": "no such claim"}},
)
def records_api(
    ref: Annotated[FigureRef, Depends(figure_ref)],
    figs: Annotated[Figures, Depends(figures)],
    pub: Annotated[Public, Depends(public)],
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE,
) -> dict[str, Any]:
    """The records a figure counts, each cited; withheld people's never. Every `records` link
    of the other statistics gives the query."""
    try:
        return records_view(figs, pub, ref, page, per_page)
    except NotFound:
        raise
    except VigilError as exc:
        raise _unprocessable(exc) from None
