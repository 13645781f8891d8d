"""An ingest killed mid-write leaves nothing behind, and running it again completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vigil.demo.corpus import memory_book
from vigil.demo.people import generate_people
from vigil.store import Registry


@pytest.mark.slow
def test_sigkill_during_ingest_then_rerun(tmp_path: Path) -> None:
    book = tmp_path / "book.txt"
    book.write_text(memory_book(generate_people(30_000, seed=5)), encoding="utf-8")
    db = tmp_path / "r.db"
    with Registry.open(str(db)) as reg:
        reg.init()
    cmd = [sys.executable, "-m", "vigil", "ingest", str(book), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(f"{db}-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:  # records are being written
            break
        time.sleep(0.01)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Registry.open(str(db)) as reg:
        st = reg.stats()
        assert (st["sources"], st["records"], st["events"]) == (0, 0, 0)
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "30000 records" in done.stdout
    with Registry.open(str(db)) as reg:
        assert reg.stats()["records"] == 30_000
