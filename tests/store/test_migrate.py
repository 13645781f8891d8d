"""An upgrade is all or nothing: a failing or killed migration leaves the previous revision.

The first two run on both passes of the suite (on PostgreSQL each registry is a database).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from vigil.store import Registry, migrate

TRUST_TABLES = {"account", "login_session", "login_failure", "takedown", "takedown_record"}


def tables(reg: Registry) -> set[str]:
    return set(inspect(reg.engine).get_table_names())


def test_failing_migration_leaves_the_previous_revision(tmp_path: Path) -> None:
    with Registry.open(str(tmp_path / "r.db")) as reg:
        migrate.upgrade(reg.engine, "0005")
        # 0006 creates five tables and then `audit`: a table of that name already here makes it
        # fail after the first five were made
        with reg.engine.begin() as conn:
            conn.execute(text("CREATE TABLE audit (x INTEGER)"))
        with pytest.raises(Exception, match="audit"):
            migrate.upgrade(reg.engine)
        assert migrate.current(reg.engine) == "0005"
        assert not tables(reg) & TRUST_TABLES, "tables of the failed step were left behind"
        with reg.engine.begin() as conn:
            conn.execute(text("DROP TABLE audit"))
        before, after = reg.init()  # once the obstacle is gone, the same upgrade goes through
        assert (before, after) == ("0005", migrate.head())
        assert TRUST_TABLES | {"audit", "audit_head"} <= tables(reg)


def test_an_upgrade_of_several_steps_is_one_transaction(tmp_path: Path) -> None:
    """From an empty file, a failure in the last step leaves no table of the earlier ones."""
    with Registry.open(str(tmp_path / "r.db")) as reg:
        with reg.engine.begin() as conn:
            conn.execute(text("CREATE TABLE audit (x INTEGER)"))
        with pytest.raises(Exception, match="audit"):
            migrate.upgrade(reg.engine)
        assert migrate.current(reg.engine) is None
        assert tables(reg) == {"audit"}


def _state(db: Path) -> tuple[str, str | None, set[str]]:
    con = sqlite3.connect(db, timeout=1)
    try:
        (check,) = con.execute("PRAGMA integrity_check").fetchone()
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rev = None
        if "alembic_version" in names:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = row[0] if row else None
        con.execute("BEGIN IMMEDIATE")  # no lock was left behind by the killed process
        con.execute("ROLLBACK")
    finally:
        con.close()
    return check, rev, names


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("VIGIL_TEST_BACKEND") == "postgresql",
    reason="SQLite only: PostgreSQL rolls back a killed client's DDL by itself",
)
def test_init_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    with Registry.open(str(tmp_path / "full.db")) as reg:
        reg.init()
        every_table = tables(reg)
    rng = random.Random(1936)
    outcomes = []
    for i in range(8):
        db = tmp_path / f"k{i}.db"
        cmd = [sys.executable, "-m", "vigil", "init", "--db", str(db)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)  # the file appears when the migration connects
        time.sleep(rng.uniform(0, 0.06))  # the migration itself takes some tens of ms
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        check, rev, names = _state(db)
        assert check == "ok"
        assert (rev, names) in ((None, set()), (migrate.head(), every_table)), (
            f"kill {i} left revision {rev} with {sorted(names)}"
        )
        if rev is not None:  # the terms went in with the schema, not after it
            with Registry.open(str(db)) as reg:
                assert reg.terms(), f"kill {i} left the schema without the thesaurus"
        outcomes.append(rev)
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        with Registry.open(str(db)) as reg:
            assert migrate.current(reg.engine) == migrate.head()
            assert tables(reg) == every_table
            assert reg.terms(), "the thesaurus was not filled in"
