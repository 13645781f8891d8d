"""Cross-script linkage: the same fictional people in Russian, English, German, French lists.

    .venv/bin/python benchmarks/linkage_crossscript.py --records 100000

The generator (vigil.demo.crossscript) writes eleven lists: Russian ones with oblique cases,
initials, typos, missing patronymics and birth years off by one; English, German and French
ones with their own romanisations and given-name forms. Vigil ingests them, links them and
exports `source,locator,person`, which is scored against the truth file. The baseline is a
plain Splink model on the names as the lists write them and the birth date, trained the same
way, in the same run. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "out"


def _scores(s: Any) -> dict[str, float]:
    if hasattr(s, "bcubed"):
        return {"exact": round(s.exact, 4), "bcubed": _scores(s.bcubed)}
    return {k: round(getattr(s, k), 4) for k in ("precision", "recall", "f1")}


def baseline(reg: Any, truth: dict, thresholds: tuple[float, ...]) -> dict[str, Any]:
    """Splink on raw names and birth date: what linking looks like without name keys."""
    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from vigil.linkage.accuracy import cluster_scores, pairwise_scores

    with reg.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT r.id, s.filename, r.locator, r.surname, r.given, r.patronymic, r.birth_lower "
            "FROM record r JOIN source s ON s.id = r.source_id"
        ).fetchall()
    ids, files, locators, surname, given, patronymic, birth = zip(*rows, strict=True)
    # Case folded in Python: SQLite's lower() leaves Cyrillic as it is.
    surname, given, patronymic = (
        [v.casefold() if v else None for v in column] for column in (surname, given, patronymic)
    )
    table = pa.table(
        {
            "unique_id": ids,
            "surname": surname,
            "given": given,
            "patronymic": patronymic,
            "birth": birth,
        }
    )
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("surname", "given"),
            block_on("surname", "birth"),
            block_on("given", "birth"),
        ],
        comparisons=[
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.NameComparison("given").configure(term_frequency_adjustments=True),
            cl.NameComparison("patronymic"),
            cl.DateOfBirthComparison("birth", input_is_string=True),
        ],
    )
    t = time.perf_counter()
    linker = Linker(DuckDBAPI().register(table), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "given", "birth")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    for rule in (block_on("surname"), block_on("birth")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    predictions = linker.inference.predict(threshold_match_probability=0.05)
    key = {i: (f, loc) for i, f, loc in zip(ids, files, locators, strict=True)}
    runs = []
    for threshold in thresholds:
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        ).as_pandas_dataframe()
        predicted = {
            key[u]: c for u, c in zip(clusters.unique_id, clusters.cluster_id, strict=True)
        }
        runs.append(
            {
                "threshold": threshold,
                "pairwise": _scores(pairwise_scores(truth, predicted)),
                "clusters": _scores(cluster_scores(truth, predicted)),
            }
        )
    return {"seconds": round(time.perf_counter() - t, 1), "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1937)
    args = parser.parse_args()

    from vigil.demo.crossscript import write_crossscript
    from vigil.ingest import ingest_path
    from vigil.linkage.accuracy import cluster_scores, pairwise_scores
    from vigil.linkage.run import link
    from vigil.readers import ReaderOptions
    from vigil.readers.table import parse_mapping
    from vigil.store import Registry

    folder = OUT / f"crossscript-{args.records}"
    corpus = write_crossscript(folder, args.records, seed=args.seed)
    with corpus.truth.open(encoding="utf-8") as f:
        truth = {(r["source"], r["locator"]): r["person"] for r in csv.DictReader(f)}
    db = folder / "vigil.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    report: dict[str, Any] = {
        "records": corpus.records,
        "people": corpus.people,
        "lists": len(corpus.files),
    }
    thresholds = (0.5, 0.8, 0.9, 0.95, 0.99)
    with Registry.open(str(db)) as reg:
        reg.init()
        t = time.perf_counter()
        for lf in corpus.files:
            mapping = parse_mapping(lf.mapping) if lf.mapping else {}
            ingest_path(reg, lf.path, lf.format, ReaderOptions(mapping, lf.id_column))
        report["ingest_seconds"] = round(time.perf_counter() - t, 1)
        runs = []
        for i, threshold in enumerate(thresholds):
            r = link(reg, threshold=threshold, full=i == 0)
            predicted = {(s, loc): p for s, loc, p in reg.export_links()}
            runs.append(
                {
                    "threshold": threshold,
                    "seconds": round(r.seconds, 1),
                    "persons": r.persons,
                    "pairs_scored": r.pairs_scored,
                    "pairwise": _scores(pairwise_scores(truth, predicted)),
                    "clusters": _scores(cluster_scores(truth, predicted)),
                }
            )
        report["vigil"] = runs
        report["plain_splink"] = baseline(reg, truth, thresholds)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
