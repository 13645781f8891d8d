"""The offline search's index: every spelling of each published person, in shards by letter.

The server parses a query and matches it on the name keys; a browser cannot run pymorphy3 or
the romanisation schemes, so the work is done here instead. For each published person this
lists, normalised as the browser normalises a query (`normalise`, mirrored by search.js):

- surnames: as each record writes them, the Cyrillic lemma and its oblique cases (Троцкого,
  Троцкому, …), the lemma in every romanisation scheme of `vigil.names.romanize` (Trotsky,
  Trotzki, Trockij, Trotski, Trocki, …), the name variants the records give, and the skeleton
  key that Latin spellings share with the Cyrillic one (trocki);
- given names and patronymics the same way, with the forms of the given name's class (Лев,
  Leo, Léon, Lyova) so that a second word of the query can narrow the match;
- the surname's phonetic key, for names that sound alike.

Entries are filed under the first letter of each surname spelling (`search/0442.js` holds
those starting with т), so a query loads one or two small files by `<script>` tags, which
works from disk where fetch() does not. The letter tables that turn a Cyrillic query into a
skeleton and a phonetic key are exported from `vigil.names` (`tables_js`), never retyped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from vigil.names import phonetic, romanizations, skeleton
from vigil.names.given import table as given_table
from vigil.names.text import script_of

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_MARKS = re.compile("([a-z])[\u0300-\u036f]+")
_CASES = ("gent", "datv", "accs", "ablt", "loct")
_ROLE_TAGS = {"surname": "Surn", "given": "Name", "patronymic": "Patr"}


_LETTERS = frozenset(("Lu", "Ll", "Lt", "Lo"))  # not Lm: the primes romanisations write for ь


def normalise(text: str) -> str:
    """Lower case, Latin letters without diacritics, ё as е, letters only (search.js: norm)."""
    s = text.lower()
    if s.isascii():
        return "".join(filter(str.isalpha, s))
    s = unicodedata.normalize("NFD", s)
    s = unicodedata.normalize("NFC", _MARKS.sub(r"\1", s)).replace("ё", "е")
    return "".join(ch for ch in s if unicodedata.category(ch) in _LETTERS)


@lru_cache(maxsize=65536)
def oblique(word: str, role: str) -> tuple[str, ...]:
    """The singular oblique cases of a Cyrillic name in the nominative, as pymorphy3 declines
    it in its role (Троцкий: троцкого, троцкому, троцким, троцком)."""
    from vigil.names.morph import analyzer

    tag = _ROLE_TAGS[role]
    out: dict[str, None] = {}
    for p in analyzer().parse(word.lower()):
        grammemes = p.tag.grammemes
        if tag not in grammemes or p.tag.case != "nomn" or "plur" in grammemes:
            continue
        gender = p.tag.gender
        for form in p.lexeme:  # one lexeme, not one inflection a case: five times quicker
            t = form.tag
            if t.case in _CASES and t.number == "sing" and t.gender == gender:
                out[form.word] = None
    return tuple(out)


@lru_cache(maxsize=65536)
def spellings(word: str, role: str) -> tuple[str, ...]:
    """A name word's normalised spellings: as written, its oblique cases and romanisations
    when Cyrillic in the nominative (a lemma), and its skeleton."""
    out = {normalise(word): None}
    for part in word.replace("-", " ").split():
        if script_of(part) == "cyrl":
            out.update(dict.fromkeys(normalise(w) for w in oblique(part, role)))
            out.update(dict.fromkeys(normalise(w) for w in romanizations(part.title()).values()))
        out[skeleton(part)] = None
    out.pop("", None)
    return tuple(out)


@lru_cache(maxsize=65536)
def written(word: str) -> tuple[str, ...]:
    """A surname as a record writes it, when its lemma is spelled out separately: itself (an
    oblique case or a typo, as found) and its skeleton."""
    return tuple(dict.fromkeys(x for x in (normalise(word), skeleton(word)) if x))


@lru_cache(maxsize=16384)
def _given_class(key: str) -> tuple[str, ...]:
    forms = given_table().classes.get(key, ())
    return tuple(dict.fromkeys(normalise(f) for f in forms))


@dataclass(frozen=True, slots=True)
class Entry:
    """One person in the index: the page, what to show, and what a query may match."""

    url: str  # from the language's root: persons/12.html
    name: str
    birth: str
    surnames: tuple[str, ...]
    given: tuple[str, ...]
    phonetic: tuple[str, ...]

    def row(self) -> list[Any]:
        return [self.url, self.name, self.birth, self.surnames, self.given, self.phonetic]


def entry(
    url: str, name: str, records: Iterable[dict[str, Any]], keys: dict[int, dict[str, Any]]
) -> Entry:
    """The entry of a person (or a lone record) from their records and stored name keys."""
    surnames: dict[str, None] = {}
    given: dict[str, None] = {}
    phon: dict[str, None] = {}
    births: dict[str, None] = {}
    for rec in records:
        if rec.get("birth"):
            births[rec["birth"]] = None
        k = keys.get(rec["id"])
        if rec.get("surname"):
            lemma = k["surname_lemma"] if k else None
            found = written(rec["surname"]) if lemma else spellings(rec["surname"], "surname")
            surnames.update(dict.fromkeys(found))
        for variant in rec.get("variants") or ():
            if isinstance(variant, str) and normalise(variant):
                surnames.update(dict.fromkeys(spellings(variant, "surname")))
        for role in ("given", "patronymic"):
            if rec.get(role):
                given.update(dict.fromkeys(spellings(rec[role], role)))
        if k is None:
            continue
        if k["surname_lemma"]:
            surnames.update(dict.fromkeys(spellings(k["surname_lemma"], "surname")))
        if k["surname_key"]:
            surnames[k["surname_key"]] = None
        if k["surname_phonetic"]:
            phon[k["surname_phonetic"]] = None
        if k["given_key"]:
            given[k["given_key"]] = None
            given.update(dict.fromkeys(_given_class(k["given_key"])))
    return Entry(url, name, ", ".join(births), tuple(surnames), tuple(given), tuple(phon))


def shard_of(letter: str) -> str:
    return f"{ord(letter):04x}"


def write_shards(entries: Iterable[Entry], folder: Path) -> list[str]:
    """One script per first letter of a surname spelling; returns the shards written."""
    shards: dict[str, list[list[Any]]] = defaultdict(list)
    for e in entries:
        for letter in dict.fromkeys(s[0] for s in e.surnames):
            shards[shard_of(letter)].append(e.row())
    folder.mkdir(parents=True, exist_ok=True)
    for code, rows in shards.items():
        body = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        text = f'VigilSearch.shard("{code}",{body});\n'
        (folder / f"{code}.js").write_text(text, encoding="utf-8")
    return sorted(shards)


def tables() -> dict[str, Any]:
    """What search.js needs of `vigil.names`, computed by its own functions letter by letter:
    the skeleton of each Russian letter, and its phonetic key first in a word and after one."""
    return {
        "skeleton": {c: skeleton(c) for c in RUSSIAN},
        "phoneticHead": {c: phonetic(c) for c in RUSSIAN},
        "phoneticTail": {c: phonetic("а" + c)[1:] for c in RUSSIAN},
    }


def write_tables(folder: Path, shards: list[str]) -> None:
    data = {**tables(), "shards": shards}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / "tables.js").write_text(f"VigilSearch.tables({body});\n", encoding="utf-8")
