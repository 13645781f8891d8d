"""Pure readings of the text after a label: what a birth, a term, a rehabilitation says.

Each is a function of the line's text alone, so it is cached: the same lines ("Приговор: 10 лет
ИТЛ", "Реабилитирован в 1989 г.") recur note after note. Positions are relative to that text;
the line handlers turn them into spans of the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vigil.dates import PartialDate, from_edtf
from vigil.readers.memorial_clauses import decompose, embedded, sentence_end
from vigil.readers.memorial_fields import (
    DateHit,
    clause_kind,
    clean,
    clean_or_none,
    date_like,
    first_date,
    is_organ,
)
from vigil.thesaurus import categorize

LEAD = " \t.:,;-–—"  # separators between a label and its text
EXILE = re.compile(r"[Сс]сыл[кьо]|[Вв]ысыл|[Вв]ыслан|[Вв]ыслать|[Сс]ослан|ССЫЛК|ВЫСЫЛК|ВЫСЛАН")
DEPORT = re.compile(
    r"[Вв]ыселен|[Вв]ыселить|[Вв]ыселя|[Сс]пецпосел|[Сс]пецпересел|[Тт]рудпосел|[Дд]епорт|м\.с/п|"
    r"ВЫСЕЛЕН|СПЕЦПОСЕЛ|ДЕПОРТ"
)
_DESTINATION = re.compile(
    r"(?:м\.с/п\s*:\s*|\s*[-–:]\s*|\s+(?:в|во)\s+)(?=[А-ЯЁ«\"]|г\.|с\.|д\.|п\.|пос\.|ст\.)"
)
_WORD_REST = re.compile(r"[^\s,.:;]*")
_PLACE_STOP = re.compile(r"\s+(?:на|сроком)\s+(?:\d|[а-я]+\s+(?:год|лет))|\s+сроком\b|\s+до\s+\d")
_YEAR_ALT = re.compile(r"\s*[,/]?\s*(?:или\s+)?(\d{4})\s*(?:г\.?)?(?=\s*[,;]|\s*$)")
_EXPULSION = re.compile(r"(?:исключ[её]н\w*|искл\.?)(?:\s+из\s+(?:рядов\s+)?\S+)?", re.I)
_NO_REHAB = re.compile(
    r"сведени\w* о реабилитации (?:нет|отсутств)|не реабилитирован|отказано|в реабилитации отказ",
    re.I,
)
_REHAB_BASIS = re.compile(
    r"(?:^|\s)(?:за\s+отсутств|дело\s+прекращ|на\s+основани|по\s+Указу|по\s+указу|Указ|УКАЗ|указ|"
    r"по\s+Закону|Закон|закон|в\s+соответстви|согласно|по\s+ст\.|по\s+реабилитации|"
    r"за\s+недоказ|в\s+связи|[«\"])",
)
_BORN_THERE = re.compile(r"(?:[Рр]од\.|[Рр]одил\w*)\s+на\s+спецпосел")
_REPEATED = re.compile(r"^\s*реабилитирован[аы]?\b\.?", re.I)


@lru_cache(maxsize=1 << 14)
def read_birth(seg: str) -> tuple[PartialDate | None, str | None, str | None, bool]:
    """(date, place, nationality, whether a date was there but not read) of "в 1897 г., <place>"."""
    hit = first_date(seg)
    date = None
    if hit and seg[: hit[1]].strip(LEAD + "в") == "":
        date, after = hit[0], seg[hit[2] :]
        alt = _YEAR_ALT.match(after)  # "Родился 1923, 1922, <place>": either year
        if alt and len(date.edtf) == 4:
            lo, hi = sorted((int(date.edtf), int(alt[1])))
            date = from_edtf(f"{lo}/{hi}") if lo != hi else date
            after = after[alt.end() :]
    else:
        after = seg
    place = after.lstrip(LEAD)
    if place.startswith(("в ", "В ")):
        place = place[2:]
    unread = date is None and date_like(seg)
    if clause_kind(place) == "nationality":  # "Родился в 1867 г. русский;"
        return date, None, clean_or_none(place), unread
    return date, clean_or_none(place), None, unread


# (length of the clause, that length without its trailing spaces, date, deciding body, charge,
# category, detail, whether a date was there but not read). The text after the clause names the
# events it goes on to in passing ("Арестован 5.02.1938. Освобожден 1939").
ClauseReading = tuple[
    int, int, PartialDate | None, str | None, str | None, str | None, str | None, bool
]


@lru_cache(maxsize=1 << 14)
def read_arrest(text: str) -> ClauseReading:
    """The arrest told by the text after "Арестован": a body that names an organ ("Вольским РО
    НКВД") is the authority; anything else ("под стражей в тюрьме") is a detail."""
    main, _ = split_embedded(text)
    parts = decompose(main, with_term=False)
    authority = detail = None
    if parts.authority:
        if is_organ(parts.authority):
            authority = parts.authority
        else:
            detail = parts.authority
    return (
        len(main),
        len(main.rstrip()),
        parts.date[0] if parts.date else None,
        authority,
        parts.charge,
        categorize(parts.charge) if parts.charge else None,
        detail,
        parts.date is None and date_like(main),
    )


@lru_cache(maxsize=1 << 14)
def read_decision(text: str) -> ClauseReading | None:
    """The sentence told by the text after "Приговорен": "<body> <date>, обв.: <charge>", or
    "<date> тройкой по ст. 58-10 к ВМН"; the detail is the term. None when it names none."""
    main, _ = split_embedded(text)
    parts = decompose(main)
    if not (parts.date or parts.authority or parts.charge or parts.term):
        return None
    return (
        len(main),
        len(main.rstrip()),
        parts.date[0] if parts.date else None,
        parts.authority,  # what comes before the date is the deciding body
        parts.charge,
        categorize(" ".join(filter(None, (parts.charge, parts.term)))),
        parts.term,
        parts.date is None and date_like(main.split("обв", 1)[0]),
    )


@lru_cache(maxsize=1 << 14)
def read_term(text: str) -> tuple[str, str | None] | None:
    """(detail, category) of a "Приговор:" term, or None when the line is really a decision
    ("Приговор: 14 июня 1941 г.", "Приговор: Облсуд 4 июля 1941 г., обв.: ...")."""
    hit = first_date(text)
    if "обв." in text or (hit and text[: hit[1]].strip(LEAD) == "" and _decision_tail(text, hit)):
        return None
    return clean(text), categorize(text)


@lru_cache(maxsize=1 << 14)
def read_removal(text: str, exile_too: bool) -> tuple[str, str | None, PartialDate | None] | None:
    """(exile or deportation, destination, a date the text gives) when the text names one.
    Deportation wins when both are named: "Выслана, м.с/п: п.Веж" is a special settlement."""
    keyword = DEPORT.search(text) or (EXILE.search(text) if exile_too else None)
    if keyword is None or _BORN_THERE.search(text):
        return None  # "род. на спецпоселении": born into it, not sent there
    hit = first_date(text)
    kind = "deportation" if keyword.re is DEPORT else "exile"
    return kind, destination(text, keyword.re), hit[0] if hit else None


@lru_cache(maxsize=1 << 14)
def read_rehabilitation(
    text: str,
) -> tuple[PartialDate | None, str | None, str | None, int, int] | None:
    """(date, authority, detail, length of an unread date phrase or 0, length read) of the text
    after "Реабилитирован"; None when it says there was no rehabilitation."""
    low = text.lower()  # each phrase that denies it has one of these pieces
    if ("реабили" in low or "каз" in low) and _NO_REHAB.search(text):
        return None
    text_main, _ = split_embedded(text, skip="execution")
    basis = _REHAB_BASIS.search(text_main)
    main = text_main[: basis.start()] if basis else text_main
    hit = first_date(main) or (first_date(text_main) if not main.strip() else None)
    rest = clean_or_none(_REPEATED.sub(" ", without(main, hit)).lstrip(LEAD))
    authority = rest if rest and is_organ(rest) else None
    detail = None if authority else rest
    if basis:
        more = clean(text_main[basis.start() :])
        detail = f"{detail}; {more}" if detail else more
    unread = len(main) if hit is None and date_like(main) else 0
    return (hit[0] if hit else None), authority, detail, unread, len(text_main)


Expulsion = tuple[int, int, PartialDate | None, str | None, str | None, str | None]


@lru_cache(maxsize=4096)
def read_expulsions(text: str) -> tuple[Expulsion, ...]:
    """(start, end, date, category, authority, detail) of each expulsion a party-status clause
    names: "член ВКП(б) с 1918, исключен в 1935", "искл. из ВКП(б) в связи с арестом"."""
    if "искл" not in text.lower():
        return ()
    out = []
    for m in _EXPULSION.finditer(text):
        stop = sentence_end(text, m.end())
        comma = text.find(",", m.end(), stop)
        stop = comma if comma >= 0 else stop
        phrase = text[m.end() : stop]
        hit = first_date(phrase)
        tail = clean(phrase[hit[2] :] if hit else phrase)
        authority = tail if tail and is_organ(tail) else None
        detail = tail if tail and not authority else None
        date = hit[0] if hit else None
        out.append((m.start(), stop, date, categorize(text[m.start() :]), authority, detail))
    return tuple(out)


def without(text: str, hit: DateHit | None) -> str:
    """The text with its date phrase taken out."""
    return f"{text[: hit[1]]} {text[hit[2] :]}" if hit else text


def split_embedded(text: str, skip: str = "") -> tuple[str, str]:
    """The clause before the first event it names in passing, and the rest."""
    for kind, s, _, _ in embedded(text):
        if kind != skip and s > 0:
            return text[:s], text[s:]
    return text, ""


def destination(text: str, keyword_re: re.Pattern[str]) -> str | None:
    """Where the term sends the person: "ссылки в Казахстан", "м.с/п: п.Веж", "- Омская обл."."""
    for keyword in keyword_re.finditer(text):
        word = _WORD_REST.match(text, keyword.end())
        m = _DESTINATION.match(text, word.end() if word else keyword.end())
        if m is None:
            continue
        place = text[m.end() : sentence_end(text, m.end())]
        place = _PLACE_STOP.split(place, 1)[0]
        hit = first_date(place)
        return clean_or_none(place[: hit[1]] if hit else place)
    return None


def segments(text: str, sep: str) -> list[tuple[int, str]]:
    """The parts of `text` between separators, each with its offset."""
    out, pos = [], 0
    for part in text.split(sep):
        out.append((pos, part))
        pos += len(part) + len(sep)
    return out


def _decision_tail(text: str, hit: DateHit) -> bool:
    tail = text[hit[2] :].strip(LEAD)
    return not tail or is_organ(tail) or tail.lower().startswith("обв")
