"""The audit log: every write appends in its own transaction, and tampering is found."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tests.store.test_registry import add, parsed, records
from vigil.cli import app
from vigil.model import Parsed, Record
from vigil.store import Registry, audit


@pytest.fixture
def reg(tmp_path: Path) -> Iterator[Registry]:
    """Two sources ingested and a decision taken: three entries."""
    r = Registry.open(str(tmp_path / "r.db"))
    r.init()
    add(r, parsed(), sha="a" * 64)
    second = add(r, parsed(), sha="b" * 64)
    ids = [x["id"] for x in r.records(limit=None)]
    r.decide(ids[0], ids[-1], "different", "reviewer:anna", "two people")
    assert second.created
    yield r
    r.close()


def sql(reg: Registry, statement: str, **params: object) -> None:
    """Change the database behind the registry's back, as someone with the file could."""
    with reg.engine.begin() as conn:
        conn.execute(text(statement), params)


def problems(reg: Registry, expect: str | None = None) -> list[str]:
    return [str(p) for p in reg.verify_audit(expect).problems]


def test_each_write_is_an_entry_with_actor_and_detail(reg: Registry) -> None:
    log = list(reversed(reg.audit_log(None)))
    assert [e["action"] for e in log] == ["ingest", "ingest", "decision"]
    assert [e["seq"] for e in log] == [1, 2, 3]
    assert log[0]["actor"] == audit.cli_actor() and log[0]["actor"].startswith("cli:")
    assert log[0]["detail"]["records"] == 2 and log[0]["detail"]["sha256"] == "a" * 64
    assert log[2]["actor"] == "reviewer:anna"
    assert log[2]["detail"]["verdict"] == "different" and log[2]["detail"]["reason"] == "two people"
    verdict = reg.verify_audit()
    assert verdict.ok and verdict.entries == 3 and verdict.head == log[2]["hash"]
    assert [e["prev_hash"] for e in log] == [audit.GENESIS, log[0]["hash"], log[1]["hash"]]


def test_a_repeated_ingest_writes_nothing_and_a_failed_one_leaves_no_entry(reg: Registry) -> None:
    assert not add(reg, parsed(), sha="a" * 64).created

    def broken() -> Iterator[Record]:
        yield from records()
        raise ValueError("the reader failed half-way")

    with pytest.raises(ValueError):
        add(reg, Parsed(parsed().meta, parsed().body, broken()), sha="c" * 64)
    assert reg.verify_audit().ok and reg.verify_audit().entries == 3


def test_an_edited_entry_is_found(reg: Registry) -> None:
    sql(reg, "UPDATE audit SET actor = 'someone else' WHERE seq = 2")
    assert problems(reg) == ["entry 2: its content does not match its hash: edited"]


def test_an_edited_detail_is_found_even_with_the_same_meaning(reg: Registry) -> None:
    row = reg.audit_log(None, "decision")[0]
    spaced = json.dumps(row["detail"], indent=1)  # same data, other bytes
    sql(reg, "UPDATE audit SET detail = :d WHERE seq = :s", d=spaced, s=row["seq"])
    assert problems(reg) == [f"entry {row['seq']}: its content does not match its hash: edited"]


def test_an_edited_time_is_found(reg: Registry) -> None:
    sql(reg, "UPDATE audit SET at = '2020-01-01 00:00:00.000000' WHERE seq = 1")
    assert problems(reg) == ["entry 1: its content does not match its hash: edited"]


def test_a_deleted_entry_is_found(reg: Registry) -> None:
    sql(reg, "DELETE FROM audit WHERE seq = 2")
    found = problems(reg)
    assert any(p.startswith("entry 3: numbered 3 where 2 was due") for p in found)
    assert any(p.startswith("entry 3: does not follow the entry before it") for p in found)
    assert any(p.startswith("head: says 3 entries, the log holds 2") for p in found)


def test_reordered_entries_are_found(reg: Registry) -> None:
    sql(reg, "UPDATE audit SET seq = -1 WHERE seq = 1")
    sql(reg, "UPDATE audit SET seq = 1 WHERE seq = 2")
    sql(reg, "UPDATE audit SET seq = 2 WHERE seq = -1")
    found = problems(reg)
    assert any(p.startswith("entry 1:") for p in found)
    assert any(p.startswith("entry 2:") for p in found)


def test_the_last_entry_cut_off_is_found_by_the_head(reg: Registry) -> None:
    sql(reg, "DELETE FROM audit WHERE seq = 3")
    assert problems(reg) == [
        "head: says 3 entries, the log holds 2: entries were added or cut off the end",
        "head: its hash is not the last entry's",
    ]


def test_a_rewritten_chain_is_found_only_against_a_kept_head(reg: Registry) -> None:
    kept = reg.verify_audit().head
    # someone with the file deletes the decision and makes the rest consistent again
    with reg.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq = 3"))
        last = conn.execute(text("SELECT hash FROM audit WHERE seq = 2")).scalar()
        conn.execute(text("UPDATE audit_head SET seq = 2, hash = :h"), {"h": last})
    assert problems(reg) == []  # the chain alone cannot tell
    assert problems(reg, expect=kept) == [f"head: the last hash is {last}, not the {kept} expected"]


def test_concurrent_writers_append_one_after_another(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    with Registry.open(db) as r:
        r.init()
        add(r, parsed())
        ids = [x["id"] for x in r.records(limit=None)]
    errors: list[BaseException] = []

    def decide(n: int) -> None:
        try:
            with Registry.open(db) as mine:
                for i in range(10):
                    mine.decide(ids[0], ids[1], "same" if i % 2 else "different", f"t{n}")
        except BaseException as exc:  # reported below, with the thread's own traceback lost
            errors.append(exc)

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Registry.open(db) as r:
        verdict = r.verify_audit()
        assert verdict.ok and verdict.entries == 1 + 40
        assert sorted(e["actor"] for e in r.audit_log(None, "decision")) == sorted(
            f"t{n}" for n in range(4) for _ in range(10)
        )


def test_unknown_action_is_refused(reg: Registry) -> None:
    with reg.engine.begin() as conn, pytest.raises(ValueError, match="unknown audit action"):
        audit.append(conn, "cli:x", "delete everything")


def test_cli_verify_head_and_log(reg: Registry) -> None:
    runner = CliRunner()
    db = reg.url
    ok = runner.invoke(app, ["audit", "verify", "--db", db])
    assert ok.exit_code == 0 and "Audit log intact: 3 entries" in ok.output
    head = runner.invoke(app, ["audit", "head", "--db", db])
    count, last = head.output.split()
    assert count == "3" and last == reg.verify_audit().head
    log = runner.invoke(app, ["audit", "log", "--db", db, "--json"])
    assert [e["action"] for e in json.loads(log.output)] == ["decision", "ingest", "ingest"]
    assert runner.invoke(app, ["audit", "verify", "--db", db, "--expect", last]).exit_code == 0
    sql(reg, "UPDATE audit SET subject = 'source 99' WHERE seq = 1")
    bad = runner.invoke(app, ["audit", "verify", "--db", db])
    assert bad.exit_code == 1
    assert "audit: entry 1: its content does not match its hash: edited" in bad.output
    assert "NOT intact" in bad.output
