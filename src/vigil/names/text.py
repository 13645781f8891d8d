"""Small text helpers shared by the name modules: script detection and cleaning a name word."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

Script = Literal["cyrl", "latn"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Marks that carry no sound in a name: apostrophes and primes that romanisations write for ь and
# ъ, zero-width and direction marks; and stress accents, but only on Cyrillic letters (on Latin
# letters the same accent makes Polish ó, ś, ć).
_SILENT = dict.fromkeys(
    map(ord, "'’‘`´ʹʺʼʻʽʾʿ′″\u02c8\u200b\u200c\u200d\u200e\u200f\ufe20\ufe21\u034f"), None
)
_STRESS = re.compile(r"(?<=[\u0400-\u04ff])[\u0300\u0301]")


# Format characters (Unicode category Cf) that show nothing: zero-width space, joiners and
# non-joiners, direction marks, embeddings, overrides and isolates, the word joiner, the BOM,
# the soft hyphen. Sources carry them from copying and typesetting; a name with one is the
# name without it, and as a word separator one would cut a name in two.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def visible(text: str) -> str:
    """`text` without invisible format characters, composed (NFC: е + U+0308 is ё)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def script_of(text: str) -> Script:
    """The script most letters of `text` are written in; ties and letterless text count as Latin."""
    cyr = len(_CYRILLIC.findall(text))
    return "cyrl" if cyr and cyr >= len(_LATIN.findall(text)) else "latn"


@lru_cache(maxsize=65536)
def clean_word(word: str) -> str:
    """Lower case, composed, without stress marks, apostrophes, hyphens or spaces.

    Romanisations write ь as an apostrophe or prime and hyphens join the halves of a double
    surname; neither changes which person is meant, so matching ignores them.
    """
    text = _STRESS.sub("", unicodedata.normalize("NFD", word.strip()).translate(_SILENT))
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch for ch in text if ch.isalpha())


# Words that belong to the surname after them (von Meck, фон Мекк, de Gaulle, ибн Сауд).
PARTICLES = frozenset((
    "von", "van", "vom", "zu", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das",
    "le", "la", "ten", "ter", "al", "el", "ibn", "bin", "ben",
    "фон", "ван", "дер", "де", "ди", "да", "дю", "ле", "ла", "ибн", "бен", "аль", "эль",
))  # fmt: skip
