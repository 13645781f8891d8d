"""Archive articles in the layout of the founding document: header, body, footer.

    Author
    Title (one or more lines)
    (25 March 1936)
    Written: March 25, 1936.
    First published: The New Militant, Vol. II No. 19, May 16, 1936.
    body paragraphs ...
    Last updated on: 19.4.2007

Russian articles use the same layout ("Написано:", "Впервые опубликовано:", "Обновлено:").
The whole text is kept verbatim as the body, so every span indexes it. From the body paragraphs
come Claims (the quantities the text states, with their bounds, what they count and the period
they cover) and Quotes (quoted passages, attributed where the text says whose words they are).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from vigil.dates import PartialDate, find_dates, find_periods, parse_date
from vigil.errors import InputError
from vigil.model import Claim, Parsed, Quote, SourceMeta, Span
from vigil.readers import register
from vigil.readers.base import ReaderOptions
from vigil.readers.decode import language_of

# --------------------------------------------------------------------------- layout

_LABELS = {
    "written": "written", "написано": "written", "дата написания": "written",
    "first published": "published", "published": "published", "впервые опубликовано": "published",
    "опубликовано": "published", "источник": "source", "source": "source",
    "last updated on": "updated", "last updated": "updated", "updated": "updated",
    "обновлено": "updated", "последнее обновление": "updated",
    "translated": "other", "transcription/markup": "other", "transcription": "other",
    "html markup": "other", "markup": "other", "proofread": "other", "copyleft": "other",
    "public domain": "other", "перевод": "other",
}  # fmt: skip
_LABEL = re.compile(
    r"[ \t]*(?P<label>" + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
    + r")[ \t]*:[ \t]*(?P<value>.*)",
    re.IGNORECASE,
)  # fmt: skip
_DATE_LINE = re.compile(r"[ \t]*\((?P<date>[^()\n]{4,40})\)[ \t]*")
# Navigation left behind when the page was scraped ("return return return").
_NAVIGATION = re.compile(
    r"(?:\s*(?:return|top of page|back|next|previous|home|contents|index|назад|наверх|"
    r"оглавление|содержание)\b)+\s*",
    re.IGNORECASE,
)
_HEADER_BLOCKS = 8  # a header is found within the first few blocks, or not at all


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # without the line break
    number: int

    def text(self, body: str) -> str:
        return body[self.start : self.end]


@dataclass(slots=True)
class _Block:
    """Consecutive non-blank lines: a paragraph, or a group of header lines."""

    lines: list[_Line] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current = _Block()
    pos = 0
    for number, raw in enumerate(text.split("\n"), 1):
        end = pos + len(raw.rstrip("\r"))
        if raw.strip():
            current.lines.append(_Line(pos, end, number))
        elif current.lines:
            blocks.append(current)
            current = _Block()
        pos += len(raw) + 1
    if current.lines:
        blocks.append(current)
    return blocks


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL.fullmatch(line)
    kind = _LABELS.get(m["label"].lower()) if m else None  # .lower() may not undo every case fold
    return (kind, m["value"].strip()) if kind and m else None


def _is_date_line(line: str) -> PartialDate | None:
    m = _DATE_LINE.fullmatch(line)
    return parse_date(m["date"]) if m else None


def _is_footer(block: _Block, body: str) -> bool:
    return all(
        _NAVIGATION.fullmatch(ln.text(body))
        or (_label(ln.text(body)) or ("", ""))[0] in ("updated", "other")
        for ln in block.lines
    )


# --------------------------------------------------------------------------- publication

_VOLUME = re.compile(r"\b(?:Vol(?:ume)?\.?|Т\.|Том|т\.)\s*(?P<v>[IVXLC]+|\d+)\b")
_ISSUE = re.compile(r"(?:\b(?:No|Nos|Nr|Number|Issue|Вып)\.?|№)\s*(?P<n>\d+(?:[-/]\d+)?)")
_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")


def _venue_name(text: str) -> str | None:
    """The venue's name, repaired when scraping doubled it ("New MilitantThe New Militant")."""
    name = text.strip(' \t,.;:«»"“”')
    for m in _CAMEL.finditer(name):
        left, right = name[: m.start()].strip(), name[m.start() :].strip()
        if right.endswith(left) or left.endswith(right):
            return max(left, right, key=len)
    return name or None


def _publication(value: str, ref: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    """(venue, volume, issue) from a "First published:" value; the date is read separately."""
    hits = find_dates(value, ref)
    date_hit = hits[-1] if hits else None
    volume, issue = _VOLUME.search(value), _ISSUE.search(value)
    cut = min(
        [m.start() for m in (volume, issue) if m] + ([date_hit[1]] if date_hit else []),
        default=len(value),
    )
    return (
        _venue_name(value[:cut]),
        volume["v"] if volume else None,
        issue["n"] if issue else None,
    )


# --------------------------------------------------------------------------- the reader


class ArticleReader:
    name = "article"
    kind = "article"

    def sniff(self, text: str, path: str) -> float:
        """Articles announce themselves with "Written:" and "First published:" header lines."""
        lines = text[:4000].split("\n")
        kinds = {labelled[0] for labelled in map(_label, lines) if labelled}
        if {"written", "published"} <= kinds:
            return 0.95
        if kinds & {"written", "published"}:
            return 0.6
        if any(_DATE_LINE.fullmatch(line) for line in lines[:12]) and "updated" in kinds:
            return 0.5
        return 0.05 if kinds else 0.0

    def parse(self, text: str, path: str, options: ReaderOptions) -> Parsed:
        """Header into SourceMeta, body paragraphs into Claims and Quotes; the text is the body."""
        blocks = _blocks(text)
        if not blocks:
            raise InputError(path, "empty article", 1)
        meta = SourceMeta(kind=self.kind)
        warnings: list[str] = []
        first_body = _read_header(text, blocks, meta, warnings)
        last_body = len(blocks)
        while last_body > first_body and _is_footer(blocks[last_body - 1], text):
            last_body -= 1
        for ln in (ln for block in blocks[last_body:] for ln in block.lines):
            _read_line(ln.text(text), ln.number, meta, warnings)
        body = blocks[first_body:last_body]
        if not body:
            after = blocks[first_body - 1].lines[-1].number + 1 if first_body else 1
            raise InputError(path, "the article has no body text, only a header or footer", after)
        paragraphs = [(b.start, text[b.start : b.end]) for b in body]
        meta.language = language_of("".join(p for _, p in paragraphs))
        ref = meta.written or meta.published
        searched = []
        for block, (start, p) in zip(body, paragraphs, strict=True):
            if len(p) <= MAX_PARAGRAPH:
                searched.append((start, p))
            else:
                warnings.append(
                    f"line {block.lines[0].number}: a paragraph of {len(p):,} characters, kept "
                    f"but not searched for claims or quotations (at most {MAX_PARAGRAPH:,})"
                )
        claims = [c for start, p in searched for c in _claims(p, start, ref)]
        quotes = _quotes(searched, ref)
        return Parsed(meta=meta, body=text, claims=claims, quotes=quotes, warnings=warnings)


# Claims and quotations are sought in paragraphs up to this long (the founding document's
# longest is about 1,200): the search is not linear in a paragraph's length, and a paragraph
# of megabytes is no article's prose. A longer one is kept whole, with a warning.
MAX_PARAGRAPH = 20_000


def _read_header(text: str, blocks: list[_Block], meta: SourceMeta, warnings: list[str]) -> int:
    """Fill `meta` from the header; return the index of the first body block."""
    marked = []  # header blocks: those with a label or a date line
    for i, block in enumerate(blocks[:_HEADER_BLOCKS]):
        if any(_is_header_line(ln.text(text)) for ln in block.lines):
            marked.append(i)
        elif len(block.lines) > 3 or any(ln.end - ln.start > 120 for ln in block.lines):
            break  # a paragraph: the header, if any, is over
    if not marked:
        return 0  # no header: the whole text is body
    names: list[list[str]] = []  # the lines before the first label, block by block
    labelled = False
    for block in blocks[: marked[-1] + 1]:
        group = []
        for ln in block.lines:
            line = ln.text(text)
            labelled = labelled or _is_header_line(line)
            if labelled:
                _read_line(line, ln.number, meta, warnings)
            else:
                group.append(line.strip())
        if group:
            names.append(group)
    if len(names) >= 2 and len(names[0]) == 1:
        meta.author = names.pop(0)[0]
    if names:
        meta.title = " ".join(line for group in names for line in group)
    return marked[-1] + 1


def _is_header_line(line: str) -> bool:
    labelled = _label(line)
    return bool(labelled and labelled[0] != "updated") or _is_date_line(line) is not None


def _read_line(line: str, number: int, meta: SourceMeta, warnings: list[str]) -> None:
    labelled = _label(line)
    if labelled is None:
        date = _is_date_line(line)
        if date is not None and meta.written is None:
            meta.written = date  # "(25 March 1936)" stands in for a missing "Written:"
        return
    kind, value = labelled
    if kind == "written":
        meta.written = _header_date(value, None, number, "Written", warnings) or meta.written
    elif kind == "published":
        meta.venue, meta.volume, meta.issue = _publication(value, meta.written)
        meta.published = _header_date(value, meta.written, number, "First published", warnings)
    elif kind == "updated":
        meta.updated = _header_date(value, None, number, "Last updated", warnings)
    elif kind == "source" and meta.locator is None:
        meta.locator = value or None


def _header_date(
    value: str, ref: PartialDate | None, line: int, label: str, warnings: list[str]
) -> PartialDate | None:
    """The last date on a header line ("..., Vol. II No. 19, May 16, 1936."), or a warning."""
    hits = find_dates(value, ref)
    if not hits:
        warnings.append(f"line {line}: {label} date not understood: {value!r}")
        return None
    return hits[-1][0]


# --------------------------------------------------------------------------- sentences

_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)\.$")
_ABBREVIATIONS = frozenset(
    ("no", "nos", "vol", "p", "pp", "art", "mr", "mrs", "dr", "st", "cf", "ch", "i.e", "e.g",
     "ст", "т", "тт", "им", "см", "ср", "напр", "т.е", "т.к", "ок")
)  # fmt: skip
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”»\"’)]*\s+(?=[\"“«(]*[A-ZА-ЯЁ0-9])")


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in _sentences(text) if pos < b), (0, len(text)))


def _abbreviation(word: str, before: str) -> bool:
    if word.lower() in ("г", "гг"):  # "в 1937 г. Затем" ends a sentence; "г. Казань" does not
        return not before[:1].isdigit()
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if word and _abbreviation(word[1], text[max(0, word.start() - 2) : word.start()]):
            continue  # "No. 7", "ст. 58", "И. В. Сталин", "г. Казань": not a sentence's end
        yield start, m.start()
        start = m.end()
    yield start, len(text)


# --------------------------------------------------------------------------- quantities


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
_UNITS += "fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_EN_NUMBERS = {w: n for n, w in enumerate(_UNITS.split())} | {
    w: 10 * n for n, w in enumerate(_TENS.split(), 2)
}
_MULTIPLIERS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "тыс": 1_000, "тысяч": 1_000, "тысяча": 1_000, "тысячи": 1_000, "тысячу": 1_000,
    "млн": 1_000_000, "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "млрд": 1_000_000_000,
}  # fmt: skip
# "tens of thousands": a multiple of a power of ten, with the range of values the words allow.
_VAGUE_SCALE = (("tens", 10), ("десят", 10), ("hundreds", 100), ("сот", 100))
_VAGUE_UNIT = (("thousand", 1_000), ("тысяч", 1_000), ("million", 10**6), ("миллион", 10**6),
               ("hundreds", 100), ("сот", 100))  # fmt: skip
_SPECIAL = {"half a million": 500_000, "a quarter of a million": 250_000, "пол миллиона": 500_000,
            "полмиллиона": 500_000, "полтора миллиона": 1_500_000}  # fmt: skip
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "полови": 2, "трет": 3, "четверт": 4, "пят": 5, "десят": 10,
}  # fmt: skip
_NUMERATORS = {"a": 1, "one": 1, "одн": 1, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3}

_SMALL = "|".join(sorted(_EN_NUMBERS, key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:(?:a|an)\s+(?:hundred|thousand|million)|(?:{_SMALL})\b)"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:(?:{_SMALL})\b|hundred\b|thousand\b|million\b))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_QUAL = {
    "lower": r"more\s+than|over|above|at\s+least|no\s+less\s+than|not\s+less\s+than"
    r"|no\s+fewer\s+than|not\s+fewer\s+than|upwards\s+of|in\s+excess\s+of|well\s+over"
    r"|более|свыше|больше|не\s+менее|не\s+меньше|по\s+меньшей\s+мере|по\s+крайней\s+мере"
    r"|как\s+минимум|сверх",
    "upper": r"less\s+than|fewer\s+than|under|below|at\s+most|no\s+more\s+than|not\s+more\s+than"
    r"|up\s+to|nearly|almost|менее|меньше|не\s+более|не\s+больше|не\s+свыше|почти|до",
    "approx": r"about|around|approximately|roughly|some|perhaps(?:\s+even)?|possibly(?:\s+even)?"
    r"|maybe(?:\s+even)?|probably|an\s+estimated|as\s+many\s+as|close\s+to|около|примерно"
    r"|приблизительно|порядка|может\s+быть|возможно",
}
_QUANTITY = re.compile(
    rf"(?<![\w.,])(?:(?:(?P<lower>{_QUAL['lower']})|(?P<upper>{_QUAL['upper']})"
    rf"|(?P<approx>{_QUAL['approx']}))\s+)?"
    r"(?:(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|thousands|hundreds|millions"
    r"|(?:десят(?:ки|ков|кам|ками|ках)|сот(?:ни|ен|ням|нями|нях))\s+(?:тысяч|миллионов)"
    r"|тысяч(?:и|ам|ами|ах)|сотни|сотен|миллион(?:ы|ов|ам|ами|ах))(?!\w)"
    r"|(?P<special>half\s+a\s+million|a\s+quarter\s+of\s+a\s+million|пол[-\s]?миллиона"
    r"|полтора\s+миллиона|(?:a|one)\s+million|миллион(?:а|ом|е)?(?!\w))"
    r"|(?P<frac>(?:(?P<fnum>one|a|two|three|одн[аоу]|две|двух|три|трёх|трех)(?P<fsep>[\s-]+))?"
    r"(?P<fden>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?|половин(?:а|у|ы|ой|е)|трет(?:ь|и|ью|ей)|четверт(?:ь|и|ью|ей)"
    r"|(?:пят|десят)(?:ая|ой|ую)\s+част(?:ь|и))(?!\w))"
    rf"|(?P<num>{_DIGITS}|{_WORD_NUMBER})(?!\d)"
    r"(?:\s*(?P<mult>thousand|million|billion|тыс\.?|тысяч[аиу]?|млн\.?|миллион(?:а|ов)?"
    r"|млрд\.?)(?!\w))?)"
    r"(?P<pct>\s*(?:percent|per\s+cent|%|процент(?:а|ов)?(?!\w)|проц\.))?",
    re.IGNORECASE,
)
# Numbers that are labels, not quantities: "No. 19", "Vol. 2", "ст. 58", "p. 4".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Vol|p|pp|page|art|article|section|chapter|point|paragraph|ст|статья|статьи"
    r"|ч|п|пункт|т|том|гл)\.?|№|§)\s*$",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|-?(?:й|го|я|е|м|х|ой|ый|ая))\b", re.IGNORECASE)
# Counts of things that are not people: time, money, distance, copies.
_NOT_PEOPLE = re.compile(
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|times|roubles?|rubles?|dollars?|kopecks?"
    r"|kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|pages?|copies|tons?|tonnes?|volumes?|issues?"
    r"|год\w*|лет|месяц\w*|недел\w*|дн(?:я|ей)|день|час\w*|минут\w*|раз|руб\w*|коп\w*|км"
    r"|километр\w*|метр\w*|верст\w*|стр\w*|экз\w*|тонн\w*|пуд\w*|том\w*|номер\w*"
    r"|(?:г|л|ч|мес|дн|п)(?=\.|\s|$))\b",
    re.IGNORECASE,
)
_NOT_PEOPLE_AFTER = re.compile(r"\s+" + _NOT_PEOPLE.pattern, re.IGNORECASE)
_OF_THE = re.compile(r"\s+(?:of|the)\b", re.IGNORECASE)
_GENITIVE_PLURAL = re.compile(r"\s+[а-яё]+(?:ов|ев|ей|их|ых)\b", re.IGNORECASE)
_GENERIC = _wordset("people persons men individuals человек чел людей лиц душ")
_PERSON_WORDS = _wordset(
    "members communists oppositionists workers peasants women children prisoners victims comrades "
    "fighters trotskyists zinovievists officers soldiers students teachers expelled arrested "
    "членов коммунистов рабочих крестьян заключенных заключённых арестованных исключенных "
    "исключённых граждан женщин детей мужчин оппозиционеров троцкистов партийцев комсомольцев"
)
_PERSON_ENDINGS = (
    "ists", "ers", "ians", "ites", "ates", "ades", "iks", "aks", "ants", "ents", "ors", "ees",
    "men", "ren", "цев", "истов", "ников", "телей", "еров", "ёров", "ян", "ан", "ков",
)  # fmt: skip
_EN_STOP = _wordset(
    "to in on at for from by with who whom which that have has had were was are is be been being "
    "will would shall should may might must can could and or but even when while as than under "
    "into per during over since until of perhaps possibly maybe probably it they their its this "
    "these those there here not no"
)
_RU_STOP = _wordset(
    "в во на с со по из за к у о об от до и а но или что как был была были было будет будут не "
    "же ли бы уже ещё еще при для под над перед без может возможно даже если то"
)
_WORD = re.compile(r"\s+(?P<w>[^\W\d_][\w’'-]*)")
_OF = re.compile(r"\s+(?:of|из)(?:\s+(?:the|all|these|those|its|their|всех|числа))*(?=\s)", re.I)
_EN_PASSIVE = re.compile(
    r"\s+(?:who\s+|that\s+)?(?:have|has|had|were|was|are|is|will\s+be|would\s+be)"
    r"(?:\s+been)?(?:\s+\w+ly)?(?:\s+being)?\s+(?P<v>\w+(?:ed|en|wn)|shot|sent|put|held|kept|left"
    r"|lost|cut|caught|brought|struck)\b",
    re.IGNORECASE,
)
_RU_PARTICIPLE = (
    r"[А-Яа-яЁё]{3,}(?:ены|ено|ена|ён|ен|аны|ано|ана|яты|ято|ята|иты|ито|уты|уто|оты|ото)"
)
_RU_PASSIVE_AFTER = re.compile(rf"\s+(?:был[аио]?\s+|будут\s+)?(?P<v>{_RU_PARTICIPLE})(?!\w)")
_RU_PASSIVE_BEFORE = re.compile(
    rf"(?<!\w)(?P<v>{_RU_PARTICIPLE})(?:\s+(?:из|в|на)\s+\w+)?(?:\s+был[аио]?)?\s+$"
)
# "The smallest percentage of the party members expelled is 7 percent", "the share expelled in
# any district was 5 percent", "доля исключённых по району составила 4 процента": the words the
# subject counts, up to a place or time ("in any district", "по району").
_SUBJECT_BEFORE = re.compile(
    r"(?<!\w)(?:percentage|proportion|share|rate|number|total)(?:\s+of)?\s+(?:the\s+)?"
    r"(?P<np>[\w’' -]+?)\s+"
    r"(?:is|was|are|were|reached|amounts?\s+to|amounted\s+to|stands?\s+at|stood\s+at|came\s+to)"
    r"(?:\s+\w+){0,2}\s+$"
    r"|(?<!\w)(?:доля|процент|число|количество|численность)\s+(?P<ru>[\w -]+?)"
    r"(?:\s+(?:составил[аио]?|составляет|составляли|достиг(?:ла|ло)?|равн[аоы]?|был[аио]?)"
    r"|\s*[—–-])\s+$",
    re.IGNORECASE,
)
# The subject's counted words end where its place or time begins.
_SUBJECT_PLACE = _wordset("in at across throughout within during since on в во на по за")
_SUBJECT_AUXILIARY = _wordset(
    "who that which have has had were was been being are is был была было были"
)
_RANGE_GAP = re.compile(r"\s*(?:to|and|or|[-–—]|до|и|или)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?<!\w)(?:from|between|от|между)\s+$", re.IGNORECASE)
_EXTENSION_GAP = re.compile(
    r"[\s,;:–—-]*(?:(?:and|or|а|и|или)\s+)?(?:(?:perhaps|possibly|maybe|probably|even|if\s+not"
    r"|может\s+быть|может|возможно|вероятно|даже|если\s+не|то\s+и)[\s,]*)*(?:и\s+)?",
    re.IGNORECASE,
)
# "expelled in the region – perhaps even 360", "исключено по области, а может быть, и 280": a
# short phrase of place or time may stand between a claim and the upper bound that extends it.
_PHRASE_EXTENSION_GAP = re.compile(
    r"\s*(?:in|at|across|throughout|within|during|since|on|for|over|в|во|на|по|за|среди|при)"
    r"(?:\s+[^\W\d_][\w’'-]*){1,4}?(?P<rest>" + _EXTENSION_GAP.pattern + ")",
    re.IGNORECASE,
)
# The words that make a later number an upper bound across such a phrase.
_UPPER_HEDGE = re.compile(
    r"(?<!\w)(?:perhaps|possibly|maybe|even|if\s+not|может|возможно|даже|если\s+не)(?!\w)",
    re.IGNORECASE,
)
_EXTENSION_WORD = re.compile(
    r"perhaps|possibly|maybe|probably|even|if\s+not|as\s+many\s+as|может|возможно|вероятно|даже"
    r"|если\s+не|то\s+и",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Quantity:
    start: int  # the qualifier's start, or the number's
    end: int  # the end of the phrase: number, unit and what it counts
    number_end: int
    lower: float | None
    upper: float | None
    percent: bool
    kind: str | None  # the qualifier: "lower", "upper", "approx" or None
    hedge: bool  # the qualifier hedges upwards: "perhaps (even)", "as many as", "up to"
    counts: list[str] = field(default_factory=list)
    unit: str | None = None
    bare: bool = True  # a number alone, which may take its unit from a range's other end
    strong: bool = False  # a qualifier, a percentage or words like "tens of thousands"


def _number(text: str) -> float:
    """The value of "300,000", "33,3", "300 000" or "three hundred thousand"."""
    t = text.strip()
    if t[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
            return float(t.replace(",", ""))
        return float(re.sub(r"[ \u00a0\u202f]", "", t).replace(",", "."))
    total = current = 0
    for word in re.split(r"[\s-]+", t.lower()):
        if word in ("a", "an"):
            current = 1
        elif word in _EN_NUMBERS:
            current += _EN_NUMBERS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[word]
            current = 0
    return float(total + current)


def _neat(value: float) -> float:
    """Whole numbers as int, so that 300000 prints as 300000; shares to one decimal (33.3)."""
    return int(value) if value == int(value) else round(value, 1)


def _vague(words: str) -> tuple[float, float]:
    """The range vague words allow: "tens of thousands" 10000-99999, "thousands" 1000-9999."""
    parts = words.lower().split()
    unit = next(v for k, v in _VAGUE_UNIT if parts[-1].startswith(k))
    scale = next((v for k, v in _VAGUE_SCALE if parts[0].startswith(k)), 1) if len(parts) > 1 else 1
    return scale * unit, scale * unit * 10 - 1


def _value(m: re.Match[str]) -> tuple[float, float, bool] | None:
    """(low, high, percent) for one quantity match, or None when it is not a quantity."""
    percent = bool(m["pct"])
    if m["vague"]:
        return (*_vague(m["vague"]), percent)
    if m["special"]:
        value = _SPECIAL.get(re.sub(r"[\s-]+", " ", m["special"].lower()), 1_000_000)
        return value, value, percent
    if m["frac"]:
        den = next(v for k, v in _FRACTIONS.items() if m["fden"].lower().startswith(k))
        numerator = (m["fnum"] or "one").lower()
        num = next((v for k, v in _NUMERATORS.items() if numerator.startswith(k)), 1)
        share = _neat(100 * num / den)
        return share, share, True
    value = _number(m["num"])
    if m["mult"]:
        value *= _MULTIPLIERS[m["mult"].lower().rstrip(".")]
    elif not m["num"][0].isdigit() and value < 100 and not percent:
        return None  # "one condition", "under one" are words, not counts
    return _neat(value), _neat(value), percent


def _quantities(text: str, offset: int, skip: list[tuple[int, int]]) -> list[_Quantity]:
    """Quantity phrases in one sentence (`text` starts at `offset` in the body)."""
    found: list[_Quantity] = []
    skip = sorted(skip)
    starts = [s for s, _ in skip]
    reach = list(accumulate((e for _, e in skip), max))  # the furthest end among the first i
    for m in _QUANTITY.finditer(text):
        num_start = next(m.start(g) for g in ("vague", "special", "frac", "num") if m[g])
        before = bisect_left(starts, m.end())  # (by bisection: a long text has many dates)
        if before and reach[before - 1] > num_start:
            continue  # a date, or part of one
        after = text[m.end() :]
        if m["num"] and not m["pct"]:
            if _LABEL_BEFORE.search(text, max(0, num_start - 12), num_start):
                continue
            if _ORDINAL_AFTER.match(after) or _NOT_PEOPLE_AFTER.match(after):
                continue
        if m["frac"] and not m["pct"] and not _fraction_counts(m, after):
            continue
        try:
            values = _value(m)
        except (ValueError, StopIteration, KeyError):
            values = None  # a number too odd to read, e.g. "1.2.3"
        if values is None:
            continue
        low, high, percent = values
        kind = next((k for k in ("lower", "upper", "approx") if m[k]), None)
        found.append(
            _Quantity(
                start=offset + m.start(),
                end=offset + m.end(),
                number_end=offset + m.end(),
                lower=None if kind == "upper" else low,
                upper=None if kind == "lower" else high,
                percent=percent,
                kind=kind,
                hedge=bool((kind and _EXTENSION_WORD.match(m[kind])) or m["upper"]),
                strong=bool(kind or percent or not m["num"] or m["mult"]),
            )
        )
    return found


def _fraction_counts(m: re.Match[str], after: str) -> bool:
    """A fraction is a share only when it reads as one: "one-third", "over half", "half of"."""
    if m["fsep"] and "-" in m["fsep"]:
        return True
    if m["lower"] or m["upper"] or m["approx"]:
        return True
    den = m["fden"].lower()
    if den.isascii():  # "a third of", "half the", "two thirds"
        return bool(_OF_THE.match(after) or (m["fnum"] and den != "half"))
    if den.startswith("пол"):  # "половина членов", not "вторая половина"
        return bool(_GENITIVE_PLURAL.match(after))
    return True


def _noun_phrase(text: str, pos: int, russian: bool) -> tuple[list[str], int]:
    """Up to four words from `pos` that name what is counted, and where they end."""
    stop = _RU_STOP if russian else _EN_STOP
    words: list[str] = []
    end = pos
    while len(words) < 4:
        m = _WORD.match(text, end)
        if m is None or m["w"].lower() in stop:
            break
        if russian and re.fullmatch(_RU_PARTICIPLE, m["w"]):
            break
        words.append(m["w"])
        end = m.end()
    return words, end


def _describe(q: _Quantity, text: str, offset: int, sentence_start: int, russian: bool) -> None:
    """Fill what the quantity counts, its unit, and extend its phrase over those words."""
    pos = q.number_end - offset
    of = _OF.match(text, pos)
    words, end = _noun_phrase(text, of.end() if of else pos, russian)
    if words and _NOT_PEOPLE.fullmatch(words[0]):
        words = []
    if words:
        pos = end
    counts = [w for w in words if w.lower() not in _GENERIC]
    passive = (_RU_PASSIVE_AFTER if russian else _EN_PASSIVE).match(text, pos)
    if passive:
        counts.append(passive["v"])
        pos = passive.end()
    elif russian:
        before = _RU_PASSIVE_BEFORE.search(text, sentence_start, q.start - offset)
        if before:
            counts.insert(0, before["v"])
    if not counts:
        subject = _SUBJECT_BEFORE.search(text, sentence_start, q.start - offset)
        if subject:
            counts = _subject_counts(subject["np"] or subject["ru"])
    q.counts = counts
    q.end = offset + pos
    q.bare = not (counts or words or q.percent)
    if q.percent:
        q.unit = "percent"
    elif not words or any(_is_person(w) for w in words):
        q.unit = "persons"


def _subject_counts(phrase: str) -> list[str]:
    """The counted words of a subject ("expelled in any district" -> "expelled")."""
    words: list[str] = []
    for word in phrase.split():
        if word.lower() in _SUBJECT_PLACE:
            break
        if word.lower() not in _SUBJECT_AUXILIARY:
            words.append(word)
    return words


def _is_person(word: str) -> bool:
    w = word.lower()
    return w in _GENERIC or w in _PERSON_WORDS or w.endswith(_PERSON_ENDINGS)


def _merge(qs: list[_Quantity], text: str, offset: int) -> list[_Quantity]:
    """Join "from 7 to 10 percent" and "more than 300,000 – perhaps even half a million"."""
    out: list[_Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        joinable = prev is not None and (prev.bare or q.bare or prev.unit == q.unit)
        if not (joinable and prev and _join(prev, q, text, offset)):
            out.append(q)
    return out


def _join(prev: _Quantity, q: _Quantity, text: str, offset: int) -> bool:
    return _join_range(prev, q, text, offset) or _join_extension(prev, q, text, offset)


def _join_range(prev: _Quantity, q: _Quantity, text: str, offset: int) -> bool:
    between = text[prev.number_end - offset : q.start - offset]
    if prev.kind or q.kind or not _RANGE_GAP.fullmatch(between):
        return False
    opener = _RANGE_OPEN.search(text, max(0, prev.start - offset - 10), prev.start - offset)
    if opener is None and between.strip() not in ("-", "–", "—"):
        return False
    if prev.lower is None or q.upper is None or q.upper < prev.lower:
        return False  # "58-10" is an article of the code, not a range
    prev.upper = q.upper
    if opener:
        prev.start = offset + opener.start()
    _absorb(prev, q)
    return True


def _join_extension(prev: _Quantity, q: _Quantity, text: str, offset: int) -> bool:
    gap = text[prev.end - offset : q.start - offset]
    low = prev.lower if prev.lower is not None else prev.upper
    high = q.upper if q.upper is not None else q.lower
    if (
        prev.kind == "upper"
        or not (_EXTENSION_GAP.fullmatch(gap) or _phrase_extension(prev, q, gap, text, offset))
        or not (_EXTENSION_WORD.search(gap) or q.hedge)
        or low is None
        or high is None
        or high < low
    ):
        return False
    prev.upper = high
    prev.end = q.end
    prev.unit = prev.unit or q.unit
    return True


def _phrase_extension(prev: _Quantity, q: _Quantity, gap: str, text: str, offset: int) -> bool:
    """An upper bound past a short phrase ("in the region – perhaps even 360") that says
    "perhaps", "maybe", "or even", "а может быть и" and counts nothing the claim does not."""
    m = _PHRASE_EXTENSION_GAP.fullmatch(gap)
    if m is None:
        return False
    if not (_UPPER_HEDGE.search(m["rest"]) or _UPPER_HEDGE.match(text, q.start - offset)):
        return False  # "in the region, up to 40" may be a part, not the whole
    counted = {w.lower() for w in prev.counts}
    return all(w.lower() in counted for w in q.counts)


def _absorb(prev: _Quantity, q: _Quantity) -> None:
    prev.end, prev.number_end = q.end, q.number_end
    prev.percent = prev.percent or q.percent
    prev.unit = prev.unit if q.bare else q.unit
    prev.counts = q.counts or prev.counts
    prev.bare, prev.strong = prev.bare and q.bare, prev.strong or q.strong


def _claims(paragraph: str, offset: int, ref: PartialDate | None) -> list[Claim]:
    """The quantities one paragraph states, each with what it counts and the period it covers."""
    russian = language_of(paragraph) == "ru"
    periods = find_periods(paragraph, ref)
    skip = [(s, e) for _, s, e in find_dates(paragraph, ref)] + [(s, e) for _, s, e in periods]
    claims: list[Claim] = []
    for s_start, s_end in _sentences(paragraph):
        sentence = paragraph[:s_end]  # offsets stay the paragraph's
        local_skip = [(a - s_start, b - s_start) for a, b in skip]
        qs = _quantities(sentence[s_start:], offset + s_start, local_skip)
        for q in qs:
            _describe(q, sentence, offset, s_start, russian)
        for q in _merge(qs, sentence, offset):
            if q.bare and not q.strong:
                continue  # a number on its own ("in 10", "Приговор: 10") says nothing countable
            local = (q.start - offset, q.end - offset)
            claims.append(
                Claim(
                    text=paragraph[local[0] : local[1]],
                    span=Span(q.start, q.end),
                    lower=q.lower,
                    upper=q.upper,
                    unit=q.unit,
                    counts=" ".join(q.counts) or None,
                    period=_period(periods, s_start, s_end, local[0]),
                )
            )
    return claims


def _period(
    periods: list[tuple[PartialDate, int, int]], s_start: int, s_end: int, at: int
) -> PartialDate | None:
    """The period phrase of the same sentence nearest before the claim, else the first after."""
    inside = [(pd, s, e) for pd, s, e in periods if s_start <= s and e <= s_end]
    before = [pd for pd, _, e in inside if e <= at]
    if before:
        return before[-1]
    after = [pd for pd, s, _ in inside if s >= at]
    return after[0] if after else None


# --------------------------------------------------------------------------- quotes

_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'))
_DOC_NOUN = re.compile(
    r"(?<!\w)(?P<doc>orders?|decrees?|articles?|editorials?|resolutions?|directives?|circulars?"
    r"|letters?|statements?|reports?|speech(?:es)?|instructions?|appeals?|declarations?"
    r"|приказ\w*|постановлени\w*|стать(?:я|ю|е|и)|передов\w*|директив\w*|циркуляр\w*|письм\w*"
    r"|реч(?:ь|и)|указ(?:а|е|ом)?|распоряжени\w*|резолюци\w*|обращени\w*|заявлени\w*|сообщени\w*)"
    r"(?!\w)(?!\s+(?:of\s+\w+ing|to)\b)",
    re.IGNORECASE,
)
_DOC_KEYS = (
    ("приказ", "приказ"), ("постановлени", "постановление"), ("стать", "статья"),
    ("передов", "передовая"), ("директив", "директива"), ("циркуляр", "циркуляр"),
    ("письм", "письмо"), ("реч", "речь"), ("указ", "указ"), ("распоряжени", "распоряжение"),
    ("резолюци", "резолюция"), ("обращени", "обращение"), ("заявлени", "заявление"),
    ("сообщени", "сообщение"), ("speech", "speech"),
)  # fmt: skip
_REPORTING = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:remarks|remarked|states|stated|says|said|declares|declared|demands"
    r"|demanded|writes|wrote|reads|notes|noted|insists|insisted|continues|stresses|explains|adds"
    r"|warns|points\s+out|goes\s+on|гласит|говорится|указывает|указывается|заявляет|требует|пишет"
    r"|отмечает|подчеркивает|подчёркивает|продолжает|разъясняет|призывает)\b",
    re.IGNORECASE,
)
_VENUE_NAME = r"(?P<venue>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
_ISSUE_OF = re.compile(rf"\s+issue\s+of\s+{_VENUE_NAME}")
_VENUE_OF = re.compile(rf"{_VENUE_NAME}\s+(?:of|for|dated)\s+$")
_RU_VENUE = re.compile(r"«(?P<venue>[^«»\n]{2,60})»\s+(?:за|от)\s+$")
_TITLE_AFTER = re.compile(r"\s+(?:от|за)\s+\d")
_TITLE_BEFORE = re.compile(r"(?:газет\w*|журнал\w*|newspaper|journal|magazine)\s*$", re.I)
_SPEAKER = re.compile(
    r"(?P<who>(?:[A-ZА-ЯЁ][\w’'.-]+\s+){0,2}[A-ZА-ЯЁ][\w’'-]+)\s+(?:said|says|wrote|writes|declared"
    r"|declares|stated|states|remarked|remarks|added|adds|replied|сказал|писал|заявил|говорил"
    r"|отметил|указал)[аи]?\s*[:,]?\s*[—–-]?\s*$"
)


def _doc_key(word: str) -> str:
    w = word.lower()
    for stem, key in _DOC_KEYS:
        if w.startswith(stem):
            return key
    return w.rstrip("s") if not w.endswith("ss") else w


def _publications(
    paragraphs: list[tuple[int, str]], ref: PartialDate | None
) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Documents the text says a newspaper printed ("The March 15 issue of Pravda carries an
    order") -> their attribution, and where each newspaper issue is named."""
    docs: dict[str, str] = {}
    named: list[tuple[int, str]] = []
    for offset, text in paragraphs:
        for pd, start, end in find_dates(text, ref):
            venue = None
            m = _ISSUE_OF.match(text, end)
            if m:
                venue = m["venue"]
            else:
                m = _VENUE_OF.search(text, max(0, start - 60), start) or _RU_VENUE.search(
                    text, max(0, start - 70), start
                )
                if m:
                    venue = m["venue"]
            if venue is None or _DOC_NOUN.fullmatch(venue):
                continue
            source = f"{venue}, {pd.edtf}"
            named.append((offset + start, source))
            s_start, s_end = _sentence_at(text, start)
            doc = _DOC_NOUN.search(text, end, s_end) or _DOC_NOUN.search(text, s_start, start)
            if doc:
                docs.setdefault(_doc_key(doc["doc"]), source)
    return docs, named


def _quotes(paragraphs: list[tuple[int, str]], ref: PartialDate | None) -> list[Quote]:
    """Quoted passages, attributed from their own sentence or from the paragraph's reporting."""
    docs, named = _publications(paragraphs, ref)
    quotes: list[Quote] = []
    for offset, text in paragraphs:
        context: str | None = None  # whose words the paragraph is reporting, once it says so
        sentences = list(_sentences(text))
        reported = 0  # sentences read for reporting verbs so far
        for start, end in _quoted(text):
            title_before = _TITLE_BEFORE.search(text, max(0, start - 30), start - 1)
            if _TITLE_AFTER.match(text, end + 1) or title_before:
                continue  # «Правда» от 15 марта: a newspaper's name, not a quotation
            s_start = max((a for a, _ in sentences if a <= start), default=0)
            while reported < len(sentences) and sentences[reported][1] <= s_start:
                context = _reporting(text, *sentences[reported], docs) or context
                reported += 1
            before = text[s_start : start - 1]
            attribution = _attribution(before, offset + s_start, docs, named) or context
            span = Span(offset + start, offset + end)
            quotes.append(Quote(text=text[start:end], span=span, attribution=attribution))
    return quotes


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost quoted passages (without their marks), in order."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _PAIRS:
        depth, start = 0, 0
        for i, ch in enumerate(text):
            if ch == open_mark and (open_mark != close_mark or depth == 0):
                if depth == 0:
                    start = i + 1
                depth += 1
            elif ch == close_mark and depth:
                depth -= 1
                if depth == 0 and i > start:
                    spans.append((start, i))
    spans.sort()
    outer: list[tuple[int, int]] = []
    for s, e in spans:
        if outer and s < outer[-1][1]:
            continue
        outer.append((s, e))
    return outer


def _attribution(
    before: str, offset: int, docs: dict[str, str], named: list[tuple[int, str]]
) -> str | None:
    """Whose words a quote is, from what its own sentence says before it."""
    mentions = list(_DOC_NOUN.finditer(before))
    if mentions and _doc_key(mentions[-1]["doc"]) in docs:
        return docs[_doc_key(mentions[-1]["doc"])]
    issues = [source for at, source in named if offset <= at < offset + len(before)]
    if issues:
        return issues[-1]
    speaker = _SPEAKER.search(before)
    return speaker["who"] if speaker else None


def _reporting(text: str, start: int, end: int, docs: dict[str, str]) -> str | None:
    """The document a sentence reports ("the order remarks that ..."), if the text names it."""
    found = None
    for m in _DOC_NOUN.finditer(text, start, end):
        if _doc_key(m["doc"]) in docs and _REPORTING.match(text, m.end()):
            found = docs[_doc_key(m["doc"])]
    return found


register(ArticleReader())
