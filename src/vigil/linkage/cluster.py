"""Pairs to clusters, honouring reviewers: "same" always joins, "different" never does.

Greedy single-link in order of falling probability, refusing any merge that would put two
records a reviewer kept apart into one cluster. Deterministic for the same pairs.
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
) -> Clustering:
    """Cluster `ids` on the pairs (a[i], b[i]) whose probability reaches `threshold`."""
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
    a, b, p = a[keep], b[keep], probability[keep]
    # Strongest first; ties broken by ids so that every run gives the same clusters.
    order = np.lexsort((b, a, -p))
    for i in order.tolist():
        ra, rb = forest.find(int(a[i])), forest.find(int(b[i]))
        if ra == rb:
            continue
        if forest.apart and forest.kept_apart(ra, rb):
            result.blocked += 1
            continue
        forest.union(ra, rb)
    result.root = {i: forest.find(i) for i in forest.parent}
    return result
