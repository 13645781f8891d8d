"""The JSON API's shapes, so /openapi.json documents every field a client can rely on."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Citation(BaseModel):
    """Where a fact is written; `url` opens the source page at the span."""

    record: int
    source: int
    source_title: str
    locator: str | None = Field(description="as the source numbers the entry, when it does")
    entry: int = Field(description="the entry's position in its source, from 1")
    source_page: int
    anchor: str
    url: str


class Name(BaseModel):
    surname: str | None
    given: str | None
    patronymic: str | None
    written: str | None = Field(description="the name as the source writes it")


class SearchHit(BaseModel):
    person: int | None = Field(description="null: a record not yet linked to a person")
    record: int = Field(description="the person's first record, or the unlinked record")
    url: str
    name: Name
    births: list[str] = Field(description="the distinct birth dates the records give (EDTF)")
    records: int
    sources: int
    matched: int = Field(description="how many of the records match the search")
    matches: list[Citation]


class SearchResult(BaseModel):
    total: int = Field(description="persons and unlinked records found, withheld ones excluded")
    more: bool = Field(description="the search looked at its limit of records: narrow it")
    fuzzy: bool = Field(description="no exact spelling matched; these sound alike")
    understood: bool = Field(description="false when no surname could be read from the name")
    page: int
    per_page: int
    pages: int
    results: list[SearchHit]


class Event(BaseModel):
    id: int
    record: int
    type: str
    date: str | None = Field(description="EDTF")
    date_lower: str | None
    date_upper: str | None
    place: str | None
    authority: str | None
    category: str | None = Field(description="thesaurus code of the persecutors' label")
    charge: str | None
    detail: str | None
    citation: Citation


class Record(BaseModel):
    id: int
    person: int | None
    citation: Citation
    text: str = Field(description="the entry verbatim")
    name: Name
    variants: list[str]
    sex: str | None
    birth: str | None
    birth_place: str | None
    nationality: str | None
    party: str | None
    occupation: str | None
    residence: str | None
    document: str | None
    warnings: list[str]
    events: list[Event]


class Value(BaseModel):
    value: str
    citations: list[Citation]


class Fact(BaseModel):
    field: str
    values: list[Value]
    conflict: bool = Field(description="the sources give values that cannot all be true")


class Attestation(BaseModel):
    place: str | None
    authority: str | None
    category: str | None
    charge: str | None
    detail: str | None
    citation: Citation


class Moment(BaseModel):
    type: str
    date: str | None
    lower: str | None
    upper: str | None
    conflict: bool
    attestations: list[Attestation]


class Person(BaseModel):
    id: int
    url: str
    names: list[Value]
    variants: list[Value]
    facts: list[Fact]
    timeline: list[Moment]
    conflicts: int
    records: list[Record]


class Passage(BaseModel):
    start: int = Field(description="character offset in the whole source")
    end: int
    text: str | None = Field(description="null where a withheld person's record stands")


class SourceRecord(BaseModel):
    id: int | None = Field(description="null when withheld")
    withheld: bool
    entry: int
    locator: str | None
    span_start: int | None
    span_end: int | None
    name_written: str | None = None
    person: int | None = None


class Claim(BaseModel):
    id: int
    text: str
    lower: float | None
    upper: float | None
    unit: str | None
    counts: str | None
    period: str | None
    span_start: int | None
    span_end: int | None


class Quote(BaseModel):
    id: int
    text: str
    attribution: str | None
    span_start: int | None
    span_end: int | None


class SourceEvent(BaseModel):
    id: int
    record: int
    type: str
    date: str | None
    span_start: int | None
    span_end: int | None


class SourceBrief(BaseModel):
    id: int
    url: str
    kind: str
    title: str | None
    author: str | None
    published: str | None
    filename: str
    records: int


class Source(BaseModel):
    id: int
    url: str
    kind: str
    format: str
    title: str | None
    author: str | None
    written: str | None
    published: str | None
    venue: str | None
    volume: str | None
    issue: str | None
    updated: str | None
    locator: str | None
    language: str | None
    filename: str
    encoding: str
    sha256: str
    length: int
    page: int
    pages: int
    start: int
    stop: int
    passages: list[Passage]
    records: list[SourceRecord]
    events: list[SourceEvent]
    claims: list[Claim]
    quotes: list[Quote]
