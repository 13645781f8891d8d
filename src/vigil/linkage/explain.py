"""Why two records were (or were not) linked: each comparison's match weight, in words.

The same numbers as Splink's waterfall chart: the prior, then one line per comparison with
the level the pair fell in and the weight it added, then the total and the probability.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from vigil.errors import VigilError
from vigil.linkage.engines import make_api, register
from vigil.linkage.features import feature_table
from vigil.linkage.run import _tf_columns as tf_columns
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

    @property
    def prior_weight(self) -> float:
        """The prior as a match weight, where the steps start adding from."""
        return math.log2(self.prior / (1 - self.prior))


class Explainer:
    """The registry's current model over every record's features, ready to score any pair.

    Building it is the slow part (a pass over all records, for the term frequencies `link`
    used); each pair after that is one small query. Keep one per link run to explain many.
    """

    def __init__(self, reg: Registry) -> None:
        from splink import Linker

        run = reg.last_run()
        if run is None or not run.get("model"):
            raise VigilError("no linkage model yet: run `vigil link` first")
        self.run_id: int = run["id"]
        self.model = dict(run["model"])
        self.model["retain_intermediate_calculation_columns"] = True
        with reg.engine.connect() as conn:
            # Term frequencies come from all records, so the weights are the ones `link` used.
            self.table = feature_table(store.feature_inputs(conn))
        self.ids = self.table.column("unique_id").to_numpy()
        api = make_api()
        self.linker = Linker(register(api, self.table, "records"), self.model, log_level=None)
        for column in tf_columns(self.model):  # once here, not again for every pair
            self.linker.table_management.compute_tf_table(column)

    def explain(self, a: int, b: int) -> Explanation:
        """Score the pair, keeping every partial weight."""
        for rid in (a, b):
            if not np.any(self.ids == rid):
                raise VigilError(f"no record {rid}")
        left, right = (_row(self.table, self.ids, rid) for rid in (a, b))
        scored = self.linker.inference.score_pair(left, right).as_record_list()[0]
        return _explanation(a, b, self.model, scored)


def explain(reg: Registry, a: int, b: int) -> Explanation:
    """Score the pair with the registry's current model, keeping every partial weight."""
    return Explainer(reg).explain(a, b)


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
