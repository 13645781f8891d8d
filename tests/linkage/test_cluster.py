import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from vigil.linkage.cluster import cluster


def _pairs(rows: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a, b, p = zip(*rows, strict=True) if rows else ((), (), ())
    return np.array(a, np.int64), np.array(b, np.int64), np.array(p, float)


def _groups(result) -> set[frozenset[int]]:
    return {frozenset(m) for m in result.clusters().values()}


def test_pairs_at_or_above_threshold_join_transitively() -> None:
    a, b, p = _pairs([(1, 2, 0.99), (2, 3, 0.95), (4, 5, 0.5)])
    result = cluster(range(1, 7), a, b, p, threshold=0.9)
    assert _groups(result) == {frozenset({1, 2, 3}), frozenset({4}), frozenset({5}),
                               frozenset({6})}  # fmt: skip


def test_different_decision_stops_the_weaker_chain() -> None:
    # 1-2 strong, 2-3 weaker: a reviewer said 1 and 3 are different people.
    a, b, p = _pairs([(1, 2, 0.99), (2, 3, 0.95)])
    result = cluster([1, 2, 3], a, b, p, 0.9, different=[(1, 3)])
    assert _groups(result) == {frozenset({1, 2}), frozenset({3})}
    assert result.blocked == 1


def test_same_decision_joins_below_threshold_and_conflicts_are_reported() -> None:
    a, b, p = _pairs([(1, 2, 0.2)])
    result = cluster([1, 2, 3], a, b, p, 0.9, same=[(1, 2)])
    assert _groups(result) == {frozenset({1, 2}), frozenset({3})}
    forced = cluster([1, 2, 3], *_pairs([]), 0.9, same=[(1, 2), (2, 3)], different=[(1, 3)])
    assert forced.conflicts == [(2, 3)]


@given(
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15), st.floats(0, 1)), max_size=60),
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=5),
)
def test_different_pairs_never_end_in_one_cluster(edges, apart) -> None:
    edges = [(x, y, q) for x, y, q in edges if x != y]
    apart = [(x, y) for x, y in apart if x != y]
    result = cluster(range(16), *_pairs(edges), 0.5, different=apart)
    for x, y in apart:
        assert result.root[x] != result.root[y]
    # and the clustering does not depend on the order the pairs come in
    again = cluster(range(16), *_pairs(list(reversed(edges))), 0.5, different=apart)
    assert _groups(again) == _groups(result)


def test_one_strong_pair_adds_a_record_but_does_not_chain_two_groups() -> None:
    # {1,2} and {3,4} are each well supported; a single strong pair 2-3 links the groups.
    a, b, p = _pairs([(1, 2, 0.99), (3, 4, 0.99), (2, 3, 0.97), (4, 5, 0.96)])
    result = cluster(range(1, 6), a, b, p, 0.95, group_mean=0.3)
    assert _groups(result) == {frozenset({1, 2}), frozenset({3, 4, 5})}
    # with support across the groups (most pairs between them scored high) they join
    a, b, p = _pairs([(1, 2, 0.99), (3, 4, 0.99), (2, 3, 0.97), (1, 3, 0.9), (1, 4, 0.8)])
    joined = cluster(range(1, 5), a, b, p, 0.95, group_mean=0.3)
    assert _groups(joined) == {frozenset({1, 2, 3, 4})}
