"""Ingest jobs: an uploaded file ingested by a process of its own while pages keep reading.

Jobs are rows of the registry (`vigil.store.jobs`), so any process of `vigil serve --workers
N` takes an upload and shows any job. Each server process watches the queue in a thread; the
one that claims a job runs `python -m vigil.ingest_job` on it, at a lower CPU priority: pages
answer first and the ingest takes what is left, and the parsing does not hold the server's
interpreter lock. Each file is one transaction, as `vigil ingest` makes it, so a failure
leaves nothing behind; in WAL mode readers go on reading the last committed state while a
job writes.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError

from vigil.errors import InputError
from vigil.ingest_job import PROGRESS, remove
from vigil.readers import ReaderOptions
from vigil.store import IngestResult, Registry
from vigil.store.engine import as_utc
from vigil.store.jobs import JobQueue

State = Literal["queued", "running", "done", "failed"]
POLL = 1.0  # seconds between looks at the queue when nothing woke the watcher


@dataclass
class Job:
    id: str
    filename: str  # as uploaded: every message names this, not the temporary copy
    format: str | None
    size: int
    started: datetime
    state: State = "queued"
    done: int | None = None  # characters stored so far, of `total`
    total: int | None = None
    result: IngestResult | None = None
    warnings_total: int = 0
    error: str | None = None  # one line, as the command line prints it
    error_line: int | None = None
    error_reason: str | None = None

    def warning_lines(self) -> list[tuple[int | None, str]]:
        return self.result.warnings if self.result else []

    def message(self, line: int | None, text: str) -> str:
        """`file:line: text`, the form `vigil ingest` gives warnings and errors."""
        return str(InputError(self.filename, text, line))


def _job(row: dict[str, Any]) -> Job:
    res = row["result"]
    job = Job(row["id"], row["filename"], row["format"], row["size"], as_utc(row["created_at"]),
              row["state"], error=row["error"], error_line=row["error_line"],
              error_reason=row["error_reason"])  # fmt: skip
    if res is not None:
        job.result = IngestResult(
            row["source_id"], res["created"], res["records"], res["events"], res["claims"],
            res["quotes"], [(w[0], w[1]) for w in res["warnings"]],
        )  # fmt: skip
        job.warnings_total = res["warnings_total"]
    if job.state == "running":
        job.done, job.total = _progress(Path(row["folder"]))
    return job


def _progress(folder: Path) -> tuple[int | None, int | None]:
    try:
        done, total = (folder / PROGRESS).read_text().split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None, None


def new_folder() -> tuple[str, Path]:
    """A new job's id and the private folder its upload waits in."""
    job_id = secrets.token_urlsafe(9)
    return job_id, Path(tempfile.mkdtemp(prefix=f"vigil-upload-{job_id}-"))


class Jobs:
    """The queue as one server process sees it, and the watcher that runs what it claims."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.queue = JobQueue(registry.engine)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._child: subprocess.Popen[bytes] | None = None

    def submit(
        self,
        job_id: str,
        path: Path,
        fmt: str | None,
        options: ReaderOptions,
        actor: str | None = None,
    ) -> Job:
        """Queue the file at `path`, in the folder `new_folder` gave (removed when the job
        ends); `actor` is who the audit log names."""
        self.queue.add(id=job_id, filename=path.name, format=fmt, size=path.stat().st_size,
                       options={"mapping": options.mapping, "id_column": options.id_column},
                       folder=str(path.parent), actor=actor)  # fmt: skip
        self.start()
        self._wake.set()
        job = self.get(job_id)
        assert job is not None
        return job

    def get(self, job_id: str) -> Job | None:
        row = self.queue.get(job_id)
        return _job(row) if row else None

    def recent(self) -> list[Job]:
        return [_job(r) for r in self.queue.recent()]

    def start(self) -> None:
        """Watch the queue (once per process): jobs left queued by a restart go on too."""
        with self._lock:
            if self._watcher is None or not self._watcher.is_alive():
                self._stop.clear()
                self._watcher = threading.Thread(target=self._watch, name="vigil-jobs",
                                                 daemon=True)  # fmt: skip
                self._watcher.start()

    def stop(self, timeout: float = 30) -> None:
        """Stop watching; a job running here is stopped and queued again for the next start."""
        self._stop.set()
        self._wake.set()
        child = self._child
        if child is not None and child.poll() is None:
            child.terminate()
        if self._watcher is not None:
            self._watcher.join(timeout)

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                for row in self.queue.orphans():
                    self.queue.release(row["id"], "the ingest process ended without finishing")
                job = self.queue.claim()
            except SQLAlchemyError:
                traceback.print_exc()
                job = None
            if job is None:
                self._wake.wait(POLL)
                self._wake.clear()
                continue
            self._run(job)

    def _run(self, job: dict[str, Any]) -> None:
        # The registry's URL goes in the environment: a password in it stays out of `ps`.
        env = {**os.environ, "VIGIL_DB": self.registry.url}
        self._child = subprocess.Popen([sys.executable, "-m", "vigil.ingest_job", "--", job["id"]],
                                       env=env)  # fmt: skip
        code = self._child.wait()
        self._child = None
        if self._stop.is_set() and code != 0:  # stopped with the server: next start resumes
            self.queue.requeue(job["id"])
            return
        how = f"signal {-code}" if code < 0 else f"exit status {code}"
        if self.queue.release(job["id"], f"the ingest process ended ({how})") == "failed":
            remove(Path(job["folder"]))
