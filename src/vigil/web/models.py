"""The JSON API's shapes, so /openapi.json documents every field a client can rely on."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import HTTPException, Path
from pydantic import AfterValidator, BaseModel, Field

# An id as every engine can hold it (the keys are INTEGER: 64 bits on SQLite, 32 on
# PostgreSQL): a larger number in a URL is a bad parameter (422), not a server error.
MAX_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


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


# -- editing (`vigil serve --editing`): review and ingest --------------------------------------


class MatchStep(BaseModel):
    comparison: str
    level: str = Field(description="the level the pair fell in, as the model names it")
    weight: float = Field(description="match weight (log2 Bayes factor) this comparison added")
    tf_weight: float = Field(description="the part of `weight` term frequency adjusted")
    running: float = Field(description="the prior's weight plus every step so far")


class Explanation(BaseModel):
    prior: float = Field(description="probability that two records taken at random match")
    prior_weight: float
    steps: list[MatchStep]
    match_weight: float = Field(description="prior_weight plus every step's weight")
    probability: float


class Decision(BaseModel):
    id: int
    record_a: int
    record_b: int
    verdict: str = Field(description="same or different")
    reason: str | None
    actor: str = Field(description="the reviewer")
    decided_at: datetime


class ReviewPair(BaseModel):
    position: int | None = Field(description="place in the review queue, from 1")
    url: str
    a: Record = Field(description="unscreened: the editor sees every record")
    b: Record
    probability: float | None = Field(description="as the last link run scored the pair")
    match_weight: float | None
    same_person: bool = Field(description="the two records are one person now")
    explanation: Explanation | None
    unexplained: str | None = Field(description="why there is no explanation, when there is none")
    decisions: list[Decision] = Field(description="oldest first; the last is in force")


class ReviewQueue(BaseModel):
    linked: bool = Field(description="false until `vigil link` has run")
    threshold: float | None
    offset: int
    limit: int
    more: bool = Field(description="further pairs follow this page")
    pairs: list[ReviewPair]


def _without_nul(text: str) -> str:
    if "\x00" in text:  # PostgreSQL stores no NUL (SQLite does): refused alike on both
        raise ValueError("a NUL character is not allowed")
    return text


Text = Annotated[str, AfterValidator(_without_nul)]


class DecisionIn(BaseModel):
    a: int
    b: int
    verdict: Literal["same", "different"]
    reason: Text | None = None
    reviewer: Text | None = Field(
        None, description="optional; if given, the caller's own account name (it decides)"
    )


class IngestWarning(BaseModel):
    line: int | None
    text: str
    message: str = Field(description="file:line: text, as `vigil ingest` prints it")


class IngestJob(BaseModel):
    id: str
    url: str
    filename: str = Field(description="as uploaded")
    format: str | None = Field(description="null: detected")
    size: int = Field(description="bytes")
    started: datetime
    state: Literal["queued", "running", "done", "failed"]
    done: int | None = Field(description="characters of the text stored so far")
    total: int | None = Field(description="characters of the text; null while reading")
    source: int | None
    source_url: str | None
    created: bool | None = Field(description="false: the same bytes were already a source")
    records: int | None
    events: int | None
    claims: int | None
    quotes: int | None
    warnings_total: int
    warnings: list[IngestWarning]
    error: str | None = Field(description="file:line: reason, as `vigil ingest` prints it")
    error_line: int | None
    error_reason: str | None


# -- statistics ---------------------------------------------------------------------------------


class StatFilter(BaseModel):
    types: list[str] = Field(description="event type codes")
    categories: list[str] = Field(description="category codes; the narrower ones count too")
    authority: str | None = Field(description="part of the deciding body")
    place: str | None
    since: date | None = Field(description="events overlapping the range are kept")
    until: date | None


class StatGroup(BaseModel):
    key: str | None = Field(
        description="type or category code, or authority as written; null: none recorded"
    )
    total: int = Field(description="every event of the group the filter keeps, placed or not")
    records: str | None = Field(description="the records behind it (null when a range is set)")


class StatCell(BaseModel):
    key: str | None
    period: str = Field(description="1937 or 1937-03")
    events: int = Field(description="events of the group dated wholly inside the period")
    subjects: int | None = Field(description="distinct persons (or records), when asked for")
    records: str = Field(
        description="the records behind it, a page; the same query at /api/statistics/records"
    )


class StatUnplaced(BaseModel):
    key: str | None
    spanning: int = Field(description="dated, but not wholly inside one period or the range")
    undated: int


class StatTimeline(BaseModel):
    computed_at: datetime = Field(description="kept until the registry changes")
    seconds: float = Field(description="how long computing it took")
    by: Literal["type", "authority", "category"]
    period: Literal["year", "month"]
    unit: Literal["person", "record"] = Field(description="what `subjects` counts")
    filter: StatFilter
    periods: list[str]
    groups: list[StatGroup] = Field(description="the most events first; none recorded last")
    cells: list[StatCell]
    unplaced: list[StatUnplaced]
    all_records: str | None


class StatDetail(BaseModel):
    text: str | None = Field(description="the sentence's term as written")
    subjects: int
    share: float = Field(description="of the cohort, 0..1")
    records: str | None


class StatOutcome(BaseModel):
    type: str = Field(description="event type code")
    subjects: int = Field(description="with at least one such event after the cohort event")
    share: float
    records: str
    details: list[StatDetail] = Field(description="for sentences: by term")


class StatCohort(BaseModel):
    category: str | None = Field(description="category code; null: the events name none")
    subjects: int
    unlinked: int = Field(description="of `subjects`, records not yet linked to a person")
    none_recorded: int = Field(description="nothing of another type recorded after")
    none_recorded_share: float
    none_recorded_records: str
    outcomes: list[StatOutcome]


class StatOutcomes(BaseModel):
    computed_at: datetime
    seconds: float
    cohort: str = Field(description="the event type that sorts people by category")
    unit: Literal["person", "record"]
    types: list[str] = Field(description="every outcome type, in the usual course of events")
    cohorts: list[StatCohort]


class StatCitation(BaseModel):
    source: int
    source_title: str
    span_start: int | None
    span_end: int | None
    url: str = Field(description="the source page at the claim")


class StatClaim(BaseModel):
    id: int
    text: str = Field(description="the claim as the source words it")
    lower: float | None
    upper: float | None
    unit: str | None = Field(description="persons, percent, or null")
    counts: str | None
    period: str | None = Field(description="EDTF; null: the text gives none")
    event_type: str | None = Field(description="the act it counts, when the registry records it")
    status: Literal["compared", "rate", "unmatched"]
    events: int | None = Field(description="events of the act dated wholly inside the period")
    subjects: int | None
    spanning: int | None = Field(description="may fall in the period, not known to be inside it")
    undated: int | None
    registry_unit: Literal["person", "record"] | None
    citation: StatCitation
    records: str | None


class StatClaims(BaseModel):
    computed_at: datetime
    seconds: float
    claims: list[StatClaim]


class StatRecords(BaseModel):
    computed_at: datetime
    seconds: float
    figure: dict[str, object] = Field(description="the figure, as the query names it")
    value: int | None = Field(description="the figure as the statistics show it")
    total: int = Field(description="records behind it the public may see")
    page: int
    per_page: int
    pages: int
    records: list[Record]


def unprocessable(message: str, *where: str) -> HTTPException:
    """A 422 in the shape FastAPI gives its own and the schema documents for every route: a
    list of errors, each located (`where`: "query", "year_to"; or "body", "reviewer")."""
    detail = [{"loc": list(where or ("query",)), "msg": message, "type": "value_error"}]
    return HTTPException(status_code=422, detail=detail)
