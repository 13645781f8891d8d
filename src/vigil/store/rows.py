"""Model objects to table rows: the one place that knows how a fact is laid out in columns."""

from __future__ import annotations

from typing import Any

from vigil.dates import PartialDate
from vigil.model import Claim, Event, Quote, Record, SourceMeta, Span


def dated(prefix: str, value: PartialDate | None) -> dict[str, str | None]:
    if value is None:
        return {prefix: None, f"{prefix}_lower": None, f"{prefix}_upper": None}
    return {
        prefix: value.edtf,
        f"{prefix}_lower": value.lower.isoformat(),
        f"{prefix}_upper": value.upper.isoformat(),
    }


def span(value: Span | None) -> dict[str, int | None]:
    if value is None:
        return {"span_start": None, "span_end": None}
    return {"span_start": value.start, "span_end": value.end}


def source_row(meta: SourceMeta) -> dict[str, Any]:
    return {
        "kind": meta.kind,
        "title": meta.title,
        "author": meta.author,
        "written": meta.written.edtf if meta.written else None,
        **dated("published", meta.published),
        "venue": meta.venue,
        "volume": meta.volume,
        "issue": meta.issue,
        "updated": meta.updated.edtf if meta.updated else None,
        "locator": meta.locator,
        "language": meta.language,
    }


def record_row(rec: Record, record_id: int, source_id: int) -> dict[str, Any]:
    name = rec.name
    parts = [name.surname, name.given, name.patronymic, *name.variants] if name else []
    searchable = " ".join(p for p in parts if p).casefold() or None
    return {
        "id": record_id,
        "source_id": source_id,
        "entry": rec.entry,
        "locator": rec.locator,
        "line": rec.line,
        **span(rec.span),
        "name_written": name.written if name else None,
        "surname": name.surname if name else None,
        "given": name.given if name else None,
        "patronymic": name.patronymic if name else None,
        "variants": name.variants if name and name.variants else None,
        "name_search": searchable,
        "sex": rec.sex,
        **dated("birth", rec.birth_date),
        "birth_place": rec.birth_place,
        "nationality": rec.nationality,
        "party": rec.party,
        "occupation": rec.occupation,
        "residence": rec.residence,
        "warnings": rec.warnings or None,
    }


def event_row(ev: Event, record_id: int, source_id: int) -> dict[str, Any]:
    return {
        "record_id": record_id,
        "source_id": source_id,
        "type": ev.type,
        **dated("date", ev.date),
        "place": ev.place,
        "authority": ev.authority,
        "category": ev.category,
        "charge": ev.charge,
        "detail": ev.detail,
        **span(ev.span),
    }


def claim_row(c: Claim, source_id: int) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "text": c.text,
        "lower": c.lower,
        "upper": c.upper,
        "unit": c.unit,
        "counts": c.counts,
        **dated("period", c.period),
        **span(c.span),
    }


def quote_row(q: Quote, source_id: int) -> dict[str, Any]:
    return {"source_id": source_id, "text": q.text, "attribution": q.attribution, **span(q.span)}
