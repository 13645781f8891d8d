"""The last round of a publication: what needs every batch done first.

The search index and the alphabetical lists need every person's entry (kept in the parts);
the open data's files and database join the batches' parts; the sources' list and rows need
the published records of each.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from vigil.publish import datasette, opendata, readme, rows, search_index
from vigil.publish.opendata import Parts
from vigil.publish.site import Site
from vigil.publish.tables import TABLES
from vigil.publish.work import Job, kept

SEARCH = "search"
DATA = "data"
TITLE = "Vigil: a registry of political persecution, from its sources"
DESCRIPTION = (
    "The published part of a Vigil registry: persons, their records in the sources, the events "
    "the records attest, the sources and the figures they state, each fact with its citation. "
    "People who may be alive, and people a takedown request names, are left out."
)


def sources_and_claims(
    job: Job,
    metas: list[dict[str, Any]],
    published: Counter[int],
    claims: list[tuple[dict[str, Any], dict[str, Any]]],
) -> dict[str, int]:
    """The sources' list pages, and their rows and the claims' as batch 0 of the open data."""
    urls = job.data_urls
    parts = Parts(job.parts, 0)
    for src in metas:
        row = rows.source_row(src, published[src["id"]], urls)
        parts.add("sources", row, opendata.nodes_for("sources", [row])[0])
    for claim, page in sorted(claims, key=lambda c: c[0]["id"]):
        row = rows.claim_row(claim, page, urls)
        parts.add("claims", row, opendata.nodes_for("claims", [row])[0])
    parts.write()
    Site(job.build, job.langs).sources([{**s, "records": published[s["id"]]} for s in metas])
    return {"sources": len(metas), "claims": len(claims)}


def index(job: Job, order: list[int]) -> None:
    """The offline search's index, from the batches' entries."""
    folder = job.build / SEARCH
    shards = search_index.write_shards(kept(job, order, "entries"), folder)
    search_index.write_tables(folder, shards)


def names(job: Job, order: list[int], counts: dict[str, int]) -> int:
    """The alphabetical lists of names; returns the pages written."""
    return Site(job.build, job.langs).names(kept(job, order, "listed"), counts)


def data(job: Job, order: list[int]) -> dict[str, int]:
    """The open data's files from the batches' parts, but the database; returns the rows of
    each table."""
    folder = job.build / DATA
    folder.mkdir(parents=True, exist_ok=True)
    counts = opendata.join(job.parts, folder, order)
    source = "Vigil registry" + (f", published at {job.base_url}" if job.base_url else "")
    datasette.write_metadata(folder, TITLE, DESCRIPTION, source)
    text = readme.readme(counts, job.today, job.policy, job.base_url)
    (folder / "README.md").write_text(text, encoding="utf-8")
    return counts


def database(job: Job, order: list[int]) -> None:
    """The open data's SQLite file for Datasette, from the batches' parts: a task of its own,
    beside `data` and `index`, as it takes as long as they do."""
    folder = job.build / DATA
    folder.mkdir(parents=True, exist_ok=True)
    parts = [job.parts / f"{batch:06d}.db" for batch in order]
    datasette.build(folder / datasette.DATABASE, [p for p in parts if p.exists()])


def data_pages(job: Job, counts: dict[str, int], database: str) -> int:
    """The page in each language that lists the open data's files."""
    files: list[dict[str, Any]] = []
    for t in TABLES:
        files.append({"name": f"{t.name}.csv", "kind": t.name, "rows": counts.get(t.name)})
        files.append({"name": f"{t.name}.jsonl", "kind": t.name, "rows": counts.get(t.name)})
    for name, kind in ((opendata.JSONLD, "jsonld"), (database, "sqlite"),
                       (datasette.METADATA, "metadata"), ("README.md", "readme")):  # fmt: skip
        files.append({"name": name, "kind": kind, "rows": None})
    Site(job.build, job.langs).data(files, database)
    return len(job.langs)
