"""Write the generated cross-script linkage benchmark (fictional people) and time it.

    .venv/bin/python benchmarks/crossscript_data.py --records 100000 --out benchmarks/out/xs-100k
    .venv/bin/python benchmarks/crossscript_data.py --records 5000000 --dicts-only

Writes the lists and truth.csv under --out (or, with --dicts-only, only makes the records as
dicts, the path a scale run takes straight to the linkage), then prints one JSON object: what
was written, the `vigil ingest` arguments each list needs, and records per second.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from vigil.demo.crossscript import _inflector, iter_crossscript, write_crossscript


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "crossscript")
    ap.add_argument("--seed", type=int, default=1937)
    ap.add_argument("--dicts-only", action="store_true", help="make the records, write nothing")
    args = ap.parse_args()
    if args.dicts_only:
        start = time.perf_counter()
        n = people = 0
        for rec in iter_crossscript(args.records, args.seed):
            n += 1
            people = max(people, int(rec["person"] or 0))
        seconds = time.perf_counter() - start
        result: dict[str, object] = {"records": n, "people": people}
    else:
        corpus = write_crossscript(args.out, args.records, args.seed)
        seconds = corpus.seconds
        result = {
            "records": corpus.records,
            "people": corpus.people,
            "truth": str(corpus.truth),
            "files": [
                {
                    "path": str(f.path),
                    "records": f.records,
                    "language": f.language,
                    "convention": f.convention,
                    "encoding": f.encoding,
                    "bytes": f.path.stat().st_size,
                    "ingest": ["vigil", "ingest", str(f.path), *f.ingest_args()],
                }
                for f in corpus.files
            ],
        }
    result |= {
        "seconds": round(seconds, 1),
        "records_per_second": round(result["records"] / seconds),  # type: ignore[operator]
        "distinct_name_forms_inflected": dict(_inflector().stats),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
