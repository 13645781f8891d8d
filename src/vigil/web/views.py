"""Registry reads shaped once for both the pages and the JSON API, so the two cannot differ."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from vigil import profile


def source_url(source_id: int, page: int = 1, anchor: str | None = None) -> str:
    url = f"/sources/{source_id}" + (f"?page={page}" if page > 1 else "")
    return url + (f"#{anchor}" if anchor else "")


def person_url(person_id: int) -> str:
    return f"/persons/{person_id}"


def record_url(record_id: int) -> str:
    return f"/records/{record_id}"


def citation(c: profile.Citation) -> dict[str, Any]:
    return {**asdict(c), "url": source_url(c.source, c.source_page, c.anchor)}


def cite_record(rec: dict[str, Any], anchor: str | None = None) -> dict[str, Any]:
    return citation(profile.cite(rec, anchor))


def _name(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "surname": rec.get("surname"),
        "given": rec.get("given"),
        "patronymic": rec.get("patronymic"),
        "written": rec.get("name_written"),
    }


EVENT_FIELDS = ("id", "type", "date", "date_lower", "date_upper", "place", "authority",
                "category", "charge", "detail")  # fmt: skip
RECORD_FIELDS = ("sex", "birth", "birth_place", "nationality", "party", "occupation",
                 "residence", "document")  # fmt: skip
HIT_FIELDS = ("person", "record", "births", "records", "sources", "matched")


def event(ev: dict[str, Any], rec: dict[str, Any]) -> dict[str, Any]:
    anchor = f"event-{ev['id']}" if ev["span_start"] is not None else None
    return {
        **{k: ev[k] for k in EVENT_FIELDS},
        "record": ev["record_id"],
        "citation": cite_record(rec, anchor),
    }


def record(rec: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": rec["id"],
        "person": rec.get("person"),
        "citation": cite_record(rec),
        "text": rec["text"],
        "name": _name(rec),
        "variants": [v for v in rec.get("variants") or [] if isinstance(v, str)],
        **{k: rec.get(k) for k in RECORD_FIELDS},
        "warnings": [str(w) for w in rec.get("warnings") or []],
        "events": [event(e, rec) for e in events],
    }


def search(result: dict[str, Any]) -> dict[str, Any]:
    hits = []
    for hit in result["results"]:
        url = person_url(hit["person"]) if hit["person"] else record_url(hit["record"])
        hits.append(
            {
                **{k: hit[k] for k in HIT_FIELDS},
                "url": url,
                "name": {**hit["name"], "written": hit["name"]["name_written"]},
                "matches": [
                    cite_record(m) | {"name_written": m["name_written"], "birth": m["birth"]}
                    for m in hit["matches"]
                ],
            }
        )
    return {**{k: v for k, v in result.items() if k != "results"}, "results": hits}


def person(dossier: dict[str, Any]) -> dict[str, Any]:
    prof = profile.build(dossier)
    events: dict[int, list[dict[str, Any]]] = {}
    for ev in dossier["events"]:
        events.setdefault(ev["record_id"], []).append(ev)

    def values(vals: list[profile.Value]) -> list[dict[str, Any]]:
        return [{"value": v.value, "citations": [citation(c) for c in v.citations]} for v in vals]

    records = []
    for rec in dossier["records"]:
        records.append(record({**rec, "person": dossier["id"]}, events.get(rec["id"], [])))
    return {
        "id": dossier["id"],
        "url": person_url(dossier["id"]),
        "names": values(prof.names),
        "variants": values(prof.variants),
        "facts": [
            {"field": f.field, "values": values(f.values), "conflict": f.conflict}
            for f in prof.facts
        ],
        "timeline": [
            {
                "type": m.type,
                "date": m.date,
                "lower": m.lower,
                "upper": m.upper,
                "conflict": m.conflict,
                "attestations": [
                    {
                        **{k: v for k, v in asdict(a).items() if k != "citation"},
                        "citation": citation(a.citation),
                    }
                    for a in m.attestations
                ],
            }
            for m in prof.timeline
        ],
        "conflicts": prof.conflicts,
        "records": records,
    }


def source(src: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in src.items() if k not in ("records", "events", "passages")}
    out["url"] = source_url(src["id"], src["page"])
    out["passages"] = src["passages"]
    out["records"] = [
        {
            "id": r["id"],
            "withheld": r["withheld"],
            "entry": r["entry"],
            "locator": r["locator"],
            "span_start": r["span_start"],
            "span_end": r["span_end"],
            "name_written": r.get("name_written"),
            "person": r.get("person_id"),
        }
        for r in src["records"]
    ]
    out["events"] = [
        {
            **{k: e[k] for k in ("id", "type", "date", "span_start", "span_end")},
            "record": e["record_id"],
        }
        for e in src["events"]
    ]
    return out
