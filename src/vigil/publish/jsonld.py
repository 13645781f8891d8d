"""The open data as JSON-LD: schema.org Persons and Events, each fact with its citation.

How a citation is expressed. schema.org has no property that cites a single statement, so the
facts are said where the source says them: each record is a `CreativeWork` (an entry of its
source: `isPartOf` the source, at `position`, with its verbatim `text` and the `url` of the
marked span) and, as a W3C Web Annotation `SpecificResource`, points into the source's text with
a `TextPositionSelector` (character offsets `start`, `end`). What the record says of the person
is a `Person` node that is `about`-ed by the record and is `subjectOf` it: its name parts,
birth, birthplace, nationality, occupation, residence, party and document, as that source gives
them. That node is `sameAs` the registry's person, whose own node only names them and links the
page. Each `Event` is `about` the person (or the record's person when not linked) and
`subjectOf` its citation: a `SpecificResource` that `isPartOf` the record, with the event's own
span in the source (the record's when the event has none). So two sources that disagree on a
birth year give two cited Person descriptions, never one reconciled value.

Node ids are fragments of this document (`#person-12`, `#record-34`, `#event-56`,
`#source-1`); the context is inline, so the file expands without fetching anything.
"""

from __future__ import annotations

from typing import Any

from vigil.publish.rows import as_dict

CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "SpecificResource": "oa:SpecificResource",
    "TextPositionSelector": "oa:TextPositionSelector",
    "hasSource": {"@id": "oa:hasSource", "@type": "@id"},
    "hasSelector": {"@id": "oa:hasSelector"},
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "about": {"@type": "@id"},
    "subjectOf": {"@type": "@id"},
    "isPartOf": {"@type": "@id"},
    "sameAs": {"@type": "@id"},
    "url": {"@type": "@id"},
}
_GENDER = {"m": "Male", "f": "Female"}


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, "", [])}


def _named(kind: str, name: str | None) -> dict[str, Any] | None:
    return {"@type": kind, "name": name} if name else None


def _selector(start: int | None, end: int | None) -> dict[str, Any] | None:
    if start is None or end is None:
        return None
    return {"@type": "TextPositionSelector", "start": start, "end": end}


def source(row: tuple[Any, ...]) -> dict[str, Any]:
    s = as_dict("sources", row)
    return _clean(
        {
            "@id": f"#source-{s['id']}",
            "@type": "CreativeWork",
            "name": s["title"] or s["filename"],
            "author": s["author"],
            "dateCreated": s["written"],
            "datePublished": s["published"],
            "publisher": _named("Organization", s["venue"]),
            "inLanguage": s["language"],
            "identifier": s["sha256"],
            "genre": s["kind"],
            "url": s["url"],
        }
    )


def person(row: tuple[Any, ...], records: list[int]) -> dict[str, Any]:
    p = as_dict("persons", row)
    names = p["names"].split(" | ") if p["names"] else []
    return _clean(
        {
            "@id": f"#person-{p['id']}",
            "@type": "Person",
            "name": p["name"],
            "alternateName": names[1:],
            "url": p["url"],
            "subjectOf": [f"#record-{r}" for r in records],
        }
    )


def subject_id(record_id: int, person_id: int | None) -> str:
    """The node an event of this record is about."""
    return f"#person-{person_id}" if person_id else f"#record-{record_id}-subject"


def record(row: tuple[Any, ...]) -> dict[str, Any]:
    r = as_dict("records", row)
    rid = f"#record-{r['id']}"
    subject = _clean(
        {
            "@id": f"{rid}-subject",
            "@type": "Person",
            "sameAs": f"#person-{r['person_id']}" if r["person_id"] else None,
            "name": r["name_written"],
            "familyName": r["surname"],
            "givenName": r["given"],
            "additionalName": r["patronymic"],
            "gender": _GENDER.get(r["sex"] or ""),
            "birthDate": r["birth"],
            "birthPlace": _named("Place", r["birth_place"]),
            "nationality": r["nationality"],
            "hasOccupation": _named("Occupation", r["occupation"]),
            "homeLocation": _named("Place", r["residence"]),
            "affiliation": _named("Organization", r["party"]),
            "identifier": r["document"],
            "subjectOf": rid,
        }
    )
    return _clean(
        {
            "@id": rid,
            "@type": ["CreativeWork", "SpecificResource"],
            "isPartOf": f"#source-{r['source_id']}",
            "hasSource": f"#source-{r['source_id']}",
            "hasSelector": _selector(r["span_start"], r["span_end"]),
            "position": r["locator"] or str(r["entry"]),
            "text": r["text"],
            "url": r["url"],
            "about": subject,
        }
    )


def event(row: tuple[Any, ...]) -> dict[str, Any]:
    e = as_dict("events", row)
    return _clean(
        {
            "@id": f"#event-{e['id']}",
            "@type": "Event",
            "name": e["type"],
            "keywords": e["category"],
            "temporalCoverage": e["date"],
            "startDate": e["date_lower"],
            "endDate": e["date_upper"],
            "location": _named("Place", e["place"]),
            "organizer": _named("Organization", e["authority"]),
            "description": "; ".join(x for x in (e["charge"], e["detail"]) if x) or None,
            "about": subject_id(e["record_id"], e["person_id"]),
            "subjectOf": _clean(
                {
                    "@id": f"#event-{e['id']}-citation",
                    "@type": ["CreativeWork", "SpecificResource"],
                    "isPartOf": f"#record-{e['record_id']}",
                    "hasSource": f"#source-{e['source_id']}",
                    "hasSelector": _selector(e["span_start"], e["span_end"]),
                    "url": e["url"],
                }
            ),
        }
    )


def claim(row: tuple[Any, ...]) -> dict[str, Any]:
    c = as_dict("claims", row)
    return _clean(
        {
            "@id": f"#claim-{c['id']}",
            "@type": ["Claim", "SpecificResource"],
            "text": c["text"],
            "temporalCoverage": c["period"],
            "appearance": f"#source-{c['source_id']}",
            "hasSource": f"#source-{c['source_id']}",
            "hasSelector": _selector(c["span_start"], c["span_end"]),
            "url": c["url"],
        }
    )
