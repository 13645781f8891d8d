"""Pairs to clusters, honouring reviewers: "same" always joins, "different" never does.

Two stages. First single link, strongest pair first: a pair at or above the threshold joins a
record to a cluster (or two records), but never two clusters of several records each. Then
average link: two clusters join when all pairs of records between them (a pair never scored
counts as 0) average at least `group_mean`, best-supported first. So a lone strong pair can
add a record to a person but cannot chain two people together. Any merge that
would put two records a reviewer kept apart into one cluster is refused. Deterministic for
the same pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Clustering:
    """record id -> cluster root, and what the constraints changed."""

    root: dict[int, int]
    blocked: int = 0  # merges refused because of a "different" decision
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # "different" yet forced same

    def clusters(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for rec, root in self.root.items():
            out.setdefault(root, []).append(rec)
        return out


class _Forest:
    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}
        self.apart: dict[int, set[int]] = {}  # root -> records its cluster must not join

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def kept_apart(self, ra: int, rb: int) -> bool:
        small, big = sorted((ra, rb), key=lambda r: len(self.apart.get(r, ())))
        return any(self.find(x) == big for x in self.apart.get(small, ()))

    def union(self, ra: int, rb: int) -> None:
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if rb in self.apart:
            self.apart.setdefault(ra, set()).update(self.apart.pop(rb))


def cluster(
    ids: Iterable[int],
    a: np.ndarray,
    b: np.ndarray,
    probability: np.ndarray,
    threshold: float,
    same: Sequence[tuple[int, int]] = (),
    different: Sequence[tuple[int, int]] = (),
    group_mean: float | None = None,
) -> Clustering:
    """Cluster `ids` on the scored pairs (a[i], b[i], probability[i])."""
    forest = _Forest(ids)
    for x, y in different:
        if x in forest.parent and y in forest.parent:
            forest.apart.setdefault(x, set()).add(y)
            forest.apart.setdefault(y, set()).add(x)
    result = Clustering(root={})
    for x, y in same:
        if x in forest.parent and y in forest.parent:
            rx, ry = forest.find(x), forest.find(y)
            if rx != ry:
                if forest.kept_apart(rx, ry):
                    result.conflicts.append((x, y))
                forest.union(rx, ry)
    keep = probability >= threshold
    ka, kb, kp = a[keep], b[keep], probability[keep]
    # Strongest first; ties broken by ids so that every run gives the same clusters.
    order = np.lexsort((kb, ka, -kp))
    size: dict[int, int] = {}  # records in the cluster of each root
    for i in forest.parent:
        root = forest.find(i)
        size[root] = size.get(root, 0) + 1
    for i in order.tolist():
        ra, rb = forest.find(int(ka[i])), forest.find(int(kb[i]))
        if ra == rb:
            continue
        if group_mean is not None and size[ra] > 1 and size[rb] > 1:
            continue  # two groups: the average stage decides, one pair is not enough
        if forest.apart and forest.kept_apart(ra, rb):
            result.blocked += 1
            continue
        forest.union(ra, rb)
        size[min(ra, rb)] = size[ra] + size[rb]
    ids_arr = np.array(sorted(forest.parent), dtype=np.int64)
    label = np.array([forest.find(int(i)) for i in ids_arr], dtype=np.int64)
    if group_mean is not None and len(a):
        result.blocked += _average_link(ids_arr, label, a, b, probability, group_mean, different)
    result.root = dict(zip(ids_arr.tolist(), label.tolist(), strict=True))
    return result


def _average_link(
    ids: np.ndarray,
    label: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    probability: np.ndarray,
    group_mean: float,
    different: Sequence[tuple[int, int]],
) -> int:
    """Merge clusters (in place on `label`) while some pair of them averages `group_mean`.

    Each round merges every cluster at most once, best mean first, then recomputes: cheap in
    numpy however many pairs there are, and the rounds are few.
    """
    ai, bi = np.searchsorted(ids, a), np.searchsorted(ids, b)
    width = int(ids.max()) + 1
    index_of = {int(r): i for i, r in enumerate(ids.tolist())}
    apart = [(index_of[x], index_of[y]) for x, y in different if x in index_of and y in index_of]
    refused = 0
    while True:
        la, lb = label[ai], label[bi]
        cross = la != lb
        lo, hi = np.minimum(la[cross], lb[cross]), np.maximum(la[cross], lb[cross])
        keys, inverse = np.unique(lo * width + hi, return_inverse=True)
        # Pairs never scored count as no evidence of a match: the mean is over every pair of
        # records between the two clusters, so big clusters need broad support to join.
        size = np.bincount(np.searchsorted(ids, label), minlength=len(ids))
        x, y = divmod(keys, width)
        pairs = size[np.searchsorted(ids, x)] * size[np.searchsorted(ids, y)]
        mean = np.bincount(inverse, probability[cross]) / pairs
        good = np.flatnonzero(mean >= group_mean)
        if not len(good):
            return refused
        kept = {tuple(sorted((int(label[x]), int(label[y])))) for x, y in apart}
        used: set[int] = set()
        merges: dict[int, int] = {}
        for k in good[np.lexsort((keys[good], -mean[good]))].tolist():
            x, y = divmod(int(keys[k]), width)
            if x in used or y in used:
                continue
            if (x, y) in kept:
                refused += 1
                continue
            used.update((x, y))
            merges[y] = x
        if not merges:
            return refused
        old = np.fromiter(merges, dtype=np.int64)
        new = np.fromiter(merges.values(), dtype=np.int64)
        order = np.argsort(old)
        old, new = old[order], new[order]
        at = np.clip(np.searchsorted(old, label), 0, len(old) - 1)
        hit = old[at] == label
        label[hit] = new[at[hit]]
