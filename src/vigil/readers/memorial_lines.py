"""The labelled lines of a Book-of-Memory note, each turned into record fields and events.

One handler per label ("Родился", "Проживал", "Арестован", "Приговорен", "Приговор",
"Расстрелян", "Место захоронения", "Реабилитирован"), chosen by the line's first word so that
a note costs a dictionary look-up per line. Handlers take absolute offsets into the source body,
so every event's span cites the verbatim text. What a handler cannot read becomes a warning.
"""

from __future__ import annotations

import re

from vigil.dates import PartialDate
from vigil.model import Event, Name, Record, Span
from vigil.readers.memorial_clauses import embedded, place_after, sentences
from vigil.readers.memorial_fields import (
    clause_kind,
    clean,
    clean_or_none,
    date_like,
    dates_in,
    first_date,
    has_digits,
    is_organ,
    one_word,
)
from vigil.readers.memorial_labels import label_at, label_sex
from vigil.readers.memorial_readings import (
    DEPORT,
    EXILE,
    LEAD,
    destination,
    read_arrest,
    read_birth,
    read_decision,
    read_expulsions,
    read_rehabilitation,
    read_removal,
    read_term,
    segments,
    without,
)
from vigil.thesaurus import categorize

_BURIAL = re.compile(r"захоронени[яе]\s*[-–:]?\s*", re.I)
_BURIAL_AGAIN = re.compile(r"место\s+захоронени[яе]\s*[-–:]?\s*", re.I)
_CARRIED_OUT = re.compile(r"приведен\w*\s+в\s+исполнение", re.I)
# An event told by its verb in a line or sentence without a label ("назначена ВМН": a sentence).
_VERB = re.compile(
    r"(?:[Аа]рестован|[Оо]сужд[её]н|[Пп]риговор[её]н|[Рр]асстрелян|[Вв]ыслан|[Вв]ыселен|[Сс]ослан|"
    r"[Дд]епортирован|[Оо]свобожд[её]н|[Уу]мер(?:ла)?(?![а-яё])|[Пп]огиб(?:ла)?(?![а-яё])|"
    r"[Рр]еабилитирован|[Ии]сключ[её]н|(?P<set>[Нн]азначен[аоы]?\s+(?:ВМН|расстрел|высш)))[а-яё]*"
)


class NoteBuilder:
    """Accumulates one note's record as its lines are read, in order."""

    __slots__ = ("body", "buried", "died", "party_end", "pending", "rec", "sexes", "started")

    def __init__(self, body: str, rec: Record) -> None:
        self.body = body
        self.rec = rec
        self.pending: Event | None = None  # the last sentence, waiting for its "Приговор:" term
        self.died: Event | None = None  # execution or death, for the burial place
        self.buried: tuple[str, int, int] | None = None
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

    def event(
        self,
        type_: str,
        start: int,
        end: int,
        date: PartialDate | None = None,
        place: str | None = None,
        authority: str | None = None,
        charge: str | None = None,
        category: str | None = None,
        detail: str | None = None,
    ) -> Event:
        ev = Event(type_, date, place, authority, charge, category, detail, Span(start, end))
        self.rec.events.append(ev)
        if type_ != "party.expulsion":  # that one is in the birth line
            self.started = True
        return ev

    def mark(self, sex: str | None) -> None:
        if sex is not None:
            self.sexes.append(sex)

    def scan_embedded(self, start: int, text: str, skip: str = "") -> None:
        """Events a clause names in passing: a release, a death, an execution with its date."""
        for kind, s, keyword_end, e in embedded(text):
            if kind != skip:
                getattr(self, kind)(start + s, start + e, start + keyword_end)

    # -- labelled lines ---------------------------------------------------------------------
    # Each handler reads the text after its label without the separators (LEAD) before it;
    # `pos` is where that text starts in the body.

    def born(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        first = True
        for seg in text.split(";"):
            if seg and not seg.isspace():
                if first:
                    first = False
                    self._birth(pos, seg)
                elif not self.birth_clause(pos, seg):
                    self.warn("birth line clause not understood", pos, pos + len(seg))
            pos += len(seg) + 1

    def _birth(self, start: int, seg: str) -> None:
        date, place, nationality, unread = read_birth(seg)
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
        for s, e, date, category, authority, detail in read_expulsions(text):
            self.event(
                "party.expulsion",
                start + s,
                start + e,
                date=date,
                category=category,
                authority=authority,
                detail=detail,
            )

    def occupation(self, start: int, end: int) -> None:
        value = clean(self.body[start:end])
        if value:
            self.rec.occupation = (
                f"{self.rec.occupation}; {value}" if self.rec.occupation else value
            )

    def lived(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        if text.startswith(("в ", "во ")):
            text = text.split(" ", 1)[1]
        value = clean(text)
        if value:
            self.rec.residence = f"{self.rec.residence}; {value}" if self.rec.residence else value

    def arrest(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        main, main_end, date, authority, charge, category, detail, unread = read_arrest(text)
        extra = main < len(text)  # the clause goes on to name a release or a death
        self.event(
            "arrest",
            start,
            pos + main_end if extra else end,  # not the release it goes on to name
            date,
            None,
            authority,
            charge,
            category,
            detail,
        )
        if unread:
            self.warn("arrest date not understood", pos, pos + main)
        if extra:
            self.scan_embedded(pos + main, text[main:])

    def decision(self, start: int, end: int, label_end: int) -> None:
        """ "Приговорен(а): <body> <date>, обв.: <charge>", or a prose "Осужден ... к <term>"."""
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        reading = read_decision(text)
        if reading is None:
            return
        main, main_end, date, authority, charge, category, term, unread = reading
        extra = main < len(text)
        self.close_decision()
        ev = self.event(
            "sentence",
            start,
            pos + main_end if extra else end,
            date,
            None,
            authority,
            charge,
            category,
            term,
        )
        if unread:
            self.warn("sentence date not understood", pos, pos + main)
        self.pending = ev
        if term:
            self.close_decision(term)
        if extra:
            self.scan_embedded(pos + main, text[main:])

    def term(self, start: int, end: int, label_end: int) -> None:
        """ "Приговор: <term>"; a "Приговор:" that gives a date or a charge is a decision."""
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        if not text:
            return
        if _CARRIED_OUT.match(text):  # "Приговор приведен в исполнение 08.02.1938 г."
            self.execution(start, end, label_end)
            return
        reading = read_term(text)
        if reading is None:
            self.decision(start, end, label_end)
            return
        detail, category = reading
        ev = self.pending
        if ev is not None and ev.span is not None:
            ev.detail = f"{ev.detail}; {detail}" if ev.detail else detail
            ev.span = Span(ev.span.start, end)
            ev.category = ev.category or category
        else:
            self.close_decision()
            ev = self.event("sentence", start, end, detail=detail, category=category)
            self.pending = ev
        self.close_decision(text, (start, end))
        self.scan_embedded(pos, text)

    def close_decision(self, term: str | None = None, span: tuple[int, int] | None = None) -> None:
        """Exile or deportation when the sentence's term names one (deportation wins when both
        do); without a term, a charge that says "выселен(а)" still attests a deportation."""
        ev, self.pending = self.pending, None
        if ev is None or ev.span is None:
            return
        text = term or ev.charge or ""
        removal = read_removal(text, bool(term))
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
        keyword = DEPORT.search(text) or EXILE.search(text)
        kind = "deportation" if keyword is None or keyword.re is DEPORT else "exile"
        hit = first_date(self.body[label_end:end])
        self.event(
            kind,
            start,
            end,
            date=hit[0] if hit else None,
            place=destination(text, DEPORT if kind == "deportation" else EXILE),
            category=categorize(text),
            detail=clean_or_none(self.body[label_end:end]),
        )

    def clauses(self, start: int, end: int, label_end: int) -> None:
        """A line of birth-line clauses without "Родился": "член ВКП(б); образование среднее;"."""
        text = self.body[start:end]
        for s, seg in segments(text, ";"):
            if seg.strip() and not self.birth_clause(start + s, seg):
                self.warn("clause not understood", start + s, start + s + len(seg))

    def execution(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        hit = first_date(text)
        ev = self.event("execution", start, end, date=hit[0] if hit else None)
        ev.place = place_after(without(text, hit))
        if hit is None and date_like(text):
            self.warn("execution date not understood", pos, end)
        self.died = ev

    def death(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        hit = first_date(text)
        ev = self.event("death", start, end, date=hit[0] if hit else None)
        ev.place = place_after(text[hit[2] :] if hit else text) or (
            place_after(text[: hit[1]]) if hit else None
        )
        if ev.place is None:
            ev.detail = clean_or_none(without(text, hit))
        self.died = self.died or ev

    def release(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        hit = first_date(text)
        self.event(
            "release",
            start,
            end,
            date=hit[0] if hit else None,
            detail=clean_or_none(without(text, hit)),
        )

    def rehabilitation(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        pos = end - len(text)
        reading = read_rehabilitation(text)
        if reading is None:
            return  # "сведений о реабилитации нет": the text says there was none
        date, authority, detail, unread, main_len = reading
        stop = pos + len(text[:main_len].rstrip()) if main_len < len(text) else end
        self.event("rehabilitation", start, stop, date=date, authority=authority, detail=detail)
        if unread:
            self.warn("rehabilitation date not understood", pos, pos + unread)
        if main_len < len(text):
            self.scan_embedded(pos + main_len, text[main_len:])

    def burial(self, start: int, end: int, label_end: int) -> None:
        text = self.body[label_end:end].lstrip(LEAD)
        m = _BURIAL.match(text)
        if m is None:
            self.unknown(start, end)
            return
        text = text[m.end() :]
        again = _BURIAL_AGAIN.match(text)  # "Место захоронения - место захоронения - Бутово"
        place = clean_or_none(text[again.end() :] if again else text)
        if place:
            self.buried = (place, start, end)

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
        a sentence without a date: "Бухгалтер Сахнефти."); else a warning. A line of several
        sentences is read sentence by sentence."""
        text = self.body[start:end]
        slot = not self.started and self.rec.occupation is None
        if text.endswith(";"):
            clauses = [(s, seg) for s, seg in segments(text, ";") if seg.strip()]
            if all(clause_kind(c) or one_word(c) for _, c in clauses):
                for s, seg in clauses:
                    self.birth_clause(start + s, seg)
                return
        if slot and not prose and text[:1].islower():
            self.occupation(start, end)  # "крестьянин, в 1933 г. осужден ...": the occupation line
            return
        if not prose and _VERB.search(text):
            parts = sentences(self.body, start, end)
            if len(parts) > 1:
                for s, e in parts:
                    self.unknown(s, e, prose=True)
                return
        verb = next((m for m in _VERB.finditer(text) if _word_start(text, m.start())), None)
        name = label_at(self.body, start + verb.start(), end)[0] if verb else None
        if verb is not None and verb["set"]:
            name = "decision"
        handler = getattr(self, name) if name else None
        dated = has_digits(text) and first_date(text) is not None
        if handler is not None and dated:
            self.mark(label_sex(verb.group()))  # type: ignore[union-attr]
            handler(start, end, start)
        elif dated and is_organ(text) and not any(e.type == "arrest" for e in self.rec.events):
            self.arrest(start, end, start)  # the arrest line's label left out
        elif slot and not (prose and dated):
            self.occupation(start, end)
        elif handler is not None:
            handler(start, end, start)
        else:
            self.warn("unrecognised line", start, end)

    def finish(self) -> Record:
        """Attach the burial place, settle the sex, and hand the record back."""
        self.close_decision()
        if self.buried is not None:
            place, s, e = self.buried
            if self.died is None:
                self.died = self.event("death", s, e, detail="место захоронения")
            if self.died.place is None:
                self.died.place = place
        rec = self.rec
        if self.sexes:
            rec.sex = self.sexes[0] if len(set(self.sexes)) == 1 else None
            if rec.sex is None:
                rec.warnings.append("sex: the word forms disagree (masculine and feminine)")
        found = (rec.events, rec.name, rec.birth_date, rec.birth_place, rec.nationality)
        more = (rec.party, rec.occupation, rec.residence, rec.warnings)
        if not any(found) and not any(more):
            rec.warnings.append("nothing understood in this note")
        return rec


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalpha()
