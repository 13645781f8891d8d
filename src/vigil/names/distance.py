"""A weighted edit distance between readings, tolerant where transcriptions disagree.

Renderings of one name differ mostly in vowels (Peter Питер, Austen Остин), in a dropped
vowel or h (Dimitry Дмитрий), and in near consonants (voicing, с/з/ц, ш/ж/ч, г/х/к); they
rarely differ in unrelated consonants. So those edits cost less than a full edit.
"""

from __future__ import annotations

from functools import lru_cache

VOWEL_SWAP = 0.4
NEAR_CONSONANT = 0.6
SOFT_INDEL = 0.5

_VOWELS = frozenset("aeiou")
_CLASS = {ch: group for group in ("bp", "dt", "gkh", "vf", "szc", "SZC", "mn") for ch in group}
# Letters the romanisations confuse across classes: ц/ч and с/ш, з/ж without their diacritics
# (Serbo-Croatian -ic for -ić), б/в (Greek and Spanish b).
_NEAR = {("c", "C"), ("s", "S"), ("z", "Z"), ("b", "v")}


def _substitution(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in _VOWELS and y in _VOWELS:
        return VOWEL_SWAP
    if _CLASS.get(x, x) == _CLASS.get(y, y) or (x, y) in _NEAR or (y, x) in _NEAR:
        return NEAR_CONSONANT
    return 1.0


@lru_cache(maxsize=256)
def _costs(x: str) -> dict[str, float]:
    """The substitution costs from x to every letter of the readings' alphabet below 1."""
    alphabet = "abcdefghijklmnopqrstuvwxyzCSZ"
    return {y: c for y in alphabet if (c := _substitution(x, y)) < 1.0}


def _indel(ch: str) -> float:
    return SOFT_INDEL if ch in _VOWELS or ch == "h" else 1.0


def weighted_similarity(a: str, b: str) -> float:
    """1 minus the weighted edit distance over the longer length, in [0, 1]."""
    longest = max(len(a), len(b))
    if not longest:
        return 0.0
    if a == b:
        return 1.0
    insert = [_indel(y) for y in b]
    row = [0.0]
    for cost in insert:
        row.append(row[-1] + cost)
    for x in a:
        delete = _indel(x)
        costs = _costs(x)
        prev = row
        left = prev[0] + delete
        row = [left]
        for j, y in enumerate(b):
            best = prev[j] + (costs.get(y, 1.0) if y != x else 0.0)
            up = prev[j + 1] + delete
            if up < best:
                best = up
            side = left + insert[j]
            if side < best:
                best = side
            row.append(best)
            left = best
    return max(0.0, 1.0 - row[-1] / longest)
