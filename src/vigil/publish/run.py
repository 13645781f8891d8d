"""`vigil publish OUT/`: the published part of the registry as a static site and open data.

The site is built in a folder beside OUT and put in OUT's place only when complete, so a
failed run leaves the previous publication as it was and a new one leaves nothing stale. A
folder is only ever replaced when it is empty or holds an earlier publication (it has the
marker file); anything else is refused with the reason.

The work runs in two rounds on a pool of processes (`--workers`; 1 runs it all here):
persons, lone records and source pages in batches, then the search index and name lists on
one side and the open data's joining on the other.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vigil import privacy
from vigil.errors import VigilError
from vigil.publish import datasette, finish, statistics, work
from vigil.publish.select import Selection, select
from vigil.publish.site import STATIC as PUBLISH_STATIC
from vigil.store import Registry
from vigil.store.publication import source_pages
from vigil.web import i18n
from vigil.web.pages import STATIC as WEB_STATIC

MARKER = ".vigil-publication"
BATCH = 1_000  # persons per piece of work
SOURCE_PAGES = 50  # source pages per piece of work

Progress = Callable[[str, int, int], None]  # (what, done, total)


class PublishError(VigilError):
    """OUT cannot be written or replaced."""


@dataclass(slots=True)
class Report:
    out: Path
    persons: int
    lone_records: int
    records: int
    events: int
    sources: int
    claims: int
    withheld_groups: int
    withheld_records: int
    pages: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)  # seconds of each round

    @property
    def index(self) -> Path:
        return self.out / "index.html"

    @property
    def data(self) -> Path:
        return self.out / "data"


def check_target(out: Path) -> Path:
    """OUT as an absolute path that may be (re)placed, or a PublishError saying why not."""
    out = out.expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out}: is a file, not a folder; choose a folder for the site")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise PublishError(
            f"{out}: folder is not empty and holds no earlier publication ({MARKER}); "
            "choose an empty or new folder, so that nothing else is replaced"
        )
    parent = out.parent
    if not parent.is_dir():
        raise PublishError(f"{parent}: no such folder to create {out.name} in")
    try:  # asked by doing: permissions alone do not tell (root, read-only file systems)
        shutil.rmtree(tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=parent))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PublishError(f"{parent}: cannot create {out.name} there: {reason}") from None
    return out


def _building(out: Path) -> Path:
    build = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(build, ignore_errors=True)
    try:
        build.mkdir()
    except OSError as exc:
        raise PublishError(f"{build.parent}: cannot write there: {exc.strerror}") from None
    return build


def _put_in_place(build: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    build.rename(out)
    shutil.rmtree(old, ignore_errors=True)


class _Inline(Executor):
    """Runs each task at once in this process: --workers 1, and small registries."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        f: Future[Any] = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            f.set_exception(exc)
        return f


def _executor(workers: int) -> Executor:
    if workers <= 1:
        return _Inline()
    # spawn, not fork: the parent may hold database connections and a progress thread
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _gather(
    futures: list[Future[Any]], what: str, progress: Progress | None
) -> Iterator[Future[Any]]:
    for done, f in enumerate(as_completed(futures), 1):
        if progress:
            progress(what, done, len(futures))
        yield f


def publish(
    db: str | None,
    out: Path,
    *,
    policy: privacy.Policy = privacy.DEFAULT,
    today: date | None = None,
    base_url: str = "",
    workers: int = 2,
    progress: Progress | None = None,
) -> Report:
    """Publish the registry at `db` into `out`: pages, search index, statistics, open data."""
    start = time.perf_counter()
    out = check_target(out)
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    with Registry.open(db) as registry:
        registry.check()
        url = registry.url
        today = today or date.today()
        with registry.engine.connect() as conn:
            sel = select(conn, privacy.screen(policy, today))
            pages = source_pages(conn)
    build = _building(out)
    try:
        job = work.Job(url, build, i18n.LANGUAGES, today, policy, base_url)
        try:
            with _executor(workers) as pool:
                report = _run(job, sel, pages, pool, progress)
        finally:
            work.release(job)
        shutil.rmtree(job.parts, ignore_errors=True)
        _static(build)
        (build / MARKER).write_text(
            json.dumps({"published": today.isoformat(), "registry": url.split("://")[0]}) + "\n"
        )
        _put_in_place(build, out)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    report.out = out
    report.seconds = time.perf_counter() - start
    return report


def _static(build: Path) -> None:
    folder = build / "static"
    folder.mkdir()
    for source in (*WEB_STATIC.iterdir(), *(PUBLISH_STATIC.iterdir())):
        if source.is_file():
            shutil.copyfile(source, folder / source.name)


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), BATCH):
        yield ids[i : i + BATCH]


def _run(
    job: work.Job,
    sel: Selection,
    pages: dict[int, int],
    pool: Executor,
    progress: Progress | None,
) -> Report:
    start = time.perf_counter()  # before submitting: with one worker, submitting runs the work
    futures: list[Future[Any]] = [pool.submit(statistics.write, job)]
    number = 1  # batch 0 is the main process's: sources and claims
    order: list[int] = []
    for ids in _batches(sel.persons):
        futures.append(pool.submit(work.persons, job, number, ids))
        order.append(number)
        number += 1
    for ids in _batches(sel.lone):
        futures.append(pool.submit(work.lone, job, number, ids))
        order.append(number)
        number += 1
    for sid, count in pages.items():
        for first in range(1, count + 1, SOURCE_PAGES):
            last = min(count, first + SOURCE_PAGES - 1)
            futures.append(pool.submit(work.source_pages, job, sid, first, last))
    entries: list[Any] = []
    listed: list[Any] = []
    per_source: Counter[int] = Counter()
    sources: dict[int, work.SourceResult] = {}
    claims: list[tuple[dict[str, Any], dict[str, Any]]] = []
    report = Report(
        out=job.build,
        persons=len(sel.persons),
        lone_records=len(sel.lone),
        records=0,
        events=0,
        sources=0,
        claims=0,
        withheld_groups=sel.withheld_groups,
        withheld_records=sel.withheld_records,
        pages=0,
        seconds=0.0,
    )
    for f in _gather(futures, "pages", progress):
        result = f.result()
        if isinstance(result, work.BatchResult):
            entries += result.entries
            listed += result.listed
            per_source.update(result.records)
            report.events += result.events
            report.pages += result.pages
        elif isinstance(result, work.SourceResult):
            report.pages += result.pages
            claims += result.claims
            if result.meta is not None:
                sources[result.source_id] = result
        else:
            report.pages += result
    report.timings["pages"] = time.perf_counter() - start
    start = time.perf_counter()
    report.records = sum(per_source.values())
    report.sources = len(sources)
    report.claims = len(claims)
    counts = {"persons": report.persons, "records": report.records, "sources": report.sources}
    metas = [m for _, m in sorted((sid, r.meta) for sid, r in sources.items() if r.meta)]
    finish.sources_and_claims(job, metas, per_source, claims)
    second = [
        pool.submit(finish.index, job, entries, listed, counts),
        pool.submit(finish.data, job, [0, *order]),
    ]
    for f in _gather(second, "index and data", progress):
        result = f.result()
        if isinstance(result, int):
            report.pages += result
        else:
            report.pages += finish.data_pages(job, result, datasette.DATABASE)
    report.timings["index and data"] = time.perf_counter() - start
    return report
