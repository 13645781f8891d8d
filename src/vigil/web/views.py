"""Registry reads shaped once for both the pages and the JSON API, so the two cannot differ."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from vigil import profile


class Urls:
    """Where pages live: the server's absolute paths. The static site (vigil.publish) passes a
    scheme of relative file paths instead, so one set of views and templates serves both."""

    def source(self, source_id: int, page: int = 1, anchor: str | None = None) -> str:
        url = f"/sources/{source_id}" + (f"?page={page}" if page > 1 else "")
        return url + (f"#{anchor}" if anchor else "")

    def person(self, person_id: int) -> str:
        return f"/persons/{person_id}"

    def record(self, record_id: int) -> str:
        return f"/records/{record_id}"

    def home(self) -> str:
        return "/"

    def static(self, name: str) -> str:
        return f"/static/{name}"


SERVER = Urls()
_CITATION = tuple(f.name for f in fields(profile.Citation))
_ATTESTATION = tuple(f.name for f in fields(profile.Attestation) if f.name != "citation")


def source_url(source_id: int, page: int = 1, anchor: str | None = None) -> str:
    return SERVER.source(source_id, page, anchor)


def person_url(person_id: int) -> str:
    return SERVER.person(person_id)


def record_url(record_id: int) -> str:
    return SERVER.record(record_id)


def citation(c: profile.Citation, urls: Urls = SERVER) -> dict[str, Any]:
    # fields one by one: dataclasses.asdict deep-copies, and a page cites dozens of times
    out = {k: getattr(c, k) for k in _CITATION}
    out["url"] = urls.source(c.source, c.source_page, c.anchor)
    return out


def cite_record(
    rec: dict[str, Any], anchor: str | None = None, urls: Urls = SERVER
) -> dict[str, Any]:
    return citation(profile.cite(rec, anchor), urls)


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


def event(ev: dict[str, Any], rec: dict[str, Any], urls: Urls = SERVER) -> dict[str, Any]:
    anchor = f"event-{ev['id']}" if ev["span_start"] is not None else None
    return {
        **{k: ev[k] for k in EVENT_FIELDS},
        "record": ev["record_id"],
        "citation": cite_record(rec, anchor, urls),
    }


def record(
    rec: dict[str, Any], events: list[dict[str, Any]], urls: Urls = SERVER
) -> dict[str, Any]:
    return {
        "id": rec["id"],
        "person": rec.get("person"),
        "citation": cite_record(rec, urls=urls),
        "text": rec["text"],
        "name": _name(rec),
        "variants": [v for v in rec.get("variants") or [] if isinstance(v, str)],
        **{k: rec.get(k) for k in RECORD_FIELDS},
        "warnings": [str(w) for w in rec.get("warnings") or []],
        "events": [event(e, rec, urls) for e in events],
    }


def search(result: dict[str, Any], urls: Urls = SERVER) -> dict[str, Any]:
    hits = []
    for hit in result["results"]:
        url = urls.person(hit["person"]) if hit["person"] else urls.record(hit["record"])
        hits.append(
            {
                **{k: hit[k] for k in HIT_FIELDS},
                "url": url,
                "name": {**hit["name"], "written": hit["name"]["name_written"]},
                "matches": [
                    cite_record(m, urls=urls)
                    | {"name_written": m["name_written"], "birth": m["birth"]}
                    for m in hit["matches"]
                ],
            }
        )
    return {**{k: v for k, v in result.items() if k != "results"}, "results": hits}


def person(dossier: dict[str, Any], urls: Urls = SERVER) -> dict[str, Any]:
    prof = profile.build(dossier)
    events: dict[int, list[dict[str, Any]]] = {}
    for ev in dossier["events"]:
        events.setdefault(ev["record_id"], []).append(ev)

    def values(vals: list[profile.Value]) -> list[dict[str, Any]]:
        return [
            {"value": v.value, "citations": [citation(c, urls) for c in v.citations]} for v in vals
        ]

    records = []
    for rec in dossier["records"]:
        records.append(record({**rec, "person": dossier["id"]}, events.get(rec["id"], []), urls))
    return {
        "id": dossier["id"],
        "url": urls.person(dossier["id"]),
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
                        **{k: getattr(a, k) for k in _ATTESTATION},
                        "citation": citation(a.citation, urls),
                    }
                    for a in m.attestations
                ],
            }
            for m in prof.timeline
        ],
        "conflicts": prof.conflicts,
        "records": records,
    }


def source(src: dict[str, Any], urls: Urls = SERVER) -> dict[str, Any]:
    out = {k: v for k, v in src.items() if k not in ("records", "events", "passages")}
    out["url"] = urls.source(src["id"], src["page"])
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
