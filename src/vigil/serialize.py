"""The public JSON shapes printed by `vigil parse --json` (documented in the README)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vigil.dates import PartialDate
from vigil.model import Claim, Event, Parsed, Quote, Record, Span


def _edtf(value: PartialDate | None) -> str | None:
    return value.edtf if value else None


def _span(value: Span | None) -> list[int] | None:
    return [value.start, value.end] if value else None


def event_json(ev: Event) -> dict[str, Any]:
    return {
        "type": ev.type,
        "date": _edtf(ev.date),
        "place": ev.place,
        "authority": ev.authority,
        "charge": ev.charge,
        "category": ev.category,
        "detail": ev.detail,
    }


def record_json(rec: Record, body: str) -> dict[str, Any]:
    """One memory-book or table entry."""
    name = rec.name
    birth = None
    if rec.birth_date is not None or rec.birth_place is not None:
        birth = {"date": _edtf(rec.birth_date), "place": rec.birth_place}
    return {
        "entry": rec.entry,
        "text": body[rec.span.start : rec.span.end],
        "name": (
            {
                "surname": name.surname,
                "given": name.given,
                "patronymic": name.patronymic,
                "variants": list(name.variants),
            }
            if name
            else None
        ),
        "sex": rec.sex,
        "birth": birth,
        "nationality": rec.nationality,
        "party": rec.party,
        "occupation": rec.occupation,
        "residence": rec.residence,
        "document": rec.document,
        "events": [event_json(ev) for ev in rec.events],
        "warnings": list(rec.warnings),
    }


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "text": c.text,
        "lower": c.lower,
        "upper": c.upper,
        "unit": c.unit,
        "counts": c.counts,
        "period": _edtf(c.period),
        "span": _span(c.span),
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "attribution": q.attribution, "span": _span(q.span)}


def article_json(parsed: Parsed) -> dict[str, Any]:
    """A whole article: its metadata, claims and quotes."""
    m = parsed.meta
    return {
        "source": {
            "title": m.title,
            "author": m.author,
            "written": _edtf(m.written),
            "published": {
                "venue": m.venue,
                "volume": m.volume,
                "issue": m.issue,
                "date": _edtf(m.published),
            },
            "updated": _edtf(m.updated),
        },
        "claims": [claim_json(c) for c in parsed.claims],
        "quotes": [quote_json(q) for q in parsed.quotes],
        "warnings": list(parsed.warnings),
    }


def parsed_json(parsed: Parsed) -> Iterator[dict[str, Any]]:
    """What `vigil parse --json` prints, one per line: an object per entry, or one per article."""
    if parsed.meta.kind == "article":
        yield article_json(parsed)
        return
    for rec in parsed.records:
        yield record_json(rec, parsed.body)
