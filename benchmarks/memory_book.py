"""Benchmark: the memory-book reader on Memorial's real notes (../shared/data/memorial-notes).

Prints one JSON object: notes, seconds, notes per second, peak memory, the share of notes read
with no warning (target >= 0.95) and the most frequent patterns left unparsed. Records are
consumed as they stream, the way `vigil ingest` reads them.

    .venv/bin/python benchmarks/memory_book.py [PATH]
"""

from __future__ import annotations

import gc
import gzip
import json
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from vigil.readers.base import ReaderOptions
from vigil.readers.memory_book import MemoryBookReader

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/memorial-notes/notes.txt.gz"


def pattern(warning: str) -> str:
    """A warning's kind and the first word of the text it quotes: "unrecognised line: Взята"."""
    kind, _, quoted = warning.partition(": «")
    first = quoted.split(maxsplit=1)[0].rstrip(".,;:»") if quoted.strip() else ""
    return f"{kind}: {first}" if first else kind


def run(text: str, path: str) -> tuple[int, int, Counter[str], Counter[str]]:
    notes = clean = 0
    patterns: Counter[str] = Counter()
    events: Counter[str] = Counter()
    for rec in MemoryBookReader().parse(text, path, ReaderOptions()).records:
        notes += 1
        clean += not rec.warnings
        patterns.update(pattern(w) for w in rec.warnings)
        events.update(e.type for e in rec.events)
    return notes, clean, patterns, events


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"memory-book benchmark: {path} not found (the real notes live only in the "
              "Vigil workplace, under ../shared/data/memorial-notes)", file=sys.stderr)  # fmt: skip
        return 2
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")

    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    notes, clean, patterns, events = run(text, str(path))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    tracemalloc.start()  # a second pass: the parser's own allocations, without the text
    run(text, str(path))
    traced_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    result = {
        "reader": "memory-book",
        "file": path.name,
        "notes": notes,
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "notes_per_second": round(notes / wall),
        "peak_rss_mb": round(rss_mb, 1),
        "peak_parser_mb": round(traced_mb, 1),
        "text_mb": round(len(raw) / 2**20, 1),
        "share_without_warning": round(clean / notes, 4),
        "notes_with_warnings": notes - clean,
        "events": dict(events.most_common()),
        "top_unparsed_patterns": [{"pattern": p, "count": n} for p, n in patterns.most_common(15)],
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
