"""Russian Book-of-Memory notes, one per paragraph, in the styles of Memorial's databases.

A note is a run of non-blank lines. Each line is dispatched on its first word to a handler
(memorial_lines), prose one-line notes sentence by sentence (memorial_prose). Records are
yielded one by one so that a file of a million notes streams; each keeps the note's whole span,
so what the handlers did not understand is still cited, with a warning that says what it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vigil.errors import InputError
from vigil.model import Parsed, Record, SourceMeta, Span
from vigil.readers import register
from vigil.readers.base import ReaderOptions
from vigil.readers.memorial_fields import NAME, is_patronymic
from vigil.readers.memorial_labels import label_at, label_sex
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
        if not text.strip():
            raise InputError(path, "empty file")
        meta = SourceMeta(kind=self.kind, language="ru")
        return Parsed(meta=meta, body=text, records=iter_records(text))


def iter_records(text: str) -> Iterator[Record]:
    """One record per paragraph, in input order, as the text is read."""
    line = 1
    pos = 0
    for entry, m in enumerate(_PARAGRAPH.finditer(text), start=1):
        start = m.start()
        end = start + len(m.group().rstrip())
        line += text.count("\n", pos, start)
        pos = start
        yield read_note(text, start, end, entry, line)


def read_note(body: str, start: int, end: int, entry: int = 1, line: int = 1) -> Record:
    """The record of the note at body[start:end]; nothing in it raises, nothing is dropped."""
    rec = Record(entry=entry, span=Span(start, end), line=line)
    nb = NoteBuilder(body, rec)
    lines = []
    pos = start
    for raw in body[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            s = pos + raw.index(stripped[0])
            lines.append((s, s + len(stripped)))
        pos += len(raw) + 1
    leading = True  # only variants lines so far: a name line may still come
    try:
        for i, (s, e) in enumerate(lines):
            following = lines[i + 1] if i + 1 < len(lines) else None
            leading = _read_line(nb, s, e, leading, following) and leading
        return nb.finish()
    except Exception as exc:  # a parser bug must not lose the note: keep it, say so
        rec.warnings.append(f"parser error: {type(exc).__name__}: {exc}")
        return rec


def _read_line(
    nb: NoteBuilder, s: int, e: int, leading: bool, following: tuple[int, int] | None
) -> bool:
    """Dispatch one line; True when it was a variants line (a name line may still follow)."""
    body = nb.body
    if body[s] == "(":
        if body[s:e].strip("() ") and body[e - 1] == ")":
            nb.variants(s, e)
            return True
        if not body[s:e].strip("() "):
            return True  # "()": an empty variants list
    handler, label_end = label_at(body, s, e)
    if (handler is None or handler == "born") and is_prose(body[s:e]):
        parse_prose(nb, s, e)
        return False
    if handler is not None:
        nb.mark(label_sex(body[s:label_end]))
        getattr(nb, handler)(s, e, label_end)
        return False
    if leading and _name_line(nb, s, e, following):
        return False
    if _SEPARATOR.fullmatch(body, s, e):
        return False  # "---" between the parts of a note
    nb.unknown(s, e)
    return False


def _name_line(nb: NoteBuilder, s: int, e: int, following: tuple[int, int] | None) -> bool:
    """A leading "Иванов Иван Иванович": a patronymic, a birth line next, or a year after it."""
    m = NAME.match(nb.body, s, e)
    if m is None or not _NAME_TAIL.fullmatch(nb.body, m.end(), e):
        return False
    tail = nb.body[m.end() : e]
    born_next = following is not None and _BORN_NEXT.match(nb.body, following[0], following[1])
    if not (is_patronymic(m["patronymic"]) or born_next or any(c.isdigit() for c in tail)):
        return False
    nb.name_line(s, e, m)
    return True


register(MemoryBookReader())
