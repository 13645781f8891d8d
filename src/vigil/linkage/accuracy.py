"""How close a clustering of records into persons is to the truth, for the linkage benchmarks.

Both measures are computed from the contingency counts (how many records each pair of a true
and a predicted cluster share), never by listing pairs of records, so five million records
cost one pass and memory in proportion to the number of distinct (true, predicted) pairs.

- `pairwise_scores`: precision, recall and F1 over the pairs of records placed together;
- `cluster_scores`: the share of true clusters reproduced exactly, and B-cubed precision,
  recall and F1 (per record: how much of its predicted cluster is truly its own, and how much
  of its true cluster was found), which, unlike the pairwise measure, does not let the few
  largest clusters dominate.

Records are keys of two mappings, `truth` and `predicted` (record -> cluster label). A record
in only one of them cannot be scored: it is left out of every count, and how many were left
out on each side is reported, so that a linkage that silently drops records is seen.

Conventions where a ratio has nothing to count: precision is 1.0 when nothing was predicted
together (no claim was wrong), recall is 1.0 when nothing truly belongs together (nothing was
missed), and F1 is 0.0 when precision and recall are both 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one measure, with what was scored and what was left out."""

    measure: str  # "pairwise" or "b-cubed"
    precision: float
    recall: float
    f1: float
    records: int  # records in both mappings: the ones scored
    only_in_truth: int  # left out: the prediction has no cluster for them
    only_in_predicted: int  # left out: the truth does not know them
    true_pairs: int | None = None  # pairwise only: pairs of records truly together
    predicted_pairs: int | None = None  # pairwise only: pairs placed together
    correct_pairs: int | None = None  # pairwise only: pairs placed together rightly

    def __str__(self) -> str:
        text = (
            f"{self.measure}: precision {self.precision:.4f}, recall {self.recall:.4f}, "
            f"F1 {self.f1:.4f} over {_count(self.records, 'record')}"
        )
        if self.correct_pairs is not None:
            text += (
                f" ({self.correct_pairs:,} of {self.predicted_pairs:,} predicted pairs correct,"
                f" {self.true_pairs:,} true pairs)"
            )
        return text + _left_out(self.only_in_truth, self.only_in_predicted)


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Cluster-level scores: exact reproduction of true clusters, and B-cubed."""

    exact: float  # share of true clusters whose records form exactly one predicted cluster
    exact_multi: float  # the same among true clusters of two or more records
    true_clusters: int
    exact_clusters: int
    multi_clusters: int  # true clusters of two or more records
    exact_multi_clusters: int
    bcubed: Scores

    def __str__(self) -> str:
        return (
            f"clusters: {self.exact_clusters:,} of {self.true_clusters:,} true clusters "
            f"reproduced exactly ({self.exact:.4f}); of those with two or more records "
            f"{self.exact_multi_clusters:,} of {self.multi_clusters:,} ({self.exact_multi:.4f})"
            f"\n{self.bcubed}"
        )


@dataclass(frozen=True, slots=True)
class _Contingency:
    """Records shared by each (true, predicted) cluster pair, and each cluster's size."""

    joint: Counter[int]  # key: true index * width + predicted index
    width: int
    true_sizes: list[int]
    predicted_sizes: list[int]
    records: int
    only_in_truth: int
    only_in_predicted: int

    def cells(self) -> Iterator[tuple[int, int, int]]:
        """(true index, predicted index, shared records) for every non-empty cell."""
        for key, n in self.joint.items():
            t, p = divmod(key, self.width)
            yield t, p, n


def _contingency(
    truth: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> _Contingency:
    # Labels become dense integers and a cell one integer key, in one pass: tuples of labels
    # would cost several times the memory at millions of records. No more predicted labels
    # than records can occur, so that bounds the width of the key.
    width = len(predicted) + 1
    true_ids: dict[Hashable, int] = {}
    pred_ids: dict[Hashable, int] = {}
    true_sizes: list[int] = []
    predicted_sizes: list[int] = []
    joint: Counter[int] = Counter()
    records = 0
    for key, label in truth.items():
        other = predicted.get(key, _ABSENT)
        if other is _ABSENT:
            continue
        records += 1
        t = true_ids.get(label)
        if t is None:
            t = true_ids[label] = len(true_sizes)
            true_sizes.append(0)
        p = pred_ids.get(other)
        if p is None:
            p = pred_ids[other] = len(predicted_sizes)
            predicted_sizes.append(0)
        true_sizes[t] += 1
        predicted_sizes[p] += 1
        joint[t * width + p] += 1
    return _Contingency(
        joint=joint, width=width, true_sizes=true_sizes, predicted_sizes=predicted_sizes,
        records=records, only_in_truth=len(truth) - records,
        only_in_predicted=len(predicted) - records,
    )  # fmt: skip


_ABSENT = object()


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def pairwise_scores(
    truth: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> Scores:
    """Precision, recall and F1 over pairs of records: a pair is predicted when both records
    have the same predicted label, and true when they have the same true label."""
    c = _contingency(truth, predicted)
    correct = sum(_pairs(n) for n in c.joint.values())
    true_pairs = sum(_pairs(n) for n in c.true_sizes)
    predicted_pairs = sum(_pairs(n) for n in c.predicted_sizes)
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    return Scores(
        measure="pairwise", precision=precision, recall=recall, f1=_f1(precision, recall),
        records=c.records, only_in_truth=c.only_in_truth, only_in_predicted=c.only_in_predicted,
        true_pairs=true_pairs, predicted_pairs=predicted_pairs, correct_pairs=correct,
    )  # fmt: skip


def cluster_scores(
    truth: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> ClusterScores:
    """The share of true clusters reproduced exactly (same records, no more, no fewer), and
    B-cubed precision, recall and F1 averaged over records."""
    c = _contingency(truth, predicted)
    precision_sum = recall_sum = 0.0
    exact = exact_multi = 0
    for t, p, n in c.cells():
        a, b = c.true_sizes[t], c.predicted_sizes[p]
        precision_sum += n * n / b  # each of the n records: n of its b cluster-mates are true
        recall_sum += n * n / a
        if n == a == b:
            exact += 1
            exact_multi += a >= 2
    records = c.records
    precision = precision_sum / records if records else 1.0
    recall = recall_sum / records if records else 1.0
    bcubed = Scores(
        measure="b-cubed", precision=precision, recall=recall, f1=_f1(precision, recall),
        records=records, only_in_truth=c.only_in_truth, only_in_predicted=c.only_in_predicted,
    )  # fmt: skip
    true_clusters = len(c.true_sizes)
    multi = sum(1 for a in c.true_sizes if a >= 2)
    return ClusterScores(
        exact=exact / true_clusters if true_clusters else 1.0,
        exact_multi=exact_multi / multi if multi else 1.0,
        true_clusters=true_clusters, exact_clusters=exact, multi_clusters=multi,
        exact_multi_clusters=exact_multi, bcubed=bcubed,
    )  # fmt: skip


def _left_out(only_in_truth: int, only_in_predicted: int) -> str:
    if not only_in_truth and not only_in_predicted:
        return ""
    return (
        f"; left out: {_count(only_in_truth, 'record')} only in the truth, "
        f"{only_in_predicted:,} only in the prediction"
    )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
