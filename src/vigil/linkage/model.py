"""The Splink model: which pairs are compared (blocking on name keys) and how it is trained.

Parameters are estimated without labels: u by random sampling, m by expectation
maximisation in two passes, each blocked on fields the other pass estimates. When reviewers
have said "same" often enough, m is re-estimated from their pairs.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass
from typing import Any

from splink import Linker, SettingsCreator, block_on

from vigil.linkage.blocking import rules_sql
from vigil.linkage.comparisons import all_comparisons

# Pairs these rules find are almost all true: they size the prior, not the links.
DETERMINISTIC = (
    ("document_key", "surname_key"),
    ("surname_key", "given_key", "birth_lo", "birth_hi"),
    ("surname_key", "given_key", "patronymic_key", "birth_year"),
)
EM_PASSES = (("surname_key", "given_key"), ("birth_lo", "birth_hi"))
# EM learns as well from a couple of million pairs as from all of them, and much faster.
EM_MAX_PAIRS = 2e6
MIN_LABELS = 30
SEED = 1936

log = logging.getLogger(__name__)


@dataclass
class Training:
    """What training did, for the run report."""

    em_passes: int = 0
    labels: int = 0
    prior: float | None = None


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=all_comparisons(),
        blocking_rules_to_generate_predictions=rules_sql(),
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def train(linker: Linker, n_records: int, labels: Any | None = None, n_labels: int = 0) -> Training:
    """Estimate every parameter from the data itself; `labels` are reviewers' same-pairs."""
    done = Training()
    try:
        linker.training.estimate_probability_two_random_records_match(
            [block_on(*rule) for rule in DETERMINISTIC], recall=0.7
        )
    except Exception as exc:
        log.info("prior left at its default: %s", exc)
    max_pairs = min(5e6, max(1e5, n_records * 20.0))
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=SEED)
    for rule in EM_PASSES:
        # A failed pass can leave the linker without the comparisons it was blocking on.
        before = copy.deepcopy(linker._settings_obj)
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), estimate_without_term_frequencies=True, max_pairs=EM_MAX_PAIRS
            )
            done.em_passes += 1
        except Exception as exc:
            linker._settings_obj = before
            log.info("EM pass on %s skipped: %s", rule, exc)
    if labels is not None and n_labels >= MIN_LABELS:
        linker.training.estimate_m_from_pairwise_labels(labels)
        done.labels = n_labels
    done.prior = model_json(linker).get("probability_two_random_records_match")
    return done


def model_json(linker: Linker) -> dict[str, Any]:
    return json.loads(json.dumps(linker.misc.save_model_to_json()))


def in_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    """A trained model's parameters on the same comparisons rendered for another SQL engine.

    A saved model holds SQL in the dialect it was trained in (DuckDB); Spark reads quoted
    names differently. The comparisons are rebuilt for `dialect` from `settings()` and take
    the trained m and u of each level, which are the same levels in the same order.
    """
    if model.get("sql_dialect") == dialect:
        return model
    target = settings().get_settings(dialect).as_dict()
    target["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    for into, trained in zip(target["comparisons"], model["comparisons"], strict=True):
        for level, learnt in zip(
            into["comparison_levels"], trained["comparison_levels"], strict=True
        ):
            for key in ("m_probability", "u_probability"):
                if key in learnt:
                    level[key] = learnt[key]
    return target
