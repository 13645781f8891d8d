"""Ingest jobs as rows (`ingest_job`): queued by any server process, run one at a time by
whichever process claims it, shown by all.

One at a time because the registry has one writer: on SQLite a second ingest would only wait
for the first one's lock. A job whose process died (a crash, a kill, a restart of the
server) is found by its `runner` (host and process id) and queued again: ingesting the same
bytes twice is a no-op, and a transaction cut short left nothing behind. After
`MAX_ATTEMPTS` the job fails instead, so a file that kills its process is not retried
forever.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement

from vigil.store.schema import ingest_job

MAX_ATTEMPTS = 2
RECENT = 100  # jobs the ingest page lists, newest first


def now() -> datetime:
    return datetime.now(UTC)


def this_runner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(runner: str | None) -> bool | None:
    """Whether the process named by `runner` still runs; None when it is on another host."""
    if not runner:
        return False
    host, _, pid = runner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process under that id: alive
        return True
    return True


class JobQueue:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, **values: Any) -> None:
        """A new job, queued: id, filename, format, options, size, folder, actor."""
        with self.engine.begin() as conn:
            conn.execute(
                insert(ingest_job).values(state="queued", attempts=0, created_at=now(), **values)
            )

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(ingest_job).where(ingest_job.c.id == job_id)).mappings()
            first = row.first()
        return dict(first) if first else None

    def recent(self, limit: int = RECENT) -> list[dict[str, Any]]:
        q = select(ingest_job).order_by(ingest_job.c.created_at.desc(), ingest_job.c.id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q.limit(limit)).mappings()]

    def claim(self) -> dict[str, Any] | None:
        """The oldest queued job, now running in this process; None when none waits or
        another job is running."""
        with self.engine.connect() as conn:
            oldest = conn.scalar(
                select(ingest_job.c.id)
                .where(ingest_job.c.state == "queued")
                .order_by(ingest_job.c.created_at, ingest_job.c.id)
                .limit(1)
            )
        if oldest is None:
            return None
        other = ingest_job.alias("other")
        with self.engine.begin() as conn:
            taken = conn.execute(
                update(ingest_job)
                .where(
                    ingest_job.c.id == oldest,
                    ingest_job.c.state == "queued",  # checked again under the write lock
                    ~exists().where(other.c.state == "running"),
                )
                .values(
                    state="running",
                    runner=this_runner(),
                    started_at=now(),
                    attempts=ingest_job.c.attempts + 1,
                )
            ).rowcount
        return self.get(oldest) if taken else None

    def begun(self, job_id: str) -> None:
        """Said by the process that ingests: it is the one to watch from now on."""
        self._set(job_id, ingest_job.c.state == "running", runner=this_runner())

    def finish(self, job_id: str, **values: Any) -> None:
        """done or failed, with the result or the error."""
        self._set(job_id, ingest_job.c.state == "running", finished_at=now(), **values)

    def release(self, job_id: str, reason: str) -> str:
        """A running job whose process ended without finishing it: queued again while it has
        attempts left, failed with `reason` after that. Returns the new state."""
        job = self.get(job_id)
        if job is None or job["state"] != "running":
            return job["state"] if job else "gone"
        if job["attempts"] < MAX_ATTEMPTS:
            self._set(job_id, ingest_job.c.state == "running", state="queued", runner=None)
            return "queued"
        self.finish(job_id, state="failed", error=f"{job['filename']}: {reason}",
                    error_reason=reason)  # fmt: skip
        return "failed"

    def requeue(self, job_id: str) -> None:
        """Put back a job stopped on purpose (the server shutting down): no attempt spent."""
        self._set(job_id, ingest_job.c.state == "running", state="queued", runner=None,
                  attempts=ingest_job.c.attempts - 1)  # fmt: skip

    def orphans(self) -> list[dict[str, Any]]:
        """Running jobs whose process on this host is gone."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(ingest_job).where(ingest_job.c.state == "running"))
            return [dict(r) for r in rows.mappings() if _alive(r["runner"]) is False]

    def _set(self, job_id: str, where: ColumnElement[bool], **values: Any) -> None:
        with self.engine.begin() as conn:
            q = update(ingest_job).where(ingest_job.c.id == job_id, where)
            conn.execute(q.values(**values))
