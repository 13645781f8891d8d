"""A weighted edit distance between readings, tolerant where transcriptions disagree.

Renderings of one name differ mostly in vowels (Peter Питер, Austen Остин), in a dropped
vowel or h (Dimitry Дмитрий), and in near consonants (voicing, с/з/ц, ш/ж/ч, г/х/к); they
rarely differ in unrelated consonants. So those edits cost less than a full edit.

Across scripts the edits are not symmetric either: a Latin spelling carries letters its Russian
rendering drops (silent h, e, d, t, s: Hughes Хьюз, Bordeaux Бордо), while a Russian rendering
seldom adds a letter the spelling lacks, other than a vowel or й. `CROSS` prices the edits from
a Latin word's reading to a Cyrillic word's; `SAME` prices two words of one script alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

VOWEL_SWAP = 0.4
NEAR_CONSONANT = 0.6
SOFT_INDEL = 0.5

_ALPHABET = "abcdefghijklmnopqrstuvwxyzCSZ"
_VOWELS = frozenset("aeiou")
_CLASS = {ch: group for group in ("bp", "dt", "gkh", "vf", "szc", "SZC", "mn") for ch in group}
# Letters the romanisations confuse across classes: ц/ч and с/ш, з/ж without their diacritics
# (Serbo-Croatian -ic for -ić), б/в (Greek and Spanish b).
_NEAR = {("c", "C"), ("s", "S"), ("z", "Z"), ("b", "v")}


@dataclass(frozen=True, slots=True)
class Costs:
    """The price of each edit: substitution x -> y (only those below `other` are listed),
    deleting a letter of the first reading, inserting a letter of the second."""

    substitute: dict[str, dict[str, float]]
    delete: dict[str, float]
    insert: dict[str, float]
    other: float = 1.0


def _same_script_substitution(x: str, y: str) -> float:
    if x in _VOWELS and y in _VOWELS:
        return VOWEL_SWAP
    if _CLASS.get(x, x) == _CLASS.get(y, y) or (x, y) in _NEAR or (y, x) in _NEAR:
        return NEAR_CONSONANT
    return 1.0


def _same_script() -> Costs:
    """Symmetric costs for two words of one script: vowels 0.4, near consonants 0.6."""
    substitute = {
        x: {y: c for y in _ALPHABET if y != x and (c := _same_script_substitution(x, y)) < 1.0}
        for x in _ALPHABET
    }
    indel = {ch: SOFT_INDEL for ch in "aeiouh"}
    return Costs(substitute, indel, indel)


# Cross-script costs, set on the tune half of the Wikidata benchmark (benchmarks/names.py).
# Pairs of letters, both ways, by how often Russian renders the one where a Latin spelling reads
# the other: one sound in two spellings (ш/с/ж/з/ц/ч across the conventions, f/в, w/в, g/ж, j/х/ж)
# costs least, then the near consonants, then vowels by how close they sound.
_CROSS_PAIRS: tuple[tuple[float, str], ...] = (
    (0.3, "s-z s-S z-Z c-C S-Z S-C Z-C c-z s-c f-v u-v g-Z h-Z h-S"),
    (0.55, "k-h g-k g-h p-b b-v t-d C-k C-t c-t d-z z-Z k-c h-C m-n o-v"),
    (0.37, "o-u a-e e-i"),
    (0.5, "a-o e-o e-u"),
    (0.65, "i-u u-a a-i"),
    (0.8, "i-o"),
)
# A Latin letter the rendering drops: h and e are often silent, the other vowels and d t s g p
# often enough (Hughes Хьюз, Pinochet Пиноче); m and ч hardly ever.
_CROSS_DELETE = {"h": 0.1, "e": 0.3, **dict.fromkeys("aiou", 0.45), **dict.fromkeys("dtsgp", 0.5),
                 **dict.fromkeys("vfcrlbzkZS", 0.55), "n": 0.85, "m": 1.3, "C": 1.3}  # fmt: skip
# A Cyrillic letter the spelling lacks: a glide (и, й), а or х at most; a consonant seldom.
_CROSS_INSERT = {"h": 0.5, "i": 0.5, "a": 0.6, "u": 0.7, "e": 0.7, "o": 0.85,
                 **dict.fromkeys("vdcg", 0.75), **dict.fromkeys("kzn", 0.9),
                 **dict.fromkeys("bflmprstCSZ", 1.1)}  # fmt: skip


def _cross_script(pairs: Iterable[tuple[float, str]]) -> Costs:
    """Directional costs from a Latin word's reading to a Cyrillic word's."""
    substitute: dict[str, dict[str, float]] = {x: {} for x in _ALPHABET}
    for cost, spec in pairs:
        for pair in spec.split():
            x, y = pair.split("-")
            substitute[x][y] = substitute[y][x] = cost
    return Costs(substitute, _CROSS_DELETE, _CROSS_INSERT)


SAME = _same_script()
CROSS = _cross_script(_CROSS_PAIRS)


def weighted_similarity(a: str, b: str, costs: Costs = SAME) -> float:
    """1 minus the weighted edit distance from a to b over the longer length, in [0, 1]."""
    longest = max(len(a), len(b))
    if not longest:
        return 0.0
    if a == b:
        return 1.0
    other = costs.other
    delete_cost, insert_cost = costs.delete, costs.insert
    insert = [insert_cost.get(y, other) for y in b]
    row = [0.0]
    for cost in insert:
        row.append(row[-1] + cost)
    for x in a:
        delete = delete_cost.get(x, other)
        substitute = costs.substitute.get(x, {})
        prev = row
        left = prev[0] + delete
        row = [left]
        for j, y in enumerate(b):
            best = prev[j] + (substitute.get(y, other) if y != x else 0.0)
            up = prev[j + 1] + delete
            if up < best:
                best = up
            side = left + insert[j]
            if side < best:
                best = side
            row.append(best)
            left = best
    return max(0.0, 1.0 - row[-1] / longest)
