"""How one clause of a note divides: deciding body, date, charge and term; events named inside.

"Приговорен: тройка при УНКВД 20 мая 1938 г., обв.: 58-10" and "Осужден 11.09.1937 тройкой по
ст. 58-6 УК РСФСР к ВМН" carry the same four parts in a different order; `decompose` finds them
in either. `embedded` finds the releases, deaths and executions a sentence line mentions in
passing ("Приговор: 8 лет ИТЛ. Освобождена 21.11.1945").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vigil.readers.memorial_fields import DateHit, clean_or_none, first_date, words

# Patterns in this module spell out the capital of their first letter instead of using re.I:
# a pattern that starts with a plain character class is many times faster to search for.
_CHARGE = re.compile(
    r"[Пп]редъявлен\w*\s+обвинени\w*|[Оо]бв(?:\.?\s*:|[а-яё]*\.?)|[Пп]о\s+(?:обвин[а-яё]*\.?|ст\.|стать)|"
    r"[Сс]т\.\s*(?:ст\.\s*)?\d|[Зз]а\s+(?!отсутств)"
)
_TERM = re.compile(
    r"\s(?:к|на)\s+(?=\d|ВМН|ВМСЗ|высш|расстр|ссылк|высылк|заключ|лишени|исправ|принуд|услов|"
    r"ИТЛ|ссылк|[а-яё]+(?:и|ум|ем|ех|ми|ью)\s+(?:год|лет))",
    re.I,
)
_VERB = re.compile(
    r"(?:[Аа]рестов|[Оо]сужд[её]н|[Пп]риговор[её]н|[Рр]асстрелян|(?P<set>[Нн]азначен))[а-яё]*\.?"
)


@dataclass(slots=True)
class Parts:
    """A clause divided; positions are relative to the clause text."""

    date: DateHit | None
    authority: str | None
    charge: str | None
    term: str | None


def decompose(text: str, with_term: bool = True) -> Parts:
    """Split a decision or arrest clause into deciding body, date, charge and term. Pure, and
    not cached here: its callers (read_arrest, read_decision) cache whole readings."""
    cuts: list[tuple[int, str, int]] = []
    label_at = text.find("обв.:")  # the line format's own label, found without a regex
    charge = (
        _CHARGE.match(text, label_at)
        if label_at >= 0
        else next((m for m in _CHARGE.finditer(text) if _word_start(text, m.start())), None)
    )
    if charge is not None and charge.group().endswith(":"):  # "обв.:", not "обвинен"
        return _labelled(text[: charge.start()], text[charge.end() :])
    date = first_date(text)
    if date is not None:
        cuts.append((date[1], "authority", date[2]))
    if charge is not None and not (date and date[1] <= charge.start() < date[2]):
        cuts.append((charge.start(), "charge", charge.start()))
    if with_term:
        after = charge.start() if charge else (date[2] if date else 0)
        term = _TERM.search(text, after)
        if term is not None:
            cuts.append((term.start(), "term", term.end()))
    # (against the date, charge and term only: verbs never overlap each other, and a long
    # clause of verbs would otherwise be compared with every verb before it)
    fixed = tuple(cuts)
    for m in _VERB.finditer(text):
        if _word_start(text, m.start()) and not any(s <= m.start() < e for s, _, e in fixed):
            cuts.append(
                (m.start(), "term" if m["set"] else "authority", m.end())
            )  # "назначена ВМН"
    cuts.sort()
    pieces: dict[str, list[str]] = {"authority": [], "charge": [], "term": []}
    kind, pos = "authority", 0
    for start, next_kind, content in cuts:
        if start < pos:
            continue  # a marker inside another part's words
        pieces[kind].append(text[pos:start])
        kind, pos = next_kind, content
    pieces[kind].append(text[pos:])
    return Parts(
        date,
        clean_or_none(" ".join(p.strip(" ,;") for p in pieces["authority"])),
        clean_or_none(" ".join(pieces["charge"])),
        clean_or_none(" ".join(pieces["term"])),
    )


def _labelled(head: str, charge: str) -> Parts:
    """The line format's "<body> <date>, обв.: <charge>": the date only from before the label."""
    date = first_date(head)
    if date is not None:
        head = f"{head[: date[1]].strip(' ,;')} {head[date[2] :].strip(' ,;')}"
    return Parts(date, clean_or_none(head.strip(" ,;")), clean_or_none(charge), None)


_EMBEDDED = re.compile(
    r"(?P<release>[Оо]свобожд[её]н[аоы]?(?![а-яё])|[Оо]св\.|[Оо]свободил[аи]?(?![а-яё]))|"
    r"(?P<death>[Уу]мер(?:ла)?(?![а-яё])|[Сс]кончал(?:ся|ась)|[Пп]огиб(?:ла)?(?![а-яё]))|"
    r"(?P<execution>[Рр]асстрелян[аы]?(?![а-яё]))"
)
# The end of a sentence inside a line: a full stop before a capital, unless after an abbreviation
# that precedes a name ("г. Томск").
_SENTENCE_END = re.compile(
    r"(?<=[^\W\d_]{2})\.\s+(?=[А-ЯЁA-Z«\"\d*])|(?<=[\d\"»)])\.\s+(?=[А-ЯЁA-Z«\"\d*])|;"
)
_TOKEN_SPLIT = re.compile(r"[.\s]")
_NO_SPLIT = words(
    "гор пос сел дер ул пер им урож род ст хут пгт св тов ок бывш нп кв пр осв реаб арест прож "
    "расстр приб ум гг чл канд пост обв поч заим"
)


def sentence_end(text: str, pos: int, semicolon: bool = True, end: int | None = None) -> int:
    """Where the sentence that runs on from `pos` ends (exclusive); `end` bounds the search."""
    stop = len(text) if end is None else end
    for m in _SENTENCE_END.finditer(text, pos, stop):
        if m.group() == ";":
            if semicolon:
                return m.start()
            continue
        word = text[max(pos, m.start() - 6) : m.start()].split()[-1:] or [""]
        token = _TOKEN_SPLIT.split(word[0])[-1].lower().lstrip('"«(')
        if token in _NO_SPLIT:
            continue
        return m.start() + 1
    return stop


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a prose note between `start` and `end`, trimmed, as absolute spans."""
    out = []
    pos = start
    while pos < end:
        stop = sentence_end(text, pos, semicolon=False, end=end)
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = stop
    return out


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalpha()


def embedded(text: str) -> tuple[tuple[str, int, int, int], ...]:
    """(event type, start, keyword end, end) for releases, deaths, executions inside a clause."""
    # Most clauses name none. Every keyword holds one of these pieces: looking for them is many
    # times faster than a search with the pattern, which has no literal to start from.
    if "св" in text or "мер" in text or "кончал" in text or "огиб" in text or "асстрел" in text:
        return _embedded(text) if _EMBEDDED.search(text) else ()
    return ()


@lru_cache(maxsize=1 << 14)
def _embedded(text: str) -> tuple[tuple[str, int, int, int], ...]:
    out: list[tuple[str, int, int, int]] = []
    for m in _EMBEDDED.finditer(text):
        if not _word_start(text, m.start()):
            continue
        kind = m.lastgroup or ""
        if text[max(0, m.start() - 3) : m.start()].lower().strip() == "не":
            continue  # "не расстрелян", "не освобожден"
        out.append((kind, m.start(), m.end(), sentence_end(text, m.end())))
    return tuple(out)


_PLACE_START = re.compile(
    r"(?:в|во)\s+(?=[А-ЯЁ]|г\.|гор\.|с\.|д\.|пос\.|п\.|ст\.|ИТЛ|лаг|тюрьм|больниц|район|обл)"
)


def place_after(text: str) -> str | None:
    """A place named right after a date ("в Охе Сах.обл.", ", 43 км от Александровска")."""
    s = text.lstrip(" ,.-–").rstrip()
    if not s:
        return None
    m = _PLACE_START.match(s)
    if m:
        return clean_or_none(s[m.end() :])
    if s[0].isupper() or s[0].isdigit():
        return clean_or_none(s)
    return None
