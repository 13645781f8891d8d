"""The open data's tables: their columns, types, keys and descriptions, declared once.

Every format is written from these declarations: CSV and JSON Lines (one file per table), the
SQLite file for Datasette (its schema and `metadata.json`), the JSON-LD and the README.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # SQLite type: INTEGER, REAL or TEXT
    description: str
    references: str | None = None  # the table this column's values are ids of


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _int(name: str, description: str, references: str | None = None) -> Column:
    return Column(name, "INTEGER", description, references)


def _text(name: str, description: str) -> Column:
    return Column(name, "TEXT", description)


_DATE = "as the source gives it, in EDTF (Library of Congress Extended Date/Time Format)"
_LOWER = "earliest day the date allows (ISO 8601), for sorting and filtering"
_UPPER = "latest day the date allows (ISO 8601)"


def _citation(what: str) -> tuple[Column, ...]:
    """The columns that cite a fact: its source, where in it, and the page that shows it."""
    return (
        _int("source_id", f"the source that attests {what}", "sources"),
        _text("source_title", "the source's title (its file name when it has none)"),
        _text("locator", "where in the source: the entry's number or reference as it gives it"),
        _int("entry", "the entry's position in the source, counting from 1"),
        _int("span_start", "character offset in the source's verbatim text where it begins"),
        _int("span_end", "character offset where it ends (exclusive)"),
        _text("url", "the page of the published site that shows it, marked in the source's text"),
    )


SOURCES = Table(
    "sources",
    "The documents the registry holds, as received: lists, Books of Memory, articles, orders.",
    (
        _int("id", "the source's id in the registry"),
        _text("kind", "article, list, memory-book, order, testimony or table"),
        _text("title", "title"),
        _text("author", "author"),
        _text("written", f"when it was written, {_DATE}"),
        _text("published", f"when it was published, {_DATE}"),
        _text("venue", "the publication it appeared in"),
        _text("volume", "volume of the venue"),
        _text("issue", "issue of the venue"),
        _text("reference", "URL or archival reference (fond, opis, delo) of the original"),
        _text("language", "language of the text (ISO 639-1)"),
        _text("filename", "the file as it was ingested"),
        _text("sha256", "SHA-256 of the file's bytes: identifies the very document cited"),
        _int("records", "records published from it (records of people who may be alive left out)"),
        _text("url", "the source's page on the published site"),
    ),
)

PERSONS = Table(
    "persons",
    "People: the records judged to be one person. Nothing is reconciled; see records for what "
    "each source says.",
    (
        _int("id", "the person's id: stable across re-linking"),
        _text("name", "the name as the first source writes it"),
        _text("surname", "surname in the nominative, from the first record that gives one"),
        _text("given", "given name, from the same record"),
        _text("patronymic", "patronymic, from the same record"),
        _text("names", "every distinct name as the sources write it, separated by ' | '"),
        _text("births", "every distinct date of birth the sources give, separated by ' | '"),
        _int("records", "records that attest the person"),
        _int("sources", "sources those records come from"),
        _text(
            "spellings",
            "the surname in every spelling the offline search knows: "
            "oblique cases, romanisations, skeleton key (for full-text search)",
        ),
        _text("url", "the person's page on the published site"),
    ),
)

RECORDS = Table(
    "records",
    "Records: each appearance of a person in a source, verbatim, with the fields it gives.",
    (
        _int("id", "the record's id in the registry"),
        _int("person_id", "the person the record belongs to; empty when not linked", "persons"),
        *_citation("the record"),
        _text("name_written", "the name exactly as written"),
        _text("surname", "surname in the nominative"),
        _text("given", "given name"),
        _text("patronymic", "patronymic"),
        _text("sex", "m or f, as the word forms show it"),
        _text("birth", f"date of birth, {_DATE}"),
        _text("birth_lower", _LOWER),
        _text("birth_upper", _UPPER),
        _text("birth_place", "place of birth as written"),
        _text("nationality", "nationality as written"),
        _text("party", "party membership as written"),
        _text("occupation", "occupation as written"),
        _text("residence", "residence as written"),
        _text("document", "a document's number the source gives (party card, passport)"),
        _text("text", "the record's verbatim text"),
    ),
)

EVENTS = Table(
    "events",
    "Events: what was done to a person, each as one record attests it.",
    (
        _int("id", "the event's id in the registry"),
        _int("record_id", "the record that attests it", "records"),
        _int(
            "person_id", "the person it happened to; empty when the record is not linked", "persons"
        ),
        _text(
            "type",
            "party.expulsion, work.dismissal, arrest, sentence, exile, deportation, "
            "execution, death, release or rehabilitation",
        ),
        _text("date", f"date, {_DATE}"),
        _text("date_lower", _LOWER),
        _text("date_upper", _UPPER),
        _text("place", "place as written"),
        _text("authority", "the deciding body as written"),
        _text(
            "category",
            "the label the persecutors used, as a thesaurus code (trotskyist, passive-element, …)",
        ),
        _text("charge", "charge or article as written"),
        _text("detail", "detail, e.g. the term of a sentence"),
        *_citation("the event (the span is the event's own, else its record's)"),
    ),
)

CLAIMS = Table(
    "claims",
    "Claims: figures a source states about the world, not about one person.",
    (
        _int("id", "the claim's id in the registry"),
        _text("text", "the claim's words in the source"),
        Column("lower", "REAL", "the least the figure may be"),
        Column("upper", "REAL", "the most the figure may be"),
        _text("unit", "persons, percent, or empty"),
        _text("counts", "what the figure counts (expelled, arrested, …)"),
        _text("period", f"the period it covers, {_DATE}"),
        _int("source_id", "the source that states it", "sources"),
        _text("source_title", "the source's title (its file name when it has none)"),
        _int("span_start", "character offset in the source's verbatim text where it begins"),
        _int("span_end", "character offset where it ends (exclusive)"),
        _text("url", "the page of the published site that shows it"),
    ),
)

TABLES = (SOURCES, PERSONS, RECORDS, EVENTS, CLAIMS)
BY_NAME = {t.name: t for t in TABLES}
