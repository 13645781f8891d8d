"""Linkage at scale: generated records linked end to end (train, predict, cluster) on DuckDB.

    .venv/bin/python benchmarks/linkage_scale.py --records 1000000
    .venv/bin/python benchmarks/linkage_scale.py --records 5000000

Records come from the cross-script generator (fictional people, several lists and scripts).
Their name keys are computed as ingest computes them, then the feature table is cached in
benchmarks/out/ (keys belong to ingest; this measures linkage). The linkage runs in a child
process, so its peak resident memory is measured alone. Reports wall times, peak memory,
comparisons per record, blocking recall (true pairs that some blocking rule compares) and
pairwise accuracy against the generator's truth. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

OUT = Path(__file__).parent / "out"


def build_features(n: int, path: Path) -> dict:
    """Keys and features for n generated records, written as Parquet with the truth column."""
    from vigil.dates import from_edtf
    from vigil.demo.crossscript import iter_crossscript
    from vigil.linkage.features import SCHEMA, feature_row
    from vigil.store.rows import key_row

    t = time.perf_counter()
    writer = pq.ParquetWriter(
        path.with_suffix(".partial"), SCHEMA.append(pa.field("person", pa.int64()))
    )
    rows: list[dict] = []

    def flush() -> None:
        writer.write_table(pa.Table.from_pylist(rows, schema=writer.schema))
        rows.clear()

    for rec in iter_crossscript(n, seed=n):
        keys = key_row(
            rec["record_id"],
            rec.get("surname"),
            rec.get("given"),
            rec.get("patronymic"),
            rec.get("name_written"),
            rec.get("sex"),
        )
        flat = {
            "id": rec["record_id"],
            "source_id": hash(rec["source"]) % 1000,
            "sex": rec.get("sex"),
            "birth_place": rec.get("birth_place"),
            "nationality": rec.get("nationality"),
            "occupation": rec.get("occupation"),
            **keys,
        }
        for field in ("birth", "arrest"):
            value = rec.get(field)
            if value:
                d = from_edtf(str(value))
                flat[f"{field}_lower"], flat[f"{field}_upper"] = (
                    d.lower.isoformat(),
                    d.upper.isoformat(),
                )
        row = feature_row(flat)
        row["person"] = int(rec["person"])
        rows.append(row)
        if len(rows) >= 100_000:
            flush()
    if rows:
        flush()
    writer.close()
    path.with_suffix(".partial").rename(path)
    return {"features_seconds": round(time.perf_counter() - t, 1)}


def run_link(path: Path, threshold: float) -> None:
    """In the child: train, score, cluster; then blocking recall and accuracy."""
    from vigil.linkage.accuracy import pairwise_scores
    from vigil.linkage.blocking import rules_sql
    from vigil.linkage.cluster import cluster
    from vigil.linkage.features import with_block_sizes
    from vigil.linkage.run import GROUP_MEAN, train_and_score

    table = pq.read_table(path).sort_by("unique_id")
    truth = table.column("person").to_numpy()
    t0 = time.perf_counter()
    table = with_block_sizes(table.drop(["person"]))
    sizes = time.perf_counter() - t0
    ids = table.column("unique_id").to_numpy()
    t0 = time.perf_counter()
    (a, b, _w, p), _model, training = train_and_score(table, "duckdb", None, [], lambda _m: None)
    t1 = time.perf_counter()
    result = cluster(ids.tolist(), a, b, p, threshold, group_mean=GROUP_MEAN)
    t2 = time.perf_counter()
    link_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    predicted = {int(i): result.root[int(i)] for i in ids}
    scores = pairwise_scores(dict(zip(ids.tolist(), truth.tolist(), strict=True)), predicted)
    out = {
        "records": len(ids),
        "train_and_score_seconds": round(t1 - t0, 1),
        "cluster_seconds": round(t2 - t1, 1),
        "block_sizes_seconds": round(sizes, 1),
        "link_seconds": round(t2 - t0 + sizes, 1),
        "link_peak_rss_mb": link_peak,
        "pairs_kept": len(a),
        "em_passes": training.em_passes,
        "pairwise": {k: round(getattr(scores, k), 4) for k in ("precision", "recall", "f1")},
    }
    print(json.dumps(out), flush=True)  # the link's figures, whatever the count below does
    out = blocking_stats(table, truth, rules_sql())
    out["peak_rss_mb_with_count"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(out))


def blocking_stats(table: pa.Table, truth: np.ndarray, rules: list[str]) -> dict:
    """Comparisons the rules generate (per record) and the share of true pairs they reach."""
    import duckdb

    con = duckdb.connect(config={"memory_limit": "3GB"})
    con.register("t", table)
    con.execute("SET preserve_insertion_order = false").fetchall()
    union = " UNION ".join(
        f"SELECT l.unique_id AS a, r.unique_id AS b FROM t l JOIN t r "
        f"ON ({rule}) AND l.unique_id < r.unique_id"
        for rule in rules
    )
    t = time.perf_counter()
    con.execute(f"CREATE TABLE blocked AS {union}").fetchall()
    comparisons = con.execute("SELECT count(*) FROM blocked").fetchall()[0][0]
    con.register("truth", pa.table({"unique_id": table.column("unique_id"), "person": truth}))
    true_pairs, reached = con.execute(
        """
        WITH tp AS (SELECT l.unique_id a, r.unique_id b FROM truth l JOIN truth r
                    ON l.person = r.person AND l.unique_id < r.unique_id)
        SELECT count(*), count(blocked.a) FROM tp LEFT JOIN blocked USING (a, b)
        """
    ).fetchall()[0]
    return {
        "comparisons": comparisons,
        "comparisons_per_record": round(comparisons / table.num_rows, 2),
        "true_pairs": true_pairs,
        "blocking_recall": round(reached / true_pairs, 4) if true_pairs else None,
        "blocking_count_seconds": round(time.perf_counter() - t, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--threshold", type=float, default=0.95)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_link(args.child, args.threshold)
        return
    OUT.mkdir(exist_ok=True)
    path = OUT / f"linkage_{args.records}.parquet"
    report: dict = {"records": args.records}
    if not path.exists():
        report.update(build_features(args.records, path))
    t = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--threshold", str(args.threshold)],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in child.stdout.strip().splitlines():
        if line.startswith("{"):
            report.update(json.loads(line))
    if child.returncode:
        report["error"] = child.stderr.strip().splitlines()[-1]
    report["child_wall_seconds"] = round(time.perf_counter() - t, 1)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
