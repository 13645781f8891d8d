"""Ingest jobs: an uploaded file ingested in a background thread while pages keep reading.

One job at a time, in upload order: the registry has one writer (SQLite allows no more), and
each file is one transaction as `vigil ingest` makes it, so a failure leaves nothing behind.
In WAL mode readers go on reading the last committed state while a job writes.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import traceback
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from vigil.errors import InputError, VigilError
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import IngestResult, Registry

State = Literal["queued", "running", "done", "failed"]
KEPT = 100  # finished jobs remembered, newest first


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
    error: str | None = None  # one line, as the command line prints it
    error_line: int | None = None
    error_reason: str | None = None

    def warning_lines(self) -> list[tuple[int | None, str]]:
        return self.result.warnings if self.result else []

    def message(self, line: int | None, text: str) -> str:
        """`file:line: text`, the form `vigil ingest` gives warnings and errors."""
        return str(InputError(self.filename, text, line))


@dataclass
class Jobs:
    registry: Registry
    _jobs: OrderedDict[str, Job] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="vigil-ingest")
    )

    def submit(
        self,
        path: Path,
        filename: str,
        fmt: str | None,
        options: ReaderOptions,
        actor: str | None = None,
    ) -> Job:
        """Queue the file at `path` (in a folder of its own, removed when the job ends);
        `actor` is who the audit log names."""
        job = Job(secrets.token_urlsafe(9), filename, fmt, path.stat().st_size, datetime.now(UTC))
        with self._lock:
            self._jobs[job.id] = job
            self._jobs.move_to_end(job.id, last=False)
            while len(self._jobs) > KEPT:
                oldest = next(reversed(self._jobs))
                if self._jobs[oldest].state in ("queued", "running"):
                    break
                del self._jobs[oldest]
        self._pool.submit(self._run, job, path, options, actor)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def _run(self, job: Job, path: Path, options: ReaderOptions, actor: str | None) -> None:
        job.state = "running"

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            result = ingest_path(self.registry, path, job.format, options, progress, actor)
            failure = None
        except InputError as exc:  # named after the upload, not the temporary copy
            failure = (job.message(exc.line, exc.reason), exc.line, exc.reason)
        except VigilError as exc:
            failure = (str(exc), None, str(exc))
        except SQLAlchemyError as exc:
            reason = f"database: {getattr(exc, 'orig', None) or exc}"
            failure = (reason, None, reason)
        except Exception as exc:  # the job page is where the editor looks
            traceback.print_exc()
            failure = (f"{job.filename}: internal error: {exc!r}", None, repr(exc))
        # The temporary copy goes before the job says it has ended.
        shutil.rmtree(path.parent, ignore_errors=True)
        if failure is None:
            job.result, job.state = result, "done"
        else:
            job.error, job.error_line, job.error_reason = failure
            job.state = "failed"
