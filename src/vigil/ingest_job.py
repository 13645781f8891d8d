"""One uploaded file ingested by a process of its own: `python -m vigil.ingest_job ID`, on the
registry in $VIGIL_DB, started by the server process that claimed the job (vigil.web.jobs), at
a lower CPU priority.

It reports progress in a file beside the upload, which it may rewrite as often as it likes
without touching the registry it is writing, and ends the job with the source's counts and its
first warnings, or the error with file, line and reason as `vigil ingest` prints it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from vigil.errors import InputError, VigilError
from vigil.ingest import ingest_path
from vigil.readers import ReaderOptions
from vigil.store import Registry
from vigil.store.jobs import JobQueue

NICE = 10  # the ingest's CPU priority below the server's
PROGRESS = "progress"  # the file beside the upload: "done total"
PROGRESS_EVERY = 0.2  # seconds between progress reports
WARNINGS_KEPT = 1000  # the first warnings a job keeps; all of them are in the source


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _report(folder: Path) -> Callable[[int, int], None]:
    """Progress into the job's folder, replaced whole so a reader never sees half of it."""
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        if done < total and time.monotonic() - last < PROGRESS_EVERY:
            return
        last = time.monotonic()
        part = folder / f".{PROGRESS}"
        part.write_text(f"{done} {total}\n")
        part.replace(folder / PROGRESS)

    return progress


def run(registry: Registry, job_id: str) -> str:
    """Ingest one claimed job, as its own process does; returns the state it ended in."""
    queue = JobQueue(registry.engine)
    row = queue.get(job_id)
    if row is None or row["state"] != "running":
        return row["state"] if row else "gone"
    queue.begun(job_id)
    folder, filename = Path(row["folder"]), row["filename"]
    options = ReaderOptions(row["options"].get("mapping") or {}, row["options"].get("id_column"))
    failure: tuple[str, int | None, str] | None = None
    try:
        result = ingest_path(registry, folder / filename, row["format"], options,
                             _report(folder), row["actor"])  # fmt: skip
    except InputError as exc:  # named after the upload, not the temporary copy
        failure = (str(InputError(filename, exc.reason, exc.line)), exc.line, exc.reason)
    except VigilError as exc:
        failure = (str(exc), None, str(exc))
    except SQLAlchemyError as exc:
        reason = f"database: {getattr(exc, 'orig', None) or exc}"
        failure = (reason, None, reason)
    except Exception as exc:  # the job page is where the editor looks
        traceback.print_exc()
        failure = (f"{filename}: internal error: {exc!r}", None, repr(exc))
    # The upload goes before the job says it has ended.
    remove(folder)
    if failure is None:
        counts = {k: getattr(result, k) for k in ("created", "records", "events", "claims",
                                                  "quotes")}  # fmt: skip
        kept = {"warnings": result.warnings[:WARNINGS_KEPT],
                "warnings_total": len(result.warnings)}  # fmt: skip
        queue.finish(job_id, state="done", source_id=result.source_id, result={**counts, **kept})
        return "done"
    error, line, reason = failure
    queue.finish(job_id, state="failed", error=error, error_line=line, error_reason=reason)
    return "failed"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vigil.ingest_job", description=__doc__)
    parser.add_argument("job", help="the id of a job claimed by the calling server process")
    args = parser.parse_args(argv)
    os.nice(NICE)
    with Registry.open() as registry:  # $VIGIL_DB
        run(registry, args.job)


if __name__ == "__main__":
    main()
