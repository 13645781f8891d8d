"""`vigil link`: keys, features, model, pairs, clusters, persons, in that order.

A first run (or `--full`) trains the model and scores every blocked pair. Later runs score
only the new records, against each other and against the records already linked, with the
stored model, then re-cluster all stored pairs: old pairs are never scored again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from vigil.linkage import model as link_model
from vigil.linkage.cluster import cluster
from vigil.linkage.engines import make_api, register
from vigil.linkage.features import feature_table
from vigil.linkage.persons import assign_ids
from vigil.store import Registry, audit
from vigil.store import linkage as store

DEFAULT_THRESHOLD = 0.95
# Two persons join when all pairs of records between them average at least this, a pair never
# scored counting as 0 (vigil.linkage.cluster); chosen on the three labelled benchmarks.
GROUP_MEAN = 0.3
# Pairs below this probability are not kept: too weak to link or to be worth a review.
FLOOR = 0.05

Step = Callable[[str], None]


@dataclass
class LinkReport:
    mode: str
    engine: str
    threshold: float
    records: int = 0
    new_records: int = 0
    keys_computed: int = 0
    pairs_scored: int = 0
    pairs: int = 0
    persons: int = 0
    persons_new: int = 0
    persons_retired: int = 0
    records_moved: int = 0
    blocked_by_decisions: int = 0
    conflicts: list[tuple[int, int]] = field(default_factory=list)
    training: link_model.Training | None = None
    seconds: float = 0.0


def link(
    reg: Registry,
    *,
    engine: str = "duckdb",
    spark_master: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    full: bool = False,
    step: Step | None = None,
    actor: str | None = None,
) -> LinkReport:
    say = step or (lambda _msg: None)
    started = time.perf_counter()
    # Splink warns of levels the data never shows (no party cards in a list): not news here.
    logging.getLogger("splink").setLevel(logging.ERROR)
    reg.ensure()
    say("name keys")
    keys_computed = reg.refresh_keys()
    say("features")
    with reg.engine.connect() as conn:
        table = feature_table(store.feature_inputs(conn))
        old = store.memberships(conn)
        previous = store.last_model(conn)
        decisions = store.decisions_in_force(conn)
    ids = table.column("unique_id").to_numpy()
    is_new = ~np.isin(ids, np.fromiter(old, dtype=np.int64, count=len(old)))
    incremental = not full and previous is not None and bool(old)
    report = LinkReport(
        mode="incremental" if incremental else "full",
        engine=engine,
        threshold=threshold,
        records=len(ids),
        new_records=int(is_new.sum()),
        keys_computed=keys_computed,
    )
    same = [(d["record_a"], d["record_b"]) for d in decisions if d["verdict"] == "same"]
    different = [(d["record_a"], d["record_b"]) for d in decisions if d["verdict"] == "different"]

    model_json: dict[str, Any] | None = None
    if len(ids) < 2:  # nothing to compare: each record (if any) is a person of its own
        new_pairs = all_pairs = _empty()
    elif not incremental:
        new_pairs, model_json, report.training = train_and_score(
            table, engine, spark_master, same, say
        )
        all_pairs = new_pairs
    else:
        assert previous is not None
        new_pairs = (
            _score_new(table, pa.array(is_new), engine, spark_master, previous["model"], say)
            if report.new_records
            else _empty()
        )
        with reg.engine.connect() as conn:
            stored = _arrays(list(store.stored_pairs(conn)))
        all_pairs = tuple(np.concatenate([s, n]) for s, n in zip(stored, new_pairs, strict=True))
    report.pairs_scored = len(new_pairs[0])

    say("clusters")
    clustering = cluster(
        ids.tolist(), all_pairs[0], all_pairs[1], all_pairs[3], threshold, same, different,
        group_mean=GROUP_MEAN,
    )  # fmt: skip
    report.blocked_by_decisions = clustering.blocked
    report.conflicts = clustering.conflicts

    say("persons")
    with reg.engine.begin() as conn:
        person_of, _ = assign_ids(clustering.clusters(), old, store.next_person_id(conn))
        run_id = store.start_run(conn, report.mode, engine, threshold)
        saved = store.save_result(
            conn,
            run_id,
            replace_pairs=not incremental,
            new_pairs=zip(*(c.tolist() for c in new_pairs), strict=True),
            person_of=person_of,
            model=model_json if model_json is not None else (previous or {}).get("model"),
        )
        audit.append(
            conn,
            actor or audit.cli_actor(),
            "link",
            f"run {run_id}",
            {
                "mode": report.mode,
                "engine": engine,
                "threshold": threshold,
                **{
                    k: saved[k]
                    for k in ("pairs", "persons", "persons_new", "persons_retired", "records_moved")
                },
            },
        )
    report.pairs = saved["pairs"]
    report.persons = saved["persons"]
    report.persons_new = saved["persons_new"]
    report.persons_retired = saved["persons_retired"]
    report.records_moved = saved["records_moved"]
    report.seconds = time.perf_counter() - started
    return report


Pairs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # a, b, weight, probability


def _empty() -> Pairs:
    return (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.empty(0))


def _arrays(rows: list[tuple[int, int, float, float]]) -> Pairs:
    if not rows:
        return _empty()
    a, b, w, p = zip(*rows, strict=True)
    return (np.array(a, np.int64), np.array(b, np.int64), np.array(w), np.array(p))


def _pairs_of(predictions: Any) -> Pairs:
    t = predictions.as_pyarrow_table()
    a = t.column("unique_id_l").to_numpy().astype(np.int64)
    b = t.column("unique_id_r").to_numpy().astype(np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    w = t.column("match_weight").to_numpy(zero_copy_only=False).astype(float)
    p = t.column("match_probability").to_numpy(zero_copy_only=False).astype(float)
    return lo, hi, w, p


def train_and_score(
    table: pa.Table,
    engine: str,
    spark_master: str | None,
    same: list[tuple[int, int]],
    say: Step,
) -> tuple[Pairs, dict[str, Any], link_model.Training]:
    """Train in DuckDB, then score every blocked pair on `engine`.

    Training always runs in-process: its random sampling differs between engines, and one
    trained model is what makes DuckDB and Spark give the same persons on the same data.
    """
    from splink import Linker

    api = make_api("duckdb")
    linker = Linker(register(api, table, "records"), link_model.settings(), log_level=None)
    labels = None
    if len(same) >= link_model.MIN_LABELS:
        labels = api.register(
            pa.table(
                {
                    "unique_id_l": [a for a, _ in same],
                    "unique_id_r": [b for _, b in same],
                    "clerical_match_score": [1.0] * len(same),
                }
            ),
            table_name="labels",
        )
    say("training")
    training = link_model.train(linker, table, labels, len(same))
    model = link_model.model_json(linker)
    if engine != "duckdb":
        api = make_api(engine, spark_master)
        linker = Linker(register(api, table, "records"), link_model.in_dialect(model, engine),
                        log_level=None)  # fmt: skip
    say(f"scoring pairs on {engine}")
    predictions = linker.inference.predict(threshold_match_probability=FLOOR)
    return _pairs_of(predictions), model, training


def _score_new(
    table: pa.Table,
    is_new: pa.Array,
    engine: str,
    spark_master: str | None,
    model: dict[str, Any],
    say: Step,
) -> Pairs:
    from splink import Linker

    api = make_api(engine, spark_master)
    linker = Linker(register(api, table, "records"), link_model.in_dialect(model, engine),
                    log_level=None)  # fmt: skip
    for column in _tf_columns(model):
        linker.table_management.compute_tf_table(column)
    new = register(api, table.filter(is_new), "new_records")
    old = register(api, table.filter(pc.invert(is_new)), "old_records")
    say("scoring new records")
    inference = linker.inference
    between = inference.predict_between(
        new, old, threshold_match_probability=FLOOR, warning_mode="never"
    )
    within = inference.predict_within(new, threshold_match_probability=FLOOR, warning_mode="never")
    parts = [_pairs_of(between), _pairs_of(within)]
    return tuple(np.concatenate(c) for c in zip(*parts, strict=True))  # type: ignore[return-value]


def _tf_columns(model: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            col = level.get("tf_adjustment_column")
            if col and col not in found:
                found.append(col)
    return found
