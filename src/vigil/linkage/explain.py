"""Why two records were (or were not) linked: each comparison's match weight, in words.

The same numbers as Splink's waterfall chart: the prior, then one line per comparison with
the level the pair fell in and the weight it added, then the total and the probability.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from vigil.errors import VigilError
from vigil.linkage.engines import make_api, register
from vigil.linkage.features import feature_table
from vigil.store import Registry
from vigil.store import linkage as store


@dataclass
class Step:
    comparison: str
    level: str
    weight: float  # log2 Bayes factor this comparison added
    tf_weight: float = 0.0  # the part of it that term frequency adjusted


@dataclass
class Explanation:
    a: int
    b: int
    prior: float
    steps: list[Step]
    match_weight: float
    probability: float


def explain(reg: Registry, a: int, b: int) -> Explanation:
    """Score the pair with the registry's current model, keeping every partial weight."""
    from splink import Linker

    run = reg.last_run()
    if run is None or not run.get("model"):
        raise VigilError("no linkage model yet: run `vigil link` first")
    model = dict(run["model"])
    model["retain_intermediate_calculation_columns"] = True
    with reg.engine.connect() as conn:
        # Term frequencies come from all records, so the weights are the ones `link` used.
        table = feature_table(store.feature_inputs(conn))
    ids = table.column("unique_id").to_numpy()
    for rid in (a, b):
        if not np.any(ids == rid):
            raise VigilError(f"no record {rid}")
    api = make_api()
    linker = Linker(register(api, table, "records"), model, log_level=None)
    left, right = (_row(table, ids, rid) for rid in (a, b))
    scored = linker.inference.score_pair(left, right).as_record_list()[0]
    return _explanation(a, b, model, scored)


def _row(table: pa.Table, ids: np.ndarray, rid: int) -> dict[str, Any]:
    index = int(np.flatnonzero(ids == rid)[0])
    return {k: v[0] for k, v in table.slice(index, 1).to_pydict().items()}


def _explanation(a: int, b: int, model: dict[str, Any], scored: dict[str, Any]) -> Explanation:
    prior = float(model.get("probability_two_random_records_match", 1e-4))
    steps = []
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        gamma = scored.get(f"gamma_{name}")
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        if gamma is None or gamma < 0:
            steps.append(Step(name, "missing on one side", 0.0))
            continue
        # Splink numbers the non-null levels from the most similar down to 0.
        level = levels[len(levels) - 1 - int(gamma)]
        weight = float(scored.get(f"mw_{name}") or 0.0)
        tf_w = float(scored.get(f"mw_tf_adj_{name}") or 0.0)
        label = level.get("label_for_charts", level["sql_condition"])
        steps.append(Step(name, label, weight + tf_w, tf_w))
    return Explanation(
        a=a,
        b=b,
        prior=prior,
        steps=steps,
        match_weight=float(scored["match_weight"]),
        probability=float(scored["match_probability"]),
    )
