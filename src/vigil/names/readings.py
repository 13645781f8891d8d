"""Readings: how a written name word may sound, as strings in one shared phonemic alphabet.

A Cyrillic word has one reading. A Latin word has several, one per spelling convention it may
follow (romanised Russian in any scheme, German, English, French, Italian, Spanish, Portuguese,
and, when the spelling shows it, Polish/Czech, Hungarian, Dutch/Nordic, Turkish, Lithuanian,
Vietnamese, Albanian, Korean, Arabic, Turkic patronymics, Romanian, Estonian, Japanese
Hepburn and Kunrei, Chinese pinyin), because a Latin name in a list does not say which language
spelled it. Comparing readings instead of letters is what lets Троцкий meet Trotzki and Trockij.

The alphabet: lower-case letters for the sounds they usually stand for, and c for ц, C for ч,
S for ш, Z for ж, h for х, j for й, y for ы (щ is SC). `fold` then merges what the schemes
write differently for one sound (й/ы/и, the glide before e, ё, doubled letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations

from vigil.names import conventions as rules
from vigil.names.conventions import Options, Rule
from vigil.names.text import clean_word, script_of

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "Z", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "C", "ш": "S", "щ": "SC",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    # ё reads as е: Russian print mostly omits the dots, so one person is written both ways
    # (readings() adds the ё = jo reading for the romanisations that keep it).
    # Ukrainian, Belarusian, Serbian, Macedonian, Kazakh, Tatar and other Cyrillic letters.
    "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ў": "u", "ј": "j", "ћ": "C", "ђ": "dZ",
    "џ": "dZ", "љ": "lj", "њ": "nj", "ќ": "k", "ѓ": "g", "ѕ": "dz", "қ": "k", "ғ": "g",
    "ү": "u", "ұ": "u", "ә": "e", "ө": "jo", "һ": "h", "ң": "n", "ҳ": "h", "ӣ": "i", "ӯ": "u",
    "ҷ": "dZ", "ӕ": "e",
}  # fmt: skip

# A Latin letter's sound when no rule of the convention says otherwise.
_LATIN = {
    "a": "a", "b": "b", "c": "k", "d": "d", "e": "e", "f": "f", "g": "g", "h": "h", "i": "i",
    "j": "j", "k": "k", "l": "l", "m": "m", "n": "n", "o": "o", "p": "p", "q": "k", "r": "r",
    "s": "s", "t": "t", "u": "u", "v": "v", "w": "v", "x": "ks", "y": "i", "z": "z",
    "č": "C", "š": "S", "ž": "Z", "ć": "C", "ś": "s", "ź": "z", "ż": "Z", "ř": "rZ", "ł": "l",
    "ß": "s", "æ": "e", "œ": "e", "ø": "jo", "å": "o", "đ": "d", "ð": "d", "þ": "t", "ı": "y",
    "ə": "e", "ñ": "nj", "ŝ": "SC", "ĉ": "C", "ĝ": "dZ", "ĵ": "Z", "ç": "s", "ş": "S", "ș": "S",
    "ţ": "c", "ț": "c", "ğ": "", "ě": "je", "ą": "on", "ę": "en", "ä": "e", "ö": "jo",
    "ü": "ju", "ő": "jo", "ű": "ju", "ë": "jo", "ï": "i", "ÿ": "i", "ŋ": "n", "ĳ": "ej",
}  # fmt: skip


class Convention:
    """One spelling convention: its rules (conventions.py) tried left to right.

    A rule is a regular expression for a letter group (with its context) and the sound it spells,
    or a tuple of sounds when the convention is ambiguous (English th: т or с); the first is the
    usual one. `gate`, when given, says which words may follow the convention at all; with
    `toneless`, tone marks are dropped before the word is read (pinyin, Vietnamese).
    """

    def __init__(
        self,
        name: str,
        table: Sequence[Rule],
        gate: str | re.Pattern[str] = "",
        *,
        toneless: bool = False,
    ) -> None:
        self.name = name
        self.toneless = toneless
        self.outputs: list[Options] = [(o,) if isinstance(o, str) else o for _, o in table]
        alternatives = [f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(table)]
        self.regex = re.compile("|".join([*alternatives, "(?P<any>.)"]), re.DOTALL)
        self.gate: re.Pattern[str] | None = re.compile(gate) if isinstance(gate, str) else gate
        self.full_gate = not isinstance(gate, str)

    def admits(self, word: str) -> bool:
        if self.toneless:
            word = _toneless(word)
        if self.gate is None or self.gate.pattern == "":
            return True
        if self.full_gate:
            return self.gate.fullmatch(word) is not None
        return self.gate.search(word) is not None

    def read(self, word: str, deviations: int = 2) -> list[str]:
        """The usual reading, then those that take a second choice at up to `deviations` places."""
        if self.toneless:
            word = _toneless(word)
        pieces: list[Options] = []
        for m in self.regex.finditer(word):
            group = m.lastgroup
            if group == "any":
                pieces.append((_latin_letter(m.group()),))
            else:
                pieces.append(self.outputs[int(group[1:])])  # type: ignore[index]
        first = [p[0] for p in pieces]
        readings = ["".join(first)]
        ambiguous = [i for i, p in enumerate(pieces) if len(p) > 1]
        depth = deviations if len(ambiguous) <= 6 else 1
        for k in range(1, depth + 1):
            for places in combinations(ambiguous, k):
                variants = [first]
                for i in places:
                    variants = [[*v[:i], o, *v[i + 1 :]] for v in variants for o in pieces[i][1:]]
                readings.extend("".join(v) for v in variants)
        return readings


# grave, acute, tilde, macron, hook, caron, dot below: the tones of pinyin and Vietnamese
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0304\u0309\u030c\u0323]")


@lru_cache(maxsize=4096)
def _toneless(word: str) -> str:
    """The word without the tone marks of pinyin (ā á ǎ à) and Vietnamese (á ả ã ạ); the
    letters' own marks (ü, ư, ơ, â) kept."""
    return unicodedata.normalize("NFC", _TONE_MARKS.sub("", unicodedata.normalize("NFD", word)))


@lru_cache(maxsize=4096)
def _latin_letter(ch: str) -> str:
    if ch in _LATIN:
        return _LATIN[ch]
    if ch in _CYRILLIC:
        return _CYRILLIC[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    return _LATIN.get(base, "")


CONVENTIONS: tuple[Convention, ...] = (
    Convention("slavic", rules.SLAVIC),
    Convention("german", rules.GERMAN),
    Convention("english", rules.ENGLISH),
    Convention("french", rules.FRENCH),
    Convention("italian", rules.ITALIAN),
    Convention("spanish", rules.SPANISH),
    Convention("portuguese", rules.PORTUGUESE),
    Convention(
        "classical", rules.CLASSICAL, "(?:us|um|ae|ix|ex|os|es|ns|as|is|o)$|ae|oe|ph|th|^eu"
    ),
    Convention(
        "west_slavic",
        rules.WEST_SLAVIC,
        "[łśćźżńąęóřěůčšžťďňľĺŕėįųūāēīķļņģđ]|sz|cz|rz|w|[sc]k[ai]$|wicz$",
    ),
    Convention("hungarian", rules.HUNGARIAN, "cs|zs|gy|ő|ű|sz(?!cz)|ny$|ly$|[áéíóú]|[aeiou]s$"),
    Convention("nordic", rules.NORDIC, "[øåæöä]|aa|ij|oe|uu|sj|ii|yy|kk|kj|tj|sk[yø]"),
    Convention("greek", rules.GREEK, "(?:os|is|as|es|ou)$|th|ph|ch"),
    Convention("turkish", rules.TURKISH, "[çşğıə]|c(?![hkz])"),
    Convention("baltic", [("s$", "")], f"[^{rules.V}]s$"),
    Convention("lithuanian", rules.LITHUANIAN, rules.LITHUANIAN_GATE),
    Convention("vietnamese", rules.VIETNAMESE, rules.VIETNAMESE_GATE, toneless=True),
    Convention("albanian", rules.ALBANIAN, rules.ALBANIAN_GATE),
    Convention("korean", rules.KOREAN, rules.KOREAN_GATE),
    Convention("arabic", rules.ARABIC, rules.ARABIC_GATE),
    Convention("turkic", rules.TURKIC, rules.TURKIC_GATE),
    Convention("romanian", rules.ROMANIAN, rules.ROMANIAN_GATE),
    Convention("estonian", rules.ESTONIAN, "õ"),
    Convention("japanese", rules.JAPANESE, rules.HEPBURN),
    Convention("chinese", rules.CHINESE, rules.PINYIN, toneless=True),
)
_SLAVIC_CONVENTION = CONVENTIONS[0]
_SLAVIC_VARIANTS = (
    (rules.SCHOLARLY_MARKS, Convention("slavic_scholarly", rules.SLAVIC_SCHOLARLY)),
    (rules.GERMAN_MARKS, Convention("slavic_german", rules.SLAVIC_GERMAN)),
    (rules.POLISH_MARKS, Convention("slavic_polish", rules.SLAVIC_POLISH)),
    (rules.FRENCH_MARKS, Convention("slavic_french", rules.SLAVIC_FRENCH)),
)


def _slavic(word: str) -> Convention:
    """The romanised-Russian convention a Latin word shows: scholarly, German, Polish, French
    or plain (English-language practice and the official schemes)."""
    for marks, convention in _SLAVIC_VARIANTS:
        if marks.search(word):
            return convention
    return _SLAVIC_CONVENTION


_FOLD = str.maketrans({"j": "i", "y": "i"})
_DOUBLE = re.compile(r"(.)\1+")
_YO = re.compile("(?<=[^aeiou])io(?=[^aeiou])")
_FINAL_IE = re.compile("(?<=.)ie$")
_HUSHED_E = re.compile("([жчшщ])[её]")
# -ский, -ская, -ийский, -цкий: the suffix of an adjective made from a place name
_PLACE_ADJECTIVE = re.compile("(?:(?:ий|ый)?с|(?<=ц))к(?:ий|ая|ой|ие|ого)$")
_AFFRICATE = re.compile("t[scSC]")  # тс тц тш тч: the affricate ц or ч spelled in two letters


def _affricate(m: re.Match[str]) -> str:
    return "C" if m.group()[1] in "SC" else "c"


def fold(reading: str) -> str:
    """Merge what the schemes spell differently for one sound: тс/ц, й/ы/и, je/e, ё/e, doubles;
    a final -ie is the English and French -i (Eddie, Marie)."""
    text = _DOUBLE.sub(r"\1", _AFFRICATE.sub(_affricate, reading).translate(_FOLD))
    text = _YO.sub("e", _FINAL_IE.sub("i", text).replace("ie", "e"))
    return _DOUBLE.sub(r"\1", text)


@lru_cache(maxsize=65536)
def cyrillic_reading(word: str) -> str:
    """The reading of a cleaned Cyrillic word; Latin letters mixed in are read letter by letter."""
    return "".join(_CYRILLIC.get(ch) or _latin_letter(ch) for ch in word)


@lru_cache(maxsize=65536)
def primary_reading(word: str) -> str:
    """One reading per word: Cyrillic as written, Latin as romanised Russian. The skeleton's."""
    word = clean_word(word)
    if script_of(word) == "cyrl":
        return cyrillic_reading(word)
    return _slavic(word).read(word, deviations=0)[0]


@lru_cache(maxsize=65536)
def readings(word: str, *, place_stems: bool = False) -> tuple[str, ...]:
    """All folded readings of a word, distinct, the primary one first.

    With `place_stems`, a Cyrillic adjective of place also gives the reading of its stem, since
    Russian often renders a Latin place name as one (Mecklenburg Мекленбургский, Pskov
    Псковская); only for comparing with a Latin word, or Петров would equal Петровский.
    """
    word = clean_word(word)
    if script_of(word) == "cyrl":
        out = [fold(cyrillic_reading(word))]
        if "ё" in word:  # Solovyov, Pjotr, Jolkina
            out.append(fold(cyrillic_reading(word.replace("ё", "йо"))))
        if _HUSHED_E.search(word):  # щё, often written ще, sounds що: Хрущев, Chruschtschow
            out.append(fold(cyrillic_reading(_HUSHED_E.sub(r"\1о", word))))
        if place_stems and (m := _PLACE_ADJECTIVE.search(word)) and m.start() >= 3:
            out.append(fold(cyrillic_reading(word[: m.start()])))
        return tuple(dict.fromkeys(out))
    conventions = [_slavic(word), *CONVENTIONS[1:]]
    out = dict.fromkeys(fold(r) for c in conventions if c.admits(word) for r in c.read(word) if r)
    if len(word) == 1 and word in rules.LETTER_NAMES:
        out[fold(rules.LETTER_NAMES[word])] = None
    return tuple(out)
