"""The linkage commands as a user types them."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from vigil.cli import app
from vigil.store import Registry

runner = CliRunner()


def _run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_link_persons_show_and_export(linked: Registry) -> None:
    db = linked.location
    out = _run("link", "--db", db, "--quiet")
    assert out.exit_code == 0, out.output
    assert "incremental run on duckdb" in out.output and "Registry:" in out.output
    report = json.loads(_run("link", "--db", db, "--json").output)
    assert report["mode"] == "incremental" and report["new_records"] == 0
    persons = json.loads(_run("persons", "--db", db, "--json", "--limit", "0").output)
    assert persons and all(p["records"] >= 1 for p in persons)
    biggest = max(persons, key=lambda p: p["records"])
    shown = _run("show", "person", str(biggest["id"]), "--db", db)
    assert shown.exit_code == 0 and f"person {biggest['id']}" in shown.output
    exported = list(csv.reader(io.StringIO(_run("export", "links", "--csv", "--db", db).output)))
    assert exported[0] == ["source", "locator", "person"]
    assert len(exported) - 1 == sum(p["records"] for p in persons)


def test_explain_and_review(linked: Registry) -> None:
    db = linked.location
    pair = linked.review_queue(linked.last_run()["threshold"], 1)[0]  # what review shows first
    a, b = str(pair["record_a"]), str(pair["record_b"])
    out = _run("explain", a, b, "--db", db)
    assert out.exit_code == 0, out.output
    assert "prior" in out.output and "total" in out.output and "No reviewer decision" in out.output
    out = _run("review", "--db", db, "--limit", "3", "--reviewer", "anna",
               input="different\nnot the same birthplace\nskip\nquit\n")  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "1 decision(s) recorded, 1 skipped" in out.output
    decided = linked.pair(pair["record_a"], pair["record_b"])["decisions"]
    assert [(d["verdict"], d["actor"], d["reason"]) for d in decided] == [
        ("different", "anna", "not the same birthplace")
    ]
    again = _run("explain", a, b, "--db", db)
    assert "anna decided different (not the same birthplace)" in again.output


def test_linkage_errors_are_one_line(tmp_path) -> None:
    db = str(tmp_path / "v.db")
    _run("init", "--db", db)
    out = _run("explain", "1", "2", "--db", db)
    assert out.exit_code == 1 and "run `vigil link` first" in out.output
    out = _run("decide", "1", "2", "maybe", "--db", db)
    assert out.exit_code == 1 and "same, different" in out.output
    assert "Traceback" not in out.output
