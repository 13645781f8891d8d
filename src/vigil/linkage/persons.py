"""Stable person ids: a cluster keeps the id of the person most of its records had.

Each old id goes to at most one new cluster (the one holding most of its records, ties to the
lower id), so a person that gains records keeps its id, and a split leaves the id with the
larger part. Clusters with no predecessor get fresh ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def assign_ids(
    clusters: Mapping[int, list[int]], previous: Mapping[int, int], next_id: int
) -> tuple[dict[int, int], int]:
    """(record -> person id, next free id) for `clusters` given `previous` record -> person."""
    votes: list[tuple[int, int, int]] = []  # (-overlap, person, cluster)
    for root, members in clusters.items():
        counts = Counter(previous[m] for m in members if m in previous)
        votes.extend((-n, person, root) for person, n in counts.items())
    votes.sort()
    person_of: dict[int, int] = {}
    taken: set[int] = set()
    for _, person, root in votes:
        if root in person_of or person in taken:
            continue
        person_of[root] = person
        taken.add(person)
    for root in sorted(clusters, key=lambda r: min(clusters[r])):
        if root not in person_of:
            person_of[root] = next_id
            next_id += 1
    return {m: person_of[root] for root, members in clusters.items() for m in members}, next_id
