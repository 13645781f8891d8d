"""`vigil migrate`: a registry with every table filled, copied SQLite -> PostgreSQL -> SQLite.

The source is built by the project's own code (the demo corpus ingested and linked, a decision,
an account with a session and a failed login, a takedown), always as a SQLite file; the
PostgreSQL side is a fresh database on the test server (skipped without one, outside CI).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import JSON, Float, select, update
from typer.testing import CliRunner

from vigil.cli import app
from vigil.demo import write_corpus
from vigil.errors import RegistryError
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import Registry
from vigil.store.accounts import Accounts, BadLogin
from vigil.store.checksum import normalise, registry_checksums, table_checksum
from vigil.store.copy import copy_registry
from vigil.store.jobs import JobQueue
from vigil.store.schema import event, metadata
from vigil.store.takedowns import take_down

AUDIT = {"audit", "audit_head"}  # a copy appends its own entry to the target's log


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite registry with a row in every table; its URL (a file on both passes)."""
    from vigil.linkage.run import link

    folder = tmp_path_factory.mktemp("full")
    url = f"sqlite:///{folder / 'vigil.db'}"
    with Registry(url) as reg:
        reg.init()
        for src in write_corpus(folder / "corpus", n_people=80):
            ingest_path(reg, src.path, src.format, src.options)
        link(reg)
        pair = reg.review_queue(reg.last_run()["threshold"], 1)[0]
        reg.decide(pair["record_a"], pair["record_b"], "different", "tester", "two men")
        accounts = Accounts(reg.engine)
        accounts.add("anna", "a long enough password", "reviewer", "cli:tester")
        accounts.login("anna", "a long enough password", "127.0.0.1")
        with pytest.raises(BadLogin):
            accounts.login("anna", "wrong password here", "127.0.0.2")
        person = reg.persons(limit=1)[0]["id"]
        take_down(reg, "asked by the family", person_id=person, actor="cli:tester")
        jobs = JobQueue(reg.engine)  # an upload's job, ended with its counts and warnings
        options = {"mapping": {"surname": "Фамилия"}, "id_column": "№"}
        jobs.add(id="j1", filename="list.csv", format="table", size=120, options=options,
                 folder=str(folder / "gone"), actor="web:ed")  # fmt: skip
        assert jobs.claim() is not None
        result = {"created": True, "records": 2, "warnings": [[3, "пусто"]]}
        jobs.finish("j1", state="done", source_id=1, result=result)
        with reg.engine.connect() as conn:
            empty = [t.name for t in metadata.sorted_tables if not _rows(conn, t)]
    assert not empty, f"the source must fill every table; empty: {empty}"
    return url


def _rows(conn, table) -> int:  # type: ignore[no-untyped-def]
    return len(conn.execute(select(table)).all())


def _sums(url: str, skip: set[str] = AUDIT) -> dict[str, tuple[int, str]]:
    with Registry(url) as reg, reg.engine.connect() as conn:
        return {
            s.table: (s.rows, s.sha256) for s in registry_checksums(conn) if s.table not in skip
        }


def test_sqlite_to_postgresql_and_back_loses_nothing(
    full: str, postgres_url: Callable[[str], str], tmp_path: Path
) -> None:
    pg = postgres_url("copy")
    report = copy_registry(full, pg)
    assert report.ok and len(report.tables) == len(metadata.sorted_tables)
    assert all(c.source.rows > 0 for c in report.tables)
    back = f"sqlite:///{tmp_path / 'back.db'}"
    assert copy_registry(pg, back).ok
    # Every table as the original; the audit logs differ by the copies' own entries.
    assert _sums(back) == _sums(pg) == _sums(full)
    with Registry(full) as a, Registry(pg) as b, Registry(back) as c:
        for reg in (b, c):
            assert a.sources() == reg.sources()
            assert a.records(limit=None) == reg.records(limit=None)
            assert a.persons(limit=None) == reg.persons(limit=None)
            assert reg.verify_audit().ok
            assert reg.audit_log(1)[0]["action"] == "migrate"
        assert [e["action"] for e in c.audit_log(2)] == ["migrate", "migrate"]


def test_new_rows_in_a_copy_take_the_next_keys(
    full: str, postgres_url: Callable[[str], str], tmp_path: Path
) -> None:
    """PostgreSQL numbers rows from sequences the copied keys did not move: the copy moves them."""
    pg = postgres_url("keys")
    copy_registry(full, pg)
    extra = tmp_path / "extra.csv"
    extra.write_text("№;Фамилия;Имя\n1;Новиков;Олег\n", encoding="utf-8")
    with Registry(full) as a, Registry(pg) as b:
        top = max(r["id"] for r in a.records(limit=None))
        res = ingest_path(b, extra, "table", ReaderOptions(id_column="№"))
        assert res.source_id == len(a.sources()) + 1
        assert b.records(name="Новиков")[0]["id"] == top + 1
        assert b.verify_audit().ok


def test_a_non_empty_target_is_refused_unless_forced(full: str, tmp_path: Path) -> None:
    target = f"sqlite:///{tmp_path / 'target.db'}"
    copy_registry(full, target)
    with pytest.raises(RegistryError, match=r"target\.db is not empty \(rows in .*source.*--force"):
        copy_registry(full, target)
    assert copy_registry(full, target, force=True).ok
    with pytest.raises(RegistryError, match="same database"):
        copy_registry(full, full, force=True)


def test_the_checksum_sees_one_changed_value(full: str, tmp_path: Path) -> None:
    target = f"sqlite:///{tmp_path / 'changed.db'}"
    copy_registry(full, target)
    with Registry(target) as reg, reg.engine.begin() as conn:
        before = table_checksum(conn, event)
        conn.execute(update(event).where(event.c.id == 7).values(place="elsewhere"))
        after = table_checksum(conn, event)
    assert before.rows == after.rows and before.sha256 != after.sha256


def test_values_are_normalised_alike_from_either_engine() -> None:
    naive = datetime(1937, 3, 12, 9, 30)  # SQLite gives times back without a zone
    moscow = datetime(1937, 3, 12, 12, 30, tzinfo=timezone(timedelta(hours=3)))
    assert normalise(naive) == normalise(naive.replace(tzinfo=UTC)) == normalise(moscow)
    assert normalise(3, Float()) == normalise(3.0, Float()) == "3.0"
    assert normalise({"b": 1, "a": "ж"}, JSON()) == normalise({"a": "ж", "b": 1}, JSON())
    assert normalise(None, JSON()) is None


def test_cli_copies_and_reports_each_table(
    full: str, postgres_url: Callable[[str], str], tmp_path: Path
) -> None:
    target = postgres_url("cli")
    runner = CliRunner()
    done = runner.invoke(app, ["migrate", "--to", target, "--db", full, "--json", "-q"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert report["ok"] and {t["table"] for t in report["tables"]} == set(metadata.tables)
    for t in report["tables"]:
        assert t["source_rows"] == t["target_rows"] > 0
        assert t["source_sha256"] == t["target_sha256"]
    shown = runner.invoke(app, ["migrate", "--to", target, "--db", full, "-q"])
    assert shown.exit_code == 1 and "not empty" in shown.stderr and "--force" in shown.stderr
    forced = runner.invoke(app, ["migrate", "--to", target, "--db", full, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "every count and checksum matches" in forced.stdout and "person_record" in forced.stdout
    nowhere = f"sqlite:///{tmp_path / 'no.db'}"
    missing = runner.invoke(app, ["migrate", "--to", target, "--db", nowhere])
    assert missing.exit_code == 1 and "no registry at" in missing.stderr
