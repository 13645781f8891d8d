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


@lru_cache(maxsize=8192)
def _substitution(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in _VOWELS and y in _VOWELS:
        return VOWEL_SWAP
    if _CLASS.get(x, x) == _CLASS.get(y, y) or (x, y) in _NEAR or (y, x) in _NEAR:
        return NEAR_CONSONANT
    return 1.0


@lru_cache(maxsize=1024)
def _indel(ch: str) -> float:
    return SOFT_INDEL if ch in _VOWELS or ch == "h" else 1.0


def weighted_similarity(a: str, b: str) -> float:
    """1 minus the weighted edit distance over the longer length, in [0, 1]."""
    longest = max(len(a), len(b))
    if not longest:
        return 0.0
    row = [0.0]
    for y in b:
        row.append(row[-1] + _indel(y))
    for x in a:
        cost_x = _indel(x)
        prev, row = row, [row[0] + cost_x]
        for j, y in enumerate(b):
            row.append(min(prev[j] + _substitution(x, y), prev[j + 1] + cost_x, row[j] + _indel(y)))
    return max(0.0, 1.0 - row[-1] / longest)
