"""The statistics shaped once for the page and the API, so the two cannot say different
things; and the address of the records behind each figure, which both give."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from vigil.analysis import EventFilter, Outcomes, Timeline
from vigil.analysis.claims import COMPARED
from vigil.errors import NotFound
from vigil.thesaurus import EVENT_TYPES
from vigil.web import views
from vigil.web.figures import (
    CellRef,
    ClaimRef,
    Computed,
    FigureRef,
    Figures,
    OutcomeRef,
    PublicClaim,
    TimelineAsk,
)
from vigil.web.state import Public

TYPE_ORDER = {t.code: i for i, t in enumerate(EVENT_TYPES)}  # the thesaurus's: the usual course


# -- what is asked ------------------------------------------------------------------------------


def timeline_ask(
    by: str = "type",
    year_from: int | None = None,
    year_to: int | None = None,
    event: Sequence[str] = (),
    category: Sequence[str] = (),
    authority: str | None = None,
    place: str | None = None,
    period: str = "year",
    persons: bool = False,
) -> TimelineAsk:
    flt = EventFilter.years(
        year_from,
        year_to,
        types=tuple(e for e in event if e),
        categories=tuple(c for c in category if c),
        authority=(authority or "").strip() or None,
        place=(place or "").strip() or None,
    )
    return TimelineAsk(by, flt, period, persons)


def ask_params(ask: TimelineAsk) -> list[tuple[str, str]]:
    """A timeline as query parameters, for links; only what differs from the defaults."""
    f = ask.filter
    out: list[tuple[str, str]] = [("by", ask.by)]
    if f.since:
        out.append(("year_from", str(f.since.year)))
    if f.until:
        out.append(("year_to", str(f.until.year)))
    out += [("event", e) for e in f.types] + [("category", c) for c in f.categories]
    out += [(k, v) for k, v in (("authority", f.authority), ("place", f.place)) if v]
    if ask.period != "year":
        out.append(("period", ask.period))
    if ask.subjects:
        out.append(("persons", "1"))
    return out


def records_url(ref: FigureRef) -> str:
    """Where the records behind a figure are listed (the same query on the page and the API)."""
    params: list[tuple[str, str]]
    if isinstance(ref, CellRef):
        params = [("figure", "cell"), *ask_params(ref.ask)]
        params = [p for p in params if p[0] != "persons"]
        params += [("key", k or "") for k in ref.keys or ()]
        if ref.bucket:
            params.append(("bucket", ref.bucket))
    elif isinstance(ref, OutcomeRef):
        params = [("figure", "outcome"), ("after", ref.after), ("cohort", ref.category or "")]
        params.append(("outcome", ref.outcome or ""))
        if ref.detail is not None:
            params.append(("detail", ref.detail))
    else:
        params = [("figure", "claim"), ("claim", str(ref.claim_id))]
    return "/statistics/records?" + urlencode(params)


# -- the figures ----------------------------------------------------------------------------------


def _computed(c: Computed[Any]) -> dict[str, Any]:
    return {"computed_at": c.at, "seconds": round(c.seconds, 3)}


def _filter(f: EventFilter) -> dict[str, Any]:
    return {
        "types": list(f.types),
        "categories": list(f.categories),
        "authority": f.authority,
        "place": f.place,
        "since": f.since,
        "until": f.until,
    }


def timeline_view(c: Computed[Timeline], ask: TimelineAsk) -> dict[str, Any]:
    tl = c.value
    ranged = tl.filter.since is not None or tl.filter.until is not None

    def cell(keys: tuple[str | None, ...] | None, bucket: str | None) -> str:
        return records_url(CellRef(ask, keys, bucket))

    return {
        **_computed(c),
        "by": tl.by,
        "period": tl.period,
        "unit": tl.unit,
        "filter": _filter(tl.filter),
        "periods": tl.periods(),
        "groups": [
            {"key": k, "total": tl.total(k), "records": None if ranged else cell((k,), None)}
            for k in tl.groups()
        ],
        "cells": [
            {
                "key": x.key,
                "period": x.period,
                "events": x.events,
                "subjects": x.subjects,
                "records": cell((x.key,), x.period),
            }
            for x in tl.cells
        ],
        "unplaced": [
            {"key": u.key, "spanning": u.spanning, "undated": u.undated} for u in tl.unplaced
        ],
        "all_records": None if ranged else cell(None, None),
    }


def outcomes_view(c: Computed[Outcomes]) -> dict[str, Any]:
    result = c.value
    types: list[str] = []
    for h in result.cohorts:
        types += [o.type for o in h.outcomes if o.type not in types]
    types.sort(key=lambda t: TYPE_ORDER.get(t, 99))

    def url(category: str | None, outcome: str | None, detail: str | None = None) -> str:
        return records_url(OutcomeRef(result.cohort, category, outcome, detail))

    cohorts = []
    for h in result.cohorts:
        cohorts.append(
            {
                "category": h.category,
                "subjects": h.subjects,
                "unlinked": h.unlinked,
                "none_recorded": h.none_recorded,
                "none_recorded_share": h.share(h.none_recorded),
                "none_recorded_records": url(h.category, None),
                "outcomes": [
                    {
                        "type": o.type,
                        "subjects": o.subjects,
                        "share": h.share(o.subjects),
                        "records": url(h.category, o.type),
                        "details": [
                            {
                                "text": d.text,
                                "subjects": d.subjects,
                                "share": h.share(d.subjects),
                                "records": None
                                if d.text is None
                                else url(h.category, o.type, d.text),
                            }
                            for d in o.details
                        ],
                    }
                    for o in h.outcomes
                ],
            }
        )
    return {
        **_computed(c),
        "cohort": result.cohort,
        "unit": result.unit,
        "types": types,
        "cohorts": cohorts,
    }


def claims_view(c: Computed[list[PublicClaim]]) -> dict[str, Any]:
    out = []
    for p in c.value:
        x = p.comparison
        anchor = f"claim-{x.claim_id}" if x.span_start is not None else None
        out.append(
            {
                "id": x.claim_id,
                "text": x.text,
                "lower": x.lower,
                "upper": x.upper,
                "unit": x.unit,
                "counts": x.counts,
                "period": x.period,
                "event_type": x.event_type,
                "status": x.status,
                "events": x.events,
                "subjects": x.subjects,
                "spanning": x.spanning,
                "undated": x.undated,
                "registry_unit": x.registry_unit,
                "citation": {
                    "source": x.source_id,
                    "source_title": x.source_title or x.source_file,
                    "span_start": x.span_start,
                    "span_end": x.span_end,
                    "url": views.source_url(x.source_id, p.source_page, anchor),
                },
                "records": records_url(ClaimRef(x.claim_id)) if x.status == COMPARED else None,
            }
        )
    return {**_computed(c), "claims": out}


def figure_value(figs: Figures, ref: FigureRef) -> int | None:
    """The number the list stands behind, as the statistics show it."""
    if isinstance(ref, CellRef):
        tl = figs.timeline(ref.ask).value
        keys = set(tl.groups() if ref.keys is None else ref.keys)
        if ref.bucket is not None:
            return sum(x.events for x in tl.cells if x.key in keys and x.period == ref.bucket)
        return sum(tl.total(k) for k in keys)
    if isinstance(ref, OutcomeRef):
        cohort = next(
            (h for h in figs.outcomes(ref.after).value.cohorts if h.category == ref.category), None
        )
        if cohort is None:
            return 0
        if ref.outcome is None:
            return cohort.none_recorded
        o = cohort.outcome(ref.outcome)
        if o is None or ref.detail is None:
            return o.subjects if o else 0
        return sum(d.subjects for d in o.details if d.text == ref.detail)
    found = [p for p in figs.claims().value if p.comparison.claim_id == ref.claim_id]
    if not found:
        raise NotFound(f"no claim {ref.claim_id}")
    return found[0].comparison.events


def records_view(
    figs: Figures, pub: Public, ref: FigureRef, page: int, per_page: int
) -> dict[str, Any]:
    value = figure_value(figs, ref)
    listed = figs.records(ref)
    ids = listed.value
    shown = []
    for rid in ids[(page - 1) * per_page : page * per_page]:
        try:
            rec = pub.record(rid)
        except NotFound:  # withheld since the list was made (the date moved on): leave it out
            continue
        shown.append(views.record(rec, rec["events"]))
    return {
        **_computed(listed),
        "figure": _describe(ref),
        "value": value,
        "total": len(ids),
        "page": page,
        "per_page": per_page,
        "pages": math.ceil(len(ids) / per_page) if ids else 0,
        "records": shown,
    }


def _describe(ref: FigureRef) -> dict[str, Any]:
    if isinstance(ref, CellRef):
        return {
            "kind": "cell",
            "by": ref.ask.by,
            "filter": _filter(ref.ask.filter),
            "keys": None if ref.keys is None else list(ref.keys),
            "bucket": ref.bucket,
        }
    if isinstance(ref, OutcomeRef):
        return {
            "kind": "outcome",
            "after": ref.after,
            "cohort": ref.category,
            "outcome": ref.outcome,
            "detail": ref.detail,
        }
    return {"kind": "claim", "claim": ref.claim_id}
