"""Russian names in the oblique cases that orders and case files put them in, via pymorphy3.

"Исключить Иванова Ивана Ивановича", "дело по обвинению Ивановой Марии", "справка выдана
Иванову", "надзор за Ивановым": lists copied from such documents keep the case. pymorphy3 gives
the forms (its Surn/Name/Patr lexemes, or the adjective for -ский/-ая); where it knows no
person's lexeme for the word (Latvian -с, feminine -а surnames it reads as places) a few
declension rules stand in, and feminine surnames on a consonant or -о/-е/-и stay as they are.
Forms are cached per word, so a long run pays for each distinct name once.
"""

from __future__ import annotations

from typing import Any

CASES = ("gent", "datv", "accs", "ablt")
_SOFT_ABLT = frozenset("жшчщц")  # after these an unstressed -ом/-ой is written -ем/-ей
_VELAR_HUSH = frozenset("кгхжшчщ")  # after these Russian writes -и, not -ы
_POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")
_ADJECTIVAL = ("ий", "ый", "ой", "ая", "яя")
_KIND_TAG = {"surname": "Surn", "given": "Name", "patronymic": "Patr"}


class Inflector:
    """Oblique forms of name parts; `stats` counts which route gave each distinct form."""

    def __init__(self) -> None:
        import pymorphy3  # imported here: only the benchmark generator needs it

        self._morph: Any = pymorphy3.MorphAnalyzer()
        self._cache: dict[tuple[str, str, str], tuple[str, str, str, str]] = {}
        self.stats = {"pymorphy3": 0, "fixed": 0, "rules": 0}

    def inflect(self, word: str, kind: str, sex: str, case: str) -> str:
        """`word` (a surname, given name or patronymic, nominative) in `case` (see CASES)."""
        forms = self._cache.get((word, kind, sex))
        if forms is None:
            forms = self._cache[(word, kind, sex)] = self._forms(word, kind, sex)
        return forms[CASES.index(case)]

    def _forms(self, word: str, kind: str, sex: str) -> tuple[str, str, str, str]:
        parse = self._lexeme(word, kind, sex)
        if parse is not None and "Fixd" in parse.tag:
            self.stats["fixed"] += 1
            return (word, word, word, word)
        if parse is not None:
            got = [parse.inflect({c}) for c in CASES]
            if all(got):
                gent, datv, accs, ablt = (_like(word, p.word) for p in got)
                if sex == "m" and parse.tag.POS == "ADJF":
                    accs = gent  # a person is animate: Котовского, not Котовский
                self.stats["pymorphy3"] += 1
                return (gent, datv, accs, ablt)
        self.stats["rules"] += 1
        return _by_rule(word, kind, sex)

    def _lexeme(self, word: str, kind: str, sex: str) -> Any:
        """pymorphy3's reading of `word` as this kind of name part, in the nominative."""
        gender = "masc" if sex == "m" else "femn"
        tag = _KIND_TAG[kind]
        adjective = None
        for p in self._morph.parse(word):
            t = p.tag
            if t.case != "nomn" or t.number != "sing":
                continue
            if tag in t and ("ms-f" in t or t.gender == gender):
                return p
            if (
                adjective is None
                and kind == "surname"
                and t.POS == "ADJF"
                and t.gender == gender
                and word.endswith(_ADJECTIVAL)
            ):
                adjective = p  # -ский/-ская, -ой/-ая surnames decline as adjectives
        return adjective


def _like(original: str, form: str) -> str:
    """`form` with the capital of `original`, and no ё the nominative does not have
    (pymorphy3's lexeme may be spelt with ё: Кожевин, not Кожёвиной)."""
    if "ё" not in original:
        form = form.replace("ё", "е")
    return original[:1] + form[1:] if form[:1] == original[:1].lower() else form.capitalize()


def _by_rule(word: str, kind: str, sex: str) -> tuple[str, str, str, str]:
    """Declension by the ending, for names pymorphy3 has no person's lexeme for (it reads
    "Иваников" as the plural of a noun): the possessive surnames -ов/-ин decline as Иванов."""
    if kind == "surname" and sex == "m" and word.endswith(_POSSESSIVE):
        return (word + "а", word + "у", word + "а", word + "ым")
    if kind == "surname" and sex == "f" and word[:-1].endswith(_POSSESSIVE) and word[-1] == "а":
        stem = word[:-1]
        return (stem + "ой", stem + "ой", stem + "у", stem + "ой")
    if word.endswith("ия"):
        stem = word[:-1]
        return (stem + "и", stem + "и", stem + "ю", stem + "ей")
    if word.endswith("я"):
        stem = word[:-1]
        return (stem + "и", stem + "е", stem + "ю", stem + "ей")
    if word.endswith("а"):
        stem = word[:-1]
        gent = stem + ("и" if stem[-1:] in _VELAR_HUSH else "ы")
        return (gent, stem + "е", stem + "у", stem + ("ей" if stem[-1:] in _SOFT_ABLT else "ой"))
    if sex == "f" or word[-1:] in "оеиуыюэ":
        return (word, word, word, word)  # a woman's surname on a consonant does not decline
    if word[-1:] in "йь":
        stem = word[:-1]
        return (stem + "я", stem + "ю", stem + "я", stem + "ем")
    ablt = word + ("ем" if word[-1:] in _SOFT_ABLT else "ом")
    return (word + "а", word + "у", word + "а", ablt)
