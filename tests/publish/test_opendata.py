"""The open data: every file parses, and holds exactly the published persons and records."""

from __future__ import annotations

import csv
import functools
import html
import json
import sqlite3

import pytest

from vigil.publish import Report
from vigil.publish.datasette import DATABASE, METADATA
from vigil.publish.opendata import JSONLD
from vigil.publish.tables import TABLES

SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"


def _csv(site: Report, table: str) -> list[dict[str, str]]:
    with (site.data / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_and_json_lines_hold_the_published_rows(site: Report) -> None:
    expected = {"persons": site.persons, "records": site.records, "events": site.events,
                "sources": site.sources, "claims": site.claims}  # fmt: skip
    for table in TABLES:
        rows = _csv(site, table.name)
        assert list(rows[0]) == list(table.names)
        lines = (site.data / f"{table.name}.jsonl").read_text(encoding="utf-8").splitlines()
        objects = [json.loads(line) for line in lines]
        assert len(rows) == len(objects) == expected[table.name] > 0, table.name
        assert [str(o["id"]) for o in objects] == [r["id"] for r in rows]
        assert len({r["id"] for r in rows}) == len(rows)


def test_every_fact_row_carries_its_citation(site: Report) -> None:
    sources = {r["id"]: r["title"] or r["filename"] for r in _csv(site, "sources")}
    read = functools.cache(lambda path: (site.out / path).read_text(encoding="utf-8"))
    for table in ("records", "events"):
        for row in _csv(site, table):
            assert sources[row["source_id"]] == row["source_title"]
            assert row["locator"] or row["entry"]
            assert int(row["span_start"]) < int(row["span_end"])
            path, _, anchor = row["url"].partition("#")
            assert path.startswith("ru/sources/") and f'id="{anchor}"' in read(path)
            if table == "records":  # verbatim on the person's page, as on the server
                person = f"ru/persons/{row['person_id']}.html"
                assert html.escape(row["text"], quote=False) in read(person)


def test_json_ld_expands_with_persons_events_and_citations(site: Report) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    doc = json.loads((site.data / JSONLD).read_text(encoding="utf-8"))
    base = "https://example.org/data/vigil.jsonld"
    expanded = jsonld.expand(doc, {"base": base})
    assert len(expanded) == site.persons + site.records + site.events + site.sources + site.claims
    flat = jsonld.flatten(doc, None, {"base": base})  # nested nodes too, each once
    nodes = {n["@id"]: n for n in flat}

    def typed(kind: str) -> list[dict]:
        return [n for n in flat if f"{SCHEMA}{kind}" in n.get("@type", [])]

    persons, events = typed("Person"), typed("Event")
    assert len(persons) == site.persons + site.records  # each, and each record's account
    assert len(events) == site.events
    for event in events:
        (ref,) = event[f"{SCHEMA}subjectOf"]
        citation = nodes[ref["@id"]]
        assert f"{OA}hasSelector" in citation and f"{SCHEMA}url" in citation
        record = nodes[citation[f"{SCHEMA}isPartOf"][0]["@id"]]
        assert f"{OA}SpecificResource" in record["@type"]
        (selector,) = (nodes[x["@id"]] for x in record[f"{OA}hasSelector"])
        assert int(selector[f"{OA}start"][0]["@value"]) < int(selector[f"{OA}end"][0]["@value"])
        source = nodes[record[f"{OA}hasSource"][0]["@id"]]
        assert f"{SCHEMA}CreativeWork" in source["@type"]
        about = event[f"{SCHEMA}about"][0]["@id"]
        assert about in nodes or about.endswith("-subject")
    described = [n for n in persons if f"{SCHEMA}sameAs" in n]
    assert len(described) == site.records - site.lone_records  # each record's account, linked
    assert all(n[f"{SCHEMA}sameAs"][0]["@id"] in nodes for n in described)


def test_sqlite_for_datasette_has_keys_indexes_and_full_text(site: Report) -> None:
    db = sqlite3.connect(site.data / DATABASE)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {t.name for t in TABLES} | {"persons_fts"} <= tables
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
              ("persons", "records", "events", "sources", "claims")}  # fmt: skip
    assert counts == {"persons": site.persons, "records": site.records, "events": site.events,
                      "sources": site.sources, "claims": site.claims}  # fmt: skip
    keys = {(t, r[2], r[3]) for t in ("records", "events", "claims")
            for r in db.execute(f"PRAGMA foreign_key_list({t})")}  # fmt: skip
    assert ("records", "persons", "person_id") in keys
    assert ("events", "records", "record_id") in keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexed = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_records_person_id", "ix_events_record_id"} <= indexed
    hits = db.execute(
        "SELECT p.name FROM persons_fts f JOIN persons p ON p.id = f.rowid "
        "WHERE persons_fts MATCH 'trotzki'"
    ).fetchall()
    assert hits == [("Троцкий Семён Аронович",)]


def test_metadata_and_readme_describe_every_file_and_column(site: Report) -> None:
    meta = json.loads((site.data / METADATA).read_text(encoding="utf-8"))
    assert meta["title"] and meta["description"] and meta["license"] and meta["source"]
    (database,) = meta["databases"].values()
    readme = (site.data / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        described = database["tables"][table.name]["columns"]
        assert set(described) == set(table.names) and all(described.values())
        for column in table.names:
            assert f"| `{column}` |" in readme
    for path in site.data.iterdir():
        assert f"`{path.name}`" in readme, path.name
