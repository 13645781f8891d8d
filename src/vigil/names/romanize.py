"""Russian to Latin letters. BGN/PCGN is the scheme English-language lists most often follow."""

from __future__ import annotations

_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_SIMPLE = {**_BGN, "ё": "e", "ъ": "", "ь": ""}
# Word-final -ий/-ый read -y in English-language lists (Trotsky, not Trotskiy).
_ENDINGS = (("ий", "y"), ("ый", "y"))


def romanize(text: str, simplified: bool = True) -> str:
    """BGN/PCGN romanisation; `simplified` drops diacritics and -iy endings, as the press did."""
    table = _SIMPLE if simplified else _BGN
    words = []
    for word in text.split(" "):
        tail = ""
        if simplified:
            for ending, latin in _ENDINGS:
                if word.lower().endswith(ending):
                    word, tail = word[: -len(ending)], latin
                    break
        out = []
        for ch in word:
            low = ch.lower()
            latin = table.get(low, ch)
            out.append(latin.capitalize() if ch != low and latin else latin)
        words.append("".join(out) + tail)
    return " ".join(words)
