"""Publication at scale: `vigil publish` of a linked registry of more than 100,000 persons.

    .venv/bin/python benchmarks/publish.py [--records 230000] [--workers 2]

The registry is built once and kept in benchmarks/out/publish-N/: the cross-script generator's
lists of fictional people (vigil.demo.crossscript; 2.1 records a person, Russian and Latin
spellings, oblique cases), ingested and linked as `vigil ingest` and `vigil link` do. Then
`vigil publish` runs in a child process, timed, while the resident memory of it and its
workers is sampled; the site it writes is measured (files, bytes) and removed. Prints one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "out"


def build_registry(records: int, seed: int) -> Path:
    """The linked registry for `records` generated records, built once and kept."""
    from vigil.demo.crossscript import write_crossscript
    from vigil.ingest import ingest_path
    from vigil.linkage.run import link
    from vigil.readers import ReaderOptions
    from vigil.readers.table import parse_mapping
    from vigil.store import Registry

    folder = OUT / f"publish-{records}"
    db = folder / "vigil.db"
    done = folder / "built"
    if done.exists() and db.exists():
        return db
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t = time.perf_counter()
    corpus = write_crossscript(folder, records, seed=seed)
    with Registry.open(str(db)) as reg:
        reg.init()
        for lf in corpus.files:
            mapping = parse_mapping(lf.mapping) if lf.mapping else {}
            ingest_path(reg, lf.path, lf.format, ReaderOptions(mapping, lf.id_column))
        link(reg)
    done.write_text(f"built in {time.perf_counter() - t:.0f} s\n")
    return db


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, {root}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return sum(rss.get(p, 0) for p in tree)


def run_publish(db: Path, site: Path, workers: int) -> dict[str, Any]:
    vigil = Path(sys.executable).with_name("vigil")
    cmd = [str(vigil), "publish", str(site), "--db", str(db), "--workers", str(workers), "-q"]
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]  # other work on the machine: the seconds depend on it
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(child.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stop.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"vigil publish failed ({child.returncode}):\n{output}")
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "load_average": [load, os.getloadavg()[0]],  # before, after
        "peak_memory_mb": round(peak / 2**20),
        "files": len(files),
        "site_mb": round(sum(p.stat().st_size for p in files) / 2**20),
        "data_mb": round(sum(p.stat().st_size for p in (site / "data").iterdir()) / 2**20),
        "report": output.strip().splitlines(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=230_000)
    parser.add_argument("--seed", type=int, default=1937)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="Keep the site written.")
    args = parser.parse_args()

    t = time.perf_counter()
    db = build_registry(args.records, args.seed)
    built = time.perf_counter() - t
    from vigil.store import Registry

    with Registry.open(str(db)) as reg:
        persons = reg.engine.connect().exec_driver_sql(
            "SELECT count(DISTINCT person_id) FROM person_record"
        )
        n_persons = persons.scalar()
    site = OUT / f"publish-{args.records}" / "site"
    shutil.rmtree(site, ignore_errors=True)
    report = {
        "records": args.records,
        "persons_in_registry": n_persons,
        "registry_seconds": round(built, 1),
        "workers": args.workers,
        **run_publish(db, site, args.workers),
    }
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
