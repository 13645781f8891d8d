"""Sources: the list, and each source's verbatim text with what was extracted marked in it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from vigil.web import i18n, models, views
from vigil.web.highlight import Mark, Window
from vigil.web.highlight import render as highlight
from vigil.web.pages import render
from vigil.web.state import Public, public

router = APIRouter()
api = APIRouter(prefix="/api", tags=["sources"])
NOT_FOUND = {404: {"description": "no such source, or no such page of it"}}


def _brief(src: dict[str, Any]) -> dict[str, Any]:
    return {**src, "url": views.source_url(src["id"])}


def marks(src: dict[str, Any], t: i18n.Translator, urls: views.Urls = views.SERVER) -> list[Mark]:
    """The spans to highlight on a source page, each linked to where it leads."""
    out: list[Mark] = []
    owner: dict[int, str] = {}  # record id -> its person's (or its own) page
    for r in src["records"]:
        if r["withheld"] or r["span_start"] is None:
            continue
        page = urls.person(r["person"]) if r["person"] else urls.record(r["id"])
        owner[r["id"]] = f"{page}#record-{r['id']}"
        label = r["locator"] or t("cite.entry", n=r["entry"])
        title = r["name_written"] or ""
        out.append(Mark(r["span_start"], r["span_end"], "record", f"record-{r['id']}",
                        href=owner[r["id"]], label=label, title=title))  # fmt: skip
    for e in src["events"]:
        if e["span_start"] is not None:
            out.append(Mark(e["span_start"], e["span_end"], "event", f"event-{e['id']}",
                            href=owner.get(e["record"]), label=t.term(e["type"]),
                            title=t.date(e["date"])))  # fmt: skip
    for kind, items in (("claim", src["claims"]), ("quote", src["quotes"])):
        for x in items:
            if x["span_start"] is not None:
                title = x["text"] if kind == "claim" else x["attribution"] or ""
                out.append(Mark(x["span_start"], x["span_end"], kind, f"{kind}-{x['id']}",
                                href=f"#{kind}-{x['id']}-note", label=t(f"mark.{kind}"),
                                title=title))  # fmt: skip
    return out


def text_html(src: dict[str, Any], t: i18n.Translator, urls: views.Urls = views.SERVER) -> Markup:
    """The page's verbatim text, marked; a withheld record stands as one short notice."""
    spans = Window(marks(src, t, urls))
    parts = []
    for p in src["passages"]:
        if p["text"] is None:
            parts.append(Markup('<span class="withheld">{}</span>').format(t("withheld")))
        else:
            end = p["start"] + len(p["text"])
            parts.append(highlight(p["text"], p["start"], spans.over(p["start"], end)))
    return Markup("").join(parts)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, pub: Annotated[Public, Depends(public)]) -> HTMLResponse:
    return render(request, "sources.html", {"sources": [_brief(s) for s in pub.sources()]})


@router.get("/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source_page(
    request: Request,
    source_id: models.RowId,
    pub: Annotated[Public, Depends(public)],
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    src = views.source(pub.source(source_id, page))
    t = i18n.Translator(i18n.choose(request))
    withheld = any(r["withheld"] for r in src["records"])
    return render(
        request, "source.html", {"s": src, "text": text_html(src, t), "withheld": withheld}
    )


@api.get("/sources", response_model=list[models.SourceBrief])
def sources_api(pub: Annotated[Public, Depends(public)]) -> list[dict[str, Any]]:
    """Every source, with how many records it holds."""
    return [_brief(s) for s in pub.sources()]


@api.get("/sources/{source_id}", response_model=models.Source, responses=NOT_FOUND)
def source_api(
    source_id: models.RowId,
    pub: Annotated[Public, Depends(public)],
    page: Annotated[int, Query(ge=1, description="pages of 100 entries, from 1")] = 1,
) -> dict[str, Any]:
    """A page of a source: its text as passages (withheld records have no text), the records,
    events, claims and quotations on it, with their spans in the whole text."""
    return views.source(pub.source(source_id, page))
