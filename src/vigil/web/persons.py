"""A person: every record side by side, the events in order, names and conflicts, all cited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from vigil.web import models, views
from vigil.web.pages import render
from vigil.web.state import Public, public

router = APIRouter()
api = APIRouter(prefix="/api", tags=["persons"])
NOT_FOUND = {404: {"description": "no such person, or one withheld (the two look alike)"}}


@router.get("/persons/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    request: Request, person_id: models.RowId, pub: Annotated[Public, Depends(public)]
) -> HTMLResponse:
    return render(request, "person.html", {"p": views.person(pub.person(person_id))})


@api.get("/persons/{person_id}", response_model=models.Person, responses=NOT_FOUND)
def person_api(person_id: models.RowId, pub: Annotated[Public, Depends(public)]) -> dict[str, Any]:
    """A person's records with their sources, facts (conflicts kept), names and timeline."""
    return views.person(pub.person(person_id))
