"""Russian to Latin letters. BGN/PCGN is the scheme English-language lists most often follow."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import cast

from vigil.names.schemes import FRENCH, GERMAN, POLISH

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


def _iuliia(schema_name: str) -> Callable[[str], str]:
    import iuliia

    schema = cast("iuliia.Schema", getattr(iuliia, schema_name))

    def spell(text: str) -> str:
        # Some iuliia schemes leave ё as it is; the schemes themselves write ë.
        spelled = schema.translate(text).replace("ё", "ë").replace("Ё", "Ë")
        return unicodedata.normalize("NFC", spelled)  # iuliia writes č as c + combining caron

    return spell


# Scheme name -> (what it is, how to spell). iuliia covers the official schemes; the German,
# French and Polish spellings of the émigré press are the project's own tables (schemes.py).
SCHEMES: dict[str, tuple[str, Callable[[str], str]]] = {
    "iso9": ("ISO 9:1995 / GOST 7.79 system A, with diacritics", _iuliia("GOST_779")),
    "scholarly": ("the scholarly (scientific) system of Slavists", _iuliia("SCIENTIFIC")),
    "bgn_pcgn": ("BGN/PCGN 1947, the US and UK official scheme", _iuliia("BGN_PCGN")),
    "english": ("BGN/PCGN simplified as English-language lists write it", romanize),
    "wikipedia": ("English Wikipedia's scheme", _iuliia("WIKIPEDIA")),
    "passport": ("Russian passports since 2013 (ICAO Doc 9303)", _iuliia("ICAO_DOC_9303")),
    "passport_1997": ("Russian passports 1997-2010 (MVD order 310)", _iuliia("MVD_310")),
    "german": ("German press spelling (Duden)", GERMAN.text),
    "french": ("French press spelling", FRENCH.text),
    "polish": ("Polish spelling", POLISH.text),
}


def romanizations(word: str) -> dict[str, str]:
    """A Cyrillic name in every scheme the sources use: {"iso9": "Trockij", "german": "Trotzki",
    ...}. Linkage needs them to know what to look for in Latin-script lists."""
    return _romanizations(word)


@lru_cache(maxsize=16384)
def _romanizations(word: str) -> dict[str, str]:
    return {name: spell(word) for name, (_, spell) in SCHEMES.items()}
