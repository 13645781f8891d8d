"""Rows of the open data's tables (`tables.py`), made from what the pages show.

A person's row comes from the same view as their page; a record's and an event's carry the
citation the page gives them (source, locator, span, and the link to the span). Rows are tuples
in the order of the table's columns; `as_dict` pairs them with the names.
"""

from __future__ import annotations

from typing import Any

from vigil.publish.tables import BY_NAME, CLAIMS, EVENTS, PERSONS, RECORDS, SOURCES
from vigil.publish.urls import SiteUrls

Row = tuple[Any, ...]
SEP = " | "


def as_dict(table: str, row: Row) -> dict[str, Any]:
    return dict(zip(BY_NAME[table].names, row, strict=True))


def person_row(
    dossier: dict[str, Any], view: dict[str, Any], spellings: tuple[str, ...], urls: SiteUrls
) -> Row:
    recs = dossier["records"]
    named = next((r for r in recs if r.get("surname")), recs[0])
    births = next((f["values"] for f in view["facts"] if f["field"] == "birth"), [])
    row = (
        dossier["id"],
        view["names"][0]["value"] if view["names"] else None,
        named.get("surname"),
        named.get("given"),
        named.get("patronymic"),
        SEP.join(v["value"] for v in view["names"]) or None,
        SEP.join(v["value"] for v in births) or None,
        len(recs),
        len({r["source_id"] for r in recs}),
        " ".join(spellings) or None,
        urls.person(dossier["id"]),
    )
    assert len(row) == len(PERSONS.columns)
    return row


def _cited(rec: dict[str, Any], span: tuple[Any, Any], anchor: str, urls: SiteUrls) -> Row:
    return (
        rec["source_id"],
        rec["source_title"],
        rec["locator"],
        rec["entry"],
        *span,
        urls.source(rec["source_id"], rec["source_page"], anchor),
    )


def record_row(rec: dict[str, Any], person_id: int | None, urls: SiteUrls) -> Row:
    span = (rec["span_start"], rec["span_end"])
    row = (
        rec["id"],
        person_id,
        *_cited(rec, span, f"record-{rec['id']}", urls),
        *(rec.get(k) for k in ("name_written", "surname", "given", "patronymic", "sex", "birth",
                               "birth_lower", "birth_upper", "birth_place", "nationality",
                               "party", "occupation", "residence", "document", "text")),
    )  # fmt: skip
    assert len(row) == len(RECORDS.columns)
    return row


def event_row(
    ev: dict[str, Any], rec: dict[str, Any], person_id: int | None, urls: SiteUrls
) -> Row:
    own = ev["span_start"] is not None
    span = (ev["span_start"], ev["span_end"]) if own else (rec["span_start"], rec["span_end"])
    anchor = f"event-{ev['id']}" if own else f"record-{rec['id']}"
    row = (
        ev["id"],
        rec["id"],
        person_id,
        *(ev[k] for k in ("type", "date", "date_lower", "date_upper", "place", "authority",
                          "category", "charge", "detail")),
        *_cited(rec, span, anchor, urls),
    )  # fmt: skip
    assert len(row) == len(EVENTS.columns)
    return row


def source_row(src: dict[str, Any], records: int, urls: SiteUrls) -> Row:
    row = (
        src["id"],
        *(src[k] for k in ("kind", "title", "author", "written", "published", "venue",
                           "volume", "issue", "locator", "language", "filename", "sha256")),
        records,
        urls.source(src["id"]),
    )  # fmt: skip
    assert len(row) == len(SOURCES.columns)
    return row


def claim_row(claim: dict[str, Any], src: dict[str, Any], urls: SiteUrls) -> Row:
    row = (
        claim["id"],
        *(claim[k] for k in ("text", "lower", "upper", "unit", "counts", "period")),
        src["id"],
        src["title"] or src["filename"],
        claim["span_start"],
        claim["span_end"],
        urls.source(src["id"], src["page"], f"claim-{claim['id']}"),
    )
    assert len(row) == len(CLAIMS.columns)
    return row
