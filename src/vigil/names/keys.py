"""Matching keys for a name: cross-script skeletons, a phonetic key, and a similarity score.

Linkage compares records through these keys, computed once per record at ingest, so a name
written Троцкий in one source and Trotzki, Trotski or Trockij in another can meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from rapidfuzz.distance import Indel, JaroWinkler

from vigil.names.distance import CROSS, SAME, weighted_similarity
from vigil.names.readings import fold, primary_reading, readings
from vigil.names.text import PARTICLES, script_of

if TYPE_CHECKING:
    from vigil.names.parts import NameParts

_COARSE = str.maketrans({"S": "x", "Z": "x", "C": "x", "z": "s"})
_DOUBLE = re.compile(r"(.)\1+")
_NOT_ASCII_LOWER = re.compile("[^a-z]")


@lru_cache(maxsize=131072)
def skeleton(word: str) -> str:
    """A lower-case ASCII key on which a Cyrillic word and its usual romanisations agree.

    Троцкий, Trotsky, Trotzki, Trotski, Trockij, Trotskij and Trotskiy all give "trocki". The
    sibilants ж ш щ ч share one letter (x) and з/с another (s), because the schemes disagree on
    them; Latin words are read as romanised Russian.
    """
    text = fold(primary_reading(word)).translate(_COARSE)
    return _NOT_ASCII_LOWER.sub("", _DOUBLE.sub(r"\1", text))


# х joins the hushing sibilants: Latin ch is х in German and Polish spelling and ч in English.
_PHONETIC = str.maketrans(
    {"b": "p", "d": "t", "g": "k", "h": "x", "v": "f", "w": "f", "z": "s", "c": "s", "q": "k"}
)
_VOWELS = re.compile("[aeiouy]")


@lru_cache(maxsize=131072)
def phonetic(word: str) -> str:
    """A coarser key: the skeleton's consonants, voiced and voiceless merged, vowels dropped.

    It bridges what skeletons still keep apart (vowels, German and Polish ch for х, ц spelled
    z or s, ё spelled o), at the cost of more chance agreements: х, ж, ш, щ and ч share a
    letter, and so do г and к.
    """
    skel = skeleton(word)
    if not skel:
        return ""
    head = "a" if skel[0] in "aeiouy" else skel[0].translate(_PHONETIC)
    tail = _VOWELS.sub("", skel[1:]).translate(_PHONETIC)
    return _DOUBLE.sub(r"\1", head + tail)


CANDIDATES = 4
# A little Jaro-Winkler breaks the ties of the weighted distance's few distinct values.
TIE_BREAK = 0.1


def similarity(a: str, b: str) -> float:
    """How alike two name words sound, in [0, 1], in any scripts.

    Each word is read in every convention it may follow (a Cyrillic word once, a Latin word
    once per convention); the few closest pairs of readings by plain edit distance are then
    scored with a weighted edit distance that forgives vowels and near consonants, and, between
    a Latin and a Cyrillic word, the letters a spelling has and its rendering drops. A Latin
    and a Cyrillic word that are forms of one given name in the project's table score 1, since
    Russian renders many names by convention rather than by their spelling (Michael Майкл, Seán
    Шон). On the Wikidata benchmark 0.85 is the threshold at which 0.5% of hard negatives match.
    """
    return _similarity(*sorted((a, b)))


@lru_cache(maxsize=65536)
def _similarity(a: str, b: str) -> float:
    if script_of(a) == "cyrl" and script_of(b) == "latn":
        a, b = b, a
    cross = script_of(a) == "latn" and script_of(b) == "cyrl"
    if cross and _one_given_name(a, b):
        return 1.0
    # across scripts the Latin word comes first: its silent letters are the deletions
    costs = CROSS if cross else SAME
    ra, rb = readings(a), readings(b, place_stems=cross)
    if not ra or not rb:
        return 0.0
    if len(ra) * len(rb) > CANDIDATES:
        scored = sorted((Indel.distance(x, y), x, y) for x in ra for y in rb)
        pairs = [(x, y) for _, x, y in scored[:CANDIDATES]]
    else:
        pairs = [(x, y) for x in ra for y in rb]
    return max(
        (weighted_similarity(x, y, costs) + TIE_BREAK * JaroWinkler.normalized_similarity(x, y))
        / (1 + TIE_BREAK)
        for x, y in pairs
    )


def _one_given_name(latin: str, cyrillic: str) -> bool:
    """Whether a Latin and a Cyrillic word are forms of one class of the given-name table."""
    from vigil.names.given import rendering_class  # the table module reads skeletons from here

    found = rendering_class(cyrillic)  # the cheaper lookup first: most words are not names
    return found is not None and found == rendering_class(latin)


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The keys linkage compares two records' names by, computed once per record.

    `surname_lemma` is the Cyrillic nominative in lower case (ё as е; None for a Latin name);
    `surname_key` and `patronymic_key` are skeletons; `given_key` is the given name's class in
    the given-name table, or its skeleton; the initials are one lower-case ASCII letter, the
    first of the skeleton, so that "И." agrees with "Ivan" and "Ю." with "Iouri".
    """

    surname_lemma: str | None
    surname_key: str | None
    surname_phonetic: str | None
    given_key: str | None
    given_initial: str | None
    patronymic_initial: str | None
    patronymic_key: str | None
    sex: Literal["m", "f"] | None


def name_keys(parts: NameParts) -> NameKeys:
    """Compute a name's keys. Fast on repeated names: every word-level step is cached."""
    return _name_keys(
        parts.surname, parts.given, parts.patronymic, parts.given_initial,
        parts.patronymic_initial, parts.sex, parts.script,
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _name_keys(
    surname: str | None,
    given: str | None,
    patronymic: str | None,
    given_initial: str | None,
    patronymic_initial: str | None,
    sex: Literal["m", "f"] | None,
    script: str,
) -> NameKeys:
    lemma, key, phon = _surname_keys(surname, script) if surname else (None, None, None)
    first_given = given.split(" ")[0] if given else None
    first_patronymic = patronymic.split(" ")[0] if patronymic else None
    return NameKeys(
        surname_lemma=lemma,
        surname_key=key,
        surname_phonetic=phon,
        given_key=_given_key(first_given) if first_given else None,
        given_initial=_initial_key(first_given or given_initial),
        patronymic_initial=_initial_key(first_patronymic or patronymic_initial),
        patronymic_key=skeleton(first_patronymic) or None if first_patronymic else None,
        sex=sex,
    )


@lru_cache(maxsize=65536)
def _surname_keys(surname: str, script: str) -> tuple[str | None, str | None, str | None]:
    """Lemma, skeleton and phonetic key of a surname, its particles (von, де) left out."""
    words = [w for w in surname.split(" ") if w.lower() not in PARTICLES] or surname.split(" ")
    core = "".join(words)
    lemma = "".join(words).lower().replace("ё", "е") if script == "cyrl" else None
    return lemma, skeleton(core) or None, phonetic(core) or None


@lru_cache(maxsize=65536)
def _given_key(word: str) -> str | None:
    from vigil.names.given import given_key  # the table module reads skeletons from here

    return given_key(word) or None


@lru_cache(maxsize=65536)
def _initial_key(word: str | None) -> str | None:
    return skeleton(word)[:1] or None if word else None
