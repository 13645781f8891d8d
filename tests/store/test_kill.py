"""An ingest killed with SIGKILL at any moment leaves all of its source or none of it.

`vigil ingest` runs in a subprocess on a generated Book of Memory big enough to take seconds,
and is killed at seeded random moments (and once for certain while its records are being
written). After each kill the registry passes SQLite's integrity check, holds the source
whole or not at all, has no lock left behind and an intact audit log; the same command run
again then completes with exactly what a clean ingest gives.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from vigil.demo.corpus import memory_book
from vigil.demo.people import generate_people
from vigil.store import Registry, backup

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("VIGIL_TEST_BACKEND") == "postgresql",
        reason="SQLite only: checks the SQLite file, its WAL and its locks after the kill",
    ),
]

PEOPLE = 8_000  # two to three seconds of ingest here
KILLS = 4
# what a source's rows are; each is compared with a clean ingest's, row for row
PER_SOURCE = ("source_text", "record", "event", "name_key", "claim", "quote")


def _sqlite(db: Path) -> str:
    return f"sqlite:///{db}"


def ingest_cmd(db: Path, path: Path) -> list[str]:
    return [sys.executable, "-m", "vigil", "ingest", str(path), "--db", _sqlite(db), "-q"]


def source_counts(db: Path, filename: str) -> dict[str, int]:
    """Rows the source named `filename` holds, table by table (all zero if it is absent)."""
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT id FROM source WHERE filename = ?", (filename,)).fetchone()
        sid = row[0] if row else -1
        counts = {"source": int(row is not None)}
        for table in ("source_text", "record", "event", "claim", "quote"):
            q = f"SELECT count(*) FROM {table} WHERE source_id = ?"
            counts[table] = con.execute(q, (sid,)).fetchone()[0]
        counts["name_key"] = con.execute(
            "SELECT count(*) FROM name_key JOIN record ON record.id = name_key.record_id"
            " WHERE record.source_id = ?",
            (sid,),
        ).fetchone()[0]
        # nothing that belongs to no source: a half-written source would leave such rows
        orphans = con.execute(
            "SELECT (SELECT count(*) FROM record WHERE source_id NOT IN (SELECT id FROM source))"
            " + (SELECT count(*) FROM event WHERE record_id NOT IN (SELECT id FROM record))"
            " + (SELECT count(*) FROM source_text"
            "    WHERE source_id NOT IN (SELECT id FROM source))"
            " + (SELECT count(*) FROM name_key WHERE record_id NOT IN (SELECT id FROM record))"
        ).fetchone()[0]
        counts["orphans"] = orphans
        return counts
    finally:
        con.close()


def sound(db: Path) -> None:
    """Integrity, no lock left behind, and an intact audit log."""
    con = sqlite3.connect(db, timeout=0.5)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("BEGIN IMMEDIATE")  # fails with "database is locked" if a lock was left
        con.execute("ROLLBACK")
    finally:
        con.close()
    with Registry.open(_sqlite(db)) as reg:
        verdict = reg.verify_audit()
        assert verdict.ok, [str(p) for p in verdict.problems]


def per_source_sums(db: Path) -> dict[str, Any]:
    with Registry.open(_sqlite(db)) as reg, reg.engine.connect() as conn:
        sums = backup.table_sums(conn)
    return {t: sums[t] for t in PER_SOURCE}


def test_sigkill_at_random_moments_leaves_all_or_nothing(tmp_path: Path) -> None:
    book = tmp_path / "book.txt"
    book.write_text(memory_book(generate_people(PEOPLE, seed=7)), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(memory_book(generate_people(40, seed=8)), encoding="utf-8")

    # a registry that already holds another source: the kill must not touch it
    base = tmp_path / "base.db"
    subprocess.run(ingest_cmd(base, small), check=True, capture_output=True)
    small_counts = source_counts(base, "small.txt")
    assert small_counts["record"] == 40

    clean = tmp_path / "clean.db"
    shutil.copy(base, clean)
    started = time.monotonic()
    done = subprocess.run(ingest_cmd(clean, book), check=True, capture_output=True, text=True)
    seconds = time.monotonic() - started
    assert f"{PEOPLE} records" in done.stdout
    full = source_counts(clean, "book.txt")
    none = {k: 0 for k in full}
    expected = per_source_sums(clean)

    rng = random.Random(1937)
    moments: list[float | str] = [rng.uniform(0.1, 1.0) * seconds for _ in range(KILLS)]
    moments.append("writing")  # once for certain while the records are being written
    outcomes = []
    for i, moment in enumerate(moments):
        db = tmp_path / f"kill{i}.db"
        shutil.copy(base, db)
        proc = subprocess.Popen(
            ingest_cmd(db, book), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if moment == "writing":
            wal = Path(f"{db}-wal")
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if wal.exists() and wal.stat().st_size > 2_000_000:
                    break
                time.sleep(0.005)
        else:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=float(moment))
        finished_first = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()

        sound(db)
        got = source_counts(db, "book.txt")
        assert got in (none, full), f"kill {i} at {moment}: half a source: {got}"
        assert source_counts(db, "small.txt") == small_counts
        outcomes.append("all" if got == full else "none")
        if moment == "writing":
            assert not finished_first and got == none, "the ingest was not killed mid-write"

        rerun = subprocess.run(ingest_cmd(db, book), capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert source_counts(db, "book.txt") == full
        assert per_source_sums(db) == expected, f"kill {i}: the re-run differs from a clean ingest"
        sound(db)
    print("kill outcomes:", list(zip(moments, outcomes, strict=True)))
    assert "none" in outcomes
