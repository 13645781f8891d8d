"""The slips of typists and copyists: a letter dropped, doubled, swapped or replaced.

Replacements favour the letters people confuse (а/о, е/и, т/д, a/o, s/z, v/w) and keyboard
neighbours; the first letter is kept in nine slips of ten, as it mostly is in real lists.
"""

from __future__ import annotations

import random

_CONFUSED = {
    "а": "о", "о": "а", "е": "и", "и": "е", "т": "д", "д": "т", "с": "з", "з": "с", "б": "п",
    "п": "б", "в": "ф", "ф": "в", "г": "к", "к": "г", "ш": "щ", "щ": "ш", "ж": "ш", "л": "м",
    "м": "л", "н": "п", "р": "п", "у": "ю", "ю": "у", "я": "а", "ы": "и", "ь": "ъ", "ц": "ч",
    "ч": "ц", "х": "к", "й": "и", "э": "е", "ё": "е",
    "a": "o", "o": "a", "e": "i", "i": "e", "y": "i", "k": "c", "c": "k", "s": "z", "z": "s",
    "v": "w", "w": "v", "t": "d", "d": "t", "u": "o", "n": "m", "m": "n", "l": "i", "r": "n",
    "h": "n", "g": "q", "b": "p", "p": "b", "f": "v", "j": "i",
}  # fmt: skip
_CAPITALS = {"А": "О", "О": "А", "Е": "Э", "Э": "Е", "И": "Е", "Б": "П", "П": "Б", "Д": "Т",
             "Т": "Д", "К": "Г", "Г": "К", "Ш": "Щ", "Щ": "Ш", "З": "С", "С": "З",
             "A": "O", "O": "A", "E": "I", "I": "E", "K": "C", "C": "K", "S": "Z", "Z": "S",
             "V": "W", "W": "V", "T": "D", "D": "T", "B": "P", "P": "B"}  # fmt: skip
KINDS = ("drop", "double", "swap", "replace")


def typo(word: str, rng: random.Random) -> str:
    """`word` with one slip; a word of fewer than four letters is left alone."""
    n = len(word)
    if n < 4:
        return word
    kind = KINDS[int(rng.random() * 4)]
    if kind == "replace" and rng.random() < 0.1:
        first = _CAPITALS.get(word[0])
        if first:
            return first + word[1:]
    i = 1 + int(rng.random() * (n - 1))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap":
        i = min(i, n - 2)
        if word[i] == word[i + 1]:
            return word[:i] + word[i + 1 :]  # swapping twin letters changes nothing: drop one
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    ch = word[i]
    repl = _CONFUSED.get(ch.lower())
    if repl is None or repl == ch:
        return word[:i] + word[i + 1 :]
    return word[:i] + (repl.upper() if ch.isupper() else repl) + word[i + 1 :]
