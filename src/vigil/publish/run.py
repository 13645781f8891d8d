"""`vigil publish OUT/`: the published part of the registry as a static site and open data.

The site is built in a folder beside OUT and put in OUT's place only when complete, so a
failed run leaves the previous publication as it was and a new one leaves nothing stale. A
folder is only ever replaced when it is empty or holds an earlier publication (it has the
marker file); anything else is refused with the reason.

The work runs on a pool of processes (`--workers`; 1 runs it all here): persons, lone
records and source pages in batches, then what needs them all: the search index and the name
lists as soon as every person is done (beside the source pages still to do), and the open
data's files and database once the sources are done too.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vigil import privacy
from vigil.errors import VigilError
from vigil.publish import datasette, finish, statistics, work
from vigil.publish.select import select
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
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
    )


def _worker_start() -> None:
    """A worker makes millions of short-lived objects and few cycles: the collector's default
    thresholds run it every 700 allocations, some 3% of a page's time for nothing."""
    gc.set_threshold(100_000, 50, 100)


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
    today = today or date.today()
    with Registry.open(db) as registry:
        registry.check()
        url = registry.url
        build = _building(out)
        try:
            job = work.Job(url, build, i18n.LANGUAGES, today, policy, base_url)
            try:
                with _executor(workers) as pool:
                    report = _run(job, registry, pool, workers, progress)
            finally:
                work.release(job)
            shutil.rmtree(job.parts, ignore_errors=True)
            _static(build)
            marker = {"published": today.isoformat(), "registry": url.split("://")[0]}
            (build / MARKER).write_text(json.dumps(marker) + "\n")
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


def _timed(name: str, fn: Callable[..., Any], *args: Any) -> tuple[str, Any, float]:
    """Run a task and say how long it took where it ran (the report's figures)."""
    start = time.perf_counter()
    result = fn(*args)
    return name, result, time.perf_counter() - start


Task = tuple[Callable[..., Any], tuple[Any, ...]]


class _Feeder:
    """Keeps the pool busy from a queue that can be jumped: a task that becomes possible (the
    search index, once every person is done) goes ahead of the source pages still waiting, so
    that the last round runs beside them rather than after them. Only a few tasks at a time
    are given to the pool, which would otherwise take the whole queue in its order."""

    def __init__(self, pool: Executor, workers: int, progress: Progress | None) -> None:
        self.pool = pool
        self.limit = max(1, workers) + 1
        self.progress = progress
        self.queue: deque[Task] = deque()
        self.running: set[Future[Any]] = set()
        self.total = 0
        self.done = 0

    def add(self, fn: Callable[..., Any], *args: Any, first: bool = False) -> None:
        self.total += 1
        if first:
            self.queue.appendleft((fn, args))
        else:
            self.queue.append((fn, args))

    def start(self) -> None:
        """Give the pool what it may take now."""
        while self.queue and len(self.running) < self.limit:
            fn, args = self.queue.popleft()
            self.running.add(self.pool.submit(fn, *args))

    def run(self, handle: Callable[[Any], None]) -> None:
        """Run every task, handing each result to `handle`, which may add tasks."""
        while self.queue or self.running:
            self.start()
            finished, self.running = wait(self.running, return_when=FIRST_COMPLETED)
            for f in finished:
                self.done += 1
                handle(f.result())
                if self.progress:
                    self.progress("pages and data", self.done, self.total)


def _run(
    job: work.Job, registry: Registry, pool: Executor, workers: int, progress: Progress | None
) -> Report:
    start = time.perf_counter()
    feed = _Feeder(pool, workers, progress)
    feed.add(_timed, "statistics", statistics.write, job)
    feed.start()  # the workers start up and draw the statistics while the groups are judged
    with registry.engine.connect() as conn:
        sel = select(conn, privacy.screen(job.policy, job.today))
        pages = source_pages(conn)
    number = 1  # batch 0 is the main process's: sources and claims
    order: list[int] = []
    for kind, ids in (*((work.persons, b) for b in _batches(sel.persons)),
                      *((work.lone, b) for b in _batches(sel.lone))):  # fmt: skip
        feed.add(kind, job, number, ids)
        order.append(number)
        number += 1
    for sid, count in pages.items():
        for first in range(1, count + 1, SOURCE_PAGES):
            feed.add(work.source_pages, job, sid, first, min(count, first + SOURCE_PAGES - 1))
    waiting = {"batches": len(order), "sources": feed.total - 1 - len(order)}
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

    counts = {"persons": report.persons, "sources": len(pages)}
    started: set[str] = set()

    def start_what_can() -> None:
        """The last round's tasks, each as soon as what it reads is written."""
        if "index" not in started and not waiting["batches"]:
            started.add("index")
            counts["records"] = sum(per_source.values())
            feed.add(_timed, "search index", finish.index, job, order, first=True)
            feed.add(_timed, "names", finish.names, job, order, counts, first=True)
        if "data" not in started and not waiting["batches"] and not waiting["sources"]:
            started.add("data")  # batch 0: the sources' and claims' rows, from both
            metas = [m for _, m in sorted((sid, r.meta) for sid, r in sources.items() if r.meta)]
            finish.sources_and_claims(job, metas, per_source, claims)
            feed.add(_timed, "open data", finish.data, job, [0, *order])
            feed.add(_timed, "database", finish.database, job, [0, *order])

    def handle(result: Any) -> None:
        if isinstance(result, work.BatchResult):
            per_source.update(result.records)
            report.events += result.events
            report.pages += result.pages
            waiting["batches"] -= 1
        elif isinstance(result, work.SourceResult):
            report.pages += result.pages
            claims.extend(result.claims)
            if result.meta is not None:
                sources[result.source_id] = result
            waiting["sources"] -= 1
        else:
            name, value, seconds = result
            report.timings[name] = seconds
            if name == "open data":
                report.pages += finish.data_pages(job, value, datasette.DATABASE)
            elif isinstance(value, int):  # statistics, names: the pages written
                report.pages += value
        start_what_can()

    start_what_can()
    feed.run(handle)
    report.records = sum(per_source.values())
    report.sources = len(sources)
    report.claims = len(claims)
    report.timings["all"] = time.perf_counter() - start
    return report
