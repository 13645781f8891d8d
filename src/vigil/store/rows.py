"""Model objects to table rows: the one place that knows how a fact is laid out in columns."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from vigil.dates import PartialDate
from vigil.model import Claim, Event, Quote, Record, SourceMeta, Span
from vigil.names.text import visible

_NO_DATE = (None, None, None)


@lru_cache(maxsize=1 << 16)
def _bounds(value: PartialDate) -> tuple[str, str, str]:
    # Dates repeat across a list ("в 1937 г."), and formatting them is a hot path of ingest.
    return value.edtf, value.lower.isoformat(), value.upper.isoformat()


def bounds(value: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    """(EDTF, lower, upper) columns of a partial date."""
    return _NO_DATE if value is None else _bounds(value)


def dated(prefix: str, value: PartialDate | None) -> dict[str, str | None]:
    edtf, lower, upper = bounds(value)
    return {prefix: edtf, f"{prefix}_lower": lower, f"{prefix}_upper": upper}


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
    if name is not None:
        parts = [name.surname, name.given, name.patronymic, *name.variants]
        # as shown: a zero-width space typed inside "Пет\u200bров" must not hide it from search
        searchable = visible(" ".join(p for p in parts if p)).casefold() or None
    birth, birth_lower, birth_upper = bounds(rec.birth_date)
    return {
        "id": record_id,
        "source_id": source_id,
        "entry": rec.entry,
        "locator": rec.locator,
        "line": rec.line,
        "span_start": rec.span.start,
        "span_end": rec.span.end,
        "name_written": name.written if name else None,
        "surname": name.surname if name else None,
        "given": name.given if name else None,
        "patronymic": name.patronymic if name else None,
        "variants": name.variants or None if name else None,
        "name_search": searchable if name else None,
        "sex": rec.sex,
        "birth": birth,
        "birth_lower": birth_lower,
        "birth_upper": birth_upper,
        "birth_place": rec.birth_place,
        "nationality": rec.nationality,
        "party": rec.party,
        "occupation": rec.occupation,
        "residence": rec.residence,
        "document": rec.document,
        "warnings": rec.warnings or None,
    }


def event_row(ev: Event, record_id: int, source_id: int) -> dict[str, Any]:
    date, lower, upper = bounds(ev.date)
    sp = ev.span
    return {
        "record_id": record_id,
        "source_id": source_id,
        "type": ev.type,
        "date": date,
        "date_lower": lower,
        "date_upper": upper,
        "place": ev.place,
        "authority": ev.authority,
        "category": ev.category,
        "charge": ev.charge,
        "detail": ev.detail,
        "span_start": sp.start if sp else None,
        "span_end": sp.end if sp else None,
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


def key_row(
    record_id: int,
    surname: str | None,
    given: str | None,
    patronymic: str | None,
    written: str | None,
    sex: str | None = None,
) -> dict[str, Any]:
    """A record's name keys, computed once so linkage compares keys, not spellings."""
    return {"record_id": record_id, **_keys(surname, given, patronymic, written, sex)}


@lru_cache(maxsize=1 << 18)
def _keys(
    surname: str | None,
    given: str | None,
    patronymic: str | None,
    written: str | None,
    sex: str | None,
) -> dict[str, Any]:
    # Lists repeat names (Иванов Иван Иванович), and parsing one costs a morphology lookup.
    from vigil.names import from_parts, name_keys, parse_name
    from vigil.names.version import KEYS_VERSION

    if surname or given or patronymic:
        parts = from_parts(
            surname, given, patronymic, written, sex=sex if sex in ("m", "f") else None
        )
    else:
        parts = parse_name(written or "")
    k = name_keys(parts)
    return {
        "version": KEYS_VERSION,
        "surname_lemma": k.surname_lemma,
        "surname_key": k.surname_key or None,
        "surname_phonetic": k.surname_phonetic or None,
        "given_key": k.given_key or None,
        "given_initial": k.given_initial or None,
        "patronymic_key": k.patronymic_key or None,
        "patronymic_initial": k.patronymic_initial or None,
        "sex": k.sex,
    }
