"""Russian name morphology through pymorphy3: which word is a surname, given name or patronymic,
and its nominative. Lists name people in any case ("выдать Ивановой Анне Сергеевне",
"дело Троцкого Льва Давидовича"); records and keys want the nominative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

Role = Literal["surname", "given", "patronymic"]
Gender = Literal["masc", "femn"]

_ROLES: dict[str, Role] = {"Surn": "surname", "Name": "given", "Patr": "patronymic"}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
_CASE_ALIASES = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "gen1": "gent", "loc1": "loct"}
# What a predicted surname of an unknown word must look like to be trusted: the productive
# Russian surname endings, by gender.
_SURNAME_ENDING = {
    "masc": re.compile("(?:[оеё]в|[иы]н|[сц]кий|[сц]кой|ой|ый|ий)$"),
    "femn": re.compile("(?:[оеё]ва|[иы]на|[сц]кая|ая)$"),
}
# How a surname the dictionary does not know declines, case by case: (ending, what the
# nominative has instead, what must come before the ending). Tried when the other words of the
# name fix the case and gender ("Пилипуком Петром Григорьевичем"), longest ending first.
_CONSONANT = "бвгджзклмнпрстфхцчшщ"
_SIBILANT = "жчшщц"
_ADJECTIVAL = ("ск", "цк")
_POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")
_Rule = tuple[str, str, tuple[str, ...] | str]
_DECLENSION: dict[tuple[str, str], tuple[_Rule, ...]] = {
    ("masc", "gent"): (("ого", "ий", _ADJECTIVAL), ("а", "", _CONSONANT), ("я", "ь", _CONSONANT)),
    ("masc", "datv"): (("ому", "ий", _ADJECTIVAL), ("у", "", _CONSONANT), ("ю", "ь", _CONSONANT)),
    ("masc", "ablt"): (
        ("им", "ий", _ADJECTIVAL), ("ым", "", _POSSESSIVE), ("ом", "", _CONSONANT),
        ("ем", "", _SIBILANT), ("ём", "", _SIBILANT), ("ем", "ь", _CONSONANT),
    ),
    ("masc", "loct"): (("ом", "ий", _ADJECTIVAL), ("е", "", _CONSONANT)),
    ("femn", "gent"): (("ой", "ая", _ADJECTIVAL), ("ой", "а", _POSSESSIVE)),
    ("femn", "accs"): (("ую", "ая", _ADJECTIVAL), ("у", "а", _POSSESSIVE)),
}  # fmt: skip
_DECLENSION["masc", "accs"] = _DECLENSION["masc", "gent"]
for _case in ("datv", "ablt", "loct"):
    _DECLENSION["femn", _case] = (*_DECLENSION["femn", "gent"], ("ою", "а", _POSSESSIVE))
_FIXED_PENALTY = 0.5  # an indeclinable reading ("Анне", the French name) yields to a declined one


@dataclass(frozen=True, slots=True)
class NameParse:
    """One reading of a word as part of a name."""

    role: Role
    case: str | None  # None: the word does not decline, so it fits any case
    gender: Gender | None  # None: either (Саша) or not shown
    score: float
    nominative: str  # lower case
    known: bool  # the word is in the dictionary (not guessed from its ending)


@lru_cache(maxsize=1)
def analyzer() -> MorphAnalyzer:
    """One MorphAnalyzer for the process: it takes a tenth of a second and 15 MB to load."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[NameParse, ...]:
    """The readings of a lower-case Cyrillic word as a surname, given name or patronymic."""
    morph = analyzer()
    known = morph.word_is_known(word)
    out = []
    for p in morph.parse(word):
        grammemes = p.tag.grammemes
        role = next((r for tag, r in _ROLES.items() if tag in grammemes), None)
        if role is None:
            continue
        fixed = "Fixd" in grammemes
        case = None if fixed else _CASE_ALIASES.get(p.tag.case or "", p.tag.case)
        gender = p.tag.gender if p.tag.gender in ("masc", "femn") else None
        if case == "nomn" or fixed:
            nominative = word
        else:
            inflected = p.inflect({"nomn"})
            if inflected is None:
                continue
            nominative = inflected.word
        score = p.score * (_FIXED_PENALTY if fixed else 1.0)
        out.append(NameParse(role, case, gender, score, nominative, known))  # type: ignore[arg-type]
    return tuple(out)


@lru_cache(maxsize=65536)
def roles(word: str) -> frozenset[Role]:
    """The roles the dictionary knows the word in (guesses for unknown words count too)."""
    return frozenset(p.role for p in parses(word))


@lru_cache(maxsize=65536)
def name_gender(word: str) -> Literal["m", "f"] | None:
    """The sex a Cyrillic given name shows in the dictionary, None when it shows both."""
    genders = {
        p.gender
        for p in parses(word.lower())
        if p.role == "given" and p.known and p.case in ("nomn", None)
    }
    if genders == {"masc"}:
        return "m"
    if genders == {"femn"}:
        return "f"
    return None


@dataclass(frozen=True, slots=True)
class Agreement:
    """The nominatives of a name's words, and the case and gender they were found to share."""

    nominatives: tuple[str, ...]
    case: str | None
    gender: Gender | None


def agree(words: tuple[str, ...], word_roles: tuple[Role, ...]) -> Agreement:
    """Bring the words of one name to the nominative, reading them all in one case and gender.

    Each (case, gender) is tried; a word fits it when one of its readings in its role has that
    case (or does not decline) and gender. The pair that most words fit, then the highest total
    score, wins. A word that fits no reading stays as written; so does an unknown word unless
    the known words fix the case and its guessed nominative has a usual surname ending.
    """
    return _agree(tuple(w.lower() for w in words), word_roles)


@lru_cache(maxsize=32768)
def _agree(words: tuple[str, ...], word_roles: tuple[Role, ...]) -> Agreement:
    readings = [
        [p for p in parses(w) if p.role == r] if w else []
        for w, r in zip(words, word_roles, strict=True)
    ]
    best: tuple[int, float, str, Gender] | None = None
    for case, gender in product(_CASES, ("masc", "femn")):
        fitted, total = _fit(readings, case, gender)  # type: ignore[arg-type]
        key = (fitted, total + (0.001 if case == "nomn" else 0.0))
        if best is None or key > best[:2]:
            best = (fitted, key[1], case, gender)  # type: ignore[assignment]
    if best is None or best[0] == 0:
        return Agreement(words, None, None)
    _, _, case, gender = best
    other: Gender = "femn" if gender == "masc" else "masc"
    tied = _fit(readings, case, other) == _fit(readings, case, gender)
    known_fix = any(
        p.known and p.case == case and case != "nomn" for options in readings for p in options
    )
    out = []
    for word, options, role in zip(words, readings, word_roles, strict=True):
        fitting = [
            p for p in options if (p.case is None or p.case == case) and p.gender in (gender, None)
        ]
        choice = max(fitting, key=lambda p: p.score) if fitting else None
        if choice is not None and (
            choice.known or (known_fix and _SURNAME_ENDING[gender].search(choice.nominative))
        ):
            out.append(choice.nominative)
        elif known_fix and role == "surname" and not any(p.known for p in options):
            out.append(decline_to_nominative(word, case, gender) or word)
        else:
            out.append(word)
    return Agreement(tuple(out), case, None if tied else gender)


def decline_to_nominative(word: str, case: str, gender: Gender) -> str | None:
    """The nominative of a surname unknown to the dictionary, by the rules of its ending."""
    for ending, replacement, before in _DECLENSION.get((gender, case), ()):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        if isinstance(before, tuple) and not stem.endswith(before):
            continue
        if isinstance(before, str) and stem[-1] not in before:
            continue
        return stem + replacement
    return None


def _fit(readings: list[list[NameParse]], case: str, gender: Gender) -> tuple[int, float]:
    fitted, total = 0, 0.0
    for options in readings:
        scores = [
            p.score
            for p in options
            if (p.case is None or p.case == case) and p.gender in (gender, None)
        ]
        if scores:
            fitted += 1
            total += max(scores)
    return fitted, total
