"""Given-name equivalence classes: Лев, Лёва, Leo, Léon and Löw are one name to linkage.

The table (data/given_names.tsv) is the project's own, one class a line. Forms are looked up by
their skeletons, so a spelling not listed but read alike (Ljova for Lyova) still finds its class;
`similarity` looks a Cyrillic word up only as spelled (`rendering_class`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Literal

from vigil.names.keys import skeleton
from vigil.names.text import clean_word, script_of

Sex = Literal["m", "f"]


class GivenNames:
    """The loaded table: class of each skeleton, and the forms of each class."""

    def __init__(self, text: str) -> None:
        self.classes: dict[str, tuple[str, ...]] = {}
        self.by_skeleton: dict[str, str] = {}
        self.by_cyrillic: dict[str, str] = {}  # each Cyrillic form as spelled (ё as е)
        # (skeleton, first class, other class): a form that two classes claim; the first keeps it.
        self.conflicts: list[tuple[str, str, str]] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            class_id, tab, rest = line.partition("\t")
            if not tab or not class_id or class_id in self.classes:
                raise ValueError(f"given_names.tsv line {number}: bad or repeated class {line!r}")
            forms = tuple(rest.split())
            self.classes[class_id] = forms
            for form in forms:
                key = skeleton(form)
                owner = self.by_skeleton.setdefault(key, class_id)
                if owner != class_id:
                    self.conflicts.append((key, owner, class_id))
                if script_of(form) == "cyrl":
                    self.by_cyrillic.setdefault(_spelled(form), class_id)

    def lookup(self, word: str) -> str | None:
        return self.by_skeleton.get(skeleton(word))

    def lookup_spelled(self, word: str) -> str | None:
        """A Cyrillic word's class by its spelling, a Latin word's by its skeleton."""
        if script_of(word) == "cyrl":
            return self.by_cyrillic.get(_spelled(word))
        return self.lookup(word)


def _spelled(word: str) -> str:
    return clean_word(word).replace("ё", "е")


@lru_cache(maxsize=1)
def table() -> GivenNames:
    """The shipped table, loaded once."""
    text = files("vigil.names").joinpath("data/given_names.tsv").read_text(encoding="utf-8")
    return GivenNames(text)


@lru_cache(maxsize=65536)
def given_key(word: str) -> str:
    """The class id of a given name in any script and spelling ("Лёва", "Ljova" -> "lev"), or
    its skeleton when the table does not know it, so that unknown names still compare."""
    return table().lookup(word) or skeleton(word)


@lru_cache(maxsize=65536)
def rendering_class(word: str) -> str | None:
    """The class of a word when it is one of the table's names, for `similarity`.

    A Latin word is looked up by its skeleton, because the table lists one spelling per sound;
    a Cyrillic word only as spelled, because the table spells every Cyrillic form out and a word
    that merely reads like one of them (Томиё like Tommy) is another name.
    """
    return table().lookup_spelled(word)


@lru_cache(maxsize=65536)
def known_given(word: str) -> bool:
    """Whether the table knows the word as a given name (parse_name uses it to order parts)."""
    return table().lookup(word) is not None


@lru_cache(maxsize=65536)
def given_sex(word: str) -> Sex | None:
    """The sex a given name shows, when it shows one: from the morphology of its Cyrillic form,
    or, for a Latin form, from the Cyrillic forms of its class that read the same."""
    from vigil.names.morph import name_gender

    if script_of(word) == "cyrl":
        return name_gender(word)
    class_id = table().lookup(word)
    if class_id is None:
        return None
    key = skeleton(word)
    sexes = {
        name_gender(form)
        for form in table().classes[class_id]
        if script_of(form) == "cyrl" and skeleton(form) == key
    }
    sexes.discard(None)
    return sexes.pop() if len(sexes) == 1 else None
