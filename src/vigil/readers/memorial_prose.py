"""Notes written as running prose, one line per person.

"Иванов Иван Иванович, род. 1884, д. Куркино, русский, б/п, завод "Серп и молот": слесарь.
Адрес: Москва, ... Расстрелян 17.05.1938. Место захоронения: Бутово." and the regional books'
"1903 г.р., уроженец сел. Ольгинское, осетин, ... 22.12.1937 г. арестован." Their sentences carry
the line format's labels, so each sentence goes to the same handler; only the header (name,
birth, place, nationality, party, occupation) and sentences without a label are read here.
"""

from __future__ import annotations

import re

from vigil.readers.memorial_clauses import sentences
from vigil.readers.memorial_fields import (
    NAME,
    clause_kind,
    clean,
    clean_or_none,
    first_date,
)
from vigil.readers.memorial_labels import label_at, label_sex
from vigil.readers.memorial_lines import NoteBuilder

# A name word that never gives back letters: what follows one here is never a letter, so the
# matches are the same as NAME_WORD's, found without backtracking into each word.
_WORD = r"[А-ЯЁ][А-ЯЁа-яё]*+(?:-[А-ЯЁа-яё]++)*+"
# The start of a prose header: a name before "род.", or a birth written "1903 г.р." / "р. 1895".
_HEAD = re.compile(
    rf"(?:{_WORD}\s+{_WORD}(?:\s+{_WORD})?\s*(?:\([^)]*\)\s*)?,\s*)?"
    r"(?:(?:род\.|р\.|родил\w*|урож\w*\.?)\s*(?:в\s+)?\d|(?:\d{1,2}\.\d{1,2}\.)?\d{4}\s*г\.?\s*р\b|"
    r"Род\.\s*\d{4}\s*,)"
    r"|"
    rf"{_WORD}\s+{_WORD}(?:\s+{_WORD})?\s*,\s*(?:\d{{4}}\s*г\.?\s*р|уроже)"
)
# A second labelled sentence inside one line.
_INNER_LABEL = re.compile(
    r"\.\s+(?:Проживал|Прож\.|Адрес|Арестован|Арест\.|Осужден|Приговорен|Расстрелян|"
    r"Реабилитирован|Реаб\.|Место захоронения|Умер)"
)
_BIRTH = re.compile(r"(?:род\.|р\.|родил(?:ся|ась)|Род\.)\s*(?:в\s+)?", re.I)
_BORN_MARK = re.compile(r"[\s.]*(?:г\.?\s*)?р(?:\.|\b)", re.I)
_NATIVE = re.compile(r"(уроженец|уроженка|урож\.)\s*", re.I)
_PLACE_WORD = re.compile(
    r"(?:ст-ц[аы]|ул|д|кв|пос|п|с|г|ст|дер|сел|пер|пр|просп|пл|наб|х|хут|аул|улус|р-н|р-на|район|обл|край|"
    r"кр|мкр|корп|им|село|деревня|поселок|посёлок|станция|станица|город|ж\.?д|пгт|нп|н\.п|поч)"
    r"(?:\.|\s|$)"
)


_ARCHIVE = re.compile(r"\**\s*(?:[А-ЯЁ]{2,}\.\s*)?[ФОД]\.\s*\d+\.?$|\*\*")


def is_prose(text: str) -> bool:
    """Whether a line is a whole note in prose rather than one labelled line."""
    c = text[:1]  # a header opens with a capital, a digit, "р." or "урож."
    head = (c.isupper() or c.isdecimal() or c in "ру") and _HEAD.match(text)
    return bool(head or _INNER_LABEL.search(text))


def parse_prose(nb: NoteBuilder, start: int, end: int) -> None:
    """Read a prose line: its header, then each sentence through the line handlers."""
    body = nb.body
    for i, (s, e) in enumerate(sentences(body, start, end)):
        handler, label_end = label_at(body, s, e)
        if i == 0 and handler in (None, "born"):
            _header(nb, s, e)
        elif handler == "lived":
            _lived(nb, s, e, label_end)
        elif handler is not None:
            nb.mark(label_sex(body[s:label_end]))
            getattr(nb, handler)(s, e, label_end)
        elif _ARCHIVE.match(body, s, e):
            continue  # "** ГАСО. Ф. 1174. О. 2. Д. 1846.": the archival file the note cites
        elif not _clause_sentence(nb, s, e):
            nb.unknown(s, e, prose=True)


def _clause_sentence(nb: NoteBuilder, s: int, e: int) -> bool:
    """ "Русский, из торговцев, малограмотный, беспартийный.": a header's clauses on their own."""
    body = nb.body
    parts = _split_top(body, s, e)
    if not parts or clause_kind(body[parts[0][0] : parts[0][1]].lower()) != "nationality":
        return False
    for a, b in parts:
        seg = body[a:b]
        if clause_kind(seg.lower()) is not None:
            nb.birth_clause(a, seg[:1].lower() + seg[1:])
        elif not seg.startswith("из "):  # "из торговцев": social origin, kept in the text
            nb.occupation(a, b)
    return True


def _lived(nb: NoteBuilder, s: int, e: int, label_end: int) -> None:
    """ "Проживал в г. Новосибирске, часовой мастер артели": residence, then occupation."""
    nb.mark(label_sex(nb.body[s:label_end]))
    text = nb.body[label_end:e]
    for m in re.finditer(r",\s+", text):
        after = text[m.end() :]
        if after[:1].islower() and not _PLACE_WORD.match(after):
            nb.lived(s, label_end + m.start(), label_end)
            nb.occupation(label_end + m.end(), e)
            return
    nb.lived(s, e, label_end)


def _header(nb: NoteBuilder, s: int, e: int) -> None:
    """Name, birth, birthplace, nationality, party and occupation, comma by comma."""
    body = nb.body
    segments = _split_top(body, s, e)
    place_open = False  # the birthplace runs on over commas until another clause starts
    for i, (a, b) in enumerate(segments):
        seg = body[a:b]
        if i == 0:
            name = NAME.fullmatch(seg.split("(")[0].strip())
            if name is not None and not first_date(seg):
                nb.name_line(a, b, NAME.match(body, a, b))  # type: ignore[arg-type]
                continue
        handler, label_end = label_at(body, a, b)
        if handler is not None and handler not in ("born", "clauses"):
            nb.mark(label_sex(body[a:label_end]))
            getattr(nb, handler)(a, e, label_end)  # "р. 1905, расстрелян 13.04.1938, Оха"
            return
        if _birth(nb, a, b):
            place_open = True
            continue
        native = _NATIVE.match(seg)
        if native is not None:
            nb.mark("f" if native.group(1).lower() == "уроженка" else "m")
            nb.rec.birth_place = clean_or_none(seg[native.end() :])
            place_open = True
            continue
        if clause_kind(seg) is not None:
            place_open = False
            nb.birth_clause(a, seg)
        elif place_open and (seg[:1].isupper() or _PLACE_WORD.match(seg)):
            place = nb.rec.birth_place
            nb.rec.birth_place = f"{place}, {clean(seg)}" if place else clean(seg)
        else:
            place_open = False
            nb.occupation(a, b)


def _birth(nb: NoteBuilder, a: int, b: int) -> bool:
    """ "род. 1884", "р. 1895 в с. Красная Горка", "1903 г.р.", "06.06.1908 г.р."."""
    seg = nb.body[a:b]
    m = _BIRTH.match(seg)
    pos = m.end() if m else 0
    hit = first_date(seg[pos:])
    if hit is None or seg[pos : pos + hit[1]].strip():
        return False
    after = seg[pos + hit[2] :]
    mark = _BORN_MARK.match(after)
    if m is None and mark is None:
        return False  # a bare date is not a birth
    if m is not None:
        nb.mark(label_sex(m.group().split()[0].rstrip(".")))
    nb.rec.birth_date = hit[0]
    after = after[mark.end() :] if mark else after
    after = after.strip(" ,;")
    if after.startswith(("в ", "вс. ")):
        after = after.split(" ", 1)[1]
    nb.rec.birth_place = clean_or_none(after) or nb.rec.birth_place
    return True


def _split_top(body: str, s: int, e: int) -> list[tuple[int, int]]:
    """Comma- and semicolon-separated segments, not splitting inside brackets or quotes."""
    out, depth, quote, start = [], 0, False, s
    for i in range(s, e):
        c = body[i]
        if c in "(«":
            depth += 1
        elif c in ")»" and depth:
            depth -= 1
        elif c == '"':
            quote = not quote
        elif c in ",;" and not depth and not quote:
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    trimmed = []
    for a, b in out:
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1] in " \t;,":
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed
