"""`vigil serve` under mixed load: many readers and two writers at once, on loopback.

    .venv/bin/python benchmarks/load.py --db benchmarks/out/publish-215000/vigil.db
    .venv/bin/python benchmarks/load.py --db benchmarks/out/publish-215000/vigil.db \
        --to postgresql+psycopg://.../vigil_load

The writers change the registry, so every run starts from a fresh copy of the SQLite registry
`--db`: a temporary file, or with `--to` the scratch PostgreSQL database at that URL, whose
contents `vigil migrate --force` replaces. (Reusing a database a run has written to would
measure another registry: the readers' source pages are drawn from every source in it, and
the lists an earlier run uploaded would then be most of them.)

Two accounts are made (`vigil user add`, an editor and a reviewer), then `vigil serve
--workers N` runs in a child process on a free loopback port. All clients run for `--warmup`
seconds, untimed (each server process builds its review explanations and fills its caches on
its first requests), and then for `--seconds`, timed:
- `--readers` threads, each its own keep-alive connection, ask for a person page, a name
  search or a page of a source (half, three in ten, one in five), then think for a random
  time (exponential, mean `--think` seconds) before the next, as people reading do;
- an editor uploads a new generated list (`/api/ingest`, a few hundred fictional people of
  the demo generator, new bytes each time) and follows its job to the end, one after another;
- a reviewer takes the first undecided pair from `/api/review` and decides it, thinking a
  second between decisions.

Afterwards the registry is read directly: every list the editor was told was ingested is a
source there with its records, every decision the reviewer was told was recorded is there,
and the audit log verifies with one entry more for each. Bounded: loopback only, a fixed
number of clients and seconds. Prints one JSON object; exit 1 if a request failed or a write
was lost.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import free_port, percentile

VIGIL = Path(sys.executable).with_name("vigil")
PASSWORD = "load-benchmark-password"


@dataclass
class Tally:
    """What the clients saw: latencies in ms by kind, and every failure with its reason."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    timed_from: float = 0.0  # time.monotonic(): latencies of requests begun earlier are not kept
    ms: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    ingested: list[str] = field(default_factory=list)  # filenames the server said it stored
    decided: list[tuple[int, int]] = field(default_factory=list)

    def add(self, kind: str, ms: float) -> None:
        if time.monotonic() - ms / 1000 < self.timed_from:
            return  # the warm-up: writes made in it are still checked, failures still count
        with self.lock:
            self.ms.setdefault(kind, []).append(ms)

    def fail(self, what: str) -> None:
        with self.lock:
            self.failures.append(what)


class Client:
    """One keep-alive HTTP connection to the server, with an optional bearer token."""

    def __init__(self, port: int, token: str | None = None) -> None:
        self.port = port
        self.token = token
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, float]:
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        start = time.perf_counter()
        for attempt in (1, 2):  # a keep-alive connection the server closed is reopened once
            try:
                self.conn.request(method, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                return resp.status, data, (time.perf_counter() - start) * 1000
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def json(self, method: str, path: str, value: Any = None) -> tuple[int, Any, float]:
        body = json.dumps(value).encode() if value is not None else None
        status, data, ms = self.request(method, path, body, {"Content-Type": "application/json"})
        try:
            return status, json.loads(data) if data else None, ms
        except ValueError:
            return status, data[:200].decode(errors="replace"), ms


def sample(db: str, n: int, seed: int) -> dict[str, list[str]]:
    """Addresses to read: persons, name searches, pages of sources (any engine)."""
    from sqlalchemy import func, select

    from vigil.store import Registry
    from vigil.store.publication import source_pages
    from vigil.store.schema import person, record

    rng = random.Random(seed)
    with Registry.open(db) as reg, reg.engine.connect() as conn:
        top = conn.scalar(select(func.max(person.c.id))) or 0
        if not top:
            sys.exit(f"{db}: no persons; run `vigil link` on it first")
        last = conn.scalar(select(func.max(record.c.id)))
        picks = [rng.randint(1, last) for _ in range(n)]
        names = conn.execute(
            select(record.c.surname, record.c.given).where(
                record.c.id.in_(picks), record.c.surname.is_not(None)
            )
        ).all()
        pages = source_pages(conn)
    q = urllib.parse.quote
    return {
        "person": [f"/persons/{rng.randint(1, top)}" for _ in range(n)],
        "search": [f"/?q={q(f'{s} {g}' if g else s)}" for s, g in names],
        "source": [
            f"/sources/{s}?page={rng.randint(1, p)}"
            for s, p in pages.items()
            for _ in range(max(1, n // len(pages)))
        ],
    }


def reader(
    port: int, paths: dict[str, list[str]], until: float, think: float, seed: int, tally: Tally
) -> None:
    rng = random.Random(seed)
    client = Client(port)
    kinds = ["person"] * 5 + ["search"] * 3 + ["source"] * 2
    time.sleep(rng.uniform(0, think))  # not all at the same instant
    while time.monotonic() < until:
        kind = rng.choice(kinds)
        path = rng.choice(paths[kind])
        try:
            status, _, ms = client.request("GET", path)
        except OSError as exc:
            tally.fail(f"GET {path}: {exc}")
            continue
        if status in (200, 404):  # 404: a person withheld as may be alive, as designed
            tally.add(kind, ms)
        else:
            tally.fail(f"GET {path}: HTTP {status}")
        time.sleep(rng.expovariate(1 / think))


def login(port: int, name: str) -> str:
    status, body, _ = Client(port).json("POST", "/api/login", {"name": name, "password": PASSWORD})
    if status != 200:
        sys.exit(f"login as {name} failed: HTTP {status} {body}")
    return str(body["token"])


def new_list(folder: Path, n: int, seed: int) -> Path:
    """A list of fictional people in the demo's memory-book format, new bytes each seed."""
    from vigil.demo.corpus import memory_book
    from vigil.demo.people import generate_people

    path = folder / f"load-list-{seed}.txt"
    path.write_text(memory_book(generate_people(n, seed)), encoding="utf-8")
    return path


def multipart(fields: dict[str, str], name: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = f"vigil-load-{random.getrandbits(64):x}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"'
        f"\r\nContent-Type: text/plain\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def editor(port: int, token: str, until: float, folder: Path, people: int, tally: Tally) -> None:
    client = Client(port, token)
    seed = 100_000
    while time.monotonic() < until:
        seed += 1
        path = new_list(folder, people, seed)
        body, kind = multipart({"format": "memory-book"}, "file", path.name, path.read_bytes())
        status, data, ms = client.request("POST", "/api/ingest", body, {"Content-Type": kind})
        if status not in (200, 201, 202):
            tally.fail(f"POST /api/ingest {path.name}: HTTP {status} {data[:200]!r}")
            continue
        tally.add("ingest_post", ms)
        job = json.loads(data)
        started = time.perf_counter()
        while True:
            status, state, ms = client.json("GET", f"/api/ingest/jobs/{job['id']}")
            if status != 200:
                tally.fail(f"GET job {job['id']}: HTTP {status} {state}")
                break
            tally.add("ingest_poll", ms)
            if state["state"] in ("done", "failed"):
                break
            time.sleep(0.2)
        if state.get("state") == "done":
            tally.add("ingest_job", (time.perf_counter() - started) * 1000)
            with tally.lock:
                tally.ingested.append(path.name)
        else:
            tally.fail(f"ingest of {path.name}: {state}")


def reviewer(port: int, token: str, until: float, tally: Tally) -> None:
    client = Client(port, token)
    rng = random.Random(7)
    while time.monotonic() < until:
        status, queue, ms = client.json("GET", "/api/review?limit=1")
        if status != 200:
            tally.fail(f"GET /api/review: HTTP {status} {queue}")
            time.sleep(1)
            continue
        tally.add("review_queue", ms)
        pairs = queue.get("pairs") or []
        if not pairs:
            time.sleep(1)
            continue
        pick = rng.choice(pairs)
        a, b = pick["a"]["id"], pick["b"]["id"]
        verdict = rng.choice(["same", "different"])
        status, body, ms = client.json(
            "POST", "/api/review/decisions", {"a": a, "b": b, "verdict": verdict, "reason": "load"}
        )
        if status == 201:
            tally.add("decide", ms)
            with tally.lock:
                tally.decided.append((min(a, b), max(a, b)))
        else:
            tally.fail(f"POST decision {a} {b}: HTTP {status} {body}")
        time.sleep(rng.expovariate(1.0))


def checked(db: str, tally: Tally, before: int) -> dict[str, Any]:
    """What the registry holds after the run, against what the clients were told."""
    from sqlalchemy import func, select

    from vigil.store import Registry
    from vigil.store.schema import decision, record, source

    with Registry.open(db) as reg:
        with reg.engine.connect() as conn:
            names = set(conn.scalars(select(source.c.filename)))
            empty = conn.execute(
                select(source.c.filename)
                .outerjoin(record, record.c.source_id == source.c.id)
                .where(source.c.filename.in_(tally.ingested))
                .group_by(source.c.filename)
                .having(func.count(record.c.id) == 0)
            ).all()
            decisions = conn.execute(
                select(decision.c.record_a, decision.c.record_b).where(decision.c.reason == "load")
            ).all()
        verdict = reg.verify_audit()
    lost_sources = sorted(set(tally.ingested) - names)
    missing = list(tally.decided)
    for row in decisions:
        if (row[0], row[1]) in missing:
            missing.remove((row[0], row[1]))
    writes = len(tally.ingested) + len(tally.decided)
    return {
        "sources_lost": lost_sources,
        "sources_without_records": [r[0] for r in empty],
        "decisions_lost": missing,
        "audit_ok": verdict.ok,
        "audit_entries_added": verdict.entries - before,
        "audit_entries_expected": writes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite registry (never written to)")
    parser.add_argument("--to", help="a scratch PostgreSQL URL to run on instead (replaced)")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between reads")
    parser.add_argument("--people", type=int, default=300, help="people in each uploaded list")
    parser.add_argument("--seed", type=int, default=1937)
    parser.add_argument("--workers", type=int, default=2, help="`vigil serve --workers`")
    parser.add_argument("--warmup", type=float, default=30, help="untimed seconds first")
    args = parser.parse_args()

    if "://" in args.db:
        sys.exit("--db is the SQLite registry to copy; give a PostgreSQL scratch URL as --to")
    scratch = Path(tempfile.mkdtemp(prefix="vigil-load-"))
    if args.to:
        subprocess.run(
            [str(VIGIL), "migrate", "--db", args.db, "--to", args.to, "--force", "--quiet"],
            check=True,
            capture_output=True,
        )
        db = args.to
    else:
        db = str(scratch / "vigil.db")
        shutil.copyfile(args.db, db)
    try:
        # a registry of an older version is brought up to this one (the copy, or the scratch URL)
        subprocess.run([str(VIGIL), "init", "--db", db], check=True, capture_output=True)
        run = f"{random.getrandbits(24):06x}"  # a scratch registry may hold an earlier run's
        names = {role: f"load-{role}-{run}" for role in ("editor", "reviewer")}
        for role, name in names.items():
            subprocess.run(
                [str(VIGIL), "user", "add", name, "--role", role, "--password-stdin", "--db", db],
                input=PASSWORD + "\n",
                text=True,
                check=True,
                capture_output=True,
            )
        from vigil.store import Registry

        with Registry.open(db) as reg:
            before = reg.verify_audit().entries
        paths = sample(db, 2000, args.seed)
        port = free_port()
        log_path = scratch / "serve.log"  # a file: a pipe nobody reads would stall the server
        log = log_path.open("wb")
        server = subprocess.Popen(
            [str(VIGIL), "serve", "--db", db, "--port", str(port), "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if Client(port).request("GET", "/sources")[0] == 200:
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"vigil serve did not start:\n{log_path.read_text()}")
                time.sleep(0.3)
            tokens = {role: login(port, name) for role, name in names.items()}
            # untimed: the review queue's first view waits for the match explanations the
            # server builds once per link run as it starts; the load is measured after that
            warm = Client(port, tokens["reviewer"]).json("GET", "/api/review?limit=1")
            if warm[0] != 200:
                sys.exit(f"GET /api/review: HTTP {warm[0]} {warm[1]}")
            tally = Tally(timed_from=time.monotonic() + args.warmup)
            until = tally.timed_from + args.seconds
            threads = [
                threading.Thread(
                    target=reader, args=(port, paths, until, args.think, args.seed + i, tally)
                )
                for i in range(args.readers)
            ]
            threads.append(
                threading.Thread(
                    target=editor, args=(port, tokens["editor"], until, scratch, args.people, tally)
                )
            )
            threads.append(
                threading.Thread(target=reviewer, args=(port, tokens["reviewer"], until, tally))
            )
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - tally.timed_from
        finally:
            server.terminate()
            server.wait(timeout=30)
        after = checked(db, tally, before)
        reads = [ms for k in ("person", "search", "source") for ms in tally.ms.get(k, [])]
        asked = [ms for k, v in tally.ms.items() if k != "ingest_job" for ms in v]
        report = {
            "engine": db.split("://")[0] if "://" in db else "sqlite",
            "readers": args.readers,
            "writers": 2,
            "workers": args.workers,
            "warmup_s": args.warmup,
            "seconds": round(elapsed, 1),
            "think_s": args.think,
            "requests": len(asked),
            "reads_per_s": round(len(reads) / elapsed, 1),
            "failures": len(tally.failures),
            "failure_examples": tally.failures[:10],
            "reads_p50_ms": percentile(reads, 50) if reads else None,
            "reads_p95_ms": percentile(reads, 95) if reads else None,
            "reads_p99_ms": percentile(reads, 99) if reads else None,
            # every request of readers and writers alike (a job's whole run is no request)
            "requests_p99_ms": percentile(asked, 99) if asked else None,
            "server_tracebacks": log_path.read_text(errors="replace").count("Traceback"),
            "by_kind": {
                k: {
                    "n": len(v),
                    "p50_ms": percentile(v, 50),
                    "p95_ms": percentile(v, 95),
                    "p99_ms": percentile(v, 99),
                    "max_ms": round(max(v), 1),
                }
                for k, v in sorted(tally.ms.items())
            },
            "lists_ingested": len(tally.ingested),
            "decisions": len(tally.decided),
            **after,
        }
        print(json.dumps(report, indent=1, ensure_ascii=False))
        lost = after["sources_lost"] or after["decisions_lost"] or after["sources_without_records"]
        bad_audit = not after["audit_ok"] or (
            after["audit_entries_added"] != after["audit_entries_expected"]
        )
        if tally.failures or lost or bad_audit:
            sys.exit(1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
