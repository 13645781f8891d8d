"""A link run is a write: it appends to the audit log with what it changed."""

from __future__ import annotations

from vigil.store import Registry


def test_a_link_run_is_in_the_audit_log(linked: Registry) -> None:
    entries = linked.audit_log(None)
    links = [e for e in entries if e["action"] == "link"]
    ingests = [e for e in entries if e["action"] == "ingest"]
    assert len(links) == 1 and len(ingests) == len(linked.sources())
    run = linked.last_run()
    assert links[0]["subject"] == f"run {run['id']}"
    assert links[0]["detail"]["persons"] == run["persons"] > 0
    assert links[0]["detail"]["mode"] == "full"
    assert links[0]["seq"] == max(e["seq"] for e in entries)  # after every ingest
    assert linked.verify_audit().ok
