"""Review: the undecided pairs nearest the link threshold, one at a time, as `vigil review`
walks them: both records with their sources, why the model scored them so, and a decision.

It shows records unscreened and writes decisions, so every route needs the reviewer role;
a decision is recorded under the reviewer's account (`web:NAME`), never a typed name.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import OperationalError

from vigil.errors import NotFound, RegistryError, VigilError
from vigil.linkage.explain import Explanation
from vigil.web import models, views
from vigil.web.auth import REFUSED, REVIEWER, Caller
from vigil.web.editing import AHEAD, Editor, editor
from vigil.web.pages import render

router = APIRouter()
api = APIRouter(prefix="/api", tags=["review"], responses=REFUSED)
MAX_BATCH = 50
Reviewer = Annotated[Caller, Depends(REVIEWER)]


def explanation(exp: Explanation) -> dict[str, Any]:
    """The match weight as a sum: the prior, then each comparison's part, with running totals."""
    running = exp.prior_weight
    steps = []
    for s in exp.steps:
        running += s.weight
        steps.append({**vars(s), "running": running})
    return {
        "prior": exp.prior,
        "prior_weight": exp.prior_weight,
        "steps": steps,
        "match_weight": exp.match_weight,
        "probability": exp.probability,
    }


def pair(ed: Editor, a: int, b: int, position: int | None = None) -> dict[str, Any]:
    """Both records in full (unscreened), the score, its explanation and the decisions."""
    reg = ed.registry
    try:
        stored = reg.pair(a, b)
    except RegistryError as exc:  # no such record
        raise NotFound(str(exc)) from None
    records = [reg.record_page(rid, withhold=None) for rid in (a, b)]
    try:
        why: dict[str, Any] | None = explanation(ed.explanations.explain(a, b))
        unexplained = None
    except VigilError as exc:  # no link run yet, or a record that came after it
        why, unexplained = None, str(exc)
    score, persons = stored["score"], stored["persons"]
    return {
        "position": position,
        "a": views.record(records[0], records[0]["events"]),
        "b": views.record(records[1], records[1]["events"]),
        "probability": score["probability"] if score else None,
        "match_weight": score["match_weight"] if score else None,
        "same_person": a in persons and persons.get(a) == persons.get(b),
        "explanation": why,
        "unexplained": unexplained,
        "decisions": stored["decisions"],
        "url": pair_url(a, b),
    }


def pair_url(a: int, b: int) -> str:
    return f"/review/pairs/{min(a, b)}/{max(a, b)}"


def queue(ed: Editor, offset: int, limit: int) -> dict[str, Any]:
    """The pairs at [offset, offset + limit) of the review queue, explained."""
    run = ed.registry.last_run()
    out: dict[str, Any] = {"linked": run is not None, "threshold": None, "offset": offset,
                           "limit": limit, "more": False, "pairs": []}  # fmt: skip
    if run is None:
        return out
    # Those after the page too: whether another page follows, and what to explain ahead.
    scored = ed.registry.review_queue(run["threshold"], offset + limit + AHEAD)
    page = scored[offset : offset + limit]
    out["threshold"] = run["threshold"]
    out["more"] = len(scored) > offset + limit
    out["pairs"] = [
        pair(ed, s["record_a"], s["record_b"], offset + i + 1) for i, s in enumerate(page)
    ]
    ed.explanations.prefetch([(s["record_a"], s["record_b"]) for s in scored[offset + limit :]])
    return out


def _decided(ed: Editor, which: str | None) -> dict[str, Any] | None:
    """The decision just recorded, named in the redirect as `A-B` (POST-redirect-GET)."""
    if not which:
        return None
    try:
        a, b = (int(x) for x in which.split("-"))
        decisions = ed.registry.pair(a, b)["decisions"]
    except (ValueError, VigilError):
        return None
    return decisions[-1] if decisions else None


def _page(
    request: Request, caller: Caller, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    ctx = {"reviewer": caller.actor, "csrf": caller.csrf, "error": None, **context}
    return render(request, "review.html", ctx, status)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(
    request: Request,
    caller: Reviewer,
    ed: Annotated[Editor, Depends(editor)],
    position: Annotated[int, Query(ge=1)] = 1,
    decided: str | None = None,
) -> HTMLResponse:
    q = queue(ed, position - 1, 1)
    current = q["pairs"][0] if q["pairs"] else None
    ctx = {"q": q, "p": current, "position": position, "decided": _decided(ed, decided)}
    return _page(request, caller, ctx)


@router.get("/review/pairs/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def pair_page(
    request: Request,
    a: int,
    b: int,
    caller: Reviewer,
    ed: Annotated[Editor, Depends(editor)],
    decided: str | None = None,
) -> HTMLResponse:
    """Any two records, as `vigil explain A B` shows them, with the form to decide."""
    if a == b:
        raise NotFound(f"a pair needs two records, got {a} twice")
    ctx = {"q": None, "p": pair(ed, a, b), "position": None, "decided": _decided(ed, decided)}
    return _page(request, caller, ctx)


def _decide(
    ed: Editor, a: int, b: int, verdict: str, who: str, reason: str | None
) -> dict[str, Any]:
    """`Registry.decide`, the store call `vigil decide` makes; a missing record is not found."""
    for rid in (a, b):
        ed.registry.record_page(rid, withhold=None)  # NotFound, like any missing id
    try:
        return ed.registry.decide(a, b, verdict, who, reason or None)
    except OperationalError as exc:  # e.g. a long ingest held the write lock past the timeout
        raise VigilError(f"database: {exc.orig}; try again") from None


@router.post("/review/decisions", include_in_schema=False)
def decide_form(
    request: Request,
    caller: Reviewer,
    ed: Annotated[Editor, Depends(editor)],
    a: Annotated[int, Form()],
    b: Annotated[int, Form()],
    verdict: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    position: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    """Same or different is recorded, then the next pair shows (POST-redirect-GET)."""
    if verdict == "skip":
        target = f"/review?position={position + 1}" if position else pair_url(a, b)
        return RedirectResponse(target, status_code=303)
    try:
        _decide(ed, a, b, verdict, caller.actor, reason.strip())
    except NotFound:
        raise
    except VigilError as exc:
        ctx = {"q": None, "p": pair(ed, a, b, position), "position": position,
               "decided": None, "error": str(exc), "reason": reason}  # fmt: skip
        return _page(request, caller, ctx, 400)
    done = f"decided={min(a, b)}-{max(a, b)}"
    target = f"/review?position={position}&{done}" if position else f"{pair_url(a, b)}?{done}"
    return RedirectResponse(target, status_code=303)


@api.get("/review", response_model=models.ReviewQueue)
def review_api(
    caller: Reviewer,
    ed: Annotated[Editor, Depends(editor)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_BATCH)] = 10,
) -> dict[str, Any]:
    """The undecided pairs nearest the link threshold first, each with both records
    (unscreened), its score and the match weight each comparison added."""
    return queue(ed, offset, limit)


@api.post(
    "/review/decisions",
    status_code=201,
    response_model=models.Decision,
    responses={404: {"description": "no such record"}, 422: {"description": "not a decision"}},
)
def decide_api(
    body: models.DecisionIn, caller: Reviewer, ed: Annotated[Editor, Depends(editor)]
) -> dict[str, Any]:
    """Record that two records are the same person or different people, as `vigil decide`
    does; `vigil link` applies it. It is recorded under the caller's account (`web:NAME`);
    `reviewer`, if given, must be that account's name."""
    if body.reviewer and body.reviewer.strip() not in (caller.name, caller.actor):
        raise models.unprocessable(
            f"a decision is recorded under your own account ({caller.name}), not {body.reviewer!r}",
            "body",
            "reviewer",
        )
    try:
        return _decide(ed, body.a, body.b, body.verdict, caller.actor, body.reason)
    except NotFound:
        raise
    except VigilError as exc:
        raise models.unprocessable(str(exc), "body") from None
