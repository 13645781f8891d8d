"""CSV and TSV lists of people, mapped column by column onto record and event fields.

A mapping reads `field=Column`: record fields (surname, given, patronymic, name, variants, sex,
birth, birth_place, nationality, party, occupation, residence) or an event type with an optional
attribute (`arrest=Дата ареста`, `sentence.authority=Кем осужден`, `sentence.charge=Статья`).
Headers that a list commonly uses are recognised without a mapping.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from vigil.dates import PartialDate, find_periods
from vigil.errors import InputError
from vigil.model import Event, Name, Parsed, Record, SourceMeta, Span
from vigil.readers import register
from vigil.readers.base import ReaderOptions
from vigil.readers.decode import language_of
from vigil.thesaurus import EVENT_TYPES, categorize

RECORD_FIELDS = (
    "surname", "given", "patronymic", "name", "variants", "sex", "birth", "birth_place",
    "nationality", "party", "occupation", "residence", "document",
)  # fmt: skip
EVENT_ATTRS = ("date", "place", "authority", "charge", "category", "detail")
EVENT_CODES = tuple(t.code for t in EVENT_TYPES)

# Header spellings recognised without --map (casefolded).
KNOWN_HEADERS: dict[str, str] = {
    "фамилия": "surname", "surname": "surname", "last name": "surname", "family name": "surname",
    "имя": "given", "given": "given", "given name": "given", "first name": "given",
    "отчество": "patronymic", "patronymic": "patronymic",
    "фио": "name", "name": "name", "full name": "name",
    "варианты фамилии": "variants", "variants": "variants",
    "пол": "sex", "sex": "sex",
    "год рождения": "birth", "дата рождения": "birth", "born": "birth", "birth": "birth",
    "year of birth": "birth", "date of birth": "birth",
    "место рождения": "birth_place", "birthplace": "birth_place", "place of birth": "birth_place",
    "национальность": "nationality", "nationality": "nationality",
    "партийность": "party", "party": "party",
    "профессия": "occupation", "место работы": "occupation", "occupation": "occupation",
    "партбилет": "document", "№ партбилета": "document", "номер партбилета": "document",
    "party card": "document", "document": "document", "document no.": "document",
    "место жительства": "residence", "адрес": "residence", "residence": "residence",
    "дата ареста": "arrest", "арестован": "arrest", "arrested": "arrest", "arrest": "arrest",
    "дата приговора": "sentence", "осужден": "sentence", "sentenced": "sentence",
    "орган": "sentence.authority", "кем осужден": "sentence.authority",
    "authority": "sentence.authority", "sentenced by": "sentence.authority",
    "обвинение": "sentence.charge", "статья": "sentence.charge", "charge": "sentence.charge",
    "приговор": "sentence.detail", "sentence": "sentence.detail",
    "дата расстрела": "execution", "расстрелян": "execution", "executed": "execution",
    "дата реабилитации": "rehabilitation", "реабилитирован": "rehabilitation",
    "rehabilitated": "rehabilitation",
    "исключен из партии": "party.expulsion", "expelled": "party.expulsion",
}  # fmt: skip

_SEX = {"м": "m", "муж": "m", "мужской": "m", "m": "m", "male": "m",
        "ж": "f", "жен": "f", "женский": "f", "f": "f", "female": "f"}  # fmt: skip


def parse_mapping(text: str) -> dict[str, str]:
    """`surname=Фамилия,birth=Год рождения` as {field: column}; a clear error for a bad field."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise ValueError(f"mapping entry {part!r} is not field=Column")
        _check_field(field)
        mapping[field] = column
    return mapping


def event_field(field: str) -> tuple[str, str] | None:
    """(event type, attribute) a mapped field names: `arrest` is (arrest, date),
    `sentence.authority` is (sentence, authority); None for a record field or nonsense."""
    if field in EVENT_CODES:
        return field, "date"
    base, _, attr = field.rpartition(".")
    if base in EVENT_CODES and attr in EVENT_ATTRS:
        return base, attr
    return None


def _check_field(field: str) -> None:
    if field in RECORD_FIELDS or event_field(field) is not None:
        return
    raise ValueError(
        f"unknown field {field!r}: use one of {', '.join(RECORD_FIELDS)}, "
        f"an event type ({', '.join(EVENT_CODES)}) or TYPE.{{{','.join(EVENT_ATTRS)}}}"
    )


class TableReader:
    name = "table"
    kind = "table"

    def sniff(self, text: str, path: str) -> float:
        suffix = Path(path).suffix.lower()
        if suffix in (".csv", ".tsv"):
            return 0.9
        lines = [ln for ln in split_lines(text[:65536])[:5] if ln.strip()]
        if len(lines) >= 2:
            for d in ("\t", ";", ","):
                counts = {ln.count(d) for ln in lines}
                if len(counts) == 1 and counts.pop() >= 2:
                    return 0.6
        return 0.0

    def parse(self, text: str, path: str, options: ReaderOptions) -> Parsed:
        delimiter = _delimiter(text, path)
        lines = split_lines(text)
        rows = csv.reader(lines, delimiter=delimiter)
        try:
            header = [_header_cell(h) for h in next(rows)]
        except StopIteration:
            raise InputError(path, "no header row", 1) from None
        except csv.Error as exc:
            raise InputError(path, f"no header row ({_csv_reason(exc)})", 1) from None
        columns = _columns(header, options, path)
        meta = SourceMeta(kind="table", title=Path(path).stem, language=language_of(text))
        return Parsed(
            meta=meta, body=text, records=self._records(rows, lines, header, columns, path)
        )

    def _records(
        self,
        rows: Iterator[list[str]],
        lines: list[str],
        header: list[str],
        columns: dict[str, int],
        path: str,
    ) -> Iterator[Record]:
        starts = [0]
        for ln in lines:
            starts.append(starts[-1] + len(ln))
        first_line = 2
        entry = 0
        body = "".join(lines)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(path, f"malformed CSV: {_csv_reason(exc)}", first_line) from None
            last_line = rows.line_num
            start, end = starts[first_line - 1], starts[last_line]
            end -= len(lines[last_line - 1]) - len(lines[last_line - 1].rstrip("\r\n"))
            line = first_line
            first_line = last_line + 1
            if not any(cell.strip() for cell in row):
                continue
            entry += 1
            rec = Record(entry=entry, span=Span(start, end), line=line)
            if len(row) != len(header):
                rec.warnings.append(f"row has {len(row)} fields, the header {len(header)}")
            cells = _cell_spans(body[start:end], row, start)
            _fill(rec, row, cells, header, columns)
            yield rec


def _cell_spans(raw: str, row: list[str], offset: int) -> list[Span | None]:
    """Where each cell's value stands in the row's text, so each fact cites its own cell."""
    spans: list[Span | None] = []
    cursor = 0
    for cell in row:
        value = cell.strip()
        at = raw.find(value, cursor) if value else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append(Span(offset + at, offset + at + len(value)))
        cursor = at + len(value)
    return spans


def _fill(
    rec: Record,
    row: list[str],
    cells: list[Span | None],
    header: list[str],
    columns: dict[str, int],
) -> None:
    values = {f: row[i].strip() for f, i in columns.items() if i < len(row)}
    values = {k: v for k, v in values.items() if v}
    if "__id__" in values:
        rec.locator = values.pop("__id__")
    name = Name()
    if "name" in values:
        name = _split_name(values["name"])
    for part in ("surname", "given", "patronymic"):
        if part in values:
            setattr(name, part, values[part])
    if "variants" in values:
        name.variants = [v.strip() for v in re.split(r"[;,]", values["variants"]) if v.strip()]
    if any((name.surname, name.given, name.patronymic)):
        name.written = " ".join(p for p in (name.surname, name.given, name.patronymic) if p)
        rec.name = name
    if "sex" in values:
        rec.sex = _SEX.get(values["sex"].casefold().rstrip("."))
        if rec.sex is None:
            rec.warnings.append(f"sex {values['sex']!r} not understood")
    if "birth" in values:
        rec.birth_date = _date(rec, values["birth"], header[columns["birth"]])
    for f in ("birth_place", "nationality", "party", "occupation", "residence", "document"):
        if f in values:
            setattr(rec, f, values[f])
    events: dict[str, Event] = {}
    for field, value in values.items():
        named = event_field(field)
        if named is None:
            continue
        etype, attr = named
        ev = events.setdefault(etype, Event(type=etype))
        if attr == "date":
            ev.date = _date(rec, value, header[columns[field]])
        else:
            setattr(ev, attr, value)
    for etype, ev in events.items():
        if ev.category is None:
            ev.category = categorize(" ".join(filter(None, (ev.charge, ev.detail))))
        used = []
        for f, i in columns.items():
            named = event_field(f)
            cell = cells[i] if i < len(cells) else None
            if named is not None and named[0] == etype and cell is not None:
                used.append(cell)
        ev.span = Span(min(c.start for c in used), max(c.end for c in used)) if used else rec.span
        rec.events.append(ev)


def _date(rec: Record, value: str, column: str) -> PartialDate | None:
    """The date a cell gives; a warning when it is not read, or read only in part."""
    hits = find_periods(value)
    if not hits:
        rec.warnings.append(f"date {value!r} in column {column!r} not understood")
        return None
    found, start, end = hits[0]
    rest = (value[:start] + value[end:]).strip(" .,;гГ")
    if len(hits) > 1 or rest:
        rec.warnings.append(
            f"date {value!r} in column {column!r} only partly understood (read as {found.edtf})"
        )
    return found


def _split_name(text: str) -> Name:
    """Lists write `Surname Given Patronymic` or `Surname, Given`; the surname comes first."""
    surname, _, rest = text.partition(",") if "," in text else text.partition(" ")
    parts = rest.split()
    return Name(
        surname=surname.strip() or None,
        given=parts[0] if parts else None,
        patronymic=" ".join(parts[1:]) or None,
    )


def _columns(header: list[str], options: ReaderOptions, path: str) -> dict[str, int]:
    index = {h: i for i, h in enumerate(header)}
    folded = {h.casefold(): i for i, h in enumerate(header)}
    # Headers a list commonly uses map themselves; an explicit mapping overrides them.
    wanted = {KNOWN_HEADERS[h.casefold()]: h for h in header if h.casefold() in KNOWN_HEADERS}
    claimed = {c.casefold() for c in options.mapping.values()}
    wanted = {f: c for f, c in wanted.items() if c.casefold() not in claimed}
    wanted.update(options.mapping)
    if options.id_column:
        wanted["__id__"] = options.id_column
    columns: dict[str, int] = {}
    for field, column in wanted.items():
        i = index.get(column, folded.get(column.casefold()))
        if i is None:
            raise InputError(
                path,
                f"mapping names column {column!r}, which the header lacks "
                f"(columns: {', '.join(header)})",
                1,
            )
        columns[field] = i
    if not columns:
        raise InputError(path, "no column maps onto a record field; give --map field=Column", 1)
    return columns


def _delimiter(text: str, path: str) -> str:
    if Path(path).suffix.lower() == ".tsv":
        return "\t"
    end = text.find("\n")
    first = text[: end if end >= 0 else len(text)]  # (not split: that would copy the file)
    return max(("\t", ";", ","), key=first.count)


# A line ends at \r\n, \n or a lone \r, and nowhere else: str.splitlines also breaks at form
# feeds, \x1c-\x1e, U+0085 and U+2028/2029, which a cell may hold, and which would cut a row
# in two and shift every line number after it.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """The lines of a table, each with its line ending, as an editor counts them."""
    return _LINE.findall(text)


def _header_cell(cell: str) -> str:
    """A header without the spaces and invisible characters (a second BOM, a zero-width
    space) around it, which would make a known header unknown while showing the same."""
    return cell.strip().strip(_INVISIBLE).strip()


_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060\u202a\u202b\u202c\u202d\u202e\u00ad"


def _csv_reason(exc: csv.Error) -> str:
    """The csv module's reason, said for a person who has the file open in an editor."""
    if "field larger than field limit" in str(exc):
        limit = csv.field_size_limit()
        return f"a field longer than {limit:,} characters (a quotation mark never closed?)"
    return str(exc)


register(TableReader())
