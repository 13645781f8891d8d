"""The default thesaurus: event types, persecutors' categories and authorities.

Categories are the labels the persecutors used ("Trotskyist", "White Guard", ...). They are
recorded because the sources use them, never to classify living people. New types and
categories are added here as data, with the stems that recognise them in Russian text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    kind: str  # "event-type" | "category" | "authority"
    label_ru: str
    label_en: str
    parent: str | None = None
    patterns: tuple[str, ...] = ()


EVENT_TYPES: tuple[Term, ...] = (
    Term("party.expulsion", "event-type", "исключение из партии", "party expulsion"),
    Term("work.dismissal", "event-type", "увольнение с работы", "dismissal from work"),
    Term("arrest", "event-type", "арест", "arrest"),
    Term("sentence", "event-type", "приговор", "sentence"),
    Term("exile", "event-type", "ссылка", "exile"),
    Term("deportation", "event-type", "выселение, депортация", "deportation"),
    Term("execution", "event-type", "расстрел", "execution"),
    Term("death", "event-type", "смерть", "death"),
    Term("release", "event-type", "освобождение", "release"),
    Term("rehabilitation", "event-type", "реабилитация", "rehabilitation"),
)

CATEGORIES: tuple[Term, ...] = (
    Term("counter-revolutionary", "category", "контрреволюционер", "counter-revolutionary",
         None, (r"к\.?\s*-?\s*р\.?(?=\W|$)", r"контрреволюц", r"кр[ао]\b", r"\bКРА\b")),
    Term("trotskyist", "category", "троцкист", "Trotskyist", "counter-revolutionary",
         (r"троцкист", r"троцкизм")),
    Term("zinovievist", "category", "зиновьевец", "Zinovievist", "counter-revolutionary",
         (r"зиновьев",)),
    Term("white-guard", "category", "белогвардеец", "White Guard", "counter-revolutionary",
         (r"белогвард",)),
    Term("anti-soviet-agitation", "category", "антисоветская агитация", "anti-Soviet agitation",
         "counter-revolutionary", (r"58-10", r"антисоветск\w* агитац", r"\bАСА\b")),
    Term("passive-element", "category", "пассивный элемент", "passive element", None,
         (r"пассивн\w* элемент",)),
    Term("kulak", "category", "кулак", "kulak", None, (r"кулак", r"раскулач")),
    Term("family-member", "category", "член семьи изменника Родины", "family member of a traitor",
         None, (r"\bЧСИР\b", r"член\w* семьи изменника")),
    Term("socially-dangerous", "category", "социально опасный элемент", "socially dangerous element",
         None, (r"социально[- ]опасн",)),
)

TERMS: tuple[Term, ...] = EVENT_TYPES + CATEGORIES

_CATEGORY_RES = [(t.code, re.compile("|".join(t.patterns), re.I)) for t in CATEGORIES if t.patterns]


def categorize(text: str) -> str | None:
    """The most specific category the text names, or None: children are tried before parents."""
    hits = [code for code, rx in _CATEGORY_RES if rx.search(text)]
    if not hits:
        return None
    parents = {t.parent for t in CATEGORIES if t.code in hits}
    specific = [c for c in hits if c not in parents]
    return specific[0] if specific else hits[0]
