"""Russian Book-of-Memory notes, one per paragraph, in the styles of Memorial's databases.

A note is a run of non-blank lines. Each line is dispatched on its first word to a handler
(memorial_lines), prose one-line notes sentence by sentence (memorial_prose). Records are
yielded one by one so that a file of a million notes streams; each keeps the note's whole span,
so what the handlers did not understand is still cited, with a warning that says what it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from vigil.errors import InputError
from vigil.model import Parsed, Record, SourceMeta, Span
from vigil.readers import register
from vigil.readers.base import ReaderOptions
from vigil.readers.memorial_fields import NAME, is_patronymic
from vigil.readers.memorial_labels import LABELS, label_at, label_sex
from vigil.readers.memorial_lines import NoteBuilder
from vigil.readers.memorial_prose import is_prose, parse_prose

# A paragraph: non-blank lines, from its first to its last visible character.
_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
_SEPARATOR = re.compile(r"[-–—_=*.~\s]+")
_NAME_TAIL = re.compile(
    r"\s*(?:\([^)]*\))?\s*[,.]?\s*(?:(?:род\.|р\.)?\s*(?:в\s+)?\d{4}\s*(?:г\.?)?\s*(?:г\.?\s*р\.?)?)?"
    r"\s*(?:\([^)]*\))?\s*\.?"
)
_BORN_NEXT = re.compile(r"(?:Родил|Род\.|р\.\s*\d)")
_SNIFF_LABEL = re.compile(
    r"(?:Родил(?:ся|ась)|Род\.|Проживал|Прож\.|Арестован|Арест\.|Приговор|Осужден|Расстрелян|"
    r"Реабилитирован|Место захоронения|\(варианты|р\.\s*\d{4}|"
    r"(?:\d{1,2}\.\d{1,2}\.)?\d{4}\s*г\.\s*р)"
)

Handler = Callable[[NoteBuilder, int, int, int], None]
_HANDLERS: dict[str, Handler] = {name: getattr(NoteBuilder, name) for name in set(LABELS.values())}


class MemoryBookReader:
    name = "memory-book"
    kind = "memory-book"

    def sniff(self, text: str, path: str) -> float:
        """The share of the first paragraphs that open (in one of their first two lines) with a
        Book-of-Memory label, or are prose notes; 0 for anything else."""
        paragraphs = 0
        hits = 0
        for m in _PARAGRAPH.finditer(text, 0, min(len(text), 40_000)):
            paragraphs += 1
            lines = m.group().split("\n", 2)[:2]
            if any(_SNIFF_LABEL.match(line.strip()) for line in lines) or is_prose(lines[0]):
                hits += 1
            if paragraphs >= 60:
                break
        if not paragraphs:
            return 0.0
        return round(0.95 * hits / paragraphs, 3)

    def parse(self, text: str, path: str, options: ReaderOptions | None = None) -> Parsed:
        """All notes of the text, lazily; an empty text is an error naming the file."""
        if not text or text.isspace():  # (no .strip(): it would copy a large file)
            raise InputError(path, "empty file")
        meta = SourceMeta(kind=self.kind, language="ru")
        return Parsed(meta=meta, body=text, records=iter_records(text))


def iter_records(text: str) -> Iterator[Record]:
    """One record per paragraph, in input order, as the text is read."""
    line = 1
    pos = 0
    count = text.count
    for entry, m in enumerate(_PARAGRAPH.finditer(text), start=1):
        start = m.start()
        paragraph = m.group().rstrip()
        line += count("\n", pos, start)
        pos = start
        yield read_note(text, start, start + len(paragraph), entry, line, paragraph)


# A label is the first word of its line, letters only, so it never runs past the first space:
# the line's text up to there tells the handler. That text -> (handler, the sex the word form
# marks, where the label ends). Filled as lines are met; bounded in number and length, since the
# surname that opens a name line is such a text too.
_BY_TOKEN: dict[str, tuple[Handler | None, str | None, int]] = {}
_BY_TOKEN_MAX = 1 << 16


def _label(token: str) -> tuple[Handler | None, str | None, int]:
    name, label_end = label_at(token, 0, len(token))
    if name is None:
        info: tuple[Handler | None, str | None, int] = (None, None, 0)
    else:
        info = (_HANDLERS[name], label_sex(token[:label_end]), label_end)
    if len(_BY_TOKEN) < _BY_TOKEN_MAX and len(token) <= 40:
        _BY_TOKEN[token] = info
    return info


def read_note(
    body: str, start: int, end: int, entry: int = 1, line: int = 1, text: str | None = None
) -> Record:
    """The record of the note at body[start:end]; nothing in it raises, nothing is dropped.
    `text` is body[start:end] when the caller has it already."""
    rec = Record(entry, Span(start, end), line)
    nb = NoteBuilder(body, rec)
    lines = (body[start:end] if text is None else text).split("\n")
    leading = True  # only variants lines so far: a name line may still come
    by_token = _BY_TOKEN
    born = NoteBuilder.born
    pos = start
    try:
        for i, raw in enumerate(lines):
            s = pos  # where the line starts in the body, and then its text
            pos += len(raw) + 1
            t = raw.strip()
            if not t:
                continue
            if len(t) != len(raw):
                s += len(raw) - len(raw.lstrip())
            e = s + len(t)
            # "(варианты фамилии: Моор)": variants, after which a name line may still come
            if t[0] == "(":
                inner = t.strip("() ")
                if inner and t[-1] == ")":
                    nb.variants(s, e)
                    continue
                if not inner:
                    continue  # "()": an empty variants list
            space = t.find(" ")
            token = t[:space] if space >= 0 else t
            handler, sex, label_end = by_token.get(token) or _label(token)
            if (handler is None or handler is born) and is_prose(t):
                parse_prose(nb, s, e)
            elif handler is not None:
                if sex is not None:
                    nb.sexes.append(sex)
                handler(nb, s, e, s + label_end)
            elif not (leading and _name_line(nb, s, e, lines, i)) and not _SEPARATOR.fullmatch(t):
                nb.unknown(s, e)  # not a separator ("---" between the parts of a note) either
            leading = False
        return nb.finish()
    except Exception as exc:  # a parser bug must not lose the note: keep it, say so
        rec.warnings.append(f"parser error: {type(exc).__name__}: {exc}")
        return rec


def _name_line(nb: NoteBuilder, s: int, e: int, lines: list[str], i: int) -> bool:
    """A leading "Иванов Иван Иванович": a patronymic, a birth line next, or a year after it."""
    body = nb.body
    m = NAME.match(body, s, e)
    # (a name that fills the line has an empty tail, which the tail pattern would allow)
    if m is None or (m.end() < e and not _NAME_TAIL.fullmatch(body, m.end(), e)):
        return False
    if not (
        is_patronymic(m["patronymic"])
        or any(c.isdigit() for c in body[m.end() : e])
        or _born_next(lines, i)
    ):
        return False
    nb.name_line(s, e, m)
    return True


def _born_next(lines: list[str], i: int) -> bool:
    """Whether the first non-blank line after lines[i] is a birth line."""
    for raw in lines[i + 1 :]:
        following = raw.strip()
        if following:
            return _BORN_NEXT.match(following) is not None
    return False


register(MemoryBookReader())
