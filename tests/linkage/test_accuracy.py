from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vigil.linkage.accuracy import Scores, cluster_scores, pairwise_scores

# Six records; the prediction splits the first true cluster and merges the second with part
# of the first; record 6 is only in the truth, record 7 only in the prediction.
TRUTH = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c"}
PREDICTED = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y", 7: "z"}


def test_pairwise_by_hand() -> None:
    s = pairwise_scores(TRUTH, PREDICTED)
    # Over records 1-5: true pairs 12 13 23 45; predicted 12 34 35 45; correct 12 45.
    assert (s.true_pairs, s.predicted_pairs, s.correct_pairs) == (4, 4, 2)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)
    assert (s.records, s.only_in_truth, s.only_in_predicted) == (5, 1, 1)
    assert "precision 0.5000" in str(s)
    assert "1 record only in the truth" in str(s)


def test_pairwise_unequal_precision_and_recall() -> None:
    truth = {i: "one" for i in range(4)}  # 6 true pairs
    predicted = {0: "p", 1: "p", 2: "q", 3: "q"}  # 2 pairs, both right
    s = pairwise_scores(truth, predicted)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(2 / 6)
    assert s.f1 == pytest.approx(2 * (1 / 3) / (1 + 1 / 3))


def test_cluster_scores_by_hand() -> None:
    c = cluster_scores(TRUTH, PREDICTED)
    # B-cubed precision per record: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    assert c.bcubed.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert c.bcubed.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert (c.true_clusters, c.exact_clusters, c.exact) == (2, 0, 0.0)
    assert c.bcubed.only_in_truth == 1 and c.bcubed.only_in_predicted == 1


def test_exact_clusters_count_singletons_and_multi_apart() -> None:
    truth = {1: "a", 2: "a", 3: "b", 4: "c", 5: "d", 6: "d"}
    predicted = {1: 10, 2: 10, 3: 11, 4: 12, 5: 12, 6: 13}  # a and b right; c merged, d split
    c = cluster_scores(truth, predicted)
    assert (c.true_clusters, c.exact_clusters) == (4, 2)
    assert (c.multi_clusters, c.exact_multi_clusters) == (2, 1)
    assert c.exact == 0.5 and c.exact_multi == 0.5
    assert "2 of 4 true clusters" in str(c)


def test_nothing_in_common_and_empty_inputs() -> None:
    s = pairwise_scores({1: "a"}, {2: "a"})
    assert (s.records, s.only_in_truth, s.only_in_predicted) == (0, 1, 1)
    assert (s.precision, s.recall) == (1.0, 1.0)  # nothing claimed, nothing missed
    c = cluster_scores({}, {})
    assert c.true_clusters == 0 and c.exact == 1.0


def _pairwise_by_enumeration(truth: dict[int, int], predicted: dict[int, int]) -> tuple[int, ...]:
    keys = sorted(truth.keys() & predicted.keys())
    true_pairs = predicted_pairs = correct = 0
    for a, b in combinations(keys, 2):
        same_true = truth[a] == truth[b]
        same_pred = predicted[a] == predicted[b]
        true_pairs += same_true
        predicted_pairs += same_pred
        correct += same_true and same_pred
    return true_pairs, predicted_pairs, correct


labels = st.dictionaries(st.integers(0, 40), st.integers(0, 6), max_size=40)


@given(labels, labels)
def test_counts_match_enumerating_pairs(truth: dict[int, int], predicted: dict[int, int]) -> None:
    s = pairwise_scores(truth, predicted)
    assert (s.true_pairs, s.predicted_pairs, s.correct_pairs) == _pairwise_by_enumeration(
        truth, predicted
    )


@given(labels, labels)
def test_scores_lie_in_the_unit_interval(truth: dict[int, int], predicted: dict[int, int]) -> None:
    s = pairwise_scores(truth, predicted)
    c = cluster_scores(truth, predicted)
    for value in (s.precision, s.recall, s.f1, c.exact, c.exact_multi, *_prf(c.bcubed)):
        assert 0.0 <= value <= 1.0 + 1e-12
    common = len(truth.keys() & predicted.keys())
    assert s.records == c.bcubed.records == common
    assert s.only_in_truth == len(truth) - common
    assert s.only_in_predicted == len(predicted) - common


@given(labels)
def test_perfect_prediction_scores_one(truth: dict[int, int]) -> None:
    predicted = {k: f"cluster-{v}" for k, v in truth.items()}  # other labels, same partition
    s = pairwise_scores(truth, predicted)
    c = cluster_scores(truth, predicted)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert c.exact == 1.0 and c.exact_multi == 1.0
    assert _prf(c.bcubed) == pytest.approx((1.0, 1.0, 1.0))


@given(labels)
def test_all_singletons_recall_nothing(truth: dict[int, int]) -> None:
    predicted = {k: k for k in truth}
    s = pairwise_scores(truth, predicted)
    if s.true_pairs:
        assert s.recall == 0.0 and s.f1 == 0.0
        assert cluster_scores(truth, predicted).exact_multi == 0.0
    assert s.precision == 1.0  # no pair was claimed, so none was claimed wrongly


def _prf(s: Scores) -> tuple[float, float, float]:
    return (s.precision, s.recall, s.f1)


def test_scales_without_enumerating_pairs() -> None:
    # 300,000 records in 1,000 true clusters: 45 billion pairs, counted from cluster sizes.
    truth = {i: i % 1000 for i in range(300_000)}
    predicted = {i: i % 2000 for i in range(300_000)}  # each true cluster split in two halves
    s = pairwise_scores(truth, predicted)
    assert s.precision == 1.0
    assert s.recall == pytest.approx((2 * 150 * 149 / 2) / (300 * 299 / 2))
