"""The default thesaurus: event types, persecutors' categories and authorities.

Categories are the labels the persecutors used ("Trotskyist", "White Guard", ...). They are
recorded because the sources use them, never to classify living people. New types and
categories are added here as data, with the stems that recognise them in Russian and
English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


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

# Children come before their parents, and of two children the one listed first wins a tie.
_KR = "counter-revolutionary"
CATEGORIES: tuple[Term, ...] = (
    Term("trotskyist", "category", "троцкист", "Trotskyist", _KR,
         (r"троцкист", r"троцкизм", r"\bКРТД?\b", r"trotsky(?:ist|ite)")),
    Term("zinovievist", "category", "зиновьевец", "Zinovievist", _KR, (r"зиновьев", r"zinovie?v")),
    Term("white-guard", "category", "белогвардеец", "White Guard", _KR,
         (r"белогвард", r"бел\w* офицер", r"белоказак", r"white[- ]guard")),
    Term("spy", "category", "шпион", "spy", _KR,
         (r"шпион", r"\b58\s*[-–.]\s*6\b", r"espionage", r"\bspy\b")),
    Term("terrorist", "category", "террорист", "terrorist", _KR,
         (r"террор", r"\b58\s*[-–.]\s*8\b", r"terror")),
    Term("wrecker", "category", "вредитель", "wrecker", _KR,
         (r"вредител", r"\b58\s*[-–.]\s*7\b", r"wreck(?:er|ing)", r"sabotage")),
    Term("anti-soviet-agitation", "category", "антисоветская агитация", "anti-Soviet agitation",
         _KR,
         (r"\b58\s*[-–.]\s*(?:\d+\s*[-–,]\s*)*10\b", r"\b58\s*п\.?\s*10\b",
          r"антисоветск\w* агитац", r"\bАСА\b", r"\bа/с\.?\s*агитац", r"\bас агитац",
          r"контрреволюционн\w* агитац", r"\bк\.?\s?[-/]?\s?р\.?\s*агитац", r"\bКРА\b",
          r"anti-soviet agitation")),
    Term("family-member", "category", "член семьи изменника Родины",
         "family member of a traitor to the Motherland", None,
         (r"\bЧСИР\b", r"член\w* семьи изменник", r"family member of a traitor")),
    Term("traitor", "category", "изменник Родины", "traitor to the Motherland", _KR,
         (r"(?<!семьи )изменник\w* Родин", r"измен\w* Родине",
          r"\b58\s*[-–.]\s*1\s*[«\"]?\s*[абв]\b")),
    Term(_KR, "category", "контрреволюционер", "counter-revolutionary", None,
         (r"(?<![^\W\d_])к\s?(?:\.\s?-?|-|/)\s?р(?![^\W\d_])", r"контрреволюц", r"контррев\.",
          r"\bКР[АОД]\b", r"\bст\.?\s*(?:ст\.\s*)?58\b", r"(?<![\d.])58\s*[-–]\s*\d",
          r"counter-?revolution", r"\bart(?:icle|\.)?\s*58\b")),
    Term("passive-element", "category", "пассивный элемент", "passive element", None,
         (r"пассивн\w* элемент", r"passive element")),
    Term("kulak", "category", "кулак", "kulak", None, (r"кулак", r"раскулач", r"kulak")),
    Term("socially-dangerous", "category", "социально опасный элемент",
         "socially dangerous element", None, (r"социально[- ]опасн", r"\bСОЭ\b")),
    Term("socially-harmful", "category", "социально вредный элемент", "socially harmful element",
         None, (r"социально[- ]вредн", r"\bСВЭ\b")),
    Term("national-grounds", "category", "по национальному признаку", "on national grounds",
         None, (r"нац\w*\.?\s*призн",)),
    Term("disenfranchised", "category", "лишенец", "disenfranchised", None,
         (r"лишен\w* избират", r"лишенец", r"лишенк")),
    Term("osadnik", "category", "осадник", "military settler (osadnik)", None, (r"осадник",)),
    Term("refugee", "category", "беженец", "refugee", None, (r"беженц", r"беженец", r"беженк")),
)  # fmt: skip

# The deciding and arresting bodies, as the sources name them (labels, not patterns: the
# readers keep the body as written and these terms name its kind).
AUTHORITIES: tuple[Term, ...] = (
    Term("authority.troika", "authority", "тройка", "troika"),
    Term("authority.dvoika", "authority", "двойка (Комиссия НКВД и Прокурора СССР)",
         "dvoika (NKVD and Procurator commission)"),
    Term("authority.oso", "authority", "Особое совещание", "Special Board (OSO)"),
    Term("authority.ogpu-collegium", "authority", "Коллегия ОГПУ", "OGPU Collegium"),
    Term("authority.vkvs", "authority", "Военная коллегия Верховного суда СССР",
         "Military Collegium of the USSR Supreme Court"),
    Term("authority.tribunal", "authority", "военный трибунал", "military tribunal"),
    Term("authority.court", "authority", "суд", "court"),
    Term("authority.cheka", "authority", "ЧК", "Cheka"),
    Term("authority.nkvd", "authority", "НКВД", "NKVD"),
    Term("authority.ogpu", "authority", "ОГПУ", "OGPU"),
    Term("authority.mgb", "authority", "МГБ", "MGB"),
    Term("authority.executive", "authority", "исполком, сельсовет",
         "executive committee, village soviet"),
    Term("authority.procuracy", "authority", "прокуратура", "procuracy"),
)  # fmt: skip

TERMS: tuple[Term, ...] = EVENT_TYPES + CATEGORIES + AUTHORITIES


def _required_literal(pattern: str) -> str | None:
    """A run of letters or digits that every match of `pattern` contains (lower case), or None.

    Read off the pattern's top level only, outside groups, classes and quantified characters,
    so that categorize() can skip a pattern with a plain substring test: a text names no
    category far more often than it names one, and testing every pattern is slow.
    """
    runs: list[str] = []
    run, depth, i = "", 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            runs.append(run)
            run, i = "", i + 2
            continue
        if c == "[":  # a class: skip to its end
            runs.append(run)
            run = ""
            i = pattern.index("]", i + 2 if pattern[i + 1 : i + 2] == "]" else i + 1) + 1
            continue
        if c == "|" and depth == 0:
            return None  # alternatives at the top: nothing is required
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if depth == 0 and c.isalnum() and c != ")":
            run += c
        else:
            if c in "?*{" and run:
                run = run[:-1]  # the last character may be absent
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    best = max(runs, key=lambda r: (len(r), any(ch.isdigit() for ch in r)), default="")
    return best.lower() if len(best) >= 2 else None


_CATEGORY_RES = [
    (t.code, re.compile(p, re.I), _required_literal(p)) for t in CATEGORIES for p in t.patterns
]
_PARENT = {t.code: t.parent for t in CATEGORIES}


@lru_cache(maxsize=8192)  # charges repeat list after list: "по ст. 58-10 УК РСФСР"
def categorize(text: str) -> str | None:
    """The most specific category the text names, or None. A parent ("counter-revolutionary")
    gives way to any of its children the text also names; of the rest, the one named first in
    the text wins ("58-10, троцкист" is agitation), then the one listed first here."""
    low = text.lower()
    hits: dict[str, int] = {}
    for code, rx, literal in _CATEGORY_RES:
        if literal is not None and literal not in low:
            continue
        m = rx.search(text)
        if m is not None and m.start() < hits.get(code, len(text) + 1):
            hits[code] = m.start()
    if not hits:
        return None
    parents = {_PARENT[c] for c in hits}
    specific = [c for c in hits if c not in parents] or list(hits)
    return min(specific, key=lambda c: hits[c])
