"""The Splink model: which pairs are compared (blocking on name keys) and how it is trained.

Parameters are estimated without labels: u by random sampling, m by expectation
maximisation in two passes, each blocked on fields the other pass estimates. When reviewers
have said "same" often enough, m is re-estimated from their pairs.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from splink import Linker, SettingsCreator, block_on

from vigil.linkage.comparisons import all_comparisons
from vigil.linkage.features import BLOCK_SIZES

# Each rule is one way a true pair can still share something exact: the union of them is what
# gets compared. Null keys never block together.
BLOCK_CAP = 100


def _capped(count: str) -> str:
    """The rule on the columns `count` counts, for blocks of at most BLOCK_CAP records."""
    cols = BLOCK_SIZES[count]
    same = " AND ".join(f"l.{c} = r.{c}" for c in cols)
    return f"{same} AND l.{count} <= {BLOCK_CAP}"


BLOCKING = (
    _capped("n_surname_given"),
    _capped("n_given_place"),
    _capped("n_surname_birth"),
    _capped("n_given_birth"),
    _capped("n_birth_place"),
    ("surname_key", "given_key", "birth_year"),
    ("surname_key", "given_key", "patronymic_initial"),
    ("surname_key", "given_key", "place_key"),
    ("surname_key", "given_initial", "birth_year"),
    ("surname_phonetic", "given_initial", "birth_year"),
    ("given_key", "patronymic_key", "birth_year"),
    ("given_key", "place_key", "birth_year"),
    ("surname_key", "place_key"),
    ("surname_key", "residence_area"),
    ("surname_key", "birth_day"),
    ("given_key", "birth_day"),
    ("birth_day", "place_key"),
    ("birth_day", "residence_area"),
    ("document_key",),
    ("residence_key", "birth_year"),
    ("residence_key", "given_initial"),
    # Surname and given name swapped, as lists and parsers sometimes do.
    "l.surname_key = r.given_key AND l.birth_year = r.birth_year",
    "l.given_key = r.surname_key AND l.birth_year = r.birth_year",
    # One name word only, which a list may put in either column.
    "l.surname_key = r.given_key AND r.surname_key IS NULL",
    "l.given_key = r.surname_key AND l.surname_key IS NULL",
)
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
        blocking_rules_to_generate_predictions=[_rule(r) for r in BLOCKING],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def _rule(rule: tuple[str, ...] | str) -> Any:
    return rule if isinstance(rule, str) else block_on(*rule)


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
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), estimate_without_term_frequencies=True, max_pairs=EM_MAX_PAIRS
            )
            done.em_passes += 1
        except Exception as exc:
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
