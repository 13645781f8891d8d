"""The pieces of work a publication is cut into, each run in a worker process (or inline).

Every function takes the `Job` (where the registry is, where the site is being built, the
policy and the day it is judged on) and a share of the work, opens what it needs once per
process, writes its pages and open-data parts under the build folder, and returns only what
the main process must gather: counts, and (kept in the parts for the last round) index
entries and name-list items. Each worker judges
every group again by the same policy before writing it, so a page is never written for
someone withheld, whatever it was handed, and reads records with the policy's sensitive fields
blanked, so no page or row holds them.
"""

from __future__ import annotations

import pickle
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vigil import privacy
from vigil.publish import jsonld, rows
from vigil.publish.opendata import Parts
from vigil.publish.search_index import Entry, entry
from vigil.publish.site import Site
from vigil.publish.urls import SiteUrls, person_path, record_path
from vigil.store import Registry
from vigil.store.browse import group_facts, is_withheld, source_page_range
from vigil.store.publication import Spans, dossiers, lone_records, name_keys

PARTS = "_parts"  # inside the build folder; removed before the site is put in place


@dataclass(frozen=True, slots=True)
class Job:
    url: str  # the registry, as SQLAlchemy takes it
    build: Path  # the folder the site is written into
    langs: tuple[str, ...]
    today: date
    policy: privacy.Policy
    base_url: str  # "" or an absolute URL ending in "/", for the open data's links

    @property
    def data_urls(self) -> SiteUrls:
        """Links in the open data: to the first language's pages, from the site's root."""
        lang = self.langs[0]
        return SiteUrls(lang, f"{self.base_url}{lang}/", self.base_url)

    @property
    def parts(self) -> Path:
        return self.build / PARTS


@dataclass(slots=True)
class Listed:
    """A person (or lone record) in the alphabetical list."""

    sort: str
    name: str
    births: tuple[str, ...]
    path: str  # from the language's root


@dataclass(slots=True)
class BatchResult:
    records: Counter[int] = field(default_factory=Counter)  # published records per source
    events: int = 0
    pages: int = 0


@dataclass(slots=True)
class SourceResult:
    source_id: int
    meta: dict[str, Any] | None  # the source's description, from its first page
    records: int  # published records on the pages done
    claims: list[tuple[dict[str, Any], dict[str, Any]]]  # (claim, its page of the source)
    pages: int


class _Worker:
    """What one process keeps between tasks of the same job."""

    def __init__(self, job: Job) -> None:
        self.registry = Registry.open(job.url)
        self.site = Site(job.build, job.langs)
        self.withhold = privacy.screen(job.policy, job.today)


_WORKERS: dict[Job, _Worker] = {}


def _worker(job: Job) -> _Worker:
    if job not in _WORKERS:
        _WORKERS[job] = _Worker(job)
    return _WORKERS[job]


def release(job: Job) -> None:
    """Close what this process kept for the job (the work ran here, not in a pool)."""
    kept = _WORKERS.pop(job, None)
    if kept is not None:
        kept.registry.close()


def display_name(names: list[dict[str, Any]], records: list[dict[str, Any]], ident: int) -> str:
    """The name a list shows: the first as written, else the parts, else the number."""
    if names:
        return str(names[0]["value"])
    for rec in records:
        if rec.get("name_written"):
            return str(rec["name_written"])
        parts = [rec.get(k) for k in ("surname", "given", "patronymic") if rec.get(k)]
        if parts:
            return " ".join(parts)
    return f"№ {ident}"


def sort_key(name: str) -> str:
    return name.casefold().replace("ё", "е")


def persons(job: Job, batch: int, person_ids: list[int]) -> BatchResult:
    """Pages, index entries and open-data rows of these persons."""
    w = _worker(job)
    urls = job.data_urls
    out = BatchResult()
    parts = Parts(job.parts, batch)
    listing = Listing()
    with w.registry.engine.connect() as conn:
        facts = group_facts(conn, [("p", p) for p in person_ids])
        shown = [p for p in person_ids if not is_withheld(facts.get(("p", p)), w.withhold)]
        found = dossiers(conn, shown, Spans(conn), facts, privacy.sensitive(w.withhold))
        keys = name_keys(conn, [r["id"] for d in found for r in d["records"]])
    for dossier in found:
        view = w.site.person(dossier)
        name = display_name(view["names"], dossier["records"], dossier["id"])
        e = listing.add(keys, person_path(dossier["id"]), name, dossier["records"])
        row = rows.person_row(dossier, view, e.surnames, urls)
        parts.add("persons", row, jsonld.person(row, [r["id"] for r in dossier["records"]]))
        _record_rows(out, parts, urls, dossier["records"], dossier["events"], dossier["id"])
    out.pages = len(found) * len(job.langs)
    parts.write()
    listing.write(job, batch)
    return out


def lone(job: Job, batch: int, record_ids: list[int]) -> BatchResult:
    """Pages, index entries and open-data rows of records no person holds yet."""
    w = _worker(job)
    urls = job.data_urls
    out = BatchResult()
    parts = Parts(job.parts, batch)
    listing = Listing()
    with w.registry.engine.connect() as conn:
        facts = group_facts(conn, [("r", r) for r in record_ids])
        shown = [r for r in record_ids if not is_withheld(facts.get(("r", r)), w.withhold)]
        found = lone_records(conn, shown, Spans(conn), privacy.sensitive(w.withhold))
        keys = name_keys(conn, shown)
    for rec in found:
        w.site.record(rec)
        name = display_name([], [rec], rec["id"])
        listing.add(keys, record_path(rec["id"]), name, [rec])
        _record_rows(out, parts, urls, [rec], rec["events"], None)
    out.pages = len(found) * len(job.langs)
    parts.write()
    listing.write(job, batch)
    return out


class Listing:
    """A batch's index entries and list items, kept in the parts for the last round's tasks
    to read, so that they do not pass through the main process twice."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.listed: list[Listed] = []

    def add(self, keys: dict[int, dict[str, Any]], path: str, name: str,
            records: list[dict[str, Any]]) -> Entry:  # fmt: skip
        """A person's (or a lone record's) place in the offline search and the list."""
        e = entry(path, name, records, keys)
        self.entries.append(e)
        births = tuple(dict.fromkeys(r["birth"] for r in records if r["birth"]))
        self.listed.append(Listed(sort_key(name), name, births, path))
        return e

    def write(self, job: Job, batch: int) -> None:
        for what in ("entries", "listed"):
            with open(job.parts / f"{batch:06d}.{what}.pickle", "wb") as f:
                pickle.dump(getattr(self, what), f, protocol=pickle.HIGHEST_PROTOCOL)


def kept(job: Job, order: list[int], what: str) -> list[Any]:
    """The index entries ("entries") or list items ("listed") of the batches, in order."""
    found: list[Any] = []
    for batch in order:
        with open(job.parts / f"{batch:06d}.{what}.pickle", "rb") as f:
            found += pickle.load(f)
    return found


def _record_rows(
    out: BatchResult,
    parts: Parts,
    urls: SiteUrls,
    records: list[dict[str, Any]],
    events: list[dict[str, Any]],
    person: int | None,
) -> None:
    """The open data's rows of these records and their events."""
    by_id = {r["id"]: r for r in records}
    for rec in records:
        row = rows.record_row(rec, person, urls)
        parts.add("records", row, jsonld.record(row))
        out.records[rec["source_id"]] += 1
    for ev in events:
        row = rows.event_row(ev, by_id[ev["record_id"]], person, urls)
        parts.add("events", row, jsonld.event(row))
        out.events += 1


def source_pages(job: Job, source_id: int, first: int, last: int) -> SourceResult:
    """Pages `first` to `last` of a source, with what the public may see on them."""
    w = _worker(job)
    result = SourceResult(source_id, None, 0, [], 0)
    with w.registry.engine.connect() as conn:
        found = source_page_range(conn, source_id, first, last, w.withhold)
    for src in found:
        w.site.source(src)
        result.pages += len(job.langs)
        if src["page"] == 1:
            result.meta = {k: v for k, v in src.items() if k not in ("passages", "records",
                                                                     "events", "claims",
                                                                     "quotes")}  # fmt: skip
        result.records += sum(1 for r in src["records"] if not r["withheld"])
        page_of = {"id": source_id, "page": src["page"], "title": src["title"],
                   "filename": src["filename"]}  # fmt: skip
        result.claims += [(c, page_of) for c in src["claims"]]
    return result
