"""One record: a single appearance of a person in a source, verbatim, with its events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from vigil.web import models, views
from vigil.web.pages import render
from vigil.web.state import Public, public

router = APIRouter()
api = APIRouter(prefix="/api", tags=["records"])
NOT_FOUND = {404: {"description": "no such record, or one withheld (the two look alike)"}}


def _view(pub: Public, record_id: int) -> dict[str, Any]:
    rec = pub.record(record_id)
    return views.record(rec, rec["events"])


@router.get("/records/{record_id}", response_class=HTMLResponse, include_in_schema=False)
def record_page(
    request: Request, record_id: models.RowId, pub: Annotated[Public, Depends(public)]
) -> HTMLResponse:
    return render(request, "record.html", {"r": _view(pub, record_id)})


@api.get("/records/{record_id}", response_model=models.Record, responses=NOT_FOUND)
def record_api(record_id: models.RowId, pub: Annotated[Public, Depends(public)]) -> dict[str, Any]:
    """A record verbatim, its fields and events, each cited to its source."""
    return _view(pub, record_id)
