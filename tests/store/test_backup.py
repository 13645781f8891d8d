"""`vigil backup` and `vigil restore`: a snapshot of one moment, proved by restoring and comparing.

These run on both passes of the suite: on SQLite files, and on the PostgreSQL pass (where each
registry path is a database of its own) through pg_dump and pg_restore.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import registry_location
from vigil.cli import app
from vigil.demo.corpus import memory_book
from vigil.demo.people import generate_people
from vigil.errors import RegistryError
from vigil.ingest import ingest_path
from vigil.store import Registry, migrate
from vigil.store import backup as bk
from vigil.store.engine import resolve_url

ON_POSTGRES = os.environ.get("VIGIL_TEST_BACKEND") == "postgresql"
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: about the SQLite file copy")


def book(folder: Path, name: str, people: int, seed: int) -> Path:
    path = folder / name
    path.write_text(memory_book(generate_people(people, seed=seed)), encoding="utf-8")
    return path


def sums(reg: Registry) -> dict[str, Any]:
    with reg.engine.connect() as conn:
        return bk.table_sums(conn)


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[Registry]:
    """A registry with two sources, their records, events, name keys, a decision and a log."""
    reg = Registry.open(str(tmp_path / "r.db"))
    reg.init()
    ingest_path(reg, book(tmp_path, "a.txt", 300, seed=1))
    ingest_path(reg, book(tmp_path, "b.txt", 200, seed=2))
    reg.decide(1, 2, "different", "cli:test", reason="different fathers")
    yield reg
    reg.close()


def test_backup_then_restore_gives_back_every_table(registry: Registry, tmp_path: Path) -> None:
    before = sums(registry)
    assert before["record"]["rows"] == 500 and before["decision"]["rows"] == 1
    res = bk.backup(registry.url, tmp_path / "r.backup")
    assert res.manifest.tables == before
    assert res.manifest_path == tmp_path / "r.backup.manifest.json"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left"

    restored = bk.restore(res.path, resolve_url(str(tmp_path / "new.db")), actor="cli:tester")
    assert not restored.replaced
    with Registry.open(str(tmp_path / "new.db")) as new:
        after = sums(new)
        # everything as it was, plus the restore's own entry in the log
        assert {k: v for k, v in after.items() if not k.startswith("audit")} == {
            k: v for k, v in before.items() if not k.startswith("audit")
        }
        assert after["audit"]["rows"] == before["audit"]["rows"] + 1
        entry = new.audit_log(limit=1)[0]
        assert (entry["seq"], entry["action"], entry["actor"]) == (
            restored.audit_seq, "restore", "cli:tester"
        )  # fmt: skip
        detail = entry["detail"]
        assert detail["sha256"] == res.manifest.file_sha256 and detail["replaced"] is False
        assert new.verify_audit().ok
        assert new.records(name="", limit=None)  # and it is a working registry


def test_a_backup_taken_during_an_ingest_holds_the_registry_before_or_after_it(
    registry: Registry, tmp_path: Path
) -> None:
    big = book(tmp_path, "big.txt", 12_000, seed=3)
    before = sums(registry)
    writing = threading.Event()
    failure: list[BaseException] = []

    def ingest() -> None:
        try:
            with Registry.open(str(tmp_path / "r.db")) as writer:
                ingest_path(writer, big, progress=lambda done, total: writing.set())
        except BaseException as exc:  # pragma: no cover - reported below
            failure.append(exc)
            writing.set()

    thread = threading.Thread(target=ingest)
    thread.start()
    assert writing.wait(120), "the ingest never started writing"
    assert thread.is_alive(), "the ingest was over before the backup began"
    res = bk.backup(registry.url, tmp_path / "during.backup")
    thread.join()
    assert not failure, failure
    after = sums(registry)
    assert after["record"]["rows"] == before["record"]["rows"] + 12_000
    snapshot = res.manifest.tables
    assert snapshot in (before, after), "the backup holds part of the concurrent ingest"
    bk.restore(res.path, resolve_url(str(tmp_path / "back.db")))
    with Registry.open(str(tmp_path / "back.db")) as back:
        got = sums(back)
    assert {k: v for k, v in got.items() if not k.startswith("audit")} == {
        k: v for k, v in snapshot.items() if not k.startswith("audit")
    }


@sqlite_only
def test_writers_committing_between_copy_steps_neither_restart_nor_leak_into_the_copy(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer commits after every step of the page copy: the copy stays at its first moment.

    Without one read transaction around the copy, SQLite restarts a backup whenever another
    connection writes, and a registry that is written to all the time is never backed up.
    """
    monkeypatch.setattr(bk, "PAGES", 8)
    before = sums(registry)
    sources = [book(tmp_path, f"s{i}.txt", 5, seed=100 + i) for i in range(400)]
    writer = Registry.open(str(tmp_path / "r.db"))
    steps = []

    def step(what: str, done: int, total: int | None) -> None:
        if what == "copy" and total and done < total:
            steps.append(done)
            assert len(steps) < len(sources), "the copy keeps restarting"
            ingest_path(writer, sources[len(steps)])  # one more source, committed

    try:
        res = bk.backup(registry.url, tmp_path / "busy.backup", progress=step)
    finally:
        writer.close()
    assert len(steps) > 5, "the copy took too few steps to test anything"
    assert steps == sorted(steps), "the copy went back to the start"
    assert res.manifest.tables == before
    assert sums(registry)["source"]["rows"] == before["source"]["rows"] + len(steps)


@sqlite_only
def test_a_gz_name_compresses_and_restores(registry: Registry, tmp_path: Path) -> None:
    plain = bk.backup(registry.url, tmp_path / "r.backup")
    packed = bk.backup(registry.url, tmp_path / "r.backup.gz")
    assert packed.manifest.compressed and not plain.manifest.compressed
    assert packed.manifest.file_bytes < plain.manifest.file_bytes / 2
    assert packed.manifest.tables == plain.manifest.tables
    bk.restore(packed.path, resolve_url(str(tmp_path / "new.db")))
    with Registry.open(str(tmp_path / "new.db")) as new:
        assert sums(new)["record"] == plain.manifest.tables["record"]


def _refused(backup_file: Path, target: Path, match: str) -> None:
    with pytest.raises(RegistryError, match=match):
        bk.restore(backup_file, resolve_url(str(target)))
    with Registry.open(str(target)) as reg:
        assert not reg.exists(), "a refused restore left a registry behind"
    assert not [p for p in target.parent.iterdir() if ".restore" in p.name]


def test_a_changed_backup_file_is_refused(registry: Registry, tmp_path: Path) -> None:
    res = bk.backup(registry.url, tmp_path / "r.backup")
    data = bytearray(res.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    res.path.write_bytes(bytes(data))
    _refused(res.path, tmp_path / "new.db", r"does not match its manifest: its SHA-256")
    res.path.write_bytes(bytes(data[:-100]))
    _refused(res.path, tmp_path / "new.db", r"does not match its manifest: .* bytes")


def test_a_manifest_that_differs_from_the_content_is_refused(
    registry: Registry, tmp_path: Path
) -> None:
    res = bk.backup(registry.url, tmp_path / "r.backup")
    manifest = json.loads(res.manifest_path.read_text())
    manifest["tables"]["record"]["rows"] += 1  # the file is intact; its description is not
    res.manifest_path.write_text(json.dumps(manifest))
    _refused(res.path, tmp_path / "new.db", r"table record: 500 rows, the manifest says 501")
    res.manifest_path.unlink()
    _refused(res.path, tmp_path / "new.db", r"manifest r\.backup\.manifest\.json is missing")
    res.manifest_path.write_text("{not json")
    _refused(res.path, tmp_path / "new.db", r"not a Vigil backup manifest")


@sqlite_only
def test_a_damaged_sqlite_copy_is_refused_even_with_a_matching_manifest(
    registry: Registry, tmp_path: Path
) -> None:
    """Someone who edits the file and rewrites its hash in the manifest is still caught."""
    res = bk.backup(registry.url, tmp_path / "r.backup")
    data = bytearray(res.path.read_bytes())
    data[len(data) - 5000 : len(data) - 4000] = b"\x00" * 1000
    res.path.write_bytes(bytes(data))
    manifest = json.loads(res.manifest_path.read_text())
    manifest["file_sha256"] = bk._sha256(res.path)
    res.manifest_path.write_text(json.dumps(manifest))
    _refused(res.path, tmp_path / "new.db", r"integrity check|damaged|does not match")


def test_an_existing_registry_is_replaced_only_with_force(
    registry: Registry, tmp_path: Path
) -> None:
    res = bk.backup(registry.url, tmp_path / "r.backup")
    other = Registry.open(str(tmp_path / "other.db"))
    other.init()
    ingest_path(other, book(tmp_path, "c.txt", 50, seed=9))
    mine = sums(other)
    with pytest.raises(RegistryError, match=r"already holds a registry; pass --force"):
        bk.restore(res.path, other.url)
    assert sums(other) == mine, "a refused restore changed the registry"
    # `other` stays open, as a web server's would: it sees the restored registry afterwards
    out = bk.restore(res.path, other.url, force=True)
    assert out.replaced
    now = sums(other)
    assert now["record"] == res.manifest.tables["record"]
    assert now["source"] == res.manifest.tables["source"]
    assert other.audit_log(limit=1)[0]["action"] == "restore"
    assert other.audit_log(limit=1)[0]["detail"]["replaced"] is True
    assert other.verify_audit().ok
    other.close()


def test_backing_up_nothing_is_a_clear_error(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "none.db"))
    with pytest.raises(RegistryError, match=r"no registry at|not a Vigil registry"):
        bk.backup(url, tmp_path / "x.backup")
    with pytest.raises(RegistryError, match="no such folder"):
        bk.backup(url, tmp_path / "missing" / "x.backup")
    with pytest.raises(RegistryError, match="no such backup file"):
        bk.restore(tmp_path / "absent.backup", url)


def test_a_file_that_is_no_registry_is_not_backed_up(tmp_path: Path) -> None:
    if ON_POSTGRES:
        pytest.skip("SQLite only: a file that is no registry")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(RegistryError, match="not a SQLite registry"):
        bk.backup(resolve_url(str(junk)), tmp_path / "x.backup")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x INTEGER)")
    other.close()
    with pytest.raises(RegistryError, match="not a Vigil registry"):
        bk.backup(resolve_url(str(tmp_path / "other.db")), tmp_path / "x.backup")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.db", "other.db"]


def test_missing_postgresql_tools_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(bk, "PG_LIB", tmp_path / "no-postgresql")
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    with pytest.raises(RegistryError, match=r"pg_dump is not installed.*postgresql-client"):
        bk.backup(url, tmp_path / "x.backup")


# -- the command line ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_backup_and_restore_say_what_they_did(registry: Registry, tmp_path: Path) -> None:
    db = str(registry_location(tmp_path / "r.db"))
    out_file = tmp_path / "cli.backup"
    code, out, err = run("backup", str(out_file), "--db", db, "--quiet")
    assert code == 0, err
    assert f"to {out_file} (" in out
    assert (
        "2 sources, 500 records" in out
        and "1 decisions" in out
        and f"schema {migrate.head()}" in out
    )
    assert f"Manifest: {out_file}.manifest.json" in out

    new = str(registry_location(tmp_path / "new.db"))
    code, out, err = run("restore", str(out_file), "--db", new, "-q")
    assert code == 0, err
    assert f"Restored {out_file}" in out and "a new registry" in out
    assert "500 records" in out and "every table matches the manifest" in out
    assert "Logged as audit entry" in out

    code, out, err = run("restore", str(out_file), "--db", new, "-q")
    assert code == 1 and "pass --force" in err and not out
    code, out, err = run("restore", str(out_file), "--db", new, "-q", "--force")
    assert code == 0 and "replacing the registry that was there" in out

    code, out, _ = run("restore", str(out_file), "--db", new, "--force", "--json")
    report = json.loads(out)
    assert report["replaced"] is True and report["tables"]["record"]["rows"] == 500


def test_cli_restore_error_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("restore", str(tmp_path / "nothing.backup"), "--db", "x.db")
    assert code == 1 and not out
    assert err.strip() == f"error: {tmp_path / 'nothing.backup'}: no such backup file"
