"""The Splink model: which pairs are compared (blocking on name keys) and how it is trained.

Parameters are estimated without labels: u by random sampling, m by expectation
maximisation. Each EM pass is blocked on all the identity fields but one (surname, given name,
patronymic, birth date, birthplace), so its pairs are nearly all true ones and the left-out
field's m is learnt from real matches; each comparison's m is the median over the passes that
could estimate it. Blocking on fewer fields (surname and given name alone) works at a hundred
thousand records but not at a million, where most such pairs are namesakes and EM learns
that true pairs disagree on everything else. When reviewers have said "same" often enough,
m is re-estimated from their pairs.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from splink import Linker, SettingsCreator, block_on

from vigil.linkage.blocking import rules_sql
from vigil.linkage.comparisons import all_comparisons

# Pairs these rules find are almost all true: they size the prior, not the links.
DETERMINISTIC = (
    ("document_key", "surname_key"),
    ("surname_key", "given_key", "birth_lo", "birth_hi"),
    ("surname_key", "given_key", "patronymic_key", "birth_year"),
)
# The identity fields EM passes block on, each as the columns that make it agree. The surname
# is blocked by its phonetic key: the given-name comparison reads surname_key (a swapped-name
# level), and a rule naming a column keeps EM from estimating any comparison that reads it.
IDENTITY = (
    ("surname_phonetic",),
    ("given_key",),
    ("patronymic_key",),
    ("birth_lo", "birth_hi"),
    ("place_key",),
)
# Lists that write initials ("Иванов И. И.") do so for both names: where one of the two is
# being learnt, the other agrees by its initial, so pairs with initials are learnt from too.
LOOSER = {"given_key": {"patronymic_key": "patronymic_initial"},
          "patronymic_key": {"given_key": "given_initial"}}  # fmt: skip
# A field known for fewer records than this is left out of the EM rules.
MIN_COVERAGE = 0.3
# Used when the data has fewer than three identity fields, or the strict passes find too
# few pairs: broad rules, which EM handles well while namesakes are few.
FALLBACK_PASSES = (("surname_key", "given_key"), ("birth_lo", "birth_hi"))
# EM learns as well from a couple of million pairs as from all of them, and much faster.
EM_MAX_PAIRS = 2e6
MIN_LABELS = 30
# The m of a level no training pair showed: small, as a handful of true pairs could have
# shown it. Splink scores such a level with m = 1e-6 but leaves it out of the saved model,
# which then weighs it as no evidence: a stored model would score differently from a fresh one.
UNSEEN_M = 1e-3
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


def em_passes(coverage: dict[str, float]) -> list[tuple[str, ...]]:
    """One rule per identity field the data has: all the other such fields must agree."""
    known = [f for f in IDENTITY if min(coverage.get(c, 0.0) for c in f) >= MIN_COVERAGE]
    if len(known) < 3:  # two fields cannot make a pair nearly sure
        return list(FALLBACK_PASSES)
    return [
        tuple(LOOSER.get(left[0], {}).get(c, c) for other in known if other != left for c in other)
        for left in known
    ]


def coverage_of(table: pa.Table) -> dict[str, float]:
    """The share of records with a value, for each column EM may block on."""
    n = max(table.num_rows, 1)
    cols = {c for field in IDENTITY for c in field}
    return {c: 1 - table.column(c).null_count / n for c in cols if c in table.column_names}


def train(
    linker: Linker, table: pa.Table, labels: Any | None = None, n_labels: int = 0
) -> Training:
    """Estimate every parameter from the data itself; `labels` are reviewers' same-pairs."""
    done = Training()
    n_records = table.num_rows
    try:
        linker.training.estimate_probability_two_random_records_match(
            [block_on(*rule) for rule in DETERMINISTIC], recall=0.7
        )
    except Exception as exc:
        log.info("prior left at its default: %s", exc)
    max_pairs = min(5e6, max(1e5, n_records * 20.0))
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=SEED)
    passes = em_passes(coverage_of(table))
    _run_em(linker, passes, done)
    if done.em_passes < 2 and passes != list(FALLBACK_PASSES):
        _run_em(linker, FALLBACK_PASSES, done)
    if labels is not None and n_labels >= MIN_LABELS:
        linker.training.estimate_m_from_pairwise_labels(labels)
        done.labels = n_labels
    _fill_unseen(linker)
    done.prior = model_json(linker).get("probability_two_random_records_match")
    return done


def _run_em(linker: Linker, passes: Any, done: Training) -> None:
    for rule in passes:
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


def _fill_unseen(linker: Linker) -> None:
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level or not isinstance(level.u_probability, float):
                continue
            if not level._m_is_trained:
                level.m_probability = UNSEEN_M


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
