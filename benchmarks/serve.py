"""`vigil serve` under measurement: latency of person pages and name searches, and throughput.

    .venv/bin/python benchmarks/serve.py --db benchmarks/out/serve-1000000.db

The registry must exist, be linked and be current (`vigil init`, `vigil link`); see the
"Web application" section of benchmarks/README.md for how the 1M registry is made. The real
command (`vigil serve`, uvicorn) runs in a child process on a free loopback port.

- Latency: requests one at a time, each kind on its own sample; the server's own time comes
  from its `Server-Timing` header (what the application spent), the client's is the round trip.
- Throughput: `wrk` (Debian's package) with a Lua script cycling through the same addresses,
  when it is installed; otherwise a Python client with threads, which shares the two cores
  with the server and so understates it (the output says which).

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIGIL = Path(sys.executable).with_name("vigil")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample(db: Path, n: int, seed: int) -> dict[str, list[str]]:
    """Addresses to ask: persons, surname-and-given searches, surnames by their frequency."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = con.execute("SELECT max(id) FROM person").fetchone()[0]
    if not top:
        sys.exit(f"{db}: no persons; run `vigil link --db {db}` first")
    persons = [rng.randint(1, top) for _ in range(n * 3)]
    max_rec = con.execute("SELECT max(id) FROM record").fetchone()[0]
    names: list[tuple[str, str | None]] = []
    while len(names) < n * 2:
        row = con.execute(
            "SELECT surname, given FROM record WHERE id = ? AND surname IS NOT NULL",
            (rng.randint(1, max_rec),),
        ).fetchone()
        if row:
            names.append(row)
    con.close()
    q = urllib.parse.quote
    return {
        "person": [f"/persons/{p}" for p in persons],
        "search_full": [f"/?q={q(f'{s} {g}' if g else s)}" for s, g in names[:n]],
        # A surname drawn from records is drawn by its frequency: common surnames come often.
        "search_surname": [f"/?q={q(s)}" for s, _ in names[n:]],
    }


def start(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [str(VIGIL), "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sources", timeout=5)
            return proc
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"vigil serve failed:\n{proc.stderr.read().decode()}")  # type: ignore[union-attr]
            time.sleep(0.3)
    proc.kill()
    sys.exit("vigil serve did not answer within 120 s")


def timed(base: str, path: str) -> tuple[int, float, float]:
    """Status, client round trip and server time, both in ms."""
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as resp:
            resp.read()
            status, header = resp.status, resp.headers.get("Server-Timing", "")
    except urllib.error.HTTPError as e:
        status, header = e.code, e.headers.get("Server-Timing", "")
    client = (time.perf_counter() - t) * 1000
    m = re.search(r"dur=([\d.]+)", header)
    return status, client, float(m.group(1)) if m else float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1)


def latency(base: str, paths: list[str], n: int) -> dict[str, object]:
    server, client, statuses = [], [], {}
    for path in paths:
        status, c, s = timed(base, path)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 200:
            server.append(s)
            client.append(c)
        if len(server) >= n:
            break
    return {
        "requests_200": len(server),
        "statuses": statuses,
        **{f"server_p{p}_ms": percentile(server, p) for p in (50, 95, 99)},
        "server_max_ms": round(max(server), 1),
        **{f"client_p{p}_ms": percentile(client, p) for p in (50, 95)},
    }


WRK_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def throughput(base: str, paths: list[str], seconds: int, clients: int) -> dict[str, object]:
    if shutil.which("wrk"):
        with tempfile.TemporaryDirectory() as tmp:
            listing = Path(tmp, "paths.txt")
            listing.write_text("\n".join(paths) + "\n")
            script = Path(tmp, "cycle.lua")
            script.write_text(WRK_SCRIPT % listing)
            out = subprocess.run(
                ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency", "-s", str(script),
                 base],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        return {
            "tool": "wrk",
            "clients": clients,
            "requests_per_s": round(rate, 1),
            "non_2xx": int(errors.group(1)) if errors else 0,
            "wrk": out.strip().splitlines()[-12:],
        }
    done: list[int] = []
    end = time.monotonic() + seconds

    def worker(k: int) -> None:
        i = k
        while time.monotonic() < end:
            done.append(timed(base, paths[i % len(paths)])[0])
            i += clients

    t = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return {
        "tool": "python threads (wrk not installed: understates the server)",
        "clients": clients,
        "requests_per_s": round(len(done) / (time.monotonic() - t), 1),
        "non_2xx": sum(1 for s in done if s != 200),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=400, help="answered requests per kind")
    parser.add_argument("--seconds", type=int, default=20, help="throughput run length")
    parser.add_argument("--clients", type=int, default=16, help="concurrent connections")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="vigil serve --workers")
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such registry")
    paths = sample(args.db, args.requests, args.seed)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(args.db, port, args.workers)
    try:
        for path in paths["search_full"][:20]:  # warm the page cache and the name parser
            timed(base, path)
        count = sqlite3.connect(args.db).execute("SELECT count(*) FROM record").fetchone()[0]
        result: dict[str, object] = {"db": str(args.db), "records": count, "workers": args.workers}
        for kind, kind_paths in paths.items():
            result[kind] = latency(base, kind_paths, args.requests)
        mixed = [p for trio in zip(*paths.values(), strict=False) for p in trio]
        result["throughput"] = throughput(base, mixed, args.seconds, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
