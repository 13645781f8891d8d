"""The labelled lines of a Book-of-Memory note, each turned into record fields and events.

One handler per label ("Родился", "Проживал", "Арестован", "Приговорен", "Приговор",
"Расстрелян", "Место захоронения", "Реабилитирован"), chosen by the line's first word so that
a note costs a dictionary look-up per line. Handlers take absolute offsets into the source body,
so every event's span cites the verbatim text. What a handler cannot read becomes a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from vigil.dates import PartialDate, from_edtf
from vigil.model import Event, Name, Record, Span
from vigil.readers.memorial_clauses import decompose, embedded, place_after, sentence_end
from vigil.readers.memorial_fields import (
    NAME,
    clause_kind,
    clean,
    clean_or_none,
    date_like,
    dates_in,
    first_date,
    has_digits,
    is_organ,
    one_word,
    words,
)
from vigil.thesaurus import categorize

_EXILE = re.compile(r"[Сс]сыл[кьо]|[Вв]ысыл|[Вв]ыслан|[Вв]ыслать|[Сс]ослан|ССЫЛК|ВЫСЫЛК|ВЫСЛАН")
_DEPORT = re.compile(
    r"[Вв]ыселен|[Вв]ыселить|[Вв]ыселя|[Сс]пецпосел|[Сс]пецпересел|[Тт]рудпосел|[Дд]епорт|м\.с/п|"
    r"ВЫСЕЛЕН|СПЕЦПОСЕЛ|ДЕПОРТ"
)
_DESTINATION = re.compile(
    r"(?:м\.с/п\s*:\s*|\s*[-–:]\s*|\s+(?:в|во)\s+)(?=[А-ЯЁ«\"]|г\.|с\.|д\.|п\.|пос\.|ст\.)"
)
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
_REPEATED = re.compile(r"^\s*реабилитирован[аы]?\b\.?", re.I)
_BURIAL = re.compile(r"захоронени[яе]\s*[-–:]?\s*", re.I)
_BURIAL_AGAIN = re.compile(r"место\s+захоронени[яе]\s*[-–:]?\s*", re.I)
_WORD_REST = re.compile(r"[^\s,.:;]*")
_PLACE_STOP = re.compile(r"\s+(?:на|сроком)\s+(?:\d|[а-я]+\s+(?:год|лет))|\s+сроком\b|\s+до\s+\d")
_YEAR_ALT = re.compile(r"\s*[,/]?\s*(?:или\s+)?(\d{4})\s*(?:г\.?)?(?=\s*[,;]|\s*$)")
_LEAD = " \t.:,;-–—"
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# An event told by its verb in a line or sentence without a label.
_VERB = re.compile(
    r"(?:[Аа]рестован|[Оо]сужд[её]н|[Пп]риговор[её]н|[Рр]асстрелян|[Вв]ыслан|[Вв]ыселен|[Сс]ослан|"
    r"[Дд]епортирован|[Оо]свобожд[её]н|[Уу]мер(?:ла)?(?![а-яё])|[Пп]огиб(?:ла)?(?![а-яё])|"
    r"[Рр]еабилитирован|[Ии]сключ[её]н)[а-яё]*"
)


class NoteBuilder:
    """Accumulates one note's record as its lines are read, in order."""

    __slots__ = ("body", "burial", "decision", "died", "party_end", "rec", "sexes", "started")

    def __init__(self, body: str, rec: Record) -> None:
        self.body = body
        self.rec = rec
        self.decision: Event | None = None  # the last sentence, waiting for its "Приговор:" term
        self.died: Event | None = None  # execution or death, for the burial place
        self.burial: tuple[str, int, int] | None = None
        self.sexes: list[str] = []
        self.started = False  # an event line was read: later unlabelled lines are not occupation
        self.party_end = 0

    # -- shared helpers ---------------------------------------------------------------------

    def warn(self, kind: str, start: int, end: int) -> None:
        """A warning names what was not understood and quotes the text it concerns."""
        snippet = clean(self.body[start:end])
        if len(snippet) > 70:
            snippet = snippet[:67] + "..."
        self.rec.warnings.append(f"{kind}: «{snippet}»")

    def event(self, type_: str, start: int, end: int, **fields: object) -> Event:
        ev = Event(type_, span=Span(start, end), **fields)  # type: ignore[arg-type]
        self.rec.events.append(ev)
        self.started = self.started or type_ != "party.expulsion"  # that one is in the birth line
        return ev

    def mark(self, sex: str | None) -> None:
        if sex is not None:
            self.sexes.append(sex)

    def rest(self, label_end: int, end: int) -> tuple[int, str]:
        """The text after a label, without its separators, and where it starts."""
        s = self.body[label_end:end]
        stripped = s.lstrip(_LEAD)
        return label_end + len(s) - len(stripped), stripped

    def scan_embedded(self, start: int, text: str, skip: str = "") -> None:
        """Events a clause names in passing: a release, a death, an execution with its date."""
        for kind, s, keyword_end, e in embedded(text):
            if kind != skip:
                _EMBEDDED_HANDLERS[kind](self, start + s, start + e, start + keyword_end)

    # -- labelled lines ---------------------------------------------------------------------

    def born(self, start: int, end: int, label_end: int) -> None:
        pos, text = self.rest(label_end, end)
        first = True
        for seg_start, seg in _segments(text, ";"):
            if not seg.strip():
                continue
            if first:
                first = False
                self._birth(pos + seg_start, seg)
            elif not self.birth_clause(pos + seg_start, seg):
                self.warn(
                    "birth line clause not understood", pos + seg_start, pos + seg_start + len(seg)
                )

    def _birth(self, start: int, seg: str) -> None:
        date, place, nationality, unread = _read_birth(seg)
        self.rec.birth_date = date or self.rec.birth_date
        self.rec.birth_place = place or self.rec.birth_place
        self.rec.nationality = nationality or self.rec.nationality
        if unread:
            self.warn("birth date not understood", start, start + len(seg))

    def birth_clause(self, start: int, seg: str) -> bool:
        """One clause of a birth line or header: nationality, party, education, subject."""
        kind = clause_kind(seg)
        if kind == "party":
            self.party(start, start + len(seg))
        elif kind == "nationality" or (
            kind is None and self.rec.nationality is None and one_word(seg)
        ):
            self.rec.nationality = clean_or_none(seg)
        elif kind is None:
            return False
        return True

    def party(self, start: int, end: int) -> None:
        """The party-status clause, and the expulsion it names ("исключен в 1935")."""
        text = self.body[start:end]
        value = clean(text)
        if self.rec.party:  # clauses written apart: joined as the text joins them
            comma = self.body[self.party_end : start].strip() == ","
            self.rec.party = f"{self.rec.party}{', ' if comma else '; '}{value}"
        else:
            self.rec.party = value
        self.party_end = end
        for m in _EXPULSION.finditer(text):
            stop = sentence_end(text, m.end())
            comma = text.find(",", m.end(), stop)
            stop = comma if comma >= 0 else stop
            phrase = text[m.end() : stop]
            hit = first_date(phrase)
            tail = clean(phrase[hit[2] :] if hit else phrase)
            ev = self.event(
                "party.expulsion",
                start + m.start(),
                start + stop,
                date=hit[0] if hit else None,
                category=categorize(text[m.start() :]),
            )
            if tail and is_organ(tail):
                ev.authority = tail
            elif tail and tail != clean(phrase[: hit[1]] if hit else ""):
                ev.detail = tail

    def occupation(self, start: int, end: int) -> None:
        value = clean(self.body[start:end])
        if value:
            self.rec.occupation = (
                f"{self.rec.occupation}; {value}" if self.rec.occupation else value
            )

    def lived(self, start: int, end: int, label_end: int) -> None:
        _, text = self.rest(label_end, end)
        if text.startswith(("в ", "во ")):
            text = text.split(" ", 1)[1]
        value = clean(text)
        if value:
            self.rec.residence = f"{self.rec.residence}; {value}" if self.rec.residence else value

    def arrest(self, start: int, end: int, label_end: int) -> None:
        pos, text = self.rest(label_end, end)
        main, extra = _split_embedded(text)
        parts = decompose(main, with_term=False)
        authority = parts.authority
        ev = self.event(
            "arrest",
            start,
            end,
            date=parts.date[0] if parts.date else None,
            charge=parts.charge,
            category=categorize(parts.charge) if parts.charge else None,
        )
        _authority_or_detail(ev, authority)
        if parts.date is None and date_like(main):
            self.warn("arrest date not understood", pos, pos + len(main))
        if extra:
            self.scan_embedded(pos + len(main), extra)

    def decision_line(self, start: int, end: int, label_end: int) -> None:
        """ "Приговорен(а): <body> <date>, обв.: <charge>", or a prose "Осужден ... к <term>"."""
        pos, text = self.rest(label_end, end)
        main, extra = _split_embedded(text)
        parts = decompose(main)
        if not (parts.date or parts.authority or parts.charge or parts.term):
            return
        self.close_decision()
        ev = self.event("sentence", start, end, date=parts.date[0] if parts.date else None)
        ev.charge = parts.charge
        _authority_or_detail(ev, parts.authority)
        if parts.term:
            ev.detail = f"{ev.detail}; {parts.term}" if ev.detail else parts.term
        ev.category = categorize(" ".join(filter(None, (parts.charge, parts.term))))
        if parts.date is None and date_like(main.split("обв", 1)[0]):
            self.warn("sentence date not understood", pos, pos + len(main))
        self.decision = ev
        if parts.term:
            self.close_decision(parts.term)
        if extra:
            self.scan_embedded(pos + len(main), extra)

    def term(self, start: int, end: int, label_end: int) -> None:
        """ "Приговор: <term>"; a "Приговор:" that gives a date or a charge is a decision."""
        pos, text = self.rest(label_end, end)
        if not text:
            return
        reading = _read_term(text)
        if reading is None:
            self.decision_line(start, end, label_end)
            return
        detail, category = reading
        ev = self.decision
        if ev is not None and ev.detail is None and ev.span is not None:
            ev.detail = detail
            ev.span = Span(ev.span.start, end)
            ev.category = ev.category or category
        else:
            self.close_decision()
            ev = self.event("sentence", start, end, detail=detail, category=category)
            self.decision = ev
        self.close_decision(text, (start, end))
        self.scan_embedded(pos, text)

    def close_decision(self, term: str | None = None, span: tuple[int, int] | None = None) -> None:
        """Exile or deportation when the sentence's term names one (deportation wins when both
        do); without a term, a charge that says "выселен(а)" still attests a deportation."""
        ev, self.decision = self.decision, None
        if ev is None or ev.span is None:
            return
        text = term or ev.charge or ""
        removal = _read_removal(text, bool(term))
        if removal is None:
            return
        kind, place, date = removal
        start, end = span or (ev.span.start, ev.span.end)
        self.event(
            kind,
            start,
            end,
            date=ev.date or date,
            place=place,
            authority=ev.authority,
            category=ev.category,
            detail=clean_or_none(text),
        )

    def removed(self, start: int, end: int, label_end: int) -> None:
        """ "Выслан в 1930 г. в Нарымский край": an exile or deportation told as its own line."""
        text = self.body[start:end]
        keyword = _DEPORT.search(text) or _EXILE.search(text)
        kind = "deportation" if keyword is None or keyword.re is _DEPORT else "exile"
        hit = first_date(self.body[label_end:end])
        self.event(
            kind,
            start,
            end,
            date=hit[0] if hit else None,
            place=_destination(text, _DEPORT if kind == "deportation" else _EXILE),
            category=categorize(text),
            detail=clean_or_none(self.body[label_end:end]),
        )

    def clauses(self, start: int, end: int, label_end: int) -> None:
        """A line of birth-line clauses without "Родился": "член ВКП(б); образование среднее;"."""
        text = self.body[start:end]
        for s, seg in _segments(text, ";"):
            if seg.strip() and not self.birth_clause(start + s, seg):
                self.warn("clause not understood", start + s, start + s + len(seg))

    def execution(self, start: int, end: int, label_end: int) -> None:
        pos, text = self.rest(label_end, end)
        hit = first_date(text)
        ev = self.event("execution", start, end, date=hit[0] if hit else None)
        ev.place = place_after(_without(text, hit))
        if hit is None and date_like(text):
            self.warn("execution date not understood", pos, end)
        self.died = ev

    def death(self, start: int, end: int, label_end: int) -> None:
        _, text = self.rest(label_end, end)
        hit = first_date(text)
        ev = self.event("death", start, end, date=hit[0] if hit else None)
        ev.place = place_after(text[hit[2] :] if hit else text) or (
            place_after(text[: hit[1]]) if hit else None
        )
        if ev.place is None:
            ev.detail = clean_or_none(_without(text, hit))
        self.died = self.died or ev

    def release(self, start: int, end: int, label_end: int) -> None:
        _, text = self.rest(label_end, end)
        hit = first_date(text)
        self.event(
            "release",
            start,
            end,
            date=hit[0] if hit else None,
            detail=clean_or_none(_without(text, hit)),
        )

    def rehabilitation(self, start: int, end: int, label_end: int) -> None:
        pos, text = self.rest(label_end, end)
        reading = _read_rehabilitation(text)
        if reading is None:
            return  # "сведений о реабилитации нет": the text says there was none
        date, authority, detail, unread, main_len = reading
        self.event("rehabilitation", start, end, date=date, authority=authority, detail=detail)
        if unread:
            self.warn("rehabilitation date not understood", pos, pos + unread)
        if main_len < len(text):
            self.scan_embedded(pos + main_len, text[main_len:])

    def burial_line(self, start: int, end: int, label_end: int) -> None:
        _, text = self.rest(label_end, end)
        m = _BURIAL.match(text)
        if m is None:
            self.unknown(start, end)
            return
        text = text[m.end() :]
        again = _BURIAL_AGAIN.match(text)  # "Место захоронения - место захоронения - Бутово"
        place = clean_or_none(text[again.end() :] if again else text)
        if place:
            self.burial = (place, start, end)

    def variants(self, start: int, end: int) -> None:
        """ "(варианты фамилии: Моор)", or a bare "(Гулеев Александр Демьянович)"."""
        inner = self.body[start:end].strip().strip("()").strip()
        if ":" in inner and inner.lower().startswith("вариант"):
            inner = inner.split(":", 1)[1]
        names = [clean(v).strip("()") for v in re.split(r"[,;]", inner)]
        names = [n for n in names if n]
        if names:
            if self.rec.name is None:
                self.rec.name = Name()
            self.rec.name.variants.extend(names)

    def name_line(self, start: int, end: int, match: re.Match[str]) -> None:
        """A leading "Иванов Иван Иванович", perhaps with a birth year or variants after it."""
        variants = self.rec.name.variants if self.rec.name else []
        self.rec.name = Name(
            surname=match["surname"],
            given=match["given"],
            patronymic=match["patronymic"],
            variants=variants,
            written=match.group(),
        )
        tail_start = match.end()  # the match is on the body: its offsets are absolute
        tail = self.body[tail_start:end]
        paren = tail.find("(")
        if paren >= 0:
            close = tail.find(")", paren)
            close = close if close >= 0 else len(tail)
            inner = tail[paren + 1 : close]
            if not dates_in(inner):
                self.variants(tail_start + paren, tail_start + close + 1)
        hit = first_date(tail)
        if hit and self.rec.birth_date is None:
            self.rec.birth_date = hit[0]

    def unknown(self, start: int, end: int, prose: bool = False) -> None:
        """An unlabelled line or sentence: birth-line clauses ("русский; б/п;"), an event told by
        its verb ("В 1931 г. приговорен к 3 г. высылки"), an arrest written as body and date
        ("Вольским РО НКВД 11 ноября 1942 г."), the occupation before any event (in prose, only
        a sentence without a date: "Бухгалтер Сахнефти."); else a warning."""
        text = self.body[start:end]
        if text.endswith(";"):
            clauses = [(s, seg) for s, seg in _segments(text, ";") if seg.strip()]
            if all(clause_kind(c) or one_word(c) for _, c in clauses):
                for s, seg in clauses:
                    self.birth_clause(start + s, seg)
                return
        verb = next((m for m in _VERB.finditer(text) if _word_start(text, m.start())), None)
        handler = label_at(self.body, start + verb.start(), end)[0] if verb else None
        dated = has_digits(text) and first_date(text) is not None
        if handler is not None and dated:
            self.mark(label_sex(verb.group()))  # type: ignore[union-attr]
            handler(self, start, end, start)
        elif dated and is_organ(text) and not any(e.type == "arrest" for e in self.rec.events):
            self.arrest(start, end, start)  # the arrest line's label left out
        elif not self.started and self.rec.occupation is None and not (prose and dated):
            self.occupation(start, end)
        elif handler is not None:
            handler(self, start, end, start)
        else:
            self.warn("unrecognised line", start, end)

    def finish(self) -> Record:
        """Attach the burial place, settle the sex, and hand the record back."""
        self.close_decision()
        if self.burial is not None:
            place, s, e = self.burial
            if self.died is None:
                self.died = self.event("death", s, e, detail="место захоронения")
            if self.died.place is None:
                self.died.place = place
        if self.sexes:
            self.rec.sex = self.sexes[0] if len(set(self.sexes)) == 1 else None
            if self.rec.sex is None:
                self.rec.warnings.append("sex: the word forms disagree (masculine and feminine)")
        return self.rec


Handler = Callable[[NoteBuilder, int, int, int], None]

_EMBEDDED_HANDLERS: dict[str, Handler] = {
    "release": NoteBuilder.release,
    "death": NoteBuilder.death,
    "execution": NoteBuilder.execution,
}


def label_at(body: str, s: int, e: int) -> tuple[Handler | None, int]:
    """The handler for the label that starts body[s:e], and where the label word ends."""
    w = _FIRST_WORD.match(body, s, e)
    if w is None:
        return None, s
    word = w.group().lower()
    handler = LABELS.get(word)
    if handler is None:
        handler = next((h for prefix, h in PREFIXES if word.startswith(prefix)), None)
    if word == "р" and body[w.end() : w.end() + 1] != ".":
        return None, s  # "р-н", not "р. 1895"
    return (handler, w.end()) if handler is not None else (None, s)


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalpha()


def _segments(text: str, sep: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for part in text.split(sep):
        out.append((pos, part))
        pos += len(part) + len(sep)
    return out


def _split_embedded(text: str, skip: str = "") -> tuple[str, str]:
    """The clause before the first event it names in passing, and the rest."""
    for kind, s, _, _ in embedded(text):
        if kind != skip and s > 0:
            return text[:s], text[s:]
    return text, ""


# -- pure readings of a line's text, cached: the same lines recur across a book ---------------


@lru_cache(maxsize=1 << 14)
def _read_birth(seg: str) -> tuple[PartialDate | None, str | None, str | None, bool]:
    """(date, place, nationality, whether a date was there but not read) of "в 1897 г., <place>"."""
    hit = first_date(seg)
    date = None
    if hit and seg[: hit[1]].strip(_LEAD + "в") == "":
        date, after = hit[0], seg[hit[2] :]
        alt = _YEAR_ALT.match(after)  # "Родился 1923, 1922, <place>": either year
        if alt and len(date.edtf) == 4:
            lo, hi = sorted((int(date.edtf), int(alt[1])))
            date = from_edtf(f"{lo}/{hi}") if lo != hi else date
            after = after[alt.end() :]
    else:
        after = seg
    place = after.lstrip(_LEAD)
    if place.startswith(("в ", "В ")):
        place = place[2:]
    unread = date is None and date_like(seg)
    if clause_kind(place) == "nationality":  # "Родился в 1867 г. русский;"
        return date, None, clean_or_none(place), unread
    return date, clean_or_none(place), None, unread


@lru_cache(maxsize=1 << 14)
def _read_term(text: str) -> tuple[str, str | None] | None:
    """(detail, category) of a "Приговор:" term, or None when the line is really a decision."""
    hit = first_date(text)
    if "обв." in text or (hit and text[: hit[1]].strip(_LEAD) == "" and _decision_tail(text, hit)):
        return None
    return clean(text), categorize(text)


@lru_cache(maxsize=1 << 14)
def _read_removal(text: str, exile_too: bool) -> tuple[str, str | None, PartialDate | None] | None:
    """(exile or deportation, destination, a date the text gives) when the text names one."""
    keyword = _DEPORT.search(text) or (_EXILE.search(text) if exile_too else None)
    if keyword is None:
        return None
    hit = first_date(text)
    kind = "deportation" if keyword.re is _DEPORT else "exile"
    return kind, _destination(text, keyword.re), hit[0] if hit else None


@lru_cache(maxsize=1 << 14)
def _read_rehabilitation(
    text: str,
) -> tuple[PartialDate | None, str | None, str | None, int, int] | None:
    """(date, authority, detail, length of an unread date phrase or 0, length read) of the text
    after "Реабилитирован"; None when it says there was no rehabilitation."""
    if _NO_REHAB.search(text):
        return None
    text_main, _ = _split_embedded(text, skip="execution")
    basis = _REHAB_BASIS.search(text_main)
    main = text_main[: basis.start()] if basis else text_main
    hit = first_date(main) or (first_date(text_main) if not main.strip() else None)
    rest = clean_or_none(_REPEATED.sub(" ", _without(main, hit)).strip(_LEAD))
    authority = rest if rest and is_organ(rest) else None
    detail = None if authority else rest
    if basis:
        more = clean(text_main[basis.start() :])
        detail = f"{detail}; {more}" if detail else more
    unread = len(main) if hit is None and date_like(main) else 0
    return (hit[0] if hit else None), authority, detail, unread, len(text_main)


def _without(text: str, hit: tuple[object, int, int] | None) -> str:
    """The text with its date phrase taken out."""
    return f"{text[: hit[1]]} {text[hit[2] :]}" if hit else text


def _destination(text: str, keyword_re: re.Pattern[str]) -> str | None:
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


def _decision_tail(text: str, hit: tuple[object, int, int]) -> bool:
    tail = text[hit[2] :].strip(_LEAD)
    return not tail or is_organ(tail) or tail.lower().startswith("обв")


def _authority_or_detail(ev: Event, text: str | None) -> None:
    if not text:
        return
    if is_organ(text):
        ev.authority = text
    else:
        ev.detail = text


def label_sex(word: str) -> str | None:
    """The sex a label's word form marks: "Арестована" is feminine, "Арестован" masculine."""
    w = word.lower()
    if w in _FEMININE:
        return "f"
    if w in _MASCULINE:
        return "m"
    return None


_MASCULINE = words(
    "родился проживал арестован приговорен приговорён осужден осуждён расстрелян реабилитирован "
    "умер скончался погиб освобожден освобождён исключен исключён выслан сослан уроженец"
)
_FEMININE = words(
    "родилась проживала арестована приговорена приговорёна осуждена расстреляна реабилитирована "
    "умерла скончалась погибла освобождена исключена выслана сослана уроженка"
)

# First word of a line (lower case, without its full stop) -> handler.
LABELS: dict[str, Handler] = {}
for _words, _handler in (
    ("родился родилась род р", NoteBuilder.born),
    ("проживал проживала прож адрес", NoteBuilder.lived),
    ("арестован арестована арест арестовывался арестовывалась", NoteBuilder.arrest),
    (
        "приговорен приговорена приговорён приговорёна осужден осуждена осуждён",
        NoteBuilder.decision_line,
    ),
    ("приговор", NoteBuilder.term),
    ("расстрелян расстреляна расстрел", NoteBuilder.execution),
    ("умер умерла скончался скончалась погиб погибла", NoteBuilder.death),
    ("освобожден освобождена освобождён осв", NoteBuilder.release),
    ("реабилитирован реабилитирована реабил реаб", NoteBuilder.rehabilitation),
    ("место", NoteBuilder.burial_line),
    (
        "выслан выслана высланы сослан сослана выселен выселена выселены депортирован",
        NoteBuilder.removed,
    ),
    ("депортирована", NoteBuilder.removed),
    (
        "член чл кандидат исключен исключена исключён восстановлен восстановлена",
        NoteBuilder.clauses,
    ),
    ("членвкп беспартийный беспартийная", NoteBuilder.clauses),
):
    for _w in _words.split():
        LABELS[_w] = _handler

# Inflections the table does not list ("Реабилитированы", "Арестовывалась").
PREFIXES: tuple[tuple[str, Handler], ...] = (
    ("родил", NoteBuilder.born),
    ("прожива", NoteBuilder.lived),
    ("арестов", NoteBuilder.arrest),
    ("приговор", NoteBuilder.decision_line),
    ("осужд", NoteBuilder.decision_line),
    ("расстрел", NoteBuilder.execution),
    ("реабил", NoteBuilder.rehabilitation),
    ("освобожд", NoteBuilder.release),
    ("член", NoteBuilder.clauses),
)

__all__ = ["LABELS", "NAME", "PREFIXES", "NoteBuilder", "label_at", "label_sex"]
