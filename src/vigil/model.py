"""Domain types shared by readers, the store and the command line; pure, no I/O.

Spans are character offsets into the source's verbatim body, so every extracted fact
can be cited back to the exact text it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from vigil.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Name:
    surname: str | None = None
    given: str | None = None
    patronymic: str | None = None
    variants: list[str] = field(default_factory=list)
    written: str | None = None


@dataclass(slots=True)
class Event:
    type: str
    date: PartialDate | None = None
    place: str | None = None
    authority: str | None = None
    charge: str | None = None
    category: str | None = None
    detail: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class Record:
    """One appearance of a person in a source; `span` covers the whole entry."""

    entry: int
    span: Span
    line: int = 1
    locator: str | None = None
    name: Name | None = None
    sex: str | None = None  # "m" or "f" as the text marks it
    birth_date: PartialDate | None = None
    birth_place: str | None = None
    nationality: str | None = None
    party: str | None = None
    occupation: str | None = None
    residence: str | None = None
    # A number a document gives the person: party card, passport, case file of a person.
    document: str | None = None
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    """A quantity a source states about the world, with its bounds as the text gives them."""

    text: str
    span: Span
    lower: float | None = None
    upper: float | None = None
    unit: str | None = None  # "persons", "percent", ...
    counts: str | None = None  # the words it counts, e.g. "expelled"
    period: PartialDate | None = None


@dataclass(slots=True)
class Quote:
    text: str
    span: Span
    attribution: str | None = None


@dataclass(slots=True)
class SourceMeta:
    kind: str  # article, list, memory-book, order, testimony, table
    title: str | None = None
    author: str | None = None
    written: PartialDate | None = None
    published: PartialDate | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    updated: PartialDate | None = None
    locator: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Parsed:
    """What every reader returns. `records` may be a lazy iterator so that large lists stream."""

    meta: SourceMeta
    body: str
    records: Iterable[Record] = ()
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
